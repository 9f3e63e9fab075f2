"""UN drafting-convention checker: rules are YAML data, the code holds generic check kinds.

Public API (used by the CLI and the TUI)::

    lint(doc, profile=None, select=None, ignore=None, config=None, text=None) -> list[Finding]
    lint_text(text, path=None, ...) -> list[Finding]        # parse + lint, exact columns
    fix_text(text, path=None, ...) -> str                    # apply safe fixes until stable
    load_rules() / select_rules(...) / find_config(path) / Finding

Pass ``text`` (the source the document was parsed from) to get exact columns and fixes;
without it findings carry the paragraph's line only. Explicit ``profile``/``select``/``ignore``
override a :class:`Config`; the default profile is ``current``.
"""
from __future__ import annotations

from ..model import Resolution
from .config import Config, find_config, load_config_file
from .finding import Finding, format_json, format_text
from .fix import apply_fixes, fix_until_stable, unified_diff
from .rules import PROFILES, Rule, example_document, load_rules, rule_by_id, select_rules

__all__ = ["lint", "lint_text", "fix_text", "Finding", "Rule", "Config", "PROFILES", "load_rules",
           "select_rules", "rule_by_id", "find_config", "load_config_file", "format_text",
           "format_json", "apply_fixes", "unified_diff", "example_document", "active_rules"]


def active_rules(profile: str | None = None, select=None, ignore=None,
                 config: Config | None = None) -> tuple[str, list[Rule]]:
    """(profile, rules) after merging explicit options over ``config``."""
    config = config or Config()
    profile = profile or config.profile or "current"
    select = select if select is not None else config.select
    ignore = ignore if ignore is not None else config.ignore
    return profile, select_rules(load_rules(), profile, select, ignore)


def lint(doc: Resolution, profile: str | None = None, select=None, ignore=None,
         config: Config | None = None, text: str | None = None, fmt: str | None = None) -> list[Finding]:
    """Findings for ``doc`` sorted by position. ``fmt`` is the input format ("markdown",
    "untext", "docx"); it is guessed from ``text`` when omitted."""
    from .engine import run
    profile, rules = active_rules(profile, select, ignore, config)
    if fmt is None and text is not None:
        from ..parse import detect_format
        fmt = detect_format(text, doc.path)
    return run(doc, rules, profile, text, fmt)


def lint_text(text: str, path: str | None = None, profile: str | None = None, select=None,
              ignore=None, config: Config | None = None, fmt: str | None = None) -> list[Finding]:
    from ..parse import detect_format, parse_text
    fmt = fmt or detect_format(text, path)
    doc = parse_text(text, path, fmt)
    return lint(doc, profile, select, ignore, config, text=text, fmt=fmt)


def fix_text(text: str, path: str | None = None, profile: str | None = None, select=None,
             ignore=None, config: Config | None = None) -> str:
    """``text`` (canonical Markdown) with every safe fix applied; idempotent."""
    return fix_until_stable(text, lambda t: lint_text(t, path, profile, select, ignore, config,
                                                      fmt="markdown"))
