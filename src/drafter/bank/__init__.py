"""Clause bank of prior agreed language: hybrid (BM25 + embedding) search and the precedent check.

Public API (light to import: numpy only; the model loads on first semantic use)::

    bank = open_bank()                       # shipped bank + the user's bank layered over it
    hits = bank.search("train police to fight drug smuggling", k=10, kind="op", since=2019)
    hits = bank.search(q, mode="lexical")    # instant, no model (e.g. while the user types)
    bank.warm_up()                           # load the model in a background thread
    bank.semantic_ready()                    # then search(mode="hybrid") merges semantic hits
    verdicts = precedent(doc, bank); print(summary(verdicts))

``hits`` is a list of :class:`Hit` (``score, clause, also_in, lexical, semantic``) with
``.mode`` and ``.notice`` (set when semantic search was unavailable and lexical ran instead).
"""
from __future__ import annotations

import os

# One BLAS thread: a 384-wide matrix-vector product is memory bound, and OpenBLAS's thread pool
# made it 10-40x slower on a busy 2-core machine (0.2 ms -> 10 ms). Only effective when numpy is
# not imported yet; an explicit setting by the user wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .clause import Clause, normalise, short_symbol  # noqa: E402
from .embed import ModelUnavailable
from .library import Bank, open_bank, shipped_bank_dir, user_bank_dir
from .precedent import Verdict, precedent, summary
from .search import Hit, Results
from .store import BankError

__all__ = ["Bank", "BankError", "Clause", "Hit", "ModelUnavailable", "Results", "Verdict",
           "normalise", "open_bank", "precedent", "short_symbol", "shipped_bank_dir", "summary",
           "user_bank_dir"]
