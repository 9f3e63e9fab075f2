"""Word revision marks (w:ins, w:del, w:moveFrom, w:moveTo) around drafter runs.

The redline of :mod:`drafter.revision` works on plain text; :class:`Spans` maps its character
offsets back to the paragraph's runs, so revised text keeps its italics and footnote
indicators. :class:`Revisions` stamps every mark with the author, one date and a unique id,
which is what Word's Review pane needs to accept or reject each change on its own.
"""
from __future__ import annotations

from datetime import datetime, timezone

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..model import FootnoteRef, Inline, Run
from .docx_notes import run_element

DELETING = {"del", "moveFrom"}


class Spans:
    """Italic stretches and indicator positions of runs, by offset in their plain text."""

    def __init__(self, runs: tuple[Inline, ...]):
        self.parts: list[tuple[int, int, bool]] = []
        self.refs: dict[int, list[str]] = {}
        pos = 0
        for r in runs:
            if isinstance(r, FootnoteRef):
                self.refs.setdefault(pos, []).append(r.id)
            else:
                self.parts.append((pos, pos + len(r.text), r.italic))
                pos += len(r.text)
        self.text = "".join(r.text for r in runs if isinstance(r, Run))

    def _refs(self, at: int) -> list[Inline]:
        return [FootnoteRef(i) for i in self.refs.get(at, ())]

    def slice(self, a: int, b: int, last: bool = False) -> list[Inline]:
        """Runs covering ``[a, b)``; indicators standing at ``b`` only in the last slice."""
        out: list[Inline] = self._refs(a) if (a < b or last) else []
        points = sorted({a, b} | {p for p in self.refs if a < p < b} |
                        {s for s, _, _ in self.parts if a < s < b})
        for x, y in zip(points, points[1:]):
            italic = next((it for s, e, it in self.parts if s <= x < e), False)
            out.append(Run(self.text[x:y], italic))
            if y < b or last:
                out.extend(self._refs(y))
        return out


class Revisions:
    """Factory of revision elements for one author and one moment."""

    def __init__(self, author: str, notes, when: datetime | None = None):
        self.author = author or "drafter"
        self.date = (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.notes = notes
        self.next_id = 1000
        self.moves: dict[object, str] = {}

    def _stamp(self, el, with_author: bool = True):
        el.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        if with_author:
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)
        return el

    def runs(self, items: list[Inline], mode: str | None) -> list:
        """Run elements for ``items``; deleted text uses ``w:delText`` and plain indicators."""
        out = []
        for r in items:
            if isinstance(r, FootnoteRef):
                if mode in DELETING:
                    out.append(_deleted(run_element(r.id, style="FootnoteReference")))
                else:
                    out.extend(self.notes.reference(r.id))
            elif r.text:
                el = run_element(r.text, r.italic)
                out.append(_deleted(el) if mode in DELETING else el)
        return out

    def wrap(self, items: list[Inline], mode: str | None) -> list:
        """``items`` as runs inside one revision element (or bare when ``mode`` is None)."""
        runs = self.runs(items, mode)
        if mode is None or not runs:
            return runs
        box = self._stamp(OxmlElement(f"w:{mode}"))
        for r in runs:
            box.append(r)
        return [box]

    def redlined(self, old_runs: tuple[Inline, ...], new_runs: tuple[Inline, ...], changes) -> list:
        """New runs with word-level revisions from ``changes`` (a redline of the plain texts)."""
        so, sn = Spans(old_runs), Spans(new_runs)
        old_refs = {r.id for r in old_runs if isinstance(r, FootnoteRef)}
        out: list = []
        i = j = 0
        for c in changes:
            if c.op in ("delete", "replace"):
                out += self.wrap(so.slice(i, i + len(c.old)), "del")
            if c.op in ("insert", "replace"):
                out += self.wrap(sn.slice(j, j + len(c.new)), "ins")
            if c.op == "equal":
                out += self._unchanged(sn.slice(j, j + len(c.new)), old_refs)
            i, j = i + len(c.old), j + len(c.new)
        return out + self._unchanged(sn.slice(len(sn.text), len(sn.text), last=True), old_refs)

    def _unchanged(self, items: list[Inline], old_refs: set[str]) -> list:
        """Unchanged text; an indicator the old text lacked is an insertion."""
        out, chunk = [], []
        for r in items:
            if isinstance(r, FootnoteRef) and r.id not in old_refs:
                out += self.wrap(chunk, None) + self.wrap([r], "ins")
                chunk = []
            else:
                chunk.append(r)
        return out + self.wrap(chunk, None)

    def mark_paragraph(self, p_el, mode: str) -> None:
        """Revise the paragraph mark too, so accepting or rejecting leaves no empty paragraph."""
        ppr = p_el.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        rpr.append(self._stamp(OxmlElement(f"w:{mode}")))
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")

    def move_range(self, kind: str, key: object) -> tuple[object, object, str]:
        """Start and end of a move range ("moveFrom" or "moveTo"); both ends of a move share a name."""
        name = self.moves.setdefault(key, f"move{len(self.moves) + 1}")
        start = self._stamp(OxmlElement(f"w:{kind}RangeStart"))
        start.set(qn("w:name"), name)
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        return start, end, name


def _deleted(r_el):
    for t in r_el.findall(qn("w:t")):
        t.tag = qn("w:delText")
    return r_el
