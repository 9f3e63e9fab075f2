"""Search quality: recall@1 and recall@5 of lexical, semantic and hybrid search, side by side.

Two query sets:
- *reworded*: pairs of paragraphs from the corpus where the same clause (same resolution title,
  kind and opener) was adopted in different years with different wording (Levenshtein ratio
  0.55-0.92). The query is the older wording, the target the newer; the query's own text is
  removed from the bank, so an exact match cannot help. A hit is right when it is the same
  clause as the target: same title, kind and opener (or the target's resolution is among the
  hit's collapsed sources), wording at least 0.55 similar to the target's (i.e. the target
  itself or another year's wording of it).
- *paraphrase*: hand-written queries in plain delegate English; a hit is right when its text
  matches every pattern given for the query (each pattern set picks out a small family of clauses).

Usage: python benchmarks/search_quality.py [--corpus PATH] [--pairs 200] [--sweep]
Reads /work/shared/corpus (benchmarks only); builds its bank in a temporary folder, reusing the
user's vector cache so only texts never seen before are encoded.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from drafter.bank import open_bank  # noqa: E402
from drafter.bank.clause import normalise  # noqa: E402
from drafter.bank.embed import cache_dir, load_embedder  # noqa: E402
from drafter.bank.ingest import clauses_from_jsonl, in_topic  # noqa: E402
from drafter.bank.store import write_store  # noqa: E402
from drafter.bank.vectors import VectorCache  # noqa: E402

CORPUS = Path("/work/shared/corpus/paragraphs.jsonl")

# (query, patterns every relevant clause must match; case-insensitive)
PARAPHRASES = [
    ("train police to fight drug smuggling", [r"training|train", r"law enforcement", r"drug trafficking|trafficking in (narcotic )?drugs"]),
    ("help countries grow other crops instead of coca and opium poppy", [r"alternative development", r"(illicit )?(crop|cultivation)"]),
    ("stop chemicals used to make drugs from being diverted", [r"precursor", r"divers"]),
    ("make sure patients can get morphine for pain", [r"availability|access", r"controlled substances|narcotic drugs", r"medical"]),
    ("new synthetic drugs appearing on the market", [r"new psychoactive substances"]),
    ("people who inject drugs getting HIV", [r"HIV", r"inject"]),
    ("treatment instead of prison for drug users", [r"alternatives to (conviction|incarceration|imprisonment)|alternative(s)? to (conviction or punishment|imprisonment)"]),
    ("money from drug sales being laundered through banks", [r"launder"]),
    ("seize and give back stolen assets from corrupt officials", [r"asset", r"return|recovery"]),
    ("smuggling people across borders for profit", [r"smuggling of migrants"]),
    ("selling human beings into forced labour and sexual exploitation", [r"trafficking in persons"]),
    ("guns illegally made and sold", [r"firearms"]),
    ("crimes committed over the internet and with computers", [r"cybercrime|information and communications technologies for criminal purposes"]),
    ("treat prisoners humanely with minimum standards", [r"Nelson Mandela Rules|Standard Minimum Rules for the Treatment of Prisoners"]),
    ("women in prison need special rules", [r"Bangkok Rules|women prisoners"]),
    ("the UN drug office should report back next year on what it did", [r"Office on Drugs and Crime", r"report"]),
    ("countries should sign and follow the convention against organized crime", [r"Convention against Transnational Organized Crime", r"ratif|accede|implement"]),
    ("countries should join the anti-corruption convention", [r"Convention against Corruption", r"ratif|accede|implement"]),
    ("money to fund the UN drug programme is not enough", [r"extrabudgetary|voluntary contributions|resources|funding", r"Office on Drugs and Crime"]),
    ("drug use prevention aimed at young people and schools", [r"prevention", r"youth|young people|children|school"]),
    ("countries sharing the responsibility for the world drug problem", [r"common and shared responsibility"]),
    ("pirates attacking ships off the coast of Somalia", [r"piracy"]),
    ("terrorists making money from crime and drug trade", [r"terroris", r"organized crime|drug|trafficking"]),
    ("protect children from violence in the justice system", [r"children", r"violence", r"justice"]),
    ("wildlife and timber trafficking", [r"wild fauna and flora|wildlife|protected species|forest products|timber"]),
    ("stealing and selling cultural objects and antiquities", [r"cultural property"]),
    ("drug data and the yearly world drug report", [r"World Drug Report"]),
    ("the 2016 special session of the General Assembly on drugs", [r"special session", r"world drug problem"]),
    ("respect human rights while dealing with drugs", [r"human rights", r"world drug problem|drug polic|drug control"]),
    ("the Vienna commission that sets drug policy", [r"Commission on Narcotic Drugs"]),
    ("violence against women and killing of women because of gender", [r"gender-related killing|femicide|violence against women"]),
    ("take away the proceeds of crime", [r"proceeds of crime", r"confiscat|seiz|forfeit"]),
    ("protect witnesses and people who report corruption", [r"witness|reporting persons|whistle"]),
    ("tackle crime at sea and on the oceans", [r"maritime|at sea|sea"]),
    ("stop illegal fishing by criminal groups", [r"fisher"]),
    ("helping small island countries fight crime", [r"small island developing States"]),
]


def reworded_pairs(clauses, n: int, seed: int = 0):
    """(query clause, target clause) pairs: same title, kind and opener, different year and wording."""
    groups = defaultdict(list)
    for c in clauses:
        if c.opener and c.title and c.year:
            groups[(c.title, c.kind, c.opener)].append(c)
    rng = random.Random(seed)
    pairs = []
    for key in sorted(groups):
        members = groups[key]
        by_text = {}
        for c in sorted(members, key=lambda c: (c.year, c.id)):
            by_text.setdefault(c.text, c)
        cands = []
        distinct = list(by_text.values())
        for i, a in enumerate(distinct):
            for b in distinct[i + 1:]:
                if b.year > a.year:
                    r = Levenshtein.normalized_similarity(normalise(a.text), normalise(b.text))
                    if 0.55 <= r <= 0.92:
                        cands.append((a, b))
        if cands:
            pairs.append(rng.choice(cands))
    rng.shuffle(pairs)
    chosen, excluded = [], set()
    for a, b in pairs:
        if b.text in excluded or a.text in {p[1].text for p in chosen}:
            continue
        chosen.append((a, b))
        excluded.add(a.text)
        if len(chosen) == n:
            break
    return chosen


def recall(results: list[list[bool]], k: int) -> float:
    return sum(any(r[:k]) for r in results) / max(len(results), 1)


def run_queries(bank, queries, vectors, mode, weight=None):
    """Relevance of the top 5 hits of each query (query vectors computed once for all runs)."""
    out = []
    for (q, judge), vec in zip(queries, vectors):
        kw = {} if weight is None else {"semantic_weight": weight}
        hits = bank.search(q, 5, mode=mode, query_vector=vec, **kw)
        out.append([judge(h) for h in hits])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--sweep", action="store_true", help="also print hybrid recall for several fusion weights")
    args = ap.parse_args()
    t0 = time.perf_counter()
    clauses = list(clauses_from_jsonl(args.corpus, in_topic))
    pairs = reworded_pairs(clauses, args.pairs)
    excluded = {a.text for a, _b in pairs}
    bank_clauses = [c for c in clauses if c.text not in excluded]
    emb = load_embedder()
    cache = VectorCache(cache_dir() / "vectors", emb.model_id)
    cache.load_folder()
    with tempfile.TemporaryDirectory() as tmp:
        m = write_store(Path(tmp) / "bank", bank_clauses, emb, cache)
        bank = open_bank(Path(tmp) / "bank", user=False, embedder=emb)
        print(f"bank: {m['counts']['clauses']} clauses (topic selection of the corpus, query texts removed); "
              f"{m['encoded']} texts encoded; built in {time.perf_counter() - t0:.1f} s")

        def same_clause(target):
            nt = normalise(target.text)

            def judge(hit):
                c = hit.clause
                family = (c.title == target.title and c.kind == target.kind and c.opener == target.opener) \
                    or target.symbol in hit.also_in  # the same text folded under another resolution
                return family and Levenshtein.normalized_similarity(normalise(c.text), nt) >= 0.55
            return judge

        def matches(patterns):
            rx = [re.compile(p, re.I) for p in patterns]
            return lambda hit: all(r.search(hit.clause.text) for r in rx)

        sets = {"reworded": [(a.text, same_clause(b)) for a, b in pairs],
                "paraphrase": [(q, matches(p)) for q, p in PARAPHRASES]}
        vecs = {name: emb.encode([q for q, _j in qs]) for name, qs in sets.items()}
        print(f"queries: {len(sets['reworded'])} reworded pairs, {len(sets['paraphrase'])} hand-written paraphrases\n")
        table = {}
        for mode in ("lexical", "semantic", "hybrid"):
            for name, qs in sets.items():
                table[(mode, name)] = run_queries(bank, qs, vecs[name], mode)
        print(f"{'':<10}" + "".join(f"{n + ' R@1':>16}{n + ' R@5':>16}" for n in (*sets, "all")))
        for mode in ("lexical", "semantic", "hybrid"):
            row = f"{mode:<10}"
            allres = []
            for name in sets:
                res = table[(mode, name)]
                allres += res
                row += f"{recall(res, 1):>16.3f}{recall(res, 5):>16.3f}"
            row += f"{recall(allres, 1):>16.3f}{recall(allres, 5):>16.3f}"
            print(row)
        if args.sweep:
            print("\nhybrid with one fixed semantic weight for every query (default: 0.9 short / 0.4 long):")
            for w in (0.2, 0.4, 0.6, 0.8, 0.9):
                res = {name: run_queries(bank, qs, vecs[name], "hybrid", w) for name, qs in sets.items()}
                flat = [r for rs in res.values() for r in rs]
                print(f"  w={w:.1f}  " + "  ".join(f"{n} {recall(rs, 1):.3f}/{recall(rs, 5):.3f}" for n, rs in res.items())
                      + f"  all {recall(flat, 1):.3f}/{recall(flat, 5):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
