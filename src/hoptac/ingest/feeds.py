"""RSS and Atom feed files: each item is an article (`stem-1`, `stem-2`... in feed order).

An item's text is its fullest content (`content:encoded`, Atom `content`), else its summary,
with the HTML stripped to paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser

from hoptac.ingest.articles import IngestError, build_article, record_id
from hoptac.ingest.html import fragment_to_text
from hoptac.ingest.published import to_edtf
from hoptac.model import Article


def read_feed(path: Path, data: bytes) -> Iterator[Article | IngestError]:
    """The items of an RSS or Atom document."""
    feed = feedparser.parse(data)
    problem = feed.get("bozo_exception")
    damage = f" (malformed feed: {problem})" if problem else ""
    if not feed.entries:
        reason = f"malformed feed: {problem}" if problem else "feed holds no items"
        yield IngestError(path, reason)
        return
    feed_language = feed.feed.get("language")
    for number, entry in enumerate(feed.entries, start=1):
        text = fragment_to_text(_fullest_content(entry))
        if not text:
            yield IngestError(path, f"item {number}: no content or summary{damage}")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield build_article(
            record_id(path, number), text, path, "feed",
            title=fragment_to_text(entry.get("title", "")), url=entry.get("link"),
            published=to_edtf(published), language=_entry_language(entry) or feed_language,
            extra={"feed_item_id": entry.get("id")} if entry.get("id") else None,
        )


def _fullest_content(entry: feedparser.FeedParserDict) -> str:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    contents.append(entry.get("summary", ""))
    return max(contents, key=len)


def _entry_language(entry: feedparser.FeedParserDict) -> str | None:
    for content in entry.get("content", []):
        if content.get("language"):
            return content["language"]
    return None
