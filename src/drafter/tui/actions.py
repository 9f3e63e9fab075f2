"""Keyboard actions that change the draft's structure; each is one undoable step.

The real work is in :mod:`.editing` (pure functions); these methods only pick the
paragraph, call the edit, and say what happened.
"""
from __future__ import annotations

import re

from ..model import Kind
from . import editing
from .screens.dialogs import FootnoteEditor
from .screens.header_form import HeaderForm
from .widgets.draft_list import DraftList, label_of
from .widgets.editor import ParagraphArea

_REF = re.compile(r"\[\^([^\]\s]+)\]")
_KINDS = {"preambular": Kind.PREAMBULAR, "operative": Kind.OPERATIVE}


class EditingActions:
    def _need_selection(self) -> int | None:
        if self.selected is None:
            self.notify("No paragraph selected.", severity="warning", timeout=2)
        return self.selected

    def action_edit_paragraph(self) -> None:
        if self.selected is not None:
            self.ui(ParagraphArea).focus()

    def action_focus_list(self) -> None:
        self.ui(DraftList).focus()

    def action_add_paragraph(self, kind: str) -> None:
        para = editing.new_paragraph(_KINDS[kind])
        doc, index = editing.insert(self.doc, self.selected, para)
        self.apply(doc, index, f"add {para.kind.short}")
        self.ui(ParagraphArea).focus()

    def action_move_paragraph(self, delta: int) -> None:
        if (i := self._need_selection()) is None:
            return
        doc, index = editing.move(self.doc, i, delta)
        if doc is self.doc:
            self.notify("A paragraph moves within its part (preambular or operative); "
                        "use PP⇄OP to change part.", timeout=3)
            return
        self.apply(doc, index, f"move {label_of(self.doc, i)}")

    def action_convert_paragraph(self) -> None:
        if (i := self._need_selection()) is None:
            return
        doc, index = editing.convert(self.doc, i)
        if doc is self.doc:
            return
        self.apply(doc, index, f"convert {label_of(self.doc, i)}")
        self.notify(f"{label_of(self.doc, i)} is now {label_of(doc, index)}: check its opener "
                    "(e.g. Recalling ⇄ Recalls).", timeout=4)

    def action_split_paragraph(self) -> None:
        if (i := self._need_selection()) is None:
            return
        area = self.ui(ParagraphArea)
        text = area.text
        offset = len(area.get_text_range((0, 0), area.cursor_location))
        before, after = text[:offset], text[offset:]
        if not before.strip() or not after.strip():
            self.notify("Put the cursor where the paragraph should split.", timeout=3)
            return
        doc, index = editing.split(self.doc, i, before, after)
        self.apply(doc, index, f"split {label_of(self.doc, i)}")

    def action_merge_paragraph(self) -> None:
        if (i := self._need_selection()) is None:
            return
        doc, index = editing.merge(self.doc, i)
        if doc is self.doc:
            self.notify("Nothing below in the same part to merge with.", timeout=3)
            return
        self.apply(doc, index, f"merge {label_of(self.doc, i)} with the next")

    def action_delete_paragraph(self) -> None:
        if (i := self._need_selection()) is None:
            return
        label = label_of(self.doc, i)
        doc, index = editing.delete(self.doc, i)
        self.apply(doc, index, f"delete {label}")
        self.notify(f"Deleted {label} (ctrl+z to undo).", timeout=3)

    def action_undo(self) -> None:
        step = self.history.undo()
        if step is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        _, self.selected, label = step
        self.refresh_view()
        self.document_changed()
        self.notify(f"Undid: {label}", timeout=2)

    def action_redo(self) -> None:
        step = self.history.redo()
        if step is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        _, self.selected, label = step
        self.refresh_view()
        self.document_changed()
        self.notify(f"Redid: {label}", timeout=2)

    # --- footnotes ----------------------------------------------------------------------

    def action_add_footnote(self) -> None:
        """Insert a new footnote indicator at the editor's cursor and ask for its text."""
        if self._need_selection() is None:
            return
        fid = editing.next_footnote_id(self.doc)
        area = self.ui(ParagraphArea)
        if not area.has_focus:  # after the body's final punctuation, where indicators go
            area.cursor_location = (0, len(area.document.get_line(0)))
        area.focus()
        area.insert(f"[^{fid}]")  # typing path: the paragraph now refers to the note

        def done(text: str | None) -> None:
            if text is not None and text.strip():
                self.apply(editing.set_footnote(self.doc, fid, text), self.selected, f"footnote {fid}")
            else:
                self.notify(f"Footnote {fid} has no text yet: n in the list edits it.", timeout=3)

        self.push_screen(FootnoteEditor(fid, ""), done)

    def action_edit_footnote(self) -> None:
        """Edit the first footnote of the selected paragraph (or add one)."""
        if (i := self._need_selection()) is None:
            return
        refs = editing.items(self.doc)[i].footnote_refs
        if not refs:
            self.action_add_footnote()
            return
        fid = refs[0]
        area = self.ui(ParagraphArea)
        if area.has_focus:  # the indicator nearest the cursor
            offset = len(area.get_text_range((0, 0), area.cursor_location))
            near = [(abs(m.start() - offset), m.group(1)) for m in _REF.finditer(area.text)]
            fid = min(near)[1] if near else fid

        def done(text: str | None) -> None:
            if text is not None:
                self.apply(editing.set_footnote(self.doc, fid, text), self.selected, f"footnote {fid}")

        self.push_screen(FootnoteEditor(fid, editing.footnote_text(self.doc, fid)), done)

    def action_edit_header(self) -> None:
        def done(doc) -> None:
            if doc is not None and doc != self.doc:
                self.apply(doc, self.selected, "header")

        self.push_screen(HeaderForm(self.doc, "Draft header"), done)

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

