"""JSON diff report: {"summary", "pairs": [{"old", "new", "status", "similarity", "changes"}], "sponsors", ...}."""
from __future__ import annotations

import json

from ..revision.types import Alignment, Pair, TextChange


def _addr(labels: tuple[str, ...]) -> str | list[str] | None:
    compact = [a.replace(" ", "", 1) if a[:2] in ("PP", "OP") else a for a in labels]
    return None if not compact else compact[0] if len(compact) == 1 else compact


def pair_to_data(p: Pair) -> dict:
    data = {"old": _addr(p.old), "new": _addr(p.new), "status": p.status,
            "similarity": round(p.similarity, 3),
            "changes": [c.as_dict() for c in p.changes if c.op != "equal"]}
    if p.opener_shift:
        s = p.opener_shift
        data["opener"] = {"old": s.old, "new": s.new, "direction": s.direction,
                          "old_level": s.old_level, "new_level": s.new_level}
    if p.converted:
        data["converted"] = p.converted
    if p.subpairs:
        data["subparagraphs"] = [pair_to_data(s) for s in p.subpairs]
    return data


def _text_change(t: TextChange | None) -> dict | None:
    if t is None:
        return None
    return {"kind": t.label, "old": t.old, "new": t.new,
            "changes": [c.as_dict() for c in t.changes if c.op != "equal"]}


def alignment_to_data(al: Alignment, old_name: str | None = None, new_name: str | None = None) -> dict:
    s = al.signals
    return {
        "old": old_name or al.old.path, "new": new_name or al.new.path,
        "identical": al.identical,
        "summary": al.summary,
        "pairs": [pair_to_data(p) for p in al.pairs],
        "sponsors": {"added": list(s.sponsors_added), "removed": list(s.sponsors_removed)},
        "openers": [{"where": w, "old": sh.old, "new": sh.new, "direction": sh.direction}
                    for w, sh in s.opener_shifts],
        "title": _text_change(s.title),
        "footnotes": [_text_change(f) for f in s.footnotes],
        "references": {"added": list(s.references_added), "removed": list(s.references_removed)},
    }


def render_diff_json(al: Alignment, old_name: str | None = None, new_name: str | None = None) -> str:
    return json.dumps(alignment_to_data(al, old_name, new_name), ensure_ascii=False, indent=2) + "\n"
