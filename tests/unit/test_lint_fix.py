"""Safe fixes: idempotent, never change the paragraph count, touch only their target words."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.lint import apply_fixes, fix_text, lint_text
from drafter.parse import parse_text

PP_OPENERS = ["Recalling", "Noting", "Recognizing", "Bearing in mind", "Deeply concerned",
              "Also recalling", "Recalling also", "Recalling further"]
OP_OPENERS = ["Requests", "Invites", "Encourages", "Calls upon", "Decides", "Requests also",
              "Also requests", "Further requests", "Urges"]
BODIES = ["the work of the United Nations Office on Drugs and Crime in this field",
          "the implementation of this resolution by Member States",
          "UNODC to assist Member States upon request",
          "the Secretary General to report on its activities",
          "the importance of regional cooperation against trafficking"]
ENDS = [",", ";", ".", ""]
# Words a safe fix may add, drop or move (its targets); every other word must survive unchanged.
TARGETS = {"this", "the", "present", "also", "further", "unodc", "united", "nations", "office",
           "on", "drugs", "and", "crime", "secretary", "general"}


def paragraph(opener: str, italic: bool, body: str, end: str) -> str:
    head = f"*{opener}*" if italic else opener
    return f"{head} {body}{end}"


@st.composite
def drafts(draw):
    blocks = ["# Title", "*The Commission on Narcotic Drugs*,"]
    for _ in range(draw(st.integers(1, 3))):
        blocks.append(paragraph(draw(st.sampled_from(PP_OPENERS)), draw(st.booleans()),
                                draw(st.sampled_from(BODIES)), draw(st.sampled_from(ENDS))))
    n_ops = draw(st.integers(1, 4))
    numbers = draw(st.lists(st.integers(1, 6), min_size=n_ops, max_size=n_ops))
    for number in numbers:
        blocks.append(f"{number}. " + paragraph(draw(st.sampled_from(OP_OPENERS)), draw(st.booleans()),
                                                draw(st.sampled_from(BODIES)), draw(st.sampled_from(ENDS))))
    return "\n\n".join(blocks) + "\n"


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text.lower()) if w not in TARGETS]


def count(text: str) -> int:
    doc = parse_text(text, "d.md")
    return len(doc.preamble) + len(doc.operative)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_fix_is_idempotent_and_conservative(text):
    once = fix_text(text, "d.md")
    assert fix_text(once, "d.md") == once
    assert count(once) == count(text)
    assert words(once) == words(text)
    assert not [f for f in lint_text(once, "d.md") if f.fix is not None and f.safe]


def test_overlapping_fixes_apply_one_per_pass():
    text = "*The Commission on Narcotic Drugs*,\n\n*Also recalling* this resolution;\n"
    found = lint_text(text, "d.md")
    new, n = apply_fixes(text, found)
    assert n >= 2 and "*Recalling also* the present resolution," in new


def test_fix_italicises_opener_and_moves_the_star_out_of_the_object():
    text = ("*The Commission on Narcotic Drugs*,\n\nRecalling its resolution 60/1 of 17 March 2017,\n\n"
            "1. *Calls* upon Member States to act;\n\n2. *Invites Member States* to report.\n")
    fixed = fix_text(text, "d.md")
    assert "*Recalling* its resolution" in fixed
    assert "1. *Calls upon* Member States" in fixed
    assert "2. *Invites* Member States to report." in fixed


def test_unsafe_fix_is_offered_but_not_applied():
    text = ("*The Commission on Narcotic Drugs*,\n\n*Recalling* its resolution 60/1 of 17 March 2017,\n\n"
            "1. *Calls upon* Member States to disrupt networks; 2. Urges Member States to act;\n\n"
            "3. *Decides* to remain seized of the matter.\n")
    found = [f for f in lint_text(text, "d.md") if f.rule == "UN.STRUCT.PARA_BREAK"]
    assert found and found[0].fix == "\n\n" and not found[0].safe
    assert fix_text(text, "d.md").count("\n\n") == text.count("\n\n")
