"""The ``drafter`` command line: a thin layer that parses arguments and calls the core.

Each command lives in ``drafter.commands.<module>`` with a ``register(subparsers)`` function
that adds its parser and sets ``func(args) -> int``. Bad input raises DrafterError, printed
here on one line with exit code 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import DrafterError

COMMAND_MODULES = ("document", "lint", "bank", "revision", "edit")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Compose, check and track revisions of UN CND draft resolutions.")
    from . import __version__
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"drafter.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"drafter.commands.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DrafterError as exc:
        print(f"drafter: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
