"""Word import: a .docx made the way Word makes it reaches the model whole; bad files fail cleanly."""
from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml

from drafter.cli import main
from drafter.model import FootnoteRef, Kind, Organ, Run
from drafter.parse import load
from drafter.parse.docx import is_paragraph_indexed, paragraph_address, parse_docx
from drafter.parse.docx_numbering import Numbering, to_letters, to_roman
from drafter.render.docx import render_docx

from ..conftest import FIXTURES
from ..fixtures.docx.make_fixtures import build_all

DOCX = FIXTURES / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def word_draft():
    return parse_docx(str(DOCX / "word-draft.docx"))


def test_header_block_and_sponsor_line(word_draft):
    m = word_draft.meta
    assert (m.symbol, m.distribution, m.date, m.original_language) == (
        "E/CN.7/2024/L.5", "Limited", "8 March 2024", "English")
    assert (m.body, m.commission, m.session, m.venue) == (
        "Economic and Social Council", "Commission on Narcotic Drugs", "Sixty-seventh session",
        "Vienna, 14–22 March 2024")
    assert (m.agenda_item, m.agenda_title) == ("5 (b)", "Implementation of the international drug control treaties")
    assert m.sponsors == ("Canada", "Mexico") and m.status.kind == "draft"
    assert word_draft.title == "Promoting alternatives to incarceration"
    assert word_draft.organ == Organ("The Commission on Narcotic Drugs", True, ",")


def test_italic_openers_from_styles_and_direct_formatting(word_draft):
    pp1, pp2 = word_draft.preamble
    assert pp1.runs[0] == Run("Reaffirming", True) and pp1.opener == "Reaffirming"
    assert pp2.runs[0] == Run("Recalling also", True) and pp2.opener_italic
    assert [p.opener for p in word_draft.operative] == ["Encourages", "Requests", "Decides"]
    assert all(p.opener_italic for p in word_draft.operative)


def test_word_auto_numbering_three_levels(word_draft):
    ops = word_draft.operative
    assert [p.number for p in ops] == ["1", "2", "3"]
    assert [s.number for s in ops[1].subparagraphs] == ["a", "b"]
    assert [s.number for s in ops[1].subparagraphs[1].subparagraphs] == ["i", "ii"]
    assert ops[1].subparagraphs[1].subparagraphs[1].text == "Treatment as an alternative;"
    assert all(s.kind is Kind.SUBPARAGRAPH for s in ops[1].subparagraphs)


def test_real_footnotes_with_italics(word_draft):
    assert word_draft.preamble[0].footnote_refs == ("1",)
    assert word_draft.preamble[1].footnote_refs == ("2",)
    assert [f.id for f in word_draft.footnotes] == ["1", "2"]
    assert word_draft.footnotes[0].runs == (Run("United Nations, "), Run("Treaty Series", True),
                                            Run(", vol. 1019, No. 14956."))
    assert word_draft.footnotes[1].text == "General Assembly resolution S-30/1, annex."


def test_tracked_changes_read_as_accepted_and_comments_kept(word_draft):
    op2 = word_draft.operative[1]
    assert op2.text == "Requests the Office, within existing resources, to assist Member States in:"
    assert word_draft.operative[2].comments == ("drafter: disable=UN.PUNCT.OP_END",)


def test_sources_are_paragraph_indexes(word_draft):
    # 2 table cells, 10 header lines, an empty paragraph, title (14), organ (15), PP 1 (16)
    assert word_draft.organ.source.line == 15
    assert word_draft.preamble[0].source.line == 16
    assert word_draft.operative[1].subparagraphs[1].subparagraphs[0].source.line == 22
    assert word_draft.operative[0].source.path.endswith("word-draft.docx")
    assert is_paragraph_indexed(word_draft.operative[0].source.path)
    assert not is_paragraph_indexed("draft.md")
    assert dict(word_draft.addressed())["OP 3"].source.line == 24
    assert [paragraph_address(word_draft, n) for n in (15, 16, 19, 21, 23, 24, 3)] == [
        "organ line", "PP 1", "OP 2", "OP 2 (b)", "OP 2 (b) (ii)", "OP 3", None]


def test_fixture_script_still_makes_the_fixtures(tmp_path):
    files = build_all(tmp_path)
    assert parse_docx(str(files["word-draft.docx"])) == parse_docx(str(DOCX / "word-draft.docx"))
    for name in ("encrypted.docx", "old-binary.doc", "bad-zip.docx"):
        assert files[name].read_bytes() == (DOCX / name).read_bytes()


