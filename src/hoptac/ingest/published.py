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


WRITTEN_LANGUAGES = ["en", "fr", "vi"]
YEARLESS_BASE = datetime(2024, 1, 1)  # a leap year, so that "29 février" still reads


def written_day(text: str, *, with_year: bool = True, weekday: int | None = None) -> str | None:
    """The EDTF day of a date as an article prints it in a stamp or dateline
    (`29/08/2024`, `January 29, 2012`, `Thứ Hai, 15/07/2022`, `1er novembre`).

    Numeric dates are read day first, as Vietnamese and French papers (and Vietnam's English
    ones) write them; month first when day first cannot be a date, or when only month first
    falls on the `weekday` (0 = Monday) the stamp names (`Wednesday, 05/08/2019`). Without a
    year (`with_year=False`) the result is `XXXX-MM-DD`: the year is left to other evidence.
    """
    required = ["day", "month", "year"] if with_year else ["day", "month"]
    readings = []
    for order in ("DMY", "MDY"):
        settings = {"DATE_ORDER": order, "REQUIRE_PARTS": required,
                    "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": YEARLESS_BASE}
        parsed = dateparser.parse(text, languages=WRITTEN_LANGUAGES, settings=settings)
        if parsed:
            readings.append(parsed)
    if not readings:
        return None
    if weekday is not None and with_year:
        readings = [r for r in readings if r.weekday() == weekday] or readings
    return readings[0].strftime("%Y-%m-%d" if with_year else "XXXX-%m-%d")
