"""What every reader shares: the error a reader reports, and building a complete Article."""

from __future__ import annotations

import re
from pathlib import Path

from hoptac.ingest.language import detect_language
from hoptac.ingest.textmeta import parse_text_article
from hoptac.model import Article

MEGABYTE = 1024 * 1024
DEFAULT_MAX_SIZE = 20 * MEGABYTE
LANGUAGE_CODE = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z]{2,4})?$")


class IngestError(Exception):
    """A file, or one record of it, that cannot be read as an article; `reason` is one line."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(reason)
        self.path = str(path)
        self.reason = " ".join(reason.split())

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def record_id(path: Path, number: int) -> str:
    """The id of the `number`-th (1-based) record of a file that holds several articles."""
    return f"{file_stem(path)}-{number}"


def file_stem(path: Path) -> str:
    """A file's name without its format suffixes (`crawl.warc.gz` -> `crawl`)."""
    name = path.name
    for suffix in (".warc.gz", ".arc.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def language_code(value: object) -> str | None:
    """`fr`, `fr-FR`, `en_US` -> the ISO 639-1 code; anything else -> None."""
    if not isinstance(value, str):
        return None
    found = LANGUAGE_CODE.match(value.strip().lower())
    return found.group(1) if found else None


def build_article(article_id: str, text: str, path: Path, fmt: str, *, title: str | None = None,
                  url: str | None = None, published: str | None = None,
                  language: str | None = None, extra: dict | None = None) -> Article:
    """An Article whose missing metadata is filled from what its own text states (header line,
    `Source :` line, agency signature) and whose language is identified when not given."""
    meta = parse_text_article(text)
    return Article(
        id=article_id, text=text, source_path=str(path), format=fmt,
        title=_clean(title) or meta.title, url=_clean(url) or meta.source_url,
        published=published or meta.published,
        language=language_code(language) or detect_language(text),
        agency=meta.agency, extra=extra or {},
    )


def _clean(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
