"""Lint every resolution of the GA/ECOSOC corpus: errors per resolution by rule, and speed.

Each resolution (paragraphs grouped by symbol) is rebuilt as a Markdown draft (see
``corpus_drafts.py``) and linted as ``drafter lint`` would lint it. Adopted resolutions should
be nearly clean, so every error here is a false positive or a real irregularity of the text.
Footnote indicators are not in the corpus, so UN.FN.FIRST_MENTION is left out.

Printed side by side:
  parse only        paragraphs/s of parsing the drafts (the baseline: what lint cannot beat)
  lint              paragraphs/s of linting the parsed documents (goal >= 5,000/s)
  parse + lint      what a user running ``drafter lint`` on many files gets
  errors/resolution under the profile (goal <= 0.5), then warnings and suggestions, by rule.
Times are CPU seconds of this process (the machine is shared); ``--repeat`` takes the best run.
Rule files and lexicons are loaded before timing (once per process, as in ``drafter lint``).

Usage: python benchmarks/lint_corpus.py [PATH] [--profile current|legacy] [--limit N]
       [--repeat N] [--examples N] [--cprofile N]
Source: United Nations, General Assembly and Economic and Social Council resolutions.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_drafts import CORPUS, resolutions, to_markdown  # noqa: E402

from drafter.lint import lint  # noqa: E402
from drafter.parse import parse_text  # noqa: E402

GOAL_ERRORS, GOAL_SPEED = 0.5, 5000
IGNORE = ["UN.FN.FIRST_MENTION"]


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--profile", default="current", choices=("current", "legacy"))
    ap.add_argument("--limit", type=int, help="only the first N resolutions")
    ap.add_argument("--repeat", type=int, default=1, help="time N runs and keep the fastest")
    ap.add_argument("--examples", type=int, default=0, help="show N findings per error/warning rule")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N",
                    help="profile the lint pass and print the N costliest functions")
    args = ap.parse_args()

    drafts = [(symbol, to_markdown(recs), len(recs)) for symbol, recs in resolutions(args.path, args.limit)]
    n_docs, n_par = len(drafts), sum(n for *_, n in drafts)

    def parse_all():
        return [(parse_text(text, f"{symbol}.md", "markdown"), text) for symbol, text, _ in drafts]

    def lint_all():
        return [lint(doc, args.profile, ignore=IGNORE, text=text, fmt="markdown") for doc, text in docs]

    parse_cpu, docs = _best(parse_all, args.repeat)
    if docs:  # load rule files and lexicons once, outside the timing (a one-off per process)
        lint(docs[0][0], args.profile, ignore=IGNORE, text=docs[0][1], fmt="markdown")
    lint_cpu, results = _best(lint_all, args.repeat)
    if args.cprofile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.runcall(lint_all)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)

    print(f"{n_docs} resolutions, {n_par} paragraphs, profile {args.profile}\n")
    print(f"{'':16}{'CPU s':>8}{'paragraphs/s':>14}")
    print(f"{'parse only':16}{parse_cpu:>8.2f}{n_par / parse_cpu:>14,.0f}   (baseline)")
    print(f"{'lint':16}{lint_cpu:>8.2f}{n_par / lint_cpu:>14,.0f}   (goal >= {GOAL_SPEED:,})")
    both = parse_cpu + lint_cpu
    print(f"{'parse + lint':16}{both:>8.2f}{n_par / both:>14,.0f}")

    by_rule = {s: Counter() for s in ("error", "warning", "suggestion")}
    examples: dict[str, list] = defaultdict(list)
    for found in results:
        for f in found:
            by_rule[f.severity][f.rule] += 1
            if f.severity != "suggestion" and len(examples[f.rule]) < args.examples:
                examples[f.rule].append(f)
    errors = sum(by_rule["error"].values())
    print(f"\nerrors per resolution {errors / n_docs:.3f} (goal <= {GOAL_ERRORS}); warnings "
          f"{sum(by_rule['warning'].values()) / n_docs:.3f}; suggestions "
          f"{sum(by_rule['suggestion'].values()) / n_docs:.3f}")
    for severity, counts in by_rule.items():
        if counts:
            print(f"\n{severity:32}{'count':>7}{'per res.':>10}")
        for rule, count in counts.most_common():
            print(f"  {rule:30}{count:7}{count / n_docs:10.3f}")
            for f in examples.get(rule, ()):
                print(f"      {f.path}:{f.line}: {f.message[:150]}")


if __name__ == "__main__":
    main()
