"""Clauses from the sources a delegate has: corpus-schema JSONL, and drafts or adopted texts read
with :func:`drafter.parse.load` (canonical Markdown, UN plain text, .docx)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import DrafterError
from ..model import Kind, Resolution
from .clause import BODIES, Clause, make_id

# Topic selection for the shipped bank: drugs, crime, the CND and UNODC's mandates.
TOPIC_TITLE = re.compile(
    r"drug|narcotic|psychotropic|precursor|opium|cannabis|coca\b|crime|criminal|terroris|corruption|"
    r"traffick|smuggl|launder|firearm|prison|penal|piracy|kidnapping|justice|UNODC|Vienna", re.I)
TOPIC_TEXT = re.compile(
    r"Office on Drugs and Crime|Commission on Narcotic Drugs|Narcotics Control Board|narcotic|"
    r"psychotropic|drug|crime|criminal|traffick|launder|corruption|terroris", re.I)
SELECTIONS = ("all", "topic")


def in_topic(record: dict) -> bool:
    """Every paragraph of ECOSOC resolutions and of resolutions titled on drugs or crime, and any
    other paragraph that mentions them."""
    return (record.get("body") == "ECOSOC" or bool(TOPIC_TITLE.search(record.get("title") or ""))
            or bool(TOPIC_TEXT.search(record.get("text") or "")))


class _UniqueIds:
    """Numbering restarts within some resolutions (sections A, B...): the second "OP1" of a
    symbol becomes "OP1#2", so no clause is lost and ids stay stable for the same source."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def __call__(self, cid: str) -> str:
        n = self.seen[cid] = self.seen.get(cid, 0) + 1
        return cid if n == 1 else f"{cid}#{n}"


def _year(date: str | None) -> int | None:
    m = re.search(r"\b(19|20)\d\d\b", date or "")
    return int(m.group()) if m else None


def clauses_from_jsonl(path: str | Path, select: Callable[[dict], bool] | None = None) -> Iterator[Clause]:
    """Clauses from a file in the corpus schema (see clause_bank/README.md)."""
    positions: dict[tuple[str, str], int] = {}
    unique = _UniqueIds()
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise DrafterError(f"cannot read: {exc.strerror}", str(path)) from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                text, kind = r["text"], r["kind"]
            except (ValueError, KeyError, TypeError):
                raise DrafterError("not a corpus-schema JSON line (needs text and kind)", str(path), n) from None
            if kind not in ("preambular", "operative", "recommendation"):
                raise DrafterError(f"unknown kind {kind!r}", str(path), n)
            symbol = r.get("symbol")
            pos = positions[(symbol, kind)] = positions.get((symbol, kind), 0) + 1
            cid = unique(make_id(symbol, kind, r.get("number"), pos))
            if select is not None and not select(r):
                continue
            body = r.get("body") if r.get("body") in BODIES else None
            yield Clause(id=cid, text=text, kind=kind,
                         opener=r.get("opener"), symbol=symbol, body=body, date=r.get("date"),
                         year=r.get("year") or _year(r.get("date")), title=r.get("title"),
                         number=r.get("number"), position=pos, footnotes=tuple(r.get("footnotes") or ()))


def _body(doc: Resolution) -> str | None:
    names = " ".join(x or "" for x in (doc.organ.name if doc.organ else None, doc.meta.commission, doc.meta.body))
    if "Narcotic Drugs" in names:
        return "CND"
    if "Economic and Social Council" in names:
        return "ECOSOC"
    if "General Assembly" in names:
        return "GA"
    return None


def _document_label(doc: Resolution) -> str | None:
    """A readable stand-in for a missing symbol: "CND draft Rev.1", "CND report" (never a file name)."""
    meta = doc.meta
    if meta.commission != "Commission on Narcotic Drugs":
        return None
    status = meta.status
    year = _year(meta.date) or _year(meta.venue)
    when = f" {year}" if year else ""
    if status.kind == "report":
        return f"CND report{when}"
    if status.kind in ("draft", "revised"):
        return f"CND draft{when}" + (f" Rev.{status.revision}" if status.revision else "")
    return None


def clauses_from_document(doc: Resolution, fallback_symbol: str | None = None) -> Iterator[Clause]:
    """Top-level paragraphs of a resolution as clauses; of a report, only its recommendations
    (lettered recommendations, or paragraphs under a "Recommendations" heading)."""
    meta = doc.meta
    symbol = meta.symbol or (f"CND {meta.resolution_number}" if meta.resolution_number else None) \
        or _document_label(doc) or fallback_symbol
    date = meta.status.adopted_date or meta.date
    body = _body(doc)
    unique = _UniqueIds()
    recs = tuple(p for p in doc.report if p.kind is Kind.RECOMMENDATION
                 or "recommendation" in (p.heading or "").split(" / ")[0].lower())
    for part, kind in ((doc.preamble, "preambular"), (doc.operative, "operative"), (recs, "recommendation")):
        for pos, p in enumerate(part, 1):
            text = p.full_text.strip()
            if not text:
                continue
            notes = tuple(f.text for f in (doc.footnote(r) for r in p.footnote_refs) if f is not None)
            yield Clause(id=unique(make_id(symbol, kind, p.number, pos)), text=text, kind=kind, opener=p.opener,
                         symbol=symbol, body=body, date=date, year=_year(date), title=doc.title,
                         number=p.number, position=pos, footnotes=notes)


def clauses_from_paths(paths: Iterable[str | Path], select: Callable[[dict], bool] | None = None) -> Iterator[Clause]:
    """Clauses from files or folders: ``*.jsonl`` in the corpus schema, anything else via parse.load."""
    from ..parse import load
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".jsonl", ".md", ".txt", ".docx"))
            if not files:
                raise DrafterError("no .jsonl, .md, .txt or .docx files in this folder", str(p))
            yield from clauses_from_paths(files, select)
        elif p.suffix.lower() == ".jsonl":
            yield from clauses_from_jsonl(p, select)
        else:
            try:
                doc = load(p)
            except DrafterError:
                raise
            except Exception as exc:  # an importer bug must not become a traceback for the user
                raise DrafterError(f"cannot read this document ({type(exc).__name__}: {exc})", str(p)) from None
            yield from clauses_from_document(doc, fallback_symbol=p.stem)
