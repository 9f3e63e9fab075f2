"""The agreed-language check: verbatim, minor edit (with word diff), close precedent, new language."""
from __future__ import annotations

import pytest

from drafter.bank import open_bank, precedent, summary
from drafter.bank.precedent import CLOSE_SIMILARITY, MINOR_EDIT_RATIO, format_diff, word_diff
from drafter.parse import parse_text

from .test_bank_support import REQUESTS, fake, store_dir  # noqa: F401

DRAFT = f"""# Test draft

*The Commission on Narcotic Drugs*,

*Recalling* the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,

*Deeply concerned* about the links between illicit drug trafficking and organized crime,

1. {REQUESTS.replace("continue to provide", "continue to provide”").replace("”", "")}

2. *Urges* Member States to strengthen the capacity of border control agencies to counter illicit drug trafficking, including through training;

3. *Urges* Member States, including through teaching, to strengthen the capability of police agencies to counter illicit drug smuggling;

4. *Decides* to hold a special session on the governance of outer space;
"""


@pytest.fixture
def verdicts(store_dir, fake):
    doc = parse_text(DRAFT, "draft.md")
    return precedent(doc, open_bank(store_dir, user=False, embedder=fake))


def test_verdicts(verdicts):
    got = {v.address: v.verdict for v in verdicts}
    assert got == {"PP 1": "verbatim", "PP 2": "minor edit", "OP 1": "verbatim", "OP 2": "minor edit",
                   "OP 3": "close precedent", "OP 4": "new language"}


def test_verbatim_ignores_final_punctuation_and_reports_all_sources(verdicts):
    pp1 = verdicts[0]
    assert pp1.clause.symbol == "E/RES/2023/5" and pp1.ratio == 1.0
    op1 = next(v for v in verdicts if v.address == "OP 1")
    assert {op1.clause.symbol, *op1.also_in} >= {"A/RES/73/192", "A/RES/74/178"}


def test_minor_edit_has_a_word_diff(verdicts):
    op2 = next(v for v in verdicts if v.address == "OP 2")
    assert op2.ratio >= MINOR_EDIT_RATIO and op2.clause.symbol == "A/RES/76/187"
    assert format_diff(op2.diff) == "[-law enforcement-]{+border control+}"
    assert op2.to_json()["diff"] == [{"op": "replace", "bank": "law enforcement", "draft": "border control"}]


def test_close_precedent_uses_semantic_similarity(verdicts):
    op3 = next(v for v in verdicts if v.address == "OP 3")
    assert op3.similarity >= CLOSE_SIMILARITY and op3.ratio < MINOR_EDIT_RATIO
    assert op3.clause.symbol == "A/RES/76/187"


def test_summary_line(verdicts):
    assert summary(verdicts) == ("4 of 6 paragraphs are agreed language (2 verbatim, 2 minor edit); "
                                 "1 close precedent; 1 new language")


def test_without_a_model_only_text_verdicts(store_dir):
    doc = parse_text(DRAFT, "draft.md")
    got = [v.verdict for v in precedent(doc, open_bank(store_dir, user=False), mode="lexical")]
    assert "close precedent" not in got and got.count("verbatim") == 2


def test_word_diff_kinds():
    assert word_diff("a b c d", "a x c d e") == [("replace", "b", "x"), ("insert", "", "e")]
    assert format_diff(word_diff("a b c", "a c")) == "[-b-]"
