"""Control: drafter.yml next to the draft, [tool.drafter] in pyproject.toml, inline disables."""
from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.lint import Config, find_config, lint_text, select_rules, load_rules
from tests.conftest import FIXTURES

BAD = (FIXTURES / "bad-draft.md").read_text(encoding="utf-8")
FN_DRAFT = """*The Commission on Narcotic Drugs*,

*Taking note* of the report,³⁴

*Decides* to remain seized of the matter.

---

34/ E/CN.7/2001/16.
"""


def rules_of(findings):
    return {f.rule for f in findings}


def test_drafter_yml_next_to_the_draft(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(BAD, encoding="utf-8")
    (tmp_path / "drafter.yml").write_text("ignore: [UN.TERM.NO_UNODC, UN.FN]\n", encoding="utf-8")
    cfg = find_config(draft)
    assert cfg.ignore == ("UN.TERM.NO_UNODC", "UN.FN") and cfg.source.endswith("drafter.yml")
    got = rules_of(lint_text(BAD, str(draft), config=cfg))
    assert "UN.TERM.NO_UNODC" not in got and "UN.FN.AFTER_PUNCT" not in got
    assert "UN.STRUCT.OP_NUMBERING" in got


def test_pyproject_found_upward_and_profile_chosen(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.drafter]\nprofile = "legacy"\n'
                                             'select = ["UN.FN"]\n', encoding="utf-8")
    sub = tmp_path / "drafts" / "2024"
    sub.mkdir(parents=True)
    draft = sub / "d.md"
    draft.write_text(FN_DRAFT, encoding="utf-8")
    cfg = find_config(draft)
    assert cfg.profile == "legacy" and cfg.select == ("UN.FN",)
    assert rules_of(lint_text(FN_DRAFT, str(draft), config=cfg)) == set()
    current = lint_text(FN_DRAFT, str(draft), config=cfg, profile="current")  # option wins
    assert rules_of(current) == {"UN.FN.MARKER_STYLE", "UN.FN.SEQUENCE"}


def test_pyproject_lint_subtable(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.drafter.lint]\nignore = "UN.FN.MARKER_STYLE"\n',
                                             encoding="utf-8")
    cfg = find_config(tmp_path / "x.md")
    assert cfg.ignore == ("UN.FN.MARKER_STYLE",)


def test_no_config_is_empty(tmp_path):
    assert find_config(tmp_path / "x.md") == Config()


@pytest.mark.parametrize("content", ["profile: [1]\n", "select: 3\n", "- a\n", "profile: current\n  bad: : :\n"])
def test_bad_config_is_a_one_line_error(tmp_path, content):
    (tmp_path / "drafter.yml").write_text(content, encoding="utf-8")
    with pytest.raises(DrafterError):
        find_config(tmp_path / "d.md")


def test_unknown_rule_or_profile_is_a_usage_error():
    with pytest.raises(DrafterError, match="unknown rule id"):
        select_rules(load_rules(), "current", ["UN.NOPE"])
    with pytest.raises(DrafterError, match="unknown profile"):
        select_rules(load_rules(), "draft")


def test_inline_disable_silences_one_paragraph_only():
    text = BAD.replace("5. *Requests* the Executive Director of UNODC",
                       "<!-- drafter: disable=UN.TERM.NO_UNODC -->\n\n"
                       "5. *Requests* the Executive Director of UNODC")
    text = text.replace("*Recalling* General Assembly resolution S-30/1,",
                        "*Recalling* UNODC and General Assembly resolution S-30/1,")
    found = lint_text(text, "d.md")
    unodc = [f.line for f in found if f.rule == "UN.TERM.NO_UNODC"]
    assert unodc == [20]  # the disabled paragraph (now line 42) is silent, the other is not


def test_inline_disable_families_and_all():
    text = BAD.replace("1. *Encourages Member States*",
                       "<!-- drafter: disable=UN.ITAL, UN.SEQ -->\n\n1. *Encourages Member States*")
    assert "UN.ITAL.SCOPE" not in rules_of(lint_text(text, "d.md"))
    text = BAD.replace("3. *Invites*", "<!-- drafter: disable=all -->\n\n3. *Invites*")
    assert "UN.STRUCT.OP_NUMBERING" not in rules_of(lint_text(text, "d.md"))
