"""Figures announced: counts, amounts, percentages, money, with unit and measure."""

from __future__ import annotations

from hoptac.extract.context import Context


def find_facts(context: Context) -> list[dict]:
    return []
