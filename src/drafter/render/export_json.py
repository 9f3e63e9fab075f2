"""The documented JSON export (``drafter export --format json``): a small, stable schema for other tools.

Unlike ``render.json`` (the full model dump used by golden tests and ``drafter import
--format json``), this keeps only what a consumer needs and never changes shape::

    {"symbol": str|null, "date": str|null, "title": str|null, "organ": str|null,
     "sponsors": [str],
     "preambular": [{"opener", "text", "footnotes"}],
     "operative":  [{"number", "opener", "text", "subparagraphs", "footnotes"}],
     "footnotes":  [{"id", "text"}]}

``text`` is the paragraph's own plain text including its opener, without italics markers or
footnote indicators; an operative paragraph's subparagraphs are not repeated in its ``text``
but listed in ``subparagraphs``, each an object of the operative shape whose ``number`` is its
label ("a", "ii") and whose ``opener`` is null. ``footnotes`` in a paragraph lists the texts of
the footnotes whose indicators stand in that paragraph's own text, in order of appearance.
``date`` is the document date, else the adoption date; ``organ`` is the organ line without
italics or punctuation. A report (no resolution structure) adds ``"report"``: its numbered
paragraphs in the operative shape plus a ``heading`` (the " / " path of section headings).
"""
from __future__ import annotations

import json

from ..model import FootnoteRef, Paragraph, Resolution


def _notes(p: Paragraph, doc: Resolution) -> list[str]:
    out = []
    for r in p.runs:
        if isinstance(r, FootnoteRef):
            fn = doc.footnote(r.id)
            if fn is not None:
                out.append(fn.text)
    return out


def _preambular(p: Paragraph, doc: Resolution) -> dict:
    return {"opener": p.opener, "text": p.text, "footnotes": _notes(p, doc)}


def _numbered(p: Paragraph, doc: Resolution) -> dict:
    return {"number": p.number, "opener": p.opener, "text": p.text,
            "subparagraphs": [_numbered(s, doc) for s in p.subparagraphs], "footnotes": _notes(p, doc)}


def export_data(doc: Resolution) -> dict:
    m = doc.meta
    data = {
        "symbol": m.symbol,
        "date": m.date or m.status.adopted_date,
        "title": doc.title,
        "organ": doc.organ.name if doc.organ else None,
        "sponsors": list(m.sponsors),
        "preambular": [_preambular(p, doc) for p in doc.preamble],
        "operative": [_numbered(p, doc) for p in doc.operative],
        "footnotes": [{"id": f.id, "text": f.text} for f in doc.footnotes],
    }
    if doc.report:
        data["report"] = [{**_numbered(p, doc), "heading": p.heading} for p in doc.report]
    return data


def render_export_json(doc: Resolution) -> str:
    return json.dumps(export_data(doc), ensure_ascii=False, indent=2) + "\n"
