"""Rule files: the schema is enforced, lexicon references resolve, every family is covered."""
from __future__ import annotations

import shutil

import pytest

from drafter.errors import DrafterError
from drafter.lint import load_rules
from drafter.lint.checks import KINDS
from drafter.resources import styles_dir

FAMILIES = ("UN.STRUCT.", "UN.PP.", "UN.OP.", "UN.PUNCT.", "UN.SEQ.", "UN.ITAL.", "UN.FN.",
            "UN.CITE.", "UN.TERM.")


def test_every_family_has_rules_and_every_kind_is_used():
    rules = load_rules()
    for family in FAMILIES:
        assert any(r.id.startswith(family) for r in rules), family
    assert {r.kind for r in rules} == set(KINDS)


def test_profiles_differ_where_conventions_say():
    by_id = {r.id: r for r in load_rules()}
    for rid in ("UN.FN.REUSED_INDICATOR", "UN.FN.SEQUENCE", "UN.FN.MARKER_STYLE", "UN.TERM.LEGACY_NAME"):
        assert by_id[rid].profiles == ("current",)
    assert by_id["UN.FN.TREATY_FORM"].profiles == ("current", "legacy")


def test_lexicon_references_are_resolved():
    by_id = {r.id: r for r in load_rules()}
    forms = by_id["UN.PP.MUN_OPENER"].params["forms"]
    assert "Whereas" in forms and by_id["UN.PP.MUN_OPENER"].params["fixes"]["Further recalling"]


@pytest.fixture
def styles(tmp_path):
    root = tmp_path / "styles"
    shutil.copytree(styles_dir() / "lexicon", root / "lexicon")
    (root / "rules").mkdir()
    return root


GOOD_RULE = """id: X.TEST
severity: error
profiles: [current]
description: d
rationale: r
check: {kind: pattern, patterns: [{match: 'foo', message: m}]}
fix: {safe: false}
examples: {good: [a], bad: [foo]}
"""


@pytest.mark.parametrize("change,message", [
    (("severity: error", "severity: fatal"), "severity"),
    (("profiles: [current]", "profiles: [future]"), "profiles"),
    (("kind: pattern", "kind: telepathy"), "unknown check kind"),
    (("id: X.TEST", "id: X.OTHER"), "does not match"),
    (("rationale: r\n", ""), "lacks rationale"),
    (("'foo'", "'lexicon:nope.key'"), "cannot read lexicon"),
])
def test_bad_rule_files_are_reported(styles, change, message):
    (styles / "rules" / "X.TEST.yml").write_text(GOOD_RULE.replace(*change), encoding="utf-8")
    with pytest.raises(DrafterError, match=message):
        load_rules(str(styles))


def test_a_valid_custom_rule_loads(styles):
    (styles / "rules" / "X.TEST.yml").write_text(GOOD_RULE, encoding="utf-8")
    (rule,) = load_rules(str(styles))
    assert rule.id == "X.TEST" and rule.bad == ("foo",)
