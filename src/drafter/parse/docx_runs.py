"""Text of Word paragraphs as drafter runs: effective italics, footnote indicators, accepted changes.

Word stores italics on runs, on character styles and on paragraph styles (each possibly
inherited through ``w:basedOn``); a run is italic when the nearest of these says so. Text
inside ``w:del``/``w:moveFrom`` is a tracked deletion and is left out (changes read as
accepted); hidden text is left out too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from ..model import FootnoteRef, Inline, Run, merge_runs
from .inline import SUPERSCRIPT, sup_to_digits

_SKIP_ANCESTORS = {qn("w:del"), qn("w:moveFrom")}
_TRUE = {None, "1", "true", "on"}


def _flag(rpr, tag: str) -> bool | None:
    if rpr is None:
        return None
    el = rpr.find(qn(tag))
    if el is None:
        return None
    return el.get(qn("w:val")) in _TRUE


def _vert(rpr) -> str | None:
    el = rpr.find(qn("w:vertAlign")) if rpr is not None else None
    return el.get(qn("w:val")) if el is not None else None


class StyleSheet:
    """Style names and inherited run properties from styles.xml."""

    def __init__(self, styles_el):
        self.names: dict[str, str] = {}
        self.base: dict[str, str] = {}
        self.rpr: dict[str, object] = {}
        self.default_rpr = None
        if styles_el is None:
            return
        self.default_rpr = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        for st in styles_el.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            name = st.find(qn("w:name"))
            self.names[sid] = name.get(qn("w:val")) if name is not None else sid
            based = st.find(qn("w:basedOn"))
            if based is not None:
                self.base[sid] = based.get(qn("w:val"))
            self.rpr[sid] = st.find(qn("w:rPr"))

    def is_note_mark(self, r_el) -> bool:
        """A run in Word's "footnote reference" character style (a repeated indicator)."""
        rs = r_el.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        return rs is not None and self.name(rs.get(qn("w:val"))).lower() == "footnote reference"

    def name(self, style_id: str | None) -> str:
        return self.names.get(style_id, style_id or "") if style_id else ""

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            yield self.rpr.get(style_id)
            style_id = self.base.get(style_id)

    def _lookup(self, r_el, p_style: str | None, get):
        rpr = r_el.find(qn("w:rPr"))
        value = get(rpr)
        if value is not None:
            return value
        r_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        for chain in ((r_style.get(qn("w:val")) if r_style is not None else None), p_style):
            for style_rpr in self._chain(chain):
                value = get(style_rpr)
                if value is not None:
                    return value
        return get(self.default_rpr)

    def italic(self, r_el, p_style: str | None) -> bool:
        return bool(self._lookup(r_el, p_style, lambda rpr: _flag(rpr, "w:i")))

    def bold(self, r_el, p_style: str | None) -> bool:
        return bool(self._lookup(r_el, p_style, lambda rpr: _flag(rpr, "w:b")))

    def hidden(self, r_el, p_style: str | None) -> bool:
        return bool(self._lookup(r_el, p_style, lambda rpr: _flag(rpr, "w:vanish")))

    def superscript(self, r_el, p_style: str | None) -> bool:
        return self._lookup(r_el, p_style, _vert) == "superscript"


@dataclass
class Notes:
    """How body footnote references map to drafter ids (Word numbers auto marks in order)."""

    start: int = 1
    auto_count: int = 0
    word_to_id: dict[str, str] = field(default_factory=dict)

    def reference(self, word_id: str, custom_mark: str | None) -> str:
        if custom_mark is not None:
            fid = custom_mark
        else:
            fid = str(self.start + self.auto_count)
            self.auto_count += 1
        self.word_to_id.setdefault(word_id, fid)
        return fid


def _skipped(r_el, stop) -> bool:
    node = r_el.getparent()
    while node is not None and node is not stop:
        if node.tag in _SKIP_ANCESTORS:
            return True
        node = node.getparent()
    return False


def _text_of(r_el) -> str:
    out = []
    for child in r_el:
        if child.tag == qn("w:t"):
            out.append(child.text or "")
        elif child.tag in (qn("w:tab"), qn("w:ptab")):
            out.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            out.append(" ")
        elif child.tag == qn("w:noBreakHyphen"):
            out.append("-")
    return "".join(out)


