"""Word export: parse_docx(render_docx(doc)) == doc, and the file is a real UN-looking .docx."""
from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings

from drafter.cli import main
from drafter.model import Footnote, FootnoteRef, Kind, Meta, Organ, Paragraph, Resolution, Run, Status
from drafter.parse import load
from drafter.parse.docx import parse_docx
from drafter.render.docx import render_docx

from ..conftest import FIXTURES, REPO, SEEDS
from .test_markdown_roundtrip import documents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFTS = [*SEEDS, FIXTURES / "good-draft.md", FIXTURES / "bad-draft.md",
          REPO / "examples" / "good-draft.md", REPO / "examples" / "bad-draft.md"]


def roundtrip(doc: Resolution, tmp_path, name: str = "draft.docx") -> Resolution:
    path = tmp_path / name
    path.write_bytes(render_docx(doc))
    return parse_docx(str(path))


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_seed_and_example_roundtrip(draft, tmp_path):
    doc = load(draft)
    assert roundtrip(doc, tmp_path) == doc


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(documents())
def test_generated_documents_roundtrip(tmp_path, doc):
    assert roundtrip(doc, tmp_path) == doc


def test_odd_footnotes_and_structure_roundtrip(tmp_path):
    """Legacy numbering (33, 34), a repeated indicator, a dangling one, a note nobody cites."""
    pp = Paragraph(Kind.PREAMBULAR, (Run("Recalling", True), Run(" the Convention,"), FootnoteRef("33"),
                                     Run(" and the Protocol,"), FootnoteRef("34")), opener="Recalling")
    op1 = Paragraph(Kind.OPERATIVE, (Run("Decides", True), Run(" to apply the Convention"), FootnoteRef("33"),
                                     Run(" and note"), FootnoteRef("99"), Run(";")), number="1", opener="Decides")
    sub = Paragraph(Kind.SUBPARAGRAPH, (Run("Training ¹ with “quotes” and *stars*;"),), number="a",
                    subparagraphs=(Paragraph(Kind.SUBPARAGRAPH, (Run("deep;"),), number="i"),))
    op2 = Paragraph(Kind.OPERATIVE, (Run("Requests", True), Run(" the Office:")), number="3",
                    opener="Requests", subparagraphs=(sub,), comments=("drafter: disable=UN.STRUCT.OP_NUMBERING",))
    doc = Resolution(
        meta=Meta(symbol="E/CN.7/2002/L.9", sponsors=("Trinidad and Tobago", "Côte d'Ivoire"),
                  status=Status("revised", 2), delegation="EU", extra=(("sources", ["a", "b"]),)),
        title="A title", organ=Organ("The Commission on Narcotic Drugs", False, ","),
        preamble=(pp,), operative=(op1, op2),
        footnotes=(Footnote("33", (Run("United Nations, "), Run("Treaty Series", True), Run(", vol. 1582."))),
                   Footnote("34", (Run("Ibid."),)), Footnote("50", (Run("Never cited."),))))
    assert roundtrip(doc, tmp_path) == doc
    renumbered = replace(doc, footnotes=tuple(replace(f, id=i) for f, i in zip(doc.footnotes, ("a", "b", "c"))))
    assert roundtrip(renumbered, tmp_path).footnotes == renumbered.footnotes


def test_export_is_a_un_looking_document(tmp_path):
    doc = load(FIXTURES / "good-draft.md")
    data = render_docx(doc)
    word = Document(io.BytesIO(data))
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert word.styles["Normal"].font.name == "Times New Roman"
    assert word.styles["Normal"].font.size.pt == 12
    paras = {p.style.name: p for p in word.paragraphs}
    assert paras["UN Title"].style.font.bold
    organ = next(p for p in word.paragraphs if p.style.name == "UN Organ")
    assert organ.runs[0].italic and organ.runs[0].text == "The Commission on Narcotic Drugs"
    ops = [p for p in word.paragraphs if p.style.name == "UN Operative"]
    assert [p.text.split("\t")[0] for p in ops] == ["1.", "2.", "3.", "4.", "5."]
    assert ops[0].runs[1].italic and ops[0].runs[1].text == "Encourages"
    subs = [p for p in word.paragraphs if p.style.name == "UN Subparagraph"]
    assert [p.text.split("\t")[0] for p in subs] == ["(a)", "(b)", "(c)"]
    assert subs[0].style.paragraph_format.left_indent > 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = z.read("word/footnotes.xml").decode()
        body = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert "Treaty Series" in notes and "<w:footnoteRef/>" in notes
    assert body.count("<w:footnoteReference") == 1
    assert 'w:name w:val="footnote reference"' in styles and "<w:vertAlign w:val=\"superscript\"/>" in styles
    assert word.styles["footnote text"].font.size.pt == 10


def test_cli_export_docx(tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert main(["export", str(FIXTURES / "good-draft.md"), "--format", "docx", "-o", str(out)]) == 0
    assert parse_docx(str(out)) == load(FIXTURES / "good-draft.md")
    assert main(["export", str(FIXTURES / "good-draft.md"), "--format", "docx"]) == 2
    assert "needs -o" in capsys.readouterr().err
    # the .docx reads back through every command's loader, and re-exports to itself
    again = tmp_path / "again.docx"
    assert main(["export", str(out), "--format", "docx", "-o", str(again)]) == 0
    assert parse_docx(str(again)) == parse_docx(str(out))
