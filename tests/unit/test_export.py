"""``drafter export``: UN-layout text and the documented JSON schema, goldens, and every --help.

Regenerate the golden files after a deliberate change with
``DRAFTER_UPDATE_GOLDEN=1 python -m pytest -q tests/unit/test_export.py`` and read the diff
against the seed before committing it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import __version__
from drafter.cli import build_parser, main
from drafter.model import FootnoteRef, Kind
from drafter.parse import load, parse_text
from drafter.parse.inline import SUPERSCRIPT
from drafter.parse.untext import split_units
from drafter.render.export_json import export_data, render_export_json
from drafter.render.text import _body_break_ok, render_text, wrap

from ..conftest import FIXTURES, SEED_000, SEED_001, SEED_004

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export"
GOOD = FIXTURES / "good-draft.md"
CASES = {"000": SEED_000, "004": SEED_004, "good-draft": GOOD}


def _check_golden(name: str, got: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("DRAFTER_UPDATE_GOLDEN") == "1":
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with DRAFTER_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_golden_text(name: str) -> None:
    _check_golden(f"{name}.txt", render_text(load(CASES[name])))


@pytest.mark.parametrize("name", CASES)
def test_golden_json(name: str) -> None:
    _check_golden(f"{name}.json", render_export_json(load(CASES[name])))


# --- text: UN layout that the importer reads back as the same document -------------------------

def _shape(doc):
    return ([(p.kind, p.number, p.full_text, p.opener, p.footnote_refs) for p in doc.paragraphs],
            [(f.id, f.text) for f in doc.footnotes], doc.title, doc.organ.name, doc.meta.sponsors,
            doc.meta.status, doc.meta.agenda_title, doc.meta.date, doc.meta.resolution_number)


@pytest.mark.parametrize("name", CASES)
def test_text_reads_back_as_the_same_document(name: str) -> None:
    doc = load(CASES[name])
    for width in (80, 40, 0):
        back = parse_text(render_text(doc, width), "export.txt", "untext")
        assert _shape(back) == _shape(doc), width


def test_text_layout_000() -> None:
    text = render_text(load(SEED_000))
    lines = text.split("\n")
    assert max(len(line) for line in lines) <= 80
    assert "*" not in text
    assert "Belarus, El Salvador and Russian Federation: revised draft resolution" in lines
    assert "The Commission on Narcotic Drugs," in lines
    assert "    Concerned by the threat posed by the illicit cultivation, production of and" in lines
    assert any(line.startswith("    14. Invites Member States") for line in lines)
    assert "the World Drug Problem,¹ Member States recognized the need to train law" in lines
    notes = text[text.index("__________"):]
    assert [line.split(" ")[4] for line in notes.split("\n") if line.startswith("    ") and
            line[4] in SUPERSCRIPT] == list("¹²³⁴⁵")
    assert text.index("    1.  Calls upon") < text.index("__________")  # notes at the end


def test_text_layout_004_legacy_notes_and_closing_line() -> None:
    text = render_text(load(SEED_004))
    assert "Resolution 45/9" in text and "Drugs and Psychotropic Substances of 1988,³³" in text
    assert "1223rd meeting\n15 March 2002\n\n__________" in text
    assert "    34/ E/CN.7/2001/16.\n" in text


def test_text_subparagraphs_are_indented() -> None:
    text = render_text(load(GOOD))
    assert "        (a)  Developing national training programmes for forensic laboratory\n" \
           "             personnel;" in text
    doc = parse_text("# T\n\n*The Commission on Narcotic Drugs*,\n\n1. *Requests* a report:\n\n"
                     "(a) On this, including:\n\n(i) one;\n\n(ii) two;\n\n(b) On that.\n", "s.md")
    text = render_text(doc)
    assert "        (a)  On this, including:\n\n             (i)  one;\n\n             (ii) two;" in text


def test_report_exports_headings_and_paragraphs() -> None:
    doc = load(SEED_001)
    text = render_text(doc)
    assert "I. Introduction" in text and "    1.  " in text
    data = export_data(doc)
    assert data["preambular"] == [] and data["operative"] == []
    assert [p["number"] for p in data["report"]] == [str(i) for i in range(1, 42)]
    assert data["report"][5]["subparagraphs"][0]["number"] == "a"


def test_wrap_never_breaks_where_the_importer_would_split() -> None:
    text = ("the session of the General Assembly; (b) and 12 more words, Recalling 55/25 of the item 2. "
            "I. Introduction ¹ and 33/ more words to wrap the line")
    for width in range(20, 60):
        lines = wrap(text, width, "    ", "", _body_break_ok(False))
        assert " ".join(line.strip() for line in lines) == text
        units = split_units(lines)
        assert [u.text for u in units] == [text], width  # the importer sees one paragraph


# --- JSON: exactly the documented schema ------------------------------------------------------

PARA_KEYS = {"number", "opener", "text", "subparagraphs", "footnotes"}


def test_json_schema_000() -> None:
    data = json.loads(render_export_json(load(SEED_000)))
    assert list(data) == ["symbol", "date", "title", "organ", "sponsors", "preambular", "operative", "footnotes"]
    assert data["symbol"] is None and data["date"] == "16 March 2017"
    assert data["organ"] == "The Commission on Narcotic Drugs"
    assert data["sponsors"] == ["Belarus", "El Salvador", "Russian Federation"]
    assert len(data["preambular"]) == 14 and len(data["operative"]) == 14
    assert all(set(p) == {"opener", "text", "footnotes"} for p in data["preambular"])
    assert all(set(p) == PARA_KEYS for p in data["operative"])
    pp5 = data["preambular"][4]
    assert pp5["opener"] == "Recalling" and pp5["text"].startswith("Recalling that in the Political")
    assert pp5["footnotes"] == ["See Official Records of the Economic and Social Council, 2009, Supplement No. 8 "
                                "(E/2009/28), chap. I, sect. C."]
    assert [len(p["footnotes"]) for p in data["preambular"]][7] == 2
    op1 = data["operative"][0]
    assert op1["number"] == "1" and op1["opener"] == "Calls upon" and op1["text"].startswith("Calls upon Member")
    assert data["operative"][2]["footnotes"] == ["General Assembly resolution 34/169, annex."]
    assert data["footnotes"][0]["id"] == "1" and len(data["footnotes"]) == 5
    for p in data["preambular"] + data["operative"]:
        assert "*" not in p["text"] and not set(p["text"]) & set(SUPERSCRIPT)


def test_json_subparagraphs_and_adopted_date() -> None:
    good = export_data(load(GOOD))
    subs = good["operative"][2]["subparagraphs"]
    assert [s["number"] for s in subs] == ["a", "b", "c"]
    assert all(set(s) == PARA_KEYS and s["opener"] is None and s["subparagraphs"] == [] for s in subs)
    assert subs[0]["text"] == "Developing national training programmes for forensic laboratory personnel;"
    assert good["operative"][2]["text"].endswith("upon request, in:")
    d004 = export_data(load(SEED_004))
    assert d004["date"] == "15 March 2002" and d004["preambular"][0]["footnotes"][0].startswith("Official Records")
    doc = parse_text("---\nstatus: adopted\nadopted_date: 2 May 2020\n---\n\n# T\n\n*The Commission*,\n\n"
                     "1. *Decides* to act.[^x]\n\n[^x]: A note.\n", "a.md")
    data = export_data(doc)
    assert data["date"] == "2 May 2020" and data["operative"][0]["footnotes"] == ["A note."]
    assert data["operative"][0]["text"] == "Decides to act."
    assert any(isinstance(r, FootnoteRef) for r in doc.operative[0].runs) and doc.operative[0].kind is Kind.OPERATIVE


# --- the CLI ----------------------------------------------------------------------------------

def run(*args):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True)


@pytest.mark.parametrize("fmt, start", [("text", "Economic and Social Council\n"), ("json", "{\n"), ("md", "---\n")])
def test_export_cli_to_stdout_and_file(tmp_path, fmt, start) -> None:
    r = run("export", str(SEED_000), "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(start)
    out = tmp_path / f"out.{fmt}"
    r = run("export", str(SEED_000), "--format", fmt, "-o", str(out))
    assert r.returncode == 0 and r.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(start)


def test_export_width_and_docx_needs_output(capsys) -> None:
    assert main(["export", str(GOOD), "--format", "text", "--width", "0"]) == 0
    out = capsys.readouterr().out
    assert "    1.  Encourages Member States to strengthen the capacity of their national forensic laboratories" in out
    assert main(["export", str(GOOD), "--format", "docx"]) == 2
    assert "needs -o" in capsys.readouterr().err


def test_import_still_writes_markdown_and_model_json(tmp_path) -> None:
    out = tmp_path / "seed.md"
    assert main(["import", str(SEED_000), "-o", str(out)]) == 0
    assert parse_text(out.read_text(encoding="utf-8"), str(out)) == load(SEED_000)
    r = run("import", str(SEED_000), "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["meta"]["sponsors"][0] == "Belarus"


def _all_parsers(parser: argparse.ArgumentParser, path=()):
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _all_parsers(sub, (*path, name))


def test_every_command_has_help(capsys) -> None:
    paths = list(_all_parsers(build_parser()))
    assert ("import",) in paths and ("export",) in paths and len(paths) > 5
    for path in paths:
        with pytest.raises(SystemExit) as exc:
            main([*path, "--help"])
        assert exc.value.code == 0, path
        assert "usage: drafter" in capsys.readouterr().out


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"drafter {__version__}"
