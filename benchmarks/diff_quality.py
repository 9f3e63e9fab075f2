"""How well ``drafter diff`` recovers known edits on real resolutions.

Rebuilds resolutions from the corpus (grouped by symbol), applies random co-sponsor edits
(move, renumber, split, merge, reword, insert, delete) with drafter.revision.synth, aligns
old and new, and prints the share of true paragraph groups recovered exactly (goal >= 98 %),
beside a plain difflib paragraph diff (which cannot see moves, splits or merges).

    python benchmarks/diff_quality.py [--corpus PATH] [--docs 300] [--edits 6] [--seed 1]
"""
from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
from collections import Counter
from pathlib import Path

from drafter.revision import align
from drafter.revision.synth import donors_from, load_resolutions, mutate, predicted

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "paragraphs.jsonl"


def shape(group) -> str:
    o, n = group
    return "added" if not o else "deleted" if not n else "split" if len(n) > 1 else "merged" if len(o) > 1 else "1:1"


def difflib_groups(old, new) -> set:
    a = [p.full_text for p in old.preamble + old.operative]
    b = [p.full_text for p in new.preamble + new.operative]
    out = set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            out |= {((i1 + k,), (j1 + k,)) for k in range(i2 - i1)}
        else:
            out |= {((i,), ()) for i in range(i1, i2)} | {((), (j,)) for j in range(j1, j2)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--edits", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if not Path(args.corpus).is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    docs = load_resolutions(args.corpus, min_paragraphs=8)
    rng = random.Random(args.seed)
    sample = rng.sample(docs, min(args.docs, len(docs)))
    donors = donors_from(rng.sample(docs, min(200, len(docs))))
    found, total, base_found = Counter(), Counter(), Counter()
    touched = [0, 0, 0]  # groups an edit changed: true, found by drafter, found by difflib
    misses: list[str] = []
    t0 = time.perf_counter()
    for doc in sample:
        new, truth = mutate(doc, rng, args.edits, donors)
        pred = predicted(align(doc, new))
        base = difflib_groups(doc, new)
        olds, news = doc.paragraphs, new.paragraphs
        for g in truth:
            if shape(g) != "1:1" or olds[g[0][0]].full_text != news[g[1][0]].full_text:
                touched[0] += 1
                touched[1] += g in pred
                touched[2] += g in base
            total[shape(g)] += 1
            found[shape(g)] += g in pred
            base_found[shape(g)] += g in base
            if g not in pred and len(misses) < 8:
                misses.append(f"{doc.path}: {g}")
    elapsed = time.perf_counter() - t0
    print(f"{len(sample)} resolutions from {args.corpus}, {args.edits} random edits each, seed {args.seed}")
    print(f"{'group':<8} {'true':>6} {'drafter':>9} {'difflib':>9}")
    for k in ("1:1", "split", "merged", "added", "deleted"):
        if total[k]:
            print(f"{k:<8} {total[k]:>6} {found[k] / total[k]:>8.1%} {base_found[k] / total[k]:>8.1%}")
    n = sum(total.values())
    print(f"{'all':<8} {n:>6} {sum(found.values()) / n:>8.1%} {sum(base_found.values()) / n:>8.1%}"
          "   (goal >= 98 %)")
    t, t_found, t_base = touched
    if t:
        print(f"{'touched':<8} {t:>6} {t_found / t:>8.1%} {t_base / t:>8.1%}"
              "   (only groups an edit changed: reworded, split, merged, added, deleted)")
    print(f"time: {elapsed:.1f} s ({elapsed / len(sample) * 1000:.1f} ms per resolution, incl. difflib)")
    if misses:
        print("first misses:", *misses, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
