"""Table downloads: the rows behind any table view, as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from fastapi.responses import JSONResponse, Response

Format = Literal["html", "csv", "json"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One CSV cell: lists joined with '; ', linked items by name, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # a spreadsheet would run a cell starting with '=' as a formula (CSV injection)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def table_response(rows: list[dict], columns: list[str], fmt: str, name: str) -> Response:
    """`rows` as a CSV attachment (the given columns) or as JSON (every field)."""
    if fmt == "csv":
        return Response(to_csv(rows, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return JSONResponse({"count": len(rows), "items": rows},
                        headers={"Content-Disposition": f'inline; filename="{name}.json"'})
