"""Read a Word draft (.docx, .docm) into the document model.

Word paragraphs become the blocks of a canonical Markdown text (``1. *Decides* ...``,
``(a) ...``, ``[^1]: ...``) which the Markdown parser turns into a Resolution, so a draft
means the same thing whichever way it arrives. What Word adds is read here: effective
italics, typed and automatic numbering, real footnotes, Word comments (lint directives),
the header block, and drafter's own stored front matter. ``Source.line`` of every block is
its 1-based paragraph index in the document body and ``Source.path`` the .docx path: see
:func:`is_paragraph_indexed`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..errors import DrafterError
from ..model import FootnoteRef, Meta, Organ, Paragraph, Resolution, Run, Source, plain
from ..render.docx_header import header_lines, read_front_matter
from ..render.docx_style import DRAFTER_STYLES
from ..render.markdown import render_front_matter
from .docx_address import is_paragraph_indexed, paragraph_address  # noqa: F401 (re-exported)
from .docx_numbering import Label, Numbering
from .docx_package import open_document
from .docx_runs import Notes, StyleSheet, drop_prefix, is_bold, paragraph_runs, paragraph_style, strip_runs
from .inline import render_inline
from .markdown import ORGAN, meta_from_dict, parse_markdown

TYPED_OP = re.compile(r"^\s*(\d+)\.\s+")
TYPED_SUB = re.compile(r"^\s*\(([a-z]{1,4})\)\s+")
HEADING_STYLE = re.compile(r"^(heading [1-6]|un heading|title|subtitle)$", re.I)


@dataclass
class Block:
    index: int  # 1-based paragraph index in the document body
    style: str
    runs: tuple
    label: Label | None
    comment_ids: list[str]
    bold: bool

    @property
    def text(self) -> str:
        return plain(self.runs).strip()


def _part_xml(document, reltype: str):
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


def _note_start(document, settings_el) -> int:
    for el in (document.element.body.find(qn("w:sectPr")), settings_el):
        start = el.find(f"{qn('w:footnotePr')}/{qn('w:numStart')}") if el is not None else None
        if start is not None and (start.get(qn("w:val")) or "").isdigit():
            return int(start.get(qn("w:val")))
    return 1


def _body_paragraphs(body):
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield child
        elif child.tag in (qn("w:tbl"), qn("w:sdt"), qn("w:customXml")):
            yield from child.iter(qn("w:p"))


def _collect(document):
    """Blocks of the body, footnote runs by drafter id, comment texts by Word id."""
    styles = StyleSheet(document.styles.element)
    numbering = Numbering(_part_xml(document, RT.NUMBERING), document.styles.element)
    notes = Notes(start=_note_start(document, document.settings.element))
    blocks: list[Block] = []
    typed = not DRAFTER_STYLES & set(styles.names.values())
    for index, p_el in enumerate(_body_paragraphs(document.element.body), 1):
        label = numbering.label(p_el)
        runs, comment_ids = paragraph_runs(p_el, styles, notes, typed_marks=typed)
        runs = strip_runs(runs)
        if runs or label:
            blocks.append(Block(index, styles.name(paragraph_style(p_el)), runs, label, comment_ids,
                                is_bold(p_el, styles)))
    footnotes: dict[str, tuple] = {}
    notes_el = _part_xml(document, RT.FOOTNOTES)
    for fn in notes_el.iter(qn("w:footnote")) if notes_el is not None else ():
        word_id = fn.get(qn("w:id"))
        if fn.get(qn("w:type")) not in (None, "normal") or word_id not in notes.word_to_id:
            continue
        parts = [strip_runs(paragraph_runs(p, styles, None, in_note=True, typed_marks=typed)[0])
                 for p in fn.iter(qn("w:p"))]
        joined: list = []
        for part in (p for p in parts if p):
            joined += ([Run(" ")] if joined else []) + list(part)
        footnotes.setdefault(notes.word_to_id[word_id], tuple(joined))
    comments: dict[str, str] = {}
    comments_el = _part_xml(document, RT.COMMENTS)
    for c in comments_el.iter(qn("w:comment")) if comments_el is not None else ():
        text = " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p")))
        comments[c.get(qn("w:id"))] = " ".join(text.replace("-->", "->").split())
    return blocks, footnotes, comments


def _organ(block: Block) -> tuple[str, Organ] | None:
    text = block.text
    m = ORGAN.match(text)
    if not m or "*" in text:
        return None
    name, punct = m.group(2), m.group(4)
    first = next((r for r in block.runs if isinstance(r, Run) and r.text.strip()), None)
    italic = bool(first and first.italic)
    return (f"*{name}*{punct}" if italic else f"{name}{punct}"), Organ(name, italic, punct)


def _meta_from_header(lines: list[str]) -> tuple[Meta, str | None]:
    """Meta and title from printed header lines, read as the plain-text importer reads them."""
    from .untext import meta_of
    from .untext_header import Header, finish, read_block

    h = Header()
    read_block(lines, h)
    finish(h)
    return meta_of(h, "draft", None, None), h.title


def _page_header_lines(document) -> list[str]:
    """Lines of the first page's header (UN documents print the symbol there)."""
    section = document.sections[0] if len(document.sections) else None
    if section is None:
        return []
    lines: list[str] = []
    for hdr in (section.first_page_header, section.header):
        if hdr.is_linked_to_previous:
            continue
        for p_el in hdr._element.iter(qn("w:p")):
            text = "".join(t.text or "" for t in p_el.iter(qn("w:t"))).strip()
            if text:
                lines.append(text)
        if lines:
            break
    return lines


