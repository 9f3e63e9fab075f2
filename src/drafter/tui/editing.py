"""Structural edits on a Resolution, as pure functions the TUI (and its tests) call.

Every edit returns a new document, so undo is a stack of documents. After each edit the
operative paragraphs are renumbered and every opener is italicised again, so numbering and
opener italics never drift whatever the delegate does. Paragraphs are addressed by their
position in the flat list ``preamble + operative + report`` the draft list shows.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import FootnoteRef, Footnote, Inline, Kind, Paragraph, Resolution, Run, merge_runs, plain
from ..openers import detect_opener
from ..parse.inline import parse_inline, render_inline
from ..parse.markdown import parse_markdown

PARTS = ("preamble", "operative", "report")
_SUB_LINE = re.compile(r"^\(([a-z]{1,4})\)\s+\S")
_END_PUNCT = {Kind.PREAMBULAR: ",", Kind.OPERATIVE: ";"}


def items(doc: Resolution) -> tuple[Paragraph, ...]:
    return doc.preamble + doc.operative + doc.report


def locate(doc: Resolution, index: int) -> tuple[str, int]:
    """(part name, position in part) of the paragraph at flat ``index``."""
    for part in PARTS:
        size = len(getattr(doc, part))
        if index < size:
            return part, index
        index -= size
    raise IndexError(index)


def flat_index(doc: Resolution, part: str, pos: int) -> int:
    return sum(len(getattr(doc, p)) for p in PARTS[:PARTS.index(part)]) + pos


def part_of(kind: Kind) -> str:
    return {Kind.PREAMBULAR: "preamble", Kind.OPERATIVE: "operative"}.get(kind, "report")


# --- runs and openers ---------------------------------------------------------------------

def _style_prefix(runs: tuple[Inline, ...], length: int, italic: bool) -> tuple[Inline, ...]:
    """Runs with the first ``length`` plain characters set to ``italic``."""
    out: list[Inline] = []
    left = length
    for r in runs:
        if isinstance(r, FootnoteRef) or left <= 0:
            out.append(r)
            continue
        head, tail = r.text[:left], r.text[left:]
        left -= len(head)
        out.append(Run(head, italic))
        if tail:
            out.append(Run(tail, r.italic))
    return merge_runs(out)


def opener_of(p: Paragraph) -> str | None:
    if p.kind not in (Kind.PREAMBULAR, Kind.OPERATIVE):
        return None
    return detect_opener(p.text, p.kind.value)


def italicise_opener(p: Paragraph) -> Paragraph:
    """The detected opener in italics (and recorded in ``opener``); other italics kept."""
    opener = opener_of(p)
    if opener is None:
        first = next((r for r in p.runs if isinstance(r, Run)), None)
        kept = first.text.strip().rstrip(",;:") if first is not None and first.italic else None
        return replace(p, opener=kept or None)
    lead = len(p.text) - len(p.text.lstrip())
    return replace(p, runs=_style_prefix(p.runs, lead + len(opener), True), opener=opener)


# --- the editor's text form ---------------------------------------------------------------

def _sub_lines(p: Paragraph) -> list[str]:
    lines = []
    for sub in p.subparagraphs:
        lines.append(f"({sub.number}) {render_inline(sub.runs)}")
        lines.extend(_sub_lines(sub))
    return lines


def editor_text(p: Paragraph) -> str:
    """Inline Markdown of a paragraph for the editor, its opener's italics left implicit."""
    opener = opener_of(p)
    runs = _style_prefix(p.runs, len(opener), False) if opener and p.opener_italic else p.runs
    return "\n".join([render_inline(runs), *_sub_lines(p)])


def _blocks(text: str) -> list[str]:
    """Body first, then one block per ``(a) ...`` line; other line breaks are spaces."""
    blocks: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if blocks and not _SUB_LINE.match(line):
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
    if blocks and _SUB_LINE.match(blocks[0]):
        blocks.insert(0, "")
    return blocks


