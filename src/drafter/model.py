"""The resolution document model every feature works on.

Frozen dataclasses: an edit builds a new object, so undo is a list of documents and
equality is structural. Source positions never take part in equality, so a document
read from a UN text equals the same document read back from its canonical Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Iterator, Union


class Kind(str, Enum):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    REPORT = "report"  # numbered paragraph of a report
    RECOMMENDATION = "recommendation"  # lettered recommendation in a report

    @property
    def short(self) -> str:
        return {"preambular": "PP", "operative": "OP", "subparagraph": "SUB",
                "report": "para.", "recommendation": "rec."}[self.value]


@dataclass(frozen=True)
class Source:
    """Where a block came from: 1-based inclusive line range (or paragraph index for .docx)."""

    line: int
    end_line: int
    path: str | None = None


@dataclass(frozen=True)
class Run:
    """A stretch of text, italic or roman."""

    text: str
    italic: bool = False


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote indicator standing in the text, e.g. ``¹`` or ``[^1]`` or legacy ``³³``."""

    id: str


Inline = Union[Run, FootnoteRef]


def plain(runs: tuple[Inline, ...]) -> str:
    """Text of runs without italics or footnote indicators."""
    return "".join(r.text for r in runs if isinstance(r, Run))


def merge_runs(runs: list[Inline] | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Normal form: adjacent runs of the same style joined, empty runs dropped."""
    out: list[Inline] = []
    for r in runs:
        if isinstance(r, Run):
            if not r.text:
                continue
            if out and isinstance(out[-1], Run) and out[-1].italic == r.italic:
                out[-1] = Run(out[-1].text + r.text, r.italic)
                continue
        out.append(r)
    return tuple(out)


@dataclass(frozen=True)
class Paragraph:
    """One PP, OP, subparagraph or report paragraph.

    ``number`` is the label as printed ("1", "a", "ii"; None for preambular paragraphs);
    ``opener`` is the leading verb/participle phrase, whether or not it is italic in the
    source; ``heading`` is the report section a report paragraph stands under.
    """

    kind: Kind
    runs: tuple[Inline, ...]
    number: str | None = None
    opener: str | None = None
    subparagraphs: tuple["Paragraph", ...] = ()
    heading: str | None = None
    comments: tuple[str, ...] = ()  # HTML comments (e.g. lint directives) standing before it
    source: Source | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """Plain text of this paragraph alone (no subparagraphs)."""
        return plain(self.runs)

    @property
    def full_text(self) -> str:
        """Plain text with subparagraphs, each on its own line starting with its label."""
        lines = [self.text]
        for sub in self.subparagraphs:
            lines.append(f"({sub.number}) {sub.full_text}" if sub.number else sub.full_text)
        return "\n".join(lines)

    @property
    def footnote_refs(self) -> tuple[str, ...]:
        refs = [r.id for r in self.runs if isinstance(r, FootnoteRef)]
        for sub in self.subparagraphs:
            refs.extend(sub.footnote_refs)
        return tuple(refs)

    @property
    def opener_italic(self) -> bool:
        """True when the opener is written in italics (the first run is italic)."""
        first = next((r for r in self.runs if isinstance(r, Run)), None)
        return bool(first and first.italic)

    def with_text(self, runs: tuple[Inline, ...], **changes) -> "Paragraph":
        return replace(self, runs=merge_runs(runs), **changes)


@dataclass(frozen=True)
class Footnote:
    id: str
    runs: tuple[Inline, ...]
    marker: str = field(default="caret", compare=False)  # caret [^1] | superscript ¹ | slash 33/
    source: Source | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass(frozen=True)
class Status:
    """draft | revised (with revision number) | adopted (with meeting and date) | report."""

    kind: str = "draft"
    revision: int | None = None
    meeting: str | None = None
    adopted_date: str | None = None


@dataclass(frozen=True)
class Meta:
    symbol: str | None = None
    distribution: str | None = None
    date: str | None = None
    original_language: str | None = None
    body: str | None = None  # e.g. "Economic and Social Council"
    commission: str | None = None  # e.g. "Commission on Narcotic Drugs"
    session: str | None = None
    venue: str | None = None  # "Vienna, 13-17 March 2017"
    agenda_item: str | None = None  # "5 (b)"
    agenda_title: str | None = None
    sponsors: tuple[str, ...] = ()
    status: Status = Status()
    resolution_number: str | None = None  # "45/9"
    delegation: str | None = None  # who proposes this version (compilations)
    extra: tuple[tuple[str, object], ...] = ()  # unknown front-matter keys, kept for round trip


@dataclass(frozen=True)
class Organ:
    """The organ line, e.g. ``*The Commission on Narcotic Drugs*,``."""

    name: str
    italic: bool = True
    punctuation: str = ","
    source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Resolution:
    meta: Meta = Meta()
    title: str | None = None
    organ: Organ | None = None
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    report: tuple[Paragraph, ...] = ()  # report paragraphs and recommendations
    footnotes: tuple[Footnote, ...] = ()
    # HTML comments above the title, kept verbatim so that saving never drops a delegate's notes;
    # not part of the document's meaning, hence not part of equality.
    preface: tuple[str, ...] = field(default=(), compare=False)
    path: str | None = field(default=None, compare=False)

    def footnote(self, fid: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.id == fid), None)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preamble + self.operative + self.report

    def addressed(self) -> Iterator[tuple[str, Paragraph]]:
        """Top-level paragraphs with their addresses: ("PP 3", p), ("OP 7", p), ("para. 12", p)."""
        for i, p in enumerate(self.preamble, 1):
            yield f"PP {i}", p
        for i, p in enumerate(self.operative, 1):
            yield f"OP {p.number or i}", p
        for i, p in enumerate(self.report, 1):
            yield address(p, i), p


def address(p: Paragraph, position: int) -> str:
    """Human address of a top-level paragraph given its 1-based position in its part."""
    if p.kind is Kind.PREAMBULAR:
        return f"PP {position}"
    if p.kind is Kind.OPERATIVE:
        return f"OP {p.number or position}"
    if p.kind is Kind.RECOMMENDATION:
        return f"({p.number})" if p.number else f"rec. {position}"
    return f"para. {p.number or position}"
