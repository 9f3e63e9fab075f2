"""Lineage of paragraphs through several versions (L -> Rev.1 -> Rev.2 ...).

Each paragraph of the first version (and each paragraph that appears later) is an identity;
consecutive versions are aligned and identities follow their pairs, through splits and
merges, until they are dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Resolution
from .align import align
from .types import Alignment


@dataclass
class Lineage:
    """``rows[i].cells[k]`` is where identity ``i`` stands in version ``k`` (None: not there)."""

    versions: list[str]
    rows: list["LineageRow"] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)

    def table(self) -> list[list[str]]:
        """Rows of strings for display: one column per version, with what happened there."""
        out = []
        for row in self.rows:
            cells = []
            for k, (cell, status) in enumerate(zip(row.cells, row.statuses)):
                if cell is None:
                    cells.append("deleted" if status == "deleted" else "")
                elif status in ("", "unchanged"):
                    cells.append(cell)
                else:
                    cells.append(f"{cell} ({status})")
            out.append(cells)
        return out


@dataclass
class LineageRow:
    first_version: int
    cells: list[str | None]
    statuses: list[str]


def history(docs: list[Resolution], names: list[str] | None = None) -> Lineage:
    """Follow every paragraph's identity through ``docs`` (oldest first)."""
    names = names or [d.meta.symbol or d.path or f"V{k + 1}" for k, d in enumerate(docs)]
    n = len(docs)
    lineage = Lineage(list(names))
    if not docs:
        return lineage
    first = list(docs[0].addressed())
    ids_at: dict[int, set[int]] = {}
    for i, (addr, _) in enumerate(first):
        lineage.rows.append(LineageRow(0, [addr] + [None] * (n - 1), [""] * n))
        ids_at[i] = {i}
    for k in range(1, n):
        al = align(docs[k - 1], docs[k])
        lineage.alignments.append(al)
        next_ids: dict[int, set[int]] = {}
        for pair in al.pairs:
            ids: set[int] = set()
            for i in pair.old_index:
                ids |= ids_at.get(i, set())
            if not pair.old_index:
                ids = {len(lineage.rows)}
                lineage.rows.append(LineageRow(k, [None] * n, [""] * n))
            for ident in ids:
                row = lineage.rows[ident]
                if row.cells[k] and pair.new_label:  # the halves of an earlier split
                    row.cells[k] = f"{row.cells[k]} + {pair.new_label}"
                    row.statuses[k] = row.statuses[k] if row.statuses[k] == pair.status else "edited"
                else:
                    row.cells[k] = pair.new_label
                    row.statuses[k] = pair.status
            for j in pair.new_index:
                next_ids[j] = set(ids)
        ids_at = next_ids
    return lineage
