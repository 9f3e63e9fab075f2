"""Exported .docx files opened by a real word processor: LibreOffice renders them to PDF.

Skipped cleanly where ``soffice`` or ``pdftotext`` is not installed. Each run uses its own
LibreOffice profile folder, so it neither collides with a running LibreOffice nor leaves
state behind.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from drafter.parse import load
from drafter.render.diff_docx import render_diff_docx
from drafter.render.docx import render_docx
from drafter.revision import align

from ..conftest import FIXTURES, SEED_000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                       reason="LibreOffice (soffice) and poppler (pdftotext) are not installed"),
]


def pdf_text(docx_path, tmp_path) -> str:
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return re.sub(r"[ \t]+", " ", out.stdout.decode("utf-8"))


def test_exported_seed_renders_with_text_and_footnotes(tmp_path):
    doc = load(SEED_000)
    path = tmp_path / "seed.docx"
    path.write_bytes(render_docx(doc))
    text = pdf_text(path, tmp_path)
    flat = " ".join(text.split())
    assert "Economic and Social Council" in flat and "Distr.: Limited" in flat and "Sixtieth session" in flat
    assert "Belarus, El Salvador and Russian Federation: revised draft resolution" in flat
    assert "The Commission on Narcotic Drugs," in flat
    for p in doc.operative:
        assert re.search(rf"(?m)^\s*{p.number}\. {re.escape(p.text.split()[0])}", text), p.number
    for fn in doc.footnotes:  # every note's text is printed, after the paragraph citing it
        words = " ".join(fn.text.split()[:5])
        assert words in flat, fn.id
    first_note = " ".join(doc.footnotes[0].text.split()[:5])
    assert flat.index("Recalling that in the Political Declaration") < flat.index(first_note)


def test_tracked_changes_diff_renders_both_versions_marked(tmp_path):
    old = load(FIXTURES / "good-draft.md")
    new = load(FIXTURES / "bad-draft.md")
    path = tmp_path / "diff.docx"
    path.write_bytes(render_diff_docx(align(old, new), old, new, "Reviewer"))
    flat = " ".join(pdf_text(path, tmp_path).split())
    assert "Tracked changes:" in flat and "Renumbered paragraphs" in flat
    # LibreOffice shows deletions struck through and insertions underlined: both words print
    assert "Deeply concerned" in flat and "Expresses deep concern" in flat
    assert "Treaty Series" in flat
