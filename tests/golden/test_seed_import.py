"""The UN text importer on the four real seeds: golden JSON plus focused checks.

Regenerate the golden files after a deliberate change with
``DRAFTER_UPDATE_GOLDEN=1 python -m pytest -q tests/golden/test_seed_import.py`` and review
the diff by hand against the seed text before committing it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.errors import DrafterError
from drafter.model import FootnoteRef, Kind, Run, Status
from drafter.parse import detect_format, load, parse_text
from drafter.parse.untext import parse_untext
from drafter.render.json import render_json
from drafter.render.markdown import render_markdown

from ..conftest import FIXTURES, SEED_000, SEED_001, SEED_003, SEED_004, SEEDS

GOLDEN = Path(__file__).parent / "seeds"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_golden_json(seed: Path) -> None:
    got = render_json(load(seed))
    golden = GOLDEN / f"{seed.stem}.json"
    if os.environ.get("DRAFTER_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with DRAFTER_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_are_detected_as_un_text(seed: Path) -> None:
    assert detect_format(seed.read_text(encoding="utf-8"), str(seed)) == "untext"


@pytest.mark.parametrize("name", ["good-draft.md", "bad-draft.md"])
def test_markdown_drafts_still_detected_as_markdown(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert detect_format(text) == "markdown"
    assert detect_format("---\nsymbol: E/CN.7/2017/L.9\n---\n\n# T\n") == "markdown"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_canonical_round_trip(seed: Path) -> None:
    doc = load(seed)
    md = render_markdown(doc)
    back = parse_text(md, "round-trip.md")
    assert back == doc
    assert render_markdown(back) == md


# --- seed 000: revised draft resolution, footnote block inside two paragraphs ----------------

@pytest.fixture(scope="module")
def d000():
    return load(SEED_000)


def test_000_header(d000) -> None:
    m = d000.meta
    assert (m.distribution, m.date, m.original_language) == ("Limited", "16 March 2017", "English")
    assert (m.body, m.commission, m.session) == ("Economic and Social Council", "Commission on Narcotic Drugs",
                                                 "Sixtieth session")
    assert m.venue == "Vienna, 13-17 March 2017"
    assert m.agenda_item == "5 (b)"
    assert m.agenda_title.startswith("Implementation of the Political Declaration") and \
        m.agenda_title.endswith("supply reduction and related measures")
    assert m.sponsors == ("Belarus", "El Salvador", "Russian Federation")
    assert m.status == Status("revised", revision=1)
    assert m.symbol is None  # the seed does not print its symbol: none is invented
    assert d000.title.startswith("Enhancing the capacity of law enforcement") and d000.title.endswith("training")
    assert d000.organ.name == "The Commission on Narcotic Drugs" and not d000.organ.italic
    assert d000.organ.punctuation == ","


def test_000_counts_and_openers(d000) -> None:
    assert (len(d000.preamble), len(d000.operative), len(d000.footnotes)) == (14, 14, 5)
    openers = [p.opener for p in d000.preamble]
    assert openers[0] == "Concerned"
    assert openers[5] == "Recalling also" and openers[6] == "Recalling further"
    assert openers[8] == "Bearing in mind" and openers[12] == "Welcoming"
    assert not any(p.opener_italic for p in d000.preamble)  # no italics in the seed's PPs
    assert [p.number for p in d000.operative] == [str(i) for i in range(1, 15)]
    assert d000.operative[0].runs[0] == Run("Calls upon", italic=True)
    assert d000.operative[4].opener == "Also calls upon"
    assert all(p.opener_italic for p in d000.operative)


def test_000_rejoined_paragraphs_and_footnotes(d000) -> None:
    pp5 = d000.preamble[4]  # cut after "the World" (line 36), continues at line 40
    assert (pp5.source.line, pp5.source.end_line) == (36, 40)
    assert "Strategy to Counter the World Drug Problem," in pp5.text
    assert pp5.runs[1] == FootnoteRef("1")
    pp11 = d000.preamble[10]  # the footnote block (lines 54-62) stands inside it
    assert (pp11.source.line, pp11.source.end_line) == (52, 64)
    assert "organized criminal groups operating transnationally that are involved" in pp11.text
    assert "General Assembly resolution" not in pp11.text
    refs = {i: p.footnote_refs for i, p in enumerate(d000.preamble, 1) if p.footnote_refs}
    assert refs == {5: ("1",), 6: ("2",), 8: ("3", "4"), 9: ("5",)}
    assert d000.operative[2].footnote_refs == ("3",)  # the reused indicator at OP 3
    assert [f.id for f in d000.footnotes] == ["1", "2", "3", "4", "5"]
    assert all(f.marker == "superscript" for f in d000.footnotes)
    fn1 = d000.footnotes[0]
    assert fn1.runs[1].italic and fn1.runs[1].text.startswith("Official Records of the Economic")
    assert fn1.text.endswith("chap. I, sect. C.")


def test_000_line_ranges(d000) -> None:
    assert [p.source.line for p in d000.preamble] == [28, 30, 32, 34, 36, 42, 44, 46, 48, 50, 52, 66, 68, 70]
    assert [p.source.line for p in d000.operative] == list(range(72, 99, 2))


# --- seed 004: adopted resolution 45/9, legacy "33/" footnotes ------------------------------

@pytest.fixture(scope="module")
def d004():
    return load(SEED_004)


def test_004_meta(d004) -> None:
    m = d004.meta
    assert m.resolution_number == "45/9"
    assert m.status == Status("adopted", meeting="1223rd meeting", adopted_date="15 March 2002")
    assert (m.body, m.distribution, m.date) == ("Economic and Social Council", "General", "15 March 2002")
    assert d004.title.startswith("Connections between organized criminal groups")
    assert d004.title.endswith("special investigative techniques to counteract such criminality")


def test_004_paragraphs(d004) -> None:
    assert (len(d004.preamble), len(d004.operative)) == (13, 10)
    assert [p.source.line for p in d004.operative] == list(range(44, 54))
    assert d004.preamble[4].opener == "Drawing the attention"
    assert d004.preamble[11].opener == "Deeply convinced"
    last_pp = d004.preamble[-1]  # cut across a blank line, continues in lower case
    assert (last_pp.source.line, last_pp.source.end_line) == (40, 42)
    assert "common operational standards for such agencies should be established" in last_pp.text
    assert d004.operative[1].opener == "Urges"
    assert d004.operative[-1].text.endswith("of the present resolution.")
    assert "meeting" not in d004.operative[-1].text


def test_004_legacy_footnotes(d004) -> None:
    pp1 = d004.preamble[0]
    assert pp1.runs[-1] == FootnoteRef("33") and pp1.text.endswith("of 1988,")
    assert d004.preamble[3].footnote_refs == ("34",)
    assert d004.preamble[4].footnote_refs == ("35", "36")
    assert "Crime the protocols" not in d004.preamble[4].text  # "Crime³⁵ and" -> "Crime and"
    assert "Organized Crime and the protocols thereto aimed" in d004.preamble[4].text
    assert [(f.id, f.marker) for f in d004.footnotes] == [(i, "slash") for i in ("33", "34", "35", "36")]
    assert d004.footnotes[1].text == "E/CN.7/2001/16."
    assert d004.footnotes[0].runs[0].italic


# --- seeds 001 and 003: reports -----------------------------------------------------------------

@pytest.fixture(scope="module")
def d001():
    return load(SEED_001)


@pytest.fixture(scope="module")
def d003():
    return load(SEED_003)


def test_001_report_structure(d001) -> None:
    m = d001.meta
    assert m.status.kind == "report" and m.symbol is None and d001.organ is None
    assert (m.commission, m.session, m.venue) == ("Commission on Narcotic Drugs", "Sixty-first session",
                                                  "Vienna, 12–16 March 2018")
    assert m.agenda_item == "9"
    assert m.agenda_title == "Recommendations of the subsidiary bodies of the Commission"
    assert d001.title == "Action taken by the subsidiary bodies of the Commission on Narcotic Drugs"
    assert dict(m.extra) == {"byline": "Report of the Secretariat"}
    assert [p.number for p in d001.report] == [str(i) for i in range(1, 42)]
    assert all(p.kind is Kind.REPORT for p in d001.report)
    assert d001.footnotes == ()  # the only note ("* E/CN.7/2018/1") annotates the agenda item


def test_001_headings_and_recommendations(d001) -> None:
    paras = {p.number: p for p in d001.report}
    assert paras["1"].heading == "I. Introduction"
    assert paras["5"].heading == "II. Recommendations of the subsidiary bodies"
    assert paras["6"].heading == ("II. Recommendations of the subsidiary bodies / A. Twelfth Meeting of Heads of "
                                  "National Drug Law Enforcement Agencies, Europe / 1. Use of the Internet for "
                                  "drug-related activities")
    assert paras["16"].heading.endswith("/ 3. Alternatives to imprisonment for certain offences as demand "
                                        "reduction strategies that promote public health and safety")
    assert paras["23"].heading.split(" / ")[1].startswith("E. Subcommittee")
    assert paras["23"].heading.split(" / ")[2].startswith("2. Countering money-laundering")
    assert paras["26"].heading.startswith("III. Follow-up") and " / " not in paras["26"].heading
    assert paras["41"].heading == "V. Organization of future meetings of the subsidiary bodies"
    recs = paras["6"].subparagraphs
    assert [r.number for r in recs] == ["a", "b", "c"]
    assert all(r.kind is Kind.RECOMMENDATION and r.heading == paras["6"].heading for r in recs)
    assert sum(len(p.subparagraphs) for p in d001.report) == 94  # grep -c "^([a-z])" on the seed
    assert [r.number for r in paras["13"].subparagraphs] == list("abcdefg")


def test_001_rejoined_and_clean(d001) -> None:
    paras = {p.number: p for p in d001.report}
    p3 = paras["3"]
    assert (p3.source.line, p3.source.end_line) == (19, 27)
    assert p3.text.endswith("agreed to submit the recommendations — which had been made on the basis of the "
                            "deliberations of their respective working groups — to the Commission at its "
                            "sixty-first session.")
    assert "(UNODC/HONEURO/12/6)" in paras["4"].text and "](#)" not in paras["4"].text
    f = paras["11"].subparagraphs[5]
    assert (f.number, f.source.line, f.source.end_line) == ("f", 117, 119)
    assert "information exchange, controlled deliveries" in f.text
    assert (paras["30"].source.line, paras["30"].source.end_line) == (331, 333)
    assert "special session of the General Assembly at intersessional" in paras["30"].text
    italic = paras["25"].subparagraphs[1].runs[1]
    assert italic == Run("International Standards on Drug Use Prevention", italic=True)
    for p in d001.report:
        for q in (p, *p.subparagraphs):
            assert "*" not in q.text and "V.17-" not in q.text and "---" not in q.text


def test_003_report(d003) -> None:
    m = d003.meta
    assert m.symbol is None  # E/CN.7/2010/1 is the agenda cited in a footnote, not this report
    assert (m.distribution, m.date, m.original_language) == ("General", "20 January 2010", "English")
    assert (m.session, m.venue, m.agenda_item) == ("Fifty-third session", "Vienna, 8-12 March 2010", "7 (b)")
    assert m.agenda_title == ("Illicit drug traffic and supply and related measures: reducing the illicit "
                              "supply of drugs")
    assert d003.title == "Assistance to States affected by the transit of illicit drugs"
    assert dict(m.extra) == {"byline": "Report of the Executive Director"}
    summary = [p for p in d003.report if p.number is None]
    assert len(summary) == 2 and all(p.heading == "Summary" for p in summary)
    numbered = [p for p in d003.report if p.number]
    assert [p.number for p in numbered] == [str(i) for i in range(1, 21)]
    assert numbered[0].heading == "I. Introduction"
    assert numbered[14].heading == "IV. Recommendations"
    ranges = {p.number: (p.source.line, p.source.end_line) for p in numbered}
    assert ranges["4"] == (47, 49) and ranges["9"] == (59, 61) and ranges["11"] == (67, 69)
    assert ranges["20"] == (89, 91) and "counter-narcotics initiatives" in numbered[19].text
    assert not any("Paragraphs" in p.text or "Contents" in p.text for p in d003.report)


# --- robustness --------------------------------------------------------------------------------

def test_no_structure_is_a_one_line_error() -> None:
    with pytest.raises(DrafterError) as err:
        parse_untext("Just a shopping list\n\nmilk\neggs\n", "list.txt")
    assert err.value.path == "list.txt" and err.value.line == 1
    assert "\n" not in str(err.value) and str(err.value).startswith("list.txt:1: ")


def test_organ_without_paragraphs_and_empty_text() -> None:
    with pytest.raises(DrafterError, match="no preambular or operative"):
        parse_untext("Title\n\nThe Commission on Narcotic Drugs,\n", "t.txt")
    with pytest.raises(DrafterError, match="empty"):
        parse_untext("\n \n", "e.txt")


def test_numbered_paragraphs_without_organ_line_are_refused() -> None:
    with pytest.raises(DrafterError, match="no organ line") as err:
        parse_untext("Some title\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n", "d.txt")
    assert err.value.line == 3


SEED_LINES = [line for seed in SEEDS for line in seed.read_text(encoding="utf-8").split("\n")][::7]
PIECES = st.one_of(
    st.sampled_from(SEED_LINES + ["", "---", "The Commission on Narcotic Drugs,", "1. ", "(a) ", "(i) ",
                                  "¹ note", "33/ note", "\\* x", "*", "**", "# H", "### **A. B**", "Contents",
                                  "\tI. X\t1\t3", "V.17-01620", "12", "*1223rd meeting", "15 March 2002*"]),
    st.text(max_size=40))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30))
def test_arbitrary_text_raises_only_drafter_error(lines: list[str]) -> None:
    try:
        doc = parse_untext("\n".join(lines), "fuzz.txt")
    except DrafterError as exc:
        assert "\n" not in exc.message
        return
    render_markdown(doc)
    render_json(doc)


# --- header variants (synthetic texts built like the seeds) ---------------------------------------

BODY = "The Commission on Narcotic Drugs,\n\nRecalling its resolution 60/1,\n\n1. *Decides* to act.\n"


def _header(*lines: str):
    return parse_untext("\n\n".join(lines) + "\n\nA title\n\n" + BODY, "h.txt")


@pytest.mark.parametrize("line, sponsors, status", [
    ("Belarus, El Salvador and Russian Federation: revised draft resolution",
     ("Belarus", "El Salvador", "Russian Federation"), Status("revised", revision=1)),
    ("Colombia: draft resolution", ("Colombia",), Status("draft")),
    ("Bosnia and Herzegovina, Chile,* and Trinidad and Tobago: draft resolution",
     ("Bosnia and Herzegovina", "Chile", "Trinidad and Tobago"), Status("draft")),
    ("Chile and Venezuela (Bolivarian Republic of): Draft resolution",
     ("Chile", "Venezuela (Bolivarian Republic of)"), Status("draft")),
    ("Spain (on behalf of Austria, Belgium and France) and Peru: revised draft resolution",
     ("Spain (on behalf of Austria, Belgium and France)", "Peru"), Status("revised", revision=1)),
    ("Draft resolution submitted by the Chair", (), Status("draft")),
    ("Revised draft resolution submitted by Mexico and Peru", ("Mexico", "Peru"), Status("revised", revision=1)),
])
def test_sponsor_lines(line, sponsors, status) -> None:
    doc = _header("Economic and Social Council", line)
    assert doc.meta.sponsors == sponsors
    assert doc.meta.status == status
    assert doc.title == "A title"


def test_rev_symbol_sets_the_revision_number() -> None:
    doc = _header("E/CN.7/2018/L.5/Rev.2", "Colombia: revised draft resolution")
    assert doc.meta.symbol == "E/CN.7/2018/L.5/Rev.2"
    assert doc.meta.status == Status("revised", revision=2)
    doc = _header("E/CN.7/2018/L.5/Rev.3", "Colombia: draft resolution")
    assert doc.meta.status == Status("revised", revision=3)
    doc = _header("E/CN.7/2018/L.5", "Colombia: draft resolution")
    assert doc.meta.status == Status("draft")


@pytest.mark.parametrize("line, item", [
    ("Agenda item 5 (b)", "5 (b)"), ("Agenda item 3", "3"), ("Agenda items 3 and 4", "3 and 4"),
    ("Item 9 of the provisional agenda\\*", "9"), ("Item 7 (b) of the provisional agenda*", "7 (b)"),
    ("Provisional agenda item 6¹", "6"), ("Item 4 of the annotated provisional agenda", "4"),
])
def test_agenda_item_variants(line, item) -> None:
    doc = _header(line, "Agenda title here", "Colombia: draft resolution")
    assert doc.meta.agenda_item == item
    assert doc.meta.agenda_title == "Agenda title here"
    assert doc.title == "A title"


def test_adopted_resolution_header_and_closing_line() -> None:
    doc = parse_untext("Resolution 61/2\n\nA title\n\n" + BODY + "\n*62nd plenary meeting\n16 March 2018*\n", "r.txt")
    assert doc.meta.resolution_number == "61/2" and doc.title == "A title"
    assert doc.meta.status == Status("adopted", meeting="62nd plenary meeting", adopted_date="16 March 2018")
    assert len(doc.operative) == 1 and doc.operative[0].text == "Decides to act."


def test_page_furniture_inside_a_resolution() -> None:
    text = ("United Nations\n\nE/CN.7/2018/L.5\n\nEconomic and Social Council\n\nA title\n\n"
            "The Commission on Narcotic Drugs,\n\nNoting with concern the rise in\n\n"
            "V.18-01620 (E)\n\nE/CN.7/2018/L.5\n\n2\n\n---\n\n¹ A note.\n\n"
            "overdose deaths,¹\n\n1. *Decides* to act;\n2. *Requests* a report:\n\n(a) On this;\n\n"
            "(b) On that, including:\n\n(i) one;\n\n(ii) two.\n")
    doc = parse_untext(text.replace("\n", "\r\n"), "f.txt")
    pp = doc.preamble[0]
    assert pp.text == "Noting with concern the rise in overdose deaths," and pp.footnote_refs == ("1",)
    assert pp.opener == "Noting with concern"
    assert (pp.source.line, pp.source.end_line) == (11, 23)
    assert doc.meta.symbol == "E/CN.7/2018/L.5" and doc.footnotes[0].text == "A note."
    op2 = doc.operative[1]
    assert [s.number for s in op2.subparagraphs] == ["a", "b"]
    assert [s.number for s in op2.subparagraphs[1].subparagraphs] == ["i", "ii"]
    assert parse_text(render_markdown(doc), "rt.md") == doc


def test_report_headings_by_label_and_toc_dropped() -> None:
    text = ("E/CN.7/2019/5\n\nCommission on Narcotic Drugs\n\nSixty-second session\n\n"
            "Item 4 of the provisional agenda\n\nAgenda title\n\nReport title\n\n"
            "Report of the Secretariat\n\nContents\n\nI. Introduction . . . . . . 1 2\n"
            "II. Findings . . . . . . 2-3 3\n\nI. Introduction\n\n1. First paragraph.¹\n\n"
            "II. Findings\n\nA. Europe\n\n1. Drug seizures\n\n2. Seizures rose as follows:\n\n"
            "(a) In the north;\n\n(b) In the south.\n\nH. Asia\n\nI. Islands\n\n3. Fell in the\n\n"
            "E/CN.7/2019/5\n\n¹ A note.\n\nislands.\n\nIII. Next\n\n4. Done.\n")
    doc = parse_untext(text, "r.txt")
    assert doc.meta.symbol == "E/CN.7/2019/5" and doc.meta.status.kind == "report"
    assert (doc.title, doc.meta.agenda_title) == ("Report title", "Agenda title")
    heads = {p.number: p.heading for p in doc.report}
    assert heads == {"1": "I. Introduction", "2": "II. Findings / A. Europe / 1. Drug seizures",
                     "3": "II. Findings / I. Islands", "4": "III. Next"}  # "I." after "H." is a letter
    p2 = doc.report[1]
    assert [(r.kind, r.number) for r in p2.subparagraphs] == [(Kind.RECOMMENDATION, "a"), (Kind.RECOMMENDATION, "b")]
    assert doc.report[0].footnote_refs == ("1",) and doc.footnotes[0].text == "A note."
    p3 = doc.report[2]
    assert p3.text == "Fell in the islands." and (p3.source.line, p3.source.end_line) == (40, 46)
    assert parse_text(render_markdown(doc), "rt.md") == doc


@pytest.mark.parametrize("header", [
    "Argentina, Brazil, Chile,\nColombia and Peru: draft resolution",
    "Argentina, Brazil, Chile, Colombia and\nPeru:\ndraft resolution",
])
def test_sponsor_list_wrapped_over_lines(header: str) -> None:
    doc = _header("Distr.: Limited 16 March 2017", header)
    assert doc.meta.sponsors == ("Argentina", "Brazil", "Chile", "Colombia", "Peru")
    assert (doc.meta.distribution, doc.meta.date) == ("Limited", "16 March 2017")
    assert doc.title == "A title" and doc.meta.agenda_title is None


@pytest.mark.parametrize("seed", [SEED_000, SEED_001, SEED_004], ids=lambda p: p.name[:3])
def test_seed_without_blank_lines_reads_the_same(seed: Path) -> None:
    """PDF copies often lose the blank lines: labels, organ line, notes and headings still split."""
    text = seed.read_text(encoding="utf-8")
    dense = "\n".join(line for line in text.split("\n") if line.strip())
    assert parse_untext(dense, "dense.txt") == load(seed)
