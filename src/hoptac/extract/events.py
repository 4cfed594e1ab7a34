"""Events: meetings, seminars, signings and others, with date, place and participants."""

from __future__ import annotations

from hoptac.extract.context import Context
from hoptac.extract.dates import DateMention


def find_events(context: Context, persons: list[dict], organizations: list[dict],
                dates: list[DateMention]) -> list[dict]:
    return []
