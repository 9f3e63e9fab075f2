"""Hybrid search: BM25 and embedding similarity fused, filtered, and collapsed across years.

Fusion is a weighted sum of two scores in [0, 1]: BM25 divided by the query's best BM25, and the
cosine similarity anchored at the query's best cosine (1 at the best, falling to 0 at SEM_SPAN
below it). Short queries (a delegate's few words) lean on meaning, long ones (a whole paragraph)
on shared words: the semantic weight is SHORT_WEIGHT up to SHORT_QUERY words, LONG_WEIGHT
above; both were tuned on ``benchmarks/search_quality.py``. Clauses with the same text (one
vector row) and near-identical clauses (rapidfuzz ratio >= COLLAPSE_RATIO, case and spacing
ignored) become one hit, the best-ranked wording, with the other sources in ``also_in``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import DrafterError
from .clause import BODIES, KIND_CODES, KINDS, Clause
from .lexical import idf_table, tokens

SHORT_WEIGHT = 0.9  # semantic share of the fused score for short queries (tuned, see module doc)
LONG_WEIGHT = 0.4  # ... and for long ones
SHORT_QUERY = 12  # words (after dropping stopwords) up to which a query counts as short
SEM_SPAN = 0.2  # cosine distance below the best at which the semantic score reaches 0
POOL = 100  # candidates taken from each ranker before fusion
PCA_POOL = 500  # rows kept by the coarse PCA scan of big stores, then re-scored exactly
COLLAPSE_RATIO = 90.0  # rapidfuzz.fuzz.ratio above which two clauses are "the same clause"
MAX_ALSO_IN = 40  # sources listed per hit
MODES = ("hybrid", "lexical", "semantic")


@dataclass
class Hit:
    score: float
    clause: Clause
    also_in: list[str] = field(default_factory=list)
    lexical: float = 0.0  # BM25 / best BM25 of the query, 0..1
    semantic: float | None = None  # cosine similarity with the query
    layer: str = "shipped"
    terms: frozenset[str] = frozenset()

    def to_json(self) -> dict:
        c = self.clause
        return {"score": round(self.score, 4), "id": c.id, "symbol": c.symbol, "body": c.body,
                "year": c.year, "kind": c.kind, "number": c.label,
                "opener": c.opener, "text": c.text, "also_in": self.also_in,
                "title": c.title, "date": c.date, "footnotes": list(c.footnotes),
                "lexical": round(self.lexical, 4),
                "semantic": None if self.semantic is None else round(self.semantic, 4),
                "layer": self.layer}


class Results(list):
    """A list of hits that also says which mode ran and why (``notice`` when it fell back)."""

    def __init__(self, hits=(), mode: str = "hybrid", notice: str | None = None):
        super().__init__(hits)
        self.mode, self.notice = mode, notice


def _kind_index(kind: str | None) -> int | None:
    if kind is None:
        return None
    full = KIND_CODES.get(kind.lower(), kind.lower())
    if full not in KINDS:
        raise DrafterError(f"unknown kind {kind!r} (use pp, op or rec)")
    return KINDS.index(full)


def _opener_ids(openers: list[str], verb: str) -> np.ndarray:
    """Ids of openers containing ``verb`` as whole words ("requests" matches "Also requests")."""
    v = " " + " ".join(verb.lower().split()) + " "
    return np.array([i for i, o in enumerate(openers) if v in " " + o.lower() + " "], dtype=np.int32)


def filter_mask(bank, layer, kind=None, opener=None, body=None, since=None, until=None):
    """Boolean mask of a layer's clauses passing the filters."""
    s = layer.store
    mask = np.ones(s.n, dtype=bool)
    ki = _kind_index(kind)
    if ki is not None:
        mask &= s.kind == ki
    if body is not None:
        if body.upper() not in BODIES:
            raise DrafterError(f"unknown body {body!r} (use GA, ECOSOC or CND)")
        mask &= s.body == BODIES.index(body.upper())
    if since is not None:
        mask &= s.year >= int(since)
    if until is not None:
        mask &= (s.year <= int(until)) & (s.year > 0)
    if opener is not None:
        mask &= np.isin(s.opener, _opener_ids(s.openers, opener))
    return mask


