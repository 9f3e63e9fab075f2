"""A lint finding and its two output forms (one text line, one JSON object).

Positions are 1-based; ``end_line``/``end_column`` point just past the last character, so a
finding with a ``fix`` says exactly which source span the replacement text takes the place of.
``address`` says where the finding is in the delegate's terms ("OP 7", "PP 2", "OP 3 (b)",
"note 4", "organ line"). In a Word file ``line`` counts body paragraphs, which mean nothing to
someone looking at Word, so the text form shows the address there: ``draft.docx:OP 7: …``.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from ..parse.docx_address import is_paragraph_indexed

SEVERITIES = ("error", "warning", "suggestion")
JSON_FIELDS = ("path", "address", "line", "column", "end_line", "end_column", "rule", "severity",
               "message", "fix")


@dataclass(frozen=True)
class Finding:
    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fix: str | None = None
    # Whether ``--fix`` may apply ``fix`` unattended (the rule's ``fix.safe``); not in JSON.
    safe: bool = field(default=False, compare=False, repr=False)
    address: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_dict(self) -> dict:
        d = asdict(self)
        return {k: d[k] for k in JSON_FIELDS}

    @property
    def where(self) -> str:
        """``line:col``, or in a Word file the paragraph address ("OP 7", else "paragraph 12")."""
        if is_paragraph_indexed(self.path):
            return self.address or f"paragraph {self.line}"
        return f"{self.line}:{self.column}"

    def as_text(self) -> str:
        return f"{self.path or '-'}:{self.where}: {self.rule} {self.severity}: {self.message}"


def sort_key(f: Finding) -> tuple:
    return (f.path or "", f.line, f.column, f.rule)


def format_text(findings: list[Finding]) -> str:
    return "".join(f.as_text() + "\n" for f in findings)


def format_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
