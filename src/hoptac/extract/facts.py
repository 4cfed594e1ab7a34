"""Figures announced: counts, amounts, percentages, money, with unit and measure.

A figure is a number written in digits ("114", "18,26", "1 000", "3.5") or in words ("cinq",
"five", "hai"), optionally followed by a scale ("millions", "tỷ"), a currency ("USD", "đồng",
"$" before) or a percent sign. Numbers that are not quantities are left out: years, day
numbers and dates, periods ("2026-2028"), identifiers ("72-NQ/TW", "N°72"), ordinals, ages and
durations ("six mois", "30 years"), phone numbers, page debris ("Comment (0)"), and word
numbers that only count the parties ("les deux pays", "hai bên"). A count needs a counted noun.

The vocabulary (number words, scales, currencies, context words) is data: data/numbers.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from hoptac.extract.context import Context, Sentence

DATA_FILE = Path(__file__).parent / "data" / "numbers.json"

# digits with optional thousands groups ("1 000", "18,26", "1.234.567", "3.5")
DIGITS = re.compile(r"(?:(?<=USD)|(?<=EUR)|(?<=VND)|(?<=VNĐ)|(?<=US\$)|(?<![\w.,]))"  # EUR114m
                    r"(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)*)")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
GROUP_SPACE = re.compile(r"[ \u00a0\u202f\u2009]")
CLAUSE_END = re.compile(r",(?!\d)|[;:()«»\"“”\[\]!?]|\s[-–—]\s|\.(?:\s|$)")
PARENTHESIS = re.compile(r"\s?\([^()]*\)")
RANGE_AFTER = re.compile(r"^\s?[-–—]\s?\d")
RANGE_BEFORE = re.compile(r"\d\s?[-–—]\s?$")
ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[ -]$")
ID_MARK_BEFORE = re.compile(r"(?:n°|nº|no\.|#|số|№)\s*$", re.I)
DATE_SLASH = re.compile(r"^[/.]\d")
TIME_AFTER = re.compile(r"^(?:\s?[h:]\s?\d|[h]\b)", re.I)
ATTACHED_SCALE = re.compile(r"^(bn|mn|m|k|md|mds)\b", re.I)
LEADING_LINK = re.compile(r"^(?:de la |de l'|de l’|des |du |de |d'|d’|of the |of |trong |của )",
                          re.I)
YEAR_RANGE = (1800, 2100)


@cache
def vocabulary() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@cache
def word_set(*path: str) -> frozenset[str]:
    """A list of the vocabulary as a set: word_set("time_units", "fr")."""
    entry = vocabulary()
    for key in path:
        entry = entry[key]
    return frozenset(entry)


@dataclass
class Quantity:
    """One number found in a sentence; offsets are sentence-relative."""

    value: float
    start: int
    end: int  # end of the number itself
    is_word: bool
    expr_end: int = 0  # end of the whole expression (scale, currency, percent)
    unit: str | None = None  # "%" or a currency code when the expression says so


def find_facts(context: Context) -> list[dict]:
    """Facts of the whole article, in text order, one per (value, unit)."""
    facts: list[dict] = []
    seen: set[tuple] = set()
    for sentence in context.sentences:
        for fact in sentence_facts(sentence, context):
            key = (fact["value"], (fact["unit"] or "").lower())
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def sentence_facts(sentence: Sentence, context: Context) -> list[dict]:
    language = context.language if context.language in ("en", "fr", "vi") else "en"
    facts = []
    previous_unit = None  # "18,26 millions de travailleurs ..., contre 2,2 millions": same unit
    for quantity in find_quantities(sentence.text, language):
        if not is_figure(sentence.text, quantity, language):
            continue
        unit = quantity.unit or counted_noun(sentence, quantity.expr_end, language)
        if unit is None and _ends_noun_phrase(sentence.text, quantity):
            unit = previous_unit
        if unit is None or _is_not_unit(unit, language):
            continue
        if unit != "%":
            previous_unit = unit
        measure = describe(sentence.text, quantity, unit)
        if unit not in ("%", quantity.unit) and unit not in measure:
            measure = f"{unit} {measure}"  # the unit was named before the figure
        facts.append({
            "value": _clean_number(quantity.value),
            "unit": unit,
            "measure": measure,
            "date": fact_date(sentence.text, quantity.start, language),
            "evidence": context.evidence(sentence.start, sentence.end),
        })
    return facts


# --- reading numbers -------------------------------------------------------------------------


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Every number of the sentence, in digits or words, with scale, currency and percent."""
    found = list(digit_numbers(text, language)) + word_numbers(text, language)
    for quantity in found:
        read_expression(text, quantity, language)
    return sorted(found, key=lambda q: q.start)


