"""Negotiation signals: opener strength shifts, title, sponsors, footnotes, references.

The strength scale is data (``styles/lexicon/opener_strength.yml``), so a delegation can
tune it without touching code.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..model import Resolution
from ..openers import normalise
from ..resources import styles_dir
from .match import normalise_text, similarity
from .redline import redline
from .types import OpenerShift, Pair, Signals, TextChange

# Document symbols (E/CN.7/2001/16, A/RES/70/1, E/2009/28) and resolution/decision numbers
# (60/1, 2003/32, S-30/1, 74/250 B).
_SYMBOL = re.compile(r"\b(?:A|E|S|ST|TD|UNEP|CND|INCB|UNODC|CTOC|CAC|HRC|DP|E/CN\.\d+)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
                     r"(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*")
_RESNUM = re.compile(r"(?<![\w/.-])(?:S-\d{1,2}/\d{1,3}|ES-\d{1,2}/\d{1,3}|\d{1,4}/\d{1,4}(?: [A-Z]\b)?)(?![\w/])")


@lru_cache(maxsize=1)
def strength_scale() -> dict:
    data = yaml.safe_load((styles_dir() / "lexicon" / "opener_strength.yml").read_text(encoding="utf-8"))
    return {"levels": {**data.get("preambular", {}), **data.get("operative", {})},
            "intensifiers": data.get("intensifiers", {})}


def opener_level(opener: str | None) -> float | None:
    """Strength of an opener on the scale, or None when the scale does not know it."""
    if not opener:
        return None
    scale = strength_scale()
    words = normalise(opener).split()
    bonus = 0.0
    while words and words[0] in scale["intensifiers"]:
        bonus += scale["intensifiers"][words[0]]
        words = words[1:]
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if head in scale["levels"]:
            return float(scale["levels"][head]) + bonus
    return None


def opener_shift(old: str | None, new: str | None) -> OpenerShift | None:
    """Softened / strengthened / changed when the opener's substance changed (not "also")."""
    if not old or not new or normalise(old) == normalise(new):
        return None
    lo, ln = opener_level(old), opener_level(new)
    if lo is None or ln is None or lo == ln:
        direction = "changed"
    else:
        direction = "softened" if ln < lo else "strengthened"
    return OpenerShift(old, new, direction, lo, ln)


def references(doc: Resolution) -> list[str]:
    """Document symbols and resolution numbers cited anywhere in the text or footnotes."""
    texts = [p.full_text for p in doc.paragraphs] + [f.text for f in doc.footnotes]
    found: dict[str, None] = {}
    for t in texts:
        if "/" not in t:
            continue
        for m in _SYMBOL.finditer(t):
            found[m.group().rstrip(".")] = None
        for m in _RESNUM.finditer(_SYMBOL.sub(" ", t)):
            found[m.group()] = None
    return list(found)


def _ordered_diff(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> tuple[tuple, tuple]:
    key = lambda s: " ".join(s.split()).casefold()  # noqa: E731
    ka, kb = {key(x) for x in a}, {key(x) for x in b}
    return tuple(x for x in b if key(x) not in ka), tuple(x for x in a if key(x) not in kb)


def footnote_changes(old: Resolution, new: Resolution) -> tuple[TextChange, ...]:
    """Footnotes edited, added or dropped, matched by text (their numbers shift between versions)."""
    olds = [f.text for f in old.footnotes]
    news = [f.text for f in new.footnotes]
    out: list[TextChange] = []
    left = [t for t in news if t not in olds]
    for t in olds:
        if t in news:
            continue
        best = max(left, key=lambda n: similarity(normalise_text(t), normalise_text(n)), default=None)
        if best is not None and similarity(normalise_text(t), normalise_text(best)) >= 0.6:
            left.remove(best)
            out.append(TextChange("footnote edited", t, best, tuple(redline(t, best))))
        else:
            out.append(TextChange("footnote removed", t, None))
    out += [TextChange("footnote added", None, t) for t in left]
    return tuple(out)


def document_signals(old: Resolution, new: Resolution, pairs: list[Pair]) -> Signals:
    title = None
    if (old.title or "") != (new.title or ""):
        title = TextChange("title", old.title, new.title, tuple(redline(old.title or "", new.title or "")))
    added, removed = _ordered_diff(old.meta.sponsors, new.meta.sponsors)
    ref_added, ref_removed = _ordered_diff(references(old), references(new))
    shifts = tuple((p.new_label or "", p.opener_shift) for p in pairs if p.opener_shift)
    return Signals(title, added, removed, footnote_changes(old, new), ref_added, ref_removed,
                   shifts, (old.meta.symbol, new.meta.symbol))
