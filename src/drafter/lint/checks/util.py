"""Small helpers shared by the check kinds: openers, footnote indicators, end-of-text fixes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import FootnoteRef, Paragraph, Run
from functools import lru_cache

from ...openers import detect_opener, lexicon

SEQ_ADVERBS = ("also", "further")
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


def rstrip_visible(text: str) -> str:
    """``text`` without trailing spaces and invisible marks (left-to-right marks, zero-width
    spaces) that Word and PDF copies leave after the last punctuation mark."""
    text = text.rstrip()
    while text and text[-1] in _INVISIBLE:
        text = text.rstrip(_INVISIBLE).rstrip()
    return text


@dataclass(frozen=True)
class Opener:
    text: str  # as written, e.g. "Encourages also"
    start: int  # plain offset in the paragraph
    adverb: str | None  # "also" / "further" when present
    adverb_index: int  # word index of the adverb (-1 when none)
    norm: str  # lower case, adverbs removed: compares members of a series

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@lru_cache(maxsize=4096)
def _detect(head: str, kind: str | None) -> str | None:
    return detect_opener(head, kind)


def detect(text: str, kind: str | None = None) -> str | None:
    """:func:`drafter.openers.detect_opener` on the paragraph's start, memoized (the TUI lints
    the same paragraphs on every keystroke)."""
    return _detect(text[:160], kind)


def opener(p: Paragraph, text: str | None = None) -> Opener | None:
    """The opener of ``p`` as written (``text`` is ``p.text`` when the caller has it)."""
    if not p.opener:
        return None
    text = p.text if text is None else text
    start = len(text) - len(text.lstrip())
    if not text.startswith(p.opener, start):
        k = text.find(p.opener)
        if k < 0:
            return None
        start = k
    words = p.opener.split()
    if p.kind.value == "operative" and len(words) > 1 and words[-1].lower() in SEQ_ADVERBS:
        # "*Encourages* further efforts": an adjective on the object, not the series adverb
        italic = italic_prefix(p)
        outside = italic and italic < start + len(" ".join(words))
        if outside or (not italic and words[-1].lower() == "further"):
            words = words[:-1]
    text_ = " ".join(words)
    idx = next((i for i, w in enumerate(words) if w.lower() in SEQ_ADVERBS), -1)
    adverb = words[idx].lower() if idx >= 0 else None
    norm = " ".join(w for w in words if w.lower() not in lexicon().sequence_adverbs).lower()
    return Opener(text_, start, adverb, idx, norm)


def italic_prefix(p: Paragraph) -> int:
    """Length of the italic text the paragraph starts with, leading spaces included (0 if roman)."""
    first = next((r for r in p.runs if isinstance(r, Run)), None)
    if not first or not first.italic or not first.text.strip():
        return 0
    return len(first.text)


def head_index(words: list[str]) -> int:
    """Index of the opener's head word, after intensifiers and sequencing adverbs."""
    lead = {w.lower() for w in lexicon().intensifiers} | set(lexicon().sequence_adverbs) | {"once"}
    i = 0
    while i < len(words) - 1 and (words[i].lower() in lead or words[i].lower().endswith("ly")):
        i += 1
    return i


def strip_intensifiers(phrase: str) -> str:
    """Opener without leading intensifiers/sequence adverbs ("Deeply concerned" -> "concerned")."""
    lex = lexicon()
    lead = {w.lower() for w in lex.intensifiers} | set(lex.sequence_adverbs)
    words = phrase.split()
    while len(words) > 1 and (words[0].lower() in lead or words[0].lower().endswith("ly")):
        words = words[1:]
    if len(words) > 1 and words[0].lower() == "once" and words[1].lower() == "again":
        words = words[2:] or words
    return " ".join(words)


_SORTED: dict[int, tuple] = {}


def _first_word(low: str) -> str:
    return low.split(" ", 1)[0]


