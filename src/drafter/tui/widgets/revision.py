"""The revision pane: pick an earlier version file, read the aligned diff, export the report."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static


class RevisionPane(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal(id="revision-bar"):
            yield Button("Compare with…", id="pick-version", variant="primary", compact=True)
            yield Button("Export report", id="export-diff", compact=True, disabled=True)
            yield Static("No earlier version chosen.", id="revision-status")
        with VerticalScroll(id="diff-scroll"):
            yield Static(Text("Pick an earlier version of this draft (Markdown, UN text or .docx) "
                              "to see what changed, paragraph by paragraph: ctrl+r.", style="dim"),
                         id="diff")

    def status(self, message: str) -> None:
        self.query_one("#revision-status", Static).update(Text(message, style="dim"))

    def show(self, text: Text) -> None:
        self.query_one("#diff", Static).update(text)
        self.query_one("#export-diff", Button).disabled = False
