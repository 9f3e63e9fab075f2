"""Bad input: one line naming the file, exit code 2, no traceback; outputs never clobber inputs."""
from __future__ import annotations

import subprocess
import sys

from ..conftest import FIXTURES


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd)


def test_missing_file_is_one_line_exit_2(tmp_path):
    r = run("import", str(tmp_path / "nope.md"))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "nope.md" in r.stderr and "Traceback" not in r.stderr


def test_binary_file(tmp_path):
    bad = tmp_path / "x.md"
    bad.write_bytes(b"# T\n\n\xff\xfe\x00junk")
    r = run("import", str(bad))
    assert r.returncode == 2 and "x.md:3" in r.stderr and "Traceback" not in r.stderr


def test_bad_front_matter_names_line(tmp_path):
    bad = tmp_path / "x.md"
    bad.write_text("---\nsymbol: [unclosed\n---\n\n# T\n")
    r = run("import", str(bad))
    assert r.returncode == 2 and "x.md:" in r.stderr and "Traceback" not in r.stderr


def test_refuses_to_overwrite_input(tmp_path):
    src = tmp_path / "d.md"
    original = (FIXTURES / "good-draft.md").read_text()
    src.write_text(original)
    r = run("import", str(src), "-o", str(src))
    assert r.returncode == 2 and src.read_text() == original


def test_import_writes_canonical(tmp_path):
    out = tmp_path / "out.md"
    r = run("import", str(FIXTURES / "good-draft.md"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text().startswith("# Strengthening")
