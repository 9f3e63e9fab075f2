"""A clause bank on disk: text you can diff in git, plus derived binary files that verify checks.

Layout of a store folder:
- ``clauses.jsonl``: one clause per line, sorted by id (the source of truth, git friendly);
- ``vectors.npy``: float16 L2-normalised embeddings, one row per distinct clause text, rows in
  sorted text-hash order (memory-mapped at query time);
- ``index.npz``: per-clause byte offsets and filter columns, BM25 postings;
- ``manifest.json``: format version, model id, dimension, counts, sha256 of every file, credit.
Vectors are keyed by model id + text hash: a rebuild reuses every vector whose text and model are
unchanged (from the old store or the user's vector cache) and encodes only the rest.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import numpy as np

from ..errors import DrafterError
from ..fileio import atomic_write
from .clause import BODIES, KINDS, Clause
from .lexical import LexicalIndex, build_index
from .vectors import Progress, VectorCache, encode_missing

FORMAT = 1
FILES = ("clauses.jsonl", "vectors.npy", "index.npz")
CREDIT = ('Source: United Nations, General Assembly and Economic and Social Council resolutions. '
          '"When using the files, the user must acknowledge the United Nations as the source of the information."')
REBUILD_HINT = "rebuild it with `drafter bank build` (or `drafter bank add` for the user bank)"


class BankError(DrafterError):
    """A store that is missing, corrupt, truncated or stale."""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_clauses(path: Path) -> list[Clause]:
    """All clauses of a store's clauses.jsonl (raises BankError on a bad line)."""
    out = []
    with open(path / "clauses.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                out.append(Clause.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise BankError(f"corrupt clause line ({exc}); {REBUILD_HINT}", str(path / "clauses.jsonl"), n) from None
    return out


@dataclass
class Store:
    """An opened store: filter columns and postings in memory, vectors memory-mapped."""

    path: Path
    manifest: dict
    offsets: np.ndarray
    kind: np.ndarray  # int8 index into KINDS
    body: np.ndarray  # int8 index into BODIES, -1 unknown
    year: np.ndarray  # int16, 0 unknown
    opener: np.ndarray  # int32 index into openers, -1 none
    openers: list[str]
    vec_row: np.ndarray  # int32 row of vectors.npy for each clause
    symbol: np.ndarray  # int32 index into symbols, -1 none
    symbols: list[str]
    lexical: LexicalIndex
    vectors: np.ndarray | None
    pca: np.ndarray | None = None  # (dim, PCA_DIM) projection, only in big stores
    pca_vectors: np.ndarray | None = None  # vectors projected, float16
    _fd: int | None = None
    _by_row: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def n(self) -> int:
        return len(self.offsets)

    @property
    def model_id(self) -> str | None:
        return self.manifest.get("model_id")

    def clause(self, i: int) -> Clause:
        start = int(self.offsets[i])
        end = int(self.offsets[i + 1]) if i + 1 < len(self.offsets) else self.manifest["sizes"]["clauses.jsonl"]
        if self._fd is None:  # kept open: os.pread is safe to share between threads
            self._fd = os.open(self.path / "clauses.jsonl", os.O_RDONLY)
        raw = os.pread(self._fd, end - start, start)
        try:
            return Clause.from_json(json.loads(raw))
        except ValueError:
            raise BankError(f"clause {i} unreadable; {REBUILD_HINT}", str(self.path / "clauses.jsonl")) from None

    def symbol_of(self, i: int) -> str | None:
        j = int(self.symbol[i])
        return self.symbols[j] if j >= 0 else None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self):
        self.close()

    def same_text(self, i: int) -> np.ndarray:
        """Indices of clauses whose text is identical to clause i's (they share a vector row)."""
        return self.row_members(int(self.vec_row[i]))

    def _groups(self) -> tuple[np.ndarray, np.ndarray]:
        """Clause indices sorted by vector row, and where each row's run starts (built once)."""
        if self._by_row is None:
            order = np.argsort(self.vec_row, kind="stable")
            starts = np.searchsorted(self.vec_row[order], np.arange(int(self.vec_row.max(initial=-1)) + 2))
            self._by_row = (order, starts)
        return self._by_row

    def row_members(self, r: int) -> np.ndarray:
        """Indices of the clauses whose text is vector row ``r``."""
        order, starts = self._groups()
        return order[starts[r]:starts[r + 1]]

    def first_members(self, rows: np.ndarray) -> np.ndarray:
        """For each vector row, the first clause with that text (vectorised)."""
        order, starts = self._groups()
        return order[starts[rows]]


