"""The generic check kinds rule files configure (``check: {kind: …}``).

Each kind is a function ``check(ctx)`` reading ``ctx.params`` and calling ``ctx.report``;
:func:`kind` registers it under its YAML name.
"""
from __future__ import annotations

from typing import Callable

KINDS: dict[str, Callable] = {}


def kind(name: str):
    def register(fn):
        KINDS[name] = fn
        return fn
    return register


from . import (citations, footnotes, italics, openers, patterns, punctuation,  # noqa: E402,F401
               sequence, structure)
