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


def _take_particles(text: str, pos: int, lex: Lexicon) -> int:
    """Extend an opener over particles ("upon", "with concern") and sequence adverbs."""
    changed = True
    while changed:
        changed = False
        rest = text[pos:]
        if not rest.startswith(" "):
            break
        for word in (*lex.sequence_adverbs, *lex.particles):
            if _starts(rest[1:], word):
                pos += 1 + len(word)
                changed = True
                break
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
    pools = {"preambular": (lex.preambular,), "operative": (lex.operative,)}.get(
        kind or "", (lex.preambular, lex.operative))
    # 1. lexicon phrase, possibly after intensifiers ("Deeply concerned", "Also requests")
    pos = 0
    for _ in range(2):
        for pool in pools:
            for phrase in pool:
                if _starts(text[pos:], phrase) or (pos and _starts(text[pos:], phrase.lower())):
                    return text[: _take_particles(text, pos + len(phrase), lex)]
        hit = next((w for w in lex.intensifiers if _starts(text[pos:], w)
                    or (pos and _starts(text[pos:], w.lower()))), None)
        if not hit or not text[pos + len(hit):].startswith(" "):
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