def test_number_formats():
    assert [to_roman(n) for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert [to_letters(n) for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]


def _numbered_docx(paragraphs, numbering_xml: str) -> Document:
    d = Document()
    numbering = d.part.numbering_part.element
    for el in parse_xml(f'<w:numbering xmlns:w="{W}">{numbering_xml}</w:numbering>'):
        numbering.append(el)
    for text, num_id, level in paragraphs:
        p = d.add_paragraph(text)
        if num_id:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return d


def test_numbering_restarts_and_start_values():
    xml = (f'<w:abstractNum w:abstractNumId="70"><w:lvl w:ilvl="0"><w:start w:val="5"/>'
           '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
           '<w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
           '<w:num w:numId="71"><w:abstractNumId w:val="70"/></w:num>'
           '<w:num w:numId="72"><w:abstractNumId w:val="70"/><w:lvlOverride w:ilvl="0">'
           '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    d = _numbered_docx([("a", 71, 0), ("b", 71, 1), ("c", 71, 1), ("d", 71, 0), ("e", 71, 1),
                        ("plain", None, 0), ("f", 71, 0), ("g", 72, 0), ("h", 72, 0)], xml)
    numbering = Numbering(d.part.numbering_part.element, d.styles.element)
    labels = [numbering.label(p._p) for p in d.paragraphs]
    assert [lab.text if lab else None for lab in labels] == [
        "5.", "(a)", "(b)", "6.", "(a)", None, "7.", "1.", "2."]


def test_typed_numbers_and_style_numbering(tmp_path):
    d = Document()
    d.add_paragraph("The Commission on Narcotic Drugs,")
    p = d.add_paragraph()
    p.add_run("Noting").italic = True
    p.add_run(" the report,")
    d.add_paragraph("1.\tDecides to act;")
    d.add_paragraph("(a)\tFirst;")
    d.add_paragraph("Also decides to continue.", style="List Number")  # numbered through its style
    path = tmp_path / "typed.docx"
    d.save(path)
    doc = parse_docx(str(path))
    assert doc.preamble[0].opener == "Noting"
    assert [p.number for p in doc.operative] == ["1", "1"]  # List Number restarts its own list
    assert doc.operative[0].subparagraphs[0].text == "First;"
    assert doc.operative[0].text == "Decides to act;"


def test_symbol_in_the_page_header(tmp_path):
    d = Document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "E/CN.7/2024/L.9"
    for line in ("Distr.: Limited", "Canada: draft resolution", "A title",
                 "The Commission on Narcotic Drugs,", "1.\tDecides to act."):
        d.add_paragraph(line)
    path = tmp_path / "hdr.docx"
    d.save(path)
    doc = parse_docx(str(path))
    assert (doc.meta.symbol, doc.meta.distribution, doc.meta.sponsors) == ("E/CN.7/2024/L.9", "Limited", ("Canada",))
    assert doc.title == "A title" and doc.operative[0].number == "1"


def test_superscript_indicators_typed_in_word(tmp_path):
    d = Document()
    d.add_paragraph("The Commission on Narcotic Drugs,")
    p = d.add_paragraph("Recalling the Convention of 1988,")
    p.add_run("3").font.superscript = True
    p.add_run(" and the Protocol,⁴")
    path = tmp_path / "sup.docx"
    d.save(path)
    doc = parse_docx(str(path))
    assert doc.preamble[0].runs == (Run("Recalling the Convention of 1988,"), FootnoteRef("3"),
                                    Run(" and the Protocol,"), FootnoteRef("4"))


def test_header_edited_in_word_wins_over_stored_copy(tmp_path):
    doc = load(FIXTURES / "000_6dacf8c41ce2418f.txt")
    word = Document(io.BytesIO(render_docx(doc)))
    date = next(p for p in word.paragraphs if p.text == doc.meta.date)
    date.runs[0].text = "20 March 2017"
    path = tmp_path / "edited.docx"
    word.save(path)
    back = parse_docx(str(path))
    assert back.meta.date == "20 March 2017"
    assert back.meta.symbol == doc.meta.symbol and back.meta.sponsors == doc.meta.sponsors
    assert back.operative == doc.operative


def test_macro_enabled_docm_reads(tmp_path):
    data = render_docx(load(FIXTURES / "good-draft.md"))
    src = zipfile.ZipFile(io.BytesIO(data))
    path = tmp_path / "draft.docm"
    with zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            dst.writestr(info, blob)
    assert load(path) == load(FIXTURES / "good-draft.md")


@pytest.mark.parametrize("name, words", [
    ("corrupt.docx", "corrupt"), ("bad-zip.docx", "no word/document.xml"),
    ("encrypted.docx", "password-protected"), ("old-binary.doc", "old binary Word format"),
    ("memo.docx", "no resolution structure")])
def test_bad_word_files_fail_in_one_line(name, words, capsys):
    path = DOCX / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for argv in (["import", str(path)], ["export", str(path), "--format", "json"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith(f"drafter: error: {path}: ")
        assert words in err and "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_and_directory(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.docx")]) == 2
    assert "no such file" in capsys.readouterr().err
    folder = tmp_path / "dir.docx"
    folder.mkdir()
    assert main(["import", str(folder)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_word_draft_golden(word_draft):
    """The whole model read from the Word-made draft, as JSON (DRAFTER_UPDATE_GOLDEN=1 rewrites it)."""
    import os

    from drafter.render.json import render_json
    golden = DOCX / "word-draft.golden.json"
    if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
        golden.write_text(render_json(word_draft), encoding="utf-8")
    assert render_json(word_draft) == golden.read_text(encoding="utf-8")
