"""``drafter lint``: check drafts against the UN drafting conventions, optionally fixing them.

Exit status: 0 no errors, 1 errors found, 2 bad input or usage. ``--fix`` rewrites a Markdown
draft in place (atomically); a plain-text or .docx input is never overwritten in another format:
its fixed canonical Markdown goes to ``-o`` or the command refuses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DrafterError
from ..fileio import atomic_write, read_text

FORMATS = ("text", "json")


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _read(path: str):
    """(doc, text or None, format) for any input the importer reads."""
    from ..parse import detect_format, load, parse_text
    try:
        if Path(path).suffix.lower() in (".docx", ".doc", ".docm"):
            return load(path), None, "docx"
        text = read_text(path)
        fmt = detect_format(text, path)
        doc = parse_text(text, path, fmt)
    except ImportError as exc:
        raise DrafterError(f"this input format cannot be read yet ({exc.name} is missing)", path) from None
    if doc.title is None and doc.organ is None and not any(p.opener or p.number for p in doc.paragraphs):
        raise DrafterError("no resolution structure found (no title, organ line, numbered paragraph "
                           "or paragraph opening with a preambular or operative verb)", path)
    return doc, text, fmt


def _config(args, path: str):
    from ..lint import find_config, load_config_file
    return load_config_file(args.config) if args.config else find_config(path)


def _fix_one(args, path: str, doc, text, fmt, config) -> tuple[str | None, str | None]:
    """Fixed text of one input (None when unchanged) and the text its findings refer to."""
    from ..lint import fix_text, unified_diff
    from ..render.markdown import render_markdown
    markdown = fmt == "markdown"
    source = text if markdown else render_markdown(doc)
    fixed = fix_text(source, path, args.profile, args.select, args.ignore, config)
    if args.diff:
        if fixed != source:
            sys.stdout.write(unified_diff(source, fixed, path if markdown else f"{path}.md"))
        return None, None
    if not markdown and not args.output:
        raise DrafterError(f"--fix on a {fmt} input would rewrite it as Markdown: give -o OUT.md", path)
    target = args.output or path
    if args.output and Path(args.output).resolve() == Path(path).resolve() and not markdown:
        raise DrafterError("refusing to overwrite an input file in another format (name another -o)", path)
    if fixed != source or args.output:
        try:
            atomic_write(target, fixed)
        except OSError as exc:
            raise DrafterError(f"cannot write: {exc.strerror}", target) from None
    return fixed, target


def cmd_lint(args) -> int:
    from ..lint import PROFILES, active_rules, format_json, format_text, lint, lint_text
    if args.list_rules:
        _, rules = active_rules(args.profile, args.select, args.ignore)
        for r in rules:
            print(f"{r.id:32} {r.severity:10} {'fix' if r.fix_safe else '   '}  {r.description}")
        return 0
    if not args.files:
        raise DrafterError("no input files (usage: drafter lint FILE...)")
    if args.output and len(args.files) > 1:
        raise DrafterError("-o takes a single input file")
    if args.profile and args.profile not in PROFILES:
        raise DrafterError(f"unknown profile {args.profile!r}")
    active_rules(args.profile, args.select, args.ignore)  # unknown ids are a usage error up front
    findings, status = [], 0
    for path in args.files:
        try:
            doc, text, fmt = _read(path)
            config = _config(args, path)
            if args.fix or args.diff:
                fixed, target = _fix_one(args, path, doc, text, fmt, config)
                if args.diff:
                    continue
                found = lint_text(fixed, target, args.profile, args.select, args.ignore, config,
                                  fmt="markdown")
            else:
                found = lint(doc, args.profile, args.select, args.ignore, config, text=text, fmt=fmt)
        except DrafterError as exc:
            print(f"drafter: error: {exc}", file=sys.stderr)
            status = 2
            continue
        findings.extend(found)
    if args.diff:
        return status
    sys.stdout.write(format_json(findings) if args.format == "json" else format_text(findings))
    if status:
        return status
    return 1 if any(f.is_error for f in findings) else 0


def register(sub) -> None:
    p = sub.add_parser("lint", help="check drafts against UN drafting conventions (rules in styles/rules)",
                       description="Check drafts against the UN drafting conventions. Exit 0: no "
                                   "errors; 1: errors; 2: bad input or usage.")
    p.add_argument("files", nargs="*", metavar="FILE", help="Markdown, UN plain text or .docx draft")
    p.add_argument("--profile", choices=("current", "legacy"),
                   help="current (default) or legacy (older texts: reused indicators, 33/ notes)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--select", type=_ids, metavar="RULE,...", help="only these rules (ids or families, e.g. UN.FN)")
    p.add_argument("--ignore", type=_ids, metavar="RULE,...", help="skip these rules")
    p.add_argument("--fix", action="store_true", help="apply safe fixes (Markdown in place; other inputs need -o)")
    p.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff, write nothing")
    p.add_argument("-o", "--output", help="with --fix: write the fixed canonical Markdown here")
    p.add_argument("--config", help="settings file (default: drafter.yml next to the draft, "
                                    "else [tool.drafter] in pyproject.toml)")
    p.add_argument("--list-rules", action="store_true", help="list the active rules and exit")
    p.set_defaults(func=cmd_lint)
