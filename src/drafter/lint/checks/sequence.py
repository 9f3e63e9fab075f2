"""Also/further series. Openers are compared with the adverb removed; a series runs
bare -> also -> further, after which the same opener may start again bare."""
from __future__ import annotations

from . import kind
from .util import Opener, case_like


def _series(ctx):
    """(paragraph, opener) per part, in order, for paragraphs with a detected opener."""
    for part in (ctx.preamble, ctx.operative):
        yield [(p, ctx.opener(p)) for p in part]


def _same(a: Opener | None, b: Opener | None, exact: bool = False) -> bool:
    if a is None or b is None or not a.norm or not b.norm:
        return False
    if a.norm == b.norm:
        return True
    return not exact and (a.norm.startswith(b.norm + " ") or b.norm.startswith(a.norm + " "))


def _bare(o: Opener) -> str:
    """The opener without its adverb, capitalised as an opener ("Also noting" -> "Noting")."""
    return case_like(o.text, " ".join(w for w in o.text.split() if w.lower() not in ("also", "further")))


@kind("adverb_position")
def adverb_position(ctx) -> None:
    place = ctx.params["place"]  # "after" (preamble) or "before" (operative)
    paras = ctx.preamble if ctx.params["part"] == "preambular" else ctx.operative
    for p in paras:
        o = ctx.opener(p)
        if o is None or o.adverb is None:
            continue
        words = o.text.split()
        rest = [w for i, w in enumerate(words) if i != o.adverb_index]
        if place == "after" and o.adverb_index == 0 and len(words) > 1:
            good = case_like(words[0], " ".join(rest) + " " + o.adverb)
            ctx.report(p, f"'{o.text}': in the preamble the adverb follows the opener: write '{good}'",
                       o.start, o.end, fix=good)
        elif place == "before" and o.adverb_index > 0:
            good = o.adverb.capitalize() + " " + case_like("a", " ".join(rest))
            ctx.report(p, f"'{o.text}': in the operative part the adverb comes first: write '{good}'",
                       o.start, o.end, fix=good)


@kind("sequence")
def sequence(ctx) -> None:
    aspect = ctx.params["aspect"]
    for series in _series(ctx):
        prev: Opener | None = None
        seen_also = False
        has_prev = False
        for p, o in series:
            in_run = _same(o, prev)
            if not in_run:
                seen_also = False
            if o is None:
                prev, has_prev = None, True
                continue
            if aspect == "not_consecutive" and o.adverb and not in_run and (prev or not has_prev):
                after = f"follows '{prev.text}'" if prev else "opens its part"
                ctx.report(p, f"'{o.text}' {after}: 'also'/'further' only right after the same "
                              f"opener ('{_bare(o)}')", o.start, o.end)
            elif aspect == "order" and o.adverb and in_run:
                word = o.text.split()[o.adverb_index]
                if o.adverb == "further" and not seen_also:
                    ctx.report(p, f"'{o.text}' right after the bare opener: the series runs bare, "
                                  "'also', then 'further'", o.start, o.end,
                               fix=_swap(o, word, "also"))
                elif o.adverb == "also" and seen_also:
                    ctx.report(p, f"second '{o.text}' in a series: the next one takes 'further'",
                               o.start, o.end, fix=_swap(o, word, "further"))
            elif aspect == "repeated_bare" and not o.adverb and prev is not None and \
                    _same(o, prev, exact=True) and prev.adverb != "further":
                if prev.adverb is None:
                    good = ("Also " + case_like("a", o.text)) if p.kind.value == "operative" \
                        else o.text + " also"
                else:
                    good = ("Further " + case_like("a", o.text)) if p.kind.value == "operative" \
                        else o.text + " further"
                ctx.report(p, f"'{o.text}' repeats the opener of the previous paragraph: "
                              f"consider '{good}'", o.start, o.end)
            if o.adverb == "also":
                seen_also = True
            elif o.adverb is None and in_run and prev.adverb == "further":
                seen_also = False  # a new series starts bare after "further"
            prev, has_prev = o, True


def _swap(o: Opener, word: str, new: str) -> str:
    words = o.text.split()
    words[o.adverb_index] = case_like(word, new)
    return " ".join(words)
