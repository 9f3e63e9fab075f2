"""Ingesting clauses from drafts (via drafter.parse.load) and corpus-schema JSONL."""
from __future__ import annotations

import json

import pytest

from drafter.bank.ingest import clauses_from_jsonl, clauses_from_paths, in_topic
from drafter.errors import DrafterError

from ..conftest import FIXTURES


def test_clauses_from_a_canonical_draft():
    cl = list(clauses_from_paths([FIXTURES / "good-draft.md"]))
    assert [c.kind for c in cl] == ["preambular"] * 4 + ["operative"] * 5
    pp1, op3 = cl[0], cl[6]
    assert pp1.id == "good-draft PP1" and pp1.opener == "Reaffirming" and pp1.body == "CND"
    assert pp1.footnotes == ("United Nations, Treaty Series, vol. 1019, No. 14956.",)
    assert op3.id == "good-draft OP3" and op3.number == "3" and op3.address == "OP 3"
    assert "\n(a) Developing national training programmes" in op3.text
    assert pp1.title.startswith("Strengthening the capacity of national forensic laboratories")


def test_clauses_from_corpus_jsonl_keep_every_field():
    cl = list(clauses_from_jsonl(FIXTURES / "corpus_sample.jsonl"))
    assert len(cl) == 200 and len({c.id for c in cl}) == 200
    first = json.loads((FIXTURES / "corpus_sample.jsonl").read_text().splitlines()[0])
    c = cl[0]
    assert (c.symbol, c.body, c.year, c.date, c.title, c.kind, c.number, c.opener, c.text) == (
        first["symbol"], first["body"], first["year"], first["date"], first["title"], first["kind"],
        first["number"], first["opener"], first["text"])
    assert c.id == f"{first['symbol']} OP{first['number']}"


def test_topic_selection():
    assert in_topic({"body": "ECOSOC", "title": "Anything", "text": "x"})
    assert in_topic({"body": "GA", "title": "International cooperation against the world drug problem", "text": "x"})
    assert in_topic({"body": "GA", "title": "Oceans", "text": "calls upon the United Nations Office on Drugs and Crime"})
    assert not in_topic({"body": "GA", "title": "Oceans and the law of the sea", "text": "Welcomes the report"})


def test_bad_sources_are_one_line_errors(tmp_path):
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"text": "a", "kind": "preambular"}\nnot json\n')
    with pytest.raises(DrafterError, match="corpus-schema") as exc:
        list(clauses_from_jsonl(bad))
    assert exc.value.line == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DrafterError, match="no .jsonl"):
        list(clauses_from_paths([empty]))
    with pytest.raises(DrafterError, match="no such file|cannot read"):
        list(clauses_from_paths([tmp_path / "missing.md"]))


def test_reports_contribute_only_their_recommendations():
    from drafter.bank.ingest import clauses_from_document
    from drafter.model import Kind, Meta, Paragraph, Resolution, Run, Status
    para = lambda n, text, heading: Paragraph(Kind.REPORT, (Run(text),), number=n, heading=heading)  # noqa: E731
    doc = Resolution(meta=Meta(commission="Commission on Narcotic Drugs", date="20 January 2010", status=Status("report")),
                     title="Assistance to transit States", organ=None,
                     report=(para("1", "Ecuador reported on its efforts.", "III. Efforts by Member States"),
                             para("15", "Governments should be encouraged to share information.", "IV. Recommendations"),
                             Paragraph(Kind.RECOMMENDATION, (Run("Strengthen border controls."),), number="b")))
    cl = list(clauses_from_document(doc, fallback_symbol="report-2010"))
    # a document without a symbol gets a readable label, never the file name
    assert [(c.id, c.kind, c.body, c.year) for c in cl] == [
        ("CND report 2010 REC15", "recommendation", "CND", 2010),
        ("CND report 2010 RECb", "recommendation", "CND", 2010)]


def test_restarted_numbering_keeps_every_clause(tmp_path):
    rows = [{"symbol": "A/RES/74/255 B", "kind": "operative", "number": "1", "text": f"Decides {i};"} for i in range(3)]
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert [c.id for c in clauses_from_jsonl(f)] == ["A/RES/74/255 B OP1", "A/RES/74/255 B OP1#2", "A/RES/74/255 B OP1#3"]
