"""Snapshot tests of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Run ``pytest tests/tui/test_snapshots.py --snapshot-update`` after an intended change and
look at the SVGs in ``__snapshots__`` before accepting them.
"""
from __future__ import annotations

import functools
import json
import types

import pytest

from drafter.parse import load
from drafter.render.markdown import render_markdown
from drafter.tui import editing, recovery

from . import scenes

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_draft_screen(snap_compare, make_app, draft, size):
    assert snap_compare(make_app(draft), terminal_size=size, run_before=scenes.draft_screen)


@pytest.mark.parametrize("size", SIZES)
def test_search_screen(snap_compare, make_app, draft, size):
    assert snap_compare(make_app(draft), terminal_size=size, run_before=scenes.search_screen)


@pytest.mark.parametrize("size", SIZES)
def test_findings_screen(snap_compare, make_app, draft, size):
    draft.write_text(draft.read_text().replace("Office on Drugs and Crime and", "UNODC and"))
    assert snap_compare(make_app(draft), terminal_size=size, run_before=scenes.findings_screen)


@pytest.mark.parametrize("size", SIZES)
def test_revision_screen(snap_compare, make_app, draft, tmp_path, size):
    old = tmp_path / "old.md"
    doc = load(draft)
    doc, _ = editing.move(doc, 5, 1)
    doc = editing.set_text(doc, 4, editing.editor_text(doc.operative[0]).replace("strengthen", "build"))
    old.write_text(render_markdown(doc))
    assert snap_compare(make_app(draft), terminal_size=size,
                        run_before=functools.partial(scenes.revision_screen, old=old))


@pytest.mark.parametrize("size", SIZES)
def test_header_form_screen(snap_compare, make_app, tmp_path, size):
    assert snap_compare(make_app(tmp_path / "new.md"), terminal_size=size,
                        run_before=scenes.header_form_screen)


def test_recovery_prompt(snap_compare, make_app, draft, recovery_dir, monkeypatch):
    path = recovery.recovery_path(draft, recovery_dir)
    changed = editing.delete(load(draft), 0)[0]
    path.parent.mkdir(parents=True)
    path.write_text('<!-- drafter-recovery ' + json.dumps({"draft": str(draft), "saved_at": 1000.0})
                    + ' -->\n' + render_markdown(changed))
    fake_time = types.SimpleNamespace(time=lambda: 1042.0)
    monkeypatch.setattr(recovery, "time", fake_time)
    assert snap_compare(make_app(draft), terminal_size=(80, 24), run_before=scenes.recovery_screen)


def test_light_theme(snap_compare, make_app, draft):
    assert snap_compare(make_app(draft, theme="light"), terminal_size=(120, 40),
                        run_before=scenes.search_screen)
