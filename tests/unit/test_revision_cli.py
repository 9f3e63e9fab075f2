"""``drafter diff / history / compile`` as a delegate uses them: formats, files, bad input."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.parse import load
from drafter.render.diff_text import render_diff_text
from drafter.revision import align

ROOT = Path(__file__).resolve().parents[2]
L, REV1 = str(ROOT / "examples" / "l-draft.md"), str(ROOT / "examples" / "rev1-draft.md")
SEED = str(next((ROOT / "tests" / "fixtures").glob("000_*.txt")))


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_identical_files_no_changes(capsys):
    code, out, _ = run(capsys, "diff", L, L)
    assert code == 0 and "no changes" in out


def test_un_text_against_markdown(capsys):
    code, out, _ = run(capsys, "diff", SEED, REV1)
    assert code == 0
    assert "OP 11 -> OP 6" in out and re.search(r"^  PP 9 +deleted$", out, re.M)
    assert "\x1b[" not in out and "[-Urges-]{+Further encourages+}" in out


@pytest.mark.parametrize("path", ["missing.md", "garbage.txt", "binary.md"])
def test_bad_input_one_line_exit_2(capsys, tmp_path, path):
    p = tmp_path / path
    if path == "garbage.txt":
        p.write_text("nothing here that looks like a resolution\n")
    elif path == "binary.md":
        p.write_bytes(b"\x00\xff\xfe" * 20)
    code, out, err = run(capsys, "diff", L, str(p))
    assert code == 2 and err.count("\n") == 1 and path in err and "Traceback" not in err


def test_json_shape(capsys):
    code, out, _ = run(capsys, "diff", L, REV1, "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data) >= {"summary", "pairs", "sponsors", "references", "footnotes", "title"}
    assert {"old": "OP11", "new": "OP6", "status": "moved+edited"}.items() <= data["pairs"][19].items()
    assert data["sponsors"] == {"added": ["Kazakhstan"], "removed": []}


def test_html_is_self_contained(tmp_path, capsys):
    out = tmp_path / "report.html"
    code, _, _ = run(capsys, "diff", L, REV1, "--format", "html", "-o", str(out))
    html = out.read_text()
    assert code == 0 and html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"<script|<link|https?://|src=", html)
    assert "<del>Urges</del> <ins>Further encourages</ins>" in html and "@media print" in html


def test_markdown_marks(capsys):
    code, out, _ = run(capsys, "diff", L, REV1, "--format", "md")
    assert code == 0 and "~~Urges~~ **Further encourages**" in out and "| OP 11 | OP 6 | moved+edited |" in out


def test_refuses_to_overwrite_an_input(capsys, tmp_path):
    copy = tmp_path / "new.md"
    copy.write_text(Path(REV1).read_text())
    code, _, err = run(capsys, "diff", L, str(copy), "-o", str(copy))
    assert code == 2 and copy.read_text() == Path(REV1).read_text()


def test_colour_only_for_terminals():
    al = align(load(L), load(REV1))
    coloured = render_diff_text(al, color=True)
    assert "\x1b[9;31mUrges\x1b[0m" in coloured and "[-" not in coloured


def test_piped_output_is_plain():
    r = subprocess.run([sys.executable, "-m", "drafter", "diff", L, REV1], capture_output=True, text=True)
    assert r.returncode == 0 and "\x1b[" not in r.stdout and "[-Urges-]{+Further encourages+}" in r.stdout


def test_docx_format_dispatch(capsys, tmp_path):
    code, _, err = run(capsys, "diff", L, REV1, "--format", "docx")
    assert code == 2 and "-o" in err
    if importlib.util.find_spec("drafter.render.diff_docx") is None:
        code, _, err = run(capsys, "diff", L, REV1, "--format", "docx", "-o", str(tmp_path / "x.docx"))
        assert code == 2 and err.count("\n") == 1


def test_history_table(capsys):
    rev2 = str(ROOT / "examples" / "rev2-draft.md")
    code, out, _ = run(capsys, "history", SEED, REV1, rev2)
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines() if line[:1].isdigit() and "followed" not in line}
    assert rows["9"].split()[3:] == ["deleted"]  # PP 9 dropped in Rev.1
    assert rows["20"].split()[1:] == ["OP", "6", "OP", "7", "OP", "7", "(merged)"]
    assert rows["21"].split()[1:] == ["OP", "7", "OP", "8", "OP", "7", "(merged)"]
    assert rows["22"].endswith("OP 9 + OP 10 (split)  OP 8 + OP 9")
    assert rows["29"].split() == ["29", "OP", "13", "(added)", "OP", "12"]


def test_history_needs_two_versions(capsys):
    code, _, err = run(capsys, "history", L)
    assert code == 2 and "two versions" in err


def test_compile_examples(capsys):
    ex = ROOT / "examples"
    code, out, _ = run(capsys, "compile", L, str(ex / "proposal-eu.md"), str(ex / "proposal-us.md"))
    assert code == 0
    assert "[EU: **human rights and**]" in out
    assert "**Alt 1** [EU]: ~~Urges~~ **Encourages**" in out and "**Alt 2** [United States]" in out
    assert "[United States: delete] ~~10. Urges" in out
    assert "[EU: new paragraph after OP 14]" in out
