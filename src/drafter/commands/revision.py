"""``drafter diff``, ``drafter history`` and ``drafter compile``: revision tracking between drafts."""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from ..errors import DrafterError
from ..parse import load
from .common import emit

DIFF_FORMATS = ("text", "md", "html", "json", "docx")


def _load(path: str):
    if not Path(path).is_file():
        raise DrafterError("cannot read: no such file", path)
    try:
        return load(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise DrafterError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path) from None


def _use_color(args) -> bool:
    return (args.output in (None, "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb")


def cmd_diff(args) -> int:
    from ..revision import align
    old, new = _load(args.old), _load(args.new)
    al = align(old, new)
    fmt = args.format
    if fmt == "docx":
        if not args.output or args.output == "-":
            raise DrafterError("--format docx needs -o OUT.docx")
        try:
            module = importlib.import_module("drafter.render.diff_docx")
        except ModuleNotFoundError as exc:
            if exc.name != "drafter.render.diff_docx":
                raise
            raise DrafterError("--format docx is not available in this build") from None
        data = module.render_diff_docx(al, old, new, args.author)
    elif fmt == "json":
        from ..render.diff_json import render_diff_json
        data = render_diff_json(al, args.old, args.new)
    elif fmt == "md":
        from ..render.diff_md import render_diff_md
        data = render_diff_md(al, args.old, args.new)
    elif fmt == "html":
        from ..render.diff_html import render_diff_html
        data = render_diff_html(al, args.old, args.new)
    else:
        from ..render.diff_text import render_diff_text
        data = render_diff_text(al, args.old, args.new, color=_use_color(args))
    emit(data, args.output, (args.old, args.new))
    return 0


def cmd_history(args) -> int:
    from ..render.diff_history import render_history
    from ..revision import history
    if len(args.versions) < 2:
        raise DrafterError("history needs at least two versions, oldest first")
    docs = [_load(p) for p in args.versions]
    emit(render_history(history(docs, list(args.versions)), args.format), args.output, tuple(args.versions))
    return 0


def cmd_compile(args) -> int:
    from ..revision import compile_text, render_compilation
    base = _load(args.base)
    proposals = [_load(p) for p in args.proposals]
    names = [d.meta.delegation or Path(p).stem for d, p in zip(proposals, args.proposals)]
    emit(render_compilation(compile_text(base, proposals, names)), args.output,
         (args.base, *args.proposals))
    return 0


def register(sub) -> None:
    p = sub.add_parser("diff", help="what changed between two versions of a draft (moves and renumbering aware)")
    p.add_argument("old", help="earlier version (Markdown, UN text or .docx)")
    p.add_argument("new", help="later version")
    p.add_argument("--format", choices=DIFF_FORMATS, default="text",
                   help="text (coloured in a terminal), md (e-mail), html (one printable file), json, "
                        "docx (tracked changes; needs -o)")
    p.add_argument("--author", default="drafter", help="author name of tracked changes (--format docx)")
    p.add_argument("-o", "--output", help="write here instead of stdout (never over an input)")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("history", help="where each paragraph went through versions V1 V2 V3 ...")
    p.add_argument("versions", nargs="+", help="versions, oldest first")
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("compile", help="one compilation text of several delegations' proposals on a base text")
    p.add_argument("base", help="the base text")
    p.add_argument("proposals", nargs="+", help="proposal files, each naming 'delegation:' in its front matter")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_compile)
