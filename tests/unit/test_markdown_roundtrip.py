"""The canonical Markdown format: parse(render(doc)) == doc and render is a fixed point."""
from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.model import Footnote, FootnoteRef, Kind, Meta, Organ, Paragraph, Resolution, Run, Status
from drafter.parse.markdown import parse_markdown
from drafter.render.markdown import render_markdown

from ..conftest import FIXTURES

WORD = st.text(alphabet=string.ascii_letters + "éü’“”-/0123456789*\\¹[]^", min_size=1, max_size=8)
PHRASE = st.lists(WORD, min_size=1, max_size=6).map(" ".join).filter(
    lambda s: not s[0].isdigit() and not s.startswith(("(", "#", "<!--", "[^", "---")))


@st.composite
def runs(draw, opener=None):
    parts = []
    if opener:
        parts.append(Run(opener, True))
        parts.append(Run(" " + draw(PHRASE)))
    for _ in range(draw(st.integers(0, 3))):
        choice = draw(st.integers(0, 2))
        if choice == 0:
            parts.append(FootnoteRef(str(draw(st.integers(1, 40)))))
        elif choice == 1:
            parts.append(Run(" " + draw(PHRASE) + " ", True))
        else:
            parts.append(Run(" " + draw(PHRASE)))
    parts.append(Run(draw(st.sampled_from([",", ";", ".", ":"]))))
    from drafter.model import merge_runs
    merged = merge_runs(parts)
    # normal form: italic runs carry no outer spaces (the renderer would move them)
    fixed = []
    for r in merged:
        if isinstance(r, Run) and r.italic:
            lead, core, trail = r.text[: len(r.text) - len(r.text.lstrip())], r.text.strip(), r.text[len(r.text.rstrip()):]
            fixed += [Run(lead), Run(core, True), Run(trail)]
        else:
            fixed.append(r)
    fixed = list(merge_runs(fixed))
    if fixed and isinstance(fixed[0], Run):  # a block never starts with a space
        fixed[0] = Run(fixed[0].text.lstrip(), fixed[0].italic)
    return merge_runs(fixed)


PP_OPENERS = st.sampled_from(["Recalling", "Recalling also", "Deeply concerned", "Bearing in mind", "Noting"])
OP_OPENERS = st.sampled_from(["Decides", "Also requests", "Calls upon", "Urges", "Invites"])


@st.composite
def documents(draw):
    from drafter.openers import detect_opener

    def para(kind, openers, number):
        op = draw(openers)
        r = draw(runs(op))
        p = Paragraph(kind=kind, runs=r, number=number)
        return Paragraph(kind=kind, runs=r, number=number, opener=detect_opener(p.text, kind.value) or op)

    n_pp = draw(st.integers(0, 4))
    n_op = draw(st.integers(1, 5))
    pre = tuple(para(Kind.PREAMBULAR, PP_OPENERS, None) for _ in range(n_pp))
    ops = []
    for i in range(1, n_op + 1):
        p = para(Kind.OPERATIVE, OP_OPENERS, str(i))
        labels = "abc"[: draw(st.integers(0, 3))]
        subs = tuple(Paragraph(Kind.SUBPARAGRAPH, draw(runs()), number=l) for l in labels)
        if draw(st.booleans()) and subs:
            p = Paragraph(p.kind, p.runs, p.number, p.opener, subs, comments=("drafter: disable=UN.PUNCT.OP_END",))
        elif subs:
            p = Paragraph(p.kind, p.runs, p.number, p.opener, subs)
        ops.append(p)
    refs = sorted({r for p in pre + tuple(ops) for r in p.footnote_refs}, key=int)
    notes = tuple(Footnote(r, draw(runs())) for r in refs)
    meta = Meta(
        symbol=draw(st.sampled_from([None, "E/CN.7/2017/L.8/Rev.1", "E/CN.7/2025/L.2"])),
        date=draw(st.sampled_from([None, "16 March 2017", "2017-03-16"])),
        session=draw(st.sampled_from([None, "Sixtieth session"])),
        agenda_item=draw(st.sampled_from([None, "5 (b)", "7"])),
        sponsors=tuple(draw(st.lists(st.sampled_from(["Belarus", "El Salvador", "Russian Federation", "Côte d'Ivoire"]), unique=True, max_size=3))),
        status=draw(st.sampled_from([Status(), Status("revised", 1), Status("adopted", None, "1223rd meeting", "15 March 2002")])),
        delegation=draw(st.sampled_from([None, "EU"])),
        extra=draw(st.sampled_from([(), (("sources", [{"id": "A/RES/73/192:OP3"}]),)])),
    )
    return Resolution(meta=meta, title=draw(st.sampled_from([None, "Enhancing the capacity of law enforcement"])),
                      organ=Organ("The Commission on Narcotic Drugs", True, "," if pre else ""),
                      preamble=pre, operative=tuple(ops), footnotes=notes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_parse_render_roundtrip(doc):
    text = render_markdown(doc)
    again = parse_markdown(text)
    assert again == doc
    assert render_markdown(again) == text


def test_canonical_file_is_a_fixed_point():
    for name in ("good-draft.md", "bad-draft.md"):
        canonical = render_markdown(parse_markdown((FIXTURES / name).read_text()))
        assert render_markdown(parse_markdown(canonical)) == canonical


def test_good_draft_structure():
    doc = parse_markdown((FIXTURES / "good-draft.md").read_text())
    assert [p.opener for p in doc.preamble] == ["Reaffirming", "Recalling", "Recalling also", "Deeply concerned"]
    assert [p.number for p in doc.operative] == ["1", "2", "3", "4", "5"]
    assert [s.number for s in doc.operative[2].subparagraphs] == ["a", "b", "c"]
    assert doc.preamble[0].footnote_refs == ("1",)
    assert doc.footnotes[0].text == "United Nations, Treaty Series, vol. 1019, No. 14956."
    assert doc.organ == Organ("The Commission on Narcotic Drugs", True, ",")


def test_notes_above_the_title_survive_a_save():
    text = (FIXTURES / "bad-draft.md").read_text()
    canonical = render_markdown(parse_markdown(text))
    assert canonical.startswith("<!--\nExpected findings")
    assert "  L40  UN.TERM.NO_UNODC" in canonical  # kept verbatim, line breaks and all
