"""The example drafts: bad-draft.md gives exactly its 8 listed findings, good-draft.md none."""
from __future__ import annotations

import re

import pytest

from drafter.lint import fix_text, lint, lint_text
from drafter.parse import load
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad-draft.md"
GOOD = FIXTURES / "good-draft.md"


def expected_from_comment(text: str) -> set[tuple[int, str]]:
    """The (line, rule) pairs listed in the draft's leading HTML comment."""
    head = text.split("-->", 1)[0]
    return {(int(n), rule) for n, rule in re.findall(r"L(\d+)\s+(UN\.[A-Z_.]+)", head)}


def serious(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


def test_bad_draft_gives_exactly_the_listed_findings():
    text = BAD.read_text(encoding="utf-8")
    expected = expected_from_comment(text)
    assert len(expected) == 8
    got = {(f.line, f.rule) for f in serious(lint_text(text, str(BAD)))}
    assert got == expected


@pytest.mark.parametrize("profile", ["current", "legacy"])
def test_good_draft_is_clean(profile):
    found = serious(lint_text(GOOD.read_text(encoding="utf-8"), str(GOOD), profile=profile))
    assert found == []


def test_columns_point_at_the_offending_text_despite_italics():
    text = BAD.read_text(encoding="utf-8")
    lines = text.split("\n")
    by_rule = {f.rule: f for f in lint_text(text, str(BAD))}
    unodc = by_rule["UN.TERM.NO_UNODC"]
    assert unodc.column == lines[39].index("UNODC") + 1
    assert unodc.end_column == unodc.column + len("UNODC")
    after = by_rule["UN.FN.AFTER_PUNCT"]
    assert lines[17][after.column - 1:after.end_column - 1] == "¹,"
    adverb = by_rule["UN.SEQ.OP_ADVERB_POS"]
    assert lines[27][adverb.column - 1:adverb.end_column - 1] == "Encourages also"
    numbering = by_rule["UN.STRUCT.OP_NUMBERING"]
    assert lines[37][numbering.column - 1:numbering.end_column - 1] == "3"


def test_lint_of_a_document_without_source_text_still_reports_lines():
    doc = load(BAD)
    found = {(f.line, f.rule) for f in serious(lint(doc))}
    assert found == expected_from_comment(BAD.read_text(encoding="utf-8"))
    assert all(f.fix is None for f in lint(doc))


def test_fixing_the_bad_draft_removes_every_fixable_finding():
    text = BAD.read_text(encoding="utf-8")
    fixed = fix_text(text, str(BAD))
    left = {f.rule for f in serious(lint_text(fixed, str(BAD)))}
    # opener form, the undated citation (no safe fix) remain; everything else is repaired
    assert left == {"UN.PP.OPENER_FORM", "UN.CITE.RES_DATE_FIRST"}
    assert "1971,¹ in particular" in fixed
    assert "2. *Also encourages* Member States" in fixed
    assert "1. *Encourages* Member States to" in fixed
    assert "4. *Invites*" in fixed
    assert "of the United Nations Office on Drugs and Crime to report" in fixed
    assert fixed.count("\n") == text.count("\n")
