"""The real model: ONNX query encoder agrees with sentence-transformers; semantic search works on the
shipped bank. The shipped bank itself is checked (fast) for integrity, size and credit line."""
from __future__ import annotations

import json

import numpy as np
import pytest

from drafter.bank import open_bank
from drafter.bank.embed import model_id
from drafter.bank.library import shipped_bank_dir
from drafter.bank.store import verify_store

TEXTS = [
    "train police to fight drug smuggling",
    "Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance "
    "to Member States, upon request, in the area of alternative development;",
    "x",
    "Recognizing the increasing sophistication of methods, routes and techniques of drug trafficking " * 15,
    "Réaffirmant l’engagement des États Membres — “quotes” and ½ symbols",
]


@pytest.fixture(scope="module")
def onnx():
    from drafter.bank.embed import OnnxEmbedder
    return OnnxEmbedder()


@pytest.mark.model
def test_onnx_agrees_with_sentence_transformers(onnx):
    from drafter.bank.embed import SentenceTransformerEmbedder
    ref = SentenceTransformerEmbedder().encode(TEXTS)
    got = onnx.encode(TEXTS)
    assert got.shape == ref.shape == (len(TEXTS), 384)
    cos = (got * ref).sum(axis=1)
    assert cos.min() >= 0.999, cos
    # batching and padding do not change a text's vector
    assert np.allclose(onnx.encode(TEXTS[:1])[0], got[0], atol=1e-4)


@pytest.mark.model
def test_semantic_query_finds_the_right_clause(onnx):
    bank = open_bank(user=False, embedder=onnx)
    hits = bank.search("training for law enforcement officers on drug trafficking", 5, mode="semantic")
    assert any("training for law enforcement" in h.clause.text for h in hits)
    # no word of the query in the clause but "women": found by meaning
    hits = bank.search("women in prison", 3, mode="semantic")
    assert any("women and girls in detention or imprisonment" in h.clause.text for h in hits)
    hybrid = bank.search("women in prison", 3)
    assert hybrid.mode == "hybrid" and hybrid[0].semantic is not None


def test_shipped_bank_is_healthy_small_and_credited():
    path = shipped_bank_dir()
    assert verify_store(path, model_id()) == []
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size <= 40 * 1024 * 1024
    readme = (path / "README.md").read_text(encoding="utf-8")
    assert "acknowledge the United Nations as the source of the information" in readme
    manifest = json.loads((path / "manifest.json").read_text())
    assert "United Nations as the source" in manifest["credit"]
    assert manifest["counts"]["CND"] > 0 and manifest["counts"]["GA"] > 1000
    assert manifest["counts"]["vectors"] > 0


def test_damaged_onnx_export_is_a_model_unavailable_notice(tmp_path):
    from drafter.bank.embed import ModelUnavailable, OnnxEmbedder
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not an onnx graph")
    with pytest.raises(ModelUnavailable, match="cannot load"):
        OnnxEmbedder(bad, export=False)
    with pytest.raises(ModelUnavailable, match="not been exported"):
        OnnxEmbedder(tmp_path / "absent.onnx", export=False)


def test_model_can_be_switched_off(monkeypatch):
    from drafter.bank.embed import ModelUnavailable, load_embedder
    monkeypatch.setenv("DRAFTER_NO_MODEL", "1")
    with pytest.raises(ModelUnavailable, match="DRAFTER_NO_MODEL"):
        load_embedder()


@pytest.mark.model
def test_cli_error_while_the_model_loads_is_still_one_line():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "drafter", "search", "drugs", "--opener", "Reqeusts", "--no-user"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip().splitlines() == [
        "drafter: error: unknown opener 'Reqeusts': no clause in the bank starts with it (did you mean 'Requests'?)"]
