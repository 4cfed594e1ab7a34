"""International cooperation instruments, with kind, stage, dates and place."""

from __future__ import annotations

from hoptac.extract.context import Context
from hoptac.extract.dates import DateMention


def find_agreements(context: Context, organizations: list[dict],
                    dates: list[DateMention]) -> list[dict]:
    return []
