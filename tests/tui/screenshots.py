"""Regenerate the README screenshots (docs/img/tui-*.svg, and .png when chromium is there).

Uses the real lint, bank and revision services on the example drafts, 120x40:

    python -m tests.tui.screenshots
"""
from __future__ import annotations

import asyncio
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.parse import load
from drafter.render.markdown import render_markdown
from drafter.tui import editing, recovery
from drafter.tui.app import create_app

from . import scenes

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "img"
SIZE = (120, 40)


async def shoot(app, scene, name: str) -> Path:
    async with app.run_test(size=SIZE) as pilot:
        await scene(pilot)
        await scenes.settle(pilot, 0.3)
        target = OUT / f"tui-{name}.svg"
        app.save_screenshot(filename=target.name, path=str(OUT))
    return target


def to_png(svg: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return
    box = svg.read_text(encoding="utf-8").split('viewBox="', 1)[1].split('"', 1)[0].split()
    width, height = int(float(box[2])), int(float(box[3])) + 1
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},{height}", f"--screenshot={svg.with_suffix('.png')}",
                    svg.as_uri()], capture_output=True, timeout=120, check=False)


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    good, bad = work / "good-draft.md", work / "bad-draft.md"
    shutil.copy(REPO / "examples" / "good-draft.md", good)
    shutil.copy(REPO / "examples" / "bad-draft.md", bad)
    rec = work / "recovery"

    def app(path, **kw):
        return create_app(path, recovery_dir=rec, **kw)

    old = work / "good-draft-rev0.md"
    doc = load(good)
    doc, _ = editing.move(doc, 5, 1)
    doc = editing.set_text(doc, 4, editing.editor_text(doc.operative[0]).replace("strengthen", "build"))
    doc, _ = editing.delete(doc, 2)
    old.write_text(render_markdown(doc), encoding="utf-8")

    shots = [
        await shoot(app(good), scenes.draft_screen, "draft"),
        await shoot(app(good), scenes.search_screen, "search"),
        await shoot(app(bad), scenes.findings_screen, "findings"),
        await shoot(app(good), functools.partial(scenes.revision_screen, old=old), "revision"),
        await shoot(app(work / "new-draft.md"), scenes.header_form_screen, "new-draft"),
        await shoot(app(good, theme="light"), scenes.search_screen, "light"),
    ]
    changed = editing.set_text(load(good), 4, "Encourages Member States to do more;")
    recovery.write(recovery.recovery_path(good, rec), good, render_markdown(changed))
    shots.append(await shoot(app(good), scenes.recovery_screen, "recovery"))
    for svg in shots:
        to_png(svg)
        print(svg.relative_to(REPO))


if __name__ == "__main__":
    asyncio.run(main())
