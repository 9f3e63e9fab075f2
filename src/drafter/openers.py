"""Recognise a paragraph's opener (leading verb or participle phrase) from lexicon plus morphology.

Used by the importers for texts that lost their italics, and by lint. The lexicon is data
(``styles/lexicon/openers.yml``); morphology covers the open set of rarer forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .resources import styles_dir

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class Lexicon:
    preambular: tuple[str, ...]
    operative: tuple[str, ...]
    intensifiers: tuple[str, ...]
    sequence_adverbs: tuple[str, ...]
    particles: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((styles_dir() / "lexicon" / "openers.yml").read_text(encoding="utf-8"))
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731  longest match first
    return Lexicon(
        preambular=by_len(data["preambular"]),
        operative=by_len(data["operative"]),
        intensifiers=by_len(data["intensifiers"]),
        sequence_adverbs=tuple(data["sequence_adverbs"]),
        particles=by_len(data["particles"]),
    )


def _starts(text: str, phrase: str) -> bool:
    return text.startswith(phrase) and (len(text) == len(phrase) or not text[len(phrase)].isalpha())


def _key(text: str) -> str:
    """The leading run of letters: a phrase can only start ``text`` if their keys are equal."""
    i = 0
    n = len(text)
    while i < n and text[i].isalpha():
        i += 1
    return text[:i]


@dataclass(frozen=True)
class _Index:
    """Lexicon phrases grouped by leading word, each group in the lexicon's (longest-first) order.

    ``exact[key]`` holds the phrases whose own key is ``key``; ``folded[key.lower()]`` the
    phrases whose key matches case-insensitively (for the lower-case forms after an intensifier).
    Looking up a group instead of scanning the lexicon gives the same first match, faster.
    """

    exact: dict
    folded: dict


def _index(phrases: tuple[str, ...]) -> _Index:
    exact: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    for ph in phrases:
        exact.setdefault(_key(ph), []).append(ph)
        folded.setdefault(_key(ph).lower(), []).append(ph)
    return _Index({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in folded.items()})


@lru_cache(maxsize=1)
def _indexes() -> tuple[_Index, _Index, _Index, _Index]:
    lex = lexicon()
    return (_index(lex.preambular), _index(lex.operative), _index(lex.intensifiers),
            _index((*lex.sequence_adverbs, *lex.particles)))


def _first_match(text: str, index: _Index, folded: bool) -> str | None:
    """First phrase (in lexicon order) with ``_starts(text, phrase)``, or with its lower-case form
    when ``folded``: what a scan of the whole lexicon returns."""
    key = _key(text)
    if not folded:
        return next((ph for ph in index.exact.get(key, ()) if _starts(text, ph)), None)
    return next((ph for ph in index.folded.get(key.lower(), ())
                 if _starts(text, ph) or _starts(text, ph.lower())), None)


def _take_particles(text: str, pos: int, lex: Lexicon) -> int:
    """Extend an opener over particles ("upon", "with concern") and sequence adverbs."""
    index = _indexes()[3]
    while text.startswith(" ", pos):
        word = _first_match(text[pos + 1:], index, False)
        if word is None:
            break
        pos += 1 + len(word)
    return pos


def looks_preambular(word: str) -> bool:
    w = word.lower()
    return w.endswith("ing") or w.endswith("ed") or w in _PP_ADJECTIVES


def looks_operative(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_VERBS


_PP_ADJECTIVES = {"aware", "mindful", "conscious", "convinced", "cognizant", "desirous",
                  "determined", "resolved", "committed", "alarmed", "confident", "concerned",
                  "anxious", "appreciative", "grateful", "sure", "certain"}
_NOT_VERBS = {"states", "nations", "this", "its", "has", "was", "is", "as", "thus", "members",
              "governments", "parties", "countries", "always", "perhaps", "unless"}


def detect_opener(text: str, kind: str | None = None) -> str | None:
    """The opener at the start of ``text`` for a ``kind`` ("preambular"/"operative"/None = either).

    Returns the exact prefix of ``text`` (e.g. "Recalling also", "Bearing in mind",
    "Calls upon"), or None when the paragraph does not open with a recognisable opener.
    """
    lex = lexicon()
    text = text.lstrip()
    # 1. lexicon phrase, possibly after intensifiers ("Deeply concerned", "Also requests")
    pre_ix, op_ix, int_ix, _ = _indexes()
    indexes = {"preambular": (pre_ix,), "operative": (op_ix,)}.get(kind or "", (pre_ix, op_ix))
    pos = 0
    for _ in range(2):
        rest = text[pos:] if pos else text
        for index in indexes:
            phrase = _first_match(rest, index, bool(pos))
            if phrase is not None:
                return text[: _take_particles(text, pos + len(phrase), lex)]
        hit = _first_match(rest, int_ix, bool(pos))
        if not hit or not text.startswith(" ", pos + len(hit)):
            break
        pos += len(hit) + 1
    # 2. morphology: [intensifiers] head-word [particles]
    words = list(_WORD.finditer(text[:80]))
    if not words or not words[0].group().istitle() and not words[0].group()[0].isupper():
        return None
    i = 0
    while i < len(words) - 1 and (words[i].group() in lex.intensifiers or
                                  words[i].group().capitalize() in lex.intensifiers or
                                  words[i].group().endswith("ly")):
        if text[words[i].end():words[i + 1].start()] != " ":
            break
        i += 1
    head = words[i].group()
    if i and text[words[i - 1].end():words[i].start()] != " ":
        return None
    ok_pp = looks_preambular(head) and kind in (None, "preambular")
    ok_op = looks_operative(head) and kind in (None, "operative")
    if not (ok_pp or ok_op):
        return None
    return text[: _take_particles(text, words[i].end(), lex)]


def normalise(opener: str) -> str:
    """Opener with also/further/again removed and case folded: compares series members."""
    lex = lexicon()
    words = [w for w in opener.split() if w.lower() not in lex.sequence_adverbs]
    return " ".join(words).lower()