def open_store(path: str | Path) -> Store:
    """Open a store cheaply (no hashing); raises BankError when files are missing or inconsistent."""
    path = Path(path)
    where = str(path)
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BankError(f"not a clause bank (no manifest.json); {REBUILD_HINT}", where) from None
    except ValueError:
        raise BankError(f"corrupt manifest.json; {REBUILD_HINT}", where) from None
    if manifest.get("format") != FORMAT:
        raise BankError(f"bank format {manifest.get('format')!r} is not {FORMAT}; {REBUILD_HINT}", where)
    for name, size in manifest.get("sizes", {}).items():
        f = path / name
        if not f.is_file() or f.stat().st_size != size:
            raise BankError(f"{name} is missing or truncated; {REBUILD_HINT}", where)
    try:
        with np.load(path / "index.npz", allow_pickle=False) as a:
            arrays = {k: a[k] for k in a.files}
        lexical = LexicalIndex.from_arrays(arrays)
        vectors = None
        if (path / "vectors.npy").is_file():
            vectors = np.load(path / "vectors.npy", mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, KeyError) as exc:
        raise BankError(f"corrupt index or vectors ({exc}); {REBUILD_HINT}", where) from None
    n = manifest["counts"]["clauses"]
    if len(arrays["offsets"]) != n or lexical.n_docs != n or (
            vectors is not None and (vectors.shape[0] != manifest["counts"]["vectors"]
                                     or vectors.shape[1] != manifest.get("dim"))):
        raise BankError(f"index does not match the clause count; {REBUILD_HINT}", where)
    return Store(path, manifest, arrays["offsets"], arrays["kind"], arrays["body"], arrays["year"],
                 arrays["opener"], arrays["openers"].tolist(), arrays["vec_row"], arrays["symbol"],
                 arrays["symbols"].tolist(), lexical, vectors, arrays.get("pca"), arrays.get("pca_vectors"))


