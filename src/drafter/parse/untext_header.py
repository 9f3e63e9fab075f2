"""Read the header block of a UN document (symbol, Distr., date, session, agenda item, sponsors...).

The header arrives as short lines, sometimes glued together by Markdown bold markers when
the text was copied out of a converted PDF ("**Commission on Narcotic Drugs****Sixtieth
session**"). Each line, or each bold piece of an unrecognised line, is classified on its own;
what is left over are free pieces: the agenda title, the document title, a report's byline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Meta, Status
from .inline import SUPERSCRIPT

MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = re.compile(rf"^\d{{1,2}} {MONTHS} \d{{4}}$")
BODY = re.compile(r"^(Economic and Social Council|General Assembly|Security Council|Human Rights Council)$")
DISTR = re.compile(rf"^Distr\.?\s*:?\s*(General|Limited|Restricted)?(?:\s+(\d{{1,2}} {MONTHS} \d{{4}}))?$", re.I)
DISTR_VALUE = re.compile(r"^(GENERAL|LIMITED|RESTRICTED)$")
ORIGINAL = re.compile(r"^Original\s*:\s*(.+)$", re.I)
COMMISSION = re.compile(r"^(?:Commission|Committee|Subcommission|Subcommittee|Conference|Board) "
                        r"(?:on|for|of|to) [A-Z][^,:;]{2,100}$")
SESSION = re.compile(r"^[A-Z][a-z-]+(?: [a-z-]+){0,2} session$")
VENUE = re.compile(rf"^[A-Z][\w .'-]{{1,40}}, [\d\s\-–]*{MONTHS}[\w\s\-–]*\d{{4}}$")
AGENDA = re.compile(r"^(?:Provisional\s+)?agenda\s+items?\s+(?P<n>.+)$|"
                    r"^Items?\s+(?P<m>.+?)\s+of\s+the\s+(?:[\w-]+\s+)*agenda$", re.I)
SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Za-z0-9.()\-]+)+$")
REVISION = re.compile(r"/Rev\.\s?(\d+)", re.I)
MEETING = re.compile(r"^(\d+(?:st|nd|rd|th))\s+(plenary\s+)?meeting$", re.I)
RESOLUTION = re.compile(r"^(?:(?:CND\s+)?Res(?:olution)?\.?\s*)(\d{1,4}/\d{1,4}|\d{4}/\d{1,3})\.?(?:\s+(.*))?$", re.I)
SPONSORED = re.compile(r"^(?P<who>.+?)\s*:\s*(?P<rev>revised\s+)?draft\s+(?:resolution|decision)\.?$", re.I)
SUBMITTED = re.compile(r"^(?P<rev>revised\s+)?draft\s+(?:resolution|decision)"
                       r"(?:\s+submitted\s+by\s+(?P<who>.+?))?\.?$", re.I)
BYLINE = re.compile(r"^(?:Report|Note|Statement)\s+(?:of|by)\s+the\s+.+$")
SECTION = re.compile(r"^(?:Summary|Contents|Introduction|Annex(?:es)?(?: [IVX]+)?)$")
ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\.\s+[A-Z]")
FURNITURE_HEAD = re.compile(r"^(?:United Nations|Nations Unies)$")
MARKERS = re.compile(r"(?:\\?\*|[" + SUPERSCRIPT + r"†‡])+$")
EMPHASIS = re.compile(r"(?<!\\)\*+")
BOLD_SPLIT = re.compile(r"(?<!\\)\*{2,}")

# Member States (and groups) whose names contain "and": never split a sponsor list there.
AND_NAMES = ("Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
             "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
             "United Kingdom of Great Britain and Northern Ireland", "Group of 77 and China",
             "Heard Island and McDonald Islands", "Turks and Caicos Islands")


@dataclass
class Header:
    fields: dict = field(default_factory=dict)  # Meta field name -> value
    sponsors: list[str] = field(default_factory=list)
    draft: str | None = None  # "draft" | "revised" from a sponsor line
    revision: int | None = None  # from a /Rev.N symbol
    meeting: str | None = None
    title: str | None = None
    byline: str | None = None  # "Report of the Executive Director"
    heading: str | None = None  # a section heading that closed a report's header
    free: list[str] = field(default_factory=list)
    after_agenda: list[str] = field(default_factory=list)


def strip_markers(s: str) -> str:
    """Drop trailing footnote indicators (``*``, ``\\*``, superscripts) and spaces."""
    return MARKERS.sub("", s.strip()).strip()


def split_sponsors(who: str) -> list[str]:
    """"Belarus, El Salvador and Russian Federation" -> three names; keeps "Trinidad and Tobago"."""
    text = re.sub(r"\\?\*|[" + SUPERSCRIPT + r"†‡]", "", who)
    for i, name in enumerate(AND_NAMES):
        text = text.replace(name, f"\x00{i}\x00")
    cuts, depth = [], 0  # separators outside parentheses: "(on behalf of A, B and C)" is one sponsor
    for pos, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch == ",":
            cuts.append((pos, pos + 1))
    tail_from = cuts[-1][1] if cuts else 0
    depth = 0
    last_and = None
    for pos in range(tail_from, len(text)):
        depth += (text[pos] == "(") - (text[pos] == ")")
        if depth == 0 and text.startswith(" and ", pos):
            last_and = (pos, pos + 5)
    if last_and:
        cuts.append(last_and)
    parts, prev = [], 0
    for a, b in cuts:
        parts.append(text[prev:a])
        prev = b
    parts.append(text[prev:])
    out = []
    for p in parts:
        p = re.sub(r"^\s*and\s+", "", p).strip()
        for i, name in enumerate(AND_NAMES):
            p = p.replace(f"\x00{i}\x00", name)
        if p:
            out.append(p)
    return out


def classify(piece: str, h: Header) -> bool:
    """Record ``piece`` in ``h`` if it is a known header line; False for free text."""
    s = strip_markers(piece)
    if not s:
        return True
    f = h.fields
    if FURNITURE_HEAD.match(s):
        return True
    if BODY.match(s):
        f.setdefault("body", s)
    elif m := DISTR.match(s):
        if m.group(1):
            f["distribution"] = m.group(1).capitalize()
        if m.group(2):
            f.setdefault("date", m.group(2))
    elif DISTR_VALUE.match(s) and "distribution" not in f:
        f["distribution"] = s.capitalize()
    elif m := ORIGINAL.match(s):
        f["original_language"] = m.group(1).strip()
    elif DATE.match(s):
        f.setdefault("date", s)
    elif COMMISSION.match(s):
        f.setdefault("commission", s)
    elif SESSION.match(s):
        f.setdefault("session", s)
    elif VENUE.match(s) and len(s) < 80:
        f.setdefault("venue", s)
    elif m := AGENDA.match(s):
        f["agenda_item"] = strip_markers(m.group("n") or m.group("m"))
        h.after_agenda = []
    elif SYMBOL.match(s) and any(c.isdigit() for c in s):
        f.setdefault("symbol", s)
        if m := REVISION.search(s):
            h.revision = int(m.group(1))
    elif m := MEETING.match(s):
        h.meeting = f"{m.group(1)} {(m.group(2) or '').lower()}meeting"
    elif m := RESOLUTION.match(s):
        f["resolution_number"] = m.group(1)
        if m.group(2):
            h.title = strip_markers(m.group(2))
    elif m := SPONSORED.match(s):
        h.sponsors = split_sponsors(strip_markers(m.group("who")))
        h.draft = "revised" if m.group("rev") else "draft"
    elif m := SUBMITTED.match(s):
        who = m.group("who")
        if who and not who.startswith("the "):
            h.sponsors = split_sponsors(strip_markers(who))
        h.draft = "revised" if m.group("rev") else "draft"
    elif BYLINE.match(s):
        h.byline = s
    else:
        return False
    return True


def pieces(lines: list[str]) -> list[str]:
    """Split glued bold pieces: "**A****B**" -> ["A", "B"]; single ``*`` (italics) dropped."""
    joined = re.sub(r"\s+", " ", " ".join(l.strip() for l in lines)).strip()
    out = (EMPHASIS.sub("", p).strip() for p in BOLD_SPLIT.split(joined))  # *italics* inside: plain
    return [p for p in out if p]


def is_heading_piece(s: str) -> bool:
    s = strip_markers(s)
    return bool(SECTION.match(s) or (ROMAN_HEADING.match(s) and len(s) < 250 and not s.endswith(".")))


def read_block(lines: list[str], h: Header) -> str | None:
    """Classify one header block; returns a section heading piece that ends the header, if any."""
    free: list[str] = []

    def flush() -> str | None:
        if not free:
            return None
        for p in pieces(free):
            if is_heading_piece(p):
                free.clear()
                return strip_markers(p)
            if not classify(p, h):
                h.free.append(p)
                h.after_agenda.append(p)
        free.clear()
        return None

    for line in lines:
        bare = line.strip()
        if SPONSORED.match(strip_markers(bare)) or SUBMITTED.match(strip_markers(bare)):
            while free and strip_markers(free[-1]).endswith((",", ":", " and")):  # a wrapped list
                bare = free.pop().strip() + " " + bare
        wrapped = bare[2:-2] if bare.startswith("**") and bare.endswith("**") and "**" not in bare[2:-2] else bare
        if "**" not in wrapped and classify(wrapped, h):
            if (stop := flush()) is not None:
                return stop
            continue
        free.append(line)
    return flush()


def finish(h: Header) -> None:
    """Decide agenda title and title among the free pieces."""
    after = list(h.after_agenda)
    if "agenda_item" in h.fields and after and (len(after) >= 2 or h.title is not None):
        h.fields["agenda_title"] = after.pop(0)
    rest = [p for p in h.free if p != h.fields.get("agenda_title")]
    if h.title is None and rest:
        h.title = rest[-1]


def meta_of(h: Header, kind: str, meeting: str | None, adopted: str | None) -> Meta:
    """Meta from a read header; ``meeting``/``adopted`` come from a closing "1223rd meeting" line."""
    f = h.fields
    if kind == "report":
        status = Status("report")
    elif f.get("resolution_number") or meeting or h.meeting:
        status = Status("adopted", meeting=meeting or h.meeting, adopted_date=adopted or f.get("date"))
    elif h.revision is not None or h.draft == "revised":
        # A "revised draft resolution" whose symbol (and so /Rev.N) is not in the text is Rev.1.
        status = Status("revised", revision=h.revision or 1)
    else:
        status = Status("draft")
    extra = (("byline", h.byline),) if h.byline else ()
    return Meta(**f, sponsors=tuple(h.sponsors), status=status, extra=extra)