def paragraph_from_editor(text: str, kind: Kind, like: Paragraph | None = None) -> Paragraph:
    """Parse the editor's text back into a paragraph of ``kind`` (opener italicised)."""
    blocks = _blocks(text) or [""]
    body, subs = blocks[0], blocks[1:]
    para = Paragraph(kind=kind, runs=parse_inline(body))
    if subs:  # the Markdown reader decides (a)/(i) levels; a report's items are recommendations
        front = "---\nstatus: report\n---\n" if kind is Kind.REPORT else ""
        parsed = parse_markdown(front + "1. x\n\n" + "\n\n".join(subs) + "\n")
        tops = parsed.report if kind is Kind.REPORT else parsed.operative
        heading = like.heading if like is not None else None
        para = replace(para, subparagraphs=tuple(_with_heading(s, heading)
                                                 for s in (tops[0].subparagraphs if tops else ())))
    if like is not None:
        para = replace(para, number=like.number, heading=like.heading, comments=like.comments)
    return italicise_opener(para)


def _with_heading(p: Paragraph, heading: str | None) -> Paragraph:
    return replace(p, heading=heading,
                   subparagraphs=tuple(_with_heading(s, heading) for s in p.subparagraphs))


# --- whole-document tidying ---------------------------------------------------------------

def tidy(doc: Resolution) -> Resolution:
    """Renumber operative paragraphs 1..n and italicise every opener."""
    pre = tuple(italicise_opener(replace(p, number=None)) for p in doc.preamble)
    ops = tuple(italicise_opener(replace(p, number=str(i))) for i, p in enumerate(doc.operative, 1))
    return replace(doc, preamble=pre, operative=ops)


def _with_part(doc: Resolution, part: str, paras: list[Paragraph]) -> Resolution:
    return tidy(replace(doc, **{part: tuple(paras)}))


def set_paragraph(doc: Resolution, index: int, para: Paragraph) -> Resolution:
    part, pos = locate(doc, index)
    paras = list(getattr(doc, part))
    paras[pos] = para
    return _with_part(doc, part, paras)


def set_text(doc: Resolution, index: int, text: str) -> Resolution:
    """Replace the paragraph at ``index`` by the editor's ``text`` (same kind)."""
    old = items(doc)[index]
    return set_paragraph(doc, index, paragraph_from_editor(text, old.kind, old))


def insert(doc: Resolution, index: int | None, para: Paragraph) -> tuple[Resolution, int]:
    """Insert after the paragraph at ``index`` when it is of the same part, else at the seam.

    A new PP under an OP goes to the end of the preamble, a new OP under a PP becomes OP 1.
    Returns the new document and the new paragraph's flat index.
    """
    part = part_of(para.kind)
    paras = list(getattr(doc, part))
    if index is None or not items(doc):
        pos = len(paras)
    else:
        cur_part, cur_pos = locate(doc, index)
        if cur_part == part:
            pos = cur_pos + 1
        else:
            pos = len(paras) if PARTS.index(cur_part) > PARTS.index(part) else 0
    paras.insert(pos, para)
    return _with_part(doc, part, paras), flat_index(doc, part, pos)


def new_paragraph(kind: Kind, text: str = "") -> Paragraph:
    return paragraph_from_editor(text, kind)


def delete(doc: Resolution, index: int) -> tuple[Resolution, int | None]:
    part, pos = locate(doc, index)
    paras = list(getattr(doc, part))
    del paras[pos]
    doc = _with_part(doc, part, paras)
    n = len(items(doc))
    return doc, (min(index, n - 1) if n else None)


def move(doc: Resolution, index: int, delta: int) -> tuple[Resolution, int]:
    """Move within its part (a PP stays in the preamble); no-op at either end."""
    part, pos = locate(doc, index)
    paras = list(getattr(doc, part))
    target = pos + delta
    if not 0 <= target < len(paras):
        return doc, index
    paras[pos], paras[target] = paras[target], paras[pos]
    return _with_part(doc, part, paras), index + delta


