"""The on-disk store: round trip, incremental encoding, verification of corrupt or stale stores."""
from __future__ import annotations

import json

import numpy as np
import pytest

from drafter.bank.clause import Clause, normalise, text_hash
from drafter.bank.store import BankError, open_store, read_clauses, verify_store, write_store

from .test_bank_support import CLAUSES, REQUESTS, FakeEmbedder, clause, fake, store_dir  # noqa: F401


def test_round_trip_keeps_every_field(store_dir):
    back = read_clauses(store_dir)
    assert sorted(back, key=lambda c: c.id) == sorted(CLAUSES, key=lambda c: c.id)
    store = open_store(store_dir)
    assert store.n == len(CLAUSES)
    for i in range(store.n):
        assert store.clause(i) == back[i]
    assert [c.id for c in back] == sorted(c.id for c in back)
    manifest = json.loads((store_dir / "manifest.json").read_text())
    assert manifest["model_id"] == "fake-model-1" and manifest["dim"] == 32
    assert "United Nations as the source" in manifest["credit"]
    assert manifest["counts"]["clauses"] == len(CLAUSES)


def test_identical_texts_share_one_vector(store_dir):
    store = open_store(store_dir)
    assert store.vectors.dtype == np.float16
    assert store.vectors.shape[0] == len({c.text for c in CLAUSES}) == len(CLAUSES) - 1
    same = [i for i in range(store.n) if store.clause(i).text == REQUESTS]
    assert len(same) == 2 and list(store.same_text(same[0])) == same


def test_incremental_add_never_reencodes_unchanged_text(tmp_path):
    path = tmp_path / "bank"
    first = FakeEmbedder()
    write_store(path, CLAUSES, first)
    assert len(first.encoded) == len({c.text for c in CLAUSES})
    new = clause("A/RES/78/999", 2023, "operative", 1, "Decides to remain seized of the matter.", "Decides")
    second = FakeEmbedder()
    manifest = write_store(path, [*read_clauses(path), new], second)
    assert second.encoded == [new.text] and manifest["encoded"] == 1
    third = FakeEmbedder()
    write_store(path, read_clauses(path), third)
    assert third.encoded == []
    # vectors reused from the old store equal freshly computed ones
    store = open_store(path)
    i = next(i for i in range(store.n) if store.clause(i).text == new.text)
    assert np.allclose(store.vectors[store.vec_row[i]], FakeEmbedder().encode([new.text])[0], atol=1e-3)


def test_model_change_reencodes_everything(tmp_path):
    path = tmp_path / "bank"
    write_store(path, CLAUSES, FakeEmbedder())
    other = FakeEmbedder()
    other.model_id = "fake-model-2"
    write_store(path, read_clauses(path), other)
    assert len(other.encoded) == len({c.text for c in CLAUSES})


def test_verify_healthy_store(store_dir):
    assert verify_store(store_dir, "fake-model-1") == []


def test_verify_detects_flipped_byte(store_dir):
    vec = store_dir / "vectors.npy"
    raw = bytearray(vec.read_bytes())
    raw[-3] ^= 0xFF
    vec.write_bytes(bytes(raw))
    problems = verify_store(store_dir, "fake-model-1")
    assert any("vectors.npy: sha256 mismatch" in p for p in problems)


def test_verify_detects_stale_model(store_dir):
    problems = verify_store(store_dir, "another-model")
    assert any("stale vectors" in p for p in problems)


def test_truncated_file_is_a_one_line_error(store_dir):
    f = store_dir / "clauses.jsonl"
    f.write_bytes(f.read_bytes()[:-40])
    with pytest.raises(BankError, match="truncated.*drafter bank build"):
        open_store(store_dir)
    assert "truncated" in verify_store(store_dir, None)[0]


def test_corrupt_manifest_and_missing_store(store_dir, tmp_path):
    (store_dir / "manifest.json").write_text("{not json")
    with pytest.raises(BankError, match="corrupt manifest"):
        open_store(store_dir)
    with pytest.raises(BankError, match="not a clause bank"):
        open_store(tmp_path / "nowhere")


def test_garbage_index_is_reported(store_dir):
    idx = store_dir / "index.npz"
    size = idx.stat().st_size
    idx.write_bytes(b"x" * size)
    with pytest.raises(BankError, match="corrupt index"):
        open_store(store_dir)


def test_lexical_only_store(tmp_path):
    write_store(tmp_path / "b", CLAUSES, None)
    store = open_store(tmp_path / "b")
    assert store.vectors is None and store.model_id is None
    assert "no vectors" in verify_store(tmp_path / "b", "fake-model-1")[0]


def test_normalise_ignores_spaces_quotes_footnotes_and_final_punctuation():
    a = "Recalling the Single Convention on Narcotic Drugs of 1961,1 as amended by the “1972 Protocol”,"
    b = "Recalling  the Single Convention on Narcotic Drugs of 1961, as amended by the \"1972 Protocol\";"
    assert normalise(a) == normalise(b)
    assert normalise("Notes resolution 73/192.") == "Notes resolution 73/192"
    assert text_hash("x") == Clause("i", "x", "operative").hash