def parse_digits(raw: str, language: str) -> float | None:
    """The value of a digit string, with the language's decimal and thousands separators."""
    if GROUP_SPACE.search(raw):
        head, _, decimals = raw.partition(",")
        number = GROUP_SPACE.sub("", head)
        return float(f"{number}.{decimals}") if decimals else float(number)
    seps = re.findall(r"[.,]", raw)
    groups = re.split(r"[.,]", raw)
    if not seps:
        return float(raw)
    if len(set(seps)) == 2:  # "1,234.5" / "1.234,5": the last separator is the decimal one
        decimal = seps[-1]
        head, _, tail = raw.rpartition(decimal)
        return float(re.sub(r"[.,]", "", head) + "." + tail)
    if len(seps) > 1:
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups))
        return None  # "12.11.2025", a version or a date, not a quantity
    if len(groups[1]) == 3 and _thousands_separator(seps[0], language):
        return float("".join(groups))
    return float(f"{groups[0]}.{groups[1]}")


def _thousands_separator(sep: str, language: str) -> bool:
    return sep == "," if language == "en" else sep == "."


def digit_numbers(text: str, language: str):
    for match in DIGITS.finditer(text):
        value = parse_digits(match.group(1), language)
        if value is not None:
            yield Quantity(value, match.start(1), match.end(1), is_word=False)


def word_numbers(text: str, language: str) -> list[Quantity]:
    """Numbers written in words: "cinq", "twenty-five", "hai mươi lăm", "un million"."""
    if not _number_word_hint(language).search(text):
        return []
    words_table = vocabulary()["words"][language]
    ones = word_set("one", language)
    scales = vocabulary()["scales"][language]
    tokens = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        run = _number_word_run(tokens, i, words_table, language)
        if run:
            j, value = run
            found.append(Quantity(value, tokens[i][1], tokens[j - 1][2], is_word=True))
            i = j
            continue
        word = tokens[i][0]
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        adjacent = bool(nxt) and not text[tokens[i][2]:tokens[i + 1][1]].strip()
        if word in ones and adjacent and (nxt in scales or words_table.get(nxt) == 100):
            found.append(Quantity(1, tokens[i][1], tokens[i][2], is_word=True))
        i += 1
    return found


@cache
def _number_word_hint(language: str) -> re.Pattern:
    """Any number word of the language: sentences without one skip the word scan."""
    words = list(vocabulary()["words"][language]) + list(vocabulary()["one"][language])
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, words))})(?!\w)", re.I)


def _number_word_run(tokens, i: int, table: dict, language: str) -> tuple[int, float] | None:
    """(index after the run, value) of the number words starting at tokens[i], or None."""
    pieces: list[str] = []
    j = i
    while j < len(tokens):
        parts = tokens[j][0].split("-")
        if not all(p in table for p in parts):
            break
        if language == "vi" and pieces and parts[0] == "năm":
            break  # "mười năm" is ten years, not fifteen
        if language == "vi" and not pieces and parts[0] in ("mươi", "lăm", "mốt"):
            return None
        if pieces and language != "vi":
            break  # EN and FR compounds are hyphenated; "five hundred" handled below
        pieces.extend(parts)
        j += 1
        if language != "vi" and j < len(tokens) and tokens[j][0] in ("hundred", "cent", "cents"):
            pieces.append(tokens[j][0])
            j += 1
    if not pieces or pieces[0] in ("hundred", "cent", "cents", "trăm") and len(pieces) == 1:
        return None
    return j, _compose([table[p] for p in pieces])


