"""Where things live by default."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """`$HOPTAC_DB`, else `hoptac.db` under the XDG data directory."""
    if os.environ.get("HOPTAC_DB"):
        return Path(os.environ["HOPTAC_DB"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hoptac" / "hoptac.db"
