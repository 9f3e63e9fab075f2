"""``drafter import`` and ``drafter export``: read any input, write canonical Markdown or other formats."""
from __future__ import annotations

from ..errors import DrafterError
from ..parse import load
from .common import emit

EXPORT_FORMATS = ("md", "json", "docx")


def _render(doc, fmt: str):
    if fmt == "md":
        from ..render.markdown import render_markdown
        return render_markdown(doc)
    if fmt == "json":
        from ..render.json import render_json
        return render_json(doc)
    if fmt == "docx":
        from ..render.docx import render_docx
        return render_docx(doc)
    raise DrafterError(f"unknown format {fmt!r}")


def cmd_import(args) -> int:
    doc = load(args.file)
    emit(_render(doc, args.format), args.output, (args.file,))
    return 0


def cmd_export(args) -> int:
    if args.format == "docx" and not args.output:
        raise DrafterError("--format docx needs -o OUT.docx")
    doc = load(args.draft)
    emit(_render(doc, args.format), args.output, (args.draft,))
    return 0


def register(sub) -> None:
    p = sub.add_parser("import", help="read a UN text, Markdown or .docx draft and print canonical Markdown")
    p.add_argument("file")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", help="write here instead of stdout (never over the input)")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export", help="write a draft as canonical Markdown, JSON or .docx")
    p.add_argument("draft")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="md")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_export)
