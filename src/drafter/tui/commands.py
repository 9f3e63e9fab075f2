"""Every action in the command palette (ctrl+p), so nothing depends on remembering keys."""
from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Iterable

from textual.app import SystemCommand
from textual.screen import Screen

PALETTE = (  # (title, help, action, argument)
    ("Add preambular paragraph", "New PP after the selected one (p in the list)", "add_paragraph", "preambular"),
    ("Add operative paragraph", "New OP after the selected one (o in the list)", "add_paragraph", "operative"),
    ("Move paragraph up", "Within its part; OPs are renumbered (ctrl+↑)", "move_paragraph", -1),
    ("Move paragraph down", "Within its part; OPs are renumbered (ctrl+↓)", "move_paragraph", 1),
    ("Convert PP ⇄ OP", "Change the selected paragraph's part (c in the list)", "convert_paragraph", None),
    ("Split paragraph at cursor", "Two paragraphs from the editor's cursor (ctrl+l)", "split_paragraph", None),
    ("Merge with next paragraph", "Join the selected paragraph and the one below (m)", "merge_paragraph", None),
    ("Delete paragraph", "Remove the selected paragraph; ctrl+z brings it back (d)", "delete_paragraph", None),
    ("Undo", "Undo the last edit (ctrl+z)", "undo", None),
    ("Redo", "Redo the last undone edit (ctrl+y)", "redo", None),
    ("Add footnote", "Insert a footnote indicator at the cursor (ctrl+n)", "add_footnote", None),
    ("Edit footnote", "Edit the selected paragraph's footnote (n in the list)", "edit_footnote", None),
    ("Edit header", "Title, organ, symbol, session, agenda item, sponsors", "edit_header", None),
    ("Save", "Write canonical Markdown atomically (ctrl+s)", "save", None),
    ("Save as…", "Write the draft under another Markdown name", "save_as", None),
    ("Search the clause bank", "Agreed language by words or meaning (ctrl+f)", "focus_search", None),
    ("Show findings", "Drafting-convention findings (ctrl+g)", "show_findings", None),
    ("Apply all safe fixes", "Every finding with a safe automatic fix", "fix_all", None),
    ("Compare with an earlier version", "Aligned diff against a file (ctrl+r)", "pick_version", None),
    ("Export revision report", "Write the aligned diff as Markdown", "export_diff", None),
    ("Toggle light/dark theme", "Switch between the light and dark themes", "toggle_dark", None),
)


class DrafterCommands:
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, action, arg in PALETTE:
            method = getattr(self, f"action_{action}")
            yield SystemCommand(title, help_text, partial(method, arg) if arg is not None else method)

    def action_save_as(self) -> None:
        self.ask_save_as()

    def action_fix_all(self) -> None:
        """Apply the safe fixes one by one (each re-checks), as a single undo step."""
        safe = [f for f in self.findings if f.fixable]
        if not safe:
            self.notify("No safe fixes to apply.", timeout=2)
            return
        self.run_worker(self._fix_all, thread=True, group="fix", exclusive=True, exit_on_error=False)

    def _fix_all(self) -> None:
        start = doc = self.doc
        applied = 0
        try:
            for _ in range(50):
                result = self.services.run_lint(doc)
                fixable = [f for f in result.findings if f.fixable]
                if not fixable:
                    break
                doc = self.services.apply_fix(result.markdown, fixable[0].raw, start.path)
                applied += 1
        except Exception as exc:  # keep what was fixed so far, and say why it stopped
            self.call_from_thread(self.notify, f"Stopped after {applied} fixes: {exc}", severity="warning")
        self.call_from_thread(self._fixed_all, start, doc, applied)

    def _fixed_all(self, start, doc, applied: int) -> None:
        if not applied:
            return
        if start is not self.doc:
            self.notify("The draft changed meanwhile: fixes not applied.", severity="warning")
            return
        self.apply(replace(doc, path=start.path), self.selected, f"{applied} safe fixes")
        self.notify(f"Applied {applied} safe fix{'es' if applied != 1 else ''}.", timeout=3)
