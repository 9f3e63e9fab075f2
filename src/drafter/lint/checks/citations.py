"""Citations: a resolution is cited with its date at its first mention in the text."""
from __future__ import annotations

import re

from . import kind
from .util import DATE_AFTER

_OF_DATE = re.compile(r"^,?\s+of\s+\d{1,2}\s+\w+\s+\d{4}")
_RES = re.compile(r"\bresolution\s+((?:S-)?\d{1,4}/\d{1,4}(?:\s[A-Z](?![\w/-]))?|\d{1,4}\s\([IVXLC]+\))")


@kind("resolution_date")
def resolution_date(ctx) -> None:
    seen: set[str] = set()
    for p, text, _ in ctx.units("body"):
        if "resolution" not in text:
            continue
        for m in _RES.finditer(text):
            symbol = m.group(1).split()[0] if "(" not in m.group(1) else m.group(1)
            if symbol in seen:
                continue
            seen.add(symbol)
            after = text[m.end():]
            if DATE_AFTER.match(after) or _OF_DATE.match(after):
                continue
            ctx.report(p, f"first mention of resolution {symbol} has no date: write "
                          f"'resolution {symbol} of <day Month year>'", m.start(1), m.end(1))