def _split_superscripts(text: str, italic: bool) -> list[Inline]:
    """Unicode superscript digits typed in the text (as pasted from a PDF) are indicators."""
    out: list[Inline] = []
    buf = []
    i = 0
    while i < len(text):
        if text[i] in SUPERSCRIPT:
            j = i
            while j < len(text) and text[j] in SUPERSCRIPT:
                j += 1
            out.append(Run("".join(buf), italic))
            buf = []
            out.append(FootnoteRef(sup_to_digits(text[i:j])))
            i = j
        else:
            buf.append(text[i])
            i += 1
    out.append(Run("".join(buf), italic))
    return out


def paragraph_runs(p_el, styles: StyleSheet, notes: Notes | None, in_note: bool = False,
                   typed_marks: bool = True) -> tuple[tuple[Inline, ...], list[str]]:
    """Runs of one paragraph, and the Word comment ids anchored in it.

    ``typed_marks``: read Unicode superscript digits as indicators (text pasted from a PDF);
    off for drafter's own exports, whose indicators are all real, so "¹" stays text.
    """
    p_style = paragraph_style(p_el)
    comment_ids = list(dict.fromkeys(
        c.get(qn("w:id")) for c in p_el.iter(qn("w:commentRangeStart"), qn("w:commentReference"))))
    out: list[Inline] = []
    pending_custom: str | None = None  # word id of a reference whose custom mark follows
    mark_seen = False  # in a note: its own mark (auto or custom) has been passed
    for r_el in p_el.iter(qn("w:r")):
        if _skipped(r_el, p_el):
            continue
        ref = r_el.find(qn("w:footnoteReference"))
        if ref is not None and notes is not None:
            if ref.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
                pending_custom = ref.get(qn("w:id"))
            else:
                out.append(FootnoteRef(notes.reference(ref.get(qn("w:id")), None)))
            continue
        if in_note and r_el.find(qn("w:footnoteRef")) is not None:
            mark_seen = True
            continue
        text = _text_of(r_el)
        if not text or styles.hidden(r_el, p_style):
            continue
        if pending_custom is not None:
            out.append(FootnoteRef(notes.reference(pending_custom, text.strip())))
            pending_custom = None
            continue
        if text.strip() and (styles.superscript(r_el, p_style) and text.strip().isdigit()
                             or styles.is_note_mark(r_el)):
            if in_note and not mark_seen and not out:
                mark_seen = True  # a note's own custom mark
            else:
                out.append(FootnoteRef(text.strip()))
            continue
        text = text.replace("\t", " ")
        italic = styles.italic(r_el, p_style)
        out.extend(_split_superscripts(text, italic) if typed_marks else [Run(text, italic)])
    return merge_runs(out), comment_ids


def paragraph_style(p_el) -> str | None:
    ppr = p_el.find(qn("w:pPr"))
    ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return ps.get(qn("w:val")) if ps is not None else None


def is_bold(p_el, styles: StyleSheet) -> bool:
    """True when every visible character of the paragraph is bold (titles, headings)."""
    p_style = paragraph_style(p_el)
    texts = [r for r in p_el.iter(qn("w:r")) if not _skipped(r, p_el) and _text_of(r).strip()]
    return bool(texts) and all(styles.bold(r, p_style) for r in texts)


def strip_runs(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Drop leading and trailing blanks (Word paragraphs often carry stray spaces)."""
    items = list(runs)
    while items and isinstance(items[0], Run) and not items[0].text.strip():
        items.pop(0)
    if items and isinstance(items[0], Run):
        items[0] = Run(items[0].text.lstrip(), items[0].italic)
    while items and isinstance(items[-1], Run) and not items[-1].text.strip():
        items.pop()
    if items and isinstance(items[-1], Run):
        items[-1] = Run(items[-1].text.rstrip(), items[-1].italic)
    return merge_runs(items)


def drop_prefix(runs: tuple[Inline, ...], n: int) -> tuple[Inline, ...]:
    """Remove the first ``n`` characters of text (a typed label such as "1.\\t")."""
    out: list[Inline] = []
    for r in runs:
        if n > 0 and isinstance(r, Run):
            cut = min(n, len(r.text))
            n -= cut
            r = Run(r.text[cut:], r.italic)
        out.append(r)
    return strip_runs(tuple(out))
