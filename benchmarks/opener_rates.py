"""Unknown-opener rates on the GA/ECOSOC corpus (/work/shared/corpus/paragraphs.jsonl).

For every preambular (PP) and operative (OP) paragraph it asks what lint would say about the
opener, and prints the rates side by side with a lexicon-only baseline (no morphology):

  form error    no opener recognised: UN.PP/OP.OPENER_FORM would fire (false positives on
                adopted texts, so this should be near 0)
  unknown       well formed but not in the lexicon: UN.*.OPENER_UNKNOWN suggestion
  Model-UN      opens with a Model-UN form (UN.*.MUN_OPENER)
  agree         detected opener equals the corpus's italic opener (where the corpus marks one)

Whole-resolution lint figures (errors per resolution, paragraphs per second) are in
``lint_corpus.py``, which shares the corpus reader ``corpus_drafts.py`` with this script.

Usage: python benchmarks/opener_rates.py [PATH] [--top N]
Source: United Nations, General Assembly and Economic and Social Council resolutions.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_drafts import CORPUS, rows  # noqa: E402

from drafter.lint.checks.util import starts_with_any, strip_intensifiers
from drafter.lint.rules import lexicon as style_lexicon
from drafter.openers import detect_opener, lexicon


def lexicon_only(text: str, pool) -> str | None:
    """Baseline: an opener only when the text starts with a lexicon phrase (after intensifiers)."""
    core = strip_intensifiers(" ".join(text.split()[:8]))
    return starts_with_any(text, pool) or starts_with_any(core, pool)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--top", type=int, default=12, help="show the most frequent unknown/failed forms")
    args = ap.parse_args()
    lex = lexicon()
    mun = {"preambular": style_lexicon("model_un.preambular"), "operative": style_lexicon("model_un.operative")}
    stats = {k: Counter() for k in ("preambular", "operative")}
    unknown = {k: Counter() for k in stats}
    failed = {k: Counter() for k in stats}
    t0 = time.perf_counter()
    for row in rows(args.path):
        kind, text = row["kind"], row["text"].split("\n")[0].lstrip()
        if kind not in stats or not text:
            continue
        s = stats[kind]
        s["total"] += 1
        pool = lex.preambular if kind == "preambular" else lex.operative
        if not lexicon_only(text, pool):
            s["baseline_miss"] += 1
        if starts_with_any(text, mun[kind]):
            s["mun"] += 1
            continue
        det = detect_opener(text, kind)
        if not det:
            s["form_error"] += 1
            failed[kind][" ".join(text.split()[:3])] += 1
            continue
        core = strip_intensifiers(" ".join(w for w in det.split() if w.lower() not in ("also", "further")))
        if not (starts_with_any(core, pool) or starts_with_any(det, pool)):
            s["unknown"] += 1
            unknown[kind][det] += 1
        if row.get("opener"):
            s["marked"] += 1
            s["agree"] += det == row["opener"].strip().rstrip(",;:")
    secs = time.perf_counter() - t0
    n = sum(s["total"] for s in stats.values())
    print(f"{n} paragraphs in {secs:.1f} s ({n / secs:,.0f} paragraphs/s, detection only)\n")
    print(f"{'':12}{'paragraphs':>11}{'form error':>12}{'unknown':>10}{'Model-UN':>10}"
          f"{'agree':>8}   baseline (lexicon only) unrecognised")
    for kind, s in stats.items():
        t = s["total"] or 1
        label = "PP" if kind == "preambular" else "OP"
        print(f"{label:12}{s['total']:>11}{s['form_error'] / t:>12.2%}{s['unknown'] / t:>10.2%}"
              f"{s['mun'] / t:>10.2%}{s['agree'] / max(s['marked'], 1):>8.1%}   {s['baseline_miss'] / t:.2%}")
    for kind in stats:
        label = "PP" if kind == "preambular" else "OP"
        print(f"\n{label} most frequent unknown openers: "
              + ", ".join(f"{o} ({c})" for o, c in unknown[kind].most_common(args.top)))
        print(f"{label} most frequent unrecognised starts: "
              + ", ".join(f"{o} ({c})" for o, c in failed[kind].most_common(args.top)))


if __name__ == "__main__":
    main()
