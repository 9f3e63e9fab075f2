"""The core must never import textual, torch or sentence-transformers (checked in a clean process)."""
from __future__ import annotations

import pkgutil
import subprocess
import sys

import drafter

CORE_PACKAGES = ("drafter.model", "drafter.parse", "drafter.render", "drafter.lint", "drafter.bank",
                 "drafter.revision", "drafter.openers", "drafter.cli")
HEAVY = ("textual", "torch", "sentence_transformers", "transformers")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(drafter.__path__, "drafter."):
        if info.name.startswith(CORE_PACKAGES):
            names.append(info.name)
    return names


def test_core_never_imports_heavy_libraries():
    modules = core_modules()
    assert "drafter.model" in modules and "drafter.parse.markdown" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        f"bad = [h for h in {HEAVY!r} if h in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported: {out.stdout.strip()}"
