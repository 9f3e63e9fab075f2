"""Bad input never shows a traceback: one line naming the file (and line), exit code 2.

Covers empty, binary, non-UTF-8 (cp1252 fallback), CRLF, structureless and 10 MB inputs,
missing paths and output folders, atomic writes that never clobber an input, and a fuzz test
showing the parsers raise nothing but DrafterError.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.errors import DrafterError
from drafter.fileio import atomic_write, read_text
from drafter.parse import load, parse_text
from drafter.render.markdown import render_markdown

from ..conftest import FIXTURES, SEED_000, SEED_004, SEEDS

GOOD = FIXTURES / "good-draft.md"


def run(*args):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True)


def assert_one_line_error(r, *needles: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    err = r.stderr.strip()
    assert "\n" not in err and err.startswith("drafter: error: ") and "Traceback" not in err, err
    for n in needles:
        assert n in err, err


# --- unreadable or structureless inputs ---------------------------------------------------------

@pytest.mark.parametrize("name, data, needles", [
    ("empty.txt", b"", ("empty.txt:1:", "empty")),
    ("blank.txt", b"\n  \n\t\n", ("blank.txt:1:", "empty")),
    ("empty.md", b"", ("empty.md", "no resolution structure")),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("image.md:3:", "binary")),
    ("nul.txt", b"The Commission,\n\nline two\x00", ("nul.txt:3:", "binary")),
    ("junk.txt", b"Title\n\nabc \x81\x8d\x8f\x90\x9d \xff\xfe", ("junk.txt:3:", "neither UTF-8 nor Windows-1252")),
    ("prose.txt", b"Just a shopping list\n\nmilk\neggs\n", ("prose.txt:1:",)),
    ("noorgan.txt", b"A title\n\n1. Decides to act;\n\n2. Requests a report.\n", ("noorgan.txt:3:", "no organ line")),
    ("noparas.txt", b"A title\n\nThe Commission on Narcotic Drugs,\n", ("noparas.txt:3:", "no preambular")),
    ("fm.md", b"---\nsymbol: [x\n---\n\n# T\n", ("fm.md:", "front matter")),
    ("unclosed.md", b"---\nsymbol: x\n\n# T\n", ("unclosed.md:1:", "never closed")),
])
def test_bad_file_is_one_line_error(tmp_path, name, data, needles) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    for cmd in (("import", str(f)), ("export", str(f), "--format", "text")):
        assert_one_line_error(run(*cmd), *needles)


def test_missing_path_and_directory(tmp_path) -> None:
    assert_one_line_error(run("export", str(tmp_path / "nope.txt")), "nope.txt", "no such file")
    assert_one_line_error(run("import", str(tmp_path)), str(tmp_path), "directory")


# --- encodings and line endings ---------------------------------------------------------------

def test_cp1252_is_read_with_a_one_line_warning(tmp_path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    f = tmp_path / "win.md"
    f.write_bytes(text.encode("cp1252"))  # curly quotes and "¹" become single bytes
    r = run("import", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("drafter: warning: ")
    assert "win.md:5:" in r.stderr and "cp1252" in r.stderr
    assert r.stdout == render_markdown(load(GOOD))
    warnings: list[str] = []
    assert read_text(f, warnings.append) == text and len(warnings) == 1


def test_utf16_with_bom_and_utf8_bom(tmp_path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    for enc in ("utf-16", "utf-8-sig"):
        f = tmp_path / f"{enc}.md"
        f.write_bytes(text.encode(enc))
        assert load(f) == load(GOOD)


@pytest.mark.parametrize("src", [SEED_000, SEED_004, GOOD], ids=lambda p: p.name[:9])
@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_parses_the_same_as_lf(tmp_path, src: Path, eol: str) -> None:
    text = src.read_text(encoding="utf-8")
    f = tmp_path / src.name
    f.write_bytes(text.replace("\n", eol).encode("utf-8"))
    doc = load(f)
    assert doc == load(src)
    assert [p.source.line for p in doc.paragraphs] == [p.source.line for p in load(src).paragraphs]
    if eol == "\r\n":
        assert parse_text(text.replace("\n", eol), str(src)) == doc


# --- size: a 10 MB file goes through in linear time ---------------------------------------------

def big_untext(size: int) -> str:
    seed = SEED_000.read_text(encoding="utf-8")
    head = seed[: seed.index("1. *Calls upon*")]
    para = ("Recalling its resolution {n}/1 on the item of the programme of work, in accordance with "
            "the rules and procedures of the United Nations,\n\n")
    parts, total, n = [head], len(head), 0
    while total < size:
        n += 1
        parts.append(para.format(n=n))
        total += len(parts[-1])
    return "".join(parts) + "1. *Decides* to remain seized of the matter.\n", n


@pytest.mark.slow
def test_ten_megabyte_file(tmp_path) -> None:
    text, n = big_untext(10_000_000)
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    doc = load(f)
    assert len(doc.preamble) == 14 + n - 1 + 1 and len(doc.operative) == 1  # seed PPs (last one cut) + n
    md = tmp_path / "big.md"
    assert subprocess.run([sys.executable, "-m", "drafter", "import", str(f), "-o", str(md)]).returncode == 0
    assert len(load(md).preamble) == len(doc.preamble)


# --- outputs: atomic, never over an input, never into a missing folder ---------------------------

def test_output_in_missing_folder(tmp_path) -> None:
    out = tmp_path / "no" / "such" / "out.md"
    for cmd in (("import", str(GOOD), "-o", str(out)), ("export", str(GOOD), "--format", "docx", "-o", str(out))):
        assert_one_line_error(run(*cmd), str(out), "no such folder")
    assert not (tmp_path / "no").exists()


def test_output_is_a_directory(tmp_path) -> None:
    assert_one_line_error(run("export", str(GOOD), "-o", str(tmp_path)), str(tmp_path))


@pytest.mark.parametrize("fmt", ["md", "text", "json"])
def test_input_never_overwritten(tmp_path, fmt) -> None:
    src = tmp_path / "d.md"
    src.write_bytes(GOOD.read_bytes())
    for out in (str(src), str(tmp_path / "." / "d.md"), os.path.relpath(src)):
        assert_one_line_error(run("export", str(src), "--format", fmt, "-o", out), "refusing to overwrite")
    assert src.read_bytes() == GOOD.read_bytes()


def test_atomic_write_replaces_whole_or_nothing(tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.md"
    atomic_write(target, "old\n")
    os.chmod(target, 0o640)
    atomic_write(target, "new\n")
    assert target.read_text() == "new\n" and (target.stat().st_mode & 0o777) == 0o640

    def boom(*_a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "half\n")
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temp file left behind


def test_atomic_write_does_not_create_folders(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "missing" / "x.md", "x")
    assert not (tmp_path / "missing").exists()


def test_recovery_file_still_creates_its_own_folder(tmp_path) -> None:
    from drafter.tui import recovery
    path = recovery.recovery_path(GOOD, tmp_path / "state" / "recovery")
    recovery.write(path, GOOD, "# T\n")
    assert recovery.read(path).markdown == "# T\n"


# --- fuzz: the parsers raise nothing but DrafterError ------------------------------------------

SEED_LINES = [line for seed in (*SEEDS, GOOD) for line in seed.read_text(encoding="utf-8").split("\n")][::5]
PIECES = st.one_of(
    st.sampled_from(SEED_LINES + [
        "", "---", "...", "# T", "## H", "<!-- c -->", "<!--", "-->", "*The Commission on Narcotic Drugs*,",
        "The Commission on Narcotic Drugs,", "1. ", "1. *Decides*", "(a) ", "(i) ", "(v) ", "[^1]", "[^1]: n",
        "[^]: x", "¹ note", "33/ note", "\\", "\\*", "*", "**", "***", "[", "](", "<i>", "</i>", "symbol: x",
        "sponsors:", "  - A", "- B", "status: adopted", "revision: x", "revision: 2", "status: report",
        "key: [1, 2", "? x", "&a", "*a", "!!python/object:os.system", "%YAML 1.1", "\t", "\r", "\x00", "\x0c",
        "\ufeff", "V.17-01620", "12", "*1223rd meeting", "15 March 2002*", "Distr.: Limited",
        "Colombia: revised draft resolution", "Agenda item 5 (b)", "E/CN.7/2018/L.5/Rev.2"]),
    st.text(max_size=30))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=25), st.sampled_from([None, "markdown", "untext"]),
       st.sampled_from(["\n", "\r\n"]))
def test_parsers_raise_only_drafter_error(lines, fmt, eol) -> None:
    text = eol.join(lines)
    try:
        doc = parse_text(text, "fuzz.md" if fmt == "markdown" else "fuzz.txt", fmt)
    except DrafterError as exc:
        assert "\n" not in str(exc) and exc.path in ("fuzz.md", "fuzz.txt")
        return
    from drafter.render.export_json import render_export_json
    from drafter.render.text import render_text
    render_markdown(doc)
    render_text(doc)
    render_export_json(doc)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_read_text_on_arbitrary_bytes(tmp_path_factory, data: bytes) -> None:
    f = tmp_path_factory.mktemp("b") / "x.txt"
    f.write_bytes(data)
    try:
        text = read_text(f, warn=lambda _m: None)
    except DrafterError as exc:
        assert exc.path == str(f) and isinstance(exc.line, int) and "\n" not in str(exc)
        return
    assert "\r" not in text and "\x00" not in text
