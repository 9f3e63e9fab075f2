"""Word auto-numbering: the label Word shows before a paragraph, computed from numbering.xml.

A Word paragraph with ``w:numPr`` (directly or through its style) carries no typed "1." or
"(a)": the number lives in counters Word keeps per list and level, formatted by the level's
``w:numFmt`` and ``w:lvlText``. This replays those counters in document order.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def to_roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def to_letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz (repeated letter), and so on."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return str(n) if fmt == "decimal" else f"{n:02d}"
    if fmt == "lowerLetter":
        return to_letters(n)
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    return None  # bullet, none and exotic formats carry no number


@dataclass(frozen=True)
class Label:
    """What Word prints before the paragraph: ``text`` ("1.", "(a)") and the level's number."""

    text: str
    value: str  # the number alone, formatted ("1", "a", "ii")
    fmt: str
    level: int


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else default


class Numbering:
    """Counters of every list, advanced paragraph by paragraph in document order."""

    def __init__(self, numbering_el, styles_el):
        self.abstract: dict[str, dict[int, object]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_base: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_el is not None:
            for an in numbering_el.findall(qn("w:abstractNum")):
                levels = {int(l.get(qn("w:ilvl"), "0")): l for l in an.findall(qn("w:lvl"))}
                self.abstract[an.get(qn("w:abstractNumId"))] = levels
            for num in numbering_el.findall(qn("w:num")):
                overrides = {}
                for ov in num.findall(qn("w:lvlOverride")):
                    start = _val(ov, "w:startOverride")
                    if start is not None:
                        overrides[int(ov.get(qn("w:ilvl"), "0"))] = int(start)
                self.nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), overrides)
        if styles_el is not None:
            for st in styles_el.findall(qn("w:style")):
                sid = st.get(qn("w:styleId"))
                based = _val(st, "w:basedOn")
                if based:
                    self.style_base[sid] = based
                numpr = st.find(qn("w:pPr") + "/" + qn("w:numPr"))
                if numpr is not None:
                    ilvl = _val(numpr, "w:ilvl")
                    self.style_numpr[sid] = (_val(numpr, "w:numId"), int(ilvl) if ilvl else None)

    def _numpr(self, p_el) -> tuple[str | None, int]:
        numpr = p_el.find(qn("w:pPr") + "/" + qn("w:numPr"))
        num_id = _val(numpr, "w:numId")
        ilvl = _val(numpr, "w:ilvl")
        style = _val(p_el.find(qn("w:pPr")), "w:pStyle")
        seen = set()
        while (num_id is None or ilvl is None) and style and style not in seen:
            seen.add(style)
            s_num, s_lvl = self.style_numpr.get(style, (None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else (str(s_lvl) if s_lvl is not None else None)
            style = self.style_base.get(style)
        return num_id, int(ilvl or 0)

    def label(self, p_el) -> Label | None:
        """Advance the counters for this paragraph and return its label (None if unnumbered)."""
        num_id, ilvl = self._numpr(p_el)
        if num_id in (None, "0") or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():  # a w:num with startOverride restarts the list
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]

        def start_of(lvl: int) -> int:
            return int(_val(levels.get(lvl), "w:start", "1"))

        counters[ilvl] = counters.get(ilvl, start_of(ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt = _val(levels[ilvl], "w:numFmt", "decimal")
        value = format_number(counters[ilvl], fmt)
        if value is None:
            return None
        text = _val(levels[ilvl], "w:lvlText", f"%{ilvl + 1}.")
        for lvl in range(ilvl + 1):
            n = counters.get(lvl, start_of(lvl))
            shown = format_number(n, _val(levels.get(lvl), "w:numFmt", "decimal")) or ""
            text = text.replace(f"%{lvl + 1}", shown)
        return Label(text=text.strip(), value=value, fmt=fmt, level=ilvl)
