"""Golden diff reports: seed 000 (examples/l-draft.md) against its hand-made Rev.1.

Regenerate after an intended change with ``DRAFTER_UPDATE_GOLDEN=1 pytest tests/golden/test_diff_reports.py``
and read the diff of tests/golden/diff/ before committing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.parse import load
from drafter.render.diff_html import render_diff_html
from drafter.render.diff_json import render_diff_json
from drafter.render.diff_md import render_diff_md
from drafter.render.diff_text import render_diff_text
from drafter.revision import align

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "diff"
OLD, NEW = "examples/l-draft.md", "examples/rev1-draft.md"
RENDERERS = {
    "l-draft_rev1.txt": lambda al: render_diff_text(al, OLD, NEW, color=False),
    "l-draft_rev1.md": lambda al: render_diff_md(al, OLD, NEW),
    "l-draft_rev1.html": lambda al: render_diff_html(al, OLD, NEW),
    "l-draft_rev1.json": lambda al: render_diff_json(al, OLD, NEW),
}


@pytest.fixture(scope="module")
def alignment():
    return align(load(ROOT / OLD), load(ROOT / NEW))


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden_report(alignment, name):
    got = RENDERERS[name](alignment)
    path = GOLDEN / name
    if os.environ.get("DRAFTER_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"missing golden {path}; run with DRAFTER_UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8")


def test_seed_text_and_canonical_markdown_agree():
    """examples/l-draft.md is seed 000 as canonical Markdown: the diff of the two is empty."""
    seed = next((ROOT / "tests" / "fixtures").glob("000_*.txt"))
    assert align(load(seed), load(ROOT / OLD)).identical
