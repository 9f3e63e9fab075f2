"""The main screens as scripted scenes, shared by the snapshot tests and the README screenshots."""
from __future__ import annotations

from pathlib import Path


async def settle(pilot, seconds: float = 0.1) -> None:
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def draft_screen(pilot) -> None:
    """The draft list and editor on OP 3 (with subparagraphs)."""
    await settle(pilot)
    await pilot.press(*["down"] * 6)
    await settle(pilot, 0.4)


async def search_screen(pilot, query: str = "forensic laboratories synthetic drugs") -> None:
    await settle(pilot)
    await pilot.press(*["down"] * 8, "ctrl+f")
    pilot.app.query_one("#query").value = query
    await settle(pilot, 0.4)
    await pilot.press("tab", "tab", "tab", "tab")
    await settle(pilot)


async def findings_screen(pilot) -> None:
    await settle(pilot, 0.6)
    await pilot.press("ctrl+g")
    await settle(pilot)


async def revision_screen(pilot, old: Path) -> None:
    await settle(pilot)
    pilot.app._version_chosen(old)
    await settle(pilot, 0.3)
    pilot.app.query_one("#diff-scroll").focus()
    await settle(pilot)


async def header_form_screen(pilot) -> None:
    await settle(pilot)
    form = pilot.app.screen
    form.query_one("#h-title").value = "Countering the threat of synthetic drugs"
    form.query_one("#h-symbol").value = "E/CN.7/2026/L.3"
    form.query_one("#h-session").value = "Sixty-ninth session"
    form.query_one("#h-agenda_item").value = "5 (b)"
    form.query_one("#h-sponsors").value = "Belarus, Chile, Nigeria"
    form.query_one("#done").focus()  # no blinking text cursor in the picture
    await settle(pilot, 0.3)


async def recovery_screen(pilot) -> None:
    await settle(pilot)
