"""Shared helpers for the clause-bank tests: a counting fake embedder and a small bank."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest

from drafter.bank.clause import Clause, make_id
from drafter.bank.lexical import tokens
from drafter.bank.store import write_store

SYNONYMS = {"smuggl": "traffick", "police": "law", "teach": "train"}  # what a model "knows"


class FakeEmbedder:
    """Bag-of-stems vectors (with a few synonyms folded together); counts every text encoded."""

    model_id = "fake-model-1"
    dim = 32

    def __init__(self):
        self.encoded: list[str] = []

    def encode(self, texts, batch_size: int = 32) -> np.ndarray:
        self.encoded.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in tokens(text):
                tok = SYNONYMS.get(tok, tok)
                seed = int(hashlib.md5(tok.encode()).hexdigest()[:8], 16)
                out[row] += np.random.default_rng(seed).standard_normal(self.dim)
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else 0
        return out


def clause(symbol, year, kind, pos, text, opener=None, body="GA", number=None):
    number = number if number is not None else (str(pos) if kind == "operative" else None)
    return Clause(id=make_id(symbol, kind, number, pos), text=text, kind=kind, opener=opener,
                  symbol=symbol, body=body, date=f"{year}-12-18", year=year, title=f"Resolution {symbol}",
                  number=number, position=pos)


REQUESTS = ("Requests the United Nations Office on Drugs and Crime to continue to provide technical "
            "assistance to Member States, upon request, in the area of alternative development;")

CLAUSES = [
    clause("A/RES/73/192", 2018, "operative", 1, REQUESTS, "Requests"),
    clause("A/RES/74/178", 2019, "operative", 1, REQUESTS, "Requests"),
    clause("A/RES/75/196", 2020, "operative", 1, REQUESTS.replace("continue to provide", "continue providing"),
           "Requests"),
    clause("A/RES/75/196", 2020, "preambular", 1,
           "Deeply concerned about the links between illicit drug trafficking and transnational organized crime,",
           "Deeply concerned"),
    clause("A/RES/76/187", 2021, "operative", 2,
           "Urges Member States to strengthen the capacity of law enforcement agencies to counter illicit drug "
           "trafficking, including through training;", "Urges"),
    clause("E/RES/2023/5", 2023, "operative", 3,
           "Encourages Member States to share data on new psychoactive substances with the International "
           "Narcotics Control Board;", "Encourages", body="ECOSOC"),
    clause("E/RES/2023/5", 2023, "preambular", 2,
           "Recalling the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,",
           "Recalling", body="ECOSOC"),
    clause("CND 60/1", 2017, "operative", 4,
           "Invites Member States and other donors to provide extrabudgetary resources for the purposes of the "
           "present resolution, in accordance with the rules and procedures of the United Nations;",
           "Invites", body="CND"),
    clause("A/RES/77/238", 2022, "operative", 7,
           "Calls upon States to promote gender equality and the empowerment of all women and girls;",
           "Calls upon"),
]


@pytest.fixture
def fake():
    return FakeEmbedder()


@pytest.fixture
def store_dir(tmp_path, fake):
    path = tmp_path / "bank"
    write_store(path, CLAUSES, fake)
    return path


def test_fake_embedder_is_deterministic_and_normalised():
    a, b = FakeEmbedder().encode(["drug trafficking"]), FakeEmbedder().encode(["drug trafficking"])
    assert np.allclose(a, b) and abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
