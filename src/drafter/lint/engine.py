"""Run the selected rules over a document and apply inline ``drafter: disable`` comments.

An HTML comment ``<!-- drafter: disable=RULE-ID[,RULE-ID…] -->`` (or ``disable=all``) standing
before a paragraph silences those rules on that paragraph and its subparagraphs. Ids may be
family prefixes (``UN.FN``).
"""
from __future__ import annotations

import re

from ..model import Resolution
from .checks import KINDS
from .context import Context, walk
from .finding import Finding, sort_key
from .rules import Rule, _matches

_DISABLE = re.compile(r"^drafter:\s*disable\s*=\s*([\w.*,\s-]+)$", re.I)


def disabled_ranges(ctx: Context) -> list[tuple[int, int, tuple[str, ...]]]:
    ranges = []
    for top in ctx.tops:
        for p in walk(top):
            ids: list[str] = []
            for c in p.comments:
                m = _DISABLE.match(c.strip())
                if m:
                    ids.extend(x.strip() for x in m.group(1).split(",") if x.strip())
            lines = [q.source for q in walk(p) if q.source]
            if ids and lines:
                ranges.append((min(s.line for s in lines), max(s.end_line for s in lines), tuple(ids)))
    return ranges


def _silenced(f: Finding, ranges) -> bool:
    return any(lo <= f.line <= hi and any(i.lower() == "all" or _matches(f.rule, i) for i in ids)
               for lo, hi, ids in ranges)


def run(doc: Resolution, rules: list[Rule], profile: str, text: str | None = None,
        fmt: str | None = None) -> list[Finding]:
    ctx = Context(doc, text, profile, fmt)
    for rule in rules:
        ctx.rule = rule
        ctx.params = rule.params_for(profile)
        KINDS[rule.kind](ctx)
    ranges = disabled_ranges(ctx)
    seen = set()
    out = []
    for f in ctx.findings:
        key = (f.line, f.column, f.rule, f.message)
        if key in seen or (ranges and _silenced(f, ranges)):
            continue
        seen.add(key)
        out.append(f)
    return sorted(out, key=sort_key)
