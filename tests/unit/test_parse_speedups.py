"""The parser speed-ups give exactly the answers of the plain algorithms they replace.

Reference versions (a scan of the whole opener lexicon, ``yaml.safe_load`` of the front matter,
the YAML round trip of a scalar, the token loop of the inline parser) are checked against the
fast paths on real corpus text and on generated text.
"""
from __future__ import annotations

import json

import yaml
from hypothesis import given, settings, strategies as st

from drafter.model import FootnoteRef, Run, merge_runs
from drafter.openers import _starts, _take_particles, detect_opener, lexicon
from drafter.parse.inline import _TOKEN, parse_inline, sup_to_digits
from drafter.parse.markdown import simple_front_matter
from drafter.render.markdown import _reads_back_plain

from ..conftest import FIXTURES

CORPUS = [json.loads(line)["text"] for line in (FIXTURES / "corpus_sample.jsonl").read_text(encoding="utf-8").splitlines()]


def reference_lexicon_match(text: str, kind: str | None) -> str | None:
    """Step 1 of detect_opener as a scan over the whole lexicon (the pre-index algorithm)."""
    lex = lexicon()
    text = text.lstrip()
    pools = {"preambular": (lex.preambular,), "operative": (lex.operative,)}.get(kind or "", (lex.preambular, lex.operative))
    pos = 0
    for _ in range(2):
        for pool in pools:
            for phrase in pool:
                if _starts(text[pos:], phrase) or (pos and _starts(text[pos:], phrase.lower())):
                    end = pos + len(phrase)
                    while True:  # particles, scanned the same way
                        rest = text[end:]
                        if not rest.startswith(" "):
                            break
                        word = next((w for w in (*lex.sequence_adverbs, *lex.particles) if _starts(rest[1:], w)), None)
                        if word is None:
                            break
                        end += 1 + len(word)
                    return text[:end]
        hit = next((w for w in lex.intensifiers if _starts(text[pos:], w) or (pos and _starts(text[pos:], w.lower()))), None)
        if not hit or not text[pos + len(hit):].startswith(" "):
            break
        pos += len(hit) + 1
    return None


def _variants(text: str) -> list[str]:
    return [text, text.lower(), "Deeply " + text, "Also " + text.lower(), "Further  " + text,
            " ".join(text.split(" ")[1:]), text[:12]]


def test_opener_index_matches_a_full_lexicon_scan() -> None:
    lex = lexicon()
    samples = [v for t in CORPUS for v in _variants(t)]
    samples += [p + tail for p in (*lex.preambular[:40], *lex.operative[:40])
                for tail in ("", " ", ",", " upon the", " also further", "s", "-x")]
    for text in samples:
        for kind in (None, "preambular", "operative"):
            ref = reference_lexicon_match(text, kind)
            if ref is not None:
                assert detect_opener(text, kind) == ref, (text, kind)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Deeply", "deeply", "Also", "also", "Recalling", "Calls", "upon", "Bearing",
                                 "in", "mind", "further", "Urges", "States", "with", "concern", "Noting",
                                 "x", ",", "-", "²", "Taking", "note"]), min_size=1, max_size=6),
       st.sampled_from([None, "preambular", "operative"]))
def test_opener_index_on_generated_phrases(words, kind) -> None:
    text = " ".join(words)
    ref = reference_lexicon_match(text, kind)
    if ref is not None:
        assert detect_opener(text, kind) == ref
    assert _take_particles(text, 0, lexicon()) >= 0


def reference_parse_inline(text: str):
    runs, buf, italic, pos = [], [], False, 0
    for m in _TOKEN.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        escaped, caret, sup, star = m.groups()
        if escaped is not None:
            buf.append(escaped)
            continue
        runs.append(Run("".join(buf), italic))
        buf = []
        if caret is not None:
            runs.append(FootnoteRef(caret))
        elif sup is not None:
            runs.append(FootnoteRef(sup_to_digits(sup)))
        else:
            italic = not italic
    buf.append(text[pos:])
    runs.append(Run("".join(buf), italic))
    return merge_runs(runs)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab *\\[^]¹²³1:", max_size=30))
def test_parse_inline_matches_the_token_loop(text: str) -> None:
    assert parse_inline(text) == reference_parse_inline(text)


SCALARS = st.one_of(st.text(alphabet="aZ09 /.,()'-:#\"\\&*!|>%@`?{}[]\t", max_size=12),
                    st.sampled_from(["yes", "No", "TRUE", "off", "null", "~", "1", "012", "0x1F", "1.5",
                                     "2017-03-16", "E/CN.7/2017/L.9", "Sixtieth session", "5 (b)", "é"]))


@settings(max_examples=500, deadline=None)
@given(SCALARS)
def test_plain_scalar_shortcut_matches_yaml(s: str) -> None:
    try:
        expected = bool(s) and s == s.strip() and "\n" not in s and yaml.safe_load(f"k: {s}") == {"k": s}
    except yaml.YAMLError:
        expected = False
    assert _reads_back_plain(s) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(st.sampled_from(["symbol", "date", "on", "revision", "sponsors", "x-y", "_k"]), SCALARS),
    st.tuples(st.sampled_from(["symbol", "date"]), SCALARS.map(lambda s: json.dumps(s, ensure_ascii=False))),
    st.tuples(st.just("sponsors"), st.lists(SCALARS, max_size=3))), max_size=6))
def test_simple_front_matter_matches_yaml(items) -> None:
    lines = []
    for key, value in items:
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {v}" for v in value)
        else:
            lines.append(f"{key}: {value}")
    fast = simple_front_matter(lines)
    if fast is None:
        return
    assert fast == (yaml.safe_load("\n".join(lines)) or {})


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab ,.;¹²³[^]*\\”’\"')\t\n", max_size=16))
def test_strip_trailing_refs_matches_the_regex(text: str) -> None:
    from drafter.parse.untext import TRAILING_REFS, strip_trailing_refs
    assert strip_trailing_refs(text) == TRAILING_REFS.sub("", text)
