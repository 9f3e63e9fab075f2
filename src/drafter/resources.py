"""Locate the data folders (styles/, clause_bank/) in a checkout or an installed wheel."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """``styles`` or ``clause_bank``: bundled copy in a wheel, else the repository's folder."""
    for candidate in (_PKG / "_data" / name, _PKG.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"drafter data folder {name!r} not found (broken install?)")


def styles_dir() -> Path:
    return data_dir("styles")


def clause_bank_dir() -> Path:
    return data_dir("clause_bank")
