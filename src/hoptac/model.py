"""Data shared by every stage: an article as read from its source."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


def content_hash(text: str) -> str:
    """The key that tells whether an article changed: SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article.

    `text` is the article as read (for plain text: the file's decoded content, newlines kept);
    every offset the project reports (mentions, evidence) is an index into it.
    """

    id: str
    text: str
    source_path: str | None = None
    format: str = "text"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF
    language: str | None = None  # ISO 639-1
    agency: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["content_hash"] = self.content_hash
        return data
