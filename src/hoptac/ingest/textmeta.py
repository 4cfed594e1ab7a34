"""Metadata that plain-text news articles carry in their own text.

Recognised without changing the text (offsets stay valid):
- title: the rest of an opening line ` date 2025-11-13 Title` when it reads as a headline
  (otherwise that line is already the lede), or a first line that reads as a headline: short,
  no sentence-final stop, not a dateline, stamp, byline or caption. The body starts after it
  and after the stamp lines that follow it;
- published: that header's date; else a publication stamp among the first lines
  (`29/08/2024 | 14:10 PM`, `Cập nhật: 15/07/2022`, `January 29, 2012 9:23 PM GMT+7`,
  `Publié le 12 novembre 2025`); a dateline with a year (`April 3, 2017, SEOUL -`); a date in
  the `Source : URL`; a stamp at the foot; last a dateline day without a year
  (`Hanoi, 1er novembre (VNA) -` -> `XXXX-11-01`). Dates inside sentences are never taken;
- source_url: a `Source : URL` / `Nguồn: URL` line;
- agency: a signature among the last lines (`-VNS`, `– VNA`, `VNA/CVN`, `(TTXVN/Vietnam+)`,
  `Texte et photos : Name/CVN`, `Theo TTXVN`, `Source: PIB`, `Korea Herald correspondent`),
  else a dateline (`Hanoi (VNA) -`, `VGP –`, `(VOV5) -`), a byline naming a paper, and last a
  photo credit naming a known agency (`Photo : VNA/CVN`). Known names and their aliases
  (data/agencies.json) map to one short name;
- page debris after the body: `Comment (0)`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unidecode import unidecode

from hoptac.ingest.published import written_day

DATA = Path(__file__).parent / "data"

HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]*([^\n]*)")
SOURCE_LINE = re.compile(
    r"^[ \t]*(?:Source|Nguồn)[ \t]*:[ \t]*((?:https?://|www\.)\S+|[\w-]+(?:\.[a-z]{2,})+(?:/\S*)?)"
    r"[ \t]*$",
    re.M | re.I,
)
DEBRIS_LINE = re.compile(r"^[ \t]*(?:Comments?|Bình luận)[ \t]*\(\d+\)[ \t]*$", re.M | re.I)
LINE = re.compile(r"[^\n]*\S[^\n]*")
URL_DATE = [
    re.compile(r"[-_/](20\d{2})(\d{2})(\d{2})\d{0,9}(?:\.[a-z]+|/|$)"),
    re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/(20\d{2})-(\d{2})-(\d{2})"),
]

# Where metadata stands: stamps among the first lines, signatures among the last ones,
# datelines at the start of one of the first paragraphs (a caption may come before).
HEAD_LINES = 6
FOOT_LINES = 3
DATELINE_PARAGRAPHS = 3
MIN_HEADLINE_WORDS = 3  # a section label ("Y tế", "Health news") is no headline
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 40
MAX_STAMP_CHARS = 100
MAX_BYLINE_WORDS = 10
MAX_SOURCE_NAME_WORDS = 5

_MONTH = r"[^\W\d_]{3,10}\.?"
_ORDINAL = r"(?:er|st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
FULL_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_YEAR}"
    rf"|{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"
    rf"|(?:ngày\s+)?\d{{1,2}}\s+tháng\s+\d{{1,2}},?\s+năm\s+{_YEAR}"
    rf"|\d{{1,2}}{_ORDINAL}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+\d{{1,2}}{_ORDINAL},?\s*{_YEAR})(?!\d)",
    re.I,
)
DAY_MONTH = re.compile(
    rf"(?<![\d/])(?:\d{{1,2}}{_ORDINAL}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}{_ORDINAL}|\d{{1,2}}/\d{{1,2}})"
    rf"(?![\d/])",
    re.I,
)
CLOCK = re.compile(r"(?<!\d)\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?!\d)|\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}",
                   re.I)
WORD = re.compile(r"[^\W\d_]+|\d+")
NAVIGATION = re.compile(r"[|>»›]")  # breadcrumbs, menus, captions ending with a credit
SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")
AGENCY_DATELINE = re.compile(r"\([^()\n]{2,30}\)\s*[-–—]")
DATELINE = re.compile(r"(?P<head>[^\n]{1,80}?)(?:\s+[-–—]+|:)(?=\s|[^\W\d_])")
BRACKETS = re.compile(r"\[[^\]\n]*\]")
END_PARENTHESIS = re.compile(r"\(([^()\n]{2,40})\)\s*$")
TRAILING_DASH = re.compile(r"(?:^|[\s.,;!?)\"”’])[-–—]+\s*([^\W\d_][^\n\-–—]{0,30}?)\s*\.?\s*$")
SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—\n]{2,40})$")
CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|\||\s[-–—]\s)\s*")
NAME_CHARS = re.compile(r"[\w .&+'’-]+")


@dataclass
class TextMeta:
    title: str | None = None
    published: str | None = None  # EDTF
    source_url: str | None = None
    agency: str | None = None
    body_start: int = 0
    body_end: int = 0


@dataclass(frozen=True)
class Dateline:
    """What a dateline (`Hanoi, 1er novembre (VNA) -`) states: an EDTF day and an agency;
    `end` is where the dateline (with its dash or colon) ends in the paragraph, so that a
    caller can keep its date out of the body's event dates."""

    day: str | None
    agency: str | None
    end: int = 0


