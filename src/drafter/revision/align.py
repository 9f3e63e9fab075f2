"""Align two versions of a resolution: which paragraph became which, and how it changed.

Top-level paragraphs of all parts are matched together (a preambular paragraph may become
an operative one), then subparagraphs inside each matched pair. Moves are the pairs outside
a longest increasing subsequence of positions, so renumbering after an insertion moves
nothing and one paragraph moved up is the only one labelled moved.
"""
from __future__ import annotations

from ..model import Kind, Paragraph, Resolution
from ..openers import detect_opener, normalise
from .match import Group, Unit, match_units, normalise_text, stable_subset
from .redline import redline
from .signals import document_signals, opener_shift
from .types import Alignment, Pair


def opener_of(p: Paragraph) -> str | None:
    if p.opener:
        return p.opener
    kind = p.kind.value if p.kind in (Kind.PREAMBULAR, Kind.OPERATIVE) else None
    return detect_opener(p.text, kind)


def _unit(p: Paragraph) -> Unit:
    op = opener_of(p)
    return Unit(normalise_text(p.full_text), p.kind.value, normalise(op) if op else "")


def _joined_text(paras: tuple[Paragraph, ...], own_only: bool) -> str:
    """Text the redline runs over: own text for 1:1 pairs, full text (subparagraphs too) otherwise."""
    return "\n".join(p.text if own_only else p.full_text for p in paras)


def _status(g: Group, moved: bool, edited: bool) -> str:
    if not g.news:
        return "deleted"
    if not g.olds:
        return "added"
    if len(g.news) > 1:
        return "split"
    if len(g.olds) > 1:
        return "merged"
    if moved:
        return "moved+edited" if edited else "moved"
    return "edited" if edited else "unchanged"


def align_paragraphs(old: list[Paragraph], new: list[Paragraph], old_addr: list[str],
                     new_addr: list[str], depth: int = 0) -> list[Pair]:
    """Pairs in reading order of the new version, deletions placed where they stood."""
    groups = match_units([_unit(p) for p in old], [_unit(p) for p in new])
    both = [g for g in groups if g.olds and g.news]
    keys = [(min(g.olds), min(g.news)) for g in both]
    stable = stable_subset(keys)
    rank = {id(g): k for k, g in enumerate(both)}
    pairs: list[tuple[tuple[float, int], Pair]] = []
    # new positions of old paragraphs that stayed in order (moved ones are no landmark)
    new_pos_of_old = {i: min(g.news) for k, g in enumerate(both) if k in stable for i in g.olds}
    for k, g in enumerate(groups):
        ops = tuple(old[i] for i in g.olds)
        nps = tuple(new[j] for j in g.news)
        moved = bool(g.olds and g.news) and rank[id(g)] not in stable
        subpairs: tuple[Pair, ...] = ()
        if len(ops) == 1 and len(nps) == 1 and (ops[0].subparagraphs or nps[0].subparagraphs):
            subpairs = tuple(align_paragraphs(
                list(ops[0].subparagraphs), list(nps[0].subparagraphs),
                [f"{old_addr[g.olds[0]]} ({s.number})" if s.number else f"{old_addr[g.olds[0]]} sub {n}"
                 for n, s in enumerate(ops[0].subparagraphs, 1)],
                [f"{new_addr[g.news[0]]} ({s.number})" if s.number else f"{new_addr[g.news[0]]} sub {n}"
                 for n, s in enumerate(nps[0].subparagraphs, 1)], depth + 1))
        one_to_one = len(ops) == 1 and len(nps) == 1  # then subparagraphs are in subpairs
        changes = tuple(redline(_joined_text(ops, one_to_one), _joined_text(nps, one_to_one)))
        edited = any(c.op != "equal" for c in changes) or any(s.status != "unchanged" for s in subpairs)
        shift = None
        if len(ops) >= 1 and len(nps) >= 1:
            shift = opener_shift(opener_of(ops[0]), opener_of(nps[0]))
        converted = None
        if ops and nps and ops[0].kind != nps[0].kind and depth == 0:
            converted = f"{ops[0].kind.short}->{nps[0].kind.short}"
        sim = 1.0 if (ops and nps and not edited) else round(g.similarity, 3)
        pair = Pair(_status(g, moved, edited), tuple(old_addr[i] for i in g.olds),
                    tuple(new_addr[j] for j in g.news), sim, ops, nps, changes, subpairs, shift,
                    tuple(g.olds), tuple(g.news), converted)
        if g.news:
            key = (float(min(g.news)), 0)
        else:  # a deletion stands after its nearest old predecessor that kept its place
            before = [i for i in range(min(g.olds)) if i in new_pos_of_old]
            key = ((new_pos_of_old[before[-1]] if before else -1) + 0.5, min(g.olds))
        pairs.append((key, pair))
    return [p for _, p in sorted(pairs, key=lambda kp: kp[0])]


def align(old: Resolution, new: Resolution) -> Alignment:
    """Match every paragraph of ``old`` to ``new`` and collect the negotiation signals."""
    oa = list(old.addressed())
    na = list(new.addressed())
    pairs = align_paragraphs([p for _, p in oa], [p for _, p in na],
                             [a for a, _ in oa], [a for a, _ in na])
    return Alignment(old, new, pairs, document_signals(old, new, pairs))
