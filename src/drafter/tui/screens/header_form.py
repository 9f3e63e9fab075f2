"""The header of a draft (title, organ, symbol, session, agenda item, sponsors) as a form.

Shown first for a new draft and from the command palette ("Edit header") for any draft.
Dismisses with a new Resolution (paragraphs untouched) or None when cancelled.
"""
from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...model import Meta, Organ, Resolution

ORGAN = "The Commission on Narcotic Drugs"
FIELDS = (  # (id, label, placeholder)
    ("title", "Title", "e.g. Strengthening international cooperation to …"),
    ("organ", "Organ", ORGAN),
    ("symbol", "Symbol", "e.g. E/CN.7/2026/L.2"),
    ("session", "Session", "e.g. Sixty-ninth session"),
    ("agenda_item", "Agenda item", "e.g. 5 (b)"),
    ("sponsors", "Sponsors", "e.g. Belarus, El Salvador, Russian Federation"),
)


def header_values(doc: Resolution) -> dict[str, str]:
    m = doc.meta
    return {"title": doc.title or "", "organ": doc.organ.name if doc.organ else ORGAN,
            "symbol": m.symbol or "", "session": m.session or "", "agenda_item": m.agenda_item or "",
            "sponsors": ", ".join(m.sponsors)}


def apply_header(doc: Resolution, values: dict[str, str]) -> Resolution:
    """``doc`` with the form's values; blank fields become absent."""
    def opt(key: str) -> str | None:
        return values.get(key, "").strip() or None

    sponsors = tuple(s.strip() for s in values.get("sponsors", "").split(",") if s.strip())
    meta = replace(doc.meta, symbol=opt("symbol"), session=opt("session"),
                   agenda_item=opt("agenda_item"), sponsors=sponsors,
                   commission=doc.meta.commission or ("Commission on Narcotic Drugs"
                                                      if doc.meta == Meta() else None))
    organ_name = opt("organ")
    organ = None
    if organ_name:
        organ = replace(doc.organ, name=organ_name) if doc.organ else Organ(organ_name)
    return replace(doc, meta=meta, title=opt("title"), organ=organ)


class HeaderForm(ModalScreen[Resolution | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "done", "Done", priority=True)]

    def __init__(self, doc: Resolution, heading: str = "New draft resolution") -> None:
        super().__init__()
        self.doc = doc
        self.heading = heading

    def compose(self) -> ComposeResult:
        values = header_values(self.doc)
        with Vertical(id="header-form", classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            with Grid(id="header-grid"):
                for key, label, placeholder in FIELDS:
                    yield Label(label)
                    yield Input(values[key], placeholder=placeholder, id=f"h-{key}", compact=True)
            yield Static("Tab moves between fields. Sponsors: comma-separated, in English "
                         "alphabetical order. Leave blank what is not known yet.", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Done (ctrl+s)", variant="primary", id="done", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#h-title", Input).focus()

    def action_done(self) -> None:
        values = {key: self.query_one(f"#h-{key}", Input).value for key, _, _ in FIELDS}
        self.dismiss(apply_header(self.doc, values))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done() if event.button.id == "done" else self.action_cancel()
