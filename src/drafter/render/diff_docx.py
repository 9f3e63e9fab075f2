"""``drafter diff OLD NEW --format docx``: the new version with the changes as Word revisions.

Every change is a real tracked change attributed to ``author``: words inserted and deleted
inside edited paragraphs (italics and footnote indicators kept), whole paragraphs added or
deleted with their paragraph marks, moved paragraphs as a named move (``w:moveFrom`` where
the paragraph stood, ``w:moveTo`` where it went), changed paragraph numbers as a deleted and
an inserted label. A summary with the table of renumbered paragraphs opens the document, on
its own page. Accepting every change in Word gives the new version, rejecting every change
the old one; drafter reads the file back as the new version (it skips the summary).
"""
from __future__ import annotations

import io
from pathlib import Path

from ..model import Paragraph, Resolution, Run
from .docx import _label, _para, _style, _write_header, new_document
from .docx_header import embed_front_matter
from .docx_revisions import Revisions
from .markdown import render_front_matter

SUMMARY_STYLE = "UN Summary"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _name(doc: Resolution, fallback: str) -> str:
    return Path(doc.path).name if doc.path else fallback


class DiffWriter:
    def __init__(self, document, new: Resolution, rev: Revisions):
        self.document = document
        self.body = document.element.body
        self.new = new
        self.rev = rev

    def _append(self, para, elements) -> None:
        for el in elements:
            para._p.append(el)

    def _count(self) -> int:
        return len(self.body) - 1  # the last child is the section properties

    def _bracket(self, kind: str, first: int, pair) -> None:
        """Name the paragraphs written since ``first`` as one move range (Word pairs them by name)."""
        start, end, _ = self.rev.move_range(kind, id(pair))
        paras = [el for el in list(self.body)[first:self._count()] if el.tag.endswith("}p")]
        head = paras[0]
        head.insert(1 if head.find(f"{{{W}}}pPr") is not None else 0, start)
        paras[-1].append(end)

    def whole(self, p: Paragraph, depth: int, mode: str) -> None:
        """A paragraph and its subparagraphs entirely inserted, deleted or moved away."""
        para = _para(self.document, _style(p, depth))
        label = _label(p)
        self._append(para, self.rev.wrap(([Run(label)] if label else []) + list(p.runs), mode))
        self.rev.mark_paragraph(para._p, mode)
        for sub in p.subparagraphs:
            self.whole(sub, depth + 1, mode)

    def revised(self, pair, depth: int) -> None:
        """A 1:1 pair: the new paragraph with word-level revisions, then its subparagraphs."""
        o, n = pair.old_paragraphs[0], pair.new_paragraphs[0]
        para = _para(self.document, _style(n, depth))
        old_label, new_label = _label(o), _label(n)
        if old_label == new_label:
            self._append(para, self.rev.wrap([Run(new_label)] if new_label else [], None))
        else:
            self._append(para, self.rev.wrap([Run(old_label)] if old_label else [], "del"))
            self._append(para, self.rev.wrap([Run(new_label)] if new_label else [], "ins"))
        self._append(para, self.rev.redlined(o.runs, n.runs, pair.changes))
        self.pairs(pair.subpairs, depth + 1)

    def pairs(self, pairs, depth: int) -> None:
        for pair, ghost in with_ghosts(pairs):
            ops, nps = pair.old_paragraphs, pair.new_paragraphs
            moved = pair.status.startswith("moved")
            first = self._count()
            if ghost:
                for p in ops:
                    self.whole(p, depth, "moveFrom" if depth == 0 else "del")
                if depth == 0:
                    self._bracket("moveFrom", first, pair)
            elif pair.status in ("added", "deleted", "split", "merged") or (moved and depth > 0):
                for p in ops if not moved else ():
                    self.whole(p, depth, "del")
                for p in nps:
                    self.whole(p, depth, "ins")
            elif moved:  # Word moves carry no inner edits: the new text moves as a whole
                for p in nps:
                    self.whole(p, depth, "moveTo")
                self._bracket("moveTo", first, pair)
            else:
                self.revised(pair, depth)


def with_ghosts(pairs) -> list[tuple[object, bool]]:
    """Pairs in new reading order, each moved pair also as a ghost where it used to stand."""
    out: list[tuple[object, bool]] = [(p, False) for p in pairs]
    anchors = {i: p for p in pairs if not p.status.startswith("moved") for i in p.old_index}
    for moved in (p for p in pairs if p.status.startswith("moved")):
        before = [i for i in anchors if i < min(moved.old_index)]
        if before:
            anchor = anchors[max(before)]
            at = next(k for k, (p, g) in enumerate(out) if p is anchor and not g) + 1
        else:
            at = 0
        while at < len(out) and out[at][1]:
            at += 1
        out.insert(at, (moved, True))
    return out


