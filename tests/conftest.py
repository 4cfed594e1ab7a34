"""Shared fixtures: where the shared corpus lives, and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from seeds import SHARED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


@pytest.fixture
def store(tmp_path: Path):
    from hoptac.store import Store

    s = Store(tmp_path / "test.db")
    yield s
    s.close()
