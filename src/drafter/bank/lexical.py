"""BM25 over precomputed postings, in plain numpy (scipy.sparse costs 0.3 s to import).

The index stores, per term, the documents containing it and the saturated term frequency
tf*(k1+1)/(tf + k1*(1-b+b*len/avglen)); the idf is applied at query time from document
frequencies summed over all bank layers, so a user bank layered over the shipped one ranks
with shared statistics.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

K1 = 1.2
B = 0.75
_TOKEN = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("""a an and are as at be by for from has have in into is it its of on or that the
their them these this those to was were which with within all also any such other""".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s")


def stem(word: str) -> str:
    """Light suffix stripping: "trafficking"/"trafficked" -> "traffick", "countries" -> "countr"."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            if suf == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suf)]
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens without stopwords."""
    return [stem(w) for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]


def word_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of words of ``text`` whose stem is in ``terms`` (for highlighting)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+", text)
            if m.group().lower() not in STOPWORDS and stem(m.group().lower()) in terms]


@dataclass
class LexicalIndex:
    """CSR postings: row t of (indptr, docs, weights) lists the documents of term vocab[t]."""

    vocab: list[str]
    indptr: np.ndarray  # int64, len(vocab)+1
    docs: np.ndarray  # int32
    weights: np.ndarray  # float16 saturated tf (in [0, k1+1))
    n_docs: int

    def __post_init__(self):
        self._ids = {t: i for i, t in enumerate(self.vocab)}

    def df(self, term: str) -> int:
        i = self._ids.get(term)
        return 0 if i is None else int(self.indptr[i + 1] - self.indptr[i])

    def scores(self, terms: list[str], idf: dict[str, float]) -> np.ndarray:
        """BM25 score of every document (float32 array of length n_docs)."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        for term, qtf in Counter(terms).items():
            i = self._ids.get(term)
            if i is None:
                continue
            lo, hi = self.indptr[i], self.indptr[i + 1]
            # a term lists each document once, so plain fancy-index addition is exact
            out[self.docs[lo:hi]] += self.weights[lo:hi] * np.float32(idf.get(term, 0.0) * qtf)
        return out

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"lex_vocab": np.array(self.vocab, dtype=str), "lex_indptr": self.indptr,
                "lex_docs": self.docs, "lex_weights": self.weights,
                "lex_n_docs": np.array([self.n_docs], dtype=np.int64)}

    @classmethod
    def from_arrays(cls, a) -> "LexicalIndex":
        return cls(vocab=a["lex_vocab"].tolist(), indptr=a["lex_indptr"], docs=a["lex_docs"],
                   weights=a["lex_weights"], n_docs=int(a["lex_n_docs"][0]))


def build_index(texts: list[str]) -> LexicalIndex:
    """Tokenise every document once and lay out the postings term by term."""
    counts = [Counter(tokens(t)) for t in texts]
    lengths = np.array([sum(c.values()) for c in counts], dtype=np.float32)
    avg = float(lengths.mean()) if len(texts) else 1.0
    avg = avg or 1.0
    postings: dict[str, list[tuple[int, float]]] = {}
    for d, c in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[d] / avg)
        for term, tf in c.items():
            postings.setdefault(term, []).append((d, tf * (K1 + 1) / (tf + norm)))
    vocab = sorted(postings)
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    docs, weights = [], []
    for i, term in enumerate(vocab):
        plist = postings[term]
        indptr[i + 1] = indptr[i] + len(plist)
        docs.extend(p[0] for p in plist)
        weights.extend(p[1] for p in plist)
    return LexicalIndex(vocab, indptr, np.array(docs, dtype=np.int32),
                        np.array(weights, dtype=np.float16), len(texts))


def idf_table(terms: list[str], indexes: list[LexicalIndex]) -> dict[str, float]:
    """BM25 idf of each query term over all layers together."""
    n = sum(ix.n_docs for ix in indexes)
    out = {}
    for term in set(terms):
        df = sum(ix.df(term) for ix in indexes)
        out[term] = float(np.log(1.0 + (n - df + 0.5) / (df + 0.5))) if df else 0.0
    return out