def _check_filters(bank, opener, since, until) -> None:
    if since is not None and until is not None and int(since) > int(until):
        raise DrafterError(f"--since {since} is after --until {until}")
    if opener is not None:
        if not opener.strip():
            raise DrafterError("empty --opener")
        if not any(len(_opener_ids(layer.store.openers, opener)) for layer in bank.layers):
            from rapidfuzz import process
            known = sorted({o for layer in bank.layers for o in layer.store.openers})
            best = process.extractOne(opener, known)
            hint = f" (did you mean {best[0]!r}?)" if best else ""
            raise DrafterError(f"unknown opener {opener!r}: no clause in the bank starts with it{hint}")


def _semantic_rows(layer, qvec: np.ndarray, mask) -> tuple[np.ndarray, list[bool]]:
    """The POOL vector rows nearest the query (among rows some clause passing ``mask`` has).

    Big stores carry a PCA projection: a coarse scan in 128 dimensions (a quarter of the memory
    traffic) picks PCA_POOL rows, re-scored exactly; measured to keep 99.7% of the exact top 100."""
    s = layer.store
    allowed = None
    if mask is not None:
        allowed = np.zeros(s.vectors.shape[0], dtype=bool)
        allowed[s.vec_row[mask]] = True
    coarse = layer.dense_pca()
    if coarse is not None:
        approx = coarse @ (qvec @ s.pca)
        if allowed is not None:
            approx = np.where(allowed, approx, -np.inf)
        rows = _top(approx, PCA_POOL)
        if allowed is not None:
            rows = rows[allowed[rows]]
        exact = layer.dense()[rows] @ qvec
        order = np.argsort(-exact, kind="stable")[:POOL]
        return rows[order], [True] * len(order)
    sims = layer.dense() @ qvec
    if allowed is not None:
        sims = np.where(allowed, sims, -2.0)
    rows = _top(sims, POOL)
    return rows, [bool(sims[r] > -2.0) for r in rows.tolist()]


def _first_member(store, row: int, mask) -> int:
    """A clause with the text of vector row ``row`` that passes the filters."""
    members = store.row_members(row)
    if mask is None:
        return int(members[0])
    return int(next(m for m in members if mask[m]))


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    n = min(n, len(scores))
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.argpartition(-scores, n - 1)[:n]
    return idx[np.argsort(-scores[idx], kind="stable")]


def _semantic(bank, mode: str, wait_model: bool) -> tuple[object | None, str | None]:
    """The embedder or None, with the notice to show when semantic search is (partly) off."""
    if mode == "lexical":
        return None, None
    stale = bank.stale_layers()
    if len(stale) == len(bank.layers):  # no vectors to compare with: do not even load the model
        why = "the bank has no vectors for the current model; run `drafter bank verify`"
        if mode == "semantic":
            raise DrafterError(f"semantic search unavailable: {why}")
        return None, f"semantic search unavailable ({why}); showing lexical results only"
    emb = bank.embedder(wait=wait_model)
    if emb is None:
        why = bank.model_error or "model still loading"
        if mode == "semantic":
            raise DrafterError(f"semantic search unavailable: {why}")
        return None, f"semantic search unavailable ({why}); showing lexical results only"
    stale = bank.stale_layers()
    notice = (f"bank layer(s) {', '.join(stale)} have no vectors for the current model "
              "(lexical only there; run `drafter bank verify`)") if stale else None
    return emb, notice


