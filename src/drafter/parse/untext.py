"""Read text copied out of a UN document (PDF, ODS, web page) into a Resolution.

Such text has lost its layout: paragraphs are cut by page breaks with the footnote block
standing inside them, page furniture (running heads, job numbers, page numbers, ``---``
rules) is mixed in, italics are often gone and footnote indicators are superscript digits
glued to words. The text is cut into units (a paragraph-sized run of lines), furniture is
dropped, footnote texts are collected wherever they stand, and a unit that cannot start a
paragraph (lower-case start, or the previous paragraph has no closing punctuation) is
joined to the paragraph before it. Resolutions are read here; reports in ``report.py``;
the header block in ``untext_header.py``.

Choices where the text is silent: a "revised draft resolution" whose symbol (and so its
/Rev.N) is not in the text is Status("revised", revision=1); a /Rev.N symbol, in the header
or as a running head, gives N. "Distr.: GENERAL" is stored as "General". Notes marked with
an asterisk ("* E/CN.7/2010/1." under an agenda item, "* On behalf of ..." under a sponsor)
annotate the header, not the text, and are dropped; nothing is inferred that the text does
not print (no symbol, no commission from "CND Res.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import DrafterError
from ..model import Footnote, Kind, Organ, Paragraph, Resolution, Run, Source, plain
from ..openers import detect_opener
from .inline import SUPERSCRIPT, parse_inline, sup_to_digits
from .markdown import ORGAN, ROMAN
from .untext_header import REVISION, ROMAN_HEADING, SYMBOL, Header, finish, read_block
from .untext_header import meta_of  # noqa: F401  (also imported from here by parse/docx.py)

OP_LABEL = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
SUB_LABEL = re.compile(r"^\(([a-z]{1,4})\)\s+(?=\S)")
FOOTNOTE = re.compile(r"^(?:([" + SUPERSCRIPT + r"]+)\s*|(\d{1,3})/\s+|\[\^([^\]\s]+)\]:\s*|((?:\\?\*)+|[†‡])\s+)(?=\S)")
FURNITURE = re.compile(
    r"^(?:-{3,}|\*\s?\*\s?\*|_{3,}|\d{1,3}|-\s?\d{1,3}\s?-|\d{1,3}/\d{1,3}|Page \d+"
    r"|[A-Z]{1,2}\.\d{2}-\d{5}(?:\s.*)?|\d{2}-\d{5}\s*\([A-Z]\).*|\*\d{7}\*|Please recycle.*)$")
CLOSING = re.compile(r"^(\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)(?:,?\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?\.?$", re.I)
LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^)\s]*)\)")
HTML_ITALIC = re.compile(r"</?i>")
BOLD = re.compile(r"(?<!\\)\*\*")
STAR = re.compile(r"(?<!\\)\*")
TRAILING_REFS = re.compile(r"(?:[" + SUPERSCRIPT + r"]+|\[\^[^\]\s]+\]|\\?\*|[”’\"')\]\s])+$")
_TRAIL_LAST = frozenset(SUPERSCRIPT + "]*”’\"')")  # the characters a TRAILING_REFS match can end with


def strip_trailing_refs(text: str) -> str:
    """``TRAILING_REFS.sub("", text)``, skipping the (slow, unanchored) regex when it cannot match."""
    if not text or (text[-1] not in _TRAIL_LAST and not text[-1].isspace()):
        return text
    return TRAILING_REFS.sub("", text)
FUNCTION_WORDS = {"the", "of", "and", "or", "in", "to", "a", "an", "for", "on", "with", "by",
                  "that", "its", "their", "from", "at", "as", "which", "whose", "including"}


@dataclass
class Unit:
    """A paragraph-sized run of source lines (1-based, inclusive)."""

    text: str
    line: int
    end_line: int
    lines: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A paragraph being assembled from units (mutable; frozen into a Paragraph at the end)."""

    kind: Kind
    number: str | None
    text: str
    line: int
    end_line: int
    heading: str | None = None
    subs: list["Draft"] = field(default_factory=list)
    runs: tuple | None = None  # inline(text), when already computed for this text

    def extend(self, u: Unit) -> None:
        sep = "" if self.text.endswith("-") and u.text[:1].islower() else " "
        self.text = self.text + sep + u.text
        self.runs = None
        self.end_line = max(self.end_line, u.end_line)


def starts_unit(line: str, prev: str | None) -> bool:
    """A line inside a block that begins a new unit: a label, a footnote text, a new PP."""
    if prev is None or OP_LABEL.match(line) or SUB_LABEL.match(line) or line.startswith("#"):
        return True
    if FOOTNOTE.match(line) and not line.startswith("*"):
        return True
    if any(f(line) or f(prev) for f in (is_furniture, is_organ, is_heading_line)):
        return True
    if CLOSING.match(line.lstrip("*")):
        return True
    return strip_trailing_refs(prev).endswith((",", ";")) and line[:1].isupper() and \
        detect_opener(line, "preambular") is not None


