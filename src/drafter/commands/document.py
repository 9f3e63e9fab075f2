"""``drafter import`` and ``drafter export``: read any input, write canonical Markdown or other formats.

``import`` is for bringing a UN text (or .docx) into the canonical draft format (``--format
json`` gives the full model dump); ``export`` writes a draft for others: canonical Markdown,
UN layout as plain text, the documented JSON schema (``render.export_json``) or Word .docx.
"""
from __future__ import annotations

from ..errors import DrafterError
from ..parse import load
from .common import emit

EXPORT_FORMATS = ("md", "text", "json", "docx")


def _render(doc, fmt: str, width: int = 80):
    if fmt == "md":
        from ..render.markdown import render_markdown
        return render_markdown(doc)
    if fmt == "model-json":
        from ..render.json import render_json
        return render_json(doc)
    if fmt == "text":
        from ..render.text import render_text
        return render_text(doc, width)
    if fmt == "json":
        from ..render.export_json import render_export_json
        return render_export_json(doc)
    if fmt == "docx":
        from ..render.docx import render_docx
        return render_docx(doc)
    raise DrafterError(f"unknown format {fmt!r}")


def cmd_import(args) -> int:
    doc = load(args.file)
    emit(_render(doc, "model-json" if args.format == "json" else "md"), args.output, (args.file,))
    return 0


def cmd_export(args) -> int:
    if args.format == "docx" and (not args.output or args.output == "-"):
        raise DrafterError("--format docx needs -o OUT.docx")
    if args.width < 0:
        raise DrafterError("--width must be 0 (no wrapping) or a number of columns")
    doc = load(args.draft)
    emit(_render(doc, args.format, args.width), args.output, (args.draft,))
    return 0


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="read a UN text, Markdown or .docx draft and write canonical Markdown",
        description="Read a draft (UN plain text copied from a PDF or web page, Markdown, or .docx; the "
                    "format is detected) and write it in the canonical Markdown draft format.")
    p.add_argument("file", metavar="SRC", help="the draft to read")
    p.add_argument("--format", choices=("md", "json"), default="md",
                   help="md: canonical Markdown (default); json: the full document model")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout (never over the input)")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser(
        "export", help="write a draft as canonical Markdown, UN-layout text, JSON or .docx",
        description="Write a draft for others: md (canonical Markdown), text (UN layout as plain text), "
                    "json (the documented export schema: symbol, date, title, organ, sponsors, "
                    "preambular, operative, footnotes) or docx (Word, needs -o).")
    p.add_argument("draft", metavar="SRC", help="the draft to read (any input format)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="md", help="output format (default: md)")
    p.add_argument("--width", type=int, default=80, metavar="N",
                   help="wrap --format text at N columns (0: one line per paragraph; default 80)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout (never over the input)")
    p.set_defaults(func=cmd_export)
