"""Match two sequences of text units (paragraphs, or subparagraphs) into groups.

Texts are compared word by word (each distinct word coded as one character): the mean of
rapidfuzz's in-order ratio and the Dice overlap of the word sets, nudged by part, opener and
relative position. A text found once on each side is paired at once; for the rest, scipy's
``linear_sum_assignment`` keeps confident pairs, splits and merges then grow from the pairs
(an unmatched neighbour is absorbed when joining it makes the texts clearly more alike), and
weaker pairs are accepted last, with a bar that rises with the distance moved.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

STRONG = 0.7  # pairs this alike are matched before splits and merges are looked for
THRESHOLD = 0.55  # text similarity below which two units in place are not the same paragraph
MOVE_PENALTY = 0.5  # the bar rises by this much per whole-document distance moved
JOIN_GAIN = 0.06  # how much a split/merge must improve similarity to be believed
JOIN_MIN = 0.6

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    """What matching looks at: normalised text, part ("preambular"...), normalised opener."""

    text: str
    kind: str = ""
    opener: str = ""


@dataclass
class Group:
    olds: list[int] = field(default_factory=list)
    news: list[int] = field(default_factory=list)
    similarity: float = 0.0


def normalise_text(text: str) -> str:
    """Lower-case words only: punctuation and spacing never make two paragraphs differ."""
    return " ".join(_WORDS.findall(text.lower()))


class _Codes:
    """Each distinct word becomes one character, so ratios run over words, not letters:
    several times faster on long paragraphs, and a word replaced costs the same whatever its length."""

    def __init__(self) -> None:
        self.vocab = _Vocab()

    def __call__(self, text: str) -> str:
        return "".join(map(self.vocab.__getitem__, text.split()))


class _Vocab(dict):
    def __missing__(self, word: str) -> str:
        code = self[word] = chr(0x4E00 + len(self))
        return code


def _sim_codes(a: str, b: str) -> float:
    if a == b:
        return 1.0
    sa, sb = set(a), set(b)
    return (fuzz.ratio(a, b) / 100.0 + 2 * len(sa & sb) / (len(sa) + len(sb))) / 2.0


def similarity(a: str, b: str) -> float:
    """Text similarity in [0, 1] of two normalised texts: word-level ratio, in order and sorted."""
    codes = _Codes()
    return _sim_codes(codes(a), codes(b))


def _word_sets(texts: list[str], width: int):
    """0/1 sparse matrix: row = text, column = word code."""
    from scipy.sparse import csr_matrix
    arrs = [np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32) - 0x4E00 for t in texts]
    rows = np.repeat(np.arange(len(texts)), [len(x) for x in arrs])
    cols = np.concatenate(arrs) if arrs else np.zeros(0, dtype=np.uint32)
    m = csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(texts), width))
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def _bag_dice(a: list[str], b: list[str]) -> np.ndarray:
    """Dice coefficient of the word sets of every pair, as one sparse matrix product."""
    width = max((ord(max(t)) for t in a + b if t), default=0x4E00) - 0x4E00 + 1
    ma, mb = _word_sets(a, width), _word_sets(b, width)
    inter = (ma @ mb.T).toarray()
    na = np.asarray(ma.getnnz(axis=1), dtype=np.float32)[:, None]
    nb = np.asarray(mb.getnnz(axis=1), dtype=np.float32)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num(2 * inter / (na + nb), nan=1.0)


def similarity_matrix(a: list[str], b: list[str]) -> np.ndarray:
    """Pairwise similarity of word-coded texts (see ``_Codes``): in-order ratio and word bag."""
    r = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    return (r + _bag_dice(a, b)) / 2.0


class _LazyCodes:
    """Word codes of units, computed on first use (most paragraphs never need them)."""

    def __init__(self, units: list[Unit], codes: _Codes) -> None:
        self.units, self.codes, self.cache = units, codes, {}

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, i: int) -> str:
        if i not in self.cache:
            self.cache[i] = self.codes(self.units[i].text)
        return self.cache[i]


def match_units(old: list[Unit], new: list[Unit]) -> list[Group]:
    """Groups covering every old and new index once; unmatched units get one-sided groups.

    A text found exactly once on each side is the same paragraph. Among the rest, confident
    1:1 pairs come first, then splits and merges grow from all pairs, and only then are
    weaker pairs accepted among what is left, with a bar that rises with the distance moved:
    unrelated paragraphs of one resolution share enough vocabulary to look half alike.
    """
    codes = _Codes()
    old_c, new_c = _LazyCodes(old, codes), _LazyCodes(new, codes)
    count_old = Counter(u.text for u in old)
    count_new = Counter(u.text for u in new)
    unique_new = {u.text: j for j, u in enumerate(new) if count_new[u.text] == 1}
    groups = [Group([i], [unique_new[u.text]], 1.0) for i, u in enumerate(old)
              if count_old[u.text] == 1 and u.text in unique_new]
    rest_old = [i for i in range(len(old)) if i not in {g.olds[0] for g in groups}]
    taken = {g.news[0] for g in groups}
    rest_new = [j for j in range(len(new)) if j not in taken]
    if rest_old and rest_new:
        sim = similarity_matrix([old_c[i] for i in rest_old], [new_c[j] for j in rest_new])
        po = np.array(rest_old) / max(len(old) - 1, 1)
        pn = np.array(rest_new) / max(len(new) - 1, 1)
        dist = np.abs(po[:, None] - pn[None, :])
        score = sim - 0.05 * np.sqrt(dist)  # concave: one long move beats many short shifts
        score += 0.03 * (np.array([old[i].kind for i in rest_old])[:, None]
                         == np.array([new[j].kind for j in rest_new])[None, :])
        score += 0.02 * (np.array([old[i].opener for i in rest_old])[:, None]
                         == np.array([new[j].opener for j in rest_new])[None, :])
        rows, cols = linear_sum_assignment(-score)
        groups += [Group([rest_old[a]], [rest_new[b]], float(sim[a, b])) for a, b in zip(rows, cols)
                   if sim[a, b] >= STRONG]
        _absorb(groups, old_c, new_c)
        used_old = {i for g in groups for i in g.olds}
        used_new = {j for g in groups for j in g.news}
        left_old = [a for a, i in enumerate(rest_old) if i not in used_old]
        left_new = [b for b, j in enumerate(rest_new) if j not in used_new]
        if left_old and left_new:
            sub = score[np.ix_(left_old, left_new)]
            for x, y in zip(*linear_sum_assignment(-sub)):
                a, b = left_old[x], left_new[y]
                if sim[a, b] >= THRESHOLD + MOVE_PENALTY * dist[a, b]:
                    groups.append(Group([rest_old[a]], [rest_new[b]], float(sim[a, b])))
    else:
        _absorb(groups, old_c, new_c)
    used_old = {i for g in groups for i in g.olds}
    used_new = {j for g in groups for j in g.news}
    groups += [Group([i], [], 0.0) for i in range(len(old)) if i not in used_old]
    groups += [Group([], [j], 0.0) for j in range(len(new)) if j not in used_new]
    return groups


def _joined(units, idx: list[int]) -> str:
    return "".join(units[i] for i in sorted(idx))


def _absorb(groups: list[Group], old: _LazyCodes, new: _LazyCodes) -> None:
    """Split/merge detection: grow groups by adjacent unmatched units while similarity gains."""
    changed = True
    while changed:
        changed = False
        used_old = {i for g in groups for i in g.olds}
        used_new = {j for g in groups for j in g.news}
        free_new = [j for j in range(len(new)) if j not in used_new]
        free_old = [i for i in range(len(old)) if i not in used_old]
        for g in groups:
            for side in ("news", "olds"):
                own = getattr(g, side)
                other = g.olds if side == "news" else g.news
                if len(other) != 1:
                    continue  # a group is 1:n or n:1, never n:m
                free = free_new if side == "news" else free_old
                for cand in (min(own) - 1, max(own) + 1):
                    if cand not in free:
                        continue
                    trial = own + [cand]
                    if side == "news":
                        s = _sim_codes(_joined(old, g.olds), _joined(new, trial))
                    else:
                        s = _sim_codes(_joined(old, trial), _joined(new, g.news))
                    if s >= JOIN_MIN and s >= g.similarity + JOIN_GAIN:
                        own.append(cand)
                        own.sort()
                        free.remove(cand)
                        g.similarity = s
                        changed = True
        # an unmatched old paragraph covered by two consecutive unmatched new ones (or vice versa)
        for i in free_old:
            for j in free_new:
                if j + 1 in free_new and _sim_codes(old[i], _joined(new, [j, j + 1])) >= max(JOIN_MIN, THRESHOLD):
                    groups.append(Group([i], [j, j + 1], _sim_codes(old[i], _joined(new, [j, j + 1]))))
                    return _absorb(groups, old, new)
        for j in free_new:
            for i in free_old:
                if i + 1 in free_old and _sim_codes(_joined(old, [i, i + 1]), new[j]) >= max(JOIN_MIN, THRESHOLD):
                    groups.append(Group([i, i + 1], [j], _sim_codes(_joined(old, [i, i + 1]), new[j])))
                    return _absorb(groups, old, new)


def stable_subset(keys: list[tuple[int, int]]) -> set[int]:
    """Indices (into ``keys``, sorted by old position) of a longest increasing run of new positions.

    Pairs outside it are the ones that genuinely moved; renumbering alone moves nothing.
    """
    order = sorted(range(len(keys)), key=lambda k: keys[k][0])
    seq = [keys[k][1] for k in order]
    tails: list[int] = []  # index into seq of the smallest tail of each length
    prev = [-1] * len(seq)
    tail_vals: list[int] = []
    for pos, v in enumerate(seq):
        at = bisect.bisect_left(tail_vals, v)
        if at == len(tail_vals):
            tail_vals.append(v)
            tails.append(pos)
        else:
            tail_vals[at] = v
            tails[at] = pos
        prev[pos] = tails[at - 1] if at else -1
    keep: set[int] = set()
    pos = tails[-1] if tails else -1
    while pos >= 0:
        keep.add(order[pos])
        pos = prev[pos]
    return keep
