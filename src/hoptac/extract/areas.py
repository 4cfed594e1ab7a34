"""Cooperation areas from the controlled vocabulary (contract/areas.json).

An area is reported when the article names its field where cooperation is at stake. The
lexicon (data/areas.json) gives each area "strong" phrases, which name the field without doubt
and count anywhere in an article about cooperation, and "weak" ones ("research", "training",
"digital"), which count only in a sentence that speaks of cooperation (cooperation, partnership,
exchange, agreement, fields, priorities...) or that lists several fields, or, in an article
about cooperation, that names two fields as a pair ("education and research"). Phrases are
matched on whole words, ignoring case and punctuation; English and French also ignore accents,
Vietnamese keeps them (thuốc "medicine" is not thuộc "belong to") but not the placement of its
tone marks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from hoptac.extract.context import Context
from hoptac.extract.trie import trie_regex

DATA_FILE = Path(__file__).parent / "data" / "areas.json"
LANGUAGES = ("en", "fr", "vi")
LIST_SIZE = 3  # a sentence naming this many areas is a list of fields
# how many words '~' may skip: a Vietnamese word is one to three syllables, each spelt apart
GAP_WORDS = {"en": 3, "fr": 3, "vi": 5}
# old-style Vietnamese tone placement ("hoà", "thuỷ") written the modern way ("hòa", "thủy")
TONES = "\u0300\u0301\u0303\u0309\u0323"
COMBINING = re.compile("[\u0300-\u036f]")
TONE_SHIFT = re.compile(rf"([oOuU])([aAeEyY])([{TONES}])(?!\w)")


@dataclass(frozen=True)
class Lexicon:
    """Compiled phrase patterns of one language."""

    strong: dict[str, re.Pattern]
    weak: dict[str, re.Pattern]
    acronyms: dict[str, re.Pattern]
    context: re.Pattern
    cooperation: re.Pattern
    pair: re.Pattern  # what may join two fields named as a pair ("education and research")
    # the first word of every phrase of each pattern, and one pattern finding them all: a
    # pattern none of whose first words opens a word of a sentence cannot match it
    first_words: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    first_word_finder: re.Pattern | None = None


def normalize(text: str, language: str) -> str:
    """Lower case, words separated by single spaces; accents dropped except in Vietnamese."""
    text = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    if language == "vi":
        text = TONE_SHIFT.sub(lambda m: m.group(1) + m.group(3) + m.group(2), text)
    else:
        text = COMBINING.sub("", text).replace("đ", "d")
    text = unicodedata.normalize("NFC", text)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def phrase_pattern(phrases: list[str], language: str, not_before: list[str] = (),
                   not_after: list[str] = ()) -> re.Pattern | None:
    """One regex for a list of phrases; a trailing '*' on a word matches any ending."""
    alternatives = [_phrase_regex(phrase, language) for phrase in phrases]
    if not alternatives:
        return None
    before = "".join(rf"(?<!{re.escape(normalize(w, language))}\s)" for w in not_before)
    after = "".join(rf"(?!\s{re.escape(normalize(w, language))}(?!\w))" for w in not_after)
    alternatives.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w){before}(?:{'|'.join(alternatives)})(?!\w){after}")


def _phrase_regex(phrase: str, language: str) -> str:
    """'transfer* ~ technolog*': '*' ends a word freely, '~' skips a few words (GAP_WORDS).

    Trailing '!word' items name what may not follow this phrase ('nâng cao năng lực !khám':
    the capacity to treat patients is no training); '_' joins the words of such an item.
    """
    words = phrase.split()
    forbidden = [w[1:].replace("_", " ") for w in words if w.startswith("!")]
    regex = ""
    for word in (w for w in words if not w.startswith("!")):
        if word == "~":
            regex += rf"(?:\w+\s){{0,{GAP_WORDS[language]}}}"
            continue
        piece = re.escape(normalize(word.rstrip("*"), language))
        regex += piece + (r"\w*" if word.endswith("*") else "") + r"\s"
    regex = regex.removesuffix(r"\s")
    if forbidden:
        after = "|".join(re.escape(normalize(w, language)) for w in forbidden)
        regex += rf"(?!\s(?:{after})(?!\w))"
    return regex


@cache
def vocabulary() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def area_codes() -> list[str]:
    """The codes this module can report, in the order of the lexicon."""
    return list(vocabulary()["areas"])


@cache
def lexicon(language: str) -> Lexicon:
    data = vocabulary()
    strong, weak, acronyms = {}, {}, {}
    first_words: dict[tuple[str, str], frozenset[str]] = {}
    for code, entry in data["areas"].items():
        exclusions = (entry.get("not_before", {}).get(language, []),
                      entry.get("not_after", {}).get(language, []))
        for table, key in ((strong, "strong"), (weak, "weak")):
            phrases = entry.get(key, {}).get(language, [])
            pattern = phrase_pattern(phrases, language, *exclusions)
            if pattern is not None:
                table[code] = pattern
                first_words[(key, code)] = frozenset(_first_word(p, language) for p in phrases)
        if entry.get("acronyms"):
            acronyms[code] = re.compile(
                rf"(?<![\w/-])(?:{'|'.join(map(re.escape, entry['acronyms']))})(?![\w-])")
    all_first = {w for words in first_words.values() for w in words}
    return Lexicon(strong, weak, acronyms,
                   phrase_pattern(data["context"][language], language),
                   phrase_pattern(data["cooperation_article"][language], language),
                   _pair_pattern(data["pairing"], language), first_words,
                   re.compile(rf"(?<!\w)(?:{trie_regex(all_first)})"))


def _first_word(phrase: str, language: str) -> str:
    """The literal start of a phrase's first word ('transfer* ~ technolog*' -> 'transfer')."""
    for word in phrase.split():
        if word != "~" and not word.startswith("!"):
            return normalize(word.rstrip("*"), language).split(" ")[0]
    return ""


