"""The agreed-language check: for each paragraph of a draft, its nearest bank clause and a verdict.

Verdicts, first that applies:
- ``verbatim``: identical to a bank clause after :func:`clause.normalise` (spaces, quotes,
  dashes, footnote marks and final punctuation ignored);
- ``minor edit``: Levenshtein ratio of the normalised texts >= MINOR_EDIT_RATIO (0.85: on a
  40-word paragraph that is roughly a changed phrase of five or six words), shown with a word diff;
- ``close precedent``: cosine similarity >= CLOSE_SIMILARITY (0.80) with a bank clause;
- ``new language`` otherwise.
"Agreed language" in the summary means verbatim or minor edit.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..model import Kind, Resolution
from .clause import Clause, normalise, short_symbol
from .search import Hit

MINOR_EDIT_RATIO = 0.85
CLOSE_SIMILARITY = 0.80
CANDIDATES = 10
VERDICTS = ("verbatim", "minor edit", "close precedent", "new language")


@dataclass
class Verdict:
    address: str  # "PP 3", "OP 7"
    text: str
    verdict: str
    clause: Clause | None = None
    ratio: float = 0.0  # Levenshtein ratio with ``clause`` (normalised texts)
    similarity: float | None = None  # cosine with ``clause``
    diff: list[tuple[str, str, str]] = field(default_factory=list)  # (op, bank words, draft words)
    also_in: list[str] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        return self.verdict in ("verbatim", "minor edit")

    def to_json(self) -> dict:
        c = self.clause
        return {"address": self.address, "verdict": self.verdict, "text": self.text,
                "ratio": round(self.ratio, 4),
                "similarity": None if self.similarity is None else round(self.similarity, 4),
                "source": None if c is None else {"id": c.id, "symbol": c.symbol, "body": c.body,
                                                  "year": c.year, "kind": c.kind, "number": c.label,
                                                  "text": c.text, "also_in": self.also_in},
                "diff": [{"op": op, "bank": a, "draft": b} for op, a, b in self.diff]}


def word_diff(old: str, new: str) -> list[tuple[str, str, str]]:
    """Changed stretches between two texts, word by word: ("replace"|"delete"|"insert", old, new)."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return [(tag, " ".join(a[i1:i2]), " ".join(b[j1:j2])) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def format_diff(diff: list[tuple[str, str, str]]) -> str:
    """One line: ``[-bank words-]{+draft words+}`` per change."""
    parts = []
    for _op, old, new in diff:
        parts.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else ""))
    return " ".join(parts)


def _judge(address: str, text: str, hits: list[Hit]) -> Verdict:
    from rapidfuzz.distance import Levenshtein
    norm = normalise(text)
    best, best_ratio = None, -1.0
    for h in hits:
        r = Levenshtein.normalized_similarity(norm, normalise(h.clause.text))
        if r > best_ratio:
            best, best_ratio = h, r
    if best is None:
        return Verdict(address, text, "new language")
    if best_ratio == 1.0:
        return Verdict(address, text, "verbatim", best.clause, 1.0, best.semantic, [], best.also_in)
    if best_ratio >= MINOR_EDIT_RATIO:
        return Verdict(address, text, "minor edit", best.clause, best_ratio, best.semantic,
                       word_diff(normalise(best.clause.text), norm), best.also_in)
    sem = max((h for h in hits if h.semantic is not None), key=lambda h: h.semantic, default=None)
    if sem is not None and sem.semantic >= CLOSE_SIMILARITY:
        ratio = Levenshtein.normalized_similarity(norm, normalise(sem.clause.text))
        return Verdict(address, text, "close precedent", sem.clause, ratio, sem.semantic, [], sem.also_in)
    top = sem or best
    ratio = Levenshtein.normalized_similarity(norm, normalise(top.clause.text))
    return Verdict(address, text, "new language", top.clause, ratio, top.semantic, [], top.also_in)


def precedent(doc: Resolution, bank, mode: str = "hybrid") -> list[Verdict]:
    """A verdict for every preambular and operative paragraph (and report recommendation),
    compared with bank clauses of the same kind."""
    from .search import search
    kinds = {Kind.PREAMBULAR: "pp", Kind.OPERATIVE: "op", Kind.RECOMMENDATION: None}
    items = [(a, p.full_text.strip(), kinds[p.kind]) for a, p in doc.addressed()
             if p.kind in kinds and p.full_text.strip()]
    out = []
    vectors = None
    has_vectors = len(bank.stale_layers()) < len(bank.layers)
    emb = bank.embedder() if mode != "lexical" and has_vectors else None
    if emb is not None and items:
        vectors = emb.encode([t for _a, t, _k in items])
    for n, (address, text, kind) in enumerate(items):
        # a preambular paragraph's precedent is a preambular paragraph (likewise operative)
        hits = search(bank, text, CANDIDATES, kind=kind, mode=mode if emb is not None else "lexical",
                      query_vector=None if vectors is None else vectors[n])
        out.append(_judge(address, text, list(hits)))
    return out


def summary(verdicts: list[Verdict]) -> str:
    """ "9 of 28 paragraphs are agreed language (5 verbatim, 4 minor edit); 6 close precedent; 13 new language" """
    count = {v: sum(x.verdict == v for x in verdicts) for v in VERDICTS}
    agreed = count["verbatim"] + count["minor edit"]
    return (f"{agreed} of {len(verdicts)} paragraphs are agreed language "
            f"({count['verbatim']} verbatim, {count['minor edit']} minor edit); "
            f"{count['close precedent']} close precedent; {count['new language']} new language")


def describe_source(v: Verdict) -> str:
    c = v.clause
    if c is None:
        return "no similar clause in the bank"
    return f"{short_symbol(c.symbol)} ({c.year or '?'}) {c.address}"
