"""Structure decisions that keep adopted texts clean: headings, list continuations, sections."""
from __future__ import annotations

from drafter.lint import lint_text

HEAD = "*The General Assembly*,\n\n*Recalling* its resolution 60/1 of 24 October 2005,\n\n"


def rules(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, "d.md") if f.severity == "error"]


def test_section_heading_and_schedule_items_are_not_operative_paragraphs():
    text = HEAD + ("Part I\n\n1. *Decides* that the meetings will be held as follows:\n\n"
                   "Monday, 9 June: from 9 a.m. to 1 p.m.\n\nTuesday, 10 June: from 3 to 6 p.m.\n\n"
                   "2. *Requests* the Secretary-General to report.\n")
    assert rules(text) == []


def test_missing_number_on_a_real_operative_paragraph_is_reported_once():
    text = HEAD + ("1. *Requests* the Secretary-General to report;\n\n"
                   "*Invites* Member States to contribute;\n\n"
                   "3. *Decides* to remain seized of the matter.\n")
    assert rules(text) == [("UN.STRUCT.OP_NUMBERING", 7)]
    fixed = [f for f in lint_text(text, "d.md") if f.rule == "UN.STRUCT.OP_NUMBERING"][0]
    assert fixed.fix == "2. " and fixed.safe


def test_numbering_restarts_in_a_new_section():
    text = HEAD + ("1. *Requests* the Secretary-General to report;\n\n2. *Invites* States to act;\n\n"
                   "1. *Decides* to remain seized of the matter;\n\n2. *Also decides* to meet again.\n")
    assert rules(text) == []


def test_lone_unnumbered_paragraph_without_full_stop_is_the_single_op():
    text = HEAD.replace("*The General Assembly*,", "*The General Assembly*,") + "*Resolves* that, for 2020:\n"
    found = rules(text)
    assert ("UN.PP.OPENER_FORM", 5) not in found and ("UN.STRUCT.ORGAN_COMMA", 1) not in found


def test_declaration_paragraphs_are_not_judged_as_operative_openers():
    paras = "\n\n".join(f"{i}. We reaffirm our commitment number {i};" for i in range(1, 6))
    text = HEAD + paras + "\n"
    assert not [r for r, _ in rules(text) if r in ("UN.OP.OPENER_FORM", "UN.PUNCT.OP_END")]


def test_invisible_marks_after_the_last_punctuation_are_not_a_missing_comma():
    """Word and PDF copies leave left-to-right marks and zero-width spaces after the comma."""
    text = HEAD.replace("2005,", "2005,\u200e") + "1. *Requests* the Secretary-General to report;\u200b\n\n" \
        "2. *Decides* to remain seized of the matter.\u200e\n"
    assert rules(text) == []
    wrong = HEAD.replace("2005,", "2005;\u200e") + "*Requests* the Secretary-General to report.\n"
    [f] = [f for f in lint_text(wrong, "d.md") if f.rule == "UN.PUNCT.PP_END"]
    assert f.fix == "," and "ends with ';'" in f.message


def test_messages_say_what_to_write():
    text = HEAD.replace("*The General Assembly*,", "*The General Assembly*") + \
        "*Recalling also* resolution 60 / 1,\n\n1. *Acknowledge* the work done;\n\n2. *Decides* to act.\n"
    msgs = {f.rule: f.message for f in lint_text(text, "d.md")}
    assert msgs["UN.STRUCT.ORGAN_COMMA"] == "organ line has no comma: a preamble follows, so it ends with a comma"
    assert msgs["UN.CITE.SYMBOL_FORM"].endswith("write '60/1'")
    assert msgs["UN.OP.OPENER_FORM"].endswith("e.g. 'Acknowledges'")