def _compose(values: list[int]) -> float:
    """Add number words, multiplying for hundreds, "mươi" and "quatre-vingt"."""
    total = 0
    for index, value in enumerate(values):
        if value == 100:
            total = max(total, 1) * 100
        elif value == 10 and index > 0 and values[index - 1] < 10 and values[index - 1] != 0:
            # Vietnamese "hai mươi" = 20 ("mười" after a digit word is only ever "mươi")
            total = total - values[index - 1] + values[index - 1] * 10
        elif value == 20 and index > 0 and values[index - 1] == 4:
            total = total - 4 + 80  # quatre-vingt
        else:
            total += value
    return float(total)


def read_expression(text: str, quantity: Quantity, language: str) -> None:
    """Extend a number with its scale, currency and percent; sets expr_end, value and unit."""
    vocab = vocabulary()
    position = quantity.end
    after = text[position:]
    attached = ATTACHED_SCALE.match(after) if not quantity.is_word else None
    scale = _scale_after(after, language)
    if attached and _currency_before(text[:quantity.start]):
        abbreviations = {**vocab["scales"]["fr"], **vocab["scales"]["en"]}
        quantity.value *= abbreviations[attached.group(1).lower()]
        position += attached.end()
    elif scale:
        quantity.value *= scale[1]
        position += scale[0]
    rest = text[position:]
    percent = re.match(r"\s?(%|" + "|".join(re.escape(p) for p in vocab["percent"][1:]) + r")",
                       rest, re.I)
    currency_after = _currency_after(rest)
    if percent:
        quantity.unit = "%"
        position += percent.end()
    elif currency_after:
        quantity.unit = currency_after[1]
        position += currency_after[0]
    else:
        quantity.unit = _currency_before(text[:quantity.start])
    quantity.expr_end = position


def _scale_after(after: str, language: str) -> tuple[int, float] | None:
    scales = vocabulary()["scales"][language]
    for word in sorted(scales, key=len, reverse=True):
        if len(word) <= 2 and language != "vi":
            continue  # "m", "bn" only count when glued to a sum of money
        match = re.match(rf"\s{{1,2}}{re.escape(word)}(?!\w)", after, re.I)
        if match:
            return match.end(), scales[word]
    return None


def _currency_before(before: str) -> str | None:
    match = re.search(r"(US\$|\$|€|£|¥|\bUSD|\bEUR|\bVNĐ|\bVND|\bGBP|\bCHF)\s?$", before)
    return vocabulary()["currencies"][match.group(1).lower()] if match else None


@cache
def _currency_word() -> re.Pattern:
    words = sorted((w for w in vocabulary()["currencies"] if w[0].isalpha()), key=len, reverse=True)
    link = r"(?:(?:de|of)\s|d['’])?"  # "15 millions d'euros"
    return re.compile(rf"\s{{0,2}}{link}({'|'.join(map(re.escape, words))})(?!\w)", re.I)


def _currency_after(rest: str) -> tuple[int, str] | None:
    match = _currency_word().match(rest)
    return (match.end(), vocabulary()["currencies"][match.group(1).lower()]) if match else None


# --- what is not a figure ----------------------------------------------------------------------


def is_figure(text: str, q: Quantity, language: str) -> bool:
    """False for years, dates, identifiers, ordinals, durations, phone numbers, debris."""
    before, after = text[:q.start], text[q.end:]
    raw = text[q.start:q.end]
    if q.unit in ("%",) or (q.unit and q.expr_end > q.end):
        return not (_is_identifier(before, after) or _is_range(before, after))
    checks = (
        _is_identifier(before, after),
        _is_range(before, after),
        _is_date_part(before, after, language),
        not q.is_word and _is_year(raw, q),
        _is_duration(before, text[q.expr_end:], language),
        not q.is_word and _is_phone_or_code(before, raw),
        _is_debris(before, after),
        q.is_word and _is_article_bound(before, text[q.expr_end:], q, language),
        q.value <= 3 and _counts_parties(text[q.expr_end:], language, q.is_word),
        q.value <= 3 and q.is_word and _counts_named_parties(before, text[q.expr_end:],
                                                              language),
    )
    return not any(checks)


