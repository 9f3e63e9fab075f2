"""Synthetic revisions with known answers, to measure how well alignment recovers them.

``mutate`` applies the edits co-sponsors make (move, split, merge, reword, insert, delete;
renumbering follows) to a real resolution and returns the new version together with the
true old->new groups. ``recovered`` compares an alignment with that truth.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from ..model import Kind, Paragraph, Resolution, Run
from .types import Alignment

EDITS = ("move", "split", "merge", "reword", "insert", "delete")
_SUB = re.compile(r"^\(([a-z]{1,4})\)\s+")
_PHRASES = ("as appropriate, ", "within existing resources, ", "on a voluntary basis, ",
            "in accordance with national legislation, ", "upon request, ")
_OPENERS = {"operative": ["Encourages", "Invites", "Urges", "Calls upon", "Requests", "Recommends"],
            "preambular": ["Recalling", "Recognizing", "Noting", "Reaffirming", "Stressing"]}

Truth = set[tuple[tuple[int, ...], tuple[int, ...]]]


def _paragraph(rec: dict, kind: Kind, number: str | None) -> Paragraph:
    first, *rest = rec["text"].split("\n")
    subs = []
    for line in rest:
        m = _SUB.match(line)
        subs.append(Paragraph(Kind.SUBPARAGRAPH, (Run(line[m.end():] if m else line),), m.group(1) if m else None))
    return Paragraph(kind, (Run(first),), number, rec.get("opener"), tuple(subs))


def resolution_from_records(records: list[dict]) -> Resolution:
    """A resolution rebuilt from corpus paragraph records (one symbol)."""
    pps = [r for r in records if r["kind"] == "preambular"]
    ops = [r for r in records if r["kind"] == "operative"]
    return Resolution(title=records[0].get("title"),
                      preamble=tuple(_paragraph(r, Kind.PREAMBULAR, None) for r in pps),
                      operative=tuple(_paragraph(r, Kind.OPERATIVE, str(i)) for i, r in enumerate(ops, 1)))


def load_resolutions(path: str | Path, min_paragraphs: int = 6) -> list[Resolution]:
    """Resolutions in a corpus JSONL file (grouped by symbol, in file order)."""
    by_symbol: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            by_symbol[rec["symbol"]].append(rec)
    return [replace(resolution_from_records(recs), path=sym) for sym, recs in by_symbol.items()
            if len(recs) >= min_paragraphs]


def _reword(text: str, kind: str, rng: random.Random) -> str:
    words = text.split(" ")
    choice = rng.random()
    if choice < 0.35 and len(words) > 3:  # another opener
        return rng.choice([o for o in _OPENERS[kind] if not text.startswith(o)]) + " " + " ".join(words[1:])
    if choice < 0.7:  # insert a qualifier
        at = rng.randrange(1, max(2, len(words) - 1))
        return " ".join(words[:at] + [rng.choice(_PHRASES).strip()] + words[at:])
    if len(words) > 12:  # drop a few words
        at = rng.randrange(2, len(words) - 4)
        return " ".join(words[:at] + words[at + rng.randint(1, 3):])
    return text.rstrip(",;.") + ", as appropriate" + text[len(text.rstrip(",;.")):]


def mutate(doc: Resolution, rng: random.Random, n_edits: int = 5,
           donors: list[Paragraph] | None = None) -> tuple[Resolution, Truth]:
    """A new version of ``doc`` after ``n_edits`` random edits, with the true groups."""
    items = [(p, (i,), False) for i, p in enumerate(doc.preamble + doc.operative)]  # para, origin, structural
    for _ in range(n_edits):
        edit = rng.choice(EDITS)
        idx = [k for k, (_, o, s) in enumerate(items) if len(o) == 1 and not s]
        if not idx:
            break
        k = rng.choice(idx)
        p, origin, _ = items[k]
        same = [j for j, (q, _, _) in enumerate(items) if q.kind == p.kind]
        if edit == "move" and len(same) > 3:
            del items[k]
            targets = [j for j in range(min(same), max(same)) if abs(j - k) > 1 and not _glued(items, j)]
            items.insert(rng.choice(targets) if targets else k, (p, origin, True))
        elif edit == "reword":
            items[k] = (p.with_text((Run(_reword(p.text, p.kind.value, rng)),)), origin, items[k][2])
        elif edit == "insert" and donors:
            new = rng.choice(donors)
            at = rng.choice(same) + 1
            if not _glued(items, at):
                items.insert(at, (replace(new, kind=p.kind), (), True))
        elif edit == "delete" and len(items) > 4:
            del items[k]
        elif edit == "split" and not p.subparagraphs and len(p.text) > 160:
            cuts = [m.start() for m in re.finditer(r", ", p.text) if 60 < m.start() < len(p.text) - 60]
            if cuts:
                c = rng.choice(cuts)
                rest = re.sub(r"^(?:and|or) ", "", p.text[c + 2:])
                a = p.with_text((Run(p.text[:c] + ";"),))
                b = p.with_text((Run("Also " + rest[:1].lower() + rest[1:]),), opener=None)
                items[k:k + 1] = [(a, origin, True), (b, origin, True)]
        elif edit == "merge" and k + 1 < len(items) and items[k + 1][0].kind == p.kind:
            q, o2, s2 = items[k + 1]
            if o2 == (origin[0] + 1,) and not s2 and not p.subparagraphs and not q.subparagraphs:
                text = p.text.rstrip(",;.") + ", and " + q.text[:1].lower() + q.text[1:]
                items[k:k + 2] = [(p.with_text((Run(text),)), origin + o2, True)]
    return _assemble(doc, items)


def _glued(items, at: int) -> bool:
    """True when ``at`` falls between the two halves of a split (nothing is put there)."""
    return 0 < at < len(items) and items[at - 1][1] == items[at][1] != ()


def _assemble(doc: Resolution, items) -> tuple[Resolution, Truth]:
    pps = [p for p, _, _ in items if p.kind is Kind.PREAMBULAR]
    ops = [replace(p, number=str(n)) for n, p in enumerate((p for p, _, _ in items if p.kind is Kind.OPERATIVE), 1)]
    order = [id(p) for p, _, _ in items if p.kind is Kind.PREAMBULAR] + \
            [id(p) for p, _, _ in items if p.kind is Kind.OPERATIVE]
    new_pos = {pid: n for n, pid in enumerate(order)}
    groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
    truth: Truth = set()
    for p, origin, _ in items:
        if origin:
            groups[origin].append(new_pos[id(p)])
        else:
            truth.add(((), (new_pos[id(p)],)))
    truth |= {(o, tuple(sorted(n))) for o, n in groups.items()}
    kept = {i for o in groups for i in o}
    truth |= {((i,), ()) for i in range(len(doc.preamble) + len(doc.operative)) if i not in kept}
    return replace(doc, preamble=tuple(pps), operative=tuple(ops)), truth


def predicted(al: Alignment) -> Truth:
    return {(tuple(p.old_index), tuple(p.new_index)) for p in al.pairs}


def recovered(al: Alignment, truth: Truth) -> tuple[int, int]:
    """(true groups found exactly, true groups)."""
    return len(truth & predicted(al)), len(truth)


def edited_truth(truth: Truth) -> Truth:
    """The groups an edit touched (not a 1:1 pair at the same position)."""
    return {g for g in truth if len(g[0]) != 1 or len(g[1]) != 1 or g[0] != g[1]}


def donors_from(docs: Iterable[Resolution]) -> list[Paragraph]:
    return [p for d in docs for p in d.operative if not p.subparagraphs]
