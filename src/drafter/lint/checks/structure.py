"""Structure: organ line, order of the parts, operative numbering, sponsor line."""
from __future__ import annotations

import re

from . import kind
from .util import italics_lost

_XREF = re.compile(r"paragraph(?<=\bparagraph)s? \d+")  # \bparagraphs? \d+, literal first


@kind("organ_line")
def organ_line(ctx) -> None:
    doc, bodies = ctx.doc, ctx.params.get("bodies", [])
    organ = doc.organ
    if organ is None:
        if ctx.tops:
            ctx.report(ctx.tops[0], f"no organ line before the first paragraph: expected "
                                    f"'*{bodies[0]}*,' on its own line" if bodies else "no organ line")
        return
    if bodies and organ.name not in bodies:
        ctx.report(organ, f"organ line names '{organ.name}': expected the exact body name, "
                          f"e.g. '{bodies[0]}'")
    skip = ctx.params.get("skip_italics_lost_in_plain_text") and italics_lost(ctx)
    if not organ.italic and not skip:
        m = ctx.map(organ)
        fix = f"*{organ.name}*{organ.punctuation}"
        ctx.report(organ, f"organ line is not in italics: expected '{fix}'",
                   joined=(0, len(m.joined)) if m else None, fix=fix)


@kind("organ_comma")
def organ_comma(ctx) -> None:
    organ = ctx.doc.organ
    if organ is None:
        return
    want = "," if ctx.preamble else ""
    if organ.punctuation == want:
        return
    m = ctx.map(organ)
    n = len(m.joined) if m else 0
    span = (n - len(organ.punctuation), n)
    if want:
        got = f"ends with '{organ.punctuation}'" if organ.punctuation else "has no comma"
        msg = f"organ line {got}: a preamble follows, so it ends with a comma"
    else:
        msg = "organ line has a comma but no preamble follows: drop it"
    ctx.report(organ, msg, joined=span if m else None, fix=want)


@kind("part_order")
def part_order(ctx) -> None:
    ops = [p for p in ctx.operative if p.source]
    if not ops:
        return
    first = min(p.source.line for p in ops)
    for p in ctx.preamble:
        if p.source and p.source.line > first:
            ctx.report(p, "preambular paragraph after the first operative paragraph: "
                          "move it up into the preamble")


@kind("op_numbering")
def op_numbering(ctx) -> None:
    ops = ctx.operative
    if len(ops) < 2:
        return
    xrefs = _XREF.search(ctx.body_text) is not None
    i = 0
    for k, p in enumerate(ops):
        i += 1
        if p.number == "1" and i > 1 and ctx.params.get("sections_restart", True):
            i = 1  # a new section (I, II …) of a long resolution numbers from 1 again
        if p.number == str(i):
            continue
        m = ctx.map(p)
        if p.number is None:
            nxt = next((q.number for q in ops[k + 1:] if q.number is not None), None)
            inserted = nxt == str(i)  # numbering goes on as if it were not there
            ctx.report(p, f"operative paragraph {'after ' + str(i - 1) if inserted else i} has no "
                          f"number{'' if inserted else f': expected {i}.'}",
                       joined=(0, 0) if m else None, fix=None if xrefs or inserted else f"{i}. ")
            if inserted:
                i -= 1
            continue
        note = " (update the cross-references too)" if xrefs else ""
        span = m.label_span if m is not None and m.label_span else None
        ctx.report(p, f"operative paragraph {i} is numbered '{p.number}.': expected '{i}.'{note}",
                   joined=span, fix=None if xrefs or span is None else str(i))


@kind("single_op")
def single_op(ctx) -> None:
    ops = ctx.operative
    if len(ops) == 1 and ops[0].number is not None:
        m = ctx.map(ops[0])
        ctx.report(ops[0], f"the only operative paragraph is numbered '{ops[0].number}.': "
                           "a lone operative paragraph is unnumbered",
                   joined=(0, m.body_start) if m else None, fix="")


@kind("sponsor_line")
def sponsor_line(ctx) -> None:
    sponsors = list(ctx.doc.meta.sponsors)
    if not sponsors:
        return
    line = 1
    for n, text in enumerate(ctx.lines or (), 1):
        if sponsors[0] in text:
            line = n
            break
    with_the = [s for s in sponsors if s.lower().startswith("the ")]
    if with_the:
        ctx.report_doc(f"sponsor '{with_the[0]}' is written with 'the': list States without it", line)
    key = [s.lower().removeprefix("the ") for s in sponsors]
    if key != sorted(key):
        ctx.report_doc("sponsors are not in English alphabetical order: expected "
                       + ", ".join(sorted(sponsors, key=lambda s: s.lower().removeprefix("the "))), line)
