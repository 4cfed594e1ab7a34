"""Publication dates as sources give them (ISO strings, RFC 2822, struct_time, words) to EDTF."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import dateparser

ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s]|[+-]\d{2}:?\d{2}$|Z)")


def to_edtf(value: object) -> str | None:
    """An EDTF date (`2025-11-06`, `2025-11`, `2025`) from a source's date value, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    found = ISO_PREFIX.match(value)
    if found:
        return _valid("-".join(part for part in found.groups() if part))
    try:
        return parsedate_to_datetime(value).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["year", "month", "day"]})
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _valid(edtf: str) -> str | None:
    parts = [int(p) for p in edtf.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return edtf
