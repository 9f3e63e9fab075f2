"""``drafter lint`` on the command line: output formats, exit codes, --fix/--diff safety."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil

import pytest

from drafter.cli import main
from tests.conftest import FIXTURES, SEED_000

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<rule>UN\.[A-Z_.]+) "
                  r"(?P<sev>error|warning|suggestion): (?P<msg>.+)$")
needs_untext = pytest.mark.skipif(importlib.util.find_spec("drafter.parse.untext") is None,
                                  reason="needs the UN plain-text importer (drafter.parse.untext)")


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad-draft.md"
    shutil.copy(FIXTURES / "bad-draft.md", path)
    return path


def run(capsys, *argv):
    code = main(["lint", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_and_exit_1_on_errors(capsys, bad):
    code, out, _ = run(capsys, bad)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 8 and all(LINE.match(x) for x in lines)
    first = LINE.match(lines[0])
    assert (first["line"], first["col"], first["rule"]) == ("18", "99", "UN.FN.AFTER_PUNCT")


def test_exit_0_on_a_clean_draft(capsys):
    code, out, _ = run(capsys, FIXTURES / "good-draft.md")
    assert (code, out) == (0, "")


def test_warnings_alone_exit_0(capsys, bad):
    code, out, _ = run(capsys, bad, "--select", "UN.CITE.RES_DATE_FIRST")
    assert code == 0 and "warning" in out


def test_json_output_fields(capsys, bad):
    code, out, _ = run(capsys, bad, "--format", "json")
    data = json.loads(out)
    assert code == 1 and len(data) == 8
    assert set(data[0]) == {"path", "address", "line", "column", "end_line", "end_column", "rule",
                            "severity", "message", "fix"}
    assert all(d["address"] for d in data)  # every finding of this draft is in a PP, OP or note
    addresses = {d["rule"]: d["address"] for d in data}
    assert addresses["UN.FN.AFTER_PUNCT"].startswith("PP ") and addresses["UN.PP.OPENER_FORM"].startswith("PP ")
    fixes = {d["rule"]: d["fix"] for d in data}
    assert fixes["UN.FN.AFTER_PUNCT"] == ",¹" and fixes["UN.PP.OPENER_FORM"] is None


def test_select_and_ignore(capsys, bad):
    _, out, _ = run(capsys, bad, "--select", "UN.STRUCT,UN.TERM.NO_UNODC", "--ignore", "UN.STRUCT.OP_NUMBERING")
    assert [LINE.match(x)["rule"] for x in out.splitlines()] == ["UN.TERM.NO_UNODC"]


@pytest.mark.parametrize("argv", [["--select", "UN.NOT.A.RULE"], ["--ignore", "BOGUS"],
                                  ["--profile", "ancient"], []])
def test_usage_errors_exit_2(capsys, bad, argv):
    try:
        code = main(["lint", *argv, str(bad)] if argv else ["lint"])
    except SystemExit as exc:  # argparse rejects an unknown --profile choice
        code = exc.code
    assert code == 2


def test_bad_input_exit_2_with_one_line(capsys, tmp_path):
    missing = tmp_path / "nope.md"
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    for path in (missing, binary):
        code, out, err = run(capsys, path)
        assert code == 2 and err.count("\n") == 1 and err.startswith("drafter: error: ")


def test_fix_writes_atomically_and_is_idempotent(capsys, bad):
    code, out, _ = run(capsys, bad, "--fix")
    fixed = bad.read_text(encoding="utf-8")
    assert "*Also encourages*" in fixed and "4. *Invites*" in fixed
    rules = {LINE.match(x)["rule"] for x in out.splitlines()}
    assert rules == {"UN.PP.OPENER_FORM", "UN.CITE.RES_DATE_FIRST"} and code == 1
    run(capsys, bad, "--fix")
    assert bad.read_text(encoding="utf-8") == fixed
    assert not list(bad.parent.glob(".*.tmp"))


def test_diff_prints_without_writing(capsys, bad):
    before = bad.read_text(encoding="utf-8")
    code, out, _ = run(capsys, bad, "--diff")
    assert code == 0 and bad.read_text(encoding="utf-8") == before
    assert out.startswith("--- a/") and "-2. *Encourages also*" in out and "+2. *Also encourages*" in out


@needs_untext
def test_fix_refuses_to_rewrite_plain_text_in_place(capsys, tmp_path):
    seed = tmp_path / "seed.txt"
    shutil.copy(SEED_000, seed)
    before = seed.read_bytes()
    code, _, err = run(capsys, seed, "--fix")
    assert code == 2 and "-o" in err and seed.read_bytes() == before
    out_md = tmp_path / "seed.md"
    code, _, _ = run(capsys, seed, "--fix", "-o", out_md)
    assert seed.read_bytes() == before and out_md.read_text(encoding="utf-8").startswith("---\n")
    code, _, err = run(capsys, seed, "--fix", "-o", seed)
    assert code == 2 and seed.read_bytes() == before


@needs_untext
def test_lints_plain_text_seed_with_lines(capsys):
    code, out, _ = run(capsys, SEED_000)
    assert code == 1
    assert any(":90:" in x and "UN.SEQ.REPEATED_BARE warning" in x for x in out.splitlines())


def test_list_rules(capsys):
    code, out, _ = run(capsys, "--list-rules", "--profile", "legacy")
    assert code == 0 and "UN.FN.AFTER_PUNCT" in out and "UN.FN.REUSED_INDICATOR" not in out


def test_multiple_files(capsys, bad):
    code, out, _ = run(capsys, bad, FIXTURES / "good-draft.md", "--format", "json")
    assert code == 1 and len(json.loads(out)) == 8
