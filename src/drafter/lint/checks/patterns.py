"""Pattern kinds: forbidden wording with an optional replacement, canonical names, and a
short referent ("the Office") that may only follow the full name."""
from __future__ import annotations

import re
from functools import lru_cache

from . import kind
from .util import case_like, ordinal_words

TRANSFORMS = {"ordinal_words": lambda m: ordinal_words(int(m.group(1)))}


@lru_cache(maxsize=512)
def _compile(pattern: str, ignore_case: bool) -> re.Pattern:
    return re.compile(pattern, re.I if ignore_case else 0)


_ZERO_WIDTH = re.compile(r"^(?:\\b|\^|\\s\*|\(\?<[!=][^()]*\)|\(\?:[^()|]*\)\?)")
_ALTS = re.compile(r"^\(\?:([^()]*)\)")
_WORD = re.compile(r"^([A-Za-z]{3,})([?*+{])?")


@lru_cache(maxsize=512)
def hint(pattern: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match contains (from the regex's leading literal),
    for a cheap substring test before running the regex; None when none can be derived."""
    depth = 0
    for i, ch in enumerate(pattern):
        if ch == "(" and pattern[i - 1:i] != "\\":
            depth += 1
        elif ch == ")" and pattern[i - 1:i] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    p = pattern
    while True:
        m = _ZERO_WIDTH.match(p)
        if not m or not m.group(0):
            break
        p = p[m.end():]
    alts = _ALTS.match(p)
    words = alts.group(1).split("|") if alts else [p]
    out = []
    for w in words:
        m = _WORD.match(w)
        if not m:
            return None
        word = m.group(1)[:-1] if m.group(2) else m.group(1)
        if len(word) < 3:
            return None
        out.append(word.lower())
    return tuple(out)


@lru_cache(maxsize=512)
def _hint_regex(spec_hint: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(h) for h in sorted(spec_hint, key=len, reverse=True)))


def _absent(spec_hint, text: str) -> bool:
    """True when none of the hint words occurs in ``text`` (so the rule's regex cannot match)."""
    if not spec_hint:
        return False
    if len(spec_hint) <= 3:
        return not any(h in text for h in spec_hint)
    return _hint_regex(tuple(spec_hint)).search(text) is None


def _units(ctx, scope: str):
    if scope in ("body", "all"):
        yield from ctx.body
    elif scope == "preambular":
        yield from ctx.preamble
    elif scope == "operative":
        yield from ctx.operative
    elif scope == "tops":
        yield from ctx.tops
    if scope == "all":
        yield from ctx.report_paragraphs
    if scope in ("footnotes", "all"):
        yield from ctx.doc.footnotes


@kind("pattern")
def pattern(ctx) -> None:
    """``patterns``: list of {match, message, replacement?, transform?, ignore_case?, hint?
    (words one of which must occur, else the regex is not run) or hint_regex? (a cheap regex
    that must match the lower-cased document), hint_case? (hints match the original case),
    preserve_case?}; ``scope``: body | preambular | operative | tops | footnotes | all."""
    specs = []
    for spec in ctx.params["patterns"]:
        if spec.get("hint_regex"):
            target = ctx.all_text if spec.get("hint_case") else ctx.all_lower
            if _compile(spec["hint_regex"], False).search(target):
                specs.append((spec, None))
            continue
        h = spec.get("hint") or hint(spec["match"])
        h = (h,) if isinstance(h, str) else h
        if spec.get("hint_case"):
            if not _absent(h, ctx.all_text):
                specs.append((spec, h))
            continue
        h = tuple(x.lower() for x in h) if h else h
        if not _absent(h, ctx.all_lower):
            specs.append((spec, h))
    if not specs:
        return
    for unit in _units(ctx, ctx.params.get("scope", "body")):
        text = ctx.text(unit)
        taken: list[tuple[int, int]] = []
        for spec, h in specs:
            rx = _compile(spec["match"], bool(spec.get("ignore_case")))
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                fix = None
                if spec.get("transform"):
                    fix = m.expand(spec.get("replacement", "{}")).replace("{}", TRANSFORMS[spec["transform"]](m))
                elif spec.get("replacement") is not None:
                    fix = m.expand(spec["replacement"])
                if fix is not None and spec.get("preserve_case"):
                    fix = case_like(m.group(0), fix)
                msg = spec["message"].format(match=m.group(0), replacement=fix or "")
                ctx.report(unit, msg, m.start(), m.end(), fix=fix)


def _name_regex(name: str) -> str:
    return r"\b" + r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name)) + r"\b"


@kind("canonical_names")
def canonical_names(ctx) -> None:
    """``names``: canonical strings or {canonical, variants: [regex], ignore_case, variants_only}."""
    entries = []
    for item in ctx.params["names"]:
        item = {"canonical": item} if isinstance(item, str) else item
        canon = item["canonical"]
        ic = item.get("ignore_case", True)
        rxs = [] if item.get("variants_only") else [((canon.split()[0].lower(),), _compile(_name_regex(canon), ic))]
        rxs += [(hint(v), _compile(v, ic)) for v in item.get("variants", [])]
        entries.append((canon, rxs))
    entries.sort(key=lambda e: -len(e[0]))
    for unit in _units(ctx, ctx.params.get("scope", "all")):
        text, low = ctx.text(unit), ctx.lower(unit)
        taken: list[tuple[int, int]] = []
        for canon, rxs in entries:
            for h, rx in rxs:
                if _absent(h, low):
                    continue
                for m in rx.finditer(text):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    if m.group(0) == canon:
                        continue
                    ctx.report(unit, f"'{m.group(0)}' is written '{canon}' (one spelling per name)",
                               m.start(), m.end(), fix=canon)


@kind("referent_after_name")
def referent_after_name(ctx) -> None:
    full = ctx.params["full"]
    short = _compile(ctx.params["short"], False)
    for p in ctx.body:
        k = ctx.text(p).find(full)
        for m in short.finditer(ctx.text(p)):
            if k < 0 or m.start() < k:
                ctx.report(p, f"'{m.group(0)}' before the full name: write '{full}' at the first "
                              "mention", m.start(), m.end())
                return
        if k >= 0:
            return
