"""Everything slow runs in worker threads: opening the bank, loading the model, search,
lint and the agreed-language verdict (revision diffs: :mod:`.revision_actions`). Results come back to the event loop
with ``call_from_thread`` and are dropped when the draft or the query moved on meanwhile.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, Select, TabbedContent

from ..errors import DrafterError
from ..model import Kind, Resolution
from . import editing
from .services import FindingItem, Hit
from .widgets.draft_list import DraftList, label_of
from .widgets.editor import ParagraphArea, VerdictLine
from .widgets.findings import FindingList, FindingsPane
from .widgets.search import HitList, SearchPane

LINT_DELAY = 0.4  # s after the last keystroke
VERDICT_DELAY = 0.3
SEARCH_DELAY = 0.12
HITS = 25
_KINDS = {"preambular": Kind.PREAMBULAR, "operative": Kind.OPERATIVE}


class LiveServices:
    def init_live(self, bank, load_bank: bool) -> None:
        self.bank = bank
        self.model_ready = False
        self._load_bank = load_bank
        self.findings: tuple[FindingItem, ...] = ()
        self._lint_markdown = ""
        self._lint_doc: Resolution | None = None
        self._debounce_timers: dict[str, object] = {}
        self._query_seq = 0
        self.old_version: Resolution | None = None
        self.old_path: Path | None = None
        self.alignment = None

    def mount_live(self) -> None:
        self.call_after_refresh(self._start_live)

    def _start_live(self) -> None:
        self.schedule_lint(0.05)
        self.schedule_verdict(0.05)
        if self.bank is not None:
            self._bank_ready(self.bank)
        elif self._load_bank:
            self.run_worker(self._open_bank, thread=True, group="bank", exit_on_error=False)
        else:
            self.ui(SearchPane).status("Clause bank: not loaded.")

    def _debounce(self, name: str, delay: float, callback) -> None:
        timer = self._debounce_timers.pop(name, None)
        if timer is not None:
            timer.stop()
        self._debounce_timers[name] = self.set_timer(delay, self._while_open(callback), name=name)

    def _while_open(self, callback):
        """A timer may fire after the app has closed: then there is no screen to update."""
        def fire() -> None:
            if self.screen_stack and self.is_running:
                callback()
        return fire

    # --- bank and model -----------------------------------------------------------------

    def _open_bank(self) -> None:
        try:
            bank = self.services.open_bank()
        except Exception as exc:  # a missing or broken bank must not take the editor down
            self.call_from_thread(self.ui(SearchPane).status, f"Clause bank unavailable: {exc}")
            return
        self.call_from_thread(self._bank_ready, bank)

    def _bank_ready(self, bank) -> None:
        self.bank = bank
        self.ui(SearchPane).status("Clause bank ready · semantic model loading…")
        self.run_worker(self._load_model, thread=True, group="model", exit_on_error=False)
        self.schedule_verdict(0.01)
        if self.ui("#query", Input).value.strip():
            self.schedule_search(0.01)

    def _load_model(self) -> None:
        try:
            ok = bool(self.bank.load_model())
        except Exception:
            ok = False
        self.call_from_thread(self._model_loaded, ok)

    def _model_loaded(self, ok: bool) -> None:
        self.model_ready = ok
        self.ui(SearchPane).status("Clause bank ready · lexical + semantic" if ok else
                                          "Clause bank ready · lexical only (model unavailable)")
        if ok and self.ui("#query", Input).value.strip():
            self.schedule_search(0.01)

    # --- search -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("query", "opener-filter"):
            self.schedule_search()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind-filter":
            self.schedule_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("query", "opener-filter"):
            self.ui(HitList).focus()

    def schedule_search(self, delay: float = SEARCH_DELAY) -> None:
        self._debounce("search", delay, self._start_search)

    def _start_search(self) -> None:
        query, kind, opener = self.ui(SearchPane).filters()
        self._query_seq += 1
        if not query or self.bank is None:
            self.ui(HitList).show([])
            return
        seq = self._query_seq
        self.run_worker(lambda: self._search(seq, query, kind, opener), thread=True,
                        group="search", exclusive=True, exit_on_error=False)

    def _search(self, seq: int, query: str, kind, opener) -> None:
        try:
            hits = self.bank.search(query, kind, opener, HITS, False)
            self.call_from_thread(self._show_hits, seq, hits, "lexical")
            if self.model_ready and seq == self._query_seq:
                hits = self.bank.search(query, kind, opener, HITS, True)
                self.call_from_thread(self._show_hits, seq, hits, "lexical + semantic")
        except DrafterError as exc:  # e.g. an opener no clause starts with
            self.call_from_thread(self._search_failed, seq, exc.message)
        except Exception as exc:  # a broken bank must not take the editor down
            self.call_from_thread(self._search_failed, seq, f"Search failed: {exc}")

    def _search_failed(self, seq: int, message: str) -> None:
        if seq == self._query_seq:
            self.ui(HitList).show([])
            self.ui(SearchPane).status(message)

    def _show_hits(self, seq: int, hits: list[Hit], how: str) -> None:
        if seq != self._query_seq:
            return
        self.ui(HitList).show(hits)
        if how != "lexical" and not any("semantic" in h.how for h in hits):
            how = "lexical; no semantic scores"
        more = "" if self.model_ready or how != "lexical" else " · semantic model loading…"
        notice = getattr(self.bank, "notice", None)
        if notice and how != "lexical":
            more += f" · {notice}"
        self.ui(SearchPane).status(
            f"{len(hits)} hits ({how}){more} · Enter inserts, p/o as PP/OP")

    def on_hit_list_insert(self, event: HitList.Insert) -> None:
        hit, kind = event.hit, _KINDS.get(event.kind, Kind.OPERATIVE)
        text = hit.text if hit.kind == kind.value else editing.swap_end(hit.text, kind)
        para = editing.new_paragraph(kind, text)
        doc, index = editing.insert(self.doc, self.selected, para)
        doc = editing.add_source(doc, hit.source())
        self.apply(doc, index, f"insert {hit.provenance}")
        self.notify(f"Inserted {hit.provenance} as {label_of(doc, index)}.", timeout=3)

    def action_focus_search(self) -> None:
        self.ui("#panes", TabbedContent).active = "search-tab"
        self.ui("#query", Input).focus()

    # --- lint ---------------------------------------------------------------------------

    def schedule_lint(self, delay: float = LINT_DELAY) -> None:
        self._debounce("lint", delay, self._start_lint)

    def _start_lint(self) -> None:
        doc = self.doc
        self.run_worker(lambda: self._lint(doc), thread=True, group="lint", exclusive=True,
                        exit_on_error=False)

    def _lint(self, doc: Resolution) -> None:
        try:
            result = self.services.run_lint(doc)
        except Exception as exc:  # lint not installed or broken: say so, keep editing
            self.call_from_thread(self.ui(FindingsPane).show, [], f"(checks unavailable: {exc})")
            return
        self.call_from_thread(self._show_findings, doc, result)

    def _show_findings(self, doc: Resolution, result) -> None:
        if doc is not self.doc:
            return
        self.findings, self._lint_markdown, self._lint_doc = result.findings, result.markdown, doc
        self.ui(FindingsPane).show(list(result.findings))
        n = len(result.findings)
        self.ui("#panes", TabbedContent).get_tab("findings-tab").label = \
            f"Findings ({n})" if n else "Findings"
        self.ui(DraftList).show(self.doc, self.selected, self.paragraph_marks())

    def paragraph_marks(self) -> dict[int, str]:
        """Worst severity per paragraph, for the marks in the draft list."""
        order = {"error": 0, "warning": 1, "suggestion": 2}
        marks: dict[int, str] = {}
        for f in self.findings:
            if f.index is not None and order.get(f.severity, 3) < order.get(marks.get(f.index, ""), 3):
                marks[f.index] = f.severity
        return marks

    def action_show_findings(self) -> None:
        self.ui("#panes", TabbedContent).active = "findings-tab"
        self.ui(FindingList).focus()

    def on_finding_list_jump(self, event: FindingList.Jump) -> None:
        if event.finding.index is None:
            self.notify(f"The finding is about the {event.finding.where}.", timeout=3)
            return
        self.selected = None
        self.select(min(event.finding.index, len(editing.items(self.doc)) - 1))
        self.ui(DraftList).highlighted = self.selected
        self.ui(ParagraphArea).focus()

    def on_finding_list_fix(self, event: FindingList.Fix) -> None:
        f = event.finding
        if not f.fixable:
            self.notify(f"{f.rule} has no safe automatic fix: edit the text.", timeout=3)
            return
        if self._lint_doc is not self.doc:
            self.notify("Checking the latest text… try again in a moment.", timeout=2)
            return
        try:
            fixed = self.services.apply_fix(self._lint_markdown, f.raw, self.doc.path)
        except DrafterError as exc:
            self.notify(f"Fix not applied: {exc}", severity="error")
            return
        self.apply(replace(fixed, path=self.doc.path), self.selected, f"fix {f.rule}")
        self.notify(f"Fixed: {f.message}", timeout=3)

    # --- agreed-language verdict --------------------------------------------------------

    def schedule_verdict(self, delay: float = VERDICT_DELAY) -> None:
        self._debounce("verdict", delay, self._start_verdict)

    def _start_verdict(self) -> None:
        line = self.ui(VerdictLine)
        if self.selected is None or self.bank is None:
            waiting = "waiting for the clause bank…" if self._load_bank else "clause bank off"
            line.show(None, waiting if self.selected is not None else "")
            return
        p = editing.items(self.doc)[self.selected]
        if not p.text.strip():
            line.show(None, "type or insert text")
            return
        text, kind = p.text, p.kind.value
        self.run_worker(lambda: self._verdict(text, kind), thread=True, group="verdict",
                        exclusive=True, exit_on_error=False)

    def _verdict(self, text: str, kind: str) -> None:
        try:
            verdict = self.bank.verdict(text, kind, self.model_ready)
        except Exception as exc:
            self.call_from_thread(self.ui(VerdictLine).show, None, f"unavailable ({exc})")
            return
        self.call_from_thread(self._show_verdict, text, verdict)

    def _show_verdict(self, text: str, verdict) -> None:
        if self.selected is not None and editing.items(self.doc)[self.selected].text == text:
            self.ui(VerdictLine).show(verdict.label, verdict.detail)