def split_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    prev: str | None = None
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            prev = None
            continue
        after_note = prev is not None and prev.endswith(".") and FOOTNOTE.match(units[-1].text) is not None
        if after_note or starts_unit(line, prev):
            units.append(Unit(line, n, n, [line]))
        else:
            units[-1].text += " " + line
            units[-1].end_line = n
            units[-1].lines.append(line)
        prev = line
    return units


def is_heading_line(text: str) -> bool:
    """A whole line in bold, or "II. Title" without closing punctuation: a heading of its own."""
    t = text.strip()
    if t.startswith("**") and t.endswith("**") and len(t) > 4 and "**" not in t[2:-2]:
        return True
    return bool(ROMAN_HEADING.match(t)) and len(t) < 200 and not t.endswith((".", ",", ";", ":"))


def is_organ(text: str) -> bool:
    """The organ line ("The Commission on Narcotic Drugs,"); a bare body name is a header line."""
    m = ORGAN.match(BOLD.sub("", text))
    return bool(m and m.group(4))


def is_furniture(text: str) -> bool:
    return FURNITURE.match(text.strip()) is not None


def running_head(u: Unit, h: Header) -> bool:
    """A document symbol standing alone in the body is a running head: note it, drop it."""
    s = u.text.strip()
    if " " in s or not SYMBOL.match(s) or not any(c.isdigit() for c in s):
        return False
    if "symbol" not in h.fields:
        h.fields["symbol"] = s
        if m := REVISION.search(s):
            h.revision = int(m.group(1))
    return True


def footnote_of(u: Unit, path: str | None) -> Footnote | None:
    """The footnote text a unit holds, or None. Asterisk notes (agenda, sponsors) give id "*"."""
    m = FOOTNOTE.match(u.text)
    if not m:
        return None
    sup, slash, caret, star = m.groups()
    fid = sup_to_digits(sup) if sup else (slash or caret or "*")
    marker = "superscript" if sup else "slash" if slash else "caret" if caret else "asterisk"
    return Footnote(fid, inline(u.text[m.end():]), marker, Source(u.line, u.end_line, path))


def inline(text: str):
    """Runs from Markdown-flavoured text: links and bold dropped, ``*italic*`` and ``<i>`` kept."""
    if "*" not in text and "[" not in text and "<" not in text:  # nothing to rewrite below
        return parse_inline(text)
    if "](" in text:
        text = LINK.sub(r"\1", text)
    if "<" in text:
        text = HTML_ITALIC.sub("*", text)
    if "**" in text:
        text = BOLD.sub("", text)
    stars = [m.start() for m in STAR.finditer(text)]
    if len(stars) % 2:  # an unpaired star is a footnote indicator or a stray: keep it as text
        text = text[: stars[-1]] + "\\" + text[stars[-1]:]
    return parse_inline(text)


def continues(prev: Draft, u: Unit) -> bool:
    """Does unit ``u`` carry on paragraph ``prev`` (cut by a page break or a footnote block)?"""
    first = u.text.lstrip("“‘\"'([")[:1]
    if first.islower():
        return True
    if OP_LABEL.match(u.text) or SUB_LABEL.match(u.text) or not first.isalnum():
        return False
    tail = strip_trailing_refs(prev.text)
    if not tail or tail[-1] in ".,;:!?":
        return False
    last_word = tail.rsplit(" ", 1)[-1].lower()
    return last_word in FUNCTION_WORDS or detect_opener(u.text) is None


def sub_level(label: str, top: Draft) -> int:
    """1 for (a)-style labels, 2 for (i)-style; the same rule as the Markdown reader."""
    if label not in ROMAN:
        return 1
    if not top.subs:
        return 1
    group = top.subs[-1]
    last = group.subs[-1] if group.subs else group
    if label == "i" and last.number == "h":
        return 1
    if label in ("v", "x") and last.number == chr(ord(label) - 1):
        return 1
    return 2


def add_sub(top: Draft, sub: Draft) -> None:
    if sub_level(sub.number or "", top) == 1:
        top.subs.append(sub)
    else:
        top.subs[-1].subs.append(sub)


def freeze(d: Draft, path: str | None) -> Paragraph:
    """Draft -> Paragraph, with the opener found the way the Markdown reader finds it."""
    runs = d.runs if d.runs is not None else inline(d.text)
    opener = None
    if d.kind is Kind.PREAMBULAR or d.kind is Kind.OPERATIVE:
        opener = detect_opener(plain(runs), d.kind.value)
        first = runs[0] if runs else None
        if not opener and isinstance(first, Run) and first.italic:
            opener = first.text.strip().rstrip(",;:")
    return Paragraph(kind=d.kind, runs=runs, number=d.number, opener=opener or None, heading=d.heading,
                     subparagraphs=tuple(freeze(s, path) for s in d.subs),
                     source=Source(d.line, d.end_line, path))


