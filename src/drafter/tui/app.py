"""The drafting app: one Resolution, edited through pure functions, with undo as a stack.

State lives here (the document history, the selected paragraph, the file names); the panes
are widgets in ``widgets/``, the edits in :mod:`.editing`, saving and recovery in
:mod:`.persistence`, and everything slow (bank, model, search, lint, diff) in worker threads
started from :mod:`.live`. ``create_app`` builds the app; tests pass fakes through it.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, TabbedContent, TabPane, TextArea

from ..model import Resolution
from . import editing
from .actions import EditingActions
from .commands import DrafterCommands
from .history import History
from .live import LiveServices
from .persistence import Persistence
from .revision_actions import RevisionActions
from .widgets.draft_list import DraftList, label_of
from .widgets.editor import EditorPane
from .widgets.findings import FindingsPane
from .widgets.keybar import KeyBar
from .widgets.revision import RevisionPane
from .widgets.search import SearchPane


class DrafterApp(Persistence, EditingActions, LiveServices, RevisionActions, DrafterCommands, App):
    """``drafter edit``: compose, check and compare a draft resolution."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("ctrl+f", "focus_search", "Search"),
        Binding("ctrl+g", "show_findings", "Findings"),
        Binding("ctrl+r", "pick_version", "Compare"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, doc: Resolution, *, path: Path | None, source: Path | None = None,
                 new: bool = False, bank=None, services: ModuleType | object | None = None,
                 recovery_dir: Path | None = None, load_bank: bool = True) -> None:
        super().__init__()
        from . import services as default_services
        self.services = services or default_services
        self.history = History(doc)
        self.saved_doc = doc
        self.selected: int | None = 0 if editing.items(doc) else None
        self.path = path  # where Ctrl+S writes (None: ask)
        self.source = source  # the file opened (may be .docx / UN text)
        self.new = new
        self.recovery_dir = recovery_dir
        self.init_live(bank, load_bank)
        self.init_persistence()

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="§")
        with Horizontal(id="main"):
            draft = DraftList(id="draft")
            draft.border_title = "Draft"
            yield draft
            with Vertical(id="right"):
                yield EditorPane(id="editor-pane")
                with TabbedContent(id="panes", initial="search-tab"):
                    with TabPane("Search bank", id="search-tab"):
                        yield SearchPane(id="search")
                    with TabPane("Findings", id="findings-tab"):
                        yield FindingsPane(id="findings-pane")
                    with TabPane("Revision", id="revision-tab"):
                        yield RevisionPane(id="revision")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.refresh_view()
        self.ui(DraftList).focus()
        self.mount_persistence()
        self.mount_live()

    def ui(self, selector, expect_type=None):
        """A widget of the drafting screen, even while a dialog or the palette is on top."""
        screen = self.screen_stack[0]
        return screen.query_one(selector, expect_type) if expect_type else screen.query_one(selector)

    # --- the document -------------------------------------------------------------------

    @property
    def doc(self) -> Resolution:
        return self.history.doc

    @property
    def dirty(self) -> bool:
        return self.doc is not self.saved_doc and self.doc != self.saved_doc

    @property
    def display_name(self) -> str:
        target = self.path or self.source
        return target.name if target else "untitled draft"

    def update_title(self) -> None:
        self.title = f"drafter — {self.display_name}"
        self.ui(DraftList).border_title = f"Draft: {self.doc.title}" if self.doc.title else "Draft"
        if self.dirty:
            self.sub_title = "● unsaved changes"
        else:
            self.sub_title = "saved" if self.path is not None and self.path.exists() else "new draft"

    def apply(self, doc: Resolution, selected: int | None, label: str, key: object = None,
              reload_editor: bool = True) -> None:
        """Make ``doc`` current as one undoable step and refresh what depends on it."""
        before = self.selected
        self.history.record(doc, before, selected, label, key)
        self.selected = selected
        if reload_editor:
            self.refresh_view()
        self.document_changed()

    def document_changed(self) -> None:
        self.update_title()
        self.schedule_lint()
        self.schedule_verdict()
        self.schedule_diff()

    # --- view ---------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Rebuild the list (numbering) and load the selected paragraph into the editor."""
        n = len(editing.items(self.doc))
        if self.selected is not None:
            self.selected = min(self.selected, n - 1) if n else None
        self.ui(DraftList).show(self.doc, self.selected, self.paragraph_marks())
        self.load_editor()
        self.update_title()

    def load_editor(self) -> None:
        pane = self.ui(EditorPane)
        if self.selected is None:
            pane.load("Paragraph", "", read_only=True)
            pane.show_notes([])
            return
        p = editing.items(self.doc)[self.selected]
        pane.load(f"{label_of(self.doc, self.selected)} · {p.kind.value}", editing.editor_text(p))
        self.show_notes()

    def show_notes(self) -> None:
        p = editing.items(self.doc)[self.selected] if self.selected is not None else None
        refs = dict.fromkeys(p.footnote_refs) if p is not None else {}
        self.ui(EditorPane).show_notes(
            [(fid, self.doc.footnote(fid).text if self.doc.footnote(fid) else "") for fid in refs])

    def select(self, index: int | None) -> None:
        if index == self.selected:
            return
        self.history.break_run()
        self.selected = index
        self.load_editor()
        self.schedule_verdict()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "draft" and not event.option.disabled:
            self.select(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "draft":
            self.action_edit_paragraph()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typing: the paragraph is rebuilt from the editor's text at every keystroke."""
        if event.text_area.id != "editor" or self.selected is None or event.text_area.read_only:
            return
        old = editing.items(self.doc)[self.selected]
        new = editing.paragraph_from_editor(event.text_area.text, old.kind, old)
        if new == old:
            return
        doc = editing.set_paragraph(self.doc, self.selected, new)
        self.apply(doc, self.selected, f"typing in {label_of(doc, self.selected)}",
                   key=("type", self.selected), reload_editor=False)
        self.ui(DraftList).refresh_line(doc, self.selected, self.paragraph_marks().get(self.selected))
        if new.footnote_refs != old.footnote_refs:
            self.show_notes()


def create_app(path: str | Path | None, bank=None, *, services=None, recovery_dir: Path | None = None,
               load_bank: bool = True, theme: str | None = None) -> DrafterApp:
    """Open ``path`` (or start a new draft when it does not exist) in a ready-to-run app.

    ``bank`` is an already open bank (tests pass a fake); otherwise the shipped bank is
    opened in a worker after the screen is up. Raises DrafterError for unreadable input.
    """
    from .persistence import open_document
    doc, target, source, new = open_document(path)
    app = DrafterApp(doc, path=target, source=source, new=new, bank=bank, services=services,
                     recovery_dir=recovery_dir, load_bank=load_bank)
    if theme:
        app.theme = {"dark": "textual-dark", "light": "textual-light"}.get(theme, theme)
    return app
