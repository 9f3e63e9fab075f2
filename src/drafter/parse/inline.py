"""Inline markup shared by the importers: ``*italic*``, ``[^1]`` and superscript indicators."""
from __future__ import annotations

import re

from ..model import FootnoteRef, Inline, Run, merge_runs

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}
_SPECIAL = re.compile(r"[\\*\[" + SUPERSCRIPT + r"]")  # a superset of what _TOKEN can match
_TOKEN = re.compile(r"\\(.)|\[\^([^\]\s]+)\]|([" + SUPERSCRIPT + r"]+)|(\*)", re.S)


def sup_to_digits(s: str) -> str:
    return "".join(_SUP_TO_DIGIT[c] for c in s)


def digits_to_sup(s: str) -> str:
    return "".join(SUPERSCRIPT[int(c)] for c in s)


def parse_inline(text: str) -> tuple[Inline, ...]:
    """Parse one block of inline Markdown into runs; ``*`` toggles italics, ``\\`` escapes."""
    if _SPECIAL.search(text) is None:  # most text: one roman run (what the loop below returns)
        return (Run(text),) if text else ()
    runs: list[Inline] = []
    buf: list[str] = []
    italic = False
    pos = 0
    for m in _TOKEN.finditer(text):
        start = m.start()
        if start > pos:
            buf.append(text[pos:start])
        pos = m.end()
        group = m.lastindex
        if group == 1:  # escaped character
            buf.append(m.group(1))
            continue
        if buf:
            runs.append(Run("".join(buf), italic))
            buf = []
        if group == 4:
            italic = not italic
        elif group == 2:
            runs.append(FootnoteRef(m.group(2)))
        else:
            runs.append(FootnoteRef(sup_to_digits(m.group(3))))
    if pos < len(text):
        buf.append(text[pos:])
    if buf:
        runs.append(Run("".join(buf), italic))
    return merge_runs(runs)


_NEEDS_ESCAPE = _SPECIAL  # a superset of what _ESCAPE can match
_ESCAPE = re.compile(r"([\\*" + SUPERSCRIPT + r"]|\[(?=\^))")


def render_inline(runs: tuple[Inline, ...]) -> str:
    """Inverse of :func:`parse_inline` for runs in normal form."""
    out: list[str] = []
    for r in runs:
        if isinstance(r, FootnoteRef):
            out.append(f"[^{r.id}]")
        else:
            text = _ESCAPE.sub(r"\\\1", r.text) if _NEEDS_ESCAPE.search(r.text) else r.text
            out.append(f"*{text}*" if r.italic else text)
    return "".join(out)
