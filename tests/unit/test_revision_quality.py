"""Alignment recovers known edits on real resolutions (tests/fixtures/revision, UN credit in its README).

The benchmark (benchmarks/diff_quality.py) runs the same generator over the whole corpus;
this test holds a threshold on a small fixed sample so a regression shows up in CI.
"""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from drafter.revision import align
from drafter.revision.synth import donors_from, load_resolutions, mutate, predicted

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "revision" / "resolutions.jsonl"


def shape(group) -> str:
    o, n = group
    return "added" if not o else "deleted" if not n else "split" if len(n) > 1 else "merged" if len(o) > 1 else "1:1"


def test_known_edits_are_recovered():
    docs = load_resolutions(FIXTURE)
    assert len(docs) == 10
    found, total = Counter(), Counter()
    for seed in range(6):
        rng = random.Random(seed)
        for k, d in enumerate(docs):
            donors = donors_from(docs[:k] + docs[k + 1:])
            new, truth = mutate(d, rng, 6, donors)
            pred = predicted(align(d, new))
            for g in truth:
                total[shape(g)] += 1
                found[shape(g)] += g in pred
    share = sum(found.values()) / sum(total.values())
    assert share >= 0.97, (share, found, total)
    structural = sum(found[k] for k in ("split", "merged", "added", "deleted"))
    assert structural / sum(total[k] for k in ("split", "merged", "added", "deleted")) >= 0.9
    assert total["split"] and total["merged"]  # the generator really exercised both


def test_mutate_truth_covers_every_paragraph():
    d = load_resolutions(FIXTURE)[0]
    new, truth = mutate(d, random.Random(3), 8, donors_from(load_resolutions(FIXTURE)[1:]))
    olds = sorted(i for o, _ in truth for i in o)
    news = sorted(j for _, n in truth for j in n)
    assert olds == list(range(len(d.paragraphs)))
    assert news == list(range(len(new.paragraphs)))
