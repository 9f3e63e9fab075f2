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
from ..parse.docx_address import is_paragraph_indexed, paragraph_address
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


def is_heading(p: Paragraph, italics_used: bool, text: str | None = None) -> bool:
    """An unnumbered short line without closing punctuation or (italic) opener ("Part I",
    "A. Budget", "Peacebuilding financing"): a section heading, not a PP or OP."""
    text = (p.text if text is None else text).strip()
    if p.number is not None or p.subparagraphs or not text or text[-1] in ".,;:":
        return False
    words = len(text.split())
    return words <= 15 if p.opener is None else words <= 8 and italics_used and not p.opener_italic


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
        self._openers: dict[int, object] = {}
        self._units: dict[str, list] = {}
        self.continuations: set[int] = set()

    # -- document views ------------------------------------------------------------------
    @cached_property
    def _italics_used(self) -> bool:
        return sum(p.opener_italic for p in self.doc.paragraphs) >= 3

    @cached_property
    def _parts(self) -> tuple[list[Paragraph], list[Paragraph]]:
        from .checks.util import detect as detect_opener
        pre = [p for p in self.doc.preamble if not is_heading(p, self._italics_used, self.text(p))]
        ops = [p for p in self.doc.operative if not is_heading(p, self._italics_used, self.text(p))]
        if sum(p.number is not None for p in ops) >= 2:
            # Unnumbered blocks without an operative verb between numbered paragraphs are list
            # items, schedules or quoted text continuing the paragraph before, not OPs.
            self.continuations = {id(p) for p in ops if p.number is None
                                  and not detect_opener(self.text(p).lstrip(), "operative")}
            ops = [p for p in ops if id(p) not in self.continuations]
        if not ops and pre:
            # A text without numbered paragraphs whose last paragraph opens with an operative
            # verb ("Resolves that, for 2024:") has that paragraph as its single OP.
            last = pre[-1].text.strip()
            if not last.endswith(",") and detect_opener(last, "operative") and \
                    not detect_opener(last, "preambular"):
                pre, ops = pre[:-1], pre[-1:]
        return pre, ops

    @property
    def preamble(self) -> list[Paragraph]:
        return self._parts[0]

    @property
    def operative(self) -> list[Paragraph]:
        return self._parts[1]

    @cached_property
    def tops(self) -> list[Paragraph]:
        """Preambular and operative paragraphs in source order (section headings left out)."""
        paras = self.preamble + self.operative
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
        from .checks.util import detect as detect_opener
        ops = self.operative
        if len(ops) < 4:
            return False
        ok = sum(1 for p in ops if detect_opener(self.text(p).lstrip(), "operative"))
        return ok < len(ops) / 2

    @cached_property
    def report_paragraphs(self) -> list[Paragraph]:
        """Paragraphs of a report (seed 001, 003) with their lettered items."""
        return [q for p in self.doc.report for q in walk(p)]

    def opener(self, p: Paragraph):
        """The paragraph's opener analysis (:class:`checks.util.Opener`), computed once."""
        key = id(p)
        if key not in self._openers:
            from .checks.util import opener
            self._openers[key] = opener(p, self.text(p))
        return self._openers[key]

    @cached_property
    def all_lower(self) -> str:
        """Every paragraph and note in lower case: a rule whose hint words are absent is skipped."""
        units = self.body + self.report_paragraphs + list(self.doc.footnotes)
        return "\n".join(self.lower(u) for u in units)

    @cached_property
    def all_text(self) -> str:
        units = self.body + self.report_paragraphs + list(self.doc.footnotes)
        return "\n".join(self.text(u) for u in units)

    def units(self, scope: str) -> list[tuple[object, str, str]]:
        """(unit, text, lower-case text) of a rule's scope, built once per lint: body |
        preambular | operative | tops | footnotes | all (body, report paragraphs, notes)."""
        got = self._units.get(scope)
        if got is None:
            units: list = []
            if scope in ("body", "all"):
                units += self.body
            elif scope == "preambular":
                units += self.preamble
            elif scope == "operative":
                units += self.operative
            elif scope == "tops":
                units += self.tops
            if scope == "all":
                units += self.report_paragraphs
            if scope in ("footnotes", "all"):
                units += self.doc.footnotes
            got = self._units[scope] = [(u, self.text(u), self.lower(u)) for u in units]
        return got

    @cached_property
    def body_text(self) -> str:
        """Every PP, OP and subparagraph, one a line (for whole-document searches)."""
        return "\n".join(self.text(p) for p in self.body)

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
                                     safe=rule.fix_safe and fix is not None,
                                     address=self.address(obj, pos[0])))

    def report_doc(self, message: str, line: int = 1) -> None:
        rule = self.rule
        self.findings.append(Finding(self.path, line, 1, line, 1, rule.id, rule.severity, message,
                                     address=self.address(None, line)))

    # -- addresses -----------------------------------------------------------------------
    @cached_property
    def _addresses(self) -> dict[int, str]:
        """Address of every paragraph, subparagraph and note, as the document numbers them."""
        out: dict[int, str] = {}

        def add(addr: str, p: Paragraph) -> None:
            out[id(p)] = addr
            for sub in p.subparagraphs:
                add(f"{addr} ({sub.number})" if sub.number else addr, sub)

        for addr, top in self.doc.addressed():
            add(addr, top)
        for fn in self.doc.footnotes:
            out[id(fn)] = f"note {fn.id}"
        if self.doc.organ is not None:
            out[id(self.doc.organ)] = "organ line"
        return out

    def address(self, obj, line: int) -> str | None:
        """Where ``obj`` is ("OP 7", "note 2"); for a Word file without an object, the block
        at paragraph index ``line`` (``drafter.parse.docx_address``)."""
        addr = self._addresses.get(id(obj)) if obj is not None else None
        if addr is None and is_paragraph_indexed(self.path):
            addr = paragraph_address(self.doc, line)
        return addr
