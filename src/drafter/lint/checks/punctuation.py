"""End punctuation of paragraphs and subparagraphs, and subparagraph labels.

A paragraph with subparagraphs "ends" where its last subparagraph ends, so the end rules look
at the last leaf and the item rule only at the items that are not last: nothing is reported twice.
"""
from __future__ import annotations

import re

from ...model import Kind
from . import kind
from .util import end_fix, rstrip_visible
from ..context import last_leaf

_BAD_LABEL = re.compile(r"^\s*([a-z]{1,4}|[ivx]{1,5})[).]\s")
_WHERE = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}


def _roman(n: int) -> str:
    out = ""
    for v, s in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def _following(ctx) -> dict:
    ops = ctx.doc.operative
    return {id(a): b for a, b in zip(ops, ops[1:])}


@kind("end_punctuation")
def end_punctuation(ctx) -> None:
    target = ctx.params["target"]
    want = ctx.params["expected"]
    replaceable = ctx.params.get("replaceable", ",;.:")
    ops = ctx.operative
    if target != "preambular" and ctx.declaration_like:
        return
    if target == "preambular":
        paras = ctx.preamble
    elif target == "operative":
        paras = ops[:-1]
    else:
        paras = ops[-1:]
    label = {"preambular": "preambular paragraph", "operative": "operative paragraph (not the last)",
             "last_operative": "last operative paragraph"}[target]
    following = _following(ctx)
    for p in paras:
        leaf = last_leaf(p)
        text = rstrip_visible(ctx.text(leaf))
        if not text or text.endswith(want):
            continue
        if text.endswith(":") and id(following.get(id(p))) in ctx.continuations:
            continue  # introduces unlabelled items (a list, a schedule) that follow it
        end = text[-1]
        got = f"ends with '{end}'" if end in _WHERE else "has no closing punctuation"
        end_fix(ctx, leaf, ctx.text(leaf), want, replaceable,
                f"{label} {got}: end it with {_WHERE[want]}")


@kind("subparagraph_intro")
def subparagraph_intro(ctx) -> None:
    for p in ctx.body:
        text = rstrip_visible(ctx.text(p))
        if p.subparagraphs and text and not text.endswith(":"):
            end_fix(ctx, p, ctx.text(p), ":", ",;.", "the text before subparagraphs ends with "
                    f"'{text[-1]}': end it with a colon")


@kind("subparagraph_items")
def subparagraph_items(ctx) -> None:
    for p in ctx.body:
        for child in p.subparagraphs[:-1]:
            leaf = last_leaf(child)
            text = rstrip_visible(ctx.text(leaf))
            if text and not text.endswith(";"):
                end_fix(ctx, leaf, ctx.text(leaf), ";", ",.:", f"subparagraph ({leaf.number}) ends with "
                        f"'{text[-1]}': items before the last end with a semicolon")


@kind("subparagraph_labels")
def subparagraph_labels(ctx) -> None:
    for p in ctx.body:
        level2 = p.kind is Kind.SUBPARAGRAPH
        for i, child in enumerate(p.subparagraphs):
            want = _roman(i + 1) if level2 else (chr(ord("a") + i) if i < 26 else None)
            m = ctx.map(child)
            if want and child.number != want:
                span = m.label_span if m is not None else None
                ctx.report(child, f"subparagraph labelled '({child.number})' is item {i + 1}: "
                                  f"expected '({want})'", joined=span, fix=want if span else None)
            text = ctx.text(child)
            k = len(text) - len(text.lstrip())
            if text[k:k + 1].islower():
                ctx.report(child, f"subparagraph ({child.number}) starts in lower case: "
                                  "capitalize its first word", k, k + 1, fix=text[k].upper())
    for p in ctx.doc.preamble + ctx.doc.operative:  # continuations included: "a) …" is one
        if p.number is None and _BAD_LABEL.match(ctx.text(p)):
            label = _BAD_LABEL.match(ctx.text(p)).group(1)
            ctx.report(p, f"subparagraph label '{ctx.text(p).split()[0]}' is malformed: "
                          f"write '({label})' followed by a capital")
