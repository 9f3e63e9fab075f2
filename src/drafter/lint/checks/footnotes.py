"""Footnotes: indicator placement, numbering and reuse, marker style, and the form of notes
(Treaty Series, Official Records, closing full stop, Ibid.)."""
from __future__ import annotations

import re

from ...model import FootnoteRef, Run
from ...parse.inline import digits_to_sup
from . import kind
from .util import end_fix, ref_offsets, report_ref, rstrip_visible, starts_with_any

_TREATY_MENTION = re.compile(r"Treaty Series|\bU\.?N\.?T\.?S\.?(?![\w])")
_TREATY_OK = re.compile(r"United Nations, Treaty Series, vol\. (\d+), No\. (\d+)")
_VOL_NO = re.compile(r"vol(?:ume)?\.?\s*(\d+),?\s*(?:No\.?|number)\s*(\d+)", re.I)
_SYMBOL_IN = re.compile(r"^(.*?\S)\s*(\([A-Z][A-Z0-9.]*/[^)]*\))$")


def _body_refs(ctx):
    for p in ctx.body:
        for fid, at in ref_offsets(p):
            yield p, fid, at


@kind("footnote_after_punct")
def footnote_after_punct(ctx) -> None:
    marks = ctx.params.get("punctuation", ",;:.")
    for p in ctx.body:
        runs, pos = p.runs, 0
        for i, r in enumerate(runs):
            if isinstance(r, Run):
                pos += len(r.text)
                continue
            nxt = runs[i + 1] if i + 1 < len(runs) else None
            if not (isinstance(nxt, Run) and nxt.text[:1] in marks and nxt.text[:1]):
                continue
            punct = nxt.text[0]
            m = ctx.map(p)
            ref = next((x for x in (m.refs if m and m.exact else ()) if x.at == pos and x.id == r.id), None)
            msg = f"footnote indicator {r.id} stands before '{punct}': put it after the punctuation"
            if ref and m.joined[ref.raw_end:ref.raw_end + 1] == punct:
                ctx.report(p, msg, joined=(ref.raw_start, ref.raw_end + 1),
                           fix=punct + m.joined[ref.raw_start:ref.raw_end])
            else:
                report_ref(ctx, p, r.id, pos, msg)


@kind("footnote_sequence")
def footnote_sequence(ctx) -> None:
    seen: list[str] = []
    for p, fid, at in _body_refs(ctx):
        if fid in seen or not fid.isdigit():
            continue
        want = str(len(seen) + 1)
        seen.append(fid)
        if fid != want:
            report_ref(ctx, p, fid, at, f"footnote {fid} is note number {want} in order of "
                                        f"appearance: notes are numbered 1, 2, 3 … (expected {want})")
            return


@kind("footnote_reused")
def footnote_reused(ctx) -> None:
    seen: set[str] = set()
    for p, fid, at in _body_refs(ctx):
        if fid in seen:
            report_ref(ctx, p, fid, at, f"footnote indicator {fid} is used again: a later mention "
                                        "takes no note (or 'Ibid.' for the same source as the note before)")
        seen.add(fid)


@kind("footnote_marker")
def footnote_marker(ctx) -> None:
    allowed = ctx.params.get("allowed", ["caret", "superscript"])
    for fn in ctx.doc.footnotes:
        if fn.marker in allowed:
            continue
        m = ctx.map(fn)
        span = m.label_span if m is not None and m.exact else None
        want = digits_to_sup(fn.id) if fn.id.isdigit() else None
        ctx.report(fn, f"note {fn.id} is labelled '{fn.id}/': use superscript numbers "
                       f"('{want or fn.id}')", joined=span, fix=want if span else None)


@kind("footnote_end")
def footnote_end(ctx) -> None:
    for fn in ctx.doc.footnotes:
        text = rstrip_visible(ctx.text(fn))
        if text and not text.endswith("."):
            end_fix(ctx, fn, ctx.text(fn), ".", ",;:", f"note {fn.id} does not end with a full stop")