def find_organ(units: list[Unit]) -> int | None:
    """Index of the organ line ("The Commission on Narcotic Drugs,") before any numbered paragraph."""
    for i, u in enumerate(units[:80]):
        if OP_LABEL.match(u.text) or u.text.startswith("#"):
            return None
        if is_organ(u.text):
            return i
    return None


def read_header_units(units: list[Unit], stop_at_body: bool) -> tuple[Header, int]:
    """Classify header units; with ``stop_at_body`` (reports) stop at the first body element."""
    h = Header()
    i = 0
    while i < len(units):
        u = units[i]
        if stop_at_body and (OP_LABEL.match(u.text) or u.text.startswith("#") or
                             FOOTNOTE.match(u.text) and h.title is not None or
                             SUB_LABEL.match(u.text)):
            break
        i += 1
        if is_furniture(u.text):
            continue
        stop = read_block(u.lines, h)
        if stop is not None and stop_at_body:
            h.heading = stop
            break
    finish(h)
    return h, i


def parse_untext(text: str, path: str | None = None) -> Resolution:
    """Parse UN plain text (a resolution, draft resolution or report) into a Resolution."""
    if not text.strip():
        raise DrafterError("the file is empty", path, 1)
    if "\x00" in text:
        raise DrafterError("binary data (NUL bytes), not a text document", path,
                           text[: text.index("\x00")].count("\n") + 1)
    units = split_units(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    organ_at = find_organ(units)
    if organ_at is None:
        from .report import parse_report
        return parse_report(units, path)
    header, _ = read_header_units(units[:organ_at], stop_at_body=False)
    ou = units[organ_at]
    om = ORGAN.match(BOLD.sub("", ou.text))
    organ = Organ(om.group(2), bool(om.group(1) and om.group(3)), om.group(4), Source(ou.line, ou.end_line, path))
    return read_resolution(units[organ_at + 1:], header, organ, path)


def read_resolution(units: list[Unit], header: Header, organ: Organ, path: str | None) -> Resolution:
    tops: list[Draft] = []
    footnotes: list[Footnote] = []
    pending: Draft | None = None
    seen_op = False
    meeting = adopted = None
    for u in units:
        if is_furniture(u.text) or running_head(u, header):
            continue
        fn = footnote_of(u, path)
        if fn is not None:
            if fn.marker != "asterisk":
                footnotes.append(fn)
            continue
        if m := CLOSING.match(u.text.replace("*", "").strip()):
            meeting, adopted, pending = m.group(1), m.group(2), None
            continue
        if m := OP_LABEL.match(u.text):
            pending = Draft(Kind.OPERATIVE, m.group(1), u.text[m.end():], u.line, u.end_line)
            tops.append(pending)
            seen_op = True
        elif (m := SUB_LABEL.match(u.text)) and tops:
            pending = Draft(Kind.SUBPARAGRAPH, m.group(1), u.text[m.end():], u.line, u.end_line)
            add_sub(tops[-1], pending)
        elif pending is not None and continues(pending, u):
            pending.extend(u)
        else:
            kind = Kind.OPERATIVE if seen_op else Kind.PREAMBULAR
            runs = inline(u.text)
            plain_text = plain(runs)
            if kind is Kind.OPERATIVE and plain_text.endswith(",") and \
                    detect_opener(plain_text, "preambular") and not detect_opener(plain_text, "operative"):
                kind = Kind.PREAMBULAR
            pending = Draft(kind, None, u.text, u.line, u.end_line, runs=runs)
            tops.append(pending)
    if not tops:
        raise DrafterError("no preambular or operative paragraphs after the organ line", path, organ.source.line)
    built = [freeze(d, path) for d in tops]
    if not seen_op and built[-1].kind is Kind.PREAMBULAR:  # a lone closing OP without a number
        last = built[-1]
        op = detect_opener(last.text, "operative")
        if op and not detect_opener(last.text, "preambular") and last.text.rstrip().endswith("."):
            built[-1] = replace(last, kind=Kind.OPERATIVE, opener=op)
    return Resolution(
        meta=meta_of(header, "resolution", meeting, adopted), title=header.title, organ=organ,
        preamble=tuple(p for p in built if p.kind is Kind.PREAMBULAR),
        operative=tuple(p for p in built if p.kind is Kind.OPERATIVE),
        footnotes=tuple(footnotes), path=path)
