"""Markdown diff report, pastable in an e-mail: ~~deleted~~ **added**."""
from __future__ import annotations

from ..revision.types import Alignment, Change
from .diff_common import (change_parts, number_table, pair_body, pair_heading,
                          signal_items, split_lines, summary_line, titles)


def _esc(s: str) -> str:
    return s.replace("*", "\\*").replace("~", "\\~").replace("|", "\\|")


def _marked(changes: list[Change]) -> str:
    out: list[str] = []
    for c in changes:
        if c.op == "equal":
            out.append(_esc(c.new))
            continue
        old, new, ws = change_parts(c)
        lead = " " if out and out[-1][-1:].isalnum() and not (old or new)[:1].isalnum() else ""
        out.append(lead + " ".join(x for x in (f"~~{_esc(old)}~~" if old else "", f"**{_esc(new)}**" if new else "") if x) + ws)
    return "".join(out)


def render_diff_md(al: Alignment, old_name: str | None = None, new_name: str | None = None) -> str:
    a, n = titles(al, old_name, new_name)
    lines = [f"# Changes: {_esc(a)} -> {_esc(n)}", "", f"**Summary:** {summary_line(al)}"]
    if al.identical:
        return "\n".join(lines) + "\n"
    table = number_table(al)
    if table:
        lines += ["", "## Numbering", "", "| Old | New | Status |", "|---|---|---|"]
        lines += [f"| {o or '–'} | {w or '–'} | {s if s != 'unchanged' else 'renumbered'} |" for o, w, s in table]
    signals = signal_items(al)
    if signals:
        lines += ["", "## Signals", ""]
        lines += [f"- **{head}:** {_esc(text)}" for head, text in signals]
    lines += ["", "## Changes", "", "Deletions are ~~struck through~~, additions in **bold**."]
    for p in al.changed_pairs():
        if p.status == "unchanged":
            continue
        lines += ["", f"### {pair_heading(p)}", ""]
        body = []
        for label, changes in pair_body(p):
            for k, line in enumerate(split_lines(changes)):
                text = _marked(line)
                if text.strip():
                    body.append((label if k == 0 else "") + text)
        lines.append("\n\n".join(body))
    return "\n".join(lines) + "\n"
