"""Lineage table for ``drafter history``: one row per paragraph identity, one column per version."""
from __future__ import annotations

import json

from ..revision.history import Lineage


def _columns(lineage: Lineage) -> tuple[list[str], list[list[str]]]:
    header = ["#"] + [f"V{k + 1}" for k in range(len(lineage.versions))]
    rows = [[str(n)] + cells for n, cells in enumerate(lineage.table(), 1)]
    return header, rows


def render_history(lineage: Lineage, fmt: str = "text") -> str:
    header, rows = _columns(lineage)
    if fmt == "json":
        return json.dumps({"versions": lineage.versions,
                           "paragraphs": [{"first_version": r.first_version + 1, "cells": r.cells,
                                           "statuses": r.statuses} for r in lineage.rows],
                           "summaries": [al.summary for al in lineage.alignments]},
                          ensure_ascii=False, indent=2) + "\n"
    legend = [f"V{k + 1} = {name}" for k, name in enumerate(lineage.versions)]
    if fmt == "md":
        out = ["# Paragraph history", ""] + [f"- {line}" for line in legend] + [""]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        out += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]
        return "\n".join(out) + "\n"
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = legend + ["", line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    added = sum(1 for r in lineage.rows if r.first_version > 0)
    dropped = sum(1 for r in lineage.rows if "deleted" in r.statuses)
    out += ["", f"{len(lineage.rows)} paragraphs followed; {added} added after V1; {dropped} dropped."]
    return "\n".join(out) + "\n"