def _last_words(before: str, n: int) -> str:
    words = re.findall(r"[\w°º#'’.]+", before.lower())
    return " ".join(words[-n:]) if len(words) >= n else ""


def _first_words(after: str, n: int) -> str:
    words = re.findall(r"[\w'’%-]+", after.lower())
    return " ".join(words[:n]) if len(words) >= n else ""


def _is_identifier(before: str, after: str) -> bool:
    if ID_MARK_BEFORE.search(before):
        return True
    if _currency_before(before):
        return False  # "EUR114 million"
    if ACRONYM_BEFORE.search(before):
        return True  # "ASEM 5", "COVID 19"
    if before and (before[-1].isalpha() or before[-1] in "-/°º#+_"):
        return True
    if re.match(r"^(?:[-/][\w]|[^\W\d_]{1,3}\b|(?:st|nd|rd|th|e|er|ère|ème|è)\b)", after):
        return not ATTACHED_SCALE.match(after)
    prefixes = word_set("identifier_before")
    return any(_last_words(before, n).rstrip(".") in prefixes for n in (1, 2, 3))


def _is_range(before: str, after: str) -> bool:
    return bool(RANGE_AFTER.match(after) or RANGE_BEFORE.search(before))


def _is_date_part(before: str, after: str, language: str) -> bool:
    months = word_set("months", language) | word_set("months", "en")
    if DATE_SLASH.match(after) or TIME_AFTER.match(after):
        return True
    if _first_words(after, 1).rstrip(".") in months or _last_words(before, 1).rstrip(".") in months:
        return True
    return _last_words(before, 1) in word_set("date_before", language)


def _is_year(raw: str, q: Quantity) -> bool:
    return raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= q.value <= YEAR_RANGE[1]


def _is_duration(before: str, after: str, language: str) -> bool:
    units = word_set("time_units", language) | word_set("time_units", "en")
    if any(_first_words(after, n) in units for n in (1, 2)):
        return True
    return any(_last_words(before, n) in word_set("age_before") for n in (1, 2))


def _is_phone_or_code(before: str, raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("0") and len(digits) > 1 and not re.match(r"0[.,]\d", raw):
        return True
    return len(digits) > 12 or before.rstrip().endswith("+")


def _is_debris(before: str, after: str) -> bool:
    return bool(re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after))


def _is_article_bound(before: str, after: str, q: Quantity, language: str) -> bool:
    """Word numbers after a determiner or a quantifier ("ces deux", "les deux pays", "các năm").

    After a plain definite article the number still counts things the article introduces
    ("le fonctionnement des deux centres d'acupuncture", "the two vaccines"), unless the noun
    refers back to the parties, their people or their documents ("les deux hôpitaux").
    """
    not_before = word_set("not_before", language)
    for n in (1, 2):
        word = _last_words(before, n)
        if word in not_before:
            definite = word in word_set("definite_articles", language)
            return not definite or _names_referring_noun(after, language)
    if language == "vi" and q.value == 5:  # "35 năm" is 35 years, not 35 and five
        return bool(re.search(r"\d\s*$", before)) or not _vietnamese_five(after)
    return False


def _vietnamese_five(after: str) -> bool:
    """'năm' is 'five' only before a counted noun, never before a year or a time word."""
    following = _first_words(after, 1)
    if not following or following[0].isdigit():
        return False
    return following not in word_set("vi_year_after") and not after.lstrip()[:1].isupper()


def _counts_parties(after: str, language: str, is_word: bool) -> bool:
    """"les deux pays", "two ministers", "hai Văn phòng": the parties, not a figure."""
    if _following_nouns(after, 2, language) & word_set("party_nouns", language):
        return True
    # Vietnamese has no article: "hai" before a capitalised name is "the two" of them
    return language == "vi" and is_word and after.lstrip()[:1].isupper()


