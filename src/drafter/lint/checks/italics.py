"""Italics: the opener (with its adverb and modifier) is italic, its object is not; Latin is roman."""
from __future__ import annotations

from ...model import Run
from . import kind
from .util import head_index, italic_prefix, italicise_prefix, italics_lost


def _italic_prefix(ctx, p) -> int:
    text = ctx.text(p)
    lead = len(text) - len(text.lstrip())
    return max(0, italic_prefix(p) - lead)


def _needed(o, phrasal) -> int:
    """How much of the opener must be italic: its adverbs and head word, the particle of a
    phrasal verb ("Calls upon"), and a sequencing adverb placed after the head. Complements
    that real texts italicize inconsistently ("Stresses the need") are not required."""
    words = o.text.split()
    h = head_index(words)
    end = h
    if h + 1 < len(words) and f"{words[h]} {words[h + 1]}".lower() in phrasal:
        end = h + 1
    if o.adverb_index > end:
        end = o.adverb_index
    return len(" ".join(words[:end + 1]))


@kind("opener_italic")
def opener_italic(ctx) -> None:
    phrasal = {w.lower() for w in ctx.params.get("phrasal", [])}
    paras = list(ctx.operative)
    if not (ctx.params.get("skip_preamble_italics_lost_in_plain_text") and italics_lost(ctx)):
        paras = list(ctx.preamble) + paras
    for p in paras:
        o = ctx.opener(p)
        if o is None:
            continue
        have = _italic_prefix(ctx, p)
        need = _needed(o, phrasal)
        if have >= need:
            continue
        edit = italicise_prefix(ctx.map(p), o.end) if o.start == 0 else None
        what = "is not in italics" if have == 0 else "is only partly in italics"
        _report(ctx, p, o, f"opener '{o.text}' {what}: write '*{o.text}*'", edit)


def _report(ctx, p, o, msg, edit) -> None:
    if edit is not None:
        ctx.report(p, msg, joined=edit[0], fix=edit[1])
    else:
        ctx.report(p, msg, o.start, o.end)


@kind("italic_scope")
def italic_scope(ctx) -> None:
    objects = {w.lower() for w in ctx.params.get("object_words", [])}
    modifiers = {w.lower() for w in ctx.params.get("modifier_words", [])}
    for p in ctx.tops:
        o = ctx.opener(p)
        if o is None or o.start != 0:
            continue
        have = _italic_prefix(ctx, p)
        if have <= o.end:
            continue
        extra = ctx.text(p)[o.end:have].strip(" ,;:")
        if not extra:
            continue
        first, *rest = extra.split()
        if first.lower() in modifiers or not (first.lower() in objects or first[:1].isupper()):
            continue
        if first.lower() == "with" and rest and rest[0].lower() in modifiers:
            continue
        edit = italicise_prefix(ctx.map(p), o.end)
        _report(ctx, p, o, f"italics run on past the opener into '{extra}': only '{o.text}' is "
                           "italic, the object and its preposition stay roman", edit)


@kind("italic_words")
def italic_words(ctx) -> None:
    words = {w.lower() for w in ctx.params["words"]}
    for p in ctx.body:
        pos = 0
        for r in p.runs:
            if not isinstance(r, Run):
                continue
            if r.italic and r.text.strip(" ,;:.").lower() in words and pos > 0:
                m = ctx.map(p)
                it = next((i for i in (m.italics if m and m.exact else ()) if i.start == pos), None)
                msg = f"'{r.text.strip()}' is common Latin: write it in roman type"
                if it is not None:
                    ctx.report(p, msg, joined=(it.raw_start, it.raw_end),
                               fix=m.joined[it.raw_start + 1:it.raw_end - 1])
                else:
                    ctx.report(p, msg, pos, pos + len(r.text))
            pos += len(r.text)
