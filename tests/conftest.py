"""Shared fixtures: paths to the seeds and example drafts copied into tests/fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SEED_000 = FIXTURES / "000_6dacf8c41ce2418f.txt"
SEED_001 = FIXTURES / "001_51a901301c7691e6.txt"
SEED_003 = FIXTURES / "003_231298684e07e46b.txt"
SEED_004 = FIXTURES / "004_7c5a8953363a440f.txt"
SEEDS = (SEED_000, SEED_001, SEED_003, SEED_004)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
