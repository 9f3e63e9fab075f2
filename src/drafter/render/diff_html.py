"""HTML diff report: one self-contained file (inline CSS, no scripts or links), readable
offline and printable, with <del>/<ins> styled as in negotiation texts."""
from __future__ import annotations

from html import escape

from ..revision.types import Alignment, Change
from .diff_common import (change_parts, number_table, pair_body, pair_heading,
                          signal_items, split_lines, summary_items, titles)

DASH = "\u2013"
CSS = """
body{font:15px/1.5 "Times New Roman",Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.35em;margin-bottom:.2em}h2{font-size:1.1em;border-bottom:1px solid #999;margin-top:1.6em}
.sub{color:#555;font-size:.9em}
del{color:#b00020;text-decoration:line-through;background:#fde8ea}
ins{color:#0b4f9c;text-decoration:underline;font-weight:bold;background:#e6f0fb}
table{border-collapse:collapse;font:13px/1.4 system-ui,sans-serif}td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}
.counts span{display:inline-block;margin-right:.8em;font:13px system-ui,sans-serif;padding:1px 6px;border-radius:3px;background:#eee}
.pair{margin:1em 0;page-break-inside:avoid}.pair h3{font:600 13px system-ui,sans-serif;margin:0 0 .2em;color:#333}
.pair p{margin:.2em 0 .2em 1.5em}.signals li{margin:.15em 0}
td.s-added,span.s-added,.s-added h3{color:#0b4f9c}td.s-deleted,span.s-deleted,.s-deleted h3{color:#b00020}
td.s-moved,span.s-moved,.s-moved h3,td.s-moved\\+edited,span.s-moved\\+edited,.s-moved\\+edited h3{color:#7a4b00}
@media print{body{margin:0;max-width:none}del{background:none}ins{background:none}}
"""


def _marked(changes: list[Change]) -> str:
    out: list[str] = []
    for c in changes:
        if c.op == "equal":
            out.append(escape(c.new))
            continue
        old, new, ws = change_parts(c)
        out.append((f"<del>{escape(old)}</del>" if old else "") + (" " if old and new else "")
                   + (f"<ins>{escape(new)}</ins>" if new else "") + escape(ws))
    return "".join(out)


def render_diff_html(al: Alignment, old_name: str | None = None, new_name: str | None = None) -> str:
    a, n = titles(al, old_name, new_name)
    title = al.new.title or al.old.title or ""
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         f"<title>Changes: {escape(a)} \u2192 {escape(n)}</title>", f"<style>{CSS}</style></head><body>",
         f"<h1>Changes: {escape(a)} \u2192 {escape(n)}</h1>",
         f'<div class="sub">{escape(title)}</div>']
    if al.identical:
        h.append("<p><strong>No changes.</strong></p></body></html>")
        return "\n".join(h) + "\n"
    h.append('<h2>Summary</h2><div class="counts">' + "".join(
        f'<span class="s-{k}">{v} {k}</span>' for k, v in summary_items(al)) + "</div>")
    table = number_table(al)
    if table:
        h.append("<h2>Numbering</h2><table><tr><th>Old</th><th>New</th><th>Status</th></tr>")
        h += [f'<tr><td>{escape(o) or DASH}</td><td>{escape(w) or DASH}</td>'
              f'<td class="s-{s}">{s if s != "unchanged" else "renumbered"}</td></tr>' for o, w, s in table]
        h.append("</table>")
    signals = signal_items(al)
    if signals:
        h.append('<h2>Signals</h2><ul class="signals">')
        h += [f"<li><strong>{escape(head)}:</strong> {escape(text)}</li>" for head, text in signals]
        h.append("</ul>")
    h.append("<h2>Changes</h2><p class=\"sub\">Deletions <del>struck through</del>, additions "
             "<ins>bold and underlined</ins>.</p>")
    for p in al.changed_pairs():
        if p.status == "unchanged":
            continue
        h.append(f'<div class="pair s-{p.status}"><h3>{escape(pair_heading(p))}</h3>')
        for label, changes in pair_body(p):
            for k, line in enumerate(split_lines(changes)):
                text = _marked(line)
                if text.strip():
                    h.append(f"<p>{escape(label) if k == 0 else ''}{text}</p>")
        h.append("</div>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"
