"""Documents as plain JSON-able data (golden files, ``drafter import --format json``)."""
from __future__ import annotations

import json
from dataclasses import asdict

from ..model import FootnoteRef, Inline, Paragraph, Resolution


def runs_to_data(runs: tuple[Inline, ...]) -> list[dict]:
    return [{"footnote": r.id} if isinstance(r, FootnoteRef) else
            ({"text": r.text, "italic": True} if r.italic else {"text": r.text}) for r in runs]


def paragraph_to_data(p: Paragraph) -> dict:
    data = {"kind": p.kind.value, "number": p.number, "opener": p.opener, "text": p.text,
            "runs": runs_to_data(p.runs), "footnote_refs": list(p.footnote_refs)}
    if p.heading is not None:
        data["heading"] = p.heading
    if p.comments:
        data["comments"] = list(p.comments)
    if p.subparagraphs:
        data["subparagraphs"] = [paragraph_to_data(s) for s in p.subparagraphs]
    if p.source:
        data["lines"] = [p.source.line, p.source.end_line]
    return data


def document_to_data(doc: Resolution) -> dict:
    meta = asdict(doc.meta)
    meta["sponsors"] = list(doc.meta.sponsors)
    meta["extra"] = dict(doc.meta.extra)
    return {
        "meta": meta,
        "title": doc.title,
        "organ": None if doc.organ is None else {
            "name": doc.organ.name, "italic": doc.organ.italic, "punctuation": doc.organ.punctuation},
        "preamble": [paragraph_to_data(p) for p in doc.preamble],
        "operative": [paragraph_to_data(p) for p in doc.operative],
        "report": [paragraph_to_data(p) for p in doc.report],
        "footnotes": [{"id": f.id, "text": f.text, "runs": runs_to_data(f.runs), "marker": f.marker}
                      for f in doc.footnotes],
    }


def render_json(doc: Resolution) -> str:
    return json.dumps(document_to_data(doc), ensure_ascii=False, indent=2) + "\n"
