"""Revision tracking between versions of a draft: alignment, redlines, history, compilation.

Public API (used by the CLI, the TUI and the .docx tracked-changes export)::

    align(old, new) -> Alignment          # pairs with addresses, status, similarity, changes
    redline(old_text, new_text) -> list[Change]
    history([v1, v2, v3]) -> Lineage
    compile_text(base, proposals) -> Compilation; render_compilation(comp) -> Markdown
"""
from __future__ import annotations

from .align import align
from .compile import Compilation, compile_text, render_compilation
from .history import Lineage, history
from .redline import redline, tokenize
from .signals import opener_level, opener_shift, references
from .types import STATUSES, Alignment, Change, OpenerShift, Pair, Signals, TextChange

__all__ = ["align", "redline", "tokenize", "history", "compile_text", "render_compilation",
           "Alignment", "Pair", "Change", "Signals", "TextChange", "OpenerShift", "Lineage",
           "Compilation", "STATUSES", "opener_level", "opener_shift", "references"]
