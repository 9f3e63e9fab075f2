"""Write the canonical Markdown draft format: ``parse_markdown(render_markdown(doc)) == doc``."""
from __future__ import annotations

import json
from functools import lru_cache

import yaml

from ..model import Kind, Meta, Paragraph, Resolution
from ..parse.inline import render_inline
from ..parse.markdown import PLAIN_SCALAR, YAML_WORDS


def _scalar(value: object) -> str:
    """Plain YAML scalar when it reads back as the same string, else a JSON (YAML) quoted one."""
    s = str(value)
    return s if _reads_back_plain(s) else json.dumps(s, ensure_ascii=False)


@lru_cache(maxsize=4096)
def _reads_back_plain(s: str) -> bool:
    if PLAIN_SCALAR.match(s) and s[-1] != " " and s not in YAML_WORDS:
        return True  # the common case, without a YAML round trip (same answer; see the tests)
    try:
        return bool(s) and s == s.strip() and "\n" not in s and yaml.safe_load(f"k: {s}") == {"k": s}
    except yaml.YAMLError:
        return False


def render_front_matter(meta: Meta) -> str:
    lines: list[str] = []
    for key in ("symbol", "distribution", "date", "original_language", "body", "commission",
                "session", "venue", "agenda_item", "agenda_title"):
        value = getattr(meta, key)
        if value is not None:
            lines.append(f"{key}: {_scalar(value)}")
    if meta.sponsors:
        lines.append("sponsors:")
        lines.extend(f"  - {_scalar(s)}" for s in meta.sponsors)
    st = meta.status
    if st.kind != "draft":
        lines.append(f"status: {_scalar(st.kind)}")
    if st.revision is not None:
        lines.append(f"revision: {st.revision}")
    for key in ("meeting", "adopted_date"):
        if getattr(st, key) is not None:
            lines.append(f"{key}: {_scalar(getattr(st, key))}")
    for key in ("resolution_number", "delegation"):
        if getattr(meta, key) is not None:
            lines.append(f"{key}: {_scalar(getattr(meta, key))}")
    for key, value in meta.extra:
        lines.append(yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False,
                                    default_flow_style=False).rstrip("\n"))
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" if lines else ""


def _paragraph_blocks(p: Paragraph) -> list[str]:
    blocks = [f"<!-- {c} -->" for c in p.comments]
    body = render_inline(p.runs)
    if p.kind in (Kind.SUBPARAGRAPH, Kind.RECOMMENDATION):
        blocks.append(f"({p.number}) {body}")
    elif p.number is not None:
        blocks.append(f"{p.number}. {body}")
    else:
        blocks.append(body)
    for sub in p.subparagraphs:
        blocks.extend(_paragraph_blocks(sub))
    return blocks


def render_markdown(doc: Resolution) -> str:
    blocks: list[str] = list(doc.preface)
    if doc.title is not None:
        blocks.append(f"# {doc.title}")
    if doc.organ is not None:
        name = f"*{doc.organ.name}*" if doc.organ.italic else doc.organ.name
        blocks.append(name + doc.organ.punctuation)
    heading = None
    for p in doc.paragraphs:
        if p.heading != heading and p.heading is not None:
            blocks.append(f"## {p.heading}")
        heading = p.heading
        blocks.extend(_paragraph_blocks(p))
    for fn in doc.footnotes:
        blocks.append(f"[^{fn.id}]: {render_inline(fn.runs)}")
    front = render_front_matter(doc.meta)
    body = "\n\n".join(blocks)
    return front + ("\n" if front and body else "") + (body + "\n" if body else "")
