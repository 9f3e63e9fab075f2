"""``drafter edit [DRAFT]``: open the drafting TUI (a new draft when DRAFT does not exist).

Textual is imported only when the command runs, so the rest of the CLI stays light.
"""
from __future__ import annotations


def cmd_edit(args) -> int:
    from ..tui.app import create_app

    app = create_app(args.draft, theme=args.theme, load_bank=not args.no_bank)
    app.run()
    return app.return_code or 0


def register(sub) -> None:
    p = sub.add_parser("edit", help="compose and check a draft in the terminal (Textual app)",
                       description="Open DRAFT (Markdown, UN plain text or .docx) in the drafting "
                                   "app; a new Markdown draft is started when DRAFT does not exist. "
                                   "Non-Markdown inputs are never overwritten: saving asks for a "
                                   ".md name.")
    p.add_argument("draft", nargs="?", help="the draft to open or create (.md); omit for a new one")
    p.add_argument("--theme", choices=("dark", "light"), help="colour theme (default: dark)")
    p.add_argument("--no-bank", action="store_true", help="do not open the clause bank (search off)")
    p.set_defaults(func=cmd_edit)
