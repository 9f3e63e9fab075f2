"""The draft as a list of numbered paragraphs: PP 1..n then OP 1..n, opener in italics.

One line per paragraph (label, opener, start of the text) so that a 30-column list at
80x24 still shows where everything is; a mark flags paragraphs with lint findings.
"""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Kind, Paragraph, Resolution, Run
from ..editing import items

_SEVERITY_MARK = {"error": ("●", "bold red"), "warning": ("●", "yellow"), "suggestion": ("·", "cyan")}


def label_of(doc: Resolution, index: int) -> str:
    p = items(doc)[index]
    if p.kind is Kind.PREAMBULAR:
        return f"PP {index + 1}"
    if p.kind is Kind.OPERATIVE:
        return f"OP {p.number or index - len(doc.preamble) + 1}"
    return f"{p.kind.short} {p.number or ''}".strip()


def paragraph_line(label: str, p: Paragraph, severity: str | None = None) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    mark, style = _SEVERITY_MARK.get(severity or "", (" ", ""))
    line.append(mark, style)
    line.append(f"{label:<6}", "bold" if p.kind is Kind.OPERATIVE else "")
    body = [r for r in p.runs if isinstance(r, Run)]
    if not body:
        line.append("(empty — type its text)", "dim italic")
    for r in body:
        line.append(r.text, "italic" if r.italic else "")
    if p.subparagraphs:
        line.append(f"  [+{len(p.subparagraphs)} sub]", "dim")
    return line


class DraftList(OptionList):
    """Paragraph list; highlighting a line selects that paragraph for the editor."""

    BINDINGS = [
        Binding("enter", "app.edit_paragraph", "Edit"),
        Binding("p", "app.add_paragraph('preambular')", "+PP"),
        Binding("o", "app.add_paragraph('operative')", "+OP"),
        Binding("ctrl+up,alt+up,K", "app.move_paragraph(-1)", "Move", key_display="^↑↓"),
        Binding("ctrl+down,alt+down,J", "app.move_paragraph(1)", "Move ↓", show=False),
        Binding("c", "app.convert_paragraph", "PP⇄OP"),
        Binding("m", "app.merge_paragraph", "Merge ↓"),
        Binding("d,delete", "app.delete_paragraph", "Delete"),
        Binding("n", "app.edit_footnote", "Footnote", show=False),
        Binding("h", "app.edit_header", "Header", show=False),
        Binding("u", "app.undo", "Undo", show=False),
        Binding("/", "app.focus_search", "Search", show=False),
    ]

    def show(self, doc: Resolution, selected: int | None, marks: dict[int, str] | None = None) -> None:
        """Rebuild every line (numbering may have changed) and keep the highlight."""
        marks = marks or {}
        paras = items(doc)
        if not paras:
            self.set_options([Option(Text("No paragraphs yet.\n p  add a preambular one\n"
                                          " o  add an operative one\n ^f search the clause bank",
                                          style="dim"), disabled=True)])
            return
        self.set_options(Option(paragraph_line(label_of(doc, i), p, marks.get(i)), id=f"p{i}")
                         for i, p in enumerate(paras))
        if selected is not None:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = min(selected, len(paras) - 1)

    def refresh_line(self, doc: Resolution, index: int, severity: str | None = None) -> None:
        """Redraw one line after typing (numbers cannot change while typing)."""
        if 0 <= index < self.option_count:
            self.replace_option_prompt_at_index(
                index, paragraph_line(label_of(doc, index), items(doc)[index], severity))
