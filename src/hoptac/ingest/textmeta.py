"""Metadata that plain-text news articles carry in their own text.

Recognised, without changing the text (offsets stay valid):
- an opening line ` date 2025-11-13 Title` (the title is the rest of the line when it reads as
  a headline, otherwise the line is already the lede);
- `Source : URL` / `Source: URL` lines; a date inside that URL (`...-20250913145859560.htm`,
  `/2025/09/13/`);
- agency signatures: a trailing `-VNS`, `– VNA`, `Texte et photos : Name/CVN`, and datelines
  such as `Hanoi (VNA) -`;
- page debris after the body: `Comment (0)`, empty image markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGENCIES = {
    "VNA": "VNA", "TTXVN": "VNA", "VNS": "VNS", "CVN": "CVN", "VOV": "VOV", "VTV": "VTV",
    "NDO": "NDO", "VGP": "VGP", "AFP": "AFP", "AP": "AP", "REUTERS": "Reuters",
    "XINHUA": "Xinhua", "TASS": "TASS", "SPUTNIK": "Sputnik", "KPL": "KPL", "BERNAMA": "Bernama",
    "ANTARA": "Antara", "KYODO": "Kyodo", "YONHAP": "Yonhap", "PTI": "PTI", "RIA": "RIA Novosti",
}
_AGENCY_ALT = "|".join(sorted(AGENCIES, key=len, reverse=True))

HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]*([^\n]*)")
SOURCE_LINE = re.compile(r"^[ \t]*(?:Source|Nguồn)[ \t]*:[ \t]*(\S+)[ \t]*$", re.M | re.I)
TRAILING_SIGNATURE = re.compile(
    rf"(?:[\s.]|^)[-–—][ \t]*({_AGENCY_ALT})[ \t]*\.?[ \t]*$", re.I | re.M
)
CREDIT_LINE = re.compile(
    rf"^[ \t]*(?:Texte|Text|Photos?|Texte et photos|Bài và ảnh|Theo)[^:\n]{{0,20}}:[^\n]*?"
    rf"(?:/|\(|\b)({_AGENCY_ALT})\)?[ \t]*$",
    re.I | re.M,
)
DATELINE = re.compile(rf"\A[^\n]{{0,80}}?\(({_AGENCY_ALT})\)[ \t]*[-–—]", re.I)
DEBRIS_LINE = re.compile(r"^[ \t]*(?:Comments?|Bình luận)[ \t]*\(\d+\)[ \t]*$", re.M | re.I)
URL_DATE = [
    re.compile(r"[-_/](20\d{2})(\d{2})(\d{2})\d{0,9}(?:\.[a-z]+|/|$)"),
    re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/(20\d{2})-(\d{2})-(\d{2})"),
]


@dataclass
class TextMeta:
    title: str | None = None
    published: str | None = None  # EDTF
    source_url: str | None = None
    agency: str | None = None
    body_start: int = 0
    body_end: int = 0


def parse_text_article(text: str) -> TextMeta:
    """Read the metadata a plain-text article states about itself."""
    meta = TextMeta(body_end=len(text))
    header = HEADER.match(text)
    if header:
        meta.published = header.group(1)
        rest = header.group(2).strip()
        if rest and _reads_as_headline(rest):
            meta.title = rest
            meta.body_start = header.end()
        else:
            meta.body_start = header.start(2)
    source = _last_match(SOURCE_LINE, text)
    if source:
        meta.source_url = source.group(1)
        meta.body_end = min(meta.body_end, source.start())
        if meta.published is None:
            meta.published = date_from_url(meta.source_url)
    debris = DEBRIS_LINE.search(text, meta.body_start)
    if debris:
        meta.body_end = min(meta.body_end, debris.start())
    meta.agency = _agency(text, meta)
    return meta


def _reads_as_headline(line: str) -> bool:
    """A header line's remainder is a title when short and not a running sentence."""
    if len(line) > 180:
        return False
    return not re.search(r"[.!?]\s+\S", line) and not re.search(r"\(\w+\)\s*[-–—]", line)


def _agency(text: str, meta: TextMeta) -> str | None:
    body = text[: meta.body_end].rstrip()
    for pattern in (TRAILING_SIGNATURE, CREDIT_LINE):
        found = _last_match(pattern, body)
        if found and found.end() >= len(body) - 2:
            return AGENCIES[found.group(1).upper()]
    dateline = DATELINE.search(text[meta.body_start:])
    if dateline:
        return AGENCIES[dateline.group(1).upper()]
    return None


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last one
        pass
    return found


def date_from_url(url: str) -> str | None:
    """An EDTF day from a date embedded in an article URL, or None."""
    for pattern in URL_DATE:
        found = pattern.search(url)
        if found:
            year, month, day = (int(g) for g in found.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None