def search(bank, query: str, k: int = 10, kind=None, opener=None, body=None, since=None, until=None,
           mode: str = "hybrid", wait_model: bool = True, semantic_weight: float | None = None,
           query_vector: np.ndarray | None = None) -> Results:
    """Best ``k`` clauses for ``query`` (see module doc); raises DrafterError on bad input."""
    if mode not in MODES:
        raise DrafterError(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
    if not query or not query.strip():
        raise DrafterError("empty query")
    if k < 1:
        raise DrafterError("-k must be at least 1")
    _check_filters(bank, opener, since, until)
    terms = tokens(query)
    emb, notice = _semantic(bank, mode, wait_model)
    if emb is None and not terms:
        raise DrafterError("the query has no searchable words (only very common ones)")
    used = "lexical" if emb is None else mode
    qvec = None
    if emb is not None:
        qvec = query_vector if query_vector is not None else emb.encode([query])[0]
    idf = idf_table(terms, [layer.store.lexical for layer in bank.layers])
    stale = set(bank.stale_layers()) if emb is not None else set()

    filters = (kind, opener, body, since, until)
    filtered = any(f is not None for f in filters)
    cands = []  # (layer index, clause index, bm25, cosine or None)
    for li, layer in enumerate(bank.layers):
        s = layer.store
        mask = filter_mask(bank, layer, *filters) if filtered else None
        picked = set()
        lex = None
        if used != "semantic":
            lex = s.lexical.scores(terms, idf)
            if mask is not None:
                lex[~mask] = 0.0
            picked.update(i for i in _top(lex, POOL).tolist() if lex[i] > 0)
        dense = None
        if qvec is not None and layer.name not in stale:
            dense = layer.dense()
            if used != "lexical":
                top_rows, ok = _semantic_rows(layer, qvec, mask)
                if mask is None:
                    picked.update(s.first_members(top_rows).tolist())
                else:
                    picked.update(_first_member(s, r, mask) for r, good in zip(top_rows.tolist(), ok) if good)
        picked_list = sorted(picked)
        cosines = None
        if dense is not None and picked_list:  # exact cosine of every candidate
            cosines = dense[s.vec_row[np.array(picked_list)]] @ qvec
        cands.extend((li, i, 0.0 if lex is None else float(lex[i]),
                      None if cosines is None else float(cosines[n])) for n, i in enumerate(picked_list))
    if not cands:
        return Results([], used, notice)

    best_lex = max(c[2] for c in cands) or 1.0
    hi = max((c[3] for c in cands if c[3] is not None), default=1.0)
    if semantic_weight is None:
        semantic_weight = SHORT_WEIGHT if len(terms) <= SHORT_QUERY else LONG_WEIGHT

    def fused(c) -> float:
        lexn = c[2] / best_lex
        if used == "lexical" or c[3] is None:
            return lexn if used != "semantic" else 0.0
        semn = min(1.0, max(0.0, 1.0 - (hi - c[3]) / SEM_SPAN))
        if used == "semantic":
            return c[3]
        return semantic_weight * semn + (1 - semantic_weight) * lexn

    ranked = sorted(cands, key=lambda c: (-fused(c), c[0], c[1]))
    return Results(_collapse(bank, ranked, fused, k, frozenset(terms), filters if filtered else None,
                             best_lex), used, notice)


def _collapse(bank, ranked, fused, k, terms, filters, best_lex) -> list[Hit]:
    """Turn ranked candidates into at most ``k`` hits, one per clause repeated across years."""
    from rapidfuzz import fuzz
    hits: list[Hit] = []
    norms: list[str] = []
    seen_rows: set[tuple[int, int]] = set()
    years: dict[str | None, int] = {}
    masks: dict[int, np.ndarray] = {}
    for li, i, lex, sem in ranked:
        if len(hits) >= k and len(seen_rows) >= 2 * k:
            break  # folding later twins into the hits is worth a few more reads, not all
        layer = bank.layers[li]
        s = layer.store
        if (li, int(s.vec_row[i])) in seen_rows:
            continue
        seen_rows.add((li, int(s.vec_row[i])))
        members = s.same_text(i).tolist()
        if filters is not None:
            if li not in masks:
                masks[li] = filter_mask(bank, layer, *filters)
            members = [m for m in members if masks[li][m]] or [i]
        members.sort(key=lambda m: (-int(s.year[m]), m))
        members = members[:MAX_ALSO_IN + 1]
        rep = s.clause(members[0])
        others = [s.symbol_of(m) for m in members[1:]]
        for m in members:
            years.setdefault(s.symbol_of(m), int(s.year[m]))
        norm = " ".join(rep.text.lower().split())
        twin = next((h for h, n in zip(hits, norms)
                     if abs(len(n) - len(norm)) < 0.2 * max(len(n), 1)
                     and fuzz.ratio(n, norm, score_cutoff=COLLAPSE_RATIO)), None)
        if twin is not None:
            twin.also_in.extend(x for x in [rep.symbol, *others] if x and x != twin.clause.symbol and x not in twin.also_in)
            continue
        if len(hits) >= k:
            continue  # keep scanning only to fold later twins into the hits we have
        hits.append(Hit(fused((li, i, lex, sem)), rep, _unique([x for x in others if x and x != rep.symbol]),
                        lex / best_lex, sem, layer.name, terms))
        norms.append(norm)
    for h in hits:
        h.also_in.sort(key=lambda sym: (years.get(sym, 0), _number_key(sym)), reverse=True)
    return hits


def _unique(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def _number_key(symbol: str) -> tuple[int, ...]:
    """Numbers in a symbol, to order resolutions of the same year: A/RES/74/178 after 74/12."""
    return tuple(int(p) for p in symbol.replace(" ", "/").split("/") if p.isdigit())
