"""Countries: finding them in text (EN/FR/VI names and nationality adjectives) and choosing the
countries whose cooperation an article reports (ISO 3166-1 alpha-2).

The lexicon lives in data/countries.json. Matching is diacritic-insensitive in one direction
only: text may drop accents ("Etats-Unis", "Hanoi") but may not add them, so a Vietnamese name
such as "Thái" is never read as the English "Thai". Vietnamese country names are matched
exactly, and the ones that are also given names or common words ("Anh", "Đức", "Nga") count
only when no capitalised word stands right next to them ("Hôpital Việt Đức" is a name).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from hoptac.extract.context import Context
from hoptac.extract.trie import trie_regex

DATA = Path(__file__).parent / "data" / "countries.json"
DEFAULT_HOST = "VN"  # the corpus is news about health cooperation with Viet Nam


def fold(text: str) -> str:
    """Lowercase, accents and đ removed, one character for one character (offsets survive)."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@cache
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def _plurals(forms: list[str]) -> list[str]:
    out = list(forms)
    out += [f + "s" for f in forms if not f.endswith(("s", "x"))]
    return out


@dataclass
class Lexicon:
    names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # folded -> (form, code)
    adjectives: dict[str, str] = field(default_factory=dict)  # folded -> code
    adjective_forms: dict[str, list[str]] = field(default_factory=dict)  # folded -> forms
    prefixes: dict[str, str] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)
    vi_names: dict[str, str] = field(default_factory=dict)  # exact -> code
    vi_ambiguous: set[str] = field(default_factory=set)
    pattern: re.Pattern | None = None  # names and adjectives, over folded text
    compound: re.Pattern | None = None  # franco-vietnamien
    vi_pattern: re.Pattern | None = None
    city_pattern: re.Pattern | None = None


def _alternation(forms) -> str:
    return trie_regex(forms)


@cache
def lexicon() -> Lexicon:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    lex = Lexicon(vi_ambiguous=set(data.get("vi_ambiguous", [])))
    for code, entry in data["countries"].items():
        for lang, forms in entry["names"].items():
            for form in forms:
                if lang == "vi":
                    lex.vi_names[form] = code
                lex.names.setdefault(fold(form), []).append((form, code))
        for forms in entry["adjectives"].values():
            for form in _plurals(forms):
                lex.adjectives.setdefault(fold(form), code)
                lex.adjective_forms.setdefault(fold(form), []).append(form)
        for prefix in entry.get("prefixes", []):
            lex.prefixes.setdefault(fold(prefix), code)
        for city in entry.get("cities", []):
            lex.cities.setdefault(fold(city), code)
    edge = r"(?<![\w])({})(?![\w])"
    lex.pattern = re.compile(edge.format(_alternation(list(lex.names) + list(lex.adjectives))))
    lex.compound = re.compile(
        rf"(?<![\w])((?:(?:{_alternation(lex.prefixes)})-)+)({_alternation(lex.adjectives)})"
        r"(?![\w])")
    lex.vi_pattern = re.compile(edge.format(_alternation(lex.vi_names)))
    lex.city_pattern = re.compile(edge.format(_alternation(lex.cities)))
    return lex


def _written_as(original: str, form: str) -> bool:
    """True when `original` is `form`, up to case, or `form` written without its accents."""
    if original.lower() == form.lower():
        return True
    return original == strip_accents(original) and \
        strip_accents(original).lower() == strip_accents(form).lower()


def _name_code(original: str, folded: str) -> str | None:
    for form, code in lexicon().names.get(folded, []):
        if form in lexicon().vi_names:
            continue  # Vietnamese names are matched exactly, with their own checks
        if _written_as(original, form) and original[:1].isupper():
            return code
    return None


def _adjective_code(original: str, folded: str) -> str | None:
    forms = lexicon().adjective_forms.get(folded, [])
    if any(_written_as(original, form) for form in forms):
        return lexicon().adjectives[folded]
    return None