def swap_end(text: str, kind: Kind) -> str:
    """The paragraph-final comma/semicolon/full stop a paragraph of ``kind`` takes."""
    stripped = text.rstrip()
    if stripped and stripped[-1] in ",;." and kind in _END_PUNCT:
        return stripped[:-1] + _END_PUNCT[kind]
    return text


def convert(doc: Resolution, index: int) -> tuple[Resolution, int]:
    """PP -> OP (becomes OP 1) or OP -> PP (becomes the last PP); end punctuation follows."""
    p = items(doc)[index]
    if p.kind not in _END_PUNCT:
        return doc, index
    kind = Kind.OPERATIVE if p.kind is Kind.PREAMBULAR else Kind.PREAMBULAR
    text = editor_text(p).split("\n")
    text[0] = swap_end(text[0], kind)
    new = paragraph_from_editor("\n".join(text), kind, replace(p, number=None))
    doc, _ = delete(doc, index)
    if kind is Kind.OPERATIVE:
        ops = (new, *doc.operative)
        return tidy(replace(doc, operative=ops)), len(doc.preamble)
    pre = (*doc.preamble, new)
    return tidy(replace(doc, preamble=pre)), len(pre) - 1


def split(doc: Resolution, index: int, before: str, after: str) -> tuple[Resolution, int]:
    """Split a paragraph at the editor's cursor into two of the same kind."""
    p = items(doc)[index]
    first = paragraph_from_editor(before.rstrip(), p.kind, p)
    second = paragraph_from_editor(after.lstrip(), p.kind, replace(p, comments=()))
    part, pos = locate(doc, index)
    paras = list(getattr(doc, part))
    paras[pos:pos + 1] = [first, second]
    return _with_part(doc, part, paras), index + 1


def merge(doc: Resolution, index: int) -> tuple[Resolution, int]:
    """Join the paragraph with the next one of the same part."""
    part, pos = locate(doc, index)
    paras = list(getattr(doc, part))
    if pos + 1 >= len(paras):
        return doc, index
    a, b = paras[pos], paras[pos + 1]
    a_lines, b_lines = editor_text(a).split("\n"), editor_text(b).split("\n")
    body = f"{a_lines[0].rstrip()} {b_lines[0].lstrip()}".strip()
    merged = paragraph_from_editor("\n".join([body, *a_lines[1:], *b_lines[1:]]), a.kind, a)
    paras[pos:pos + 2] = [merged]
    return _with_part(doc, part, paras), index


# --- footnotes ----------------------------------------------------------------------------

def next_footnote_id(doc: Resolution) -> str:
    used = {f.id for f in doc.footnotes}
    for p in items(doc):
        used.update(p.footnote_refs)
    numbers = [int(i) for i in used if i.isdigit()]
    return str(max(numbers, default=0) + 1)


def set_footnote(doc: Resolution, fid: str, text: str) -> Resolution:
    """Add or replace footnote ``fid`` (its text is inline Markdown)."""
    marker = doc.footnotes[0].marker if doc.footnotes else "caret"
    note = Footnote(fid, parse_inline(text.strip()), marker)
    notes = list(doc.footnotes)
    for i, f in enumerate(notes):
        if f.id == fid:
            notes[i] = replace(note, marker=f.marker)
            break
    else:
        notes.append(note)
    return replace(doc, footnotes=tuple(notes))


def footnote_text(doc: Resolution, fid: str) -> str:
    f = doc.footnote(fid)
    return render_inline(f.runs) if f else ""


# --- sources kept in the metadata ---------------------------------------------------------

def add_source(doc: Resolution, source: dict) -> Resolution:
    """Append ``source`` to ``Meta.extra["sources"]`` (front matter) unless already there."""
    extra = dict(doc.meta.extra)
    sources = list(extra.get("sources") or [])
    if source not in sources:
        sources.append(dict(source))
    extra["sources"] = sources
    return replace(doc, meta=replace(doc.meta, extra=tuple(extra.items())))


def preview(p: Paragraph, width: int = 200) -> str:
    text = plain(p.runs)
    return text if len(text) <= width else text[: width - 1] + "…"
