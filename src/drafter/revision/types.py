"""Plain data an alignment is made of: word changes, paragraph pairs, document-level signals.

Renderers (text, Markdown, HTML, JSON, .docx) and the TUI read these objects; nothing here
knows how it will be displayed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Paragraph, Resolution

STATUSES = ("unchanged", "edited", "moved", "moved+edited", "added", "deleted", "split", "merged")


@dataclass(frozen=True)
class Change:
    """One stretch of a word-level redline.

    ``op`` is "equal", "replace", "delete" or "insert". Joining ``old`` over all changes
    gives the old text exactly, joining ``new`` gives the new text.
    """

    op: str
    old: str = ""
    new: str = ""

    def as_dict(self) -> dict:
        return {"op": self.op, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class OpenerShift:
    """A change of opener with its direction on the strength scale."""

    old: str
    new: str
    direction: str  # "softened" | "strengthened" | "changed"
    old_level: float | None = None
    new_level: float | None = None


@dataclass
class Pair:
    """Old paragraph(s) matched to new paragraph(s): 1:1, 1:n (split), n:1 (merged), 1:0, 0:1.

    ``old``/``new`` are addresses ("OP 5"); ``old_paragraphs``/``new_paragraphs`` the model
    objects in the same order; ``old_index``/``new_index`` their positions among the top-level
    paragraphs (``Resolution.addressed()`` order). ``changes`` is the redline of the own text
    for a 1:1 pair, whose subparagraphs are aligned in ``subpairs``; for splits, merges,
    additions and deletions it covers the full texts, one paragraph or subparagraph a line.
    """

    status: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    similarity: float
    old_paragraphs: tuple[Paragraph, ...] = ()
    new_paragraphs: tuple[Paragraph, ...] = ()
    changes: tuple[Change, ...] = ()
    subpairs: tuple["Pair", ...] = ()
    opener_shift: OpenerShift | None = None
    old_index: tuple[int, ...] = ()
    new_index: tuple[int, ...] = ()
    converted: str | None = None  # "PP->OP" when a paragraph changed part

    @property
    def old_label(self) -> str | None:
        return " + ".join(self.old) if self.old else None

    @property
    def new_label(self) -> str | None:
        return " + ".join(self.new) if self.new else None

    @property
    def edited(self) -> bool:
        return any(c.op != "equal" for c in self.changes) or any(
            s.status != "unchanged" for s in self.subpairs)

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new) and self.old != self.new

    def mapping_line(self) -> str:
        """The old->new number table line: "OP 5 -> OP 6", "PP 3 deleted", "OP 9 added"."""
        if not self.new:
            return f"{self.old_label} deleted"
        if not self.old:
            return f"{self.new_label} added"
        return f"{self.old_label} -> {self.new_label}"


@dataclass(frozen=True)
class TextChange:
    """A changed stretch of document-level text (title, a footnote)."""

    label: str
    old: str | None
    new: str | None
    changes: tuple[Change, ...] = ()


@dataclass
class Signals:
    """What negotiators scan for first, besides the paragraph pairs."""

    title: TextChange | None = None
    sponsors_added: tuple[str, ...] = ()
    sponsors_removed: tuple[str, ...] = ()
    footnotes: tuple[TextChange, ...] = ()
    references_added: tuple[str, ...] = ()
    references_removed: tuple[str, ...] = ()
    opener_shifts: tuple[tuple[str, OpenerShift], ...] = ()  # (new address, shift)
    symbol: tuple[str | None, str | None] = (None, None)

    @property
    def empty(self) -> bool:
        return not (self.title or self.sponsors_added or self.sponsors_removed or self.footnotes
                    or self.references_added or self.references_removed or self.opener_shifts)


@dataclass
class Alignment:
    """Everything ``drafter diff`` reports: pairs in reading order plus signals."""

    old: Resolution
    new: Resolution
    pairs: list[Pair] = field(default_factory=list)
    signals: Signals = field(default_factory=Signals)

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(p.status for p in self.pairs)
        return {s: counts.get(s, 0) for s in STATUSES}

    @property
    def identical(self) -> bool:
        return all(p.status == "unchanged" and not p.renumbered for p in self.pairs) and self.signals.empty

    def changed_pairs(self) -> list[Pair]:
        return [p for p in self.pairs if p.status != "unchanged" or p.renumbered]
