"""Cooperation areas from the controlled vocabulary (contract/areas.json)."""

from __future__ import annotations

from hoptac.extract.context import Context


def find_areas(context: Context) -> list[str]:
    return []
