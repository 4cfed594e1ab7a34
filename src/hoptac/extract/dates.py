"""Date expressions resolved to EDTF against the publication date.

Candidates are found with per-language patterns built from `data/dates.json` (never with
`dateparser.search_dates`, which reads "18,26" as 1926 and "39,25%" as 1939). Each candidate's
core ("12 novembre", "22/1/2024", "April 2026") is parsed by dateparser; the year of a date
written without one is chosen here, because dateparser cannot read the words around it
("ce mercredi 12 novembre", "en mai dernier", "en décembre prochain", "tháng 5 vừa qua"):
"last/dernier/vừa qua" put it before the publication date, "next/prochain/tới" after it, and
otherwise the nearest occurrence wins, with the past preferred. Without a publication date the
year stays `XXXX`. Year ranges ("2026-2028", "années 1990") are periods and are not dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from hoptac.extract.context import Context

DATA = Path(__file__).parent / "data" / "dates.json"
# a date written without a year, and no publication date: resolved in this (leap) year, then
# printed as XXXX
UNKNOWN_BASE = dt.date(2024, 6, 15)
YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d\-–/])"
YEAR2 = YEAR.replace("year", "year2")
FUTURE_WEIGHT = 1.5  # news tell the past more often: a date ahead counts as half as far again
DAY_RANGE = r"(?:\s*(?:[-–]|au|to|and|et)\s*[0-3]?\d(?:st|nd|rd|th|er)?)?"
NUMERIC_RANGE = r"(?:\s*[-–]\s*[0-3]?\d)?"  # "20-22/12/2011": a range, dated by its first day
# no date inside numbers, percentages, identifiers or ranges
NOT_AFTER = r"(?<![\d,.\-–/])"
NOT_BEFORE = r"(?![\d\-–/%]|[,.]\d)"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    edtf: str  # 2025-11-06, 2025-11, 2026, XXXX-11-06
    relative: bool = False  # "today", "hier", "lundi": counted from the publication date


@dataclass
class _Parts:
    """What a candidate says: which of day/month/year it states, and which way it points."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    direction: int = 0  # -1 before the publication date, +1 after, 0 nearest


@cache
def lexicon() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(language: str) -> list[tuple[str, re.Pattern]]:
    """(form, pattern) pairs of the language, most specific first."""
    lex = lexicon().get(language) or lexicon()["en"]
    words = {
        "wd": _alternation(lex["weekdays"]),
        "past": _alternation(lex["past"]),
        "future": _alternation(lex["future"]),
        "part": _alternation(lex["part"]),
        "lead": rf"(?:(?<!\w)(?P<lead>{_alternation(lex['year_prepositions'])})\s+)",
    }
    words["direction"] = rf"(?P<dir>{words['past']}|{words['future']})"
    forms = _month_name_forms(lex, language, words) if lex["months"] else []
    forms += _vietnamese_forms(words) if language == "vi" else [
        ("numeric", rf"{NOT_AFTER}(?P<day>[0-3]?\d){NUMERIC_RANGE}/(?P<mon>1[0-2]|0?[1-9])/{YEAR}",
         0)]
    forms += _relative_forms(lex, language, words)
    return [(form, re.compile(pattern, flags)) for form, pattern, flags in forms]


def _month_name_forms(lex: dict, language: str, w: dict) -> list[tuple[str, str, int]]:
    """'12 novembre', 'November 6, 2025', 'April 2026', 'début septembre', 'mai dernier'."""
    mon = _month_pattern(lex, capitalised=language == "en")
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
    return [
        # "du 22 au 27 septembre", "13th - 17th June": a range, dated by its first day
        ("day_month", rf"(?<!\w)(?:(?:{w['wd']}),?\s+)?(?:the\s+)?{day}{DAY_RANGE}\s+"
                      rf"(?:of\s+)?{mon}(?:,?\s+{YEAR})?(?:\s+{w['direction']})?(?!\w)", re.I),
        ("month_day", rf"(?<!\w)(?:(?:{w['wd']}),?\s+)?{mon}\s+{day}(?!\w)(?:(?:,\s*|\s+){YEAR})?",
         re.I),
        ("month", rf"(?<!\w)(?:(?P<part>{w['part']})[-\s]+|(?P<dir0>{w['past']}|{w['future']})"
                  rf"\s+){mon}(?!\w)(?:\s+{YEAR})?(?:\s+{w['direction']})?", re.I),
        ("month", rf"(?<!\w){mon}\s+{YEAR}(?:\s+{w['direction']})?", re.I),
        ("month", rf"{w['lead']}{mon}(?!\w)(?:\s+{w['direction']})?", re.I),
    ]


