"""A one-line footer of the focused widget's key bindings.

Textual's Footer rebuilds a widget per key whenever focus moves, which cost a third of the
start-up time; this draws the same information as one line of text.
"""
from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.update(self.line())

    def line(self) -> Text:
        """App keys first (save, undo, search…), then the focused widget's, then quit."""
        app_keys, widget_keys, last = [], [], []
        seen: set[str] = set()
        palette = None
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            group = last if binding.action == "quit" else app_keys if node is self.app else widget_keys
            group.append((binding, enabled))
        text = Text()
        for binding, enabled in app_keys + widget_keys + last:
            style = "" if enabled else "dim"
            text.append(f" {self.app.get_key_display(binding)} ", f"bold reverse {style}".strip())
            text.append(f" {binding.description} ", style)
        if palette is not None:
            text.append(f" {self.app.get_key_display(palette)} ", "bold reverse")
            text.append(" all commands")
        return text
