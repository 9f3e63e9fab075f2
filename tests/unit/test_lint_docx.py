"""Lint findings on a Word draft read with paragraph addresses ("draft.docx:OP 7: …"), not
line:col, since a line number means nothing to someone looking at Word (issue 8, point 1).
JSON findings carry ``address`` for every input format, beside line and column."""
from __future__ import annotations

import json
import re

import pytest

from drafter.cli import main
from drafter.lint import Finding, lint, lint_text
from drafter.parse import load
from drafter.parse.docx_address import paragraph_address
from tests.conftest import FIXTURES

pytest.importorskip("docx")
from drafter.render.docx import render_docx  # noqa: E402

DOCX_LINE = re.compile(r"^(?P<path>.+\.docx):(?P<addr>(?:PP|OP) \d+(?: \([a-z]+\))?|note \d+|organ line): "
                       r"(?P<rule>UN\.[A-Z_.]+) (?P<sev>error|warning|suggestion): (?P<msg>.+)$")
SUBPARAGRAPHS = """*The Commission on Narcotic Drugs*,

*Recalling* its resolution 61/2 of 16 March 2018,

1. *Requests* the United Nations Office on Drugs and Crime to assist Member States in:

(a) Developing training programmes.

(b) Promoting cooperation;

2. *Invites* Member States to contribute.
"""


def export(tmp_path, source, name: str):
    """``source`` (a path or Markdown text) exported to a Word file, as a delegate would get it."""
    md = tmp_path / f"{name}.md"
    md.write_text(source if isinstance(source, str) else source.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / f"{name}.docx"
    out.write_bytes(render_docx(load(md)))
    return md, out


def run(capsys, *argv):
    code = main(["lint", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_bad_draft_docx_findings_read_with_paragraph_addresses(capsys, tmp_path):
    md, docx = export(tmp_path, FIXTURES / "bad-draft.md", "bad-draft")
    code, out, err = run(capsys, docx)
    lines = out.splitlines()
    assert code == 1 and err == "" and len(lines) == 8
    assert all(DOCX_LINE.match(x) for x in lines), out
    got = {DOCX_LINE.match(x)["rule"]: DOCX_LINE.match(x)["addr"] for x in lines}
    assert got == {"UN.FN.AFTER_PUNCT": "PP 1", "UN.CITE.RES_DATE_FIRST": "PP 2", "UN.PUNCT.PP_END": "PP 3",
                   "UN.PP.OPENER_FORM": "PP 4", "UN.ITAL.SCOPE": "OP 1", "UN.SEQ.OP_ADVERB_POS": "OP 2",
                   "UN.STRUCT.OP_NUMBERING": "OP 3", "UN.TERM.NO_UNODC": "OP 5"}
    # the same findings as on the Markdown it came from, at the same addresses
    code_md, out_md, _ = run(capsys, md, "--format", "json")
    assert code_md == 1 and {d["rule"]: d["address"] for d in json.loads(out_md)} == got


def test_docx_json_address_matches_the_importers_paragraph_index(capsys, tmp_path):
    _, docx = export(tmp_path, FIXTURES / "bad-draft.md", "bad-draft")
    code, out, _ = run(capsys, docx, "--format", "json")
    data = json.loads(out)
    doc = load(docx)
    assert code == 1 and data
    for d in data:
        assert {"line", "column", "address"} <= set(d)
        assert d["address"] == paragraph_address(doc, d["line"])


def test_subparagraph_address_in_docx_and_markdown(capsys, tmp_path):
    md, docx = export(tmp_path, SUBPARAGRAPHS, "sub")
    code, out, _ = run(capsys, docx)
    assert code == 1 and out == (f"{docx}:OP 1 (a): UN.PUNCT.SUB_ITEM error: subparagraph (a) ends with '.': "
                                 "items before the last end with a semicolon\n")
    code, out, _ = run(capsys, md)
    assert code == 1 and out.startswith(f"{md}:7:35: UN.PUNCT.SUB_ITEM error:")  # Markdown keeps line:col
    [finding] = lint_text(SUBPARAGRAPHS, "sub.md")
    assert finding.address == "OP 1 (a)"


def test_clean_docx_is_clean(capsys, tmp_path):
    _, docx = export(tmp_path, FIXTURES / "good-draft.md", "good-draft")
    assert run(capsys, docx)[:2] == (0, "")


def test_notes_and_organ_line_have_addresses():
    text = ("The Commission on Narcotic Drugs,\n\n*Recalling* the Single Convention on Narcotic Drugs "
            "of 1961,¹\n\n*Invites* Member States to contribute.\n\n---\n\n¹ United Nations, "
            "*Treaty Series*, vol. 520, No. 7515\n")
    found = lint_text(text, "d.md")
    where = {f.rule: f.address for f in found}
    assert where["UN.STRUCT.ORGAN_LINE"] == "organ line" and where["UN.FN.END"] == "note 1"
    assert all(f.address for f in found)


def test_text_form_without_an_address_falls_back_to_the_paragraph_index():
    f = Finding("draft.docx", 12, 1, 12, 1, "UN.STRUCT.SPONSOR_LINE", "warning", "m")
    assert f.as_text() == "draft.docx:paragraph 12: UN.STRUCT.SPONSOR_LINE warning: m"
    g = Finding("draft.md", 12, 3, 12, 9, "UN.STRUCT.SPONSOR_LINE", "warning", "m", address="OP 2")
    assert g.as_text() == "draft.md:12:3: UN.STRUCT.SPONSOR_LINE warning: m"
    assert g.as_dict()["address"] == "OP 2" and g == Finding(*[getattr(g, k) for k in
                                                              ("path", "line", "column", "end_line", "end_column",
                                                               "rule", "severity", "message")])


def test_lint_of_a_loaded_docx_without_text_uses_addresses(tmp_path):
    _, docx = export(tmp_path, FIXTURES / "bad-draft.md", "bad-draft")
    found = lint(load(docx), fmt="docx")
    assert found and all(f.as_text().startswith(f"{docx}:{f.address}: ") for f in found)