def write_store(path: str | Path, clauses: Iterable[Clause], embedder=None,
                cache: VectorCache | None = None, progress: Progress | None = None) -> dict:
    """Write a store (replacing any old one), reusing vectors whose text and model are unchanged.

    Returns the manifest, with ``encoded``: how many texts were sent to the embedder."""
    path = Path(path)
    by_id: dict[str, Clause] = {}
    for c in clauses:
        by_id[c.id] = c  # a later source of the same id replaces the earlier one
    ordered = [by_id[k] for k in sorted(by_id)]
    model = getattr(embedder, "model_id", None)
    cache = cache or VectorCache(None, model)
    if model and (path / "manifest.json").is_file():
        try:  # reuse the store we are replacing
            old = open_store(path)
            if old.model_id == model and old.vectors is not None:
                old_hashes = sorted({c.hash for c in read_clauses(path)})
                cache.add_arrays(old_hashes, np.asarray(old.vectors))
        except BankError:
            pass
    lines, offsets, pos = [], [], 0
    for c in ordered:
        line = (json.dumps(c.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        offsets.append(pos)
        pos += len(line)
        lines.append(line)
    hashes = sorted({c.hash for c in ordered})
    row_of = {h: i for i, h in enumerate(hashes)}
    encoded = 0
    vectors = None
    if embedder is not None:
        vectors, encoded = encode_missing(hashes, {c.hash: c.text for c in ordered}, embedder, cache, progress)
    openers = sorted({c.opener for c in ordered if c.opener})
    op_ix = {o: i for i, o in enumerate(openers)}
    symbols = sorted({c.symbol for c in ordered if c.symbol})
    sym_ix = {o: i for i, o in enumerate(symbols)}
    arrays = {
        "offsets": np.array(offsets, dtype=np.int64),
        "kind": np.array([KINDS.index(c.kind) for c in ordered], dtype=np.int8),
        "body": np.array([BODIES.index(c.body) if c.body in BODIES else -1 for c in ordered], dtype=np.int8),
        "year": np.array([c.year or 0 for c in ordered], dtype=np.int16),
        "opener": np.array([op_ix[c.opener] if c.opener else -1 for c in ordered], dtype=np.int32),
        "openers": np.array(openers, dtype=str) if openers else np.zeros(0, dtype="<U1"),
        "vec_row": np.array([row_of[c.hash] for c in ordered], dtype=np.int32),
        "symbol": np.array([sym_ix[c.symbol] if c.symbol else -1 for c in ordered], dtype=np.int32),
        "symbols": np.array(symbols, dtype=str) if symbols else np.zeros(0, dtype="<U1"),
        **build_index([c.text for c in ordered]).to_arrays(),
        **_pca_arrays(vectors),
    }
    path.mkdir(parents=True, exist_ok=True)
    atomic_write(path / "clauses.jsonl", b"".join(lines))
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    atomic_write(path / "index.npz", buf.getvalue())
    if vectors is not None:
        buf = io.BytesIO()
        np.save(buf, vectors)
        atomic_write(path / "vectors.npy", buf.getvalue())
    elif (path / "vectors.npy").exists():
        (path / "vectors.npy").unlink()
    present = [f for f in FILES if (path / f).is_file()]
    _readable(path / "manifest.json", *(path / f for f in present))
    manifest = {
        "format": FORMAT,
        "model_id": model if vectors is not None else None,
        "dim": int(vectors.shape[1]) if vectors is not None else None,
        "vector_dtype": "float16",
        "counts": {"clauses": len(ordered), "vectors": len(hashes) if vectors is not None else 0,
                   **{k: sum(c.kind == k for c in ordered) for k in KINDS},
                   **{b: sum(c.body == b for c in ordered) for b in BODIES}},
        "years": [min((c.year for c in ordered if c.year), default=None),
                  max((c.year for c in ordered if c.year), default=None)],
        "files": {f: sha256_file(path / f) for f in present},
        "sizes": {f: (path / f).stat().st_size for f in present},
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credit": CREDIT,
    }
    atomic_write(path / "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    _readable(path / "manifest.json")
    return {**manifest, "encoded": encoded}


PCA_MIN_ROWS = 20_000  # below this an exact scan is already fast
PCA_DIM = 128


def _pca_arrays(vectors: np.ndarray | None) -> dict[str, np.ndarray]:
    """A projection for the coarse semantic scan of big stores (fit on a fixed sample)."""
    if vectors is None or vectors.shape[0] < PCA_MIN_ROWS:
        return {}
    rng = np.random.default_rng(0)
    n = min(5000, vectors.shape[0])
    sample = np.asarray(vectors[rng.choice(vectors.shape[0], n, replace=False)], dtype=np.float32)
    _u, _s, vt = np.linalg.svd(sample, full_matrices=False)
    proj = np.ascontiguousarray(vt[:PCA_DIM].T, dtype=np.float32)
    return {"pca": proj, "pca_vectors": (np.asarray(vectors, dtype=np.float32) @ proj).astype(np.float16)}


def _readable(*files: Path) -> None:
    """Bank files are data to share: rw-r--r-- (less what the umask removes), not mkstemp's 0600."""
    mask = os.umask(0)
    os.umask(mask)
    for f in files:
        if f.exists():
            os.chmod(f, 0o644 & ~mask)


def verify_store(path: str | Path, model_id: str | None) -> list[str]:
    """Every problem found (empty list: healthy): hashes, truncation, staleness, consistency."""
    path = Path(path)
    try:
        store = open_store(path)
    except BankError as exc:
        return [exc.message]
    problems = []
    for name, digest in store.manifest.get("files", {}).items():
        if sha256_file(path / name) != digest:
            problems.append(f"{name}: sha256 mismatch (file changed or corrupt)")
    try:
        clauses = read_clauses(path)
    except BankError as exc:
        return problems + [exc.message]
    if any(c.hash and c.hash != Clause(c.id, c.text, c.kind).hash for c in clauses):
        problems.append("clauses.jsonl: a text no longer matches its hash")
    if store.vectors is None:
        problems.append("no vectors: semantic search is off for this store")
    elif model_id and store.model_id != model_id:
        problems.append(f"stale vectors: built with {store.model_id}, current model is {model_id}")
    elif store.vectors is not None and len({c.hash for c in clauses}) != store.vectors.shape[0]:
        problems.append("vectors.npy does not match the clause texts")
    return problems
