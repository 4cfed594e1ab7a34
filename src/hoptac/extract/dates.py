"""Date expressions resolved to EDTF against the publication date."""

from __future__ import annotations

from dataclasses import dataclass

from hoptac.extract.context import Context


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    edtf: str  # 2025-11-06, 2025-11, 2026, XXXX-11-06


def find_dates(context: Context) -> list[DateMention]:
    return []