def _split_front(blocks: list[Block]):
    """(header blocks, title block, organ block, body blocks) by drafter styles or by layout."""
    if any(b.style in DRAFTER_STYLES for b in blocks):
        blocks = [b for b in blocks if b.style != "UN Summary"]  # cover page of a tracked-changes diff
        header = [b for b in blocks if b.style in ("UN Header", "UN Sponsors")]
        title = next((b for b in blocks if b.style == "UN Title"), None)
        organ = next((b for b in blocks if b.style == "UN Organ" and _organ(b)), None)
        body = [b for b in blocks if b not in header and b is not title and b is not organ]
        return header, title, organ, body
    first_numbered = next((i for i, b in enumerate(blocks) if b.label or TYPED_OP.match(b.text)), len(blocks))
    from .untext_header import Header, classify
    organ_at = next((i for i, b in enumerate(blocks[:first_numbered])
                     if _organ(b) and not classify(b.text, Header())), None)
    if organ_at is not None:
        front, body, organ = blocks[:organ_at], blocks[organ_at + 1:], blocks[organ_at]
    else:
        h = Header()
        n = 0
        while n < first_numbered and classify(blocks[n].text, h):
            n += 1
        is_title = n < len(blocks) and (blocks[n].bold or HEADING_STYLE.match(blocks[n].style or ""))
        front, body, organ = blocks[:n + 1 if is_title else n], blocks[n + 1 if is_title else n:], None
    if front and classify(front[-1].text, Header()):
        return front, None, organ, body
    return front[:-1], (front[-1] if front else None), organ, body


def _label_prefix(b: Block) -> tuple[str, tuple]:
    """Markdown label ("3. ", "(a) ") and the runs without any typed label."""
    if b.label is not None:
        if b.label.fmt.startswith("decimal"):
            return f"{int(b.label.value)}. ", b.runs
        if b.label.fmt in ("lowerLetter", "lowerRoman"):
            return f"({b.label.value}) ", b.runs
        return f"{b.label.text} ", b.runs
    lead = next((i for i, r in enumerate(b.runs) if not isinstance(r, Run)), len(b.runs))
    text = plain(b.runs[:lead])  # a label is text before any indicator
    for pattern, fmt in ((TYPED_OP, "{}. "), (TYPED_SUB, "({}) ")):
        m = pattern.match(text)
        if m:
            return fmt.format(m.group(1)), drop_prefix(b.runs, m.end())
    return "", b.runs


def _is_uncited_note(b: Block) -> bool:
    """drafter writes a note no paragraph cites as a "UN Note" paragraph after the text."""
    return b.style == "UN Note" and bool(b.runs) and isinstance(b.runs[0], FootnoteRef)


