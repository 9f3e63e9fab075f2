"""The CLI: search JSON and terminal output, precedent, bank build/add/info/verify, bad input."""
from __future__ import annotations

import json

import pytest

from drafter.cli import main

from .test_bank_support import fake, store_dir  # noqa: F401
from ..conftest import FIXTURES


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_USER_BANK", str(tmp_path / "user-bank"))
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DRAFTER_NO_MODEL", "1")  # the real model is exercised in test_bank_model.py


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json(capsys, store_dir):
    code, out, err = run(capsys, "search", "technical assistance alternative development", "--bank", str(store_dir),
                         "--json", "-k", "3")
    assert code == 0
    hits = json.loads(out)
    keys = {"score", "id", "symbol", "body", "year", "kind", "number", "opener", "text", "also_in"}
    assert keys <= set(hits[0]) and hits[0]["symbol"] == "A/RES/74/178"
    assert hits[0]["also_in"] == ["A/RES/75/196", "A/RES/73/192"]  # most recent first
    assert hits[0]["kind"] == "operative" and hits[0]["number"] == "1" and hits[0]["opener"] == "Requests"
    assert err.startswith("drafter: notice: semantic search unavailable") and err.count("\n") == 1


def test_search_terminal_output(capsys, store_dir):
    code, out, _ = run(capsys, "search", "psychoactive substances", "--bank", str(store_dir), "-k", "1",
                       "--body", "ecosoc", "--kind", "op", "--since", "2020")
    assert code == 0
    head, text = out.splitlines()[:2]
    assert head.split()[2:] == ["E/RES/2023/5", "(2023)", "OP", "3", "ECOSOC"]
    assert text.strip().startswith("*Encourages* Member States to share data")


def test_search_also_in_line(capsys, store_dir):
    _, out, _ = run(capsys, "search", "alternative development", "--bank", str(store_dir), "-k", "1")
    assert "also in: 75/196, 73/192" in out


@pytest.mark.parametrize("argv, message", [
    (["search", ""], "empty query"),
    (["search", "drugs", "--opener", "Deplores strongly"], "unknown opener"),
    (["search", "drugs", "--since", "2024", "--until", "2019"], "is after"),
    (["search", "drugs", "--mode", "semantic"], "semantic search unavailable"),
])
def test_search_bad_input_exits_2(capsys, store_dir, argv, message):
    code, out, err = run(capsys, *argv, "--bank", str(store_dir))
    assert code == 2 and out == ""
    assert err.startswith("drafter: error:") and message in err and err.count("\n") == 1


def test_unknown_body_is_rejected_by_the_parser(capsys, store_dir):
    with pytest.raises(SystemExit) as exc:
        main(["search", "drugs", "--body", "UNGA", "--bank", str(store_dir)])
    assert exc.value.code == 2


def test_corrupt_bank_exits_2(capsys, store_dir):
    (store_dir / "clauses.jsonl").write_text("garbage")
    code, _, err = run(capsys, "search", "drugs", "--bank", str(store_dir))
    assert code == 2 and "truncated" in err and "drafter bank build" in err


def test_build_add_info_verify(capsys, tmp_path):
    corpus = FIXTURES / "corpus_sample.jsonl"
    code, out, _ = run(capsys, "bank", "build", str(corpus), "--select", "topic")
    assert code == 0 and "0 vectors" in out
    user = tmp_path / "user-bank"
    n = json.loads((user / "manifest.json").read_text())["counts"]["clauses"]
    assert 0 < n <= 200
    code, out, _ = run(capsys, "bank", "add", str(FIXTURES / "good-draft.md"))
    assert code == 0 and f"{n + 9} clauses" in out
    code, out, _ = run(capsys, "bank", "info", "--bank", str(user), "--no-user")
    assert code == 0 and "United Nations as the source" in out and f"{n + 9} clauses" in out
    code, out, _ = run(capsys, "search", "forensic laboratories", "--bank", str(user), "--json", "-k", "1")
    assert json.loads(out)[0]["symbol"] == "good-draft"
    code, out, _ = run(capsys, "bank", "verify", "--bank", str(user), "--no-user")
    assert code == 1 and "no vectors" in out and "drafter bank build" in out
    (user / "index.npz").write_bytes(b"\0" * (user / "index.npz").stat().st_size)
    code, out, _ = run(capsys, "bank", "verify", "--bank", str(user), "--no-user")
    assert code == 1 and "corrupt index" in out


def test_build_needs_sources_and_readable_files(capsys, tmp_path):
    code, _, err = run(capsys, "bank", "build")
    assert code == 2 and "name what to build from" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n')
    code, _, err = run(capsys, "bank", "build", str(bad))
    assert code == 2 and "bad.jsonl:1:" in err


def test_precedent_json_and_text(capsys, store_dir):
    draft = FIXTURES / "good-draft.md"
    code, out, _ = run(capsys, "precedent", str(draft), "--bank", str(store_dir), "--json")
    data = json.loads(out)
    assert code == 0 and len(data["paragraphs"]) == 9
    assert data["summary"].endswith("new language")
    code, out, _ = run(capsys, "precedent", str(draft), "--bank", str(store_dir))
    assert out.splitlines()[0].startswith("PP 1") and " of 9 paragraphs are agreed language" in out
    new = [line for line in out.splitlines() if " new language " in line]
    assert new and all("nearest" in line for line in new)  # new language still shows its closest clause
    code, _, err = run(capsys, "precedent", str(FIXTURES / "missing.md"), "--bank", str(store_dir))
    assert code == 2 and "no such file" in err
