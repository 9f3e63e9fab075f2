"""Read a UN report (numbered paragraphs, lettered recommendations, section headings).

Reports reach us as Markdown-flavoured text whose heading levels (``##``, ``###``, bold)
are unreliable, so the level comes from the heading's own label: "II." is a chapter,
"A." a section, "1." a subsection. Each paragraph carries the path of headings it stands
under, joined with " / " (e.g. "II. Recommendations ... / A. Twelfth Meeting ... / 1. Use of
the Internet ..."), so the clause bank can cite where a sentence came from.
"""
from __future__ import annotations

import re

from ..errors import DrafterError
from ..model import Footnote, Kind, Meta, Resolution
from .markdown import ROMAN
from .untext import (BOLD, LINK, OP_LABEL, SUB_LABEL, TRAILING_REFS, Draft, Unit, add_sub, continues, footnote_of,
                     freeze, is_furniture, meta_of, read_header_units, running_head)
from .untext_header import ROMAN_HEADING, SECTION, strip_markers

BOLD_LINE = re.compile(r"^\*\*((?:(?!\*\*).)+)\*\*$")
ITALIC_LINE = re.compile(r"^\*([^*]+)\*$")
LETTER_HEADING = re.compile(r"^[A-Z]\.\s+[A-Z]")
LABEL = re.compile(r"^([IVXL]+|[A-Z]|\d+|[a-z])\.\s")
TOC_LINE = re.compile(r"\t|(?:\s?\.){4,}|<i>Page|\s\d+(?:[-–]\d+)?\s+\d+$")


def clean_heading(text: str) -> str:
    text = LINK.sub(r"\1", BOLD.sub("", text)).replace("\\", "")
    return re.sub(r"\s+", " ", strip_markers(text.strip("* "))).strip()


def heading_of(u: Unit) -> str | None:
    """The heading a unit is, or None when it is body text."""
    t = u.text
    if t.startswith("#"):
        return clean_heading(t.lstrip("#")) or None
    if m := (BOLD_LINE.match(t) or ITALIC_LINE.match(t)):
        inner = clean_heading(m.group(1))
        if BOLD_LINE.match(t) or SECTION.match(inner):
            return inner or None
        return None
    s = strip_markers(t)
    if SECTION.match(s):
        return s
    if (ROMAN_HEADING.match(s) or LETTER_HEADING.match(s)) and len(s) < 250 and \
            not s.endswith((".", ";", ":", ",")):
        return clean_heading(s)
    return None


def numbered_heading(u: Unit, tops: list[Draft]) -> str | None:
    """"1. Drug seizures" after paragraph 7: out of sequence and unpunctuated, so a subheading."""
    m = OP_LABEL.match(u.text)
    numbers = [int(d.number) for d in tops if d.number and d.number.isdigit()]
    if not m or not numbers or int(m.group(1)) == numbers[-1] + 1 or len(u.text) > 200:
        return None
    tail = TRAILING_REFS.sub("", u.text)
    return None if tail.endswith((".", ";", ":", ",")) else clean_heading(u.text)


def level_of(text: str, stack: list[tuple[int, str]]) -> int:
    """1 chapter (I.), 2 section (A.), 3 subsection (1.), 4 (a.); unlabelled: below the current."""
    m = LABEL.match(text)
    if not m:
        return 1 if SECTION.match(text) or not stack else stack[-1][0] + 1
    label = m.group(1)
    if label.isdigit():
        return 3
    if label.islower():
        return 4
    section = next((t for lvl, t in stack if lvl == 2), "")
    follows_letter = len(label) == 1 and section[:1] == chr(ord(label) - 1)
    return 1 if label.lower() in ROMAN and not follows_letter else 2


def is_toc(u: Unit) -> bool:
    return all(TOC_LINE.search(line) for line in u.lines)


def parse_report(units: list[Unit], path: str | None) -> Resolution:
    header, start = read_header_units(units, stop_at_body=True)
    stack: list[tuple[int, str]] = []

    def push(text: str) -> None:
        lvl = level_of(text, stack)
        stack[:] = [e for e in stack if e[0] < lvl] + [(lvl, text)]

    if header.heading:
        push(header.heading)
    tops: list[Draft] = []
    footnotes: list[Footnote] = []
    pending: Draft | None = None
    in_toc = header.heading == "Contents"
    headings_seen = bool(header.heading)
    for u in units[start:]:
        if is_furniture(u.text) or running_head(u, header) or (in_toc and is_toc(u)):
            continue
        in_toc = False
        fn = footnote_of(u, path)
        if fn is not None:
            if fn.marker != "asterisk":  # "* E/CN.7/2010/1." notes the agenda: page furniture
                footnotes.append(fn)
            continue
        heading = heading_of(u) or numbered_heading(u, tops)
        if heading is not None:
            headings_seen = True
            in_toc = heading == "Contents"
            if not in_toc:
                push(heading)
            pending = None
            continue
        where = " / ".join(t for _, t in stack) or None
        if m := OP_LABEL.match(u.text):
            pending = Draft(Kind.REPORT, m.group(1), u.text[m.end():], u.line, u.end_line, where)
            tops.append(pending)
        elif (m := SUB_LABEL.match(u.text)) and tops:
            pending = Draft(Kind.RECOMMENDATION, m.group(1), u.text[m.end():], u.line, u.end_line, where)
            add_sub(tops[-1], pending)
        elif pending is not None and continues(pending, u):
            pending.extend(u)
        else:
            pending = Draft(Kind.REPORT, None, u.text, u.line, u.end_line, where)
            tops.append(pending)
    first = units[0].line if units else 1
    if not tops or not (headings_seen or header.byline or any(d.number for d in tops)):
        raise DrafterError("no resolution structure found: no organ line (such as 'The Commission "
                           "on Narcotic Drugs,') and no numbered report paragraphs", path, first)
    if not (headings_seen or header.byline):
        raise DrafterError("no organ line (such as 'The Commission on Narcotic Drugs,') before the "
                           "numbered paragraphs, and no report headings", path, tops[0].line)
    meta: Meta = meta_of(header, "report", None, None)
    return Resolution(meta=meta, title=header.title, report=tuple(freeze(d, path) for d in tops),
                      footnotes=tuple(footnotes), path=path)
