"""WARC archives (plain or gzip): each HTML response record is an article (`stem-1`...).

The archive is streamed, one record in memory at a time. A truncated archive (cut gzip
stream, a record shorter than its Content-Length) yields the complete records before the cut,
then one IngestError that says where it was cut; a cut record is never returned.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from hoptac.ingest.articles import IngestError, build_article, record_id
from hoptac.ingest.decoding import NotText, declared_html_charset, decode_bytes
from hoptac.ingest.html import NoArticleText, extract_page
from hoptac.ingest.published import to_edtf
from hoptac.ingest.textmeta import date_from_url
from hoptac.model import Article

GZIP_MAGIC = b"\x1f\x8b"
HTML_TYPES = ("text/html", "application/xhtml+xml")
CHUNK = 1 << 16


class TruncatedRecord(Exception):
    """A record ends before its declared length."""


def read_warc(path: Path, max_size: int) -> Iterator[Article | IngestError]:
    """The HTML pages archived in a WARC file, in archive order."""
    with _open(path) as raw:
        stream = _WatchedStream(raw)
        if not stream.peek().startswith((b"WARC/", b"filedesc://")):
            yield IngestError(path, "not a WARC archive")
            return
        archive = ArchiveIterator(stream, arc2warc=True)
        complete = articles = 0
        records = iter(archive)
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                payload = _html_payload(record, max_size)
            except (TruncatedRecord, ArchiveLoadFailed, ValueError, AttributeError) as err:
                yield IngestError(path, _cut_reason(complete, str(err)))
                return
            complete += 1
            if payload is not None:
                articles += 1
                yield _page_article(path, articles, record, payload, max_size)
        stream.drain()
        if stream.cut or archive.offset < stream.count:
            yield IngestError(path, _cut_reason(complete, stream.cut or "incomplete record"))
        elif articles == 0:
            yield IngestError(path, "no HTML pages in the archive")


class _WatchedStream:
    """A byte stream that counts what it gives and turns a read error (a cut gzip stream)
    into an end of stream, remembered in `cut`: warcio takes any end of stream for the end
    of the archive, so the cut must be noticed here."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.count = 0
        self.cut = ""
        self._peeked = b""

    def peek(self) -> bytes:
        self._peeked = self.read(16)
        self.count -= len(self._peeked)
        return self._peeked

    def read(self, size: int = -1) -> bytes:
        if self._peeked:
            data, self._peeked = self._peeked, b""
        else:
            try:  # read1: a cut loses only what lies past it, not the whole buffer
                data = self.raw.read1(size) if hasattr(self.raw, "read1") else self.raw.read(size)
            except (EOFError, zlib.error, gzip.BadGzipFile) as err:
                self.cut = str(err) or type(err).__name__
                data = b""
        self.count += len(data)
        return data

    def drain(self) -> None:
        while self.read(CHUNK):
            pass

    def close(self) -> None:
        self.raw.close()


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        compressed = probe.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _cut_reason(complete: int, detail: str) -> str:
    return f"truncated or damaged archive after {complete} complete records ({detail})"


def _html_payload(record: ArcWarcRecord, max_size: int) -> bytes | None:
    """The HTTP body of an HTML response record, at most `max_size` + 1 bytes (None for other
    records); the record is read to its end either way so that a cut is noticed."""
    payload = None
    if record.rec_type == "response" and _is_html(record):
        payload = record.content_stream().read(max_size + 1)
    while record.raw_stream.read(CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise TruncatedRecord(f"record {_uri(record)} is cut short")
    return payload


def _is_html(record: ArcWarcRecord) -> bool:
    """A successful (2xx) HTTP response carrying HTML; redirects and errors are no articles."""
    headers = record.http_headers
    if headers is None or not (headers.get_statuscode() or "").startswith("2"):
        return False
    content_type = headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _page_article(path: Path, number: int, record: ArcWarcRecord, payload: bytes,
                  max_size: int) -> Article | IngestError:
    url = _uri(record)
    where = f"record {number} ({url}): "
    if len(payload) > max_size:
        return IngestError(path, f"{where}page over the size limit ({max_size} bytes)")
    try:
        html = decode_bytes(payload, _declared_charset(record) or declared_html_charset(payload))
        page = extract_page(html, url=url)
    except (NotText, NoArticleText) as err:
        return IngestError(path, f"{where}{err}")
    captured = to_edtf(record.rec_headers.get_header("WARC-Date"))
    return build_article(
        record_id(path, number), page.text, path, "warc", title=page.title, url=url,
        published=page.published or date_from_url(url or "") or captured,
        language=page.language, extra={"captured": captured} if captured else None,
    )


def _uri(record: ArcWarcRecord) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _declared_charset(record: ArcWarcRecord) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
