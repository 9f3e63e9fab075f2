"""What a check sees: the document, its source lines, the rule being run, and a ``report``
method that turns a plain-text span into a positioned :class:`Finding`.

Checks work on plain paragraph text (``Paragraph.text``) and never on raw Markdown; the
context maps their offsets back to the source and drops a text fix whose span contains markup
(a fix that would silently delete an italic star or a footnote indicator is not safe).
"""
from __future__ import annotations

import re
from functools import cached_property

from ..model import Footnote, Kind, Organ, Paragraph, Resolution
from ..parse.inline import SUPERSCRIPT
from .finding import Finding
from .rules import Rule
from .source import BlockMap

LABELS = {
    Kind.OPERATIVE: re.compile(r"^(\d+)\.\s+"),
    Kind.REPORT: re.compile(r"^(\d+)\.\s+"),
    Kind.SUBPARAGRAPH: re.compile(r"^\(([a-z]{1,4})\)\s+"),
    Kind.RECOMMENDATION: re.compile(r"^\(([a-z]{1,4})\)\s+"),
}
FOOTNOTE_LABEL = re.compile(r"^(\[\^[^\]\s]+\]:|[" + SUPERSCRIPT + r"]+|\d+/)\s*")


def last_leaf(p: Paragraph) -> Paragraph:
    while p.subparagraphs:
        p = p.subparagraphs[-1]
    return p


def walk(p: Paragraph):
    yield p
    for s in p.subparagraphs:
        yield from walk(s)


class Context:
    def __init__(self, doc: Resolution, text: str | None, profile: str, fmt: str | None = None):
        self.doc = doc
        self.path = doc.path
        self.lines = text.split("\n") if text is not None else None
        self.profile = profile
        self.fmt = fmt
        self.findings: list[Finding] = []
        self.rule: Rule | None = None
        self.params: dict = {}
        self._maps: dict[int, BlockMap | None] = {}
        self._texts: dict[int, str] = {}

    # -- document views ------------------------------------------------------------------
    @cached_property
    def tops(self) -> list[Paragraph]:
        """Preambular and operative paragraphs in source order."""
        paras = list(self.doc.preamble + self.doc.operative)
        if all(p.source for p in paras):
            paras.sort(key=lambda p: p.source.line)
        return paras

    @cached_property
    def body(self) -> list[Paragraph]:
        """Every PP, OP and subparagraph in reading order."""
        return [q for p in self.tops for q in walk(p)]

    @cached_property
    def declaration_like(self) -> bool:
        """Numbered paragraphs that mostly do not open with an operative verb are a declaration
        or outcome document ("We reaffirm …", "Progress has been made …"), not operative
        paragraphs: opener and end-punctuation rules for the operative part do not apply."""
        from ..openers import detect_opener
        ops = self.doc.operative
        if len(ops) < 4:
            return False
        ok = sum(1 for p in ops if detect_opener(p.text.lstrip(), "operative"))
        return ok < len(ops) / 2

    @cached_property
    def report_paragraphs(self) -> list[Paragraph]:
        """Paragraphs of a report (seed 001, 003) with their lettered items."""
        return [q for p in self.doc.report for q in walk(p)]

    def text(self, unit) -> str:
        """Plain text of a paragraph or note, computed once per lint."""
        key = id(unit)
        t = self._texts.get(key)
        if t is None:
            t = self._texts[key] = unit.text
        return t

    def lower(self, unit) -> str:
        key = -id(unit)
        t = self._texts.get(key)
        if t is None:
            t = self._texts[key] = self.text(unit).lower()
        return t

    @property
    def plain_text_input(self) -> bool:
        return self.fmt not in (None, "markdown")

    # -- positions -----------------------------------------------------------------------
    def map(self, obj) -> BlockMap | None:
        key = id(obj)
        if key not in self._maps:
            self._maps[key] = self._build(obj)
        return self._maps[key]

    def _build(self, obj) -> BlockMap | None:
        src = getattr(obj, "source", None)
        if self.lines is None or src is None:
            return None
        if isinstance(obj, Paragraph):
            return BlockMap(self.lines, src.line, src.end_line, obj.text, LABELS.get(obj.kind))
        if isinstance(obj, Footnote):
            return BlockMap(self.lines, src.line, src.end_line, obj.text, FOOTNOTE_LABEL)
        if isinstance(obj, Organ):
            m = BlockMap(self.lines, src.line, src.end_line, "")
            m.exact = True
            return m
        return None

    def report(self, obj, message: str, a: int | None = None, b: int | None = None,
               fix: str | None = None, joined: tuple[int, int] | None = None) -> None:
        """Record a finding on ``obj`` at plain span [a, b) or raw ``joined`` span (or whole)."""
        rule = self.rule
        m = self.map(obj)
        if m is not None and joined is not None and m.exact:
            pos = m.joined_span(*joined)
        elif m is not None and a is not None:
            b = a if b is None else b
            pos = m.span(a, b)
            if fix is not None and not m.clean(a, b):
                fix = None
        elif m is not None:
            start = m.loc(m.body_start)
            pos = (*start, start[0], len(self.lines[start[0] - 1]) + 1)
            fix = None if joined is None else fix
        else:
            src = getattr(obj, "source", None)
            line = src.line if src else 1
            pos = (line, 1, line, 1)
            fix = None
        if m is not None and joined is not None and not m.exact:
            fix = None
        self.findings.append(Finding(self.path, *pos, rule.id, rule.severity, message, fix,
                                     safe=rule.fix_safe and fix is not None))

    def report_doc(self, message: str, line: int = 1) -> None:
        rule = self.rule
        self.findings.append(Finding(self.path, line, 1, line, 1, rule.id, rule.severity, message))
