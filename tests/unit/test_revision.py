"""Revision tracking: redlines, alignment labels, signals, history, compilation."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.model import Kind, Meta, Paragraph, Resolution, Run
from drafter.parse import load, parse_text
from drafter.revision import align, compile_text, history, opener_shift, redline, references, render_compilation

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"


def op(n: int, text: str, subs: tuple[str, ...] = ()) -> Paragraph:
    return Paragraph(Kind.OPERATIVE, (Run(text),), str(n),
                     subparagraphs=tuple(Paragraph(Kind.SUBPARAGRAPH, (Run(s),), chr(97 + i))
                                         for i, s in enumerate(subs)))


def pp(text: str) -> Paragraph:
    return Paragraph(Kind.PREAMBULAR, (Run(text),))


def doc(ops: list[str], pps: tuple[str, ...] = (), sponsors: tuple[str, ...] = ()) -> Resolution:
    return Resolution(Meta(sponsors=sponsors), "Title", None, tuple(pp(t) for t in pps),
                      tuple(op(i, t) for i, t in enumerate(ops, 1)))


OPS = [
    "Urges Member States to strengthen training for law enforcement officials;",
    "Requests the United Nations Office on Drugs and Crime to assist Member States upon request;",
    "Encourages Member States to share best practices in the area of border control;",
    "Invites Member States and other donors to provide extrabudgetary resources;",
    "Decides to remain seized of the matter at its next session;",
    "Calls upon relevant international organizations to provide financing for forensic laboratories;",
]


@pytest.fixture(scope="module")
def example():
    return align(load(EX / "l-draft.md"), load(EX / "rev1-draft.md"))


# --- redline -------------------------------------------------------------------------------

def test_one_word_replaced_is_one_change():
    changes = [c for c in redline("The Commission urges States to act;", "The Commission invites States to act;")
               if c.op != "equal"]
    assert [(c.op, c.old.strip(), c.new.strip()) for c in changes] == [("replace", "urges", "invites")]


def test_symbols_and_hyphenated_words_are_single_tokens():
    changes = [c for c in redline("resolution S-30/1 on drug-related crime", "resolution S-30/2 on drug-related crime")
               if c.op != "equal"]
    assert [(c.old.strip(), c.new.strip()) for c in changes] == [("S-30/1", "S-30/2")]


words = st.lists(st.sampled_from(["Urges", "States", "to", "the", "law", ",", ";", "training", "and"]), max_size=25)


@settings(max_examples=150, deadline=None)
@given(words, words)
def test_redline_reconstructs_both_texts(a, b):
    old, new = " ".join(a), " ".join(b)
    changes = redline(old, new)
    assert "".join(c.old for c in changes) == old
    assert "".join(c.new for c in changes) == new
    assert all(c.op in ("equal", "replace", "delete", "insert") for c in changes)


# --- alignment ------------------------------------------------------------------------------

def test_example_number_table(example):
    table = [(p.old_label, p.new_label, p.status) for p in example.pairs if p.status != "unchanged" or p.renumbered]
    assert ("PP 9", None, "deleted") in table
    assert ("OP 11", "OP 6", "moved+edited") in table
    assert ("OP 8", "OP 9 + OP 10", "split") in table
    assert ("OP 9", "OP 11", "edited") in table  # renumbered and edited, not moved
    assert (None, "OP 13", "added") in table
    assert ("OP 14", "OP 16", "unchanged") in table  # renumbered only
    assert example.summary == {"unchanged": 21, "edited": 4, "moved": 0, "moved+edited": 1, "added": 1,
                               "deleted": 1, "split": 1, "merged": 0}


def test_example_signals(example):
    s = example.signals
    assert s.sponsors_added == ("Kazakhstan",) and s.sponsors_removed == ()
    assert [(w, sh.old, sh.new, sh.direction) for w, sh in s.opener_shifts] == [
        ("OP 11", "Urges", "Further encourages", "softened")]
    assert s.references_removed == ("66/137",) and s.references_added == ()
    assert [f.label for f in s.footnotes] == ["footnote removed"]
    assert s.title is None


def test_identical_documents():
    d = load(EX / "l-draft.md")
    al = align(d, d)
    assert al.identical and al.summary["unchanged"] == len(d.paragraphs)


def test_only_the_moved_paragraph_is_moved():
    new_order = [OPS[4], OPS[0], OPS[1], OPS[2], OPS[3], OPS[5]]
    al = align(doc(OPS), doc(new_order))
    moved = [(p.old_label, p.new_label) for p in al.pairs if p.status == "moved"]
    assert moved == [("OP 5", "OP 1")]
    assert sum(p.status == "unchanged" for p in al.pairs) == 5


def test_insertion_renumbers_without_moving():
    new = OPS[:2] + ["Welcomes the work of the International Narcotics Control Board on precursors;"] + OPS[2:]
    al = align(doc(OPS), doc(new))
    assert al.summary["added"] == 1 and al.summary["moved"] == 0
    assert [p.mapping_line() for p in al.pairs][-1] == "OP 6 -> OP 7"


def test_merge_detected():
    merged = OPS[:2] + [OPS[2].rstrip(";") + ", and invites Member States and other donors to provide "
                        "extrabudgetary resources;"] + OPS[4:]
    al = align(doc(OPS), doc(merged))
    assert [(p.old, p.new) for p in al.pairs if p.status == "merged"] == [(("OP 3", "OP 4"), ("OP 3",))]


def test_deleted_and_added_unrelated_paragraphs_are_not_paired():
    new = OPS[:3] + ["Expresses its appreciation to the Government of Austria for hosting the meeting;"] + OPS[4:]
    al = align(doc(OPS), doc(new))
    assert al.summary["added"] == 1 and al.summary["deleted"] == 1


def test_pp_to_op_conversion():
    old = doc(OPS[:3], pps=("Recognizing the importance of training for law enforcement officials,",))
    new = doc(OPS[:3] + ["Recognizes the importance of training for law enforcement officials;"])
    pair = next(p for p in align(old, new).pairs if p.converted)
    assert pair.converted == "PP->OP" and pair.old == ("PP 1",) and pair.new == ("OP 4",)


def test_subparagraph_alignment():
    subs = ("Developing national training programmes;", "Establishing early warning mechanisms;",
            "Promoting regional cooperation among laboratories;")
    old = replace(doc(OPS[:2]), operative=(op(1, "Requests the Office to assist Member States in:", subs),))
    new_subs = (subs[0], "Promoting regional cooperation among forensic laboratories;")
    new = replace(doc(OPS[:2]), operative=(op(1, "Requests the Office to assist Member States in:", new_subs),))
    pair = align(old, new).pairs[0]
    assert pair.status == "edited"
    assert [(s.old_label, s.new_label, s.status) for s in pair.subpairs] == [
        ("OP 1 (a)", "OP 1 (a)", "unchanged"), ("OP 1 (b)", None, "deleted"), ("OP 1 (c)", "OP 1 (b)", "edited")]


# --- signals --------------------------------------------------------------------------------

@pytest.mark.parametrize("old,new,direction", [
    ("Urges", "Encourages", "softened"), ("Invites", "Calls upon", "strengthened"),
    ("Requests", "Also requests", None), ("Strongly urges", "Urges", "softened"),
    ("Recalling", "Reaffirming", "strengthened")])
def test_opener_shift(old, new, direction):
    shift = opener_shift(old, new)
    assert (shift.direction if shift else None) == direction


def test_references():
    d = parse_text("# T\n\n*The Commission on Narcotic Drugs*,\n\n*Recalling* its resolution 60/1, General "
                   "Assembly resolution S-30/1 and document E/CN.7/2001/16,\n\n1. *Decides* to act;\n")
    assert references(d) == ["E/CN.7/2001/16", "60/1", "S-30/1"]


# --- history and compilation ------------------------------------------------------------------

def test_history_follows_identities():
    v1 = doc(OPS)
    v2 = doc([OPS[1], OPS[0]] + OPS[2:5])  # swap, drop the last
    v3 = doc([OPS[1], OPS[0]] + OPS[2:5] + ["Welcomes the report of the Board on precursors and chemicals;"])
    lin = history([v1, v2, v3], ["L.1", "Rev.1", "Rev.2"])
    table = lin.table()
    assert table[0] == ["OP 1", "OP 2 (moved)", "OP 2"] or table[1] == ["OP 2", "OP 1 (moved)", "OP 1"]
    assert table[5] == ["OP 6", "deleted", ""]
    assert table[6] == ["", "", "OP 6 (added)"] and lin.rows[6].first_version == 2


def test_compilation_attributes_and_alternatives():
    base = doc(OPS)
    eu = replace(doc([OPS[0].replace("Urges", "Encourages")] + OPS[1:]), meta=Meta(delegation="EU"))
    us = replace(doc([OPS[0].replace("Urges", "Requests")] + OPS[1:3] + OPS[4:]), meta=Meta(delegation="US"))
    uk = replace(eu, meta=Meta(delegation="UK"))
    text = render_compilation(compile_text(base, [eu, us, uk]))
    assert "**Alt 1** [EU, UK]: ~~Urges~~ **Encourages**" in text
    assert "**Alt 2** [US]: ~~Urges~~ **Requests**" in text
    assert "[US: delete] ~~4. Invites" in text
    assert "\n\n2. Requests the United Nations Office" in text  # untouched paragraphs stay plain


def test_compilation_single_proposal_inline():
    base = doc(OPS)
    eu = replace(doc([OPS[0].replace("training", "specialized training")] + OPS[1:]), meta=Meta(delegation="EU"))
    text = render_compilation(compile_text(base, [eu]))
    assert "1. *Urges* Member States to strengthen [EU: **specialized**] training" in text


def test_title_footnote_and_reference_signals():
    old = parse_text("# Training\n\n*The Commission on Narcotic Drugs*,\n\n*Recalling* its resolution 60/1,[^1]\n\n"
                     "1. *Decides* to act;\n\n[^1]: See E/CN.7/2016/5, annex.\n")
    new = parse_text("# Training of officials\n\n*The Commission on Narcotic Drugs*,\n\n*Recalling* its resolution "
                     "61/2,[^1]\n\n1. *Decides* to act;\n\n[^1]: See E/CN.7/2016/5, annex II.\n")
    s = align(old, new).signals
    assert s.title and s.title.new == "Training of officials"
    assert [(f.label, f.new) for f in s.footnotes] == [("footnote edited", "See E/CN.7/2016/5, annex II.")]
    assert s.references_added == ("61/2",) and s.references_removed == ("60/1",)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(OPS) - 1), max_size=8), st.lists(st.integers(0, len(OPS) - 1), max_size=8))
def test_every_paragraph_is_accounted_for_once(a, b):
    old, new = doc([OPS[i] for i in a]), doc([OPS[i] for i in b])
    al = align(old, new)
    assert sorted(i for p in al.pairs for i in p.old_index) == list(range(len(a)))
    assert sorted(j for p in al.pairs for j in p.new_index) == list(range(len(b)))
    assert al.identical == (a == b)
