"""Reading inputs and writing outputs without ever losing data."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import DrafterError


def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file (BOM and CRLF tolerated) or fail with a one-line error."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise DrafterError("no such file", str(path)) from None
    except IsADirectoryError:
        raise DrafterError("is a directory, expected a file", str(path)) from None
    except OSError as exc:
        raise DrafterError(f"cannot read: {exc.strerror}", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError("not UTF-8 text (is it a binary file?)", str(path), line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write via a temp file in the same folder, fsync, then rename over the target."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if p.exists():
            os.chmod(tmp, p.stat().st_mode & 0o777)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
