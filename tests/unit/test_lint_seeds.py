"""Regression cases from the real seeds (conventions.md, "Seed irregularities")."""
from __future__ import annotations

import importlib.util

import pytest

from drafter.fileio import read_text
from drafter.lint import lint_text
from tests.conftest import SEED_000, SEED_001, SEED_004

pytestmark = pytest.mark.skipif(importlib.util.find_spec("drafter.parse.untext") is None,
                                reason="needs the UN plain-text importer (drafter.parse.untext)")


def findings(path, profile):
    return lint_text(read_text(path), str(path), profile=profile)


def at(found, rule):
    return [f for f in found if f.rule == rule]


@pytest.fixture(scope="module")
def seed000():
    return findings(SEED_000, "current")


def test_seed000_repeated_urges_is_a_warning(seed000):
    hits = at(seed000, "UN.SEQ.REPEATED_BARE")
    assert [(f.line, f.severity) for f in hits] == [(90, "warning")]
    assert "Urges" in hits[0].message


def test_seed000_resolution_without_date(seed000):
    hits = at(seed000, "UN.CITE.RES_DATE_FIRST")
    assert [f.line for f in hits] == [46]
    assert "1989/61" in hits[0].message
    line = read_text(SEED_000).split("\n")[45]
    assert line[hits[0].column - 1:hits[0].end_column - 1] == "1989/61"


def test_seed000_reused_footnote_indicator(seed000):
    hits = at(seed000, "UN.FN.REUSED_INDICATOR")
    assert [(f.line, f.severity) for f in hits] == [(76, "error")]
    line = read_text(SEED_000).split("\n")[75]
    assert line[hits[0].column - 1:hits[0].end_column - 1] == "³"


def test_seed000_symbol_inside_official_records_italics(seed000):
    assert [f.line for f in at(seed000, "UN.FN.OFFICIAL_RECORDS")] == [54]


def test_seed000_law_enforcement_spelling(seed000):
    lines = [f.line for f in at(seed000, "UN.TERM.NAME_CONSISTENCY")]
    assert 46 in lines and 76 not in lines


def test_seed000_plain_text_preamble_without_italics_is_not_an_italics_error(seed000):
    assert not at(seed000, "UN.ITAL.OPENER") and not at(seed000, "UN.STRUCT.ORGAN_LINE")


def test_seed000_also_further_series_is_accepted(seed000):
    assert not at(seed000, "UN.SEQ.ORDER") and not at(seed000, "UN.SEQ.NOT_CONSECUTIVE")


def test_seed004_legacy_has_no_footnote_format_errors():
    found = findings(SEED_004, "legacy")
    assert [f for f in found if f.rule.startswith("UN.FN.")] == []
    bare = at(found, "UN.SEQ.REPEATED_BARE")
    assert [f.line for f in bare] == [47, 49, 53]  # Invites, Encourages, Requests after Also requests


def test_seed004_current_reports_legacy_footnote_practice():
    rules = {f.rule for f in findings(SEED_004, "current")}
    assert {"UN.FN.MARKER_STYLE", "UN.FN.SEQUENCE", "UN.TERM.LEGACY_NAME"} <= rules


def test_seed001_report_government_agreement():
    found = findings(SEED_001, "current")
    assert 235 in [f.line for f in at(found, "UN.TERM.AGREEMENT")]
