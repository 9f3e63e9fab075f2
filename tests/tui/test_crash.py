"""Kill the real app (SIGKILL, in a pseudo-terminal) while typing: at most 2 s of typing is lost."""
from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from drafter.tui import recovery

pytestmark = pytest.mark.slow


def _spawn(args: list[str], env: dict, cwd: Path) -> tuple[subprocess.Popen, int, list[bytes]]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                            start_new_session=True)
    os.close(slave)
    screen: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.append(chunk)

    threading.Thread(target=drain, daemon=True).start()
    return proc, master, screen


def test_killed_mid_edit_loses_at_most_two_seconds(draft, tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "xterm-256color"}
    proc, master, screen = _spawn([sys.executable, "-m", "drafter", "edit", str(draft), "--no-bank"],
                                  env, tmp_path)
    try:
        deadline = time.monotonic() + 30
        while b"good-draft.md" not in b"".join(screen) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert b"good-draft.md" in b"".join(screen), "the app did not start"
        time.sleep(0.5)
        os.write(master, b"\r")  # edit PP 1
        time.sleep(0.3)
        os.write(master, b"\x05")  # end of line
        typed: list[tuple[str, float]] = []
        start = time.monotonic()
        n = 0
        while time.monotonic() - start < 4.0:
            word = f" w{n:03d}"
            os.write(master, word.encode())
            typed.append((word.strip(), time.monotonic()))
            n += 1
            time.sleep(0.05)
        killed_at = time.monotonic()
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        os.close(master)
    found = recovery.read(recovery.recovery_path(draft, tmp_path / "state" / "drafter" / "recovery"))
    assert found is not None, "no recovery file after the crash"
    kept = [w for w, _ in typed if w in found.markdown]
    assert kept == [w for w, _ in typed][:len(kept)], "the recovery copy is not a prefix of the typing"
    lost_since = typed[len(kept)][1] if len(kept) < len(typed) else killed_at
    assert killed_at - lost_since <= 2.0, f"lost {killed_at - lost_since:.2f} s of typing"
    assert draft.read_text().count(" w000") == 0  # the draft itself was never written
