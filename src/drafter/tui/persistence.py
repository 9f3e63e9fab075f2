"""Never lose work: atomic saves to canonical Markdown, a recovery file every second while
there are unsaved changes, an offer to recover after a crash, a question before quitting.

A draft opened from .docx or UN plain text is never written over: the first save asks for a
Markdown name (default ``<stem>.md`` next to it).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import DrafterError
from ..fileio import atomic_write
from ..model import Resolution
from ..parse import load, parse_text
from ..render.markdown import render_markdown
from . import editing, recovery
from .screens.dialogs import AskPath, Choice, confirm_quit, offer_recovery
from .screens.header_form import HeaderForm

MARKDOWN = (".md", ".markdown")
RECOVERY_INTERVAL = 1.0  # seconds; the issue allows losing at most 2 s of typing


def open_document(path: str | Path | None) -> tuple[Resolution, Path | None, Path | None, bool]:
    """(document, save target, opened file, is new) for ``drafter edit [DRAFT]``."""
    if path is None:
        return Resolution(), None, None, True
    p = Path(path).expanduser()
    if not p.exists():
        if p.suffix.lower() not in MARKDOWN:
            raise DrafterError("a new draft is written as Markdown: name it with .md", str(path))
        return Resolution(path=str(p)), p, None, True
    doc = load(p)
    target = p if p.suffix.lower() in MARKDOWN else None
    return doc, target, p, False


def saveable(doc: Resolution) -> Resolution:
    """Empty paragraphs (added but never typed) are not written."""
    pre = tuple(q for q in doc.preamble if q.text.strip() or q.subparagraphs)
    ops = tuple(q for q in doc.operative if q.text.strip() or q.subparagraphs)
    if (pre, ops) == (doc.preamble, doc.operative):
        return doc
    return editing.tidy(replace(doc, preamble=pre, operative=ops))


class Persistence:
    def init_persistence(self) -> None:
        self._recovered_doc: Resolution | None = None
        self._quitting = False

    # --- where things go ----------------------------------------------------------------

    @property
    def recovery_file(self) -> Path:
        key = self.path or self.source or Path.cwd() / "untitled-draft.md"
        return recovery.recovery_path(key, self.recovery_dir)

    def mount_persistence(self) -> None:
        self.set_interval(RECOVERY_INTERVAL, self.recovery_tick, name="recovery")
        found = recovery.read(self.recovery_file)
        if found is not None and found.markdown != render_markdown(self.doc):
            self.push_screen(offer_recovery(self.display_name, found.age),
                             lambda choice: self._recovery_answer(choice, found))
        elif found is not None:
            recovery.discard(self.recovery_file)
            self._after_start()
        else:
            self._after_start()

    def _after_start(self) -> None:
        if self.new and not editing.items(self.doc) and self.doc.title is None:
            self.push_screen(HeaderForm(self.doc), self._header_done)

    def _header_done(self, doc: Resolution | None) -> None:
        if doc is not None and doc != self.doc:
            self.apply(doc, self.selected, "header")

    def _recovery_answer(self, choice: str, found: recovery.Recovered) -> None:
        if choice == "recover":
            try:
                doc = parse_text(found.markdown, str(self.path or self.source or ""), "markdown")
            except DrafterError as exc:
                self.notify(f"The recovery copy cannot be read: {exc}", severity="error")
                return
            doc = replace(doc, path=self.doc.path)
            self.apply(doc, 0 if editing.items(doc) else None, "recovered")
            self.notify("Recovered the unsaved changes. Ctrl+S saves them.")
        elif choice == "discard":
            recovery.discard(self.recovery_file)
            self._after_start()
        elif choice == "aside":
            base = self.path or self.source or Path.cwd() / "untitled-draft.md"
            aside = base.with_name(f"{base.stem}.recovered.md")
            try:
                atomic_write(aside, found.markdown)
            except OSError as exc:
                self.notify(f"Could not write {aside}: {exc.strerror}", severity="error")
                return
            recovery.discard(self.recovery_file)
            self.notify(f"The unsaved changes are in {aside.name} (ctrl+r compares).", timeout=6)

    # --- the recovery file --------------------------------------------------------------

    def recovery_tick(self) -> None:
        doc = self.doc
        if not self.dirty:
            if self._recovered_doc is not None:
                self._recovered_doc = None
                recovery.discard(self.recovery_file)
            return
        if doc is self._recovered_doc:
            return
        self._recovered_doc = doc
        self.run_worker(lambda: self.write_recovery(doc), thread=True, group="recovery",
                        exclusive=False, exit_on_error=False)

    def write_recovery(self, doc: Resolution) -> None:
        """Runs in a thread: render and write (fsync) off the event loop."""
        recovery.write(self.recovery_file, self.path or self.source or self.recovery_file,
                       render_markdown(doc))

    # --- saving -------------------------------------------------------------------------

    def action_save(self) -> None:
        if len(self.screen_stack) > 1:  # a dialog is open: it has its own keys
            return
        if self.path is None:
            self.ask_save_as()
            return
        self.save_to(self.path)

    def ask_save_as(self, then=None) -> None:
        if self.source is not None:
            default = self.source.with_suffix(".md")
            note = (f"{self.source.name} is not Markdown and is never overwritten: the draft "
                    "is saved as canonical Markdown.")
        else:
            default = Path.cwd() / "draft.md"
            note = "Name the new draft (canonical Markdown)."
        forbid = (self.source,) if self.source is not None else ()

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.suffix.lower() not in MARKDOWN:
                path = path.with_suffix(".md")
            old_recovery = self.recovery_file
            self.path = path
            if self.save_to(path):
                recovery.discard(old_recovery)
                if then:
                    then()

        self.push_screen(AskPath("Save as Markdown", default, note, forbid=forbid), chosen)

    def save_to(self, path: Path) -> bool:
        doc = saveable(self.doc)
        try:
            atomic_write(path, render_markdown(doc))
        except OSError as exc:
            self.notify(f"Not saved: {path}: {exc.strerror or exc}", severity="error", timeout=8)
            return False
        if doc is not self.doc:
            self.apply(doc, self.selected, "tidy before save")
        self.saved_doc = self.doc
        self._recovered_doc = None
        recovery.discard(self.recovery_file)
        self.update_title()
        self.notify(f"Saved {path.name}", timeout=2)
        return True

    # --- quitting -----------------------------------------------------------------------

    async def action_quit(self) -> None:
        if isinstance(self.screen, Choice) and self.screen.id == "confirm-quit":
            return
        if not self.dirty:
            recovery.discard(self.recovery_file)
            self.exit()
            return

        def answer(choice: str) -> None:
            if choice == "save":
                if self.path is None:
                    self.ask_save_as(then=self.exit)
                elif self.save_to(self.path):
                    self.exit()
            elif choice == "discard":
                recovery.discard(self.recovery_file)
                self.exit()

        self.push_screen(confirm_quit(self.display_name), answer)
