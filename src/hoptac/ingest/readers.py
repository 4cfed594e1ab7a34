"""Reading files into Articles. One reader per format, picked by content sniffing plus suffix.

Formats: plain text and Markdown (the text is the file as decoded), HTML (trafilatura's
extracted text), JSON and JSON Lines records, RSS/Atom feeds, WARC (plain or gzip).
`iter_articles` streams a file's articles and per-record errors; `read_path` is its strict
form for one-off use.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from hoptac.ingest.articles import (
    DEFAULT_MAX_SIZE,
    MEGABYTE,
    IngestError,
    build_article,
    file_stem,
)
from hoptac.ingest.decoding import NotText, declared_html_charset, decode_bytes
from hoptac.ingest.feeds import read_feed
from hoptac.ingest.html import NoArticleText, extract_page
from hoptac.ingest.records import read_json, read_jsonl
from hoptac.ingest.warc import GZIP_MAGIC, read_warc
from hoptac.model import Article

__all__ = ["DEFAULT_MAX_SIZE", "IngestError", "iter_articles", "read_path", "sniff_format"]

SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed", ".warc": "warc",
    ".arc": "warc",
}
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)
# How a whole HTML or XML document starts (a .md or .txt file may start with inline markup).
DOCUMENT_ROOT = re.compile(r"<(?:!doctype|html|head|body|\?xml|rss|feed|rdf:rdf)\b", re.I)
MARKDOWN_HEADING = re.compile(r"\A\ufeff?[ \t]*#[ \t]+([^\n]+)")
HEAD_BYTES = 4096


def read_path(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> list[Article]:
    """All the articles in one file. Raises the first IngestError met."""
    articles = []
    for item in iter_articles(path, max_size):
        if isinstance(item, IngestError):
            raise item
        articles.append(item)
    return articles


def iter_articles(path: str | Path,
                  max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Article | IngestError]:
    """The articles of one file, in order, with an IngestError in place of each part that
    cannot be read (the whole file, one record, or a truncated tail)."""
    path = Path(path)
    try:
        yield from _read(path, max_size)
    except IngestError as err:
        yield err
    except OSError as err:
        yield IngestError(path, (err.strerror or str(err)).lower())


def sniff_format(path: Path, head: bytes) -> str:
    """The format of a file judged by its first bytes and its suffix, before decoding:
    'warc', 'jsonl', or 'text' when only the decoded text can tell."""
    suffix = _suffix_format(path)
    if head.startswith(GZIP_MAGIC):
        if suffix == "warc" or _gunzip_head(path).startswith(b"WARC/"):
            return "warc"
        raise IngestError(path, "gzip-compressed file that is not a WARC archive")
    if head.startswith(b"WARC/") or suffix == "warc":
        return "warc"
    return "jsonl" if suffix == "jsonl" else "text"


def text_format(path: Path, text: str) -> str:
    """html, feed, json, markdown or text, judged from the decoded text and the suffix."""
    suffix = _suffix_format(path)
    start = text[:HEAD_BYTES].lstrip("\ufeff \t\r\n")
    if suffix in ("json", "feed"):
        return suffix
    if start.startswith("<") and (suffix not in ("text", "markdown") or DOCUMENT_ROOT.match(start)):
        return "feed" if FEED_ROOT.search(start) else "html"
    if suffix == "html":
        return "html"
    if start[:1] in ("{", "[") and _parses_as_json(text):
        return "json"
    return suffix or "text"


def _read(path: Path, max_size: int) -> Iterator[Article | IngestError]:
    if not path.exists():
        raise IngestError(path, "no such file or directory")
    if not path.is_file():
        raise IngestError(path, "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "empty file")
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    fmt = sniff_format(path, head)
    if fmt == "warc":
        yield from read_warc(path, max_size)
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, max_size)
        return
    if size > max_size:
        raise IngestError(path, f"file is {size / MEGABYTE:.1f} MB, over the "
                                f"{max_size / MEGABYTE:g} MB limit (--max-size)")
    data = path.read_bytes()
    try:
        text = decode_bytes(data, declared_html_charset(data))
    except NotText as err:
        raise IngestError(path, str(err)) from None
    if not text.strip():
        raise IngestError(path, "no text (only blank characters)")
    fmt = text_format(path, text)
    if fmt == "json":
        yield from read_json(path, text)
    elif fmt == "feed":
        yield from read_feed(path, data)
    elif fmt == "html":
        yield _html_article(path, text)
    else:
        yield _text_article(path, text, fmt)


def _text_article(path: Path, text: str, fmt: str) -> Article:
    """Plain text or Markdown: the text is the file as decoded, newlines kept."""
    heading = MARKDOWN_HEADING.match(text) if fmt == "markdown" else None
    return build_article(file_stem(path), text, path, fmt,
                         title=heading.group(1).strip(" #") if heading else None)


def _html_article(path: Path, html: str) -> Article:
    try:
        page = extract_page(html)
    except NoArticleText as err:
        raise IngestError(path, str(err)) from None
    return build_article(file_stem(path), page.text, path, "html", title=page.title,
                         url=page.url, published=page.published, language=page.language)


def _suffix_format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return SUFFIX_FORMATS.get(path.suffix.lower())


def _gunzip_head(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(16)
    except (OSError, EOFError, zlib.error):
        return b""


def _parses_as_json(text: str) -> bool:
    try:
        json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        return err.msg == "Extra data"
    return True
