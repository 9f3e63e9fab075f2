"""The bank a delegate searches: the shipped store with the user's own store layered over it.

Opening is cheap (no model, no hashing): lexical search works at once. The embedding model is
loaded on first semantic use, or ahead of time in a background thread (``warm_up``) so a TUI can
show lexical hits while typing and merge semantic ones when the model is ready.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embed import Embedder, ModelUnavailable, load_embedder, model_id
from .store import BankError, Store, open_store

QUERY_THREADS = 1  # onnxruntime threads for queries: measured faster than 2 on a shared 2-core machine


def shipped_bank_dir() -> Path:
    env = os.environ.get("DRAFTER_BANK")
    if env:
        return Path(env)
    from ..resources import clause_bank_dir
    return clause_bank_dir()


def user_bank_dir() -> Path:
    env = os.environ.get("DRAFTER_USER_BANK")
    if env:
        return Path(env)
    from platformdirs import user_data_dir
    return Path(user_data_dir("drafter")) / "bank"


@dataclass
class Layer:
    name: str  # "shipped" | "user" | a folder name
    store: Store
    _dense: np.ndarray | None = None
    _dense_pca: np.ndarray | None = None

    def dense(self) -> np.ndarray | None:
        """Vectors as float32 in memory (converted once; matmul on float16 is slow in numpy)."""
        if self._dense is None and self.store.vectors is not None:
            self._dense = np.ascontiguousarray(self.store.vectors, dtype=np.float32)
        return self._dense

    def dense_pca(self) -> np.ndarray | None:
        """Projected vectors as float32 (big stores only), for the coarse scan."""
        if self._dense_pca is None and self.store.pca_vectors is not None:
            self._dense_pca = np.ascontiguousarray(self.store.pca_vectors, dtype=np.float32)
        return self._dense_pca


class Bank:
    """Layers of stores plus the (lazily loaded) query encoder."""

    def __init__(self, layers: list[Layer], embedder: Embedder | None = None,
                 loader: threading.Thread | None = None):
        if not layers:
            raise BankError("no clause bank found; build one with `drafter bank build`")
        self.layers = layers
        self._embedder = embedder
        self._model_error: str | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = loader

    @property
    def size(self) -> int:
        return sum(layer.store.n for layer in self.layers)

    # -- the model -------------------------------------------------------------------------
    def embedder(self, wait: bool = True) -> Embedder | None:
        """The query encoder, loading it if needed; None (with ``model_error`` set) if unavailable."""
        if self._embedder is not None or self._model_error is not None:
            return self._embedder
        if not wait:
            return None
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()  # a warm-up or preload is already loading it
            if self._embedder is not None or self._model_error is not None:
                return self._embedder
        with self._lock:
            if self._embedder is None and self._model_error is None:
                try:
                    self._embedder = load_embedder(threads=QUERY_THREADS)
                except ModelUnavailable as exc:
                    self._model_error = str(exc)
        return self._embedder

    @property
    def model_error(self) -> str | None:
        return self._model_error

    def settle(self) -> None:
        """Wait for a background model load to finish (call before the process exits: tearing
        down the interpreter under a thread inside onnxruntime aborts the process)."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def semantic_ready(self) -> bool:
        return self._embedder is not None

    def warm_up(self) -> threading.Thread:
        """Load the model and the dense vectors in a background thread (for interactive use)."""
        if self._thread is None:
            def work():
                if self.embedder() is not None:
                    for layer in self.layers:
                        layer.dense()
                        layer.dense_pca()
            self._thread = threading.Thread(target=work, name="drafter-bank-warm-up", daemon=True)
            self._thread.start()
        return self._thread

    def stale_layers(self) -> list[str]:
        """Layers whose vectors were made by another model (or have none): lexical only."""
        current = self._embedder.model_id if self._embedder is not None else model_id()
        return [layer.name for layer in self.layers
                if layer.store.vectors is None or layer.store.model_id != current]

    # -- searching (implemented in search.py / precedent.py) -------------------------------
    def search(self, query: str, k: int = 10, **kw):
        from .search import search
        return search(self, query, k, **kw)

    def info(self) -> list[dict]:
        return [{"layer": layer.name, "path": str(layer.store.path), **layer.store.manifest}
                for layer in self.layers]


def _preload() -> tuple[threading.Thread, dict]:
    """Start loading the query encoder at once, so it overlaps with opening the stores."""
    box: dict = {}

    def work():
        try:
            box["embedder"] = load_embedder(threads=QUERY_THREADS)
        except ModelUnavailable as exc:
            box["error"] = str(exc)
    thread = threading.Thread(target=work, name="drafter-model-preload", daemon=True)
    thread.start()
    return thread, box


def open_bank(path: str | Path | None = None, user: str | Path | None | bool = None,
              embedder: Embedder | None = None, preload: bool = False) -> Bank:
    """Open the shipped bank (or ``path``) with the user bank layered over it when it exists.

    ``user=False`` leaves the user bank out; ``preload=True`` starts loading the model in the
    background straight away (for a one-shot semantic search). Raises BankError (one line) on a
    corrupt store."""
    loader, box = _preload() if preload and embedder is None else (None, None)
    layers = []
    try:
        base = Path(path) if path else shipped_bank_dir()
        if (base / "manifest.json").exists() or path:
            layers.append(Layer("shipped" if not path else base.name or str(base), open_store(base)))
        if user is not False:
            udir = Path(user) if user else user_bank_dir()
            if (udir / "manifest.json").exists():
                layers.append(Layer("user", open_store(udir)))
        if not layers:
            raise BankError("no clause bank found; build one with `drafter bank build`")
    except BaseException:
        if loader is not None:
            loader.join()  # see Bank.settle
        raise
    if loader is None:
        return Bank(layers, embedder)

    bank = Bank(layers, None, None)

    def adopt():  # hand the preloaded model (or its error) to the bank
        loader.join()
        bank._embedder = box.get("embedder")
        bank._model_error = box.get("error")
    bank._thread = threading.Thread(target=adopt, daemon=True)
    bank._thread.start()
    return bank