def _names_referring_noun(after: str, language: str) -> bool:
    """The noun after the number is a party, one of its people or one of its documents."""
    nouns = word_set("party_nouns", language) | word_set("referring_nouns", language)
    return bool(_following_nouns(after, 3, language) & nouns)


def _following_nouns(after: str, size: int, language: str) -> set[str]:
    """The first one to `size` words after a number, possessive marks dropped ("countries'");
    in English also those after one adjective ("two foreign ministries")."""
    words = [re.sub(r"['’]s?$", "", word) for word in re.findall(r"[\w'’%-]+", after.lower())]
    starts = (0, 1) if language == "en" else (0,)
    return {" ".join(words[start:start + n]) for start in starts for n in range(1, size + 1)
            if len(words) >= start + n}


def _counts_named_parties(before: str, after: str, language: str) -> bool:
    """"giữa hai bệnh viện", "between the three universities", "của hai bệnh viện": a small
    count after "between" is the parties of the relation, and one after a possessive link
    counts bodies or people the article has named, not a figure it announces."""
    previous = {_last_words(before, n) for n in (1, 2)}
    if previous & word_set("between_words", language):
        return True
    return bool(previous & word_set("possessive_links", language)) and _names_referring_noun(
        after, language)


def _is_not_unit(unit: str, language: str) -> bool:
    first = unit.lower().split()[0]
    return (first in word_set("not_units") or first in word_set("physical_units")
            or first in word_set("time_units", language) or first in word_set("vague", "en")
            or _counts_the_list(unit, language))


def _counts_the_list(unit: str, language: str) -> bool:
    """"three main areas", "5 nội dung chính": the article counting its own list of fields
    or points, not a figure of cooperation."""
    words = unit.lower().split()
    heads = {words[0], words[-1], " ".join(words[:2])}
    return bool(heads & word_set("enumeration_nouns", language))


# --- unit, measure, date -----------------------------------------------------------------------


def counted_noun(sentence: Sentence, position: int, language: str) -> str | None:
    """The noun the number counts: "pharmaceutical plants", "médecins", "bác sĩ"."""
    rest = sentence.text[position:]
    link = LEADING_LINK.match(rest.lstrip())
    offset = position + (len(rest) - len(rest.lstrip())) + (link.end() if link else 0)
    if sentence.doc is not None:
        return _noun_from_doc(sentence.doc, offset, language)
    if language == "vi":
        return _noun_from_vietnamese_tags(sentence.text, offset)
    return _noun_from_words(sentence.text[offset:], language)


@lru_cache(maxsize=512)
def _vietnamese_tags(text: str) -> tuple[tuple[str, str, int], ...]:
    """(word, part-of-speech tag, offset) of a Vietnamese sentence, by underthesea."""
    from underthesea import pos_tag

    tagged, position = [], 0
    for word, tag in pos_tag(text):
        start = text.find(word, position)
        if start < 0:
            continue
        tagged.append((word, tag, start))
        position = start + len(word)
    return tuple(tagged)


def _noun_from_vietnamese_tags(text: str, offset: int) -> str | None:
    """Up to two nouns after the number ("bác sĩ", "cơ sở y tế"), proper nouns excluded."""
    stop = word_set("vi_stop")
    words = []
    for word, tag, start in _vietnamese_tags(text):
        if start < offset:
            continue
        if tag in ("N", "Nc", "Nu") and word.lower() not in stop and len(words) < 2:
            words.append(word)
            continue
        break
    return " ".join(words) or None


def _noun_from_doc(doc, offset: int, language: str) -> str | None:
    tokens = [t for t in doc if t.idx >= offset]
    if language == "fr":
        for token in tokens[:3]:
            if token.pos_ in ("NOUN", "PROPN"):
                return token.text
            if token.pos_ != "ADJ":
                return None
        return None
    run = []
    for token in tokens:
        if token.pos_ in ("ADJ", "NOUN", "PROPN") or (
                token.text == "-" and run and not token.whitespace_ and run[-1].whitespace_ == ""):
            run.append(token)
            continue
        break
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    if not run:
        return None
    return doc.text[run[0].idx:run[-1].idx + len(run[-1].text)]


