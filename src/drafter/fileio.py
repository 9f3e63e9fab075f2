"""Reading inputs and writing outputs without ever losing data."""
from __future__ import annotations

import codecs
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

from .errors import DrafterError


def _warn_stderr(message: str) -> None:
    print(f"drafter: warning: {message}", file=sys.stderr)


def read_text(path: str | os.PathLike, warn: Callable[[str], None] | None = None) -> str:
    """Read a text file as UTF-8 (BOM, UTF-16 with BOM and CRLF tolerated) or fail with a one-line error.

    Text that is not UTF-8 but reads as Windows-1252 (old Word and Outlook exports) is decoded
    that way with a one-line warning through ``warn`` (default: stderr). NUL bytes, or bytes
    that are not even Windows-1252, mean a binary file: a DrafterError naming file and line.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise DrafterError("no such file", str(path)) from None
    except IsADirectoryError:
        raise DrafterError("is a directory, expected a file", str(path)) from None
    except OSError as exc:
        raise DrafterError(f"cannot read: {exc.strerror}", str(path)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise DrafterError("not valid UTF-16 text despite its byte-order mark", str(path), 1) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DrafterError("binary data (NUL bytes), not a text document", str(path),
                           data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise DrafterError("neither UTF-8 nor Windows-1252 text (is it a binary file?)", str(path), line) from None
        (warn or _warn_stderr)(f"{path}:{line}: not UTF-8; read as Windows-1252 (cp1252) text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write via a temp file in the same folder, fsync, then rename over the target.

    A missing folder is an error (FileNotFoundError), not created: a mistyped ``-o`` path
    must not scatter folders. Callers writing into their own data folders create them first.
    """
    p = Path(path)
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
