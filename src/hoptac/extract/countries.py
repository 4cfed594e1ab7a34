"""Countries whose cooperation the article reports (ISO 3166-1 alpha-2)."""

from __future__ import annotations

from hoptac.extract.context import Context


def find_countries(context: Context, persons: list[dict], organizations: list[dict]) -> list[str]:
    return []
