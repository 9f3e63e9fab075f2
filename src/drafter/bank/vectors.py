"""Vectors already computed, keyed by model id + text hash, so no text is encoded twice.

The user cache directory holds chunks (``<cache>/drafter/vectors/*.npz``: hashes, float16
vectors, model id) written as a build goes, so an interrupted build loses little, and a bank
rebuilt elsewhere (or the benchmark bank) reuses every vector already made.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ..fileio import atomic_write

Progress = Callable[[int, int], None]


class VectorCache:
    """Vectors already computed, keyed by text hash, for one model id (the user cache dir)."""

    def __init__(self, folder: Path | None, model_id: str | None):
        self.folder, self.model_id = folder, model_id
        self._rows: dict[str, tuple[np.ndarray, int]] = {}

    def add_arrays(self, hashes: Iterable[str], vectors: np.ndarray) -> None:
        for i, h in enumerate(hashes):
            self._rows.setdefault(str(h), (vectors, i))

    def load_folder(self) -> None:
        if not self.folder or not self.folder.is_dir():
            return
        for f in sorted(self.folder.glob("*.npz")):
            try:
                with np.load(f, allow_pickle=False) as a:
                    if str(a["model_id"]) == self.model_id:
                        self.add_arrays(a["hashes"].tolist(), a["vectors"])
            except (OSError, ValueError, KeyError):
                continue  # a damaged cache chunk only costs re-encoding

    def get(self, h: str) -> np.ndarray | None:
        hit = self._rows.get(h)
        return None if hit is None else hit[0][hit[1]]

    def save_chunk(self, hashes: list[str], vectors: np.ndarray) -> None:
        if not self.folder or not hashes:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        np.savez(buf, hashes=np.array(hashes), vectors=vectors.astype(np.float16), model_id=np.array(self.model_id))
        atomic_write(self.folder / f"chunk-{hashlib.sha256(''.join(hashes).encode()).hexdigest()[:16]}.npz", buf.getvalue())


def encode_missing(hashes: list[str], texts: dict[str, str], embedder, cache: VectorCache,
                    progress: Progress | None, batch: int = 256) -> tuple[np.ndarray, int]:
    """Vectors for sorted unique hashes; only hashes absent from the cache go to the embedder."""
    dim = embedder.dim
    out = np.zeros((len(hashes), dim), dtype=np.float16)
    missing = []
    for i, h in enumerate(hashes):
        v = cache.get(h)
        if v is None:
            missing.append(i)
        else:
            out[i] = v
    done = 0
    if progress:
        progress(0, len(missing))
    for start in range(0, len(missing), batch):
        idx = missing[start:start + batch]
        vecs = embedder.encode([texts[hashes[i]] for i in idx])
        out[idx] = vecs.astype(np.float16)
        cache.save_chunk([hashes[i] for i in idx], vecs)
        done += len(idx)
        if progress:
            progress(done, len(missing))
    return out, len(missing)
