"""Italics: the opener (with its adverb and modifier) is italic, its object is not; Latin is roman."""
from __future__ import annotations

from ...model import Run
from . import kind
from .util import italicise_prefix, italics_lost, opener


def _italic_prefix(p) -> int:
    """Length of the italic text the paragraph starts with (0 when it starts roman)."""
    first = next((r for r in p.runs if isinstance(r, Run)), None)
    if not first or not first.italic:
        return 0
    lead = len(p.text) - len(p.text.lstrip())
    return len(first.text) - lead if first.text.strip() else 0


def _needed(o, optional) -> int:
    """Opener length that must be italic: trailing optional particles may stay roman."""
    words = o.text.split()
    while len(words) > 1 and words[-1].lower() in optional:
        words.pop()
    return len(" ".join(words))


@kind("opener_italic")
def opener_italic(ctx) -> None:
    optional = {w.lower() for w in ctx.params.get("optional_particles", [])}
    phrasal = [w.lower() for w in ctx.params.get("phrasal", [])]
    paras = list(ctx.doc.operative)
    if not (ctx.params.get("skip_preamble_italics_lost_in_plain_text") and italics_lost(ctx)):
        paras = list(ctx.doc.preamble) + paras
    for p in paras:
        o = opener(p)
        if o is None:
            continue
        have = _italic_prefix(p)
        need = len(o.text) if any(o.text.lower().startswith(ph) for ph in phrasal) else _needed(o, optional)
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
        o = opener(p)
        if o is None or o.start != 0:
            continue
        have = _italic_prefix(p)
        if have <= o.end:
            continue
        extra = p.text[o.end:have].strip(" ,;:")
        if not extra:
            continue
        first = extra.split()[0]
        if first.lower() in modifiers or not (first.lower() in objects or first[:1].isupper()):
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
