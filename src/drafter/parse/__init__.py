"""Read any supported input into a :class:`~drafter.model.Resolution` (format auto-detected)."""
from __future__ import annotations

from pathlib import Path

from ..errors import DrafterError
from ..fileio import read_text
from ..model import Resolution
from .markdown import looks_like_markdown, parse_markdown

__all__ = ["load", "parse_text", "detect_format"]


def detect_format(text: str, path: str | None = None) -> str:
    """"markdown" or "untext" (text copied out of a UN document)."""
    if path and Path(path).suffix.lower() in (".md", ".markdown"):
        return "markdown"
    return "markdown" if looks_like_markdown(text) else "untext"


def parse_text(text: str, path: str | None = None, fmt: str | None = None) -> Resolution:
    fmt = fmt or detect_format(text, path)
    if fmt == "markdown":
        return parse_markdown(text, path)
    if fmt == "untext":
        from .untext import parse_untext
        return parse_untext(text, path)
    raise DrafterError(f"unknown input format {fmt!r}", path)


def load(path: str | Path, fmt: str | None = None) -> Resolution:
    """Read a draft from disk: canonical Markdown, UN plain text, or .docx."""
    p = str(path)
    suffix = Path(p).suffix.lower()
    if fmt == "docx" or suffix in (".docx", ".doc", ".docm"):
        from .docx import parse_docx
        return parse_docx(p)
    doc = parse_text(read_text(p), p, fmt)
    if not doc.paragraphs and doc.title is None:
        raise DrafterError("no resolution structure found (no title, preambular or operative paragraphs)", p)
    return doc
