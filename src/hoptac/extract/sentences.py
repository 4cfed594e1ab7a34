"""Sentence splitting that survives news-site debris.

spaCy's and pysbd's splitters miss sentences glued by a lost space ("en 2019.Les deux
parties") and run paragraphs together; these rules split on line breaks, on sentence
punctuation followed by a capital, and on glued punctuation, while keeping abbreviations
("Dr.", "M.", "n°") and initials ("J. Smith") whole. Offsets are article offsets.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "pr", "m", "mm", "mme", "mlle", "st", "ste", "no", "nos",
    "n°", "vs", "etc", "e.g", "i.e", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "gen",
    "col", "lt", "sr", "jr", "inc", "ltd", "co", "corp", "dept", "ths", "ts", "gs", "pgs", "bs",
    "th.s", "p", "tp", "ông", "bà",
}
UPPER = "A-ZÀ-ÖØ-ÞĀ-ỸĐ"
# end punctuation, optional closing quotes/brackets, whitespace, then a likely sentence start
BOUNDARY = re.compile(rf"([.!?…]+[\"”»)\]]*)(\s+)(?=[\"“«(\[]?[{UPPER}0-9])")
# "2019.Les": a period glued to the capital of the next sentence
GLUED = re.compile(rf"(?<=[a-zà-ÿđ0-9]{{2}})([.!?;])(?=[{UPPER}][a-zà-ÿđ])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cuts = [line_start]
        for match in BOUNDARY.finditer(line.group()):
            if not _is_abbreviation(line.group(), match.start(1)):
                cuts.append(line_start + match.end(1))
        for match in GLUED.finditer(line.group()):
            cuts.append(line_start + match.end(1))
        cuts = sorted(set(cuts)) + [start + line.end()]
        for a, b in zip(cuts, cuts[1:], strict=False):
            span = _trim(text, a, b)
            if span:
                spans.append(span)
    return spans


def _is_abbreviation(line: str, period: int) -> bool:
    start = period
    while start > 0 and not line[start - 1].isspace():  # walk back: no slicing, O(word)
        start -= 1
    if start == period:
        return False
    token = line[start:period].lower().lstrip("(\"“«")
    if token in ABBREVIATIONS:
        return True
    # single initials such as "J." in "J. Smith", but not a sentence-final digit
    return len(token) == 1 and token.isalpha()


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
