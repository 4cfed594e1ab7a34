"""Where the shared seed articles are, importable from any test module.

(Not in conftest.py: tests/e2e has a conftest of its own, and two modules named `conftest`
cannot both be imported by name.)
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HOPTAC_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed article whose file name starts with `prefix` (e.g. '002')."""
    return next(SEEDS.glob(f"{prefix}_*"))