def _vietnamese_forms(w: dict) -> list[tuple[str, str, int]]:
    """'ngày 12 tháng 9 năm 2025', 'ngày 6/11', '(6/11)', 'từ ngày 5-8/6' (a range: its first
    day), 'chiều 4-12', '22/1/2024', 'tháng 4/2026', 'tháng 5 vừa qua'."""
    time_word = r"(?:ngày|hôm|sáng|chiều|tối|trưa)"
    day, month = r"(?P<day>[0-3]?\d)", r"(?P<mon>1[0-2]|0?[1-9])"
    return [
        ("day_month", rf"ngày\s+{day}\s+tháng\s+{month}(?!\d)(?:\s+năm\s+{YEAR})?", re.I),
        ("numeric", rf"(?:{time_word}\s+(?:(?:{w['wd']})\s*,?\s*)?(?:ngày\s+)?|(?<=\())"
                    rf"{day}(?:\s*(?:[-–]|đến(?:\s+ngày)?)\s*[0-3]?\d)?/{month}(?:/{YEAR})?"
                    r"(?![\d/])", re.I),
        ("numeric", rf"{time_word}\s+{day}-{month}(?:-{YEAR})?(?![\d/\-])", re.I),
        ("numeric", rf"{NOT_AFTER}{day}{NUMERIC_RANGE}/{month}/{YEAR}", 0),
        ("month", rf"(?:(?P<part>{w['part']})\s+)?(?<![\d]\s)tháng\s+{month}(?!\d)"
                  rf"(?:\s*/\s*{YEAR}|\s+năm\s+{YEAR2})?(?:\s+{w['direction']})?", re.I),
    ]


def _relative_forms(lex: dict, language: str, w: dict) -> list[tuple[str, str, int]]:
    """'hier', 'last month', 'năm tới'; weekdays; a year after a preposition ('en 2019')."""
    # "on Monday"; "lundi"; Vietnamese "thứ hai" only after a time word ("lần thứ hai" is
    # "the second time")
    weekday_lead = {"en": r"(?<=\bon\s)",
                    "vi": r"(?:(?<!\w)(?P<lead>vào|hôm|sáng|chiều|tối|trưa|đêm)\s+)"}.get(
        language, r"(?<!\w)")
    relative = _alternation(list(lex["relative"]))
    return [
        ("relative", rf"(?<!\w)(?P<rel>{relative})(?!\w)", re.I),
        ("weekday", rf"{weekday_lead}(?P<wd>{w['wd']})(?!\w)(?:\s+{w['direction']})?", re.I),
        ("year", rf"{w['lead']}{NOT_AFTER}{YEAR}{NOT_BEFORE}", re.I),
    ]


def _month_pattern(lex: dict, capitalised: bool) -> str:
    """Month names, and abbreviations with their optional period ('Sept.', 'janv.').

    English month names must be capitalised ("May", not the modal "may")."""
    def words(items: list[str]) -> str:
        return _alternation([w.capitalize() for w in items] if capitalised else items)

    full, short = words(lex["months"]), words(lex["abbreviations"])
    flags = "(?-i:" if capitalised else "(?:"
    return rf"(?P<mon>{flags}{full}|(?:{short})\.?))"


def find_dates(context: Context) -> list[DateMention]:
    """The dates of the article body, resolved against `context.published`."""
    text = context.text[context.body_start:context.body_end]
    return [DateMention(m.start + context.body_start, m.end + context.body_start, m.text,
                        m.edtf, m.relative)
            for m in find_dates_in_text(text, context.language, context.published)]


def find_dates_in_text(text: str, language: str, published: str | None) -> list[DateMention]:
    """Date mentions of `text` (offsets into `text`), longest first where they overlap.

    Several stages ask for the dates of the same sentences: the answer is computed once."""
    return list(_dates_in_text(text, language, published))


@lru_cache(maxsize=4096)
def _dates_in_text(text: str, language: str, published: str | None) -> tuple[DateMention, ...]:
    language = language if language in ("en", "fr", "vi") else "en"
    found: list[tuple[int, int, str, re.Match]] = []
    for form, pattern in _patterns(language):
        for match in pattern.finditer(text):
            start = match.end("lead") if match.groupdict().get("lead") else match.start()
            while start < match.end() and text[start].isspace():
                start += 1
            if match.end() > start:
                found.append((start, match.end(), form, match))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, form, match in found:
        if start < last_end:
            continue
        edtf = resolve(form, match, language, published)
        if edtf:
            mentions.append(DateMention(start, end, text[start:end], edtf,
                                        form in ("relative", "weekday")))
            last_end = end
    return tuple(mentions)


def resolve(form: str, match: re.Match, language: str, published: str | None) -> str | None:
    """The EDTF of one candidate, or None when it cannot be a date."""
    base, base_precision = publication_base(published)
    groups = {k: v for k, v in match.groupdict().items() if v}
    if form == "relative":
        return _relative(groups["rel"], language, base, base_precision)
    if form == "weekday":
        return _weekday(match, language, groups, base, base_precision)
    if form == "year":
        return groups["year"]
    parts = _parse_parts(form, groups, language, base)
    if parts is None:
        return None
    return _edtf(parts, base, base_precision is not None)


