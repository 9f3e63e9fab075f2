"""``drafter edit`` on the command line: bad input fails before the app starts, in one line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from drafter.cli import main


@pytest.fixture(autouse=True)
def no_app(monkeypatch):
    """These inputs must fail before the app starts (a started app would wait for a terminal)."""
    from drafter.tui.app import DrafterApp

    def refuse(self, *a, **kw):
        raise AssertionError("the app started")
    monkeypatch.setattr(DrafterApp, "run", refuse)


def test_edit_refuses_a_new_non_markdown_draft(tmp_path, capsys):
    assert main(["edit", str(tmp_path / "new.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drafter: error:") and "Markdown" in err and err.count("\n") == 1


def test_edit_reports_a_folder_or_unreadable_draft(tmp_path, capsys):
    assert main(["edit", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err
    binary = tmp_path / "x.md"
    binary.write_bytes(b"# Title\n\x80\x81 not text \xc3(")
    assert main(["edit", str(binary)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_cli_does_not_import_textual_until_edit_runs():
    code = "import sys, drafter.cli as c; c.build_parser(); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
