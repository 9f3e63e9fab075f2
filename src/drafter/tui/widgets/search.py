"""The clause-bank search pane: query, kind/opener filters, hits with their provenance.

Typing searches at once (lexical); semantic hits are merged in when the model is ready. Enter
inserts the highlighted hit at the cursor as the kind it had (or the kind chosen under "as"),
p / o insert it as a preambular / operative paragraph.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Select, Static
from textual.suggester import SuggestFromList
from textual.widgets.option_list import Option

from ...openers import lexicon

from ..services import Hit

KIND_FILTERS = [("any kind", "any"), ("PP only", "preambular"), ("OP only", "operative")]
INSERT_AS = [("as found", "hit"), ("as PP", "preambular"), ("as OP", "operative")]


def opener_words() -> list[str]:
    """Openers from the shared lexicon, offered as completions in the opener filter."""
    lex = lexicon()
    return sorted(set(lex.preambular) | set(lex.operative), key=len)


def hit_prompt(hit: Hit) -> Text:
    text = Text()
    text.append(hit.provenance, "bold")
    text.append(f"  {hit.how}\n", "dim")
    body = hit.text if len(hit.text) < 320 else hit.text[:319] + "…"
    if hit.opener and body.startswith(hit.opener):
        text.append(hit.opener, "italic")
        text.append(body[len(hit.opener):])
    else:
        text.append(body)
    return text


class HitList(OptionList):
    BINDINGS = [
        Binding("enter", "insert('hit')", "Insert"),
        Binding("p", "insert('preambular')", "Insert as PP"),
        Binding("o", "insert('operative')", "Insert as OP"),
    ]

    class Insert(Message):
        def __init__(self, hit: Hit, kind: str) -> None:
            super().__init__()
            self.hit = hit
            self.kind = kind

    hits: list[Hit] = []

    def show(self, hits: list[Hit]) -> None:
        self.hits = list(hits)
        options: list = []
        for i, h in enumerate(self.hits):
            options.extend([Option(hit_prompt(h), id=f"hit-{i}"), None])
        self.set_options(options[:-1])
        if self.hits:
            self.highlighted = 0

    def action_insert(self, kind: str) -> None:
        if self.highlighted is None or not self.hits:
            return
        option = self.get_option_at_index(self.highlighted)
        hit = self.hits[int(option.id.removeprefix("hit-"))]
        if kind == "hit":
            chosen = self.screen.query_one("#insert-as", Select).value
            kind = hit.kind if chosen in ("hit", Select.NULL) else chosen
        self.post_message(self.Insert(hit, kind))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_insert("hit")


class SearchPane(Vertical):
    """Query box, filters, status line and hits."""

    BINDINGS = [Binding("down", "focus_hits", "Hits", show=False)]

    def action_focus_hits(self) -> None:
        """Down from the query box goes to the hits, as a delegate expects."""
        hits = self.query_one(HitList)
        if self.app.focused is self.query_one("#query", Input) and hits.option_count:
            hits.focus()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search agreed language, e.g. forensic laboratories", id="query",
                    compact=True)
        with Horizontal(id="filters"):
            yield Select(KIND_FILTERS, value="any", allow_blank=False, id="kind-filter", compact=True)
            yield Input(placeholder="opener…", id="opener-filter", compact=True,
                        suggester=SuggestFromList(opener_words(), case_sensitive=False))
            yield Select(INSERT_AS, value="hit", allow_blank=False, id="insert-as", compact=True)
        yield Static("Clause bank: opening…", id="search-status")
        yield HitList(id="hits")

    def filters(self) -> tuple[str, str | None, str | None]:
        query = self.query_one("#query", Input).value.strip()
        kind = self.query_one("#kind-filter", Select).value
        opener = self.query_one("#opener-filter", Input).value.strip() or None
        return query, (None if kind in ("any", Select.NULL) else str(kind)), opener

    def status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message, style="dim"))
