"""Small modal questions: quit with unsaved changes, recover after a crash, name a file,
edit a footnote. Each dismisses with a plain value the app acts on."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static


class Choice(ModalScreen[str]):
    """A question with buttons; dismisses with the chosen button's id ("cancel" on Escape)."""

    BINDINGS = [Binding("escape", "choose('cancel')", "Cancel")]

    def __init__(self, title: str, message: str | Text, buttons: list[tuple[str, str, str]],
                 dialog_id: str = "choice") -> None:
        super().__init__(id=dialog_id)
        self.title_text = title
        self.message = message
        self.buttons = buttons  # (id, label, variant)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.message, classes="dialog-body")
            with Horizontal(classes="buttons"):
                for bid, label, variant in self.buttons:
                    yield Button(label, id=bid, variant=variant, compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")


def confirm_quit(name: str) -> Choice:
    return Choice("Unsaved changes", f"{name} has changes that are not saved.",
                  [("save", "Save and quit", "primary"), ("discard", "Quit without saving", "error"),
                   ("cancel", "Keep editing", "default")], "confirm-quit")


def offer_recovery(name: str, age: str) -> Choice:
    message = Text.assemble(
        (f"{name}", "bold"), " was not saved when drafter last stopped.\n",
        f"A recovery copy from {age} holds the unsaved changes.\n\n",
        ("Recover", "bold"), " opens them (save with ctrl+s); ", ("Save it aside", "bold"),
        " writes them next to the draft\nas a separate file and opens the saved draft.")
    return Choice("Recover unsaved work?", message,
                  [("recover", "Recover", "primary"), ("discard", "Discard the copy", "error"),
                   ("aside", "Save it aside", "default")], "recovery")


class AskPath(ModalScreen[Path | None]):
    """Ask for a file name (save as, export); warns before replacing an existing file."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default: Path, note: str = "", ok: str = "Save",
                 forbid: tuple[Path, ...] = ()) -> None:
        super().__init__(id="ask-path")
        self.title_text, self.default, self.note, self.ok = title, default, note, ok
        self.forbid = tuple(p.resolve() for p in forbid)
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="dialog-body")
            yield Input(str(self.default), id="path")
            yield Static("", id="path-warning", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(self.ok, variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        warning = self.query_one("#path-warning", Static)
        if not raw:
            warning.update(Text("Type a file name.", style="red"))
            return
        path = Path(raw).expanduser()
        if path.resolve() in self.forbid:
            warning.update(Text("That is the file you opened; choose another name.", style="red"))
            return
        if path.is_dir():
            warning.update(Text("That is a folder; add a file name.", style="red"))
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            warning.update(Text(f"{path.name} exists: press {self.ok} again to replace it.", style="yellow"))
            return
        self.dismiss(path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit() if event.button.id == "ok" else self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DraftFiles(DirectoryTree):
    """Only folders and files drafter can read."""

    SUFFIXES = {".md", ".markdown", ".txt", ".docx"}

    def filter_paths(self, paths):
        return [p for p in paths if not p.name.startswith(".") and
                (p.is_dir() or p.suffix.lower() in self.SUFFIXES)]


class PickFile(ModalScreen[Path | None]):
    """Choose an existing draft file from a tree, or type its path."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, start: Path) -> None:
        super().__init__(id="pick-file")
        self.title_text, self.start = title, start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Static(self.title_text, classes="dialog-title")
            yield Input(placeholder="path/to/earlier-version.md (or choose below)", id="path")
            yield DraftFiles(self.start, id="tree")
            yield Static("", id="path-warning", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#tree").focus()

    def _choose(self, path: Path) -> None:
        if path.is_file():
            self.dismiss(path)
        else:
            self.query_one("#path-warning", Static).update(Text(f"No such file: {path}", style="red"))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._choose(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(Path(event.value.strip()).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)


class FootnoteEditor(ModalScreen[str | None]):
    """Edit one footnote's text (inline Markdown, e.g. United Nations, *Treaty Series*, …)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, fid: str, text: str) -> None:
        super().__init__(id="footnote-editor")
        self.fid, self.text = fid, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Footnote {self.fid}", classes="dialog-title")
            yield Input(self.text, placeholder="United Nations, *Treaty Series*, vol. 1019, No. 14956.",
                        id="footnote-text")
            yield Static("Enter to keep, Escape to cancel. *italic* for titles of publications.",
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
