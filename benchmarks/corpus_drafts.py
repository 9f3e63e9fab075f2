"""Shared by the corpus benchmarks: read /work/shared/corpus/paragraphs.jsonl and rebuild each
resolution (paragraphs grouped by symbol) as a canonical-style Markdown draft.

The corpus keeps the italic opener in an ``opener`` field and the operative number in
``number``; the rebuilt draft puts them back (``*Opener* rest``, ``1. …``, lettered
subparagraphs on their own lines) so the linter sees what a delegate's draft would look like.
Footnote indicators are not in the corpus, so footnote placement cannot be rebuilt.
Source: United Nations, General Assembly and Economic and Social Council resolutions.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

CORPUS = Path("/work/shared/corpus/paragraphs.jsonl")


def rows(path: str | Path = CORPUS) -> Iterator[dict]:
    """Every paragraph record of the corpus, in file order."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def resolutions(path: str | Path = CORPUS, limit: int | None = None) -> list[tuple[str, list[dict]]]:
    """(symbol, paragraph records) per resolution, in order of first appearance."""
    groups: dict[str, list[dict]] = {}
    for row in rows(path):
        groups.setdefault(row["symbol"], []).append(row)
    return list(groups.items())[:limit]


def _esc(text: str) -> str:
    return text.replace("*", "\\*")


def to_markdown(records: list[dict]) -> str:
    """One corpus resolution as a Markdown draft: title, italic organ line, italic openers,
    numbered operative paragraphs, subparagraphs as their own blocks."""
    first = records[0]
    organ = "*The General Assembly*" if first["body"] == "GA" else "*The Economic and Social Council*"
    has_preamble = any(r["kind"] == "preambular" for r in records)
    blocks = [f"# {first['title']}", organ + ("," if has_preamble else "")]
    for r in records:
        head, *subs = r["text"].split("\n")
        op = r.get("opener")
        head = f"*{_esc(op)}*{_esc(head[len(op):])}" if op and head.startswith(op) else _esc(head)
        num = r["number"] or ""
        if r["kind"] == "operative" and num.isdigit():
            head = f"{num}. {head}"
        elif r["kind"] == "operative" and num.startswith("("):
            head = f"{num} {head}"
        blocks += [head] + [_esc(x) for x in subs if x.strip()]
    return "\n\n".join(blocks) + "\n"
