"""Tracked-changes diff: real Word revisions; accept all gives the new draft, reject all the old."""
from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from drafter.cli import main
from drafter.parse import load
from drafter.parse.docx import parse_docx
from drafter.render.diff_docx import render_diff_docx, with_ghosts
from drafter.revision import align

from ..conftest import FIXTURES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _versions(tmp_path):
    """good-draft.md and a co-sponsor's version of it: PP deleted, words changed, OP moved, OP added."""
    text = (FIXTURES / "good-draft.md").read_text()
    blocks = text.rstrip("\n").split("\n\n")
    tops = [i for i, b in enumerate(blocks) if b[:1].isdigit()]
    ops = [blocks[i:j] for i, j in zip(tops, tops[1:] + [blocks.index("---")])]
    ops[0] = [ops[0][0].replace("*Encourages* Member States to strengthen",
                                "*Urges* Member States to urgently strengthen")]
    ops[2] = [b.replace("(b) Establishing", "(b) Creating") for b in ops[2]]
    ops = [ops[0], ops[3], ops[1], ops[2], ops[4], ["6. *Decides* to remain seized of the matter."]]
    body = [b if not b[:1].isdigit() else f"{n}. {b.split('. ', 1)[1]}"
            for n, group in enumerate(ops, 1) for b in group]
    pre = [b for b in blocks[:tops[0]] if not b.startswith("*Recalling also*")]
    new = "\n\n".join(pre + body + blocks[blocks.index("---"):]) + "\n"
    new = new.replace("of 1971,¹ in particular", "of 1971,¹ and the Single Convention, in particular")
    new = new.replace("# Strengthening the capacity", "# Enhancing the capacity")
    new = new.replace("No. 14956.", "No. 14956, art. 2.")
    old_path, new_path = tmp_path / "old.md", tmp_path / "new.md"
    old_path.write_text(text)
    new_path.write_text(new)
    return load(old_path), load(new_path)


@pytest.fixture
def diff(tmp_path):
    old, new = _versions(tmp_path)
    data = render_diff_docx(align(old, new), old, new, "Delegation of Canada")
    path = tmp_path / "diff.docx"
    path.write_bytes(data)
    return old, new, path


def _xml(path, part="word/document.xml"):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def test_accepting_every_change_gives_the_new_version(diff):
    old, new, path = diff
    assert parse_docx(str(path)) == new


def test_rejecting_every_change_gives_the_old_text(diff, tmp_path):
    old, new, path = diff
    root = _xml(path)
    for tag in ("ins", "moveTo"):
        for el in root.iter(f"{{{W}}}{tag}"):
            if el.getparent().tag != f"{{{W}}}rPr":
                el.getparent().remove(el)
    for tag in ("del", "moveFrom"):
        for el in list(root.iter(f"{{{W}}}{tag}")):
            parent = el.getparent()
            if parent.tag == f"{{{W}}}rPr":
                continue
            for child in list(el):
                el.addprevious(child)
            parent.remove(el)
    for t in root.iter(f"{{{W}}}delText"):
        t.tag = f"{{{W}}}t"
    rejected = tmp_path / "rejected.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rejected, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            dst.writestr(info, etree.tostring(root) if info.filename == "word/document.xml" else blob)
    back = parse_docx(str(rejected))
    assert [(p.number, p.full_text) for p in back.preamble + back.operative] == \
           [(p.number, p.full_text) for p in old.preamble + old.operative]


def test_revisions_are_attributed_and_moves_are_named(diff):
    _, _, path = diff
    root = _xml(path)
    marks = [el for tag in ("ins", "del", "moveFrom", "moveTo") for el in root.iter(f"{{{W}}}{tag}")]
    assert marks and all(el.get(f"{{{W}}}author") == "Delegation of Canada" for el in marks)
    ids = [el.get(f"{{{W}}}id") for el in marks]
    assert len(ids) == len(set(ids))
    froms = [el.get(f"{{{W}}}name") for el in root.iter(f"{{{W}}}moveFromRangeStart")]
    tos = [el.get(f"{{{W}}}name") for el in root.iter(f"{{{W}}}moveToRangeStart")]
    assert froms == tos == ["move1"]
    moved = "".join(root.xpath("//w:moveTo//w:t/text()", namespaces=NS))
    assert "Invites" in moved and "extrabudgetary resources" in moved
    gone = "".join(root.xpath("//w:moveFrom//w:delText/text()", namespaces=NS))
    assert "Invites" in gone


def test_word_level_changes_keep_italics(diff):
    _, _, path = diff
    root = _xml(path)
    deleted = root.xpath("//w:del/w:r[w:rPr/w:i]/w:delText/text()", namespaces=NS)
    inserted = root.xpath("//w:ins/w:r[w:rPr/w:i]/w:t/text()", namespaces=NS)
    assert "Encourages" in "".join(deleted) and "Urges" in "".join(inserted)
    plain_ins = "".join(root.xpath("//w:ins/w:r/w:t/text()", namespaces=NS))
    assert "urgently" in plain_ins and "Creating" in plain_ins and "and the Single Convention" in plain_ins
    # renumbered OP: old label deleted, new label inserted
    labels_del = root.xpath("//w:del/w:r/w:delText/text()", namespaces=NS)
    assert "2." in labels_del and "3." in labels_del


def test_title_and_footnote_texts_are_revised_too(diff):
    old, new, path = diff
    root = _xml(path)
    assert "Strengthening " in root.xpath("//w:del//w:delText/text()", namespaces=NS)
    assert "Enhancing " in root.xpath("//w:ins//w:t/text()", namespaces=NS)
    notes = _xml(path, "word/footnotes.xml")
    assert ", art. 2" in "".join(notes.xpath("//w:ins//w:t/text()", namespaces=NS))
    assert all(el.get(f"{{{W}}}author") == "Delegation of Canada" for el in notes.iter(f"{{{W}}}ins"))


def test_summary_table_of_renumbered_paragraphs(diff):
    _, _, path = diff
    from docx import Document
    word = Document(str(path))
    table = word.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Old", "New", "Change"]
    assert ["OP 4", "OP 2", "moved"] in rows and ["OP 2", "OP 3", "renumbered only"] in rows
    assert ["\u2014", "OP 6", "added"] in rows and ["PP 3", "\u2014", "deleted"] in rows
    assert word.paragraphs[0].text.startswith("Tracked changes: old.md \u2192 new.md")


def test_ghost_of_a_moved_paragraph_stands_where_it_was(tmp_path):
    old, new = _versions(tmp_path)
    order = [(p.old_label, p.new_label, ghost) for p, ghost in with_ghosts(align(old, new).pairs)]
    ops = [o for o in order if (o[0] or o[1] or "").startswith("OP")]
    assert ops.index(("OP 4", "OP 2", True)) == ops.index(("OP 3", "OP 4", False)) + 1


def test_cli_diff_docx(tmp_path, capsys):
    _versions(tmp_path)
    out = tmp_path / "out.docx"
    argv = ["diff", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--format", "docx"]
    assert main(argv + ["--author", "Mexico", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        assert b'w:author="Mexico"' in z.read("word/document.xml")
    assert main(argv) == 2
    assert "needs -o" in capsys.readouterr().err


def test_identical_versions_and_word_inputs(tmp_path):
    doc = load(FIXTURES / "000_6dacf8c41ce2418f.txt")
    data = render_diff_docx(align(doc, doc), doc, doc, "drafter")
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert not list(root.iter(f"{{{W}}}ins")) and not list(root.iter(f"{{{W}}}del"))
    path = tmp_path / "same.docx"
    path.write_bytes(data)
    assert parse_docx(str(path)) == doc
