"""One clause of agreed language with its provenance: what the bank stores and search returns."""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field

KINDS = ("preambular", "operative", "recommendation")
KIND_CODES = {"pp": "preambular", "op": "operative", "rec": "recommendation"}
BODIES = ("GA", "ECOSOC", "CND")
_SHORT = {"preambular": "PP", "operative": "OP", "recommendation": "rec."}

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                         "\u2013": "-", "\u2014": "-"})
_FOOTNOTE_MARKS = re.compile(r"\[\^[^\]]*\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|(?<=[a-z,;.)])\d{1,3}/?(?=[\s,;.]|$)")
_SPACES = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """Key of a clause's vector: identical text shares one vector whatever its source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def normalise(text: str) -> str:
    """Text compared for "verbatim": spaces, quotes, dashes and footnote marks normalised, the
    paragraph's final punctuation (comma, semicolon or full stop) ignored, case kept."""
    t = _FOOTNOTE_MARKS.sub("", text.translate(_QUOTES))
    t = _SPACES.sub(" ", t).strip()
    return t.rstrip(" ,;.:")


def short_symbol(symbol: str | None) -> str:
    """"A/RES/73/192" -> "73/192"; "E/RES/2023/12" -> "2023/12"; others unchanged."""
    if not symbol:
        return "?"
    for prefix in ("A/RES/", "E/RES/", "E/CN.7/"):
        if symbol.startswith(prefix):
            return symbol[len(prefix):]
    return symbol


@dataclass(frozen=True)
class Clause:
    """A preambular or operative paragraph (or report recommendation) with where it came from."""

    id: str
    text: str
    kind: str
    opener: str | None = None
    symbol: str | None = None
    body: str | None = None
    date: str | None = None
    year: int | None = None
    title: str | None = None
    number: str | None = None
    position: int | None = None  # 1-based position among the resolution's paragraphs of this kind
    footnotes: tuple[str, ...] = ()
    hash: str = field(default="")

    def __post_init__(self):
        if not self.hash:
            object.__setattr__(self, "hash", text_hash(self.text))

    @property
    def label(self) -> str | None:
        """The number as printed, or for preambular (and unnumbered) paragraphs the position."""
        if self.kind != "preambular" and self.number:
            return self.number
        return str(self.position) if self.position else None

    @property
    def address(self) -> str:
        """"PP 3" / "OP 7" / "rec. b"."""
        return f"{_SHORT.get(self.kind, self.kind)} {self.label or '?'}"

    def to_json(self) -> dict:
        d = asdict(self)
        d["footnotes"] = list(self.footnotes)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Clause":
        return cls(id=d["id"], text=d["text"], kind=d["kind"], opener=d.get("opener"),
                   symbol=d.get("symbol"), body=d.get("body"), date=d.get("date"),
                   year=d.get("year"), title=d.get("title"), number=d.get("number"),
                   position=d.get("position"), footnotes=tuple(d.get("footnotes") or ()),
                   hash=d.get("hash") or "")


def make_id(symbol: str | None, kind: str, number: str | None, position: int | None) -> str:
    """Stable id from provenance: "A/RES/73/192 OP5", "A/RES/73/192 PP3"."""
    short = {"preambular": "PP", "operative": "OP", "recommendation": "REC"}.get(kind, kind)
    label = number if (kind != "preambular" and number) else f"{position}" if position else "?"
    if kind == "operative" and not number:
        label = f"u{position}"  # unnumbered operative paragraph
    return f"{symbol or 'unknown'} {short}{label}"
