"""Write a document in UN layout as plain text (``drafter export --format text``).

The output looks like the text delegates copy out of a UN document: the header block, the
sponsor line, the title, the organ line, preambular paragraphs with a first-line indent,
numbered operative paragraphs, indented (a)/(i) subparagraphs, superscript footnote
indicators and the footnote texts at the end. Italics are gone (it is plain text). Lines are
wrapped at ``width`` columns, but never where the UN text importer would see a new paragraph,
a label or page furniture, so reading the export back gives the same paragraphs.
"""
from __future__ import annotations

from typing import Callable

from ..model import Inline, Kind, Paragraph, Resolution, Run
from ..parse.inline import digits_to_sup

WIDTH = 80
RULE = "__________"


def inline_text(runs: tuple[Inline, ...]) -> str:
    """Plain text with footnote indicators as superscript digits (``[^id]`` when not a number)."""
    out = []
    for r in runs:
        if isinstance(r, Run):
            out.append(r.text.replace("\n", " "))  # a line break inside a paragraph (from .docx)
        elif r.id.isdigit():
            out.append(digits_to_sup(r.id))
        else:
            out.append(f"[^{r.id}]")
    return "".join(out)


def wrap(text: str, width: int, first: str = "", rest: str = "",
         ok: Callable[[str, str], bool] | None = None) -> list[str]:
    """Greedy word wrap on single spaces; a break is kept only when ``ok(prev_line, next_line)``.

    Joining the stripped lines with single spaces gives ``text`` back exactly.
    """
    if width <= 0 or len(first) + len(text) <= width:
        return [first + text]
    words = text.split(" ")
    lines: list[list[str]] = [[words[0]]]
    size = len(first) + len(words[0])
    for prev, word in zip(words, words[1:]):
        indent = len(rest)
        if size + 1 + len(word) <= width or not word or not prev:
            lines[-1].append(word)
            size += 1 + len(word)
        else:
            lines.append([word])
            size = indent + len(word)
    if ok is not None:
        lines = _repair(lines, ok)
    out = [" ".join(ws) for ws in lines]
    return [first + out[0]] + [rest + line for line in out[1:]]


def _repair(lines: list[list[str]], ok: Callable[[str, str], bool]) -> list[list[str]]:
    """Move a break the importer would misread (rare): carry up to 3 words down, else join the lines."""
    fixed = [lines[0]]
    for words in lines[1:]:
        prev = fixed[-1]
        for carry in range(0, min(4, len(prev))):
            head, moved = prev[:len(prev) - carry], prev[len(prev) - carry:]
            if ok(" ".join(head), " ".join(moved + words)):
                fixed[-1] = head
                fixed.append(moved + words)
                break
        else:
            fixed[-1] = prev + words
    return fixed


def _body_break_ok(note: bool) -> Callable[[str, str], bool]:
    from ..parse.untext import is_furniture, starts_unit

    def ok(prev: str, line: str) -> bool:
        if note and prev.endswith("."):
            return False  # a footnote line ending in "." closes the note for the importer
        return not starts_unit(line, prev) and not is_furniture(line) and not is_furniture(prev)
    return ok


def _header_break_ok(prev: str, line: str) -> bool:
    """Neither half may read as a header line of its own, nor split the block into two units."""
    from ..parse.untext_header import Header, classify, is_heading_piece
    if not _body_break_ok(False)(prev, line):
        return False
    return not any(classify(s, Header()) or is_heading_piece(s) for s in (prev, line))


def _header(doc: Resolution, width: int) -> list[list[str]]:
    m, st = doc.meta, doc.meta.status
    blocks: list[list[str]] = []

    def add(text: str | None, wrapped: bool = False) -> None:
        if text:
            blocks.append(wrap(text, width, ok=_header_break_ok) if wrapped else [text])

    add(m.body)
    add(m.symbol)
    add(f"Distr.: {m.distribution}" if m.distribution else None)
    add(m.date)
    add(f"Original: {m.original_language}" if m.original_language else None)
    add(m.commission)
    add(m.session)
    add(m.venue)
    add(f"Agenda item {m.agenda_item}" if m.agenda_item else None)
    add(m.agenda_title, wrapped=True)
    if st.kind in ("draft", "revised"):
        what = "revised draft resolution" if st.kind == "revised" else "draft resolution"
        if m.sponsors or st.kind == "revised":
            add(f"{_and_list(m.sponsors)}: {what}" if m.sponsors else what.capitalize())
    elif m.resolution_number:
        add(f"Resolution {m.resolution_number}")
    add(doc.title, wrapped=True)
    byline = dict(m.extra).get("byline")
    add(str(byline) if byline else None)
    return blocks


def _and_list(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _paragraph(p: Paragraph, width: int, indent: str = "") -> list[list[str]]:
    """PPs and OPs with a first-line indent; subparagraphs with a hanging indent under their label."""
    text = inline_text(p.runs)
    ok = _body_break_ok(False)
    child = "        "
    if p.kind in (Kind.SUBPARAGRAPH, Kind.RECOMMENDATION) and p.number:
        first = f"{indent}({p.number}) ".ljust(len(indent) + 5)
        child = " " * len(first)
        lines = wrap(text, width, first, child, ok)
    elif p.number is not None:
        lines = wrap(text, width, f"    {p.number + '.':<4}", "", ok)
    else:
        lines = wrap(text, width, "    ", "", ok)
    blocks = [lines]
    for sub in p.subparagraphs:
        blocks.extend(_paragraph(sub, width, child))
    return blocks


def _headings(prev: str | None, cur: str | None) -> list[str]:
    """The heading levels of ``cur`` (a " / " path) that differ from ``prev``."""
    if not cur or cur == prev:
        return []
    old, new = (prev or "").split(" / "), cur.split(" / ")
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    return new[same:]


def render_text(doc: Resolution, width: int = WIDTH) -> str:
    """The document in UN layout as plain text, wrapped at ``width`` columns (0: no wrapping)."""
    blocks = _header(doc, width)
    if doc.organ is not None:
        blocks.append([doc.organ.name + doc.organ.punctuation])
    heading = None
    for p in doc.paragraphs:
        for h in _headings(heading, p.heading):
            blocks.append([h])
        heading = p.heading if p.heading is not None else heading
        blocks.extend(_paragraph(p, width))
    st = doc.meta.status
    if st.kind == "adopted" and st.meeting:
        blocks.append([st.meeting] + ([st.adopted_date] if st.adopted_date else []))
    if doc.footnotes:
        blocks.append([RULE])
        note_ok = _body_break_ok(True)
        for fn in doc.footnotes:
            mark = f"{fn.id}/" if fn.marker == "slash" and fn.id.isdigit() else \
                digits_to_sup(fn.id) if fn.id.isdigit() else f"[^{fn.id}]:"
            blocks.append(wrap(inline_text(fn.runs), width, f"    {mark} ", "", note_ok))
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"
