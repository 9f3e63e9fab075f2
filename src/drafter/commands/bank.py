"""``drafter bank build|add|info|verify``, ``drafter search`` and ``drafter precedent``.

Thin layer over :mod:`drafter.bank`: argument parsing, progress bars and terminal formatting.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..errors import DrafterError

_ITALIC, _BOLD, _DIM, _RESET = "\x1b[3m", "\x1b[1;33m", "\x1b[2m", "\x1b[0m"


def _color(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _notice(message: str | None) -> None:
    if message:
        print(f"drafter: notice: {message}", file=sys.stderr)


def _open(args, preload: bool = False):
    from ..bank import open_bank
    return open_bank(args.bank, user=False if args.no_user else None, preload=preload)


# -- bank build / add ----------------------------------------------------------------------
class _Bar:
    """A tqdm progress bar on a terminal; a line per tenth of the work in a log."""

    def __init__(self, label: str):
        self.label, self.bar, self.step = label, None, -1

    def __call__(self, done: int, total: int) -> None:
        if not total:
            return
        if not sys.stderr.isatty():
            step = done * 10 // total
            if step > self.step:
                self.step = step
                print(f"{self.label}: {done}/{total} texts", file=sys.stderr, flush=True)
            return
        if self.bar is None:
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=self.label, unit="text", file=sys.stderr)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()


def _embedder_for_build(args):
    if args.no_vectors:
        return None
    from ..bank.embed import ModelUnavailable, load_embedder
    try:
        return load_embedder()
    except ModelUnavailable as exc:
        _notice(f"model unavailable ({exc}); building a lexical-only bank")
        return None


def _write(target: Path, clauses, args) -> int:
    from ..bank.embed import cache_dir
    from ..bank.store import write_store
    from ..bank.vectors import VectorCache
    embedder = _embedder_for_build(args)
    cache = None
    if embedder is not None:
        cache = VectorCache(cache_dir() / "vectors", embedder.model_id)
        cache.load_folder()
    manifest = write_store(target, clauses, embedder, cache, _Bar("encoding"))
    c = manifest["counts"]
    print(f"{target}: {c['clauses']} clauses ({c['preambular']} PP, {c['operative']} OP, "
          f"{c['recommendation']} rec.), {c['vectors']} vectors, {manifest['encoded']} newly encoded")
    return 0


def cmd_build(args) -> int:
    from ..bank.ingest import clauses_from_paths, in_topic
    from ..bank.library import user_bank_dir
    if not args.sources:
        raise DrafterError("name what to build from: corpus-schema .jsonl files, drafts or folders")
    select = in_topic if args.select == "topic" else None
    clauses = list(clauses_from_paths(args.sources, select))
    if not clauses:
        raise DrafterError("no paragraphs found in the sources")
    target = Path(args.into) if args.into else user_bank_dir()
    return _write(target, clauses, args)


def cmd_add(args) -> int:
    from ..bank.ingest import clauses_from_paths
    from ..bank.library import user_bank_dir
    from ..bank.store import read_clauses
    target = Path(args.into) if args.into else user_bank_dir()
    new = list(clauses_from_paths(args.paths))
    if not new:
        raise DrafterError("no paragraphs found in the given files")
    old = read_clauses(target) if (target / "manifest.json").exists() else []
    return _write(target, [*old, *new], args)


def cmd_info(args) -> int:
    from ..bank.embed import model_id, onnx_path
    bank = _open(args)
    infos = bank.info()
    if args.json:
        print(json.dumps({"layers": infos, "model_id": model_id(), "onnx_encoder": str(onnx_path()),
                          "onnx_ready": onnx_path().is_file()}, indent=1))
        return 0
    for i in infos:
        c = i["counts"]
        size = sum(i.get("sizes", {}).values()) / 1e6
        print(f"{i['layer']} bank: {i['path']}  ({size:.1f} MB, built {i.get('built')})")
        print(f"  {c['clauses']} clauses: {c['preambular']} PP, {c['operative']} OP, {c['recommendation']} rec.; "
              f"GA {c['GA']}, ECOSOC {c['ECOSOC']}, CND {c['CND']}; years {i['years'][0]}-{i['years'][1]}")
        print(f"  vectors: {c['vectors']} ({i.get('model_id') or 'none: lexical only'})")
        print(f"  {i['credit']}")
    print(f"query encoder: {'ready' if onnx_path().is_file() else 'exported on first semantic search'} ({onnx_path()})")
    return 0


def cmd_verify(args) -> int:
    from ..bank.embed import model_id
    from ..bank.library import shipped_bank_dir, user_bank_dir
    from ..bank.store import REBUILD_HINT, verify_store
    paths = [Path(args.bank) if args.bank else shipped_bank_dir()]
    if not args.no_user and (user_bank_dir() / "manifest.json").exists():
        paths.append(user_bank_dir())
    bad = 0
    for p in paths:
        problems = verify_store(p, model_id())
        bad += bool(problems)
        print(f"{p}: " + ("ok" if not problems else "PROBLEMS"))
        for msg in problems:
            print(f"  - {msg}")
    if bad:
        print(f"to fix: {REBUILD_HINT}; see clause_bank/README.md for the shipped bank's recipe")
    return 1 if bad else 0


# -- search ----------------------------------------------------------------------------------
def _highlight(text: str, opener: str | None, terms, color: bool) -> str:
    from ..bank.lexical import word_spans
    spans = word_spans(text, set(terms)) if color else []
    out, pos = [], 0
    olen = len(opener) if opener and text.startswith(opener) else 0
    for start, end in spans + [(len(text), len(text))]:
        chunk = text[pos:start]
        out.append(chunk)
        if start < end:
            out.append(f"{_BOLD}{text[start:end]}{_RESET}")
        pos = end
    plain = "".join(out)
    if olen:
        if color:  # italics for the opener; highlights inside it re-enter italics after their reset
            return _ITALIC + _opener_part(plain, olen) + _RESET + _rest_part(plain, olen)
        return f"*{text[:olen]}*{text[olen:]}"
    return plain


def _visible_cut(s: str, n: int) -> int:
    """Index in ``s`` (with ANSI codes) after ``n`` visible characters."""
    i = seen = 0
    while i < len(s) and seen < n:
        if s[i] == "\x1b":
            i = s.index("m", i) + 1
            continue
        i += 1
        seen += 1
    return i


def _opener_part(s: str, n: int) -> str:
    return s[:_visible_cut(s, n)].replace(_RESET, _RESET + _ITALIC)


def _rest_part(s: str, n: int) -> str:
    return s[_visible_cut(s, n):]


def print_hits(hits, stream=None) -> None:
    from ..bank.clause import short_symbol
    stream = stream or sys.stdout
    color = _color(stream)
    for n, h in enumerate(hits, 1):
        c = h.clause
        head = f"{n:>2}. {h.score:.3f}  {c.symbol or '?'} ({c.year or '?'})  {c.address}  {c.body or ''}".rstrip()
        print(f"{_DIM}{head}{_RESET}" if color else head, file=stream)
        print("    " + _highlight(c.text, c.opener, h.terms, color).replace("\n", "\n    "), file=stream)
        if h.also_in:
            more = ", ".join(short_symbol(s) for s in h.also_in[:12]) + (", ..." if len(h.also_in) > 12 else "")
            print(f"    also in: {more}", file=stream)


def cmd_search(args) -> int:
    mode = "lexical" if args.lexical else args.mode
    bank = _open(args, preload=mode != "lexical")
    try:
        hits = bank.search(args.query, args.k, kind=args.kind, opener=args.opener, body=args.body,
                           since=args.since, until=args.until, mode=mode)
    finally:
        bank.settle()
    _notice(hits.notice)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=1))
    elif not hits:
        print("no matching clause in the bank (try fewer words or fewer filters)")
    else:
        print_hits(hits)
    return 0


# -- precedent -------------------------------------------------------------------------------
def cmd_precedent(args) -> int:
    from ..bank.precedent import describe_source, format_diff, precedent, summary
    from ..parse import load
    doc = load(args.draft)
    bank = _open(args)
    verdicts = precedent(doc, bank, mode="lexical" if args.lexical else "hybrid")
    if bank.model_error and not args.lexical:
        _notice(f"semantic search unavailable ({bank.model_error}); no 'close precedent' verdicts")
    if args.json:
        print(json.dumps({"draft": args.draft, "paragraphs": [v.to_json() for v in verdicts],
                          "summary": summary(verdicts)}, ensure_ascii=False, indent=1))
        return 0
    for v in verdicts:
        score = f" {v.ratio:.2f}" if v.verdict == "minor edit" else (
            f" {v.similarity:.2f}" if v.verdict == "close precedent" and v.similarity is not None else "")
        src = describe_source(v) if v.clause is not None else ""
        if v.verdict == "new language" and src:
            near = f" {v.similarity:.2f}" if v.similarity is not None else ""
            src = f"nearest{near}: {src}"  # still worth a look: the closest agreed wording
        print(f"{v.address:<7} {v.verdict + score:<22} {src}".rstrip())
        if v.diff:
            print(f"        {format_diff(v.diff)}")
    print(summary(verdicts))
    return 0


def _bank_options(p) -> None:
    p.add_argument("--bank", metavar="DIR", help="use this store instead of the shipped bank")
    p.add_argument("--no-user", action="store_true", help="leave the user bank out")


def register(sub) -> None:
    p = sub.add_parser("bank", help="build, extend, describe and verify the clause bank")
    bsub = p.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    b = bsub.add_parser("build", help="(re)build a bank from corpus .jsonl, drafts or folders")
    b.add_argument("sources", nargs="*")
    b.add_argument("--into", metavar="DIR", help="store folder (default: the user bank)")
    b.add_argument("--select", choices=("all", "topic"), default="all",
                   help="from .jsonl take all paragraphs or only drugs/crime/CND/UNODC (default all)")
    b.add_argument("--no-vectors", action="store_true", help="lexical-only bank (no model needed)")
    b.set_defaults(func=cmd_build)
    a = bsub.add_parser("add", help="add drafts, UN texts or .jsonl to the user bank (only new text is encoded)")
    a.add_argument("paths", nargs="+")
    a.add_argument("--into", metavar="DIR")
    a.add_argument("--no-vectors", action="store_true")
    a.set_defaults(func=cmd_add)
    i = bsub.add_parser("info", help="what the bank holds")
    _bank_options(i)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=cmd_info)
    v = bsub.add_parser("verify", help="check hashes, truncation and model staleness")
    _bank_options(v)
    v.set_defaults(func=cmd_verify)

    s = sub.add_parser("search", help="search the clause bank for agreed language")
    s.add_argument("query")
    s.add_argument("-k", type=int, default=10, help="number of hits (default 10)")
    s.add_argument("--kind", choices=("pp", "op", "rec"))
    s.add_argument("--opener", metavar="VERB", help="e.g. Requests, Urges, Recalling")
    s.add_argument("--body", type=str.upper, choices=("GA", "ECOSOC", "CND"))
    s.add_argument("--since", type=int, metavar="YEAR")
    s.add_argument("--until", type=int, metavar="YEAR")
    s.add_argument("--mode", choices=("hybrid", "lexical", "semantic"), default="hybrid")
    s.add_argument("--lexical", action="store_true", help="same as --mode lexical (no model)")
    s.add_argument("--json", action="store_true")
    _bank_options(s)
    s.set_defaults(func=cmd_search)

    r = sub.add_parser("precedent", help="which paragraphs of a draft are agreed language")
    r.add_argument("draft")
    r.add_argument("--lexical", action="store_true", help="no model: verbatim and minor edits only")
    r.add_argument("--json", action="store_true")
    _bank_options(r)
    r.set_defaults(func=cmd_precedent)
