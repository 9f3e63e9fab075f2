"""Fakes for the TUI tests: a tiny clause bank and lint/revision services with fixed answers."""
from __future__ import annotations

import asyncio
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from drafter.tui import services as real_services
from drafter.tui.services import FindingItem, Hit, LintResult, Verdict

EXAMPLES = Path(__file__).parent.parent / "fixtures"

CLAUSES = [
    Hit("a-res-73-192-op-4", "Encourages Member States to strengthen the capacity of national "
        "forensic laboratories, including through quality assurance programmes;", "operative",
        "A/RES/73/192", 2018, "OP 4", "Encourages"),
    Hit("e-res-2003-32-pp-2", "Recalling its resolution 2003/32 of 22 July 2003 on the training of "
        "forensic experts,", "preambular", "E/RES/2003/32", 2003, "PP 2", "Recalling"),
    Hit("a-res-70-1-op-9", "Requests the United Nations Office on Drugs and Crime to continue to "
        "assist Member States in identifying synthetic drugs;", "operative", "A/RES/70/1", 2015,
        "OP 9", "Requests"),
]


class FakeBank:
    """Word-overlap search; ``model`` is released by the test to simulate the model loading."""

    def __init__(self, model_ready: bool = True) -> None:
        self.model = threading.Event()
        if model_ready:
            self.model.set()
        self.queries: list[tuple[str, bool]] = []

    def search(self, query, kind, opener, k, semantic):
        self.queries.append((query, semantic))
        words = set(query.lower().split())
        out = []
        for h in CLAUSES:
            if kind and h.kind != kind:
                continue
            if opener and not (h.opener or "").lower().startswith(opener.lower()):
                continue
            score = len(words & set(h.text.lower().replace(",", " ").split()))
            if score or semantic:
                out.append((score, Hit(**{**h.__dict__, "score": float(score),
                                          "how": "lexical+semantic" if semantic else "lexical"})))
        return [h for _, h in sorted(out, key=lambda x: -x[0])][:k]

    def load_model(self) -> bool:
        self.model.wait(10)
        return True

    def verdict(self, text, kind, semantic):
        for h in CLAUSES:
            if h.text.rstrip(",;.") == text.rstrip(",;."):
                return Verdict("verbatim", h.provenance)
        return Verdict("new language", "no similar clause in the bank")


@dataclass
class FakeFinding:
    line: int
    fix: str


def fake_lint(doc):
    """One finding per operative paragraph whose opener is not italic, with a safe fix."""
    from drafter.render.markdown import render_markdown
    from drafter.parse import parse_text
    markdown = render_markdown(doc)
    placed = parse_text(markdown, doc.path, "markdown")
    items = []
    for i, (addr, p) in enumerate(placed.addressed()):
        if "UNODC" in p.text:
            items.append(FindingItem("UN.TERM.NO_UNODC", "warning", "spell out UNODC", p.source.line,
                                     i, addr, True, FakeFinding(p.source.line, "UNODC")))
    return LintResult(markdown, tuple(items))


def fake_fix(markdown, finding, path=None):
    from drafter.parse import parse_text
    lines = markdown.split("\n")
    lines[finding.line - 1] = lines[finding.line - 1].replace(
        "UNODC", "the United Nations Office on Drugs and Crime")
    return parse_text("\n".join(lines), path, "markdown")


def fake_services(**overrides):
    ns = SimpleNamespace(run_lint=fake_lint, apply_fix=fake_fix, align=real_services.align,
                         diff_report=real_services.diff_report, open_bank=FakeBank)
    for k, v in overrides.items():
        setattr(ns, k, v)
    return ns


@pytest.fixture
def draft(tmp_path) -> Path:
    target = tmp_path / "good-draft.md"
    shutil.copy(EXAMPLES / "good-draft.md", target)
    return target


@pytest.fixture
def recovery_dir(tmp_path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_app(recovery_dir):
    from drafter.tui.app import create_app

    def make(path, bank=None, **kw):
        kw.setdefault("services", fake_services())
        return create_app(path, bank if bank is not None else FakeBank(), recovery_dir=recovery_dir, **kw)
    return make


def run(coro):
    return asyncio.run(coro)