def _word_openings(normal: str, lex: Lexicon) -> set[str]:
    """Every first word of the lexicon that opens a word of `normal` (as a prefix)."""
    openings = {""}  # a phrase without a literal first word is always tried
    for match in lex.first_word_finder.finditer(normal):
        found = match.group()
        # the finder takes the longest first word at a place; the shorter ones it contains
        # ('train' in 'training') open that word too
        openings.update(found[:k] for k in range(1, len(found) + 1))
    return openings


def _pair_pattern(pairing: dict, language: str) -> re.Pattern:
    """A gap of "and", "et de la", "và": a conjunction, then articles or prepositions."""
    def words(key: str) -> str:
        return "|".join(re.escape(normalize(w, language)) for w in pairing[key][language])

    return re.compile(rf"\s(?:{words('conjunctions')})(?:\s(?:{words('linking_words')}))*\s")


def find_areas(context: Context) -> list[str]:
    """Area codes of the fields in which the article reports or proposes cooperation."""
    languages = [context.language] if context.language in LANGUAGES else list(LANGUAGES)
    texts = [s.text for s in context.sentences]
    if context.title:
        texts.append(context.title)
    found: set[str] = set()
    for language in languages:
        found |= areas_in_texts(texts, language)
    return [code for code in area_codes() if code in found]


@dataclass(frozen=True)
class TextReading:
    """What one text (a sentence) says about areas, before the article's context is known."""

    cooperation: bool  # speaks of cooperation (organization names included)
    strong: frozenset[str]
    weak: frozenset[str]
    in_context: bool  # a cooperation sentence, or a list of fields
    names_a_pair: bool  # two fields joined as a pair ("education and research")


@lru_cache(maxsize=8192)
def read_text(text: str, language: str) -> TextReading:
    """Cached: the stages ask about the same sentences several times."""
    lex = lexicon(language)
    # a department of international cooperation taking part still makes it about cooperation
    cooperation = bool(lex.cooperation.search(normalize(text, language)))
    raw = without_names(text, language)
    normal = normalize(raw, language)
    openings = _word_openings(normal, lex)
    spans = sorted((m.start(), m.end(), code, key == "strong")
                   for table, key in ((lex.strong, "strong"), (lex.weak, "weak"))
                   for code, p in table.items()
                   if not lex.first_words[(key, code)].isdisjoint(openings)
                   for m in p.finditer(normal))
    strong = {code for _, _, code, is_strong in spans if is_strong}
    strong |= {code for code, p in lex.acronyms.items() if p.search(raw)}
    weak = {code for _, _, code, is_strong in spans if not is_strong} - strong
    in_context = bool(lex.context.search(normal)) or len(strong | weak) >= LIST_SIZE
    return TextReading(cooperation, frozenset(strong), frozenset(weak), in_context,
                       _names_a_pair(normal, spans, lex))


