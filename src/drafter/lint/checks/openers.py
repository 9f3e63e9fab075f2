"""Openers: form (participle/adjective vs finite verb), unknown forms, Model-UN forms.

Openers are an open set, so form is judged by :func:`drafter.openers.detect_opener`
(lexicon plus morphology); the lexicon only decides whether a well-formed opener is *known*.
"""
from __future__ import annotations

import re

from ...openers import lexicon
from . import kind
from .util import detect, starts_with_any, strip_intensifiers


def _part(ctx):
    return ctx.preamble if ctx.params["part"] == "preambular" else ctx.operative


def _first_words(text: str, n: int = 3) -> str:
    return " ".join(text.split()[:n]).rstrip(",;:")


def to_participle(verb: str) -> str:
    """'Expresses' -> 'Expressing', 'Decides' -> 'Deciding', 'Agrees' -> 'Agreeing'."""
    stem = verb[:-1] if verb.endswith("s") else verb
    if stem.endswith("e") and not stem.endswith("ee"):
        stem = stem[:-1]
    return stem + "ing"


def to_finite(word: str) -> str:
    """'Requesting' -> 'Requests', 'Noting' -> 'Notes', 'Concerned' -> '(a finite verb)'."""
    if not word.endswith("ing"):
        return word
    stem = word[:-3]
    known = {w.split()[0] for w in lexicon().operative}
    for cand in (stem + "s", stem + "es"):
        if cand in known:
            return cand
    return stem + ("es" if stem.endswith(("at", "iz", "is", "ut", "ov", "rg", "ag", "uc", "ud", "id", "c", "s")) else "s")


def _third_person(word: str) -> str | None:
    """'Acknowledge' -> 'Acknowledges' when that is a known operative verb, else None."""
    known = {w.split()[0] for w in lexicon().operative}
    return next((c for c in (word + "s", word + "es") if c in known), None)


@kind("opener_form")
def opener_form(ctx) -> None:
    part = ctx.params["part"]
    if part == "operative" and ctx.declaration_like:
        return
    skip = ctx.params.get("skip", [])
    skip_rx = re.compile(ctx.params["skip_pattern"]) if ctx.params.get("skip_pattern") else None
    for p in _part(ctx):
        text = ctx.text(p).lstrip()
        if not text or detect(text, part) or starts_with_any(text, skip) or \
                (skip_rx and skip_rx.match(text)):
            continue
        shown = p.opener or _first_words(text, 1)
        head = shown.split()[0]
        a = len(ctx.text(p)) - len(text)
        if part == "preambular":
            better = to_participle(head) + shown[len(head):] if head.endswith("s") else None
            hint = f"e.g. '{better}'" if better else "e.g. 'Recalling', 'Deeply concerned'"
            msg = f"'{shown}' does not open a preambular paragraph: use a participle or adjective, {hint}"
        else:
            better = to_finite(head) + shown[len(head):] if head.endswith("ing") else \
                _third_person(head) and _third_person(head) + shown[len(head):]
            hint = f"e.g. '{better}'" if better else "e.g. 'Requests', 'Calls upon'"
            msg = f"'{shown}' does not open an operative paragraph: use a present-tense verb, {hint}"
        ctx.report(p, msg, a, a + len(shown))


@kind("opener_unknown")
def opener_unknown(ctx) -> None:
    part = ctx.params["part"]
    lex = lexicon()
    known = lex.preambular if part == "preambular" else lex.operative
    skip = ctx.params.get("skip", [])
    for p in _part(ctx):
        o = ctx.opener(p)
        text = ctx.text(p).lstrip()
        if o is None or not detect(text, part) or starts_with_any(text, skip):
            continue
        core = strip_intensifiers(" ".join(w for w in o.text.split() if w.lower() not in ("also", "further")))
        if starts_with_any(core, known) or starts_with_any(o.text, known):
            continue
        ctx.report(p, f"opener '{o.text}' is well formed but not in the opener lexicon: check it is "
                      "established UN usage (or add it to styles/lexicon/openers.yml)",
                   o.start, o.end)


@kind("opener_forbidden")
def opener_forbidden(ctx) -> None:
    forms = ctx.params["forms"]
    fixes = ctx.params.get("fixes", {}) or {}
    parts = ctx.params.get("parts", ["preambular", "operative"])
    paras = [p for p in ctx.tops if p.kind.value in parts]
    for p in paras:
        text = ctx.text(p).lstrip()
        hit = starts_with_any(text, forms)
        if not hit or not text[:len(hit)].lower() == hit.lower():
            continue
        a = len(ctx.text(p)) - len(text)
        written = text[:len(hit)]
        good = fixes.get(hit)
        expected = f": write '{good}'" if good else ": use an established opener (see conventions 2.2)"
        ctx.report(p, f"'{written}' is a Model-UN form, not UN usage{expected}", a, a + len(hit),
                   fix=good)
