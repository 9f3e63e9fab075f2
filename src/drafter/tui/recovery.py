"""Recovery files: the unsaved draft written every second so a crash loses almost nothing.

One file per draft, keyed by the draft's absolute path, in the user state directory
(platformdirs), holding canonical Markdown behind a one-line JSON header naming the draft.
Saving or quitting deliberately removes it; finding one at start means the last session died.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..fileio import atomic_write

_HEADER = "<!-- drafter-recovery "


def default_dir() -> Path:
    from platformdirs import user_state_dir
    return Path(user_state_dir("drafter", appauthor=False)) / "recovery"


def recovery_path(draft: str | os.PathLike, directory: Path | None = None) -> Path:
    absolute = str(Path(draft).expanduser().resolve())
    key = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:20]
    return (directory or default_dir()) / f"{Path(absolute).stem[:40]}-{key}.md"


@dataclass(frozen=True)
class Recovered:
    markdown: str
    draft: str
    saved_at: float

    @property
    def age(self) -> str:
        seconds = max(0, int(time.time() - self.saved_at))
        if seconds < 90:
            return f"{seconds} s ago"
        if seconds < 5400:
            return f"{seconds // 60} min ago"
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))


def write(path: Path, draft: str | os.PathLike, markdown: str) -> None:
    header = json.dumps({"draft": str(Path(draft).resolve()), "saved_at": time.time()})
    path.parent.mkdir(parents=True, exist_ok=True)  # the user state dir may not exist yet
    atomic_write(path, f"{_HEADER}{header} -->\n{markdown}")


def read(path: Path) -> Recovered | None:
    """The recovery file's content, or None when there is none (or it is unreadable)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    first, _, body = text.partition("\n")
    if not first.startswith(_HEADER):
        return None
    try:
        info = json.loads(first[len(_HEADER):].removesuffix(" -->"))
    except json.JSONDecodeError:
        return None
    return Recovered(body, str(info.get("draft", "")), float(info.get("saved_at", 0)))


def discard(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
