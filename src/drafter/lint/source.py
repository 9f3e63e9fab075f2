"""Map offsets in a paragraph's plain text back to line and column in the raw source.

The Markdown parser joins a block's stripped lines with spaces, removes the label (``1.``,
``(a)``, ``¹``) and turns ``*…*``, ``¹`` and ``[^1]`` into runs. :class:`BlockMap` replays
those steps keeping, for every plain character, where it stood in the file; it also records
the raw spans of italic runs and footnote indicators, which the markup fixes rewrite. When the
replay does not give back the paragraph's text (a plain-text seed rejoined across a page
break), the map falls back to searching the text in the block's lines.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..parse.inline import SUPERSCRIPT

_TOKEN = re.compile(r"\\(.)|\[\^([^\]\s]+)\]|([" + SUPERSCRIPT + r"]+)|(\*)", re.S)


@dataclass(frozen=True)
class Italic:
    start: int  # plain offsets
    end: int
    raw_start: int  # joined offsets including the stars
    raw_end: int


@dataclass(frozen=True)
class Ref:
    id: str
    at: int  # plain offset the indicator stands at
    raw_start: int
    raw_end: int


class BlockMap:
    def __init__(self, lines: list[str], first: int, last: int, plain: str,
                 label: re.Pattern | None = None):
        self.lines = lines
        self.first, self.last = first, last
        self.expected = plain
        # joined offset -> (line, column): one segment per source line (start, line, lead)
        self._segments: list[tuple[int, int, int]] = []
        parts: list[str] = []
        size = 0
        for n in range(first, min(last, len(lines)) + 1):
            raw = lines[n - 1]
            s = raw.strip()
            if not s:
                continue
            if parts:
                parts.append(" ")  # stands just past the end of the previous line
                size += 1
            lead = len(raw) - len(raw.lstrip())
            self._segments.append((size, n, lead))
            parts.append(s)
            size += len(s)
        self.joined = "".join(parts)
        m = label.match(self.joined) if label else None
        self.body_start = m.end() if m else 0
        self.label_span = (m.start(1), m.end(1)) if m and m.groups() else None
        self._replay()
        self.exact = self.plain == plain

    def _replay(self) -> None:
        chunks: list[str] = []  # plain text, a slice of the joined source at a time
        pmap: list[int] = []  # plain offset -> joined offset
        italics: list[Italic] = []
        refs: list[Ref] = []
        open_at: tuple[int, int] | None = None
        pos = self.body_start
        body = self.joined
        size = 0
        for m in _TOKEN.finditer(body, self.body_start):
            if m.start() > pos:
                chunks.append(body[pos:m.start()])
                pmap.extend(range(pos, m.start()))
                size += m.start() - pos
            pos = m.end()
            escaped, caret, sup, star = m.groups()
            if escaped is not None:
                chunks.append(escaped)
                pmap.append(m.start() + 1)
                size += 1
            elif caret is not None or sup is not None:
                fid = caret if caret is not None else "".join(str(SUPERSCRIPT.index(c)) for c in sup)
                refs.append(Ref(fid, size, m.start(), m.end()))
            elif open_at is None:
                open_at = (size, m.start())
            else:
                italics.append(Italic(open_at[0], size, open_at[1], m.end()))
                open_at = None
        chunks.append(body[pos:])
        pmap.extend(range(pos, len(body)))
        size += len(body) - pos
        if open_at is not None:
            italics.append(Italic(open_at[0], size, open_at[1], len(body)))
        self.plain = "".join(chunks)
        self.pmap = pmap
        self.italics = [i for i in italics if i.end > i.start]
        self.refs = refs

    # -- positions -------------------------------------------------------------------------
    def loc(self, j: int) -> tuple[int, int]:
        """(line, column) of joined offset ``j``; ``len(joined)`` is just past the end."""
        if not self._segments:
            return (self.first, 1)
        j = max(j, 0)
        k = bisect_right(self._segments, (j, 1 << 30, 0)) - 1
        start, line, lead = self._segments[max(k, 0)]
        return (line, lead + 1 + j - start)

    def raw_of(self, a: int, b: int) -> tuple[int, int]:
        """Joined span of plain span [a, b)."""
        if not self.pmap:
            return (self.body_start, self.body_start)
        ja = self.pmap[a] if a < len(self.pmap) else self.pmap[-1] + 1
        jb = self.pmap[b - 1] + 1 if b > a else ja
        return ja, jb

    def span(self, a: int, b: int) -> tuple[int, int, int, int]:
        """(line, col, end_line, end_col) of plain span [a, b)."""
        if not self.exact:
            return self._search(a, b)
        ja, jb = self.raw_of(a, b)
        return (*self.loc(ja), *self.loc(jb))

    def joined_span(self, ja: int, jb: int) -> tuple[int, int, int, int]:
        return (*self.loc(ja), *self.loc(jb))

    def clean(self, a: int, b: int) -> bool:
        """True when plain span [a, b) is written in the source without any markup."""
        if not self.exact:
            return False
        ja, jb = self.raw_of(a, b)
        return self.joined[ja:jb] == self.expected[a:b]

    def _search(self, a: int, b: int) -> tuple[int, int, int, int]:
        needle = self.expected[a:b].strip() or self.expected[a:a + 20].strip()
        if needle:
            nth = self.expected[:a].count(needle)
            seen = 0
            for n in range(self.first, min(self.last, len(self.lines)) + 1):
                line = self.lines[n - 1]
                k = line.find(needle)
                while k >= 0:
                    if seen == nth:
                        return (n, k + 1, n, k + 1 + len(needle))
                    seen += 1
                    k = line.find(needle, k + 1)
        line = self.first
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        lead = len(raw) - len(raw.lstrip())
        return (line, lead + 1, line, max(len(raw), lead) + 1)
