"""The editor for the selected paragraph, with the agreed-language verdict under it.

The text is inline Markdown (``*italic*``, ``[^1]`` footnotes, ``(a) ...`` lines for
subparagraphs); the opener is italicised automatically, so it is shown without asterisks.
Ctrl+Z first undoes typing inside the paragraph, then whole-document edits.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

HINT = "opener italicised automatically · *italic* · [^1] footnote · new line “(a) …” for a subparagraph"


class ParagraphArea(TextArea):
    BINDINGS = [
        Binding("escape", "app.focus_list", "Back to list"),
        Binding("ctrl+l", "app.split_paragraph", "Split here"),
        Binding("ctrl+n", "app.add_footnote", "Footnote"),
        Binding("ctrl+up,alt+up", "app.move_paragraph(-1)", "Move ↑", show=False),
        Binding("ctrl+down,alt+down", "app.move_paragraph(1)", "Move ↓", show=False),
        Binding("ctrl+t", "app.convert_paragraph", "PP⇄OP", show=False),
    ]

    def action_undo(self) -> None:
        if self.history.undo_stack:
            super().action_undo()
        else:
            self.app.action_undo()

    def action_redo(self) -> None:
        if self.history.redo_stack:
            super().action_redo()
        else:
            self.app.action_redo()


class VerdictLine(Static):
    """"Agreed language: verbatim — 2016 S-30/1 OP 3" and friends."""

    STYLES = {"verbatim": "bold green", "minor edit": "bold yellow", "close precedent": "bold cyan",
              "new language": "bold magenta"}

    def show(self, label: str | None, detail: str = "") -> None:
        text = Text("Agreed language: ", style="dim")
        if label is None:
            text.append(detail or "…", "dim italic")
        else:
            text.append(label, self.STYLES.get(label, "bold"))
            if detail:
                text.append(f" — {detail}")
        self.update(text)


class EditorPane(Vertical):
    def compose(self) -> ComposeResult:
        area = ParagraphArea("", soft_wrap=True, tab_behavior="focus", id="editor",
                             placeholder="Select a paragraph, or press p / o in the list to add one")
        area.border_title = "Paragraph"
        area.border_subtitle = "opener italicised automatically"
        yield area
        yield VerdictLine(id="verdict")
        yield Static(id="notes")

    @property
    def area(self) -> ParagraphArea:
        return self.query_one(ParagraphArea)

    def show_notes(self, notes: list[tuple[str, str]]) -> None:
        """The footnotes the paragraph refers to (n in the list edits them)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (fid, body) in enumerate(notes):
            text.append(("\n" if i else "") + f"[^{fid}] ", "bold dim")
            text.append(body or "(no text yet: n edits it)", "dim")
        self.query_one("#notes", Static).update(text)
        self.query_one("#notes", Static).display = bool(notes)

    def load(self, title: str, text: str, read_only: bool = False) -> None:
        """Show another paragraph (clears the editor's own undo history)."""
        area = self.area
        area.border_title = title
        area.read_only = read_only
        area.load_text(text)