def parse_text_article(text: str) -> TextMeta:
    """Read the metadata a plain-text article states about itself."""
    meta = TextMeta(body_end=len(text))
    _read_source_and_debris(text, meta)
    _read_title(text, meta)
    meta.body_start = _after_stamps(text, meta.body_start, meta.body_end)
    meta.published = meta.published or _published(text, meta)
    meta.agency = _agency(text, meta)
    return meta


def _read_source_and_debris(text: str, meta: TextMeta) -> None:
    source = _last_match(SOURCE_LINE, text)
    if source:
        meta.source_url = source.group(1)
        meta.body_end = source.start()
    debris = DEBRIS_LINE.search(text, 0, meta.body_end)
    if debris:
        meta.body_end = debris.start()


def _read_title(text: str, meta: TextMeta) -> None:
    """The ` date` header's date and title, or a first line that reads as a headline (after
    the stamp lines some pages print above it)."""
    header = HEADER.match(text)
    if header:
        meta.published = header.group(1)
        rest = _without_site_name(header.group(2).strip())
        if rest and reads_as_headline(rest):
            meta.title = rest
            meta.body_start = header.end()
            return
        meta.body_start = header.start(2)
        if rest:
            return  # the header line goes on with the lede
    lines = _lines(text, _after_stamps(text, meta.body_start, meta.body_end), meta.body_end)
    if len(lines) < 2:
        return
    start, end = lines[0]
    line = _without_site_name(text[start:end].lstrip("#").strip())
    if reads_as_headline(line):
        meta.title = line
        meta.body_start = end


def _without_site_name(line: str) -> str:
    """A headline without the paper's name a page title appends (`... | VnExpress`)."""
    found = SITE_SUFFIX.search(line)
    return line[:found.start()] if found and canonical_agency(found.group(1)) else line


def reads_as_headline(line: str) -> bool:
    """A headline: short, no sentence-final stop or sentence break, not a dateline, stamp,
    byline or list item."""
    words = line.split()
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS \
            or len(line) > MAX_HEADLINE_CHARS:
        return False
    last = line.rstrip("\"”’»)]")[-1:] or line[-1]  # a quote that closes a sentence
    if last in ".…:;," or line[0] in "-–—•*(" or NAVIGATION.search(line):
        return False
    if SENTENCE_BREAK.search(line) or AGENCY_DATELINE.search(line):
        return False
    if FULL_DATE.search(line) and len(words) <= 6:
        return False  # `Hanoi, 12/11/2025`, a stamp
    return not _is_byline(line)


def _after_stamps(text: str, start: int, end: int) -> int:
    """The body start moved past the stamp lines that open it (`29/08/2024 | 14:10 PM`) and
    past lines of bare punctuation (` | `)."""
    for line_start, line_end in _lines(text, start, end):
        line = text[line_start:line_end]
        if WORD.search(line) and _stamp_day(line) is None:
            break
        start = line_end
    return start


# --- published ---------------------------------------------------------------------------


def _published(text: str, meta: TextMeta) -> str | None:
    """The publication day from, in this order of trust: a stamp among the first lines, a
    dated dateline, the source URL, a stamp at the foot, a dateline day without a year."""
    lines = _lines(text, 0, meta.body_end)
    dateline = _find_dateline(text, meta)
    candidates = (
        lambda: _first_stamp(text, lines[:HEAD_LINES]),
        lambda: dateline.day if dateline and dateline.day and dateline.day[0] != "X" else None,
        lambda: date_from_url(meta.source_url) if meta.source_url else None,
        lambda: _first_stamp(text, lines[-FOOT_LINES:]),
        lambda: dateline.day if dateline else None,
    )
    for candidate in candidates:
        day = candidate()
        if day:
            return day
    return None


def _first_stamp(text: str, lines: list[tuple[int, int]]) -> str | None:
    for start, end in lines:
        day = _stamp_day(text[start:end])
        if day:
            return day
    return None