def _noun_from_words(text: str, language: str) -> str | None:
    stop = word_set("vi_stop")
    words = []
    for match in re.finditer(r"\S+", text):
        word = match.group()
        clean = word.strip(",;:.()«»\"“”!?")
        if not clean or clean.lower() in stop or any(c.isdigit() for c in clean):
            break
        words.append(clean)
        if clean != word or len(words) == (4 if language == "vi" else 3):
            break
    return " ".join(words) or None


def _ends_noun_phrase(text: str, q: Quantity) -> bool:
    """True when nothing but a verb, a preposition or punctuation follows the figure, so that
    the counted noun is the one named before ("2,2 millions en 1995", "30 ... sur 1 000")."""
    following = text[q.expr_end:].lstrip()
    return not following or not following[0].isalnum() or following[0].islower()


def describe(text: str, q: Quantity, unit: str) -> str:
    """A short description of what is counted: the clause after the number, or before it."""
    rest = PARENTHESIS.sub("", text[q.expr_end:])
    end = CLAUSE_END.search(rest)
    clause = rest[:end.start() if end else len(rest)].strip()
    if unit != "%":
        clause = LEADING_LINK.sub("", clause)
    words = clause.split()[:12]
    if not words and q.unit:
        head = text[:q.start]
        cut = max((m.end() for m in CLAUSE_END.finditer(head)), default=0)
        words = head[cut:].rstrip(" $€£¥US").split()[-6:]
    description = " ".join(words).strip(" .")
    if unit == "%" and description:
        return f"% {description}"
    return description or unit


def fact_date(text: str, position: int, language: str) -> str | None:
    """EDTF date of a figure when its clause (or, failing that, its sentence) says "in 2023"."""
    segment_start, segment_end = _segment(text, position)
    dates = _year_phrases(text[segment_start:segment_end], language)
    if dates:
        return dates[0]
    # "En 2023, 93 millions de personnes...": a year that opens the sentence covers it
    everywhere = _year_phrases(text, language)
    opens = re.match(rf"\W*(?:{_in_year_words(language)})\s", text, re.I)
    earlier = _year_phrases(text[:segment_start], language) if opens else []
    other_year = re.search(r"(?<!\d)(?:18|19|20)\d\d(?!\d)", text[segment_start:segment_end])
    return earlier[0] if len(everywhere) == 1 and earlier and not other_year else None


def _segment(text: str, position: int) -> tuple[int, int]:
    words = vocabulary()["boundary_words"]
    pattern = re.compile(r",\s|;|\s(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.I)
    start, end = 0, len(text)
    for match in pattern.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _year_phrases(text: str, language: str) -> list[str]:
    vocab = vocabulary()
    months = vocab["months"]["en"][:12] + vocab["months"]["fr"]
    intro = _in_year_words(language)
    found = []
    decades = word_set("decade_before")
    pattern = rf"(?<!\w)(?:{intro})\s+(?:([^\W\d_]+)\s+)?(\d{{4}})(?![\w\-–/])"
    for match in re.finditer(pattern, text, re.I):
        year = int(match.group(2))
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            continue
        if any(_last_words(text[:match.start()], n) in decades for n in (1, 2)):
            continue  # "những năm 1990": the 1990s
        month = _month_number(match.group(1), months)
        if match.group(1) and month is None:
            continue
        found.append(f"{year}-{month:02d}" if month else str(year))
    for match in re.finditer(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", text, re.I):
        if language == "vi" and 1 <= int(match.group(1)) <= 12:
            found.append(f"{match.group(2)}-{int(match.group(1)):02d}")
    return found


def _in_year_words(language: str) -> str:
    """The words that put a figure in a year ("en", "in", "năm"), as a regex alternation."""
    return "|".join(re.escape(w) for w in vocabulary()["in_year"][language])


def _month_number(word: str | None, months: list[str]) -> int | None:
    if not word:
        return None
    word = word.lower()
    english = months[:12]
    if word in english:
        return english.index(word) + 1
    french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    return french.index(word) + 1 if word in french else None


def _clean_number(value: float) -> int | float:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
