"""The revision pane's actions: pick an earlier version, show the aligned diff (kept current
while editing), export the report in the format the file name asks for.

Loading the old version, aligning and rendering run in a worker thread.
"""
from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from ..errors import DrafterError
from ..model import Resolution
from .screens.dialogs import AskPath, PickFile
from .widgets.revision import RevisionPane


class RevisionActions:
    def action_pick_version(self) -> None:
        self.ui("#panes", TabbedContent).active = "revision-tab"
        start = (self.source or self.path or Path.cwd() / "x").resolve().parent
        self.push_screen(PickFile("Compare with an earlier version", start), self._version_chosen)

    def on_button_pressed(self, event) -> None:
        if event.button.id == "pick-version":
            self.action_pick_version()
        elif event.button.id == "export-diff":
            self.action_export_diff()

    def _version_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        self.ui(RevisionPane).status(f"Comparing with {path.name}…")
        self._run_diff(path, None)

    def schedule_diff(self) -> None:
        """Keep an open comparison current while the delegate edits."""
        if self.old_version is not None:
            self._debounce("diff", 0.8, lambda: self._run_diff(self.old_path, self.old_version))

    def _run_diff(self, path: Path, old: Resolution | None) -> None:
        doc = self.doc
        self.run_worker(lambda: self._diff(path, old, doc), thread=True, group="diff",
                        exclusive=True, exit_on_error=False)

    def _diff(self, path: Path, old: Resolution | None, doc: Resolution) -> None:
        from ..parse import load
        from .diff_view import alignment_text
        try:
            old = old if old is not None else load(path)
            alignment = self.services.align(old, doc)
            text = alignment_text(alignment)
        except DrafterError as exc:
            self.call_from_thread(self.ui(RevisionPane).status, f"Cannot compare: {exc}")
            return
        self.call_from_thread(self._show_diff, path, old, alignment, text)

    def _show_diff(self, path: Path, old: Resolution, alignment, text) -> None:
        self.old_version, self.alignment, self.old_path = old, alignment, path
        pane = self.ui(RevisionPane)
        pane.show(text)
        pane.status(f"{path.name} → this draft")

    def action_export_diff(self) -> None:
        if self.alignment is None:
            self.notify("Compare with an earlier version first (ctrl+r).", timeout=3)
            return
        base = self.path or self.source or Path.cwd() / "draft.md"
        default = base.with_name(f"{base.stem}-changes.md")
        alignment = self.alignment

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            from .services import REPORT_FORMATS
            fmt = REPORT_FORMATS.get(path.suffix.lower(), "md")
            names = (self.old_path.name if self.old_path else None, self.display_name)
            self.run_worker(lambda: self._export(alignment, path, fmt, names), thread=True,
                            group="export", exit_on_error=False)

        forbid = tuple(p for p in (self.path, self.source, getattr(self, "old_path", None)) if p)
        self.push_screen(AskPath("Export the revision report", default,
                                 "The format follows the name: .md, .txt, .html, .json or .docx "
                                 "(tracked changes).", ok="Export",
                                 forbid=forbid), chosen)

    def _export(self, alignment, path: Path, fmt: str, names) -> None:
        from ..fileio import atomic_write
        try:
            atomic_write(path, self.services.diff_report(alignment, fmt, *names))
        except (OSError, DrafterError) as exc:
            self.call_from_thread(self.notify, f"Not exported: {getattr(exc, 'strerror', None) or exc}",
                                  severity="error")
            return
        self.call_from_thread(self.notify, f"Exported {path.name}", timeout=3)