def _stamp_day(line: str) -> str | None:
    """The day of a publication stamp line: a full date whose other words are stamp words
    (weekday, `Cập nhật`, `Publié le`, time, time zone), or a short byline with a date."""
    if len(line) > MAX_STAMP_CHARS:
        return None
    byline = _is_byline(line)
    weekday = _weekday(line)
    for found in FULL_DATE.finditer(line):
        rest = CLOCK.sub(" ", line[:found.start()] + " " + line[found.end():])
        words = WORD.findall(_weekday_pattern().sub(" ", rest).lower())
        if byline or all(word in _vocabulary()["stamp_words"] for word in words):
            day = written_day(found.group(), weekday=weekday)
            if day:
                return day
    return None


def _weekday(line: str) -> int | None:
    """The weekday a stamp names (0 = Monday), or None."""
    found = _weekday_pattern().search(line)
    if not found:
        return None
    name = " ".join(found.group().lower().split())
    return next((i for i, names in enumerate(_vocabulary()["weekdays"]) if name in names), None)


@cache
def _weekday_pattern() -> re.Pattern[str]:
    names = sorted((n for names in _vocabulary()["weekdays"] for n in names), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def _is_byline(line: str) -> bool:
    words = line.split()
    return (bool(words) and words[0].lower() in _vocabulary()["byline_words"]
            and len(words) <= MAX_BYLINE_WORDS and not line.rstrip().endswith("."))


def _find_dateline(text: str, meta: TextMeta) -> Dateline | None:
    """The dateline that opens one of the first paragraphs of the body, if any."""
    for start, end in _lines(text, meta.body_start, meta.body_end)[:DATELINE_PARAGRAPHS]:
        dateline = read_dateline(text[start:end])
        if dateline:
            return dateline
    return None


def read_dateline(paragraph: str) -> Dateline | None:
    """`Hanoi, 1er novembre (VNA) -`, `Hanoi [Vietnam], March 7:`, `April 3,2017, SEOUL -`,
    `VGP –`, `(VOV5) -`: a head of place names, a date and an agency, then a dash or colon."""
    found = DATELINE.match(paragraph)
    if not found:
        return None
    head = found.group("head").strip()
    agency = None
    parenthesis = END_PARENTHESIS.search(head)
    if parenthesis:
        agency = _dateline_agency(parenthesis.group(1))
        if agency is None:
            return None
        head = head[:parenthesis.start()]
    head = BRACKETS.sub(" ", head)
    day, head = _dateline_day(head)
    if agency is None and day is None:
        agency = canonical_agency(head)
        return Dateline(None, agency, found.end()) if agency else None
    return Dateline(day, agency, found.end()) if _only_place_names(head) else None


def _dateline_agency(name: str) -> str | None:
    """A parenthesised dateline name: a known agency, or an unknown capitalised short name
    (`(SKTE) -`)."""
    name = name.strip()
    known = canonical_agency(name)
    if known:
        return known
    words = name.split()
    if NAME_CHARS.fullmatch(name) and len(words) <= 3 and all(w[0].isupper() for w in words):
        return name
    return None


def _dateline_day(head: str) -> tuple[str | None, str]:
    """The day a dateline head states, and the head without it."""
    for pattern, with_year in ((FULL_DATE, True), (DAY_MONTH, False)):
        for found in pattern.finditer(head):
            day = written_day(found.group(), with_year=with_year)
            if day:
                return day, head[:found.start()] + " " + head[found.end():]
    return None, head


def _only_place_names(head: str) -> bool:
    """A dateline head left with place names only: capitalised words (a couple of short
    lower-case ones allowed: `Thành phố`, `Ciudad de`), no digits."""
    if re.search(r"\d", head):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", head)
    lower = [w for w in words if w[0].islower()]
    return len(words) <= 6 and len(lower) <= 2 and all(len(w) <= 3 for w in lower)


# --- agency ------------------------------------------------------------------------------


def _agency(text: str, meta: TextMeta) -> str | None:
    lines = _lines(text, meta.body_start, meta.body_end)
    for start, end in reversed(lines[-FOOT_LINES:]):
        agency = signature_agency(text[start:end])
        if agency:
            return agency
    dateline = _find_dateline(text, meta)
    if dateline and dateline.agency:
        return dateline.agency
    for start, end in _lines(text, 0, meta.body_end)[:HEAD_LINES]:
        line = text[start:end]
        if _is_byline(line):
            agency = _credit_agency(line.split(None, 1)[1], accept_unknown=False)
            if agency:
                return agency
    return _site_name_after_title(text, meta) or canonical_agency(meta.source_url or "") or \
        _photo_credit_agency(text[meta.body_start:meta.body_end])


def _site_name_after_title(text: str, meta: TextMeta) -> str | None:
    """The paper named after the title on its line (`Title | VnExpress`)."""
    if not meta.title:
        return None
    start = text.find(meta.title, 0, meta.body_start)
    if start < 0:
        return None
    line_end = text.find("\n", start)
    found = SITE_SUFFIX.search(text[start:line_end if line_end >= 0 else len(text)])
    return canonical_agency(found.group(1)) if found else None


def signature_agency(line: str) -> str | None:
    """The agency a line at the foot of an article signs with: a whole credit line
    (`VNA/CVN`, `(TTXVN/Vietnam+)`, `Theo TTXVN`, `Source: PIB`, `Korea Herald correspondent`),
    or a signature ending the last sentence (`...future.-VNA`, `... ./. (TTXVN)`)."""
    line = line.strip()
    whole = _credit_line_agency(line)
    if whole:
        return whole
    parenthesis = END_PARENTHESIS.search(line)
    if parenthesis and not _photo_label(parenthesis.group(1)):
        agency = _credit_agency(parenthesis.group(1), accept_unknown=False)
        if agency:
            return agency
    dash = TRAILING_DASH.search(line)
    return _credit_agency(dash.group(1), accept_unknown=False) if dash else None


def _credit_line_agency(line: str) -> str | None:
    core = line.strip("()[] \t")
    label = _credit_label(core)
    if label is None:
        return _credit_agency(core, accept_unknown=False)
    rest = core[label.end():]
    is_source = label.group(1).lower() in _vocabulary()["source_labels"] and ":" in label.group()
    return _credit_agency(rest, accept_unknown=is_source)


def _credit_agency(credit: str, *, accept_unknown: bool) -> str | None:
    """The last known agency among the parts of a credit (`Phi Hùng/VNA/CVN` -> CVN); an
    unknown short name when the credit is a `Source:` line."""
    credit = _without_role_words(credit.strip(" .\t"))
    known = [canonical_agency(part) for part in CREDIT_SPLIT.split(credit)]
    known = [name for name in known if name]
    if known:
        return known[-1]
    if accept_unknown and NAME_CHARS.fullmatch(credit) and "." not in credit \
            and 0 < len(credit.split()) <= MAX_SOURCE_NAME_WORDS:
        return credit
    return None


def _photo_credit_agency(body: str) -> str | None:
    """A known agency named in a photo credit (`Photo : VNA/CVN`, `(Ảnh: TTXVN)`)."""
    for found in _photo_credit_pattern().finditer(body):
        agency = _credit_agency(found.group(1), accept_unknown=False)
        if agency:
            return agency
    return None


def canonical_agency(name: str) -> str | None:
    """The short name of a known agency or paper from any of its aliases, or None."""
    return _agency_names().get(_agency_key(name))


def _agency_key(name: str) -> str:
    name = re.sub(r"^(?:the|le|la|báo|bao|tờ)\s+", "", name.strip(" \t.,:;"), flags=re.I)
    return " ".join(unidecode(name).lower().split())


def _without_role_words(credit: str) -> str:
    roles = "|".join(re.escape(r) for r in _vocabulary()["role_words"])
    return re.sub(rf"\s+(?:{roles})\s*$", "", credit, flags=re.I)


def _credit_label(core: str) -> re.Match[str] | None:
    labels = sorted(_vocabulary()["credit_labels"] + _vocabulary()["source_labels"],
                    key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.match(rf"({alternatives})\s*(?::|\s)\s*", core, re.I)


def _photo_label(text: str) -> bool:
    labels = "|".join(re.escape(label) for label in _vocabulary()["photo_labels"])
    return re.match(rf"\s*(?:{labels})\b", text, re.I) is not None


@cache
def _photo_credit_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in
                      sorted(_vocabulary()["photo_labels"], key=len, reverse=True))
    return re.compile(rf"(?:^|[(.|]\s*)(?:{labels})\s*:?\s*([^\n|()]{{2,60}}?)\s*\.?\s*(?:$|[|)])",
                      re.I | re.M)


@cache
def _agency_names() -> dict[str, str]:
    table = json.loads((DATA / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    return {_agency_key(alias): entry["name"]
            for entry in table for alias in [entry["name"], *entry["aliases"]]}


@cache
def _vocabulary() -> dict[str, list]:
    return json.loads((DATA / "stamps.json").read_text(encoding="utf-8"))


# --- helpers -----------------------------------------------------------------------------


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines of text[start:end], surrounding spaces left out."""
    spans = []
    for found in LINE.finditer(text, start, end):
        line = found.group()
        spans.append((found.start() + len(line) - len(line.lstrip()),
                      found.end() - len(line) + len(line.rstrip())))
    return spans


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
