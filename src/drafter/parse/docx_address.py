"""Where a finding in a Word draft is: paragraph addresses instead of line numbers.

A document read from .docx carries ``Source.line`` = 1-based paragraph index in the Word
body (tables and content controls included, empty paragraphs counted), and ``Source.path``
= the .docx path. Line numbers mean nothing to someone looking at Word, so reports should
say "draft.docx:OP 7:" instead.
"""
from __future__ import annotations

from ..model import Paragraph, Resolution

DOCX_SUFFIXES = (".docx", ".docm", ".doc")


def is_paragraph_indexed(path: str | None) -> bool:
    """True when ``Source.line`` of a document read from ``path`` counts Word paragraphs."""
    return bool(path) and str(path).lower().endswith(DOCX_SUFFIXES)


def paragraph_address(doc: Resolution, line: int) -> str | None:
    """Address of the block at paragraph index ``line`` of a .docx: "OP 7", "OP 3 (b)", "PP 2".

    For lint output on Word files ("draft.docx:OP 7: ..."), where a line number means nothing
    to the reader. Also knows the organ line; None for header lines, the title and notes.
    """
    def walk(addr: str, p: Paragraph):
        yield addr, p
        for sub in p.subparagraphs:
            yield from walk(f"{addr} ({sub.number})" if sub.number else addr, sub)

    for addr, top in doc.addressed():
        for a, p in walk(addr, top):
            if p.source is not None and p.source.line == line:
                return a
    if doc.organ is not None and doc.organ.source is not None and doc.organ.source.line == line:
        return "organ line"
    return None
