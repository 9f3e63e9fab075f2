"""Plain-text diff report: ANSI colours in a terminal, visible [-deleted-]{+added+} marks when piped."""
from __future__ import annotations

from ..revision.types import Alignment, Change
from .diff_common import (change_parts, number_table, pair_body, pair_heading,
                          signal_items, split_lines, summary_line, titles)

DEL, INS, BOLD, DIM, RESET = "\x1b[9;31m", "\x1b[1;4;32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _marked(changes: list[Change], color: bool) -> str:
    out: list[str] = []
    for c in changes:
        if c.op == "equal":
            out.append(c.new)
            continue
        old, new, ws = change_parts(c)
        if color:
            out.append((f"{DEL}{old}{RESET}" if old else "") + (" " if old and new else "")
                       + (f"{INS}{new}{RESET}" if new else "") + ws)
        else:
            out.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else "") + ws)
    return "".join(out)


def render_diff_text(al: Alignment, old_name: str | None = None, new_name: str | None = None,
                     color: bool = False) -> str:
    b = (lambda s: f"{BOLD}{s}{RESET}") if color else (lambda s: s)
    a, n = titles(al, old_name, new_name)
    lines = [b(f"drafter diff: {a} -> {n}"), f"Summary: {summary_line(al)}"]
    if al.identical:
        return "\n".join(lines) + "\n"
    table = number_table(al)
    if table:
        lines += ["", b("Numbering (old -> new)")]
        width = max(len(o) for o, _, _ in table) if table else 0
        for old, new, status in table:
            if not new:
                lines.append(f"  {old:<{width}}    deleted")
            elif not old:
                lines.append(f"  {'':<{width}}    {new} added")
            else:
                lines.append(f"  {old:<{width}} -> {new}" + (f"  ({status})" if status != "unchanged" else ""))
    signals = signal_items(al)
    if signals:
        lines += ["", b("Signals")]
        lines += [f"  {head}: {text}" for head, text in signals]
    lines += ["", b("Changes")]
    for p in al.changed_pairs():
        if p.status == "unchanged":
            continue
        lines += ["", b(pair_heading(p))]
        for label, changes in pair_body(p):
            for k, line in enumerate(split_lines(changes)):
                text = _marked(line, color)
                if text.strip():
                    lines.append("  " + (label if k == 0 else "") + text)
    if not color:
        lines += ["", "Legend: [-deleted-] {+added+}"]
    return "\n".join(lines) + "\n"
