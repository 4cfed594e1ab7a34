"""Reading files into Articles. One reader per format; `read_path` picks by content and suffix."""

from __future__ import annotations

from pathlib import Path

from hoptac.ingest.textmeta import parse_text_article
from hoptac.model import Article


class IngestError(Exception):
    """A file that cannot be read as articles; str() is the one-line reason."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(reason)
        self.path = str(path)
        self.reason = reason


def read_text_article(path: Path) -> list[Article]:
    text = path.read_bytes().decode("utf-8")
    meta = parse_text_article(text)
    return [Article(id=path.stem, text=text, source_path=str(path), format="text",
                    title=meta.title, url=meta.source_url, published=meta.published,
                    agency=meta.agency)]


def read_path(path: str | Path) -> list[Article]:
    """The articles in one file. Raises IngestError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise IngestError(path, "no such file")
    return read_text_article(path)
