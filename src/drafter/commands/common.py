"""Helpers shared by the command modules: output to a file or stdout, safely."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DrafterError
from ..fileio import atomic_write


def emit(data: str | bytes, out: str | None, inputs: tuple[str, ...] = (), force: bool = False) -> None:
    """Write ``data`` to ``out`` atomically (or stdout); refuse to overwrite an input unless forced."""
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    target = Path(out).resolve()
    if not force and any(Path(i).resolve() == target for i in inputs):
        raise DrafterError("refusing to overwrite an input file (name another -o)", out)
    if not target.parent.is_dir():
        raise DrafterError(f"cannot write: no such folder {str(Path(out).parent)!r}", out)
    if target.is_dir():
        raise DrafterError("cannot write: is a directory", out)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise DrafterError(f"cannot write: {exc.strerror or exc}", out) from None
