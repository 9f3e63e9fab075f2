"""The one place the TUI talks to lint, the clause bank and revision (tests swap in fakes).

Everything here runs in worker threads, never on the event loop, and returns small plain
records (:class:`Hit`, :class:`Verdict`, :class:`FindingItem`) the widgets display. The core
packages are imported inside the functions, so starting the TUI imports none of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Protocol

from ..errors import DrafterError
from ..model import Resolution
from ..parse import parse_text
from ..render.markdown import render_markdown


@dataclass(frozen=True)
class Hit:
    """A search result: agreed language with its provenance."""

    id: str
    text: str
    kind: str  # "preambular" | "operative" | ...
    symbol: str | None = None
    year: int | None = None
    number: str | None = None  # "OP 3", "PP 2"
    opener: str | None = None
    score: float = 0.0
    how: str = "lexical"  # lexical | semantic | both

    @property
    def provenance(self) -> str:
        year = f" ({self.year})" if self.year else ""
        return f"{self.symbol or '?'}{year} {self.number or ''}".strip()

    def source(self) -> dict:
        """What the draft's front matter keeps under ``sources``."""
        return {"id": self.id, "symbol": self.symbol, "year": self.year, "number": self.number}


@dataclass(frozen=True)
class Verdict:
    label: str  # "verbatim" | "minor edit" | "new"
    detail: str = ""


@dataclass(frozen=True)
class FindingItem:
    """A lint finding placed on a paragraph of the draft list."""

    rule: str
    severity: str
    message: str
    line: int
    index: int | None  # flat paragraph index, None for the header/footnotes
    where: str  # "OP 3", "title", "footnote 1"
    fixable: bool = False
    raw: object = field(default=None, compare=False)


class Bank(Protocol):
    """What the search pane and the verdict line need from an open clause bank."""

    def search(self, query: str, kind: str | None, opener: str | None, k: int,
               semantic: bool) -> list[Hit]:
        """Lexical hits (``semantic=False``, instant) or the bank's hybrid ranking."""

    def load_model(self) -> bool:
        """Load the embedding model (slow); False when semantic search is unavailable."""

    def verdict(self, text: str, kind: str | None, semantic: bool) -> Verdict: ...


# --- lint ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LintResult:
    markdown: str  # the text the findings' lines and columns refer to
    findings: tuple[FindingItem, ...]


def _where(doc: Resolution, line: int) -> tuple[int | None, str]:
    """Flat index and address of the paragraph whose block (with subparagraphs) holds ``line``."""
    for i, (addr, p) in enumerate(doc.addressed()):
        end = p.source.end_line if p.source else 0
        for sub in p.subparagraphs:
            end = max(end, _last_line(sub))
        if p.source and p.source.line <= line <= end:
            return i, addr
    for f in doc.footnotes:
        if f.source and f.source.line <= line <= f.source.end_line:
            return None, f"footnote {f.id}"
    first = next((p.source.line for p in doc.paragraphs if p.source), None)
    return None, "header" if first is None or line < first else "end"


def _last_line(p) -> int:
    end = p.source.end_line if p.source else 0
    return max([end, *(_last_line(s) for s in p.subparagraphs)])


def run_lint(doc: Resolution) -> LintResult:
    """Lint the canonical Markdown of ``doc`` so each finding has a line to jump to."""
    from ..lint import lint

    markdown = render_markdown(doc)
    placed = parse_text(markdown, doc.path, "markdown")
    items = []
    for f in lint(placed, text=markdown, fmt="markdown"):
        index, where = _where(placed, f.line)
        items.append(FindingItem(f.rule, f.severity, f.message, f.line, index, where,
                                 bool(f.fix is not None and f.safe), f))
    return LintResult(markdown, tuple(items))


def apply_fix(markdown: str, finding, path: str | None = None) -> Resolution:
    """The draft with one safe fix applied to the Markdown the finding was made on."""
    from ..lint import apply_fixes

    fixed, applied = apply_fixes(markdown, [finding])
    if not applied:
        raise DrafterError("the fix no longer applies (the text changed)", path)
    return parse_text(fixed, path, "markdown")


# --- revision -----------------------------------------------------------------------------

def align(old: Resolution, new: Resolution):
    from ..revision import align as core_align
    return core_align(old, new)


REPORT_FORMATS = {".md": "md", ".markdown": "md", ".txt": "text", ".html": "html", ".htm": "html",
                  ".json": "json", ".docx": "docx"}


def diff_report(alignment, fmt: str = "md", old_name: str | None = None,
                new_name: str | None = None) -> str | bytes:
    """The revision report for an alignment, as ``drafter diff`` writes it."""
    if fmt == "docx":
        from ..render.diff_docx import render_diff_docx
        return render_diff_docx(alignment, alignment.old, alignment.new)
    module = {"md": "diff_md", "text": "diff_text", "html": "diff_html", "json": "diff_json"}[fmt]
    render = getattr(import_module(f"drafter.render.{module}"), f"render_{module}")
    return render(alignment, old_name, new_name)


# --- the shipped clause bank --------------------------------------------------------------

def open_bank() -> Bank:
    """Open the shipped bank (and the user's over it); the model is loaded later."""
    from ..bank import open_bank as core_open
    return CoreBank(core_open())


_HOW = {(True, False): "lexical", (False, True): "semantic", (True, True): "lexical+semantic"}


def _hit(h) -> Hit:
    c = h.clause
    how = _HOW.get((h.lexical > 0, h.semantic is not None), "lexical")
    return Hit(c.id, c.text, c.kind, c.symbol, c.year, c.address, c.opener, h.score, how)


class CoreBank:
    """:class:`Bank` over :mod:`drafter.bank` (search, model warm-up, precedent check)."""

    def __init__(self, bank) -> None:
        self.bank = bank
        self.notice: str | None = None

    def search(self, query, kind, opener, k, semantic):
        results = self.bank.search(query, k, kind=kind, opener=opener,
                                   mode="hybrid" if semantic else "lexical", wait_model=False)
        self.notice = results.notice  # e.g. why semantic scores are missing
        return [_hit(h) for h in results]

    def load_model(self) -> bool:
        if self.bank.embedder(wait=True) is None:
            return False
        for layer in self.bank.layers:
            layer.dense()
        return True

    def verdict(self, text, kind, semantic):
        from ..bank import precedent
        from ..bank.precedent import describe_source, format_diff
        from ..model import Kind, Paragraph, Run
        p = Paragraph(Kind(kind), (Run(text),))
        doc = Resolution(preamble=(p,) if p.kind is Kind.PREAMBULAR else (),
                         operative=(p,) if p.kind is not Kind.PREAMBULAR else ())
        found = precedent(doc, self.bank, mode="hybrid" if semantic else "lexical")
        if not found:
            return Verdict("new language")
        v = found[0]
        detail = describe_source(v)
        if v.clause is not None and v.verdict in ("new language", "close precedent"):
            detail = f"closest: {detail}"
        if v.diff:
            detail += " · " + format_diff(v.diff)
        return Verdict(v.verdict, detail)
