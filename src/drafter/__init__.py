"""drafter: compose, check and track revisions of UN CND draft resolutions, offline.

Public API (the core; none of it imports textual or torch)::

    from drafter import load, parse_text, render_markdown, Resolution
"""
from .errors import DrafterError
from .model import Footnote, FootnoteRef, Kind, Meta, Organ, Paragraph, Resolution, Run, Status
from .parse import load, parse_text
from .render.markdown import render_markdown

__version__ = "0.1.0"
__all__ = ["DrafterError", "Footnote", "FootnoteRef", "Kind", "Meta", "Organ", "Paragraph",
           "Resolution", "Run", "Status", "load", "parse_text", "render_markdown"]
