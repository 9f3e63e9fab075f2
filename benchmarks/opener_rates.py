"""Unknown-opener rates on the GA/ECOSOC corpus (/work/shared/corpus/paragraphs.jsonl).

For every preambular (PP) and operative (OP) paragraph it asks what lint would say about the
opener, and prints the rates side by side with a lexicon-only baseline (no morphology):

  form error    no opener recognised: UN.PP/OP.OPENER_FORM would fire (false positives on
                adopted texts, so this should be near 0)
  unknown       well formed but not in the lexicon: UN.*.OPENER_UNKNOWN suggestion
  Model-UN      opens with a Model-UN form (UN.*.MUN_OPENER)
  agree         detected opener equals the corpus's italic opener (where the corpus marks one)

With ``--lint`` it also lints every resolution of the corpus (paragraphs grouped by symbol and
rebuilt as a Markdown draft: italic opener from the corpus's ``opener`` field, numbers, lettered
subparagraphs) and prints errors per adopted resolution by rule and lint paragraphs per second
(CPU time, parsing excluded); goals: at most 0.5 errors per resolution, at least 5,000 paragraphs/s.
Footnote indicators are not in the corpus, so UN.FN.FIRST_MENTION is left out there.

Usage: python benchmarks/opener_rates.py [PATH] [--top N] [--lint [--limit N]]
Source: United Nations, General Assembly and Economic and Social Council resolutions.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from drafter.lint.checks.util import starts_with_any, strip_intensifiers
from drafter.lint.rules import lexicon as style_lexicon
from drafter.openers import detect_opener, lexicon

CORPUS = Path("/work/shared/corpus/paragraphs.jsonl")


def lexicon_only(text: str, pool) -> str | None:
    """Baseline: an opener only when the text starts with a lexicon phrase (after intensifiers)."""
    core = strip_intensifiers(" ".join(text.split()[:8]))
    return starts_with_any(text, pool) or starts_with_any(core, pool)


def _markdown(rows: list[dict]) -> str:
    """One corpus resolution as a canonical-style Markdown draft."""
    esc = lambda t: t.replace("*", "\\*")  # noqa: E731
    organ = "*The General Assembly*" if rows[0]["body"] == "GA" else "*The Economic and Social Council*"
    blocks = [f"# {rows[0]['title']}", organ + ("," if any(r["kind"] == "preambular" for r in rows) else "")]
    for r in rows:
        head, *subs = r["text"].split("\n")
        op = r.get("opener")
        head = f"*{esc(op)}*{esc(head[len(op):])}" if op and head.startswith(op) else esc(head)
        num = r["number"] or ""
        if r["kind"] == "operative" and num.isdigit():
            head = f"{num}. {head}"
        elif r["kind"] == "operative" and num.startswith("("):
            head = f"{num} {head}"
        blocks += [head] + [esc(x) for x in subs if x.strip()]
    return "\n\n".join(blocks) + "\n"


def lint_corpus(path: str, limit: int | None) -> None:
    from drafter.lint import lint
    from drafter.parse import parse_text
    groups: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            groups.setdefault(row["symbol"], []).append(row)
    docs = []
    for symbol, rows in list(groups.items())[:limit]:
        text = _markdown(rows)
        docs.append((parse_text(text, f"{symbol}.md", "markdown"), text, len(rows)))
    per_rule, severities = Counter(), Counter()
    cpu = time.process_time()
    for doc, text, _ in docs:
        for f in lint(doc, ignore=["UN.FN.FIRST_MENTION"], text=text, fmt="markdown"):
            severities[f.severity] += 1
            if f.severity == "error":
                per_rule[f.rule] += 1
    cpu = time.process_time() - cpu
    n_docs, n_par = len(docs), sum(n for *_, n in docs)
    print(f"\nlint: {n_docs} resolutions, {n_par} paragraphs, {n_par / cpu:,.0f} paragraphs/s "
          f"(CPU; goal >= 5,000)")
    print(f"errors per resolution {severities['error'] / n_docs:.2f} (goal <= 0.5), warnings "
          f"{severities['warning'] / n_docs:.2f}, suggestions {severities['suggestion'] / n_docs:.2f}")
    for rule, count in per_rule.most_common():
        print(f"  {rule:32}{count:6}{count / n_docs:8.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--top", type=int, default=12, help="show the most frequent unknown/failed forms")
    ap.add_argument("--lint", action="store_true", help="also lint every resolution (errors/resolution, speed)")
    ap.add_argument("--limit", type=int, help="with --lint: only the first N resolutions")
    args = ap.parse_args()
    lex = lexicon()
    mun = {"preambular": style_lexicon("model_un.preambular"), "operative": style_lexicon("model_un.operative")}
    stats = {k: Counter() for k in ("preambular", "operative")}
    unknown = {k: Counter() for k in stats}
    failed = {k: Counter() for k in stats}
    t0 = time.perf_counter()
    with open(args.path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
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
    if args.lint:
        lint_corpus(args.path, args.limit)


if __name__ == "__main__":
    main()
