"""Speed of ``drafter diff``: two 200-paragraph drafts aligned and rendered (target < 100 ms),
printed beside a plain difflib paragraph diff (unified diff, one line per paragraph) on the same pair.

    python benchmarks/diff.py [--corpus PATH] [--paragraphs 200] [--edits 20] [--repeat 7]
"""
from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from drafter.model import Kind, Run
from drafter.parse import load
from drafter.render.diff_html import render_diff_html
from drafter.render.diff_json import render_diff_json
from drafter.render.diff_md import render_diff_md
from drafter.render.diff_text import render_diff_text
from drafter.revision import align
from drafter.revision.synth import donors_from, load_resolutions, mutate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "paragraphs.jsonl"


def big_draft(corpus: str, n: int, rng: random.Random):
    """One n-paragraph draft stitched from real resolutions (falls back to the seed example)."""
    if Path(corpus).is_file():
        docs = load_resolutions(corpus, min_paragraphs=10)
    else:
        docs = [load(ROOT / "examples" / "l-draft.md")]
    pp, op = [], []
    while len(pp) + len(op) < n:
        d = rng.choice(docs)
        pp += d.preamble
        op += d.operative
    pp = pp[: n * 2 // 5]
    op = [replace(p, number=str(i), kind=Kind.OPERATIVE) for i, p in enumerate(op[: n - len(pp)], 1)]
    return replace(docs[0], preamble=tuple(pp), operative=tuple(op), path="big.md"), docs


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    rng = random.Random(7)
    old, docs = big_draft(args.corpus, args.paragraphs, rng)
    new, _ = mutate(old, rng, args.edits, donors_from(docs[:50]))
    # worst case: besides the edits, one word changed in every paragraph (no exact matches)
    worst = replace(new, preamble=tuple(p.with_text(p.runs + (Run(" (rev.)"),)) for p in new.preamble),
                    operative=tuple(p.with_text(p.runs + (Run(" (rev.)"),)) for p in new.operative))
    align(old, new)  # warm caches (lexicon, YAML scale)
    a_lines = [p.full_text for p in old.paragraphs]
    b_lines = [p.full_text for p in new.paragraphs]
    rows = [
        ("drafter align", lambda: align(old, new)),
        ("drafter align + text", lambda: render_diff_text(align(old, new))),
        ("drafter align + md", lambda: render_diff_md(align(old, new))),
        ("drafter align + html", lambda: render_diff_html(align(old, new))),
        ("drafter align + json", lambda: render_diff_json(align(old, new))),
        ("drafter align + text, worst", lambda: render_diff_text(align(old, worst))),
        ("difflib unified (paragraphs)", lambda: "".join(difflib.unified_diff(a_lines, b_lines, lineterm=""))),
    ]
    print(f"{len(old.paragraphs)} -> {len(new.paragraphs)} paragraphs, {args.edits} random edits; "
          f"median of {args.repeat} runs (target: align + render < 100 ms)")
    print(f"  {'':<30} {'wall':>8}    {'cpu':>8}")
    for name, fn in rows:
        wall, cpu = timed(fn, args.repeat)
        print(f"  {name:<30} {wall:8.1f} ms {cpu:8.1f} ms")
    al = align(old, new)
    print("  alignment summary:", {k: v for k, v in al.summary.items() if v})
    return 0


if __name__ == "__main__":
    sys.exit(main())
