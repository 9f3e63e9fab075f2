"""What every diff report shows, independent of format: summary, number table, signals, bodies.

Renderers (text, Markdown, HTML, JSON) only decide how a deletion or an addition looks.
"""
from __future__ import annotations

from ..revision.redline import split_ws
from ..revision.types import Alignment, Change, Pair


def change_parts(c: Change) -> tuple[str, str, str]:
    """A non-equal change as (deleted words, added words, the whitespace that follows them)."""
    old, old_ws = split_ws(c.old)
    new, new_ws = split_ws(c.new)
    return old, new, old_ws if c.op == "delete" else new_ws


def summary_items(al: Alignment) -> list[tuple[str, int]]:
    """(label, count) for labels that occur, in the fixed label order."""
    return [(k, v) for k, v in al.summary.items() if v]


def summary_line(al: Alignment) -> str:
    if al.identical:
        return "no changes"
    items = summary_items(al)
    renumbered = sum(1 for p in al.pairs if p.status == "unchanged" and p.renumbered)
    text = ", ".join(f"{v} {k}" for k, v in items)
    return text + (f" ({renumbered} of the unchanged renumbered)" if renumbered else "")


def number_table(al: Alignment) -> list[tuple[str, str, str]]:
    """(old, new, status) for each pair whose number or content changed: the old->new table."""
    rows = []
    for p in al.pairs:
        if p.status == "unchanged" and not p.renumbered:
            continue
        rows.append((p.old_label or "", p.new_label or "", p.status))
    return rows


def signal_items(al: Alignment) -> list[tuple[str, str]]:
    """(heading, plain text) lines for the negotiation signals."""
    s = al.signals
    out: list[tuple[str, str]] = []
    matched = sum(len(p.old) for p in al.pairs if p.old and p.new)
    if al.old.paragraphs and matched < 0.2 * len(al.old.paragraphs):
        out.append(("Warning", f"only {matched} of {len(al.old.paragraphs)} paragraphs have a counterpart: "
                               "are these versions of the same draft?"))
    if s.sponsors_added:
        out.append(("Sponsors added", ", ".join(s.sponsors_added)))
    if s.sponsors_removed:
        out.append(("Sponsors removed", ", ".join(s.sponsors_removed)))
    for where, shift in s.opener_shifts:
        out.append((f"Opener {shift.direction}", f"{where}: \u201c{shift.old}\u201d -> \u201c{shift.new}\u201d"))
    if s.title:
        out.append(("Title changed", f"\u201c{s.title.old or ''}\u201d -> \u201c{s.title.new or ''}\u201d"))
    for fn in s.footnotes:
        text = fn.new if fn.old is None else fn.old if fn.new is None else f"\u201c{fn.old}\u201d -> \u201c{fn.new}\u201d"
        out.append((fn.label.capitalize(), text))
    if s.references_added:
        out.append(("References added", ", ".join(s.references_added)))
    if s.references_removed:
        out.append(("References removed", ", ".join(s.references_removed)))
    return out


def pair_heading(p: Pair) -> str:
    """"OP 11 -> OP 6: moved+edited (similarity 0.99; Urges -> Encourages, softened)"."""
    if p.old and p.new and p.old != p.new:
        head = p.mapping_line()
    else:
        head = p.old_label or p.new_label or ""
    bits = [p.status]
    if p.old and p.new and p.status != "unchanged":
        bits.append(f"similarity {p.similarity:.2f}")
    if p.converted:
        bits.append(p.converted)
    if p.opener_shift:
        bits.append(f"{p.opener_shift.old} -> {p.opener_shift.new}, {p.opener_shift.direction}")
    return f"{head}: " + "; ".join(bits)


def pair_body(p: Pair) -> list[tuple[str, list[Change]]]:
    """Lines of a pair's redline: ("", changes) for the paragraph, ("(a) ", changes) for subparagraphs."""
    lines: list[tuple[str, list[Change]]] = [("", list(p.changes))]
    for sp in p.subpairs:
        ref = (sp.new_paragraphs or sp.old_paragraphs)[0]
        label = f"({ref.number}) " if ref.number else ""
        lines.append((label, list(sp.changes)))
    return lines


def split_lines(changes: list[Change]) -> list[list[Change]]:
    """Break a redline into display lines where either version has a paragraph break
    (subparagraphs, the parts of a split or a merge)."""
    lines: list[list[Change]] = [[]]
    for c in changes:
        olds, news = c.old.split("\n"), c.new.split("\n")
        if c.op == "equal":  # same words: show the breaks of whichever side has more
            shown = news if len(news) >= len(olds) else olds
            pieces = [(t, t) for t in shown]
        else:
            width = max(len(olds), len(news))
            pieces = [(olds[k] if k < len(olds) else "", news[k] if k < len(news) else "") for k in range(width)]
        for k, (o, n) in enumerate(pieces):
            if k:
                lines.append([])
            if c.op == "equal":
                lines[-1].append(Change("equal", o, n))
            elif o or n:
                lines[-1].append(Change("replace" if o and n else "delete" if o else "insert", o, n))
    return lines


def titles(al: Alignment, old_name: str | None, new_name: str | None) -> tuple[str, str]:
    def name(doc, given):
        return given or doc.meta.symbol or doc.path or "?"
    return name(al.old, old_name), name(al.new, new_name)
