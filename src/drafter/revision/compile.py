"""Compilation text for informal negotiations: one base text, every delegation's proposals.

Each proposal is aligned with the base. Untouched paragraphs stay plain; a paragraph that
one delegation (or several, identically) changed shows the changes inline and attributed,
"[EU: ~~old~~ **new**]"; competing wordings of one paragraph follow it as Alt 1 / Alt 2.
New paragraphs stand after the base paragraph they follow in the proposal.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Kind, Paragraph, Resolution
from ..parse.inline import render_inline
from .align import align, opener_of
from .redline import split_ws
from .types import Change, Pair


@dataclass
class Compilation:
    base: Resolution
    delegations: list[str]
    edits: dict[int, list[tuple[str, Pair]]] = field(default_factory=dict)  # base index -> proposals
    insertions: dict[int, list[tuple[str, Pair]]] = field(default_factory=dict)  # after base index


def compile_text(base: Resolution, proposals: list[Resolution], names: list[str] | None = None) -> Compilation:
    """Collect every proposal's changes against ``base``, keyed by base paragraph."""
    names = names or [p.meta.delegation or p.path or f"Proposal {k}" for k, p in enumerate(proposals, 1)]
    comp = Compilation(base, list(names))
    for name, prop in zip(names, proposals):
        al = align(base, prop)
        old_of_new = {j: min(p.old_index) for p in al.pairs for j in p.new_index if p.old_index}
        for pair in al.pairs:
            if pair.old_index and pair.status != "unchanged":
                comp.edits.setdefault(min(pair.old_index), []).append((name, pair))
            elif not pair.old_index:
                before = [old_of_new[j] for j in range(min(pair.new_index)) if j in old_of_new]
                comp.insertions.setdefault(max(before) if before else -1, []).append((name, pair))
    return comp


def _marks(changes: tuple[Change, ...] | list[Change], who: str | None, opener: str | None = None) -> str:
    out: list[str] = []
    for n, c in enumerate(changes):
        if c.op == "equal":
            text = c.new
            if n == 0 and opener and text.startswith(opener):
                text = f"*{opener}*{text[len(opener):]}"
            out.append(text)
            continue
        old, _ = split_ws(c.old)
        new, ws = split_ws(c.new)
        if c.op == "delete":
            ws = split_ws(c.old)[1]
        body = " ".join(x for x in (f"~~{old}~~" if old else "", f"**{new}**" if new else "") if x)
        out.append((f"[{who}: {body}]" if who else body) + ws)
    return "".join(out)


def _label(p: Paragraph) -> str:
    if p.kind in (Kind.SUBPARAGRAPH, Kind.RECOMMENDATION):
        return f"({p.number}) "
    return f"{p.number}. " if p.number else ""


def _plain_blocks(p: Paragraph) -> list[str]:
    return [_label(p) + render_inline(p.runs)] + [b for s in p.subparagraphs for b in _plain_blocks(s)]


def _pair_blocks(pair: Pair, who: str | None, base: Paragraph, numbered: bool = True) -> list[str]:
    """The base paragraph with one proposal's changes marked (attributed when ``who``)."""
    if not pair.new_paragraphs:
        return [f"[{who}: delete] " * bool(who) + f"~~{_label(base)}{base.full_text}~~".replace("\n", "~~\n\n~~")]
    new = pair.new_paragraphs
    note = ""
    if pair.status in ("moved", "moved+edited"):
        note = f"[{who}: move to {pair.new_label}] " if who else f"(moved to {pair.new_label}) "
    elif pair.status == "split":
        note = f"[{who}: split into {pair.new_label}] " if who else f"(split into {pair.new_label}) "
    elif pair.status == "merged":
        note = f"[{who}: merge {pair.old_label}] " if who else f"(merges {pair.old_label}) "
    blocks = [(_label(base) if numbered else "") + note + _marks(pair.changes, who, opener_of(base))]
    for sub in pair.subpairs:
        ref = sub.old_paragraphs[0] if sub.old_paragraphs else sub.new_paragraphs[0]
        if sub.status == "unchanged":
            blocks.extend(_plain_blocks(ref))
        elif not sub.old_paragraphs:
            text = sub.new_paragraphs[0].text
            blocks.append(f"({ref.number}) " + (f"[{who}: **{text}**]" if who else f"**{text}**"))
        else:
            blocks.append(_label(ref) + _marks(sub.changes, who))
    if len(new) == 1 and len(pair.old_paragraphs) == 1 and not pair.subpairs and new[0].subparagraphs:
        blocks.extend(f"[{who}: **{b}**]" if who else f"**{b}**" for s in new[0].subparagraphs
                      for b in _plain_blocks(s))
    return blocks


def _merged_into(base_index: int, comp: Compilation) -> list[str]:
    return [f"{who}: merged into {pair.old[0]}" for plist in comp.edits.values() for who, pair in plist
            if base_index in pair.old_index[1:]]


def render_compilation(comp: Compilation) -> str:
    """Markdown compilation text (deletions ~~struck~~, additions **bold**, attributed)."""
    doc = comp.base
    blocks: list[str] = []
    if doc.title:
        blocks.append(f"# {doc.title}")
    blocks.append(f"*Compilation of proposals by: {', '.join(comp.delegations)}. "
                  "Deletions ~~struck through~~, additions in **bold**, each attributed in brackets.*")
    if doc.organ is not None:
        blocks.append((f"*{doc.organ.name}*" if doc.organ.italic else doc.organ.name) + doc.organ.punctuation)
    paras = [p for _, p in doc.addressed()]
    addresses = [a for a, _ in doc.addressed()]

    def insert_after(i: int) -> None:
        for who, pair in comp.insertions.get(i, []):
            where = f"after {addresses[i]}" if i >= 0 else "before the first paragraph"
            for q in pair.new_paragraphs:
                first, *rest = _plain_blocks(q)
                blocks.append(f"[{who}: new paragraph {where}] **{first}**")
                blocks.extend(f"**{b}**" for b in rest)

    insert_after(-1)
    for i, p in enumerate(paras):
        merged = _merged_into(i, comp)
        proposals = comp.edits.get(i, [])
        groups: dict[tuple, list[tuple[str, Pair]]] = {}
        for who, pair in proposals:
            key = (pair.status == "deleted", tuple(q.full_text for q in pair.new_paragraphs))
            groups.setdefault(key, []).append((who, pair))
        if merged and not proposals:
            blocks.extend(_plain_blocks(p))
            blocks[-1] += f" [{'; '.join(merged)}]"
        elif not groups:
            blocks.extend(_plain_blocks(p))
        elif len(groups) == 1:
            whos, pairs = zip(*next(iter(groups.values())))
            blocks.extend(_pair_blocks(pairs[0], ", ".join(whos), p))
        else:
            blocks.extend(_plain_blocks(p))
            for n, members in enumerate(groups.values(), 1):
                whos = ", ".join(w for w, _ in members)
                alt = _pair_blocks(members[0][1], None, p, numbered=False)
                blocks.append(f"**Alt {n}** [{whos}]: " + alt[0])
                blocks.extend(alt[1:])
        insert_after(i)
    for fn in doc.footnotes:
        blocks.append(f"[^{fn.id}]: {render_inline(fn.runs)}")
    return "\n\n".join(blocks) + "\n"
