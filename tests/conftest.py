"""Shared fixtures: where the shared corpus lives, and a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HOPTAC_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed article whose file name starts with `prefix` (e.g. '002')."""
    return next(SEEDS.glob(f"{prefix}_*"))


@pytest.fixture
def store(tmp_path: Path):
    from hoptac.store import Store

    s = Store(tmp_path / "test.db")
    yield s
    s.close()