def publication_base(published: str | None) -> tuple[dt.date, str | None]:
    """The date relative expressions count from, and the precision the article gives it."""
    if not published:
        return UNKNOWN_BASE, None
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)", published)
    if not match:
        return UNKNOWN_BASE, None
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        return dt.date(int(year), int(month or 7), int(day or (15 if month else 1))), precision
    except ValueError:  # "2025-13-40"
        return UNKNOWN_BASE, None


def _direction(groups: dict, language: str) -> int:
    word = (groups.get("dir") or groups.get("dir0") or "").lower()
    if not word:
        return 0
    return -1 if word in (w.lower() for w in lexicon()[language]["past"]) else 1


@cache
def _parser(language: str, base: dt.date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY" if lexicon()[language]["month_first"] else "DMY",
        "REQUIRE_PARTS": ["month"],
    })


def _parse_parts(form: str, groups: dict, language: str, base: dt.date) -> _Parts | None:
    """Day, month and stated year of a candidate, read by dateparser."""
    day = groups.get("day")
    month = groups.get("mon")
    year = groups.get("year") or groups.get("year2")
    direction = _direction(groups, language)
    if language == "vi" or form == "numeric":
        core = f"{int(day)}/{int(month)}" if day else f"1/{int(month)}"
        core_language = "fr"  # dateparser reads d/m the same way; keeps vi words out
    else:
        core = " ".join(x for x in (day, month) if x) if not lexicon()[language]["month_first"] \
            else " ".join(x for x in (month, day) if x)
        if not day:
            core = f"1 {month}" if not lexicon()[language]["month_first"] else f"{month} 1"
        core_language = language
    if year:
        core += f"/{year}" if "/" in core else f" {year}"
    data = _parser(core_language, base).get_date_data(core)
    if data.date_obj is None:
        return None
    parsed = data.date_obj.date()
    return _Parts(day=parsed.day if day else None, month=parsed.month,
                  year=parsed.year if year else None, direction=direction)


def _edtf(parts: _Parts, base: dt.date, known_base: bool) -> str:
    year = parts.year
    if year is None and known_base:
        year = _infer_year(parts, base)
    head = f"{year:04d}" if year else "XXXX"
    if parts.day:
        return f"{head}-{parts.month:02d}-{parts.day:02d}"
    return f"{head}-{parts.month:02d}"


def _infer_year(parts: _Parts, base: dt.date) -> int:
    """The year of a month/day written without one, seen from the publication date."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, parts.month, parts.day or 1))
        except ValueError:
            continue
    month_base = base if parts.day else base.replace(day=1)
    if parts.direction < 0:
        before = [c for c in candidates if c <= month_base]
        return max(before).year if before else base.year
    if parts.direction > 0:
        after = [c for c in candidates if c >= month_base]
        return min(after).year if after else base.year

    def cost(candidate: dt.date) -> float:
        days = (candidate - month_base).days
        return -days if days <= 0 else FUTURE_WEIGHT * days

    return min(candidates, key=cost).year


PRECISIONS = ("year", "month", "day")


def _relative(expression: str, language: str, base: dt.date, precision: str | None) -> str | None:
    """'today', 'le mois dernier', 'năm tới'... counted from the publication date, told no more
    precisely than the publication date itself ('hier' in an article dated 2024-01 is 2024-01)."""
    if precision is None:
        return None
    table = {k.lower(): v for k, v in lexicon()[language]["relative"].items()}
    unit, offset = table[expression.lower()]
    if unit in ("day", "week"):
        when = base + dt.timedelta(days=offset * (7 if unit == "week" else 1))
        told = "day" if unit == "day" else "month"
    elif unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        when, told = dt.date(index // 12, index % 12 + 1, 1), "month"
    else:
        when, told = dt.date(base.year + offset, 1, 1), "year"
    keep = min(PRECISIONS.index(told), PRECISIONS.index(precision))
    return when.isoformat()[:(4, 7, 10)[keep]]


def _weekday(match: re.Match, language: str, groups: dict, base: dt.date,
             precision: str | None) -> str | None:
    """A weekday alone ("lundi", "on Monday"): the nearest such day around the publication."""
    if precision != "day":
        return None
    names = [w.lower() for w in lexicon()[language]["weekdays"]]
    index = names.index(groups["wd"].lower()) % 7  # listed Monday..Sunday (then "thứ 2"..)
    direction = _direction(groups, language)
    delta = (base.weekday() - index) % 7
    if direction > 0:
        when = base + dt.timedelta(days=(index - base.weekday()) % 7 or 7)
    else:
        when = base - dt.timedelta(days=delta)
    return when.isoformat()