def starts_with_any(phrase: str, forms) -> str | None:
    """The longest of ``forms`` that ``phrase`` starts with (whole words, any case).

    Forms are indexed by their first word (a match must share it), longest first, once per
    list: lexicons hold hundreds of forms and this runs several times per paragraph."""
    key = id(forms)
    cached = _SORTED.get(key)
    if cached is None or cached[0] is not forms:
        index: dict[str, list[tuple[str, str]]] = {}
        for f in sorted(forms, key=len, reverse=True):
            index.setdefault(_first_word(f.lower()), []).append((f, f.lower()))
        cached = _SORTED[key] = (forms, index)
    low = phrase[:120].lower()
    for f, fl in cached[1].get(_first_word(low), ()):
        if low.startswith(fl) and (len(low) == len(fl) or low[len(fl)] == " "):
            return f
    return None


def ref_offsets(p: Paragraph) -> list[tuple[str, int]]:
    """(footnote id, plain offset) for every indicator in the paragraph's own runs."""
    out, pos = [], 0
    for r in p.runs:
        if isinstance(r, FootnoteRef):
            out.append((r.id, pos))
        elif isinstance(r, Run):
            pos += len(r.text)
    return out


def report_ref(ctx, obj, fid: str, at: int, message: str) -> None:
    """Report on an indicator: its exact raw span when the map has it, else the words before."""
    m = ctx.map(obj)
    if m is not None and m.exact:
        ref = next((r for r in m.refs if r.id == fid and r.at == at), None)
        if ref:
            ctx.report(obj, message, joined=(ref.raw_start, ref.raw_end))
            return
    a = max(0, at - 12)
    ctx.report(obj, message, a, at)


def end_fix(ctx, obj, text: str, expected: str, replaceable: str, message: str) -> None:
    """Report that ``text`` (plain) should end with ``expected``, with an italics-aware fix."""
    body = rstrip_visible(text)
    n = len(body)
    if not n:
        return
    last = body[-1]
    m = ctx.map(obj)
    if last in replaceable:
        ctx.report(obj, message, n - 1, n, fix=expected)
        return
    it = next((i for i in (m.italics if m and m.exact else ()) if i.end == n), None)
    if it is not None:
        ctx.report(obj, message, joined=(it.raw_end, it.raw_end), fix=expected)
    else:
        ctx.report(obj, message, n - 1, n, fix=last + expected)


def italicise_prefix(m, k: int) -> tuple[tuple[int, int], str] | None:
    """Raw edit making exactly the first ``k`` plain characters italic, or None if unsafe."""
    if m is None or not m.exact or k <= 0 or k > len(m.plain):
        return None
    end = k
    for it in m.italics:
        if it.start < end < it.end:
            end = it.end
    j_end = m.pmap[end - 1] + 1
    closing = next((it for it in m.italics if it.end == end), None)
    if closing is not None:
        j_end = closing.raw_end
    region = m.joined[m.body_start:j_end]
    if region.replace("*", "") != m.plain[:end]:
        return None
    new = "*" + m.plain[:k] + "*" + m.plain[k:end]
    return ((m.body_start, j_end), new) if new != region else None


def case_like(model: str, text: str) -> str:
    """``text`` capitalised like ``model`` (first letter only)."""
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    if model[:1].islower():
        return text[:1].lower() + text[1:]
    return text


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
        "nine": "ninth", "twelve": "twelfth"}


def ordinal_words(n: int) -> str:
    if n >= 100 or n <= 0:
        return str(n)
    if n < 20:
        w = _ONES[n]
        return _ORD.get(w, w + "th")
    tens, ones = divmod(n, 10)
    if not ones:
        return _TENS[tens][:-1] + "ieth"
    w = _ONES[ones]
    return f"{_TENS[tens]}-{_ORD.get(w, w + 'th')}"


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_AFTER = re.compile(r"^(?:\s[A-Z](?![\w/-]))?,?\s+of\s+\d{1,2}\s+(?:" + MONTHS + r")\s+\d{4}")


def italics_lost(ctx) -> bool:
    """A plain-text conversion (seed) whose preamble kept no italics: roman there is an artefact."""
    return ctx.plain_text_input and not any(p.opener_italic for p in ctx.preamble)
