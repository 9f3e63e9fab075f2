"""Inline markup shared by the importers: ``*italic*``, ``[^1]`` and superscript indicators."""
from __future__ import annotations

import re

from ..model import FootnoteRef, Inline, Run, merge_runs

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}
_TOKEN = re.compile(r"\\(.)|\[\^([^\]\s]+)\]|([" + SUPERSCRIPT + r"]+)|(\*)", re.S)


def sup_to_digits(s: str) -> str:
    return "".join(_SUP_TO_DIGIT[c] for c in s)


def digits_to_sup(s: str) -> str:
    return "".join(SUPERSCRIPT[int(c)] for c in s)


def parse_inline(text: str) -> tuple[Inline, ...]:
    """Parse one block of inline Markdown into runs; ``*`` toggles italics, ``\\`` escapes."""
    runs: list[Inline] = []
    buf: list[str] = []
    italic = False
    pos = 0

    def flush() -> None:
        if buf:
            runs.append(Run("".join(buf), italic))
            buf.clear()

    for m in _TOKEN.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        escaped, caret, sup, star = m.groups()
        if escaped is not None:
            buf.append(escaped)
        elif caret is not None:
            flush()
            runs.append(FootnoteRef(caret))
        elif sup is not None:
            flush()
            runs.append(FootnoteRef(sup_to_digits(sup)))
        elif star:
            flush()
            italic = not italic
    buf.append(text[pos:])
    flush()
    return merge_runs(runs)


_ESCAPE = re.compile(r"([\\*" + SUPERSCRIPT + r"]|\[(?=\^))")


def render_inline(runs: tuple[Inline, ...]) -> str:
    """Inverse of :func:`parse_inline` for runs in normal form."""
    out: list[str] = []
    for r in runs:
        if isinstance(r, FootnoteRef):
            out.append(f"[^{r.id}]")
        else:
            text = _ESCAPE.sub(r"\\\1", r.text)
            out.append(f"*{text}*" if r.italic else text)
    return "".join(out)
