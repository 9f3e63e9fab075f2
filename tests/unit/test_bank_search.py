"""Ranking, fusion, filters, collapse across years, and the lexical fallback without a model."""
from __future__ import annotations

import numpy as np
import pytest

from drafter.bank import open_bank
from drafter.bank.embed import ModelUnavailable
from drafter.bank.lexical import build_index, idf_table, stem, tokens
from drafter.bank.store import write_store
from drafter.errors import DrafterError

from .test_bank_support import CLAUSES, FakeEmbedder, clause, fake, store_dir  # noqa: F401


@pytest.fixture
def bank(store_dir, fake):
    return open_bank(store_dir, user=False, embedder=fake)


def test_bm25_prefers_rare_terms_and_short_documents():
    docs = ["drug trafficking drug trafficking", "drug policy in general and other drug matters of many kinds",
            "psychoactive substances", "drug"]
    ix = build_index(docs)
    idf = idf_table(tokens("psychoactive drug"), [ix])
    scores = ix.scores(tokens("psychoactive drug"), idf)
    assert int(np.argmax(scores)) == 2  # the rare word outweighs the common one
    assert scores[3] > scores[1] > 0  # same tf, shorter document wins
    assert idf[stem("psychoactive")] > idf["drug"]


def test_stemming_joins_word_forms():
    assert stem("trafficking") == stem("trafficked") == "traffick"
    assert tokens("The Requests of the States") == ["request", "stat"]


def test_lexical_search_finds_and_highlights(bank):
    hits = bank.search("psychoactive substances", 3, mode="lexical")
    assert hits.mode == "lexical" and hits[0].clause.symbol == "E/RES/2023/5"
    assert stem("psychoactive") in hits[0].terms and hits[0].semantic is None


def test_semantic_finds_what_lexical_cannot(bank):
    q = "teach police against smuggling"
    lexical = bank.search(q, 3, mode="lexical")
    assert all(h.clause.symbol != "A/RES/76/187" for h in lexical)
    semantic = bank.search(q, 3, mode="semantic")
    assert semantic[0].clause.symbol == "A/RES/76/187"
    hybrid = bank.search(q, 3)
    assert hybrid.mode == "hybrid" and hybrid[0].clause.symbol == "A/RES/76/187"


def test_fusion_weighs_both_rankers(bank):
    q = "capacity of law enforcement to counter trafficking"
    pure_sem = bank.search(q, 5, semantic_weight=1.0)
    pure_lex = bank.search(q, 5, semantic_weight=0.0)
    assert [h.score for h in pure_lex] == sorted((h.score for h in pure_lex), reverse=True)
    assert pure_lex[0].score == pytest.approx(1.0)
    mixed = bank.search(q, 5)
    for h in mixed:
        assert 0.0 <= h.score <= 1.0 + 1e-6
        assert h.semantic is not None
    assert pure_sem[0].clause.id == mixed[0].clause.id


def test_same_clause_across_years_is_one_hit_with_also_in(bank):
    hits = bank.search("technical assistance alternative development", 5, mode="lexical")
    requests = [h for h in hits if h.clause.text.startswith("Requests")]
    assert len(requests) == 1
    hit = requests[0]
    # the exact repeats (73/192, 74/178) and the reworded 75/196 are folded together
    assert {hit.clause.symbol, *hit.also_in} == {"A/RES/73/192", "A/RES/74/178", "A/RES/75/196"}
    assert hit.clause.symbol not in hit.also_in


@pytest.mark.parametrize("filters, symbols", [
    ({"kind": "pp"}, {"A/RES/75/196", "E/RES/2023/5"}),
    ({"body": "ECOSOC"}, {"E/RES/2023/5"}),
    ({"body": "cnd"}, {"CND 60/1"}),
    ({"since": 2021}, {"A/RES/76/187", "E/RES/2023/5", "A/RES/77/238"}),
    ({"until": 2018}, {"A/RES/73/192", "CND 60/1"}),
    ({"opener": "requests"}, {"A/RES/73/192", "A/RES/74/178", "A/RES/75/196"}),
    ({"opener": "Deeply concerned"}, {"A/RES/75/196"}),
])
def test_filters(bank, filters, symbols):
    hits = bank.search("Member States drug trafficking resolution development Convention women crime", 20, **filters)
    found = {h.clause.symbol for h in hits} | {s for h in hits for s in h.also_in}
    assert found and found <= symbols


