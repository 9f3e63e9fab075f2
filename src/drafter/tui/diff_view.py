"""Show a revision alignment inside the app: one block per changed paragraph, word redline.

Deleted words are struck through in red, inserted ones underlined in green, so the view
reads the same in light and dark themes and without colour (strike/underline).
"""
from __future__ import annotations

from rich.text import Text

STATUS_STYLE = {"added": "bold green", "deleted": "bold red", "edited": "bold yellow",
                "moved": "bold cyan", "moved+edited": "bold cyan", "split": "bold magenta",
                "merged": "bold magenta", "unchanged": "dim"}


def _redline(text: Text, changes) -> None:
    for c in changes:
        if c.op == "equal":
            text.append(c.new)
            continue
        if c.old:
            text.append(c.old, "strike red")
        if c.new:
            text.append(c.new, "underline green")


def summary_line(alignment) -> str:
    counts = {k: v for k, v in alignment.summary.items() if v and k != "unchanged"}
    if alignment.identical:
        return "No changes."
    parts = [f"{v} {k}" for k, v in counts.items()]
    renumbered = sum(p.renumbered for p in alignment.pairs)
    if renumbered:
        parts.append(f"{renumbered} renumbered")
    return ", ".join(parts) or "Only document-level changes."


def alignment_text(alignment, show_unchanged: bool = False) -> Text:
    """The whole alignment as styled text for a scrollable pane."""
    out = Text()
    out.append(summary_line(alignment) + "\n", "bold")
    sig = alignment.signals
    if sig.title:
        out.append("Title: ", "bold")
        _redline(out, sig.title.changes)
        out.append("\n")
    if sig.sponsors_added:
        out.append(f"Sponsors added: {', '.join(sig.sponsors_added)}\n", "green")
    if sig.sponsors_removed:
        out.append(f"Sponsors removed: {', '.join(sig.sponsors_removed)}\n", "red")
    for addr, shift in sig.opener_shifts:
        out.append(f"{addr}: opener {shift.direction} ({shift.old} → {shift.new})\n", "magenta")
    for pair in alignment.pairs:
        if pair.status == "unchanged" and not pair.renumbered and not show_unchanged:
            continue
        out.append("\n")
        out.append(f"{pair.mapping_line()}", "bold")
        status = "renumbered" if pair.status == "unchanged" else pair.status
        if status not in ("added", "deleted"):  # already said by the mapping line
            out.append(f"  {status}", STATUS_STYLE.get(pair.status, ""))
        if pair.converted:
            out.append(f"  {pair.converted}", "magenta")
        out.append("\n")
        if pair.status == "added":
            out.append(" ".join(p.text for p in pair.new_paragraphs), "underline green")
        elif pair.status == "deleted":
            out.append(" ".join(p.text for p in pair.old_paragraphs), "strike red")
        elif pair.status == "unchanged":
            out.append(" ".join(p.text for p in pair.new_paragraphs), "dim")
        else:
            _redline(out, pair.changes)
        out.append("\n")
        for sub in pair.subpairs:
            if sub.status == "unchanged":
                continue
            out.append(f"  {sub.mapping_line()} {sub.status}: ", "dim")
            _redline(out, sub.changes)
            out.append("\n")
    for note in sig.footnotes:
        out.append(f"\n{note.label}: ", "bold")
        _redline(out, note.changes)
        out.append("\n")
    return out