def _change(pair) -> str:
    if pair.status == "unchanged":
        return "renumbered only"
    return pair.status + (f" ({pair.converted})" if pair.converted else "")


def _summary(document, alignment, old: Resolution, new: Resolution, author: str, date: str) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    def line(text: str, bold: bool = False):
        para = _para(document, SUMMARY_STYLE)
        para.add_run(text).bold = bold or None
        return para

    line(f"Tracked changes: {_name(old, 'old version')} \u2192 {_name(new, 'new version')}", bold=True)
    line(f"Changes by {author}, {date[:10]}. Accept or reject each change in Word's Review pane; "
         "the draft starts on the next page.")
    counts = {k: v for k, v in alignment.summary.items() if v and k != "unchanged"}
    line("Paragraphs: " + (", ".join(f"{v} {k}" for k, v in counts.items()) or "no change") + ".")
    sig = alignment.signals
    if sig.sponsors_added:
        line("Sponsors added: " + ", ".join(sig.sponsors_added) + ".")
    if sig.sponsors_removed:
        line("Sponsors removed: " + ", ".join(sig.sponsors_removed) + ".")
    for fn in sig.footnotes:  # labels: "footnote edited" | "footnote added" | "footnote removed"
        text = " ".join((fn.new or fn.old or "").split())
        line(f"{fn.label.capitalize()}: {text[:90]}{'…' if len(text) > 90 else ''}")
    rows = [p for p in alignment.pairs if p.renumbered or not (p.old and p.new)]
    line("Renumbered paragraphs", bold=True).paragraph_format.space_before = Pt(8)
    if rows:
        table = document.add_table(rows=len(rows) + 1, cols=3)
        table.style = document.styles["Table Grid"]
        for r, values in enumerate([("Old", "New", "Change")] +
                                   [(p.old_label or "\u2014", p.new_label or "\u2014", _change(p)) for p in rows]):
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.paragraphs[0]._p.style = SUMMARY_STYLE.replace(" ", "")
                cell.paragraphs[0].add_run(value).bold = (r == 0) or None
    else:
        line("No paragraph changed its number.")
    line("").add_run().add_break(WD_BREAK.PAGE)


def _note_redlines(alignment, old: Resolution, new: Resolution, rev: Revisions):
    """Footnote texts edited between the versions get word-level revisions inside the note."""
    edited = {}
    for tc in alignment.signals.footnotes:
        if tc.old and tc.new:
            o = next((f for f in old.footnotes if f.text == tc.old), None)
            n = next((f for f in new.footnotes if f.text == tc.new), None)
            if o is not None and n is not None:
                edited[n.id] = (o.runs, tc.changes)

    def content(fid: str, runs):
        if fid not in edited:
            return None
        old_runs, changes = edited[fid]
        notes, rev.notes = rev.notes, _PlainMarks()  # an indicator inside a note is plain text
        try:
            return rev.redlined(old_runs, runs, changes)
        finally:
            rev.notes = notes
    return content


class _PlainMarks:
    def reference(self, fid: str) -> list:
        from .docx_notes import run_element
        return [run_element(fid, style="FootnoteReference")]


def render_diff_docx(alignment, old: Resolution, new: Resolution, author: str = "drafter") -> bytes:
    """The new version as .docx bytes with every change as a Word revision by ``author``."""
    from .docx_notes import FootnoteWriter, run_element

    document = new_document(author or "drafter")
    document.core_properties.title = new.title or ""
    notes = FootnoteWriter(document, new)
    rev = Revisions(author, notes)
    notes.content = _note_redlines(alignment, old, new, rev)
    _summary(document, alignment, old, new, rev.author, rev.date)
    _write_header(document, new)
    front = render_front_matter(new.meta)
    if front:
        embed_front_matter(document, front)
    if new.title is not None or old.title is not None:
        para = _para(document, "UN Title")
        title = alignment.signals.title
        if title is None:
            para.add_run(new.title)
        else:
            for el in rev.redlined((Run(old.title or ""),), (Run(new.title or ""),), title.changes):
                para._p.append(el)
    if new.organ is not None:
        para = _para(document, "UN Organ")
        para.add_run(new.organ.name).italic = new.organ.italic or None
        if new.organ.punctuation:
            para.add_run(new.organ.punctuation)
    DiffWriter(document, new, rev).pairs(alignment.pairs, 0)
    for fn in notes.unreferenced():
        para = _para(document, "UN Note")
        para._p.append(run_element(fn.id, style="FootnoteReference"))
        para.add_run("\t")
        for el in rev.runs(list(fn.runs), None):
            para._p.append(el)
    notes.finish()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