def _block_markdown(b: Block) -> str:
    if HEADING_STYLE.match(b.style or "") and not b.label:
        return "## " + b.text
    if _is_uncited_note(b):
        return f"[^{b.runs[0].id}]: " + render_inline(strip_runs(b.runs[1:]))
    prefix, runs = _label_prefix(b)
    body = render_inline(runs)
    if not prefix and (body.startswith(("#", "<!--", "---")) or TYPED_SUB.match(body)):
        body = "\\" + body
    return prefix + body


def _resource(p: Paragraph, where: dict[int, int], path: str) -> Paragraph:
    idx = where.get(p.source.line, p.source.line) if p.source else 0
    subs = tuple(_resource(s, where, path) for s in p.subparagraphs)
    return replace(p, source=Source(idx, idx, path), subparagraphs=subs)


def parse_docx(path: str) -> Resolution:
    """Read a .docx/.docm draft; DrafterError on anything that is not a readable draft."""
    path = str(path)
    document = open_document(path)
    try:
        blocks, notes, comments = _collect(document)
    except (etree.XMLSyntaxError, KeyError, ValueError, AttributeError, TypeError) as exc:
        raise DrafterError(f"corrupt .docx ({exc})", path) from None
    header, title, organ, body = _split_front(blocks)
    printed = [b.text for b in header]
    front = read_front_matter(document)
    meta, _ = _meta_from_header(_page_header_lines(document) + printed + ([title.text] if title else []))
    if front is not None:
        try:
            body_lines = [l for l in front.strip().split("\n") if l.strip() not in ("---", "...")]
            stored = meta_from_dict(yaml.safe_load("\n".join(body_lines)) or {}, path)
        except (yaml.YAMLError, DrafterError):
            stored = None
        if stored is not None:
            meta = stored if [t for _, t in header_lines(stored)] == printed else replace(meta, extra=stored.extra)
    lines: list[str] = render_front_matter(meta).splitlines() + [""]
    where: dict[int, int] = {}

    def add(text: str, index: int) -> None:
        where[len(lines) + 1] = index
        lines.extend([text, ""])

    if title is not None:
        add("# " + title.text, title.index)
    organ_line = _organ(organ) if organ is not None else None
    if organ_line:
        add(organ_line[0], organ.index)
    first_ref: dict[str, int] = {}
    uncited = [b for b in body if _is_uncited_note(b)]
    for b in (b for b in body if not _is_uncited_note(b)):
        for cid in b.comment_ids:
            if comments.get(cid):
                add(f"<!-- {comments[cid]} -->", b.index)
        add(_block_markdown(b), b.index)
        for r in b.runs:
            if isinstance(r, FootnoteRef):
                first_ref.setdefault(r.id, b.index)
    for fid, runs in notes.items():
        add(f"[^{fid}]: " + render_inline(runs), first_ref.get(fid, 0))
    for b in uncited:
        add(_block_markdown(b), b.index)
    doc = parse_markdown("\n".join(lines), path)
    ours = any(b.style in DRAFTER_STYLES for b in blocks)
    if not doc.paragraphs and doc.title is None or not ours and doc.organ is None and \
            not any(p.opener or p.number for p in doc.paragraphs):
        raise DrafterError("no resolution structure found in the Word document (no organ line, "
                           "no paragraph opening with a preambular or operative verb, no numbered "
                           "paragraphs)", path)
    def at(source: Source | None) -> Source:
        idx = where.get(source.line, 0) if source else 0
        return Source(idx, idx, path)

    organ_model = doc.organ and replace(doc.organ, source=at(doc.organ.source))
    footnotes = tuple(replace(f, marker="superscript", source=at(f.source)) for f in doc.footnotes)
    return replace(doc, organ=organ_model, footnotes=footnotes,
                   preamble=tuple(_resource(p, where, path) for p in doc.preamble),
                   operative=tuple(_resource(p, where, path) for p in doc.operative),
                   report=tuple(_resource(p, where, path) for p in doc.report))

