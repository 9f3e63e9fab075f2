"""Every rule's own examples: each bad example gives that rule's finding, no good example does.

A rule file without both good and bad examples fails, so the YAML documents and tests itself.
"""
from __future__ import annotations

import pytest

from drafter.lint import example_document, lint_text, load_rules

RULES = load_rules()


def _cases():
    for rule in RULES:
        yield pytest.param(rule, id=rule.id)


@pytest.mark.parametrize("rule", _cases())
def test_rule_examples(rule):
    assert rule.good and rule.bad, f"{rule.id} needs good and bad examples ({rule.path})"
    profile = rule.profiles[0]
    for snippet in rule.bad:
        found = lint_text(example_document(snippet), "example.md", profile=profile)
        assert any(f.rule == rule.id for f in found), f"{rule.id} missed bad example:\n{snippet}"
    for snippet in rule.good:
        found = [f for f in lint_text(example_document(snippet), "example.md", profile=profile)
                 if f.rule == rule.id]
        assert not found, f"{rule.id} flagged good example:\n{snippet}\n{found}"
