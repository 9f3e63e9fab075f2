"""Undo and redo as stacks of whole documents (the model is immutable, so this is cheap).

Typing in one paragraph is coalesced into a single undo step: a step is only pushed when the
edit's ``key`` differs from the previous edit's key (another paragraph, a structural edit).
Each step remembers the selection before and after it, so undo and redo land where the change was.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Resolution


@dataclass
class Step:
    doc: Resolution  # the document after the step
    before: int | None  # selection before the step
    after: int | None  # selection after the step
    label: str


@dataclass
class History:
    doc: Resolution
    limit: int = 200
    undo_stack: list[tuple[Resolution, Step]] = field(default_factory=list)
    redo_stack: list[tuple[Resolution, Step]] = field(default_factory=list)
    _last_key: object = None

    def record(self, doc: Resolution, before: int | None, after: int | None, label: str,
               key: object = None) -> None:
        """Make ``doc`` current; an edit with the same ``key`` as the last one extends its step."""
        if key is not None and key == self._last_key and self.undo_stack:
            prev, step = self.undo_stack[-1]
            self.undo_stack[-1] = (prev, Step(doc, step.before, after, step.label))
        else:
            self.undo_stack.append((self.doc, Step(doc, before, after, label)))
            del self.undo_stack[:-self.limit]
        self.doc = doc
        self.redo_stack.clear()
        self._last_key = key

    def break_run(self) -> None:
        """The next edit starts a new undo step even with the same key."""
        self._last_key = None

    def undo(self) -> tuple[Resolution, int | None, str] | None:
        """Previous document, the selection to restore and what was undone."""
        if not self.undo_stack:
            return None
        prev, step = self.undo_stack.pop()
        self.redo_stack.append((prev, step))
        self.doc = prev
        self._last_key = None
        return prev, step.before, step.label

    def redo(self) -> tuple[Resolution, int | None, str] | None:
        if not self.redo_stack:
            return None
        prev, step = self.redo_stack.pop()
        self.undo_stack.append((prev, step))
        self.doc = step.doc
        self._last_key = None
        return step.doc, step.after, step.label