@pytest.mark.parametrize("kwargs, message", [
    ({"query": "  "}, "empty query"),
    ({"query": "drugs", "kind": "annex"}, "unknown kind"),
    ({"query": "drugs", "body": "UNGA"}, "unknown body"),
    ({"query": "drugs", "opener": "Strongly deplores"}, "unknown opener"),
    ({"query": "drugs", "since": 2022, "until": 2020}, "is after"),
    ({"query": "drugs", "mode": "fuzzy"}, "unknown search mode"),
    ({"query": "drugs", "k": 0}, "at least 1"),
])
def test_bad_input_is_a_clear_error(bank, kwargs, message):
    with pytest.raises(DrafterError, match=message):
        bank.search(**kwargs)


def test_model_unavailable_falls_back_to_lexical_with_notice(store_dir, monkeypatch):
    def broken(**_kw):
        raise ModelUnavailable("model files missing")
    monkeypatch.setattr("drafter.bank.library.load_embedder", broken)
    monkeypatch.setattr("drafter.bank.library.model_id", lambda: "fake-model-1")
    bank = open_bank(store_dir, user=False)
    hits = bank.search("psychoactive substances", 3)
    assert hits and hits.mode == "lexical"
    assert "semantic search unavailable (model files missing)" in hits.notice
    with pytest.raises(DrafterError, match="semantic search unavailable"):
        bank.search("psychoactive substances", 3, mode="semantic")
    with pytest.raises(DrafterError, match="no searchable words"):
        bank.search("the of and", 3)


def test_stale_layer_is_lexical_only_with_notice(store_dir):
    other = FakeEmbedder()
    other.model_id = "fake-model-2"
    hits = open_bank(store_dir, user=False, embedder=other).search("psychoactive substances", 3)
    assert hits and hits.mode == "lexical" and "no vectors for the current model" in hits.notice


def test_user_layer_is_searched_with_shared_statistics(store_dir, tmp_path, fake):
    user = tmp_path / "user"
    mine = clause("my-draft", 2026, "operative", 1,
                  "Encourages Member States to use wastewater analysis to estimate drug use;", "Encourages",
                  body="CND")
    write_store(user, [mine], fake)
    bank = open_bank(store_dir, user=user, embedder=fake)
    assert [layer.name for layer in bank.layers] == ["bank", "user"] and bank.size == len(CLAUSES) + 1
    hits = bank.search("wastewater analysis", 2)
    assert hits[0].clause.symbol == "my-draft" and hits[0].layer == "user"
    assert {h.clause.symbol for h in bank.search("psychoactive substances", 1)} == {"E/RES/2023/5"}


def test_warm_up_loads_the_model_in_background(store_dir, fake, monkeypatch):
    monkeypatch.setattr("drafter.bank.library.model_id", lambda: "fake-model-1")
    bank = open_bank(store_dir, user=False)
    bank._embedder = None
    calls = []
    import drafter.bank.library as lib
    orig = lib.load_embedder
    lib.load_embedder = lambda **_kw: calls.append(1) or fake
    try:
        assert not bank.semantic_ready()
        assert bank.search("psychoactive", 1, wait_model=False).mode == "lexical"
        bank.warm_up().join(10)
        assert bank.semantic_ready() and calls == [1]
        assert bank.search("psychoactive", 1, wait_model=False).mode == "hybrid"
    finally:
        lib.load_embedder = orig


def test_coarse_pca_scan_of_big_stores_gives_the_exact_ranking(tmp_path, fake, monkeypatch):
    import drafter.bank.store as store_mod
    write_store(tmp_path / "exact", CLAUSES, fake)
    monkeypatch.setattr(store_mod, "PCA_MIN_ROWS", 1)
    write_store(tmp_path / "pca", CLAUSES, fake)
    exact = open_bank(tmp_path / "exact", user=False, embedder=fake)
    coarse = open_bank(tmp_path / "pca", user=False, embedder=fake)
    assert exact.layers[0].store.pca is None and coarse.layers[0].store.pca is not None
    for q in ("teach police against smuggling", "psychoactive substances", "resources for the present resolution"):
        for kw in ({}, {"kind": "op"}):
            a = [(h.clause.id, round(h.score, 5)) for h in exact.search(q, 5, mode="semantic", **kw)]
            b = [(h.clause.id, round(h.score, 5)) for h in coarse.search(q, 5, mode="semantic", **kw)]
            assert a == b
