"""Time from `drafter edit DRAFT` to an interactive screen, with the shipped clause bank.

Runs the app headless in a fresh interpreter (as a delegate's shell would), several times,
and prints the median next to a baseline: an empty Textual app in the same interpreter.
Also reports when the bank and the semantic model became ready (in workers, after the
screen is already interactive) and checks that no heavy library was imported by then.

    python benchmarks/tui_start.py [DRAFT] [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = 1.0  # seconds, issue 7

APP = r"""
import asyncio, sys, time
from textual import events
from drafter.tui.app import create_app
app = create_app(sys.argv[1])
marks = {"gaps": [0.0]}
async def auto(pilot):
    await pilot.pause(0)  # the first screen is mounted and has handled its events
    marks["ready"] = time.monotonic()
    heavy = [m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules]
    last = [time.monotonic()]
    def beat():
        now = time.monotonic()
        marks["gaps"].append(now - last[0])
        last[0] = now
        if app.bank is not None and "bank" not in marks:
            marks["bank"] = now
    app.set_interval(0.01, beat)
    t = time.monotonic()
    app.post_message(events.Key("down", None))  # as if typed, while the workers run
    while app.selected != 1:
        await asyncio.sleep(0.001)
    marks["key"] = time.monotonic() - t
    deadline = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < deadline and not app.model_ready:
        await asyncio.sleep(0.01)
    if app.model_ready:
        marks["model"] = time.monotonic()
    stall = max(marks["gaps"]) - 0.01
    app.exit()
    print("READY", marks["ready"], marks.get("bank", "-"), marks.get("model", "-"),
          ",".join(heavy) or "-", f"{marks['key'] * 1000:.0f}ms", f"{stall * 1000:.0f}ms")
app.run(headless=True, size=(120, 40), auto_pilot=auto)
"""

BASELINE = r"""
import time
from textual.app import App
from textual.widgets import Footer, Header, Static
class Hello(App):
    def compose(self):
        yield Header(); yield Static("hello"); yield Footer()
async def auto(pilot):
    await pilot.pause(0)
    print("READY", time.monotonic())
    pilot.app.exit()
Hello().run(headless=True, size=(120, 40), auto_pilot=auto)
"""


def one(code: str, *args: str) -> list[str]:
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    line = next((x for x in out.stdout.splitlines() if x.startswith("READY")), None)
    if line is None:
        raise SystemExit(f"no READY line:\n{out.stdout}\n{out.stderr}")
    fields = line.split(" ")[1:]
    return [f"{float(f) - t0:.3f}" if f.replace(".", "", 1).isdigit() else f for f in fields]



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("draft", nargs="?", default=str(REPO / "examples" / "good-draft.md"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--wait-model", type=float, default=20.0,
                    help="seconds to wait for the bank and model in the first run (0: skip)")
    args = ap.parse_args()
    first = one(APP, args.draft, str(args.wait_model))
    runs = [first] + [one(APP, args.draft, "0") for _ in range(args.runs - 1)]
    base = [float(one(BASELINE)[0]) for _ in range(args.runs)]
    ready = statistics.median(float(r[0]) for r in runs)
    print(f"{'measure':<44}{'drafter edit':>14}{'empty Textual app':>20}")
    print(f"{'start -> interactive screen (median, s)':<44}{ready:>14.3f}{statistics.median(base):>20.3f}")
    print(f"{'  runs':<44}{' '.join(r[0] for r in runs):>14}")
    print(f"{'start -> clause bank open (s, worker)':<44}{first[1] or 'n/a':>14}")
    print(f"{'start -> semantic model ready (s, worker)':<44}{first[2] or 'n/a':>14}")
    print(f"{'heavy modules imported at interactive':<44}{first[3]:>14}")
    print(f"{'first key press handled in (median)':<44}{statistics.median(int(r[4][:-2]) for r in runs):>12}ms")
    print(f"{'longest event-loop stall while bank/model load':<44}{first[5]:>14}")
    print(f"target: interactive < {TARGET:.1f} s -> {'OK' if ready < TARGET else 'MISSED'}")
    return 0 if ready < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