def _capitalised_neighbour(text: str, start: int, end: int) -> bool:
    before = re.search(r"(\S+)\s*$", text[max(0, start - 30):start])
    after = re.match(r"\s*(\S+)", text[end:end + 30])
    for match in (before, after):
        word = match.group(1) if match else ""
        # "Hữu nghị Việt Đức" is a name; "CHDCND Lào" (an acronym before) is not
        if word[:1].isupper() and word[:1].isalpha() and not word.isupper():
            return True
    return False


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) for every country name, nationality adjective or compound
    ("franco-vietnamien" gives FR and VN) in `text`, in text order, non-overlapping."""
    return list(_country_mentions(text))


@lru_cache(maxsize=4096)
def _country_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """country_mentions, remembered: the stages ask again and again about the same article,
    sentences and names."""
    lex = lexicon()
    folded = fold(text)
    found: list[tuple[int, int, str]] = []
    for match in lex.compound.finditer(folded):
        pos = match.start(1)
        for part in match.group(1).split("-")[:-1]:
            found.append((pos, pos + len(part), lex.prefixes[part]))
            pos += len(part) + 1
        found.append((match.start(2), match.end(2), lex.adjectives[match.group(2)]))
    for match in lex.pattern.finditer(folded):
        start, end = match.span()
        original = text[start:end]
        code = _name_code(original, match.group()) or _adjective_code(original, match.group())
        if code:
            found.append((start, end, code))
    for match in lex.vi_pattern.finditer(text):
        start, end = match.span()
        if match.group() in lex.vi_ambiguous and _capitalised_neighbour(text, start, end):
            continue
        found.append((start, end, lex.vi_names[match.group()]))
    # "Thai Binh", "Lào Cai" are Vietnamese provinces, not Thailand or Laos
    cities = [(a, b) for a, b, _ in city_mentions(text)]
    found = [f for f in found
             if not any(a <= f[0] and f[1] <= b and b - a > f[1] - f[0] for a, b in cities)
             and not _names_a_currency(text, f[0], f[1])]
    return tuple(_non_overlapping(found))


CURRENCY_BEFORE = re.compile(r"(?:dollars?|đô\s*la)\s*$", re.I)


def _names_a_currency(text: str, start: int, end: int) -> bool:
    """A country word that is part of a money unit ("US$", "dollars US", "đô la Mỹ") says
    how a sum is counted, not who takes part."""
    return text[end:end + 1] == "$" or bool(CURRENCY_BEFORE.search(text[max(0, start - 12):start]))


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def city_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of the cities of data/countries.json named in `text`."""
    return list(_city_mentions(text))


@lru_cache(maxsize=4096)
def _city_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    lex = lexicon()
    found = []
    for match in lex.city_pattern.finditer(fold(text)):
        original = text[match.start():match.end()]
        if original[:1].isupper():
            found.append((match.start(), match.end(), lex.cities[match.group()]))
    return tuple(found)


@cache
def state_words() -> frozenset[str]:
    """Folded words of official country forms besides the name ("Republic", "of", "du")."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in data.get("state_words", []))


@lru_cache(maxsize=8192)
def nationality_code(word: str) -> str | None:
    """ISO code of a nationality adjective or demonym ("russe", "Vietnamese", "françaises")."""
    return lexicon().adjectives.get(fold(word.strip()))


def country_code(name: str) -> str | None:
    """ISO code of a country name in any of the three languages ("Fédération de Russie")."""
    name = name.strip()
    return lexicon().vi_names.get(name) or _name_code(name, fold(name))


def city_code(name: str) -> str | None:
    """ISO code of the country of a known city ("Clermont-Ferrand" -> FR)."""
    return lexicon().cities.get(fold(name.strip()))


def place_code(name: str) -> str | None:
    """Country of a country name, nationality adjective or known city."""
    return country_code(name) or nationality_code(name) or city_code(name)


def host_country(context: Context) -> str:
    """The country where the reported cooperation takes place: the country of the city in the
    dateline or first sentence when the article names that country as a party too (Seoul, not
    Geneva where an assembly met), else Viet Nam when named, else the most named country."""
    body = context.text[context.body_start:context.body_end]
    counts = Counter(code for _, _, code in country_mentions(body))
    cities = city_mentions(body[:200])
    if cities and (cities[0][2] == DEFAULT_HOST or counts[cities[0][2]] >= 2):
        return cities[0][2]
    if not counts or DEFAULT_HOST in counts:
        return DEFAULT_HOST
    return counts.most_common(1)[0][0]


def find_countries(context: Context, persons: list[dict], organizations: list[dict]) -> list[str]:
    """Countries whose cooperation the article reports: those named at least twice (names,
    adjectives, compounds) or carried by its persons and organizations, keeping the ones that
    weigh at least a fifth of the most present."""
    body = context.text[context.body_start:context.body_end]
    counts: Counter[str] = Counter(code for _, _, code in country_mentions(body))
    if context.title:
        counts.update(code for _, _, code in country_mentions(context.title))
    for item in [*persons, *organizations]:
        if item.get("country"):
            counts[item["country"]] += 1
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    threshold = max(2, top / 5)
    return [code for code, n in counts.most_common() if n >= threshold]