def areas_in_texts(texts: list[str], language: str) -> set[str]:
    readings = [read_text(text, language) for text in texts]
    about_cooperation = any(reading.cooperation for reading in readings)
    found: set[str] = set()
    for reading in readings:
        if reading.in_context or (about_cooperation and reading.names_a_pair):
            found |= reading.strong | reading.weak
        elif about_cooperation:
            found |= reading.strong
    return found


def _names_a_pair(text: str, spans: list[tuple[int, int, str, bool]], lex: Lexicon) -> bool:
    """Two different fields joined by a conjunction ("for education and research purposes",
    "à des fins d'éducation et de recherche"): a short list of fields, like a longer one.
    `spans` are the fields' matches in `text`, in order."""
    return any(first[2] != second[2] and lex.pair.fullmatch(text[first[1]:second[0]])
               for first, second in pairwise(spans))


NAME_WORD = re.compile(r"\w[\w-]*|[–&]")
BREAK = re.compile(r"[,;:.()\[\]«»\"“”]")


def without_names(text: str, language: str) -> str:
    """The text with organization names blanked out.

    A department or an agency named after a field ("Department of Maternal and Child Health",
    "Cục Y tế Dự phòng") says nothing about the fields of cooperation. A name is a head word
    ("Department", "Cục") followed by capitalised words, joined by "of", "de", "và"... (in
    English also preceded by them: "Drug Administration"); in Vietnamese a capitalised syllable
    may carry one lower-case syllable ("Y tế", "Sức khỏe").
    """
    heads = _organization_heads(language)
    connectors = set(vocabulary()["name_connectors"])
    words = list(NAME_WORD.finditer(text))
    spans = []
    i = 0
    while i < len(words):
        head = _head_at(words, i, heads)
        if not head:
            i += 1
            continue
        j, last_capital = i + head, None
        while j < len(words) and not BREAK.search(text[words[j - 1].end():words[j].start()]):
            word = words[j].group()
            if word[0].isupper():
                last_capital = j
            elif not _continues_name(words, j, last_capital, connectors, language):
                break
            j += 1
        first = _name_start(text, words, i) if language == "en" else i
        if last_capital is not None or first < i:
            spans.append((words[first].start(), words[max(j - 1, i)].end()))
        i = max(j, i + 1)
    for start, end in reversed(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _name_start(text: str, words: list[re.Match], i: int) -> int:
    """English names put their modifiers first: "Food and Drug Administration"."""
    start = i
    while start > 0 and not BREAK.search(text[words[start - 1].end():words[start].start()]):
        word = words[start - 1].group()
        joined = word in ("and", "&") and start > 1 and words[start - 2].group()[0].isupper()
        if not (word[0].isupper() or joined):
            break
        start -= 1
    return start


def _continues_name(words: list[re.Match], j: int, last_capital: int | None,
                    connectors: set[str], language: str) -> bool:
    """A lower-case word inside a name: a connector before a capital ("of Child"), or in
    Vietnamese the second syllable of a capitalised word ("Y tế")."""
    word = words[j].group()
    if word.lower() in connectors and j + 1 < len(words):
        return words[j + 1].group()[0].isupper()
    return language == "vi" and last_capital == j - 1


def _head_at(words: list[re.Match], i: int, heads: dict[str, list[list[str]]]) -> int:
    """How many words the organization head at words[i] spans (0 when there is none)."""
    for parts in heads.get(words[i].group(), ()):
        if [w.group() for w in words[i:i + len(parts)]] == parts:
            return len(parts)
    return 0


@cache
def _organization_heads(language: str) -> dict[str, list[list[str]]]:
    """Head words by their first word, longest first ("Bệnh viện" before "Bệnh")."""
    heads: dict[str, list[list[str]]] = {}
    for head in sorted(vocabulary()["organization_heads"].get(language, []), key=len,
                       reverse=True):
        parts = head.split()
        heads.setdefault(parts[0], []).append(parts)
    return heads


def sentence_areas(text: str, language: str) -> set[str]:
    """Areas named in one sentence, whatever its context (for agreements' own areas)."""
    lex = lexicon(language)
    text = without_names(text, language)
    normalized = normalize(text, language)
    found = {code for code, p in lex.strong.items() if p.search(normalized)}
    found |= {code for code, p in lex.weak.items() if p.search(normalized)}
    found |= {code for code, p in lex.acronyms.items() if p.search(text)}
    return found