def _convention_before(ctx, fid: str, instruments) -> dict | None:
    for p, ref, at in _body_refs(ctx):
        if ref == fid:
            before = ctx.text(p)[max(0, at - 160):at]
            for inst in instruments:
                if inst.get("treaty") and before.rstrip(" ,;”").endswith(inst["name"]):
                    return inst
            return None
    return None


@kind("treaty_form")
def treaty_form(ctx) -> None:
    instruments = ctx.params.get("instruments", [])
    for fn in ctx.doc.footnotes:
        text = ctx.text(fn)
        if not _TREATY_MENTION.search(text):
            continue
        ok = _TREATY_OK.search(text)
        italic = any(isinstance(r, Run) and r.italic and "Treaty Series" in r.text for r in fn.runs)
        inst = _convention_before(ctx, fn.id, instruments)
        nums = _VOL_NO.search(text)
        vol, no = (inst["treaty"]["vol"], inst["treaty"]["no"]) if inst else \
            (nums.group(1), nums.group(2)) if nums else (None, None)
        canonical = f"United Nations, *Treaty Series*, vol. {vol}, No. {no}." if vol else None
        if ok and italic and (inst is None or (ok.group(1), ok.group(2)) == (str(vol), str(no))):
            continue
        if ok and italic:
            msg = f"note {fn.id} gives the wrong Treaty Series reference for the {inst['name']}: expected '{canonical}'"
        else:
            msg = f"note {fn.id} does not follow the Treaty Series form: expected " \
                  f"'{canonical or 'United Nations, *Treaty Series*, vol. N, No. N.'}'"
        m = ctx.map(fn)
        whole = canonical and m is not None and m.exact and \
            re.fullmatch(r"(See )?(United Nations,?\s*)?(\*?Treaty Series\*?|UNTS|U\.N\.T\.S\.)?[\s,]*"
                         r"vol(ume)?\.?\s*\d+,?\s*(No\.?|number)\s*\d+\.?", m.joined[m.body_start:].strip())
        ctx.report(fn, msg, joined=(m.body_start, len(m.joined)) if whole else None,
                   fix=canonical if whole else None)


@kind("official_records")
def official_records(ctx) -> None:
    for fn in ctx.doc.footnotes:
        m = ctx.map(fn)
        pos = 0
        for r in fn.runs:
            if isinstance(r, FootnoteRef):
                continue
            hit = _SYMBOL_IN.match(r.text.strip()) if r.italic and "Official Records" in r.text else None
            if hit:
                msg = (f"note {fn.id}: the document symbol {hit.group(2)} is inside the italics: "
                       "italicize the title only, then the symbol in roman")
                it = next((i for i in (m.italics if m and m.exact else ()) if i.start == pos), None)
                if it is not None and m.joined[it.raw_start + 1:it.raw_end - 1] == r.text:
                    ctx.report(fn, msg, joined=(it.raw_start, it.raw_end),
                               fix=f"*{hit.group(1)}* {hit.group(2)}")
                else:
                    ctx.report(fn, msg, pos, pos + len(r.text))
            pos += len(r.text)


@kind("footnote_ibid")
def footnote_ibid(ctx) -> None:
    prev = None
    for fn in ctx.doc.footnotes:
        text = " ".join(ctx.text(fn).split())
        if prev is not None and text == prev and not starts_with_any(text, ["Ibid."]):
            ctx.report(fn, f"note {fn.id} repeats the note before it: write 'Ibid.'")
        prev = text


@kind("first_mention_note")
def first_mention_note(ctx) -> None:
    names = [i["name"] if isinstance(i, dict) else i for i in ctx.params["instruments"]]
    done: set[str] = set()
    for p in ctx.body:
        refs = [at for _, at in ref_offsets(p)]
        for name in names:
            if name in done:
                continue
            k = ctx.text(p).find(name)
            if k < 0:
                continue
            done.add(name)
            end = k + len(name)
            tail = len(ctx.text(p)[end:end + 3]) - len(ctx.text(p)[end:end + 3].lstrip(",;:.”)"))
            if not any(end <= at <= end + tail for at in refs):
                ctx.report(p, f"first mention of the {name} has no footnote: cite its source in a note",
                           k, end)
