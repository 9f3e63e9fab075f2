"""Word-level redline: tokens, not characters, so "urges" -> "invites" is one word replaced.

Tokens are words (with inner hyphens, apostrophes and slashes: "S-30/1", "drug-related") or
single punctuation marks, each carrying its trailing whitespace. Tokens are compared without
that whitespace, so a reflowed line is not a change.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .types import Change

_TOKEN = re.compile(r"\s+|[\w\u00C0-\u024F]+(?:[-'’/.][\w\u00C0-\u024F]+)*\s*|[^\w\s]\s*")


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text``."""
    return _TOKEN.findall(text)


def redline(old_text: str, new_text: str) -> list[Change]:
    """Token-level changes turning ``old_text`` into ``new_text`` (equal stretches included)."""
    if old_text == new_text:
        return [Change("equal", old_text, new_text)] if old_text else []
    a, b = tokenize(old_text), tokenize(new_text)
    ka, kb = [t.strip() or " " for t in a], [t.strip() or " " for t in b]
    # common head and tail first: edits are local, and difflib is quadratic in what is left
    head = 0
    while head < min(len(ka), len(kb)) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < min(len(ka), len(kb)) - head and ka[-1 - tail] == kb[-1 - tail]:
        tail += 1
    out: list[Change] = [Change("equal", "".join(a[:head]), "".join(b[:head]))] if head else []
    matcher = SequenceMatcher(None, ka[head:len(ka) - tail], kb[head:len(kb) - tail], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append(Change(op, "".join(a[head + i1:head + i2]), "".join(b[head + j1:head + j2])))
    if tail:
        out.append(Change("equal", "".join(a[len(a) - tail:]), "".join(b[len(b) - tail:])))
    return _merge(out)


def _merge(changes: list[Change]) -> list[Change]:
    """Join neighbours of one kind; a delete next to an insert becomes one replace."""
    out: list[Change] = []
    for c in changes:
        if out and out[-1].op != "equal" and c.op != "equal":
            prev = out[-1]
            out[-1] = Change("replace", prev.old + c.old, prev.new + c.new)
        elif out and out[-1].op == c.op == "equal":
            out[-1] = Change("equal", out[-1].old + c.old, out[-1].new + c.new)
        else:
            out.append(c)
    return [Change("replace", c.old, c.new) if c.op == "replace" and c.old and c.new else
            Change("delete", c.old, "") if c.op == "replace" and not c.new else
            Change("insert", "", c.new) if c.op == "replace" and not c.old else c for c in out]


def word_counts(changes: list[Change] | tuple[Change, ...]) -> tuple[int, int]:
    """(words deleted, words inserted) across a redline."""
    dels = sum(len(tokenize(c.old.strip())) for c in changes if c.op in ("delete", "replace"))
    ins = sum(len(tokenize(c.new.strip())) for c in changes if c.op in ("insert", "replace"))
    return dels, ins


def split_ws(s: str) -> tuple[str, str]:
    """(``s`` without trailing whitespace, the trailing whitespace): renderers mark the core only."""
    core = s.rstrip()
    return core, s[len(core):]
