"""Pattern kinds: forbidden wording with an optional replacement, canonical names, and a
short referent ("the Office") that may only follow the full name."""
from __future__ import annotations

import re
from dataclasses import dataclass
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


def _absent(spec_hint, text: str) -> bool:
    """True when none of the hint words occurs in ``text`` (so the rule's regex cannot match).
    Plain substring tests: faster than one alternation regex, even for thirty words."""
    if not spec_hint:
        return False
    for h in spec_hint:
        if h in text:
            return False
    return True


@dataclass(frozen=True)
class Spec:
    """One ``patterns`` entry with its regexes compiled and its hint words settled, once per rule."""
    raw: dict
    rx: re.Pattern
    hint: tuple[str, ...] | None  # words one of which every match contains (lower case unless case)
    case: bool  # hints match the original case (``hint_case``)
    hint_rx: re.Pattern | None  # ``hint_regex``: must match the lower-cased (or cased) document


_PREPARED: dict[int, tuple[object, object]] = {}


def prepared(params: dict, key: str, build):
    """``build(params[key])`` computed once per rule (params dicts live as long as the rules)."""
    hit = _PREPARED.get(id(params))
    if hit is None or hit[0] is not params:
        hit = _PREPARED[id(params)] = (params, build(params[key]))
    return hit[1]


def _specs(patterns: list) -> tuple[Spec, ...]:
    out = []
    for spec in patterns:
        rx = _compile(spec["match"], bool(spec.get("ignore_case")))
        case = bool(spec.get("hint_case"))
        if spec.get("hint_regex"):
            out.append(Spec(spec, rx, None, case, _compile(spec["hint_regex"], False)))
            continue
        h = spec.get("hint") or hint(spec["match"])
        h = (h,) if isinstance(h, str) else tuple(h) if h else None
        if h and not case:
            h = tuple(x.lower() for x in h)
        out.append(Spec(spec, rx, h, case, None))
    return tuple(out)


@kind("pattern")
def pattern(ctx) -> None:
    """``patterns``: list of {match, message, replacement?, transform?, ignore_case?, hint?
    (words one of which every match contains: the regex runs only on paragraphs that have
    one) or hint_regex? (a cheap regex that must match the lower-cased document), hint_case?
    (hints match the original case), preserve_case?}; the message may use {match}, {replacement} and the
    regex's groups {1}, {2} …; ``scope``: body | preambular |
    operative | tops | footnotes | all."""
    specs = []  # (spec, its hint words that occur in the document: only those can occur below)
    for spec in prepared(ctx.params, "patterns", _specs):
        doc = ctx.all_text if spec.case else ctx.all_lower
        if spec.hint_rx is not None:
            if spec.hint_rx.search(doc):
                specs.append((spec, None))
        elif not spec.hint:
            specs.append((spec, None))
        else:
            present = tuple(h for h in spec.hint if h in doc)
            if present:
                specs.append((spec, present))
    if not specs:
        return
    for unit, text, low in ctx.units(ctx.params.get("scope", "body")):
        taken: list[tuple[int, int]] = []
        for spec, present in specs:
            if present and _absent(present, text if spec.case else low):
                continue
            for m in spec.rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                raw = spec.raw
                fix = None
                if raw.get("transform"):
                    fix = m.expand(raw.get("replacement", "{}")).replace("{}", TRANSFORMS[raw["transform"]](m))
                elif raw.get("replacement") is not None:
                    fix = m.expand(raw["replacement"])
                if fix is not None and raw.get("preserve_case"):
                    fix = case_like(m.group(0), fix)
                msg = raw["message"].format(m.group(0), *(g or "" for g in m.groups()),
                                            match=m.group(0), replacement=fix or "")
                ctx.report(unit, msg, m.start(), m.end(), fix=fix)


def _name_regex(name: str) -> str:
    return r"\b" + r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name)) + r"\b"


def _names(names: list) -> tuple:
    """(canonical, [(hint words, regex)]) per name, longest name first."""
    entries = []
    for item in names:
        item = {"canonical": item} if isinstance(item, str) else item
        canon = item["canonical"]
        ic = item.get("ignore_case", True)
        rxs = [] if item.get("variants_only") else [((canon.split()[0].lower(),), _compile(_name_regex(canon), ic))]
        rxs += [(hint(v), _compile(v, ic)) for v in item.get("variants", [])]
        entries.append((canon, tuple(rxs)))
    entries.sort(key=lambda e: -len(e[0]))
    return tuple(entries)


@kind("canonical_names")
def canonical_names(ctx) -> None:
    """``names``: canonical strings or {canonical, variants: [regex], ignore_case, variants_only}."""
    doc = ctx.all_lower
    entries = [(canon, [(h and tuple(x for x in h if x in doc), rx) for h, rx in rxs if not _absent(h, doc)])
               for canon, rxs in prepared(ctx.params, "names", _names)]
    entries = [e for e in entries if e[1]]
    if not entries:
        return
    for unit, text, low in ctx.units(ctx.params.get("scope", "all")):
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
                    ctx.report(unit, f"'{m.group(0)}': write '{canon}' (one spelling per name)",
                               m.start(), m.end(), fix=canon)


@kind("referent_after_name")
def referent_after_name(ctx) -> None:
    """``short`` (a regex that does not look across line ends) may not precede ``full``."""
    full = ctx.params["full"]
    short = _compile(ctx.params["short"], False)
    if short.search(ctx.body_text) is None:
        return  # no short referent anywhere: nothing to check paragraph by paragraph
    for p, text, _ in ctx.units("body"):
        k = text.find(full)
        for m in short.finditer(text):
            if k < 0 or m.start() < k:
                ctx.report(p, f"'{m.group(0)}' before the full name: write '{full}' at the first "
                              "mention", m.start(), m.end())
                return
        if k >= 0:
            return
