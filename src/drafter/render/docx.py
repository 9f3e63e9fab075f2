"""Write a draft as a Word document that looks like a UN draft resolution.

Header block and sponsor line, bold title, italic organ line and openers, typed paragraph
numbers ("1." + tab, "(a)" + tab: they survive any editor and keep wrong numbers as the
author wrote them, which lint must still see), subparagraphs indented, real Word
footnotes, lint directives as Word comments. ``parse_docx(render_docx(doc)) == doc``.
"""
from __future__ import annotations

import io

from ..model import Inline, Kind, Paragraph, Resolution, Run
from .docx_header import embed_front_matter, header_lines
from .markdown import render_front_matter

COMMENT_AUTHOR = "drafter"


def _para(document, style_name: str):
    """A new body paragraph in a drafter style (set by id: python-docx's name lookup is slow)."""
    para = document.add_paragraph()
    para._p.style = style_name.replace(" ", "")
    return para


def _add_runs(paragraph, runs: tuple[Inline, ...], notes) -> list:
    """Append runs (italic or roman) and footnote indicators; return the Run objects added."""
    added = []
    for r in runs:
        if isinstance(r, Run):
            run = paragraph.add_run(r.text)
            if r.italic:
                run.italic = True
            added.append(run)
        else:
            for el in notes.reference(r.id):
                paragraph._p.append(el)
    return added


def _label(p: Paragraph) -> str | None:
    if p.number is None:
        return None
    if p.kind in (Kind.SUBPARAGRAPH, Kind.RECOMMENDATION):
        return f"({p.number})\t"
    return f"{p.number}.\t"


def _style(p: Paragraph, depth: int) -> str:
    if depth == 0:
        return "UN Preambular" if p.number is None and p.kind is not Kind.RECOMMENDATION else "UN Operative"
    return "UN Subparagraph" if depth == 1 else "UN Subparagraph 2"


def _write_paragraph(document, p: Paragraph, depth: int, notes) -> None:
    para = _para(document, _style(p, depth))
    label = _label(p)
    added = [para.add_run(label)] if label else []
    added += _add_runs(para, p.runs, notes)
    if not added:
        added = [para.add_run("")]
    for comment in p.comments:
        document.add_comment(added, text=comment, author=COMMENT_AUTHOR, initials="dr")
    for sub in p.subparagraphs:
        _write_paragraph(document, sub, depth + 1, notes)


def _write_header(document, doc: Resolution) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from .docx_style import bottom_rule

    for role, text in header_lines(doc.meta):
        para = _para(document, "UN Sponsors" if role == "sponsors" else "UN Header")
        run = para.add_run(text)
        fmt = para.paragraph_format
        if role == "body":
            run.bold = True
            run.font.size = Pt(14)
            fmt.space_after = Pt(6)
        elif role == "symbol":
            run.bold = True
            fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.space_after = Pt(12)
            bottom_rule(para)
        elif role in ("distribution", "date", "language", "meeting"):
            fmt.left_indent = Cm(11.5)
            if role == "language":
                fmt.space_after = Pt(12)
        elif role in ("commission", "agenda_title"):
            run.bold = True
        elif role == "agenda":
            fmt.space_before = Pt(6)


def new_document(author: str):
    """An empty A4 document with the UN styles, without python-docx's template leftovers."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from .docx_style import set_up

    document = Document()
    set_up(document)
    body = document.element.body
    for child in [c for c in body if c.tag.endswith("}p")]:  # the template's empty paragraph
        body.remove(child)
    rels = document.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)  # the template's preview picture is not this draft
    props = document.core_properties
    props.author = props.last_modified_by = author
    props.revision = 1
    return document


def render_docx(doc: Resolution) -> bytes:
    """The draft as the bytes of a .docx file."""
    from .docx_notes import FootnoteWriter, run_element

    document = new_document(COMMENT_AUTHOR)
    props = document.core_properties
    props.title = doc.title or ""
    props.subject = doc.meta.symbol or ""
    props.comments = "Written by drafter"
    _write_header(document, doc)
    front = render_front_matter(doc.meta)
    if front:
        embed_front_matter(document, front)
    if doc.title is not None:
        _para(document, "UN Title").add_run(doc.title)
    if doc.organ is not None:
        para = _para(document, "UN Organ")
        para.add_run(doc.organ.name).italic = doc.organ.italic or None
        if doc.organ.punctuation:
            para.add_run(doc.organ.punctuation)
    notes = FootnoteWriter(document, doc)
    heading = None
    for p in doc.paragraphs:
        if p.heading is not None and p.heading != heading:
            _para(document, "UN Heading").add_run(p.heading)
        heading = p.heading
        _write_paragraph(document, p, 0, notes)
    for fn in notes.unreferenced():
        para = _para(document, "UN Note")
        para._p.append(run_element(fn.id, style="FootnoteReference"))
        para.add_run("\t")
        _add_runs(para, fn.runs, notes)
    notes.finish()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
