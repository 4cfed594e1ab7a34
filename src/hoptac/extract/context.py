"""What every extraction stage sees of one article."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sentence:
    start: int  # offset of the sentence in the article text
    end: int
    text: str
    doc: Any = None  # spaCy Doc of `text` (en, fr), or None

    def ents(self):
        """(label, start, end, text) of the NER entities, with article offsets."""
        if self.doc is None:
            return []
        return [(e.label_, self.start + e.start_char, self.start + e.end_char, e.text)
                for e in self.doc.ents]


@dataclass
class Context:
    text: str  # the article text; every offset points into it
    language: str  # ISO 639-1
    published: str | None  # EDTF date the article states, used to resolve relative dates
    body_start: int  # the article proper, without header line, source line and page debris
    body_end: int
    sentences: list[Sentence] = field(default_factory=list)
    title: str | None = None
    source_url: str | None = None
    agency: str | None = None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset` (binary search: sentences are in text order)."""
        index = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def evidence(self, start: int, end: int) -> dict:
        """The contract's evidence object for text[start:end], trimmed of outer whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return {"start": start, "end": end, "text": self.text[start:end]}
