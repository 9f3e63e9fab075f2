"""Apply safe fixes to the source text, repeating until nothing changes (so fixing is idempotent).

Each finding with a fix replaces exactly its span. Overlapping fixes in one pass are resolved
by keeping the first; the next pass re-lints and picks up the rest.
"""
from __future__ import annotations

import difflib

from .finding import Finding

MAX_PASSES = 8


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply the safe fixes of ``findings`` to ``text``; returns (new text, number applied)."""
    starts = _offsets(text)

    def off(line: int, col: int) -> int:
        return min(starts[line - 1] + col - 1, len(text)) if 0 < line <= len(starts) else len(text)

    edits = sorted({(off(f.line, f.column), off(f.end_line, f.end_column), f.fix)
                    for f in findings if f.fix is not None and f.safe})
    chosen: list[tuple[int, int, str]] = []
    end = -1
    for a, b, repl in edits:
        if a >= end and (not chosen or a > chosen[-1][0] or b > a):
            chosen.append((a, b, repl))
            end = b if b > a else a + 1
    out = text
    for a, b, repl in reversed(chosen):
        out = out[:a] + repl + out[b:]
    return out, len(chosen)


def fix_until_stable(text: str, lint_fn) -> str:
    """``lint_fn(text) -> findings``; apply safe fixes pass after pass until none applies."""
    for _ in range(MAX_PASSES):
        new, n = apply_fixes(text, lint_fn(text))
        if not n or new == text:
            return text
        text = new
    return text


def unified_diff(old: str, new: str, path: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"))
