"""Live lint findings: Enter (or a click) jumps to the paragraph, f applies a safe fix."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..services import FindingItem

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "suggestion": "cyan"}


def finding_prompt(f: FindingItem) -> Text:
    text = Text()
    text.append(f"{f.where:<8} ", "bold")
    text.append(f"{f.severity} ", SEVERITY_STYLE.get(f.severity, ""))
    text.append(f.message)
    text.append(f"  {f.rule}", "dim")
    if f.fixable:
        text.append("  [f: fix]", "green")
    return text


class FindingList(OptionList):
    BINDINGS = [
        Binding("enter", "jump", "Go to paragraph"),
        Binding("f", "fix", "Apply safe fix"),
    ]

    class Jump(Message):
        def __init__(self, finding: FindingItem) -> None:
            super().__init__()
            self.finding = finding

    class Fix(Message):
        def __init__(self, finding: FindingItem) -> None:
            super().__init__()
            self.finding = finding

    findings: list[FindingItem] = []

    def show(self, findings: list[FindingItem]) -> None:
        keep = self.highlighted
        self.findings = list(findings)
        options: list = []
        for i, f in enumerate(self.findings):
            options.extend([Option(finding_prompt(f), id=f"finding-{i}"), None])
        self.set_options(options[:-1])
        if self.findings:
            self.highlighted = min(keep or 0, self.option_count - 1)

    def _current(self) -> FindingItem | None:
        if self.highlighted is None or not self.findings:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.findings[int(option.id.removeprefix("finding-"))]

    def action_jump(self) -> None:
        if (f := self._current()) is not None:
            self.post_message(self.Jump(f))

    def action_fix(self) -> None:
        if (f := self._current()) is not None:
            self.post_message(self.Fix(f))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()


class FindingsPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("Checking…", id="findings-summary")
        yield FindingList(id="findings")

    def show(self, findings: list[FindingItem], note: str = "") -> None:
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLE}
        summary = Text()
        if not findings:
            summary.append("No findings: the draft follows the conventions checked.", "green")
        else:
            for sev, n in counts.items():
                if n:
                    summary.append(f"{n} {sev}{'s' if n > 1 else ''}  ", SEVERITY_STYLE[sev])
            fixable = sum(f.fixable for f in findings)
            if fixable:
                summary.append(f"· {fixable} safe fix{'es' if fixable > 1 else ''} (f)", "green")
        if note:
            summary.append(f"  {note}", "dim")
        self.query_one("#findings-summary", Static).update(summary)
        self.query_one(FindingList).show(findings)
