"""One error type for bad input: the CLI prints it on one line and exits 2."""
from __future__ import annotations


class DrafterError(Exception):
    """Bad input or usage: carries the file and line it is about."""

    def __init__(self, message: str, path: str | None = None, line: int | str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"
