"""The pure edit functions behind the TUI: numbering, opener italics, undo, recovery files."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.model import FootnoteRef, Kind, Run
from drafter.parse import load, parse_text
from drafter.render.markdown import render_markdown
from drafter.tui import editing, recovery
from drafter.tui.history import History

from .conftest import EXAMPLES

GOOD = load(EXAMPLES / "good-draft.md")


def test_editor_text_hides_opener_italics_and_round_trips():
    for p in editing.items(GOOD):
        text = editing.editor_text(p)
        assert not text.startswith("*")
        assert editing.paragraph_from_editor(text, p.kind, p) == p
    op3 = GOOD.operative[2]
    assert editing.editor_text(op3).split("\n")[1].startswith("(a) Developing")


def test_every_seed_paragraph_survives_the_editor_unchanged():
    """Selecting a paragraph and typing nothing must not restructure it (reports included)."""
    for seed in sorted(EXAMPLES.glob("*.txt")):
        doc = load(seed)
        for p in editing.items(doc):
            again = editing.paragraph_from_editor(editing.editor_text(p), p.kind, p)
            assert again == editing.italicise_opener(p), (seed.name, p.text[:60])


def test_typed_opener_is_italicised_and_other_italics_kept():
    p = editing.paragraph_from_editor("Also requests the *Treaty Series* to be cited;", Kind.OPERATIVE)
    assert p.runs == (Run("Also requests", True), Run(" the "), Run("Treaty Series", True),
                      Run(" to be cited;"))
    assert p.opener == "Also requests"
    pp = editing.paragraph_from_editor("Bearing in mind its resolution 60/1,[^3]", Kind.PREAMBULAR)
    assert pp.runs[0] == Run("Bearing in mind", True) and pp.runs[-1] == FootnoteRef("3")


def test_subparagraph_lines_become_subparagraphs():
    p = editing.paragraph_from_editor("Requests the Office:\n(a) To assist;\n(b) To report.", Kind.OPERATIVE)
    assert [s.number for s in p.subparagraphs] == ["a", "b"]
    assert p.subparagraphs[1].text == "To report."


def test_insert_places_new_paragraphs_at_the_seam():
    pp = editing.new_paragraph(Kind.PREAMBULAR, "Noting the report,")
    doc, i = editing.insert(GOOD, 6, pp)  # cursor on OP 3: a new PP goes to the end of the preamble
    assert i == 4 and doc.preamble[-1].text == "Noting the report,"
    op = editing.new_paragraph(Kind.OPERATIVE, "Decides to act;")
    doc, i = editing.insert(GOOD, 0, op)  # cursor on PP 1: a new OP becomes OP 1
    assert i == 4 and doc.operative[0].text == "Decides to act;"
    assert [p.number for p in doc.operative] == ["1", "2", "3", "4", "5", "6"]


def test_move_stays_within_its_part():
    assert editing.move(GOOD, 3, 1) == (GOOD, 3)  # last PP cannot become an OP by moving
    doc, i = editing.move(GOOD, 8, -1)
    assert i == 7 and doc.operative[3].text.startswith("Requests the Executive")
    assert doc.operative[3].number == "4"


def test_convert_changes_part_and_final_punctuation():
    doc, i = editing.convert(GOOD, 1)
    assert len(doc.preamble) == 3 and i == 3
    assert doc.operative[0].text.endswith("problem”;") and doc.operative[0].number == "1"
    back, j = editing.convert(doc, i)
    assert back.preamble[-1].text.endswith("problem”,") and j == 3


def test_split_and_merge_are_inverse():
    text = editing.editor_text(GOOD.operative[0])
    cut = text.index(" including")
    doc, i = editing.split(GOOD, 4, text[:cut], text[cut:])
    assert len(doc.operative) == 6 and doc.operative[1].text.startswith("including")
    merged, j = editing.merge(doc, 4)
    assert j == 4 and merged.operative[0].text == GOOD.operative[0].text


def test_footnotes_and_sources():
    assert editing.next_footnote_id(GOOD) == "2"
    doc = editing.set_footnote(GOOD, "2", "Ibid., *Treaty Series*.")
    assert doc.footnote("2").text == "Ibid., Treaty Series." and editing.footnote_text(doc, "2").startswith("Ibid.")
    src = {"id": "x", "symbol": "A/RES/1", "year": 2001, "number": "OP 1"}
    doc = editing.add_source(editing.add_source(doc, src), src)
    assert dict(doc.meta.extra)["sources"] == [src]
    again = parse_text(render_markdown(doc), None, "markdown")
    assert dict(again.meta.extra)["sources"] == [src]


OPS = st.lists(st.tuples(st.sampled_from(["add_pp", "add_op", "move_up", "move_down", "convert",
                                          "merge", "delete", "type"]),
                         st.integers(0, 30)), max_size=25)


@settings(max_examples=60, deadline=None)
@given(OPS)
def test_any_edit_sequence_keeps_numbering_and_round_trips(ops):
    doc, history = GOOD, History(GOOD)
    for op, n in ops:
        count = len(editing.items(doc))
        i = n % count if count else None
        if op == "add_pp":
            doc, i = editing.insert(doc, i, editing.new_paragraph(Kind.PREAMBULAR, f"Noting {n},"))
        elif op == "add_op":
            doc, i = editing.insert(doc, i, editing.new_paragraph(Kind.OPERATIVE, f"Decides {n};"))
        elif i is None:
            continue
        elif op.startswith("move"):
            doc, i = editing.move(doc, i, -1 if op == "move_up" else 1)
        elif op == "convert":
            doc, i = editing.convert(doc, i)
        elif op == "merge":
            doc, i = editing.merge(doc, i)
        elif op == "delete":
            doc, i = editing.delete(doc, i)
        else:
            doc = editing.set_text(doc, i, editing.editor_text(editing.items(doc)[i]) + " more")
        history.record(doc, None, i, op)
        assert [p.number for p in doc.operative] == [str(k) for k in range(1, len(doc.operative) + 1)]
        assert all(p.opener_italic for p in doc.preamble + doc.operative if p.opener)
    assert parse_text(render_markdown(doc), None, "markdown") == doc
    while history.undo():
        pass
    assert history.doc == GOOD


def test_history_coalesces_typing_in_one_paragraph():
    h = History(GOOD)
    d1 = editing.set_text(GOOD, 0, "Recalling a,")
    d2 = editing.set_text(d1, 0, "Recalling ab,")
    h.record(d1, 0, 0, "typing", ("type", 0))
    h.record(d2, 0, 0, "typing", ("type", 0))
    d3, _ = editing.delete(d2, 1)
    h.record(d3, 1, 1, "delete")
    assert h.undo() == (d2, 1, "delete")
    assert h.undo() == (GOOD, 0, "typing")
    assert h.undo() is None
    assert h.redo()[0] == d2


def test_recovery_file_round_trip(tmp_path):
    draft = tmp_path / "a" / "draft.md"
    path = recovery.recovery_path(draft, tmp_path / "rec")
    assert path != recovery.recovery_path(tmp_path / "b" / "draft.md", tmp_path / "rec")
    assert recovery.read(path) is None
    recovery.write(path, draft, "# Title\n")
    found = recovery.read(path)
    assert found.markdown == "# Title\n" and found.draft == str(draft.resolve())
    assert found.age.endswith("s ago")
    recovery.discard(path)
    assert not path.exists()
