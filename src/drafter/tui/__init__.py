"""The drafting TUI (``drafter edit``): a thin Textual layer over the core.

Import :func:`create_app` from :mod:`drafter.tui.app`; this package itself imports nothing
heavy so the CLI can name it cheaply.
"""


def create_app(*args, **kwargs):
    from .app import create_app as _create
    return _create(*args, **kwargs)
