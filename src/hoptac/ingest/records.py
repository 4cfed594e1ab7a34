"""JSON and JSON Lines records: `text` plus optional `title`, `url`, `published`, `language`.

A JSON file holds one record (its article id is the file stem) or a list of records
(`stem-1`, `stem-2`...), bare or under a key such as `articles`. A JSON Lines file is read
line by line, so it may be large; each line is one record, numbered among the non-blank
lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from hoptac.ingest.articles import IngestError, build_article, file_stem, record_id
from hoptac.ingest.published import to_edtf
from hoptac.model import Article

# The record fields hoptac reads, each with the other names common exports give it.
FIELDS = {
    "text": ("text", "content", "body"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "published_at", "pubDate"),
    "language": ("language", "lang"),
}

# Keys under which exports wrap their list of records: {"articles": [...]}.
CONTAINERS = ("articles", "items", "records", "data", "documents")


def read_json(path: Path, text: str) -> Iterator[Article | IngestError]:
    """The records of a JSON document (already decoded)."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several documents, one per line: JSON Lines
            yield from _lines_records(path, text.splitlines())
            return
        yield IngestError(path, f"malformed JSON: {err}")
        return
    if isinstance(data, dict) and _first(data, FIELDS["text"]) is None:
        data = next((data[key] for key in CONTAINERS if isinstance(data.get(key), list)), data)
    if isinstance(data, dict):
        yield _record_article(path, file_stem(path), data, "")
    elif isinstance(data, list) and data:
        for number, record in enumerate(data, start=1):
            yield _record_article(path, record_id(path, number), record, f"record {number}: ")
    else:
        yield IngestError(path, "JSON holds neither a record nor a list of records")


def read_jsonl(path: Path, max_size: int) -> Iterator[Article | IngestError]:
    """The records of a JSON Lines file, streamed: one line at a time is in memory."""
    with path.open("rb") as stream:
        number = 0
        for raw in stream:
            if not raw.strip():
                continue
            number += 1
            if len(raw) > max_size:
                yield IngestError(path, f"record {number}: larger than the size limit "
                                        f"({len(raw)} bytes)")
                continue
            try:
                line = raw.decode("utf-8").lstrip("\ufeff")
            except UnicodeDecodeError:
                yield IngestError(path, f"record {number}: not UTF-8")
                continue
            yield _parse_line(path, number, line)


def _lines_records(path: Path, lines: list[str]) -> Iterator[Article | IngestError]:
    number = 0
    for line in lines:
        if line.strip():
            number += 1
            yield _parse_line(path, number, line)


def _parse_line(path: Path, number: int, line: str) -> Article | IngestError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return IngestError(path, f"record {number}: malformed JSON: {err}")
    return _record_article(path, record_id(path, number), record, f"record {number}: ",
                           "jsonl")


def _record_article(path: Path, article_id: str, record: object, where: str,
                    fmt: str = "json") -> Article | IngestError:
    """The article of one record; a `published` value that is not a date is left out (the
    text may state its date itself)."""
    if not isinstance(record, dict):
        return IngestError(path, f"{where}not a JSON object")
    values = {field: _first(record, names) for field, names in FIELDS.items()}
    text = values["text"]
    if not isinstance(text, str) or not text.strip():
        return IngestError(path, f"{where}no `text`")
    return build_article(article_id, text, path, fmt, title=_string(values["title"]),
                         url=_string(values["url"]), published=to_edtf(values["published"]),
                         language=_string(values["language"]))


def _first(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        if record.get(name) not in (None, ""):
            return record[name]
    return None


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None
