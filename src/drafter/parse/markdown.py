"""Read the canonical Markdown draft format (and the looser Markdown delegates write by hand).

Canonical form: YAML front matter, ``# Title``, organ line, one paragraph per block,
``1. *Decides* ...`` for operative paragraphs, ``(a) ...`` for subparagraphs, ``[^1]: ...``
footnote definitions at the end. Also accepted: superscript indicators (``¹``), a ``---``
rule followed by ``¹ text`` notes, and a leading HTML comment.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

import yaml

from ..errors import DrafterError
from ..model import Footnote, Kind, Meta, Organ, Paragraph, Resolution, Run, Source, Status
from ..openers import detect_opener
from .inline import SUPERSCRIPT, parse_inline, sup_to_digits
from ..model import plain


def parse_plain(t: str) -> str:
    return plain(parse_inline(t))

OP_LABEL = re.compile(r"^(\d+)\.\s+")
SUB_LABEL = re.compile(r"^\(([a-z]{1,4})\)\s+")
FN_DEF = re.compile(r"^(?:\[\^([^\]\s]+)\]:|([" + SUPERSCRIPT + r"]+)|(\d+)/)\s*")
ORGAN = re.compile(
    r"^(\*?)(The (?:Commission|Economic and Social Council|General Assembly|Council|Conference|"
    r"Security Council|Human Rights Council|Assembly)[^*,.;]{0,80}|General Assembly|"
    r"Economic and Social Council)(\*?)([,.;:]?)$")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
         "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"}
META_KEYS = ("symbol", "distribution", "date", "original_language", "body", "commission",
             "session", "venue", "agenda_item", "agenda_title", "resolution_number", "delegation")
STATUS_KEYS = ("status", "revision", "meeting", "adopted_date")


@dataclass
class Block:
    text: str
    line: int
    end_line: int


_YAML_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|-[ \t]|#")


def _opens_front_matter(head: str) -> bool:
    """"---" then YAML lines up to a closing "---": a UN text may open with a "---" page rule."""
    if not re.match(r"---[ \t]*\n", head):
        return False
    for line in head.split("\n")[1:]:
        if line.strip() in ("---", "..."):
            return True
        if line.strip() and not _YAML_LINE.match(line):
            return False
    return True  # not closed within the head: let the Markdown reader say so


def looks_like_markdown(text: str) -> bool:
    head = text.lstrip()[:4000]
    return (_opens_front_matter(head) or head.startswith("<!--") or head.startswith("# ")
            or "[^1]" in head or re.search(r"^\*The [A-Z]", head, re.M) is not None)


def split_blocks(lines: list[str], first_line: int) -> list[Block]:
    blocks: list[Block] = []
    cur: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        n = first_line + i
        if line.strip():
            if not cur:
                start = n
            cur.append(line.strip())
            if line.strip().startswith("<!--") and line.strip().endswith("-->") or line.strip() == "---":
                blocks.append(Block(" ".join(cur), start, n))
                cur = []
        elif cur:
            blocks.append(Block(" ".join(cur), start, n - 1))
            cur = []
    if cur:
        blocks.append(Block(" ".join(cur), start, first_line + len(lines) - 1))
    return blocks


# Plain YAML scalars that load as themselves (a str): letter first, no ": ", " #" or flow
# syntax, and not one of YAML 1.1's booleans or nulls. Shared with the renderer.
PLAIN_SCALAR = re.compile(r"[A-Za-z][A-Za-z0-9 /.,()'\-]*\Z")
YAML_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF "
                       "null Null NULL".split())
_FM_KEY = re.compile(r"([A-Za-z_][\w-]*):(?: (.*))?\Z")
_FM_INT = re.compile(r"(?:0|[1-9][0-9]{0,8})\Z")
_NOT_SIMPLE = object()


def _simple_scalar(v: str):
    """The value ``yaml.safe_load`` gives for a canonical front-matter scalar, or _NOT_SIMPLE."""
    if PLAIN_SCALAR.match(v) and v[-1] != " " and v not in YAML_WORDS:
        return v
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"' and "\\/" not in v and "\\u" not in v \
            and not any(c in v for c in "\x85\u2028\u2029\ufeff"):
        try:
            value = json.loads(v)
        except ValueError:
            return _NOT_SIMPLE
        return value if isinstance(value, str) and _yaml_printable(value) else _NOT_SIMPLE
    if _FM_INT.match(v):
        return int(v)
    return _NOT_SIMPLE


def _yaml_printable(s: str) -> bool:
    from yaml.reader import Reader
    return Reader.NON_PRINTABLE.search(s) is None


def simple_front_matter(lines: list[str]) -> dict | None:
    """Front matter as written by the renderer ("key: scalar", "key:" + "  - item" lists) read
    without the YAML machinery; None for anything else (then yaml.safe_load reads it)."""
    data: dict = {}
    key = None  # a "key:" waiting for its list items
    for line in lines:
        if line.startswith("  - ") and key is not None:
            value = _simple_scalar(line[4:])
            if value is _NOT_SIMPLE:
                return None
            if data[key] is None:
                data[key] = []
            data[key].append(value)
            continue
        m = _FM_KEY.match(line)
        if not m or m.group(1) in YAML_WORDS:
            return None
        if m.group(2) is None:
            key = m.group(1)
            data[key] = None
            continue
        value = _simple_scalar(m.group(2))
        if value is _NOT_SIMPLE:
            return None
        data[m.group(1)] = value
        key = None
    return data


def _front_matter(text: str, path: str | None) -> tuple[dict, list[str], int]:
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                try:
                    data = simple_front_matter(lines[1:i])
                    if data is None:
                        data = yaml.safe_load("\n".join(lines[1:i])) or {}
                except yaml.YAMLError as exc:
                    mark = getattr(exc, "problem_mark", None)
                    line = mark.line + 2 if mark else 1
                    raise DrafterError(f"bad YAML front matter: {getattr(exc, 'problem', exc)}",
                                       path, line) from None
                if not isinstance(data, dict):
                    raise DrafterError("front matter must be a YAML mapping", path, 2)
                return data, lines[i + 1:], i + 2
        raise DrafterError("front matter opened with '---' is never closed", path, 1)
    return {}, lines, 1


def _str(v) -> str | None:
    return None if v is None else str(v)


def meta_from_dict(data: dict, path: str | None = None) -> Meta:
    data = dict(data)
    fields = {k: _str(data.pop(k)) for k in META_KEYS if k in data}
    sponsors = data.pop("sponsors", None) or ()
    if isinstance(sponsors, str):
        sponsors = [s.strip() for s in sponsors.split(",") if s.strip()]
    if not isinstance(sponsors, (list, tuple)):
        raise DrafterError("'sponsors' must be a list of Member States", path, 2)
    st = {k: data.pop(k) for k in STATUS_KEYS if k in data}
    try:
        revision = int(st["revision"]) if st.get("revision") is not None else None
    except (TypeError, ValueError):
        raise DrafterError("'revision' must be a number", path, 2) from None
    status = Status(kind=str(st.get("status") or "draft"), revision=revision,
                    meeting=_str(st.get("meeting")), adopted_date=_str(st.get("adopted_date")))
    return Meta(**fields, sponsors=tuple(str(s) for s in sponsors), status=status,
                extra=tuple((str(k), v) for k, v in data.items()))


def _sub_level(label: str, siblings: list[list]) -> int:
    """1 for (a)-style labels, 2 for (i)-style, deciding the ambiguous (i), (v), (x)."""
    if label not in ROMAN:
        return 1
    if label == "i" and siblings and siblings[-1] and siblings[-1][-1].number == "h":
        return 1
    if label in ("v", "x") and siblings and siblings[-1] and \
            siblings[-1][-1].number == chr(ord(label) - 1):
        return 1
    return 2 if siblings else 1


def parse_markdown(text: str, path: str | None = None) -> Resolution:
    data, lines, first = _front_matter(text, path)
    meta = meta_from_dict(data, path)
    report_mode = meta.status.kind == "report"
    title = None
    organ = None
    tops: list[Paragraph] = []  # built bottom-up; subparagraphs kept as mutable lists
    subs: dict[int, list[list[Paragraph]]] = {}
    footnotes: list[Footnote] = []
    pending_comments: list[str] = []
    preface: list[str] = []
    heading = None
    in_notes = False
    seen_op = False

    def make(kind: Kind, body: str, number: str | None, blk: Block) -> Paragraph:
        runs = parse_inline(body)
        opener = None
        if kind is Kind.PREAMBULAR or kind is Kind.OPERATIVE:
            opener = detect_opener(plain(runs), kind.value)
            first_run = runs[0] if runs else None
            if not opener and isinstance(first_run, Run) and first_run.italic:
                opener = first_run.text.strip().rstrip(",;:")
        para = Paragraph(kind=kind, runs=runs, number=number, opener=opener or None,
                         heading=heading if report_mode else None, comments=tuple(pending_comments),
                         source=Source(blk.line, blk.end_line, path))
        pending_comments.clear()
        return para

    for blk in split_blocks(lines, first):
        t = blk.text
        if t.startswith("<!--") and t.endswith("-->"):
            if title is not None or organ is not None or tops:
                pending_comments.append(t[4:-3].strip())
            else:  # a note above the title (e.g. a fixture's expected findings): kept verbatim
                preface.append("\n".join(lines[blk.line - first:blk.end_line - first + 1]))
            continue
        if t == "---":
            in_notes = True
            continue
        m = FN_DEF.match(t)
        if m and (in_notes or m.group(1)):
            fid = m.group(1) or (sup_to_digits(m.group(2)) if m.group(2) else m.group(3))
            marker = "caret" if m.group(1) else ("superscript" if m.group(2) else "slash")
            footnotes.append(Footnote(fid, parse_inline(t[m.end():]), marker, Source(blk.line, blk.end_line, path)))
            in_notes = True
            continue
        if t.startswith("# ") and title is None and not tops:
            title = t[2:].strip()
            continue
        if t.startswith("#"):
            heading = t.lstrip("#").strip()
            continue
        om = ORGAN.match(t)
        if om and organ is None and not tops:
            italic = bool(om.group(1) and om.group(3))
            organ = Organ(om.group(2), italic, om.group(4), Source(blk.line, blk.end_line, path))
            continue
        sm = SUB_LABEL.match(t)
        if sm and tops:
            parent_idx = len(tops) - 1
            levels = subs.setdefault(parent_idx, [])
            label = sm.group(1)
            level = _sub_level(label, levels)
            kind = Kind.RECOMMENDATION if report_mode else Kind.SUBPARAGRAPH
            para = make(kind, t[sm.end():], label, blk)
            if level == 1 or not levels:
                levels.append([para])
            else:
                levels[-1].append(para)
            continue
        om2 = OP_LABEL.match(t)
        if om2:
            kind = Kind.REPORT if report_mode else Kind.OPERATIVE
            tops.append(make(kind, t[om2.end():], om2.group(1), blk))
            seen_op = True
            continue
        kind = Kind.REPORT if report_mode else (Kind.OPERATIVE if seen_op else Kind.PREAMBULAR)
        if kind is Kind.OPERATIVE and t.endswith(",") and detect_opener(parse_plain(t), "preambular") \
                and not detect_opener(parse_plain(t), "operative"):
            kind = Kind.PREAMBULAR  # a preambular paragraph out of place (lint reports the order)
        tops.append(make(kind, t, None, blk))

    built: list[Paragraph] = []
    for i, p in enumerate(tops):
        groups = subs.get(i, [])
        children = tuple(replace(g[0], subparagraphs=tuple(g[1:])) for g in groups)
        built.append(replace(p, subparagraphs=children) if children else p)
    # A lone unnumbered paragraph closing the text with an operative opener is the single OP.
    if not seen_op and not report_mode and built and built[-1].kind is Kind.PREAMBULAR:
        last = built[-1]
        op = detect_opener(last.text, "operative")
        if op and not detect_opener(last.text, "preambular") and last.text.rstrip().endswith("."):
            built[-1] = replace(last, kind=Kind.OPERATIVE, opener=op)
    pre = tuple(p for p in built if p.kind is Kind.PREAMBULAR)
    ops = tuple(p for p in built if p.kind is Kind.OPERATIVE)
    rep = tuple(p for p in built if p.kind is Kind.REPORT)
    return Resolution(meta=meta, title=title, organ=organ, preamble=pre, operative=ops, report=rep,
                      footnotes=tuple(footnotes), preface=tuple(preface), path=path)
