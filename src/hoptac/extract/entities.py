"""Persons and organizations, with aliases, roles, countries and mentions (English, French).

Vietnamese articles go to hoptac.extract.vietnamese. For English and French the spaCy models
give person candidates, but their organization spans are unreliable on this news (the French
model tags "Hôpital E" and "CHU Clermont-Ferrand" as places, the English one tags "Việt Nam" as
an organization), so organizations come mainly from a small grammar: a head noun
(data/organizations.json: ministère, Hospital, Université...) and what may follow it (names,
nationality adjectives, "de la Santé", an acronym in parentheses). The model's ORG spans are
kept only where they name something the grammar cannot (companies, bodies without a head noun).

Persons come from the model, from honorifics ("Dr", "Professeur") and from Vietnamese surnames
(data/entity_names.json); titles before or after a name (data/titles.json) give roles, the
organization named in the title and the person's country.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from hoptac.extract import countries
from hoptac.extract.context import Context, Sentence
from hoptac.extract.countries import fold, strip_accents
from hoptac.extract.trie import trie_regex

DATA = Path(__file__).parent / "data"

TOKEN = re.compile(
    r"(?P<elision>\b(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w))"
    r"|(?P<poss>['’]s\b)"
    r"|(?P<word>\w+(?:[-&]\w+)*)"
    r"|(?P<punct>\S)"
)
ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&-]{1,9}$")  # MEAE, BfArM
FUNCTION_WORDS = {
    "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "of", "for", "and", "the", "en", "au",
    "aux", "a", "à", "in", "on", "to", "sur", "pour", "l’", "d’", "&",
}
# a title's list of fields ends with one capitalised field after these ("... and Energy")
COORDINATORS = {"and", "et", "&"}
CAPITALISED_STOPWORDS = {
    "the", "a", "an", "le", "la", "les", "l'", "un", "une", "this", "that", "these", "on", "in",
    "at", "for", "with", "by", "from", "to", "of", "and", "but", "as", "ce", "cette", "ces", "il",
    "elle", "ils", "elles", "selon", "lors", "dans", "pour", "avec", "par", "en", "au", "aux",
    "depuis", "since", "during", "after", "before", "currently", "speaking", "mr", "ms", "mrs",
    "dr", "it", "he", "she", "they", "we", "our", "its", "their", "his", "her", "both", "all",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche",
}
CREDIT_BEFORE = re.compile(
    r"(?:photos?|ảnh|texte|text|source|crédits?|credits?|illustration|translated|written|"
    r"reported|edited|traduit|rédigé)(?:\s+(?:by|par))?\s*[:/]?\s*$", re.I)
VERB_POS = {"VERB", "AUX"}
PURPOSE_KINDS = {"agency", "other", "international", "association"}  # "... pour le développement"
SENTENCE_END = {".", ";", ":", "!", "?", "|", "«", "»", "\"", "“", "”", "(", ")", "–", "—"}


# ----------------------------------------------------------------------------- data


@cache
def _json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Lexicon:
    heads: dict[str, dict[str, dict]]  # language -> folded head -> spec
    head_lengths: tuple[int, ...]
    head_first_words: frozenset[str]  # first word of every head, to skip most tokens at once
    name_adjectives: frozenset[str]
    domain_nouns: frozenset[str]
    appositive_types: dict[str, str]
    reject: frozenset[str]
    not_body_endings: frozenset[str]
    known: tuple[dict, ...]
    event_words: frozenset[str]
    media_words: frozenset[str]
    title_domains: frozenset[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    honorifics: frozenset[str]
    skip_before_title: frozenset[str]
    surnames: frozenset[str]
    korean_surnames: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    place_nouns: frozenset[str]


def _head_keys(head: str) -> set[str]:
    """How a head reads in tokens: folded, an elision split off as its own token, with either
    apostrophe ("groupe d'hôpitaux" -> "groupe d' hopitaux", "groupe d’ hopitaux")."""
    key = re.sub(r"(['’])\s*", r"\1 ", fold(head))
    return {key, key.replace("'", "’"), key.replace("’", "'")}


@cache
def lexicon() -> Lexicon:
    orgs = _json("organizations.json")
    titles = _json("titles.json")
    names = _json("entity_names.json")
    heads = {lang: {key: spec for h, spec in table.items() for key in _head_keys(h)}
             for lang, table in orgs["heads"].items()}
    heads["*"] = {k: v for table in list(heads.values()) for k, v in table.items()}
    lengths = sorted({len(h.split()) for table in heads.values() for h in table}, reverse=True)
    return Lexicon(
        heads=heads,
        head_lengths=tuple(lengths),
        head_first_words=frozenset(h.split()[0] for table in heads.values() for h in table),
        name_adjectives=frozenset(fold(w) for w in orgs["name_adjectives"]),
        domain_nouns=frozenset(fold(w) for w in orgs["domain_nouns"]),
        appositive_types={fold(k): v for k, v in orgs["appositive_types"].items()},
        reject=frozenset(fold(w) for w in orgs["reject"]),
        not_body_endings=frozenset(fold(w) for w in orgs["not_body_endings"]),
        known=tuple(orgs["known"]),
        event_words=frozenset(fold(w) for w in orgs["event_words"]),
        media_words=frozenset(fold(w) for w in orgs["media_words"]),
        title_domains=frozenset(fold(w) for w in orgs["title_domains"]),
        title_heads=frozenset(fold(w) for w in titles["heads"]),
        title_modifiers=frozenset(fold(w) for w in titles["modifiers"]),
        honorifics=frozenset(titles["honorifics"]),
        skip_before_title=frozenset(fold(w) for w in titles["skip_before_title"]),
        surnames=frozenset(names["vietnamese_surnames"]),
        korean_surnames=frozenset(names["korean_surnames"]),
        particles=frozenset(names["particles"]),
        not_names=frozenset(names["not_names"]),
        place_nouns=frozenset(fold(w) for w in names["place_nouns"]),
    )


# ----------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class Token:
    text: str
    start: int  # article offsets
    end: int
    kind: str  # word, elision, poss, punct
    pos: str = ""  # spaCy coarse part of speech when known
    # set once from the above: the rules read them many times
    low: str = field(init=False)
    is_word: bool = field(init=False)
    is_cap: bool = field(init=False)

    def __post_init__(self) -> None:
        self.low = _fold_word(self.text)
        self.is_word = self.kind == "word"
        self.is_cap = self.is_word and self.text[:1].isupper()


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def tokenize(sentence: Sentence) -> list[Token]:
    """Word tokens of a sentence with article offsets, French elisions split off."""
    pos_at: dict[int, str] = {}
    if sentence.doc is not None:
        pos_at = {tok.idx: tok.pos_ for tok in sentence.doc}
    offset = sentence.start
    return [Token(match.group(), offset + match.start(), offset + match.end(),
                  match.lastgroup or "punct", pos_at.get(match.start(), ""))
            for match in TOKEN.finditer(sentence.text)]


def is_title_word(token: Token) -> bool:
    return _is_title_low(token.low)


@cache
def _is_title_low(low: str) -> bool:
    heads = lexicon().title_heads
    return low in heads or any(part in heads for part in low.split("-"))


def is_honorific(text: str) -> bool:
    return text in lexicon().honorifics or text.rstrip(".") in lexicon().honorifics


# ----------------------------------------------------------------------------- organizations


@dataclass
class OrgMention:
    start: int
    end: int
    text: str
    kind: str
    country: str | None = None
    acronym: str | None = None
    explicit_country: bool = False  # the name itself says the country
    source: str = "grammar"
    key_text: str | None = None  # what to merge on when the text lacks its head noun


def _head_at(tokens: list[Token], i: int, language: str,
             allow_lower: bool = False) -> tuple[int, dict] | None:
    lex = lexicon()
    if i >= len(tokens) or tokens[i].low not in lex.head_first_words:
        return None
    heads = lex.heads.get(language) or lex.heads["*"]
    for length in lex.head_lengths:
        group = tokens[i:i + length]
        if len(group) < length or not group[0].is_word \
                or not all(t.kind in ("word", "elision") for t in group):
            continue
        spec = heads.get(" ".join(t.low for t in group))
        if spec is None:
            continue
        first = group[0].text
        if spec.get("upper") and not first.isupper():
            continue
        if not spec.get("lower_ok") and not first[:1].isupper() and not allow_lower:
            continue
        return length, spec
    return None


ADJECTIVE_ENDING = re.compile(r"(?:ique|aire|al|ale|aux|el|elle|ier|ière|aque|ères?|iste)s?$")


def _is_name_adjective(token: Token) -> bool:
    if not token.is_word or token.text[:1].isupper():
        return False
    low = token.low
    if low in lexicon().name_adjectives or countries.nationality_code(token.text):
        return True
    if "-" in low and countries.country_mentions(token.text):
        return True  # franco-vietnamienne
    return token.pos == "ADJ" and bool(ADJECTIVE_ENDING.search(low))


def _is_domain_noun(token: Token) -> bool:
    if not token.is_word or token.text[:1].isupper():
        return False
    return token.low in lexicon().domain_nouns


def _connector_length(tokens: list[Token], j: int, language: str) -> int:
    """How many tokens from j form a connector inside a name (de la, of the, d')."""
    if j >= len(tokens):
        return 0
    low = tokens[j].low
    if language != "en" and low in ("de", "du", "des", "d'", "d’"):
        nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
        return 2 if low == "de" and nxt in ("la", "l'", "l’") else 1
    if low in ("of", "for", "on"):
        nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
        return 2 if nxt == "the" else 1
    if low == "de" and tokens[j].text == "de":
        return 1
    return 0


def _org_extent(tokens: list[Token], i: int, length: int, spec: dict, language: str,
                blocked: set[int]) -> tuple[int, int, str | None]:
    """(first, last+1) token indices of the organization whose head is at i, and its acronym."""
    first, j = i, i + length
    last = j
    acronym = None
    english = language == "en"
    if english:
        first = _extend_backwards(tokens, i)
    embassy = spec.get("kind") == "embassy"
    while j < len(tokens):
        tok = tokens[j]
        if tok.start in blocked and (english or j > i + length):
            break  # "ministère de la Santé | Dao Hong Lan", but "Hôpital Le Van Thinh"
        if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" \
                and ACRONYM.match(tokens[j + 1].text):
            inner = any(_head_at(tokens, n, language) for n in range(i + length, j))
            if inner or countries.country_code(tokens[j + 1].text):
                break  # the acronym of a body named inside this one, or of a country (RoK)
            acronym = tokens[j + 1].text
            j += 3
            last = j
            continue
        if english and tok.is_cap and _after_country_complement(tokens, i + length, j):
            break  # "Ministry of Health, Labor and Welfare of Japan | Shiozaki Akihisa"
        if tok.is_cap and not _name_stop(tokens, j) and not is_title_word(tok):
            j += 1
            last = j
            continue
        if tok.text.isdigit() and len(tok.text) <= 4 and tokens[j - 1].is_cap \
                and (j + 1 >= len(tokens) or not tokens[j + 1].is_word
                     or not tokens[j + 1].text[:1].islower() or english):
            j += 1  # "Military Hospital 175", "Hôpital 108"
            last = j
            continue
        if tok.text in ("-", "–") and tokens[j - 1].is_cap and j + 1 < len(tokens) \
                and tokens[j + 1].is_cap and countries.country_code(tokens[j + 1].text):
            j += 2  # "Vietnam - France", "Vietnam–France"
            last = j
            continue
        if tok.low == "pour" and not english and spec.get("kind") in PURPOSE_KINDS \
                and not any(t.is_cap for t in tokens[i + length:j]) and j + 2 < len(tokens) \
                and tokens[j + 1].low in ("le", "la", "l'", "l’") \
                and _is_domain_noun(tokens[j + 2]):
            j += 3  # "Agence française pour le développement"
            last = j
            continue
        if not english and _is_name_adjective(tok):
            j += 1
            last = j
            continue
        low = tok.low
        if low == "et" and not english and j + 1 < len(tokens) \
                and _is_domain_noun(tokens[j - 1]) and _is_domain_noun(tokens[j + 1]):
            j += 2  # "Hôpital universitaire de médecine et pharmacie"
            last = j
            continue
        if low in ("et", "and", "&"):
            after = j + 1
            conn = _connector_length(tokens, after, language) if not english else 0
            target = after + conn
            after_connector = any(t.low in ("of", "for", "on") for t in tokens[i + length:j])
            if target < len(tokens) and (conn or (english and after_connector)) \
                    and not ACRONYM.match(tokens[target].text) \
                    and _complement_ok(tokens, target, language, allow_head=False) \
                    and not _run_has_head_or_country(tokens, target, language):
                j = target + 1
                last = j
                continue
            break
        if tok.text == "," and english and _english_list_inside(tokens, j + 1, language):
            j += 1  # "Ministry of Labour, Invalids and Social Affairs"
            continue
        if tok.text == "," and not english and j + 1 < len(tokens):
            conn = _connector_length(tokens, j + 1, language)
            target = j + 1 + conn
            if conn and target < len(tokens) and _list_item_ok(tokens, target, language) \
                    and _list_closes(tokens, target + 1):
                j = target + 1  # "Administration des sciences, des technologies et de la ..."
                last = j
                continue
            break
        conn = _connector_length(tokens, j, language)
        if conn:
            target = j + conn
            if target < len(tokens) and tokens[target].start not in blocked \
                    and _complement_ok(tokens, target, language, allow_head=True):
                j = target + 1
                last = j
                continue
            break
        if embassy and low in ("au", "aux", "en", "a", "in", "to") and j + 1 < len(tokens) \
                and tokens[j + 1].is_cap:
            j += 2
            last = j
            continue
        break
    return first, last, acronym


def _after_country_complement(tokens: list[Token], start: int, j: int) -> bool:
    """Whether the name so far ends with "of <country>": nothing capitalised follows that."""
    k = j
    while k > start and tokens[k - 1].is_cap:
        k -= 1
    if k in (j, start) or tokens[k - 1].low not in ("of", "the"):
        return False
    return countries.country_code(" ".join(t.text for t in tokens[k:j])) is not None


def _english_list_inside(tokens: list[Token], k: int, language: str) -> bool:
    """Whether ", Invalids and Social Affairs" continues a name: capitalised words, no body of
    their own, closed by "and" and a capitalised word within a few words."""
    n = k
    while n < len(tokens) and tokens[n].is_cap:
        n += 1
    if n == k or n >= len(tokens) - 1 or tokens[n].low not in ("and", "&"):
        return False
    return tokens[n + 1].is_cap and not _run_has_head_or_country(tokens, k, language) \
        and not _run_has_head_or_country(tokens, n + 1, language)


def _list_item_ok(tokens: list[Token], k: int, language: str) -> bool:
    """An item of a comma list inside a French name: a domain noun, lowercase or capitalised
    ("ministère de la Santé, du Travail et du Bien-être"), never another body or a country."""
    tok = tokens[k]
    if _is_domain_noun(tok):
        return True
    return tok.is_cap and _complement_ok(tokens, k, language, allow_head=False) \
        and not _run_has_head_or_country(tokens, k, language)


def _list_closes(tokens: list[Token], k: int) -> bool:
    """Whether a comma list inside a name ends with "et de/des ..." a few words later."""
    for n in range(k, min(k + 6, len(tokens) - 1)):
        if tokens[n].text in SENTENCE_END or tokens[n].text == ",":
            continue
        if tokens[n].low == "et" and tokens[n + 1].low in ("de", "des", "du", "d'", "d’"):
            return True
    return False


def _complement_ok(tokens: list[Token], k: int, language: str, allow_head: bool) -> bool:
    tok = tokens[k]
    if tok.is_cap:
        if not allow_head and _head_at(tokens, k, language):
            return False
        return tok.low not in CAPITALISED_STOPWORDS and not is_title_word(tok)
    if language == "en":
        return False
    if _is_domain_noun(tok) or (tok.pos == "NOUN" and tok.is_word and len(tok.text) > 3):
        return True
    # after "d'" comes a noun, whatever the model calls it ("Hôpital national d'acupuncture");
    # not an infinitive ("d'organiser") nor an adjective of a noun after it ("d'autres projets")
    return tok.is_word and len(tok.text) > 3 and tokens[k - 1].low in ("d'", "d’") \
        and not tok.low.endswith(("er", "ir")) and not ADJECTIVE_ENDING.search(tok.low) \
        and not countries.nationality_code(tok.text) and not _lowercase_noun_at(tokens, k + 1)


def _lowercase_noun_at(tokens: list[Token], k: int) -> bool:
    """Whether a lowercase content word stands at k ("d'autres | projets")."""
    return k < len(tokens) and tokens[k].is_word and not tokens[k].is_cap \
        and tokens[k].low not in FUNCTION_WORDS


def _run_has_head_or_country(tokens: list[Token], k: int, language: str) -> bool:
    """True when the capitalised run from k starts another body or is a country."""
    j = k
    while j < len(tokens) and tokens[j].is_cap:
        if _head_at(tokens, j, language):
            return True
        j += 1
    run = " ".join(t.text for t in tokens[k:j])
    return bool(run) and countries.country_code(run) is not None


def _starts_city(tokens: list[Token], k: int) -> bool:
    """"Thai Binh": a word that would be a nationality opens a known place name."""
    return any(countries.city_code(" ".join(t.text for t in tokens[k:k + n]))
               for n in (2, 3) if k + n <= len(tokens))


def _name_stop(tokens: list[Token], k: int) -> bool:
    """A capitalised function word that cannot be inside a name; "An" and "La" may, after a
    capitalised word (Long An, Sơn La)."""
    low = tokens[k].low
    if low not in CAPITALISED_STOPWORDS:
        return False
    after_name = k > 0 and tokens[k - 1].is_cap and tokens[k - 1].low not in CAPITALISED_STOPWORDS
    return not (low in ("an", "la", "le") and after_name)


def _run_has_head(tokens: list[Token], k: int) -> bool:
    """Whether the capitalised run ending at k holds a head noun or completes one ("Ministry
    of Health and ..."): a body of its own."""
    while k >= 0 and tokens[k].is_cap:
        if _head_at(tokens, k, "en"):
            return True
        k -= 1
    if k >= 1 and tokens[k].low in ("of", "for", "on") and is_title_word(tokens[k - 1]):
        return False  # "Deputy Minister of | Foreign Trade and Investment Ministry"
    return k >= 0 and tokens[k].low in ("of", "for", "on", "the")


def _extend_backwards(tokens: list[Token], i: int) -> int:
    """English names put proper nouns before the head: Hanoi Medical University."""
    k = i - 1
    while k >= 0:
        tok = tokens[k]
        if tok.low in ("and", "&") and k > 0 and tokens[k - 1].is_cap \
                and not _run_has_head(tokens, k - 1) and not ACRONYM.match(tokens[k + 1].text) \
                and not countries.country_code(tokens[k - 1].text):
            k -= 1  # "Foreign Trade and Investment Ministry"
            continue
        if tok.text in ("-", "–") and 0 < k < i - 1 and tokens[k - 1].is_cap \
                and countries.country_code(tokens[k - 1].text) \
                and countries.country_code(tokens[k + 1].text):
            k -= 1  # "Vietnam - Japan Friendship Association"
            continue
        french_article = tok.low in ("le", "la") and tok.text[:1].isupper()
        if not tok.is_cap or (_name_stop(tokens, k) and not french_article) \
                or is_title_word(tok) or is_honorific(tok.text) \
                or re.search(r"-[a-z]+$", tok.text):
            break  # "Ho Chi Minh City-based | Cho Ray Hospital"
        if countries.nationality_code(tok.text) and not countries.country_code(tok.text) \
                and not _starts_city(tokens, k):
            break
        k -= 1
    return k + 1


def _org_country(context_text: str, start: int, end: int, kind: str, tokens: list[Token],
                 first: int, host: str) -> tuple[str | None, bool]:
    """The country an organization name states: a possessive or adjective right before it
    ("Viet Nam's Ministry of Health", "the French Embassy in Vietnam"), a nationality
    adjective or country in it, or a known city in it. A name with two countries
    ("Association d'amitié Vietnam-France") belongs to the host when the host is one of them,
    except an embassy, which belongs to the first ("ambassade de France au Vietnam")."""
    before = _country_before(tokens, first)
    if before:
        return before, True
    name = context_text[start:end]
    found = [code for _, _, code in countries.country_mentions(name)]
    if found:
        if kind != "embassy" and len(set(found)) > 1 and host in found:
            return host, True
        return found[0], True
    cities = countries.city_mentions(name)
    if cities:
        return cities[0][2], True
    return None, False


def _country_before(tokens: list[Token], first: int) -> str | None:
    before = tokens[first - 1] if first > 0 else None
    if before is None:
        return None
    if before.kind == "poss" and first > 1:
        return countries.country_code(_run_before(tokens, first - 1))
    if _starts_city(tokens, first - 1):
        return None
    return countries.nationality_code(before.text)


def _located_in(tokens: list[Token], k: int) -> str | None:
    """"l'Université de Nagasaki au Japon", "le groupe d'hôpitaux Apollo à New Delhi": the
    country or known city named right after a body; or the country set off by a comma
    ("Foreign Trade and Investment Ministry, the Republic of Cuba")."""
    if k < len(tokens) and tokens[k].text == ",":
        return _apposed_country(tokens, k + 1)
    if k >= len(tokens) or tokens[k].low not in ("au", "aux", "en", "in", "a"):
        return None
    for n in (3, 2, 1):
        words = tokens[k + 1:k + 1 + n]
        if len(words) == n and all(t.is_word for t in words):
            name = " ".join(t.text for t in words)
            code = countries.country_code(name) or countries.city_code(name)
            if code:
                return code
    return None


def _apposed_country(tokens: list[Token], k: int) -> str | None:
    """The country name that fills an apposition from k to the next punctuation."""
    if k < len(tokens) and tokens[k].low in ("the", "la", "le", "l'", "l’"):
        k += 1
    end = k
    while end < len(tokens) and tokens[end].kind in ("word", "elision"):
        end += 1
    if end == k or (end < len(tokens) and tokens[end].kind == "poss"):
        return None
    text = " ".join(t.text for t in tokens[k:end])
    found = countries.country_mentions(text)
    if len({code for _, _, code in found}) != 1:
        return None
    rest = text[:found[0][0]] + " " + text[found[-1][1]:]
    if all(fold(w) in countries.state_words() for w in rest.split()):
        return found[0][2]
    return None


def _run_before(tokens: list[Token], k: int) -> str:
    j = k
    while j > 0 and tokens[j - 1].is_cap:
        j -= 1
    return " ".join(t.text for t in tokens[j:k])


def _english_kind(tokens: list[Token], first: int, last: int, language: str) -> str | None:
    """English names end their head group with the noun that says what they are: "Wonkwang
    University Hospital of Korea" is a hospital."""
    if language != "en":
        return None
    kind = None
    for n in range(first, last):
        if tokens[n].low in ("of", "for", "on", "in"):
            break
        head = _head_at(tokens, n, language)
        if head:
            kind = head[1]["kind"]
    return kind


def _proper_after_head(tokens: list[Token], k: int, last: int) -> bool:
    """A lowercase head names a body only when a proper name follows it at once, perhaps
    after adjectives: "l'hôpital Bach Mai", "l'hôpital universitaire Rafic-Hariri"."""
    while k < last and _is_name_adjective(tokens[k]):
        k += 1
    return k < last and tokens[k].is_cap and not countries.place_code(tokens[k].text)


def _plural_complement(tokens: list[Token], k: int) -> bool:
    """Whether "des"/"of the ..." plus a plural noun follows, perhaps after adjectives."""
    while k < len(tokens) and _is_name_adjective(tokens[k]):
        k += 1
    return k + 1 < len(tokens) and tokens[k].low in ("des", "of") \
        and tokens[k + 1].low.endswith(("s", "x"))


def _coordinated_plurals(tokens: list[Token], first: int, i: int, length: int,
                         last: int) -> bool:
    """A plural head that ends the name, joined by "and" to a plural noun before it ("Drugs
    and Pharmaceuticals"), names a field, not a company."""
    head = tokens[i + length - 1].low
    before = [t.low for t in tokens[first:i]]
    return last == i + length and head.endswith("s") and len(before) == 2 \
        and before[1] in ("and", "&") and before[0].endswith("s")


def _nationality_embassy(tokens: list[Token], first: int, spec: dict, language: str) -> bool:
    """"the Danish Embassy": an English embassy named by its nationality adjective alone."""
    before = tokens[first - 1] if first > 0 else None
    return language == "en" and spec.get("kind") == "embassy" and before is not None \
        and before.is_cap and bool(countries.nationality_code(before.text)) \
        and not _starts_city(tokens, first - 1)


def _grammar_orgs(context: Context, tokens_by_sentence: list[list[Token]],
                  person_starts: set[int], host: str) -> list[OrgMention]:
    found: list[OrgMention] = []
    for tokens in tokens_by_sentence:
        for i in range(len(tokens)):
            head = _head_at(tokens, i, context.language, allow_lower=context.language != "en")
            if head is None:
                continue
            length, spec = head
            first, last, acronym = _org_extent(tokens, i, length, spec, context.language,
                                               person_starts)
            if last - first <= length and not spec.get("standalone") \
                    and not _nationality_embassy(tokens, first, spec, context.language):
                continue  # a bare head ("le ministère", "the Ministry") names nothing
            if spec.get("plural_complement") and not _plural_complement(tokens, i + length):
                continue  # "l'Ordre du Travail" is a decoration, "l'Ordre des médecins" a body
            if not spec.get("lower_ok") and tokens[i].text[:1].islower() and not (
                    (spec["kind"] in ("hospital", "university") or tokens[i].low == "institut")
                    and _proper_after_head(tokens, i + length, last)):
                continue  # "l'hôpital Bach Mai" names one, "les hôpitaux de la ville" none
            start, end = tokens[first].start, tokens[last - 1].end
            if countries.place_code(context.text[start:end]):
                continue  # "Fédération de Russie" is a country
            if _coordinated_plurals(tokens, first, i, length, last):
                continue  # "Drugs and Pharmaceuticals" is a field of cooperation
            kind = _english_kind(tokens, first, last, context.language) or spec["kind"]
            country, explicit = _org_country(context.text, start, end, kind, tokens,
                                             first, host)
            if context.language == "en" and first > 0 and tokens[first - 1].is_cap \
                    and countries.nationality_code(tokens[first - 1].text) \
                    and not _starts_city(tokens, first - 1):
                first -= 1  # "the French Embassy in Vietnam" keeps its adjective
                start = tokens[first].start
            if not explicit:
                country = _known_country_inside([context.text[start:end]]) \
                    or _located_in(tokens, last) or country
                explicit = country is not None
            found.append(OrgMention(start, end, context.text[start:end], kind, country,
                                    acronym, explicit))
    return found


def _model_orgs(context: Context, taken: list[tuple[int, int]]) -> list[OrgMention]:
    """ORG spans of the spaCy model that name a body the grammar has not found."""
    found = []
    for sentence in context.sentences:
        for label, start, end, text in sentence.ents():
            if label != "ORG":
                continue
            start, end, text = _trim_determiners(context.text, start, end)
            owner = re.match(r"^(.+?)['’]s\s+", text)
            if owner and countries.place_code(owner.group(1)):
                start += owner.end()  # "US’s Resolve to Save Lives": the owner is a country
            end = start + len(_capitalised_part(context.text[start:end]))
            text = context.text[start:end]
            if not text or _overlaps(start, end, taken) or not _plausible_org_name(text):
                continue
            if _in_quotes(context.text, start) or _plural_head(text, context.language):
                continue
            after = re.match(r"\s*([\w-]+)", context.text[end:end + 40])
            if after and fold(after.group(1)) in lexicon().title_heads:
                continue  # "International Relations" of "International Relations Director"
            if len(text.split()) == 1 and len(re.findall(
                    rf"(?<![\w-]){re.escape(text)}(?![\w-])", context.text)) < 2:
                continue  # one capitalised word named once: too often a place or a word
            if _names_an_event(context.text, start, end):
                continue
            named = countries.country_mentions(text) or countries.city_mentions(text)
            kind = "media" if fold(text.split()[-1]) in lexicon().media_words else "other"
            found.append(OrgMention(start, end, text, kind, named[0][2] if named else None,
                                    source="model", explicit_country=bool(named)))
    return found


CAPITALISED_RUN_AFTER = re.compile(r"(?:[ \t]+(?:(?:and|of|for|&|et|de|du|des)[ \t]+)?"
                                   r"(?:\d+\w*|[A-ZÀ-ÖØ-ÞĀ-ỸĐ][\w'’-]*))*")


def _names_an_event(text: str, start: int, end: int) -> bool:
    """"Global Healthcare" inside "the 10th Global Healthcare and Medical Tourism Conference"
    or "Korea-Vietnam Economic Cooperation Forum": the capitalised run names an event."""
    run = CAPITALISED_RUN_AFTER.match(text, end)
    before = re.search(r"(?:[A-ZÀ-ÖØ-ÞĀ-ỸĐ\d][\w'’-]*[ \t]+)*$", text[max(0, start - 80):start])
    words = re.findall(r"[\w'’-]+", (before.group() if before else "") + text[start:run.end()])
    events = lexicon().event_words
    return any(fold(w) in events for w in words)


def _capitalised_part(text: str) -> str:
    """The name part of a model span: "Politburo relative aux" -> "Politburo"."""
    words = list(re.finditer(r"[\w'’-]+", text))
    end = 0
    for n, word in enumerate(words):
        w = word.group()
        if w[:1].isupper() or w[:1].isdigit():
            end = word.end()
            continue
        nxt = words[n + 1].group() if n + 1 < len(words) else ""
        if fold(w) in FUNCTION_WORDS and nxt[:1].isupper():
            continue
        break
    return text[:end]


def _plural_head(text: str, language: str) -> bool:
    """"Ministries of National Defence and Health" names two bodies, not one."""
    first = fold(text.split()[0])
    heads = lexicon().heads.get(language, {})
    singulars = {first[:-3] + "y", first[:-1], first[:-1].replace("aux", "al")}
    return first not in heads and any(s in heads for s in singulars if s)


def _trim_determiners(text: str, start: int, end: int) -> tuple[int, int, str]:
    piece = text[start:end]
    if re.search(r"['’]s$", piece):
        end -= 2
        piece = text[start:end]
    match = re.match(r"^(?:the|The|le|Le|la|La|les|Les|l['’]|L['’])\s*", piece)
    if match:
        start += match.end()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")":
        end -= 1
    return start, end, text[start:end]


def _plausible_org_name(text: str) -> bool:
    lex = lexicon()
    if not text[:1].isupper() or fold(text) in lex.reject:
        return False
    words = re.findall(r"\w+", text)
    if words and fold(words[0]) in lex.reject or " - " in text:
        return False
    if words and fold(words[-1]) in lex.not_body_endings:
        return False  # "Green Strategic Partnership", "Kansai Region"
    if len(words) > 1 and lex.heads["*"].get(fold(words[0]), {}).get("plural_complement") \
            and fold(words[1]) not in ("des", "of"):
        return False  # "Ordre du Travail" is a decoration
    if fold(text) in lex.heads["*"] or fold(text) in {"service", "services"}:
        return False  # a bare head noun ("Service", "Hospital") names no one body
    if any(is_honorific(w) for w in text.split()) or text.count("(") != text.count(")"):
        return False
    if not words or any(w.isdigit() for w in words):
        return False
    if ACRONYM.match(text):
        return False  # bare acronyms only through a definition, initials or the known list
    if countries.place_code(text):
        return False
    if any(fold(w) in lex.title_heads for w in words):
        return False
    if all(fold(w) in lex.reject or fold(w) in lex.domain_nouns or fold(w) in FUNCTION_WORDS
           for w in words):
        return False
    return not any(countries.place_code(w) for w in words[:1]) or len(words) > 1


def _in_quotes(text: str, start: int) -> bool:
    """Whether `start` is inside a quotation opened on its line (“...", «...», "...")."""
    line = text[max(0, start - 120):start].rsplit("\n", 1)[-1]
    unclosed = line.count("«") + line.count("“") - line.count("»") - line.count("”")
    straight = line.count('"')
    closing = min(max(unclosed, 0), straight)  # “Title" closes with a straight quote
    return unclosed - closing > 0 or (straight - closing) % 2 == 1


def _appositive_orgs(context: Context, tokens_by_sentence: list[list[Token]],
                     taken: list[tuple[int, int]]) -> list[OrgMention]:
    """"Leem, l'organisation professionnelle des entreprises du médicament": a capitalised
    name followed by an apposition whose noun says what kind of body it is."""
    found = []
    types = lexicon().appositive_types
    for tokens in tokens_by_sentence:
        for k, tok in enumerate(tokens):
            if tok.text != "," or k == 0 or k + 2 >= len(tokens):
                continue
            j = k + 1
            while j < len(tokens) and tokens[j].low in lexicon().skip_before_title | {"l'", "l’"}:
                j += 1
            if j >= len(tokens) or tokens[j].low not in types:
                continue
            if j + 1 < len(tokens) and tokens[j + 1].kind == "poss":
                continue  # "Anna Schmidt, the institute's director" is about a person
            name_end = k
            name_start = name_end
            while name_start > 0 and tokens[name_start - 1].is_cap \
                    and tokens[name_start - 1].low not in CAPITALISED_STOPWORDS:
                name_start -= 1
            if name_start == name_end:
                continue
            start, end = tokens[name_start].start, tokens[name_end - 1].end
            text = context.text[start:end]
            if _overlaps(start, end, taken) or countries.place_code(text) \
                    or not _plausible_org_name(text) and not text.istitle():
                continue
            clause_end = next((t.start for t in tokens[j:] if t.text in SENTENCE_END | {","}),
                              tokens[-1].end)
            clause = context.text[tokens[j].start:clause_end]
            where = countries.country_mentions(clause)
            found.append(OrgMention(start, end, text, types[tokens[j].low],
                                    where[0][2] if where else None, source="appositive",
                                    explicit_country=bool(where)))
    return found


def _known_key(form: str) -> str:
    return form.replace("’", "'").lower()


@cache
def _known_pattern() -> tuple[re.Pattern, dict[str, dict]]:
    """One regex (a trie: longest form first) for every name and alias of the well-known bodies,
    blind to case and to the apostrophe's shape; _known_orgs decides which casings count."""
    by_form: dict[str, dict] = {}
    for entry in lexicon().known:
        for form in [entry["name"], *entry.get("aliases", [])]:
            by_form.setdefault(_known_key(form), entry)
    return re.compile(rf"(?<![\w-])(?:{trie_regex(by_form)})(?![\w-])", re.I), by_form


def _known_casing(written: str, entry: dict) -> bool:
    """"Fonds des Nations Unies pour l'Enfance" and "Unicef" are the listed names written
    otherwise; a short word ("Who") must be written exactly as listed."""
    forms = [entry["name"], *entry.get("aliases", [])]
    if any(written.replace("’", "'") == form.replace("’", "'") for form in forms):
        return True
    return written[:1].isupper() and (" " in written or len(written) >= 5)


def _known_orgs(context: Context) -> list[OrgMention]:
    pattern, by_form = _known_pattern()
    found = []
    for match in pattern.finditer(context.text.replace("’", "'")):  # offsets stay
        written = context.text[match.start():match.end()]
        entry = by_form[_known_key(written)]
        if not _known_casing(written, entry):
            continue
        found.append(OrgMention(match.start(), match.end(), written, entry["kind"],
                                entry.get("country"), source="known:" + entry["name"],
                                explicit_country=True))
    return found


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


# ----------------------------------------------------------------------------- grouping orgs


def _org_base(name: str, expansions: dict[str, str] | None = None) -> str:
    """The content words of a name without its country words, acronym and articles: the key
    that merges "ministère vietnamien de la Santé" with "ministère de la Santé du Vietnam", and
    "CHU Clermont-Ferrand" with "Centre hospitalier universitaire (CHU) de Clermont-Ferrand"."""
    text = re.sub(r"\([^)]*\)", " ", name)
    for acronym, expansion in (expansions or {}).items():
        text = re.sub(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", expansion, text)
    for start, end, _ in reversed(countries.country_mentions(text)):
        text = text[:start] + " " + text[end:]
    words = {w for w in re.findall(r"[\w-]+", fold(text)) if w not in FUNCTION_WORDS | {"l", "d"}}
    return " ".join(sorted(words))


def _acronym_expansions(mentions: list[OrgMention]) -> dict[str, str]:
    """ACR -> the words it stands for, from "Centre hospitalier universitaire (CHU) de ..."."""
    found = {}
    for m in mentions:
        if m.acronym:
            before = m.text.split(f"({m.acronym})")[0].strip()
            if before:
                found[m.acronym] = before
    return found


@dataclass
class OrgGroup:
    mentions: list[OrgMention]
    country: str | None
    kind: str
    acronym: str | None = None
    base: str = ""
    forms: list[str] = field(default_factory=list)

    @property
    def explicit(self) -> bool:
        """Whether some mention's own words state the country."""
        return any(m.explicit_country for m in self.mentions)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


VIETNAMESE_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$")


def _proper_name_origin(name: str) -> str | None:
    """"foreign" when the proper names inside a French-style body name ("Université
    Clermont-Auvergne") have no part that could be a Vietnamese syllable, "vietnamese" when
    all could (Tâm Anh, Bach Mai, E), None when the name holds no proper name."""
    lex = lexicon()
    words = re.findall(r"[\w'’-]+", re.sub(r"\([^)]*\)", " ", name))
    proper = [w for w in words[1:] if w[:1].isupper() and not w.isupper()
              and fold(w) not in lex.domain_nouns | lex.title_domains | lex.name_adjectives
              and fold(w) not in lex.heads["*"] and not countries.place_code(w)]
    parts = [fold(p) for w in proper for p in w.split("-") if p]
    if not parts:
        return None
    matches = [bool(VIETNAMESE_SYLLABLE.match(p)) for p in parts]
    return "vietnamese" if all(matches) else "foreign" if not any(matches) else None


def _has_proper_name(name: str) -> bool:
    """Whether a body's name holds a name of its own (Okayama, Lille, Bach Mai) besides its
    head and domain words ("ministère de la Santé" holds none)."""
    lex = lexicon()
    generic = lex.domain_nouns | lex.title_domains | lex.name_adjectives
    words = [re.sub(r"^[ldLD]['’]", "", w)
             for w in re.findall(r"[\w'’-]+", re.sub(r"\([^)]*\)", " ", name))[1:]]
    return any(w[:1].isupper() and fold(w) not in generic and fold(w) not in lex.heads["*"]
               and fold(w) not in FUNCTION_WORDS for w in words)


PLURAL_HEADS = {"hopitaux": "hospital", "hospitals": "hospital", "universites": "university",
                "universities": "university", "instituts": "other", "institutes": "other"}
SINGULAR_HEADS = {"hopitaux": "hôpital", "hospitals": "hospital", "universites": "université",
                  "universities": "university", "instituts": "institut",
                  "institutes": "institute"}


def _listed_bodies(context: Context, tokens_by_sentence: list[list[Token]]) -> list[OrgMention]:
    """Bodies named in a list around a plural head: "les hôpitaux Bach Mai et Viet Duc",
    "Bach Mai and Viet Duc hospitals"."""
    found = []
    for tokens in tokens_by_sentence:
        for k, tok in enumerate(tokens):
            kind = PLURAL_HEADS.get(tok.low)
            if kind is None:
                continue
            runs = _name_list(tokens, k + 1, 1) if context.language != "en" else \
                _name_list(tokens, k - 1, -1)
            if len(runs) < 2:
                continue
            for a, b in runs:
                start, end = tokens[a].start, tokens[b].end
                text = context.text[start:end]
                if not countries.place_code(text):
                    found.append(OrgMention(start, end, text, kind, source="list",
                                            key_text=f"{SINGULAR_HEADS[tok.low]} {text}"))
    return found


def _name_list(tokens: list[Token], k: int, step: int) -> list[tuple[int, int]]:
    """Token spans of capitalised names joined by commas and "et"/"and", read from k on in
    the direction of step (1: "hôpitaux A, B et C"; -1: "A, B and C hospitals"); empty
    unless "et"/"and" joins two of them."""
    runs: list[tuple[int, int]] = []
    joined = False
    while 0 <= k < len(tokens):
        a = k
        while 0 <= k < len(tokens) and tokens[k].is_cap and not _name_stop(tokens, k):
            k += step
        if k == a:
            break
        runs.append((min(a, k - step), max(a, k - step)))
        if (step > 0 and joined) or not 0 <= k < len(tokens):
            break
        conj = tokens[k].low in ("et", "and")
        if conj and not joined:
            joined = True
        elif not (tokens[k].text == "," and (step > 0 or joined)):
            break
        k += step
    return runs if joined and len(runs) >= 2 else []


def _known_entry(m: OrgMention) -> dict | None:
    """The well-known body a found name or its acronym stands for ("World Health Organisation
    (WHO)" is the World Health Organization of data/organizations.json)."""
    plain = _spelling_key(re.sub(r"\s*\([^)]*\)", "", m.text))
    bare = _spelling_key(_without_country_word(re.sub(r"\s*\([^)]*\)", "", m.text)))
    for entry, folded in _known_forms():
        if plain in folded or bare in folded \
                or (m.acronym and m.acronym in entry.get("aliases", [])):
            return entry
    return None


def _known_body_inside(group: OrgGroup) -> str | None:
    return _known_country_inside(group.forms)


def _known_country_inside(forms: list[str]) -> str | None:
    """"CDC Southeast Asia Regional Office (in Hanoi)": a unit named after a well-known
    national body belongs to that body's country, wherever it sits."""
    pattern, by_form = _known_pattern()
    for form in forms:
        match = pattern.search(form.replace("’", "'"))
        entry = by_form[_known_key(match.group())] if match else None
        if entry and _known_casing(match.group(), entry) and entry.get("country"):
            return entry["country"]
    return None


def _spelling_key(name: str) -> str:
    """British and American spellings alike: "Centres" and "Centers", "Organisation"."""
    key = fold(name)
    return re.sub(r"organis", "organiz", re.sub(r"centre", "center", key))


def _without_country_word(name: str) -> str:
    """"US Centres for Disease Control" -> "Centres for Disease Control"."""
    first, _, rest = name.partition(" ")
    return rest if rest and countries.place_code(first) else name


@cache
def _known_forms() -> tuple[tuple[dict, frozenset[str]], ...]:
    return tuple((entry, frozenset(_spelling_key(f)
                                   for f in [entry["name"], *entry.get("aliases", [])]))
                 for entry in lexicon().known)


def _without_nationality(name: str) -> str:
    """"French Ministry for Europe and Foreign Affairs" -> "Ministry for Europe and ..."."""
    first, _, rest = name.partition(" ")
    if len(rest.split()) < 2 or not first[:1].isupper() or not countries.nationality_code(first):
        return name  # "Australian Government" says nothing without its adjective
    return name if countries.city_code(f"{first} {rest.split()[0]}") else rest


def _merge_shortened(groups: list[OrgGroup]) -> list[OrgGroup]:
    """"Military Hospital 175" is "Military Hospital 175 of the Defence Ministry" said short:
    a name that another one continues with "of"/"de" is the same body."""
    kept: list[OrgGroup] = []
    for group in groups:
        short = {fold(re.sub(r"\s*\([^)]*\)", "", m.text)) for m in group.mentions}
        longer = None
        if not group.mentions[0].source.startswith("known:"):
            longer = next((g for g in groups if g is not group and g.country in (
                group.country, None) and any(
                fold(m.text).startswith(f"{n} {c} ") for m in g.mentions for n in short
                for c in ("of", "de", "du", "des", "d'"))), None)
        if longer is None and all(_nationality_and_head(m.text) for m in group.mentions):
            longer = _only_body_of(group, groups)
        if longer is None:
            kept.append(group)
        else:
            longer.mentions.extend(group.mentions)
    return kept


def _nationality_and_head(text: str) -> bool:
    """"le ministère hongrois", "the Hungarian Ministry": a head and a nationality, no more."""
    words = [w for w in fold(re.sub(r"^(?:the|le|la|l['’])\s*", "", text, flags=re.I)).split()
             if not countries.nationality_code(w)]
    return len(words) < len(fold(text).split()) and " ".join(words) in lexicon().heads["*"]


def _only_body_of(group: OrgGroup, groups: list[OrgGroup]) -> OrgGroup | None:
    """The one other body of the same country and kind, which a short form names again."""
    same = [g for g in groups if g is not group and g.country == group.country
            and group.kind in (g.kind, "other")
            and not all(_nationality_and_head(m.text) for m in g.mentions)]
    return same[0] if len(same) == 1 and group.country else None


def _group_orgs(mentions: list[OrgMention], host: str) -> list[OrgGroup]:
    groups: dict[tuple[str, str | None], OrgGroup] = {}
    pending: list[OrgMention] = []
    expansions = _acronym_expansions(mentions)
    for m in mentions:
        known = _known_entry(m)
        if known and not m.source.startswith("known:"):
            m.source = "known:" + known["name"]
            m.country, m.kind, m.explicit_country = known.get("country"), known["kind"], True
    for m in sorted(mentions, key=lambda m: m.start):
        if m.source.startswith("known:"):
            key = (m.source, m.country)
        elif m.country is None:
            pending.append(m)
            continue
        elif m.kind == "embassy":
            key = ("embassy", m.country)  # "Embassy of Denmark" is "the Danish Embassy in Hanoi"
        else:
            key = (_org_base(m.key_text or m.text, expansions), m.country)
        group = groups.setdefault(key, OrgGroup([], m.country, m.kind, base=key[0]))
        group.mentions.append(m)
    for m in pending:
        base = _org_base(m.key_text or m.text, expansions)
        # "l'Université d'Okayama" is the one named before with its country; but "le
        # ministère de la Santé", a name without a proper name, is the host's, never the
        # foreign one named with its adjective ("le ministère indien de la Santé")
        same = [g for (b, _), g in groups.items() if b == base]
        if not _has_proper_name(m.text):
            same = [g for g in same if g.country == host]
        if same:
            target = next((g for g in same if g.country == host), same[0])
        else:
            target = groups.setdefault((base, None), OrgGroup([], None, m.kind, base=base))
        target.mentions.append(m)
    result = _merge_shortened(sorted(groups.values(), key=lambda g: g.first))
    for group in result:
        group.acronym = next((m.acronym for m in group.mentions if m.acronym), None)
        forms = []
        for m in sorted(group.mentions, key=lambda m: m.start):
            plain = re.sub(r"\s*\([^)]*\)", "", m.text)
            for form in (m.text, plain, _without_nationality(plain)):
                if form not in forms:
                    forms.append(form)
        group.forms = forms
        if group.kind == "other":
            group.kind = next((m.kind for m in group.mentions if m.kind != "other"), "other")
    return result


def _without_only_nested(groups: list[OrgGroup]) -> list[OrgGroup]:
    """"Comité du Parti de Hô Chi Minh-Ville": a body named only inside the name of one of
    its units is not reported apart from it."""
    spans = [(m.start, m.end, id(g)) for g in groups for m in g.mentions]
    kept = []
    for group in groups:
        nested = all(any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                         and owner != id(group) for a, b, owner in spans)
                     for m in group.mentions)
        if not nested:
            kept.append(group)
    return kept


def _initials(name: str) -> set[str]:
    words = [w for w in re.findall(r"[\w'’-]+", name)
             if fold(w) not in FUNCTION_WORDS and not countries.nationality_code(w)]
    words = [re.sub(r"^[ldLD]['’]", "", w) for w in words]
    plain = "".join(w[0] for w in words if w).upper()
    split = "".join(p[0] for w in words for p in w.split("-") if p).upper()
    return {plain, split}


# ----------------------------------------------------------------------------- persons


@dataclass
class PersonMention:
    start: int
    end: int
    text: str


NAME_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-ỸĐ][\w'’.-]*"


def _honorific_persons(context: Context) -> list[PersonMention]:
    """Names right after an honorific: the French model tags "Dr Duong Duc Hùng" as MISC."""
    honorifics = sorted(lexicon().honorifics, key=len, reverse=True)
    alternation = "|".join(re.escape(h) for h in honorifics)
    particles = "|".join(re.escape(p) for p in lexicon().particles)
    pattern = re.compile(
        rf"(?<![\w])(?:(?:{alternation})\s+)+"
        rf"((?:{NAME_TOKEN})(?:\s+(?:(?:{particles})\s+)?{NAME_TOKEN}){{0,4}})")
    found = []
    for sentence in context.sentences:
        for match in pattern.finditer(sentence.text):
            start = sentence.start + match.start(1)
            found.append(PersonMention(start, start + len(match.group(1)), match.group(1)))
    return found


def _surname_persons(context: Context) -> list[PersonMention]:
    """Three to four capitalised syllables opening with a Vietnamese surname, wherever they
    start ("Deputy Minister of Health Le Quang Cuong": the run starts at "Le")."""
    syllable = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ỸĐ][a-zà-öø-ÿā-ỹđ]{0,6}$")
    found = []
    for sentence in context.sentences:
        words = list(re.finditer(r"[\w'’-]+", sentence.text))
        n = 0
        while n < len(words):
            run = []
            for word in words[n:n + 4]:
                if not syllable.match(word.group()) or is_honorific(word.group()) \
                        or fold(word.group()) in lexicon().title_heads:
                    break
                if run and sentence.text[run[-1].end():word.start()].strip():
                    break  # punctuation between two words ends a name
                run.append(word)
            if len(run) >= 3 and fold(run[0].group()) in lexicon().surnames \
                    and not _place_run([w.group() for w in run]):
                start = sentence.start + run[0].start()
                end = sentence.start + run[-1].end()
                found.append(PersonMention(start, end, context.text[start:end]))
                n += len(run)
                continue
            n += 1
    return found


def _place_run(words: list[str]) -> bool:
    """"Hà Nội", "Cao Bằng": a place whose first word is also a surname."""
    return any(countries.place_code(" ".join(words[:k])) for k in (2, 3))


def _name_run(tokens: list[Token], j: int) -> int:
    """How many tokens from j make a person name: two to four capitalised words, particles
    allowed inside ("Charles de Riberolles", "Park Neung-hoo")."""
    n = j
    while n < len(tokens) and n - j < 5:
        tok = tokens[n]
        if tok.is_cap and not _name_stop(tokens, n) and not is_title_word(tok) \
                and not is_honorific(tok.text) and not _head_at(tokens, n, ""):
            n += 1
            continue
        if tok.low in lexicon().particles and n > j and n + 1 < len(tokens) \
                and tokens[n + 1].is_cap:
            n += 1
            continue
        break
    while n > j and not tokens[n - 1].is_cap:
        n -= 1
    if n < len(tokens) and tokens[n].is_cap:
        return 0  # "Myongji Medical" of "Myongji Medical Foundation"
    words = [t.text for t in tokens[j:n]]
    if len([w for w in words if w[:1].isupper()]) < 2 or countries.place_code(" ".join(words)):
        return 0
    if any(countries.place_code(w) or fold(w) in lexicon().title_domains for w in words):
        return 0
    return n - j


def _titled_persons(context: Context, tokens_by_sentence: list[list[Token]]
                    ) -> list[PersonMention]:
    """The name after a title: "Minister of Health and Welfare Park Neung-hoo", "le ministre
    russe de la Santé Mikhaïl Murashko", "British Ambassador Gareth Ward"."""
    lex = lexicon()
    found = []
    body = context.text[context.body_start:context.body_end]  # asked already: remembered
    all_places = [(a + context.body_start, b + context.body_start, code)
                  for a, b, code in countries.country_mentions(body)]
    for tokens in tokens_by_sentence:
        places = [(a, b) for a, b, _ in all_places
                  if tokens and tokens[0].start <= a and b <= tokens[-1].end]
        for k, tok in enumerate(tokens):
            if not is_title_word(tok):
                continue
            j = k + 1
            while j < len(tokens):
                t = tokens[j]
                if is_title_word(t) or t.low in lex.title_domains or t.low in lex.domain_nouns \
                        or t.low in FUNCTION_WORDS or countries.nationality_code(t.text) \
                        or _overlaps(t.start, t.end, places) or _field_modifier(tokens, j):
                    j += 1
                    continue
                break
            if j < len(tokens) and tokens[j].text == "," and j > k + 1:
                j += 1
            if tokens[j - 1].low in COORDINATORS and j > k + 2 and _name_run(tokens, j + 1):
                j += 1  # "Minister for Economic Affairs and Energy Brigitte Zypries"
            elif tokens[j - 1].low in FUNCTION_WORDS:
                continue  # "chairman of Myongji Medical Foundation": a body, not a name
            n = _name_run(tokens, j)
            if n:
                found.append(PersonMention(tokens[j].start, tokens[j + n - 1].end,
                                           context.text[tokens[j].start:tokens[j + n - 1].end]))
    return found


def _field_modifier(tokens: list[Token], j: int) -> bool:
    """"Economic" of "Minister for Economic Affairs": a capitalised word that qualifies the
    field a title names."""
    return tokens[j].is_cap and j + 1 < len(tokens) \
        and tokens[j + 1].low in lexicon().title_domains \
        and not countries.place_code(tokens[j].text)


def _appositive_persons(context: Context, tokens_by_sentence: list[list[Token]]
                        ) -> list[PersonMention]:
    """"Lee Wang-jun, chairman of Myongji Medical Foundation": a name before a comma and a
    title."""
    lex = lexicon()
    found = []
    for tokens in tokens_by_sentence:
        for k, tok in enumerate(tokens):
            if tok.text != "," or k < 2:
                continue
            j = k + 1
            while j < len(tokens) and tokens[j].low in lex.skip_before_title:
                j += 1
            if not any(is_title_word(t) for t in tokens[j:j + 3]):
                continue
            start = k
            while start > 0 and k - start < 4 and (tokens[start - 1].is_cap or (
                    tokens[start - 1].low in lex.particles and start - 1 > 0
                    and tokens[start - 2].is_cap)):
                start -= 1
            while start < k and _name_run(tokens, start) != k - start:
                start += 1
            if start < k and start > 0 and tokens[start - 1].low in ("of", "de", "du", "des"):
                continue
            if start < k:
                a, b = tokens[start].start, tokens[k - 1].end
                found.append(PersonMention(a, b, context.text[a:b]))
    return found


def _model_persons(context: Context) -> list[PersonMention]:
    found = []
    for sentence in context.sentences:
        for label, start, end, text in sentence.ents():
            if label in ("PER", "PERSON") or (label == "MISC" and _honorific_inside(text)):
                found.append(PersonMention(start, end, text))
    return found


def _honorific_inside(text: str) -> bool:
    return bool(text.split()) and is_honorific(text.split()[0])


def _clean_person(context: Context, m: PersonMention,
                  org_spans: list[tuple[int, int]]) -> PersonMention | None:
    start, end = m.start, m.end
    text = context.text
    # honorifics and titles the model glued to the name
    while True:
        match = re.match(r"(\S+)\s+", text[start:end])
        if not match:
            break
        word = match.group(1)
        if is_honorific(word) or fold(word.strip(",")) in lexicon().title_heads \
                or fold(word) in lexicon().title_modifiers and word[:1].isupper():
            start += match.end()
            continue
        break
    end = start + len(re.sub(r"(?:['’]s|[\s,.;:)(\]–—-]+)$", "", text[start:end]))
    end = start + len(_without_lowercase_tail(text[start:end]))
    piece = text[start:end]
    words = piece.split()
    if not words or any(ch.isdigit() for ch in piece):
        return None
    if any(w in lexicon().not_names for w in words):
        return None
    if _overlaps(start, end, org_spans):
        return None
    if CREDIT_BEFORE.search(text[max(0, start - 30):start]):
        return None
    if _after_body_noun(text, start) or _after_place_preposition(text, start, piece) \
            or _after_place_noun(text, start, piece) or _before_place_noun(text, end):
        return None
    if not words[0][:1].isupper() or all(w.isupper() for w in words if len(w) > 1):
        return None
    if countries.place_code(piece):
        return None
    if any(fold(w) in lexicon().title_heads for w in words):
        return None
    return PersonMention(start, end, piece)


def _without_lowercase_tail(piece: str) -> str:
    """"Hô Chi Minh-Ville de vaccins" -> "Hô Chi Minh-Ville": a name ends with its last
    capitalised word; lowercase words only join two capitalised ones (Charles de Gaulle)."""
    words = list(re.finditer(r"\S+", piece))
    while words and not words[-1].group()[:1].isupper():
        words.pop()
    return piece[:words[-1].end()] if words else piece


PLACE_BEFORE = re.compile(
    r"(?:^|\s)(?:à|in|at|near|près\s+de|dans)\s+"
    r"(?:[A-ZÀ-ÖØ-ÞĐ][\w'’-]*\s+){0,3}?(?:(?:et|and)\s+)?$")


def _after_place_preposition(text: str, start: int, piece: str) -> bool:
    """"à Hounphan et Xieng Khouang", "in Xieng Khouang": capitalised words right after a
    preposition of place (or joined by "et"/"and" to a place after one) are a place, unless
    the name opens with a Vietnamese surname."""
    if fold(piece.split()[0]) in lexicon().surnames:
        return False
    return bool(PLACE_BEFORE.search(text[max(0, start - 60):start]))


@cache
def _place_noun_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{trie_regex(lexicon().place_nouns)})"
                      r"(?:\s+(?:de|du|d['’]|of|the|international|internationale?))*\s+$")


def _after_place_noun(text: str, start: int, piece: str) -> bool:
    """"le poste frontière de Môc Bài", "cửa khẩu Mộc Bài": a name right after a noun of
    place is that place, unless it opens with a Vietnamese surname."""
    if fold(piece.split()[0]) in lexicon().surnames:
        return False
    return bool(_place_noun_pattern().search(fold(text[max(0, start - 40):start])))


def _before_place_noun(text: str, end: int) -> bool:
    """"the Moc Bai border gate", "Tran Hung Dao street": a name that a lowercase noun of
    place follows names that place."""
    after = re.match(r"\s+([a-zà-ỹđ][\w ’'-]{0,20})", text[end:end + 24])
    if not after:
        return False
    words = after.group(1).split()
    return any(fold(" ".join(words[:n])) in lexicon().place_nouns for n in (1, 2))


def _after_body_noun(text: str, start: int) -> bool:
    """"les hôpitaux Bach Mai et Viet Duc": names listed after a body noun are bodies; a name
    set off by a comma right after the noun is an apposition ("the company, Do Tat Cuong")."""
    words = re.findall(r"[\w'’-]+|[,;.:()]", text[max(0, start - 80):start])
    if len(words) >= 2 and words[-1] == "," and words[-2][:1].islower():
        return False
    for word in reversed(words):
        if word in (",",) or fold(word) in ("et", "and") or word[:1].isupper():
            continue
        low = fold(word)
        singulars = {low, low[:-1], low[:-3] + "al" if low.endswith("aux") else low,
                     low[:-3] + "y" if low.endswith("ies") else low}
        heads = lexicon().heads["*"]
        return any(s in heads and not heads[s].get("lower_ok") for s in singulars)
    return False


@dataclass
class PersonGroup:
    mentions: list[PersonMention]
    name: str
    forms: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _same_person(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ta, tb = fa.replace("-", " ").split(), fb.replace("-", " ").split()
    if len(ta) == len(tb):
        # Murashko / Mourachko, word by word: "Nguyen Hong Son" is not "Nguyen Truong Son"
        return fuzz.ratio(fa, fb) >= 85 and ta[0][:3] == tb[0][:3] \
            and all(fuzz.ratio(a, b) >= 75 for a, b in zip(ta, tb, strict=True))
    short, long_ = sorted((ta, tb), key=len)
    if long_[:len(short)] == short:
        return True  # "Phung Quang" is the start of "Phung Quang Thanh"
    if len(short) == 2 and len(long_) >= 3 and long_[-2:] == short \
            and long_[0] in lexicon().surnames:
        return True  # "Mme Kim Tiên" is Nguyên Thi Kim Tiên called by her given names
    # "Nguyên Kim Tiên" is "Nguyên Thi Kim Tiên" without the middle name
    return short[0] == long_[0] and short[-1] == long_[-1] and _subsequence(short, long_)


def _next_to_capitalised(text: str, start: int, end: int) -> bool:
    before = re.search(r"(\w+)[ \t]*$", text[max(0, start - 40):start])
    after = re.match(r"[ \t]*(\w+)", text[end:end + 40])
    if before and (fold(before.group(1)) in lexicon().title_heads
                   or fold(before.group(1)) in lexicon().title_modifiers
                   or is_honorific(before.group(1))):
        before = None  # "Ambassador Itō", "Mr Blum"
    return any(m and m.group(1)[:1].isupper() for m in (before, after))


KOREAN_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _korean_name(name: str) -> bool:
    """"Kim Gang-lip", "Park Neung-hoo": a Korean family name and a hyphenated given name."""
    words = name.split()
    return len(words) == 2 and fold(words[0]) in lexicon().korean_surnames \
        and bool(KOREAN_GIVEN_NAME.match(words[1]))


def _subsequence(short: list[str], long_: list[str]) -> bool:
    rest = iter(long_)
    return all(word in rest for word in short)


def _titled_single(text: str, m: PersonMention) -> bool:
    """"Ms. Jacobsen", "Minister Jacobsen": one word after an honorific or a capitalised
    title is a surname, when it is no place, title or body word."""
    if len(m.text.split()) != 1 or len(m.text) < 3 or not m.text[:1].isupper() \
            or m.text.isupper() or countries.place_code(m.text):
        return False
    lex = lexicon()
    if fold(m.text) in lex.heads["*"] or fold(m.text) in lex.title_domains \
            or fold(m.text) in lex.domain_nouns or m.text.lower() in CAPITALISED_STOPWORDS:
        return False
    before = re.search(r"(\S+)[ \t]+$", text[max(0, m.start - 30):m.start])
    word = before.group(1) if before else ""
    return is_honorific(word) and word not in ("His", "Her") \
        or (word[:1].isupper() and fold(word) in lex.title_heads)


def _group_persons(mentions: list[PersonMention], text: str = "") -> list[PersonGroup]:
    """Persons from their mentions of two words or more, then the surnames said alone after
    a title ("Ms. Jacobsen"), which join the one person whose name has that word."""
    full = [m for m in mentions if len(m.text.split()) >= 2]
    singles = [m for m in mentions if len(m.text.split()) == 1 and text
               and _titled_single(text, m)]
    groups: list[PersonGroup] = []
    for m in sorted(full, key=lambda m: m.start) + sorted(singles, key=lambda m: m.start):
        group = next((g for g in groups if any(_same_person(m.text, f) for f in g.forms)), None)
        if group is None and m in singles:
            owners = [g for g in groups if any(m.text in f.split() for f in g.forms)]
            group = owners[0] if len(owners) == 1 else None
        if group is None:
            group = PersonGroup([], m.text)
            groups.append(group)
        group.mentions.append(m)
        if m.text not in group.forms:
            group.forms.append(m.text)
    for group in groups:
        group.name = max(group.forms, key=lambda f: (len(f.split()), -group.forms.index(f)))
    return groups


# ----------------------------------------------------------------------------- roles


@dataclass
class Role:
    title: str
    start: int
    end: int


DETERMINERS = {"le", "la", "les", "l'", "l’", "the", "her", "his", "their", "its", "son", "sa",
               "ses", "leur", "leurs", "a", "an", "un", "une"}


def _title_before(tokens: list[Token], k: int, persons: list[tuple[int, int]] = (),
                  bodies: list[tuple[int, int]] = ()) -> Role | None:
    """The title right before the name whose first token is k ("le ministre russe de la
    Santé Mikhaïl Murashko", "l'ambassadeur de France au Vietnam, Olivier Brochet"); it stops
    at a verb, at punctuation, at another person and at "and her", "et le"."""
    j = k - 1
    while j >= 0 and is_honorific(tokens[j].text) and not is_title_word(tokens[j]):
        j -= 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    end = j
    chunk_start = j + 1
    while j >= 0 and k - j <= 24:
        tok = tokens[j]
        if tok.kind == "punct" and _comma_inside_title(tokens, j, bodies):
            chunk_start = j
            j -= 1
            continue
        if tok.kind == "punct" or tok.pos in VERB_POS or _overlaps(tok.start, tok.end, persons):
            break
        if k - j > 14 and not _overlaps(tok.start, tok.end, bodies):
            break
        if tok.low in ("and", "et") and j + 1 < len(tokens) and tokens[j + 1].low in DETERMINERS:
            break
        chunk_start = j
        j -= 1
    chunk = tokens[chunk_start:end + 1]
    head = next((n for n, t in enumerate(chunk) if is_title_word(t)), None)
    if head is None or end < chunk_start:
        return None
    first = head
    while first > 0 and _title_prefix_word(chunk[first - 1]):
        first -= 1
    return Role("", chunk[first].start, chunk[-1].end)


def _comma_inside_title(tokens: list[Token], j: int, bodies: list[tuple[int, int]]) -> bool:
    """"Deputy Minister, Ministry of Health, Labour and Welfare of Japan Shiozaki Akihisa": a
    comma inside a body's name, or between a title word and the body it names."""
    tok = tokens[j]
    if tok.text != ",":
        return False
    if _overlaps(tok.start, tok.end, bodies):
        return True
    return j > 0 and j + 1 < len(tokens) \
        and any(is_title_word(t) for t in tokens[max(0, j - 2):j]) \
        and any(a == tokens[j + 1].start for a, _ in bodies)


def _trim_title(title: str) -> str:
    """The title without the commas and dangling connectors at its ends ("... de")."""
    title = title.strip(" ,;")
    while True:
        words = title.rsplit(None, 1)
        if len(words) == 2 and fold(words[1]) in FUNCTION_WORDS | {"l", "d"}:
            title = words[0].rstrip(" ,;")
            continue
        return title


def _title_prefix_word(tok: Token) -> bool:
    if tok.low in CAPITALISED_STOPWORDS or tok.low in FUNCTION_WORDS:
        return False
    return tok.low in lexicon().title_modifiers or bool(countries.nationality_code(tok.text)) \
        or tok.is_cap


CLAUSE_WORDS = {"lors", "pendant", "durant", "qui", "dont", "who", "which", "during", "while",
                "alors", "avec", "with", "since", "depuis", "selon", "according", "when", "quand"}
PLACE_PREPOSITIONS = {"en", "à", "a", "in", "on", "at", "pour", "for", "sur"}


def _opens_clause(tokens: list[Token], j: int) -> bool:
    """Where an apposition stops being a title: "vice-ministre de la Santé de Cuba | en visite
    de travail", "Director | during his visit". A preposition before a capitalised place stays
    ("ambassadeur du Royaume-Uni à Hanoï")."""
    low = tokens[j].low
    if low in CLAUSE_WORDS:
        return True
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return low in PLACE_PREPOSITIONS and (nxt is None or not nxt.is_cap)


def _title_after(tokens: list[Token], k: int, bodies: list[tuple[int, int]] = (),
                 persons: list[tuple[int, int]] = ()) -> Role | None:
    """The apposition after a name: "Trần Văn Thuấn, Deputy Minister of Health,"."""
    if k >= len(tokens) or tokens[k].text not in (",", "-", "–", "—"):
        return None
    j = k + 1
    while j < len(tokens) and tokens[j].low in lexicon().skip_before_title:
        j += 1
    start = j
    while j < len(tokens) and j - start < 18:
        tok = tokens[j]
        if tok.kind == "punct" and tok.text in SENTENCE_END | {","} \
                and not _overlaps(tok.start, tok.end, bodies):
            break
        if tok.pos in VERB_POS and not is_title_word(tok):
            break
        if _overlaps(tok.start, tok.end, persons):
            return None  # "Long, Australian Foreign Minister Marise Payne": someone else's
        if _opens_clause(tokens, j) and not _overlaps(tok.start, tok.end, bodies):
            break
        if tok.kind == "poss":
            start = j + 1
        j += 1
    segment = tokens[start:j]
    if not segment or segment[0].low in ("et", "and", "ou", "or"):
        return None
    if not any(is_title_word(t) for t in segment[:6]):
        return None
    if _title_of_next_person(tokens, j, bodies, persons):
        return None
    return Role("", segment[0].start, segment[-1].end)


def _title_of_next_person(tokens: list[Token], j: int, bodies, persons) -> bool:
    """"Nguyen Phuoc Loc, Deputy Minister, Ministry of Health of Japan Shiozaki Akihisa": a
    title followed by a comma, bodies and then another person's name is that person's."""
    if j >= len(tokens) or tokens[j].text != ",":
        return False
    k = j + 1
    while k < len(tokens) and (tokens[k].text == "," or _overlaps(tokens[k].start, tokens[k].end,
                                                                  bodies)):
        k += 1
    return k > j + 1 and k < len(tokens) and \
        _overlaps(tokens[k].start, tokens[k].end, persons)


# ----------------------------------------------------------------------------- assembly


def find_persons_and_organizations(context: Context) -> tuple[list[dict], list[dict]]:
    """(persons, organizations) as in the contract, ids p1.. and o1.."""
    if context.language == "vi":
        try:
            from hoptac.extract import vietnamese
        except ImportError:
            return [], []
        return vietnamese.find_persons_and_organizations(context)
    return EntityFinder(context).run()


class EntityFinder:
    """Runs the person and organization rules over one English or French article."""

    def __init__(self, context: Context):
        self.context = context
        self.tokens = [tokenize(s) for s in context.sentences]
        self.pos_at = {tok.start: tok.pos for tokens in self.tokens for tok in tokens}
        self.host = countries.host_country(context)
        self.foreign_partner = self._foreign_partner()
        body = context.text[context.body_start:context.body_end]
        self.article_countries = {code for _, _, code in countries.country_mentions(body)}
        self.mentions_vietnam = countries.DEFAULT_HOST in self.article_countries

    def run(self) -> tuple[list[dict], list[dict]]:
        strong = _honorific_persons(self.context) + _surname_persons(self.context)
        raw_persons = _model_persons(self.context) + strong \
            + _titled_persons(self.context, self.tokens) \
            + _appositive_persons(self.context, self.tokens)
        # a name that surely is a person ends an organization name before it
        person_starts = {m.start for m in strong}
        self.person_names = {fold(c.text) for m in raw_persons
                             if (c := _clean_person(self.context, m, [])) is not None}
        orgs = self._organizations(person_starts)
        org_spans = [(m.start, m.end) for g in orgs for m in g.mentions]
        raw_persons += self._names_after_bodies(org_spans)
        persons = self._persons(raw_persons, org_spans)
        self.person_groups = persons
        org_ids = {id(g): f"o{n}" for n, g in enumerate(orgs, 1)}
        org_dicts = [self._org_dict(g, org_ids[id(g)]) for g in orgs]
        person_dicts = [self._person_dict(g, f"p{n}", orgs, org_ids)
                        for n, g in enumerate(persons, 1)]
        return person_dicts, org_dicts

    # organizations -----------------------------------------------------------

    def _organizations(self, person_starts: set[int]) -> list[OrgGroup]:
        context = self.context
        mentions = _grammar_orgs(context, self.tokens, person_starts, self.host)
        mentions += _known_orgs(context)
        mentions = _keep_longest(mentions)
        taken = [(m.start, m.end) for m in mentions]
        mentions += [m for m in _listed_bodies(context, self.tokens)
                     if not _overlaps(m.start, m.end, taken)]
        taken = [(m.start, m.end) for m in mentions]
        mentions += [m for m in _appositive_orgs(context, self.tokens, taken)
                     if fold(m.text) not in self.person_names]
        taken = [(m.start, m.end) for m in mentions]
        person_words = {w for name in self.person_names for w in name.split()}
        mentions += [m for m in _model_orgs(context, taken)
                     if fold(m.text) not in self.person_names | person_words
                     and not self._ends_with_person(m.text)]
        mentions = _keep_longest(mentions)
        self._countries_from_lists(mentions)
        self._countries_from_owners(mentions)
        groups = _group_orgs(mentions, self.host)
        self._acronym_mentions(groups)
        self._name_mentions(groups)
        groups = _without_only_nested(groups)
        for group in groups:
            if group.country is None and not group.mentions[0].source.startswith("known:"):
                group.country = self._namesake_country(group, groups) \
                    or _known_body_inside(group) or self._fallback_org_country(group)
        return groups

    def _proper_words(self, group: OrgGroup) -> set[str]:
        """The proper names inside a body's name (Myongji), as the model tags them: no head,
        domain word, adjective, place or country."""
        lex = lexicon()
        generic = lex.domain_nouns | lex.title_domains | lex.name_adjectives | lex.title_heads
        found = set()
        for m in group.mentions:
            if m.source in ("acronym", "repeat"):
                continue
            for word in re.finditer(r"[\w'’-]+", m.text):
                w = word.group()
                if len(w) < 4 or not w[:1].isupper() or w.isupper() or fold(w) in generic \
                        or fold(w) in lex.head_first_words or countries.place_code(w) \
                        or self.pos_at.get(m.start + word.start()) != "PROPN":
                    continue
                found.add(w)
        return found

    def _namesake_country(self, group: OrgGroup, groups: list[OrgGroup]) -> str | None:
        """"Myongji Medical Foundation" belongs where "South Korea's Myongji Hospital" does: a
        body whose name states no country takes the country stated by the one other body
        sharing a proper name with it."""
        words = self._proper_words(group)
        if not words:
            return None
        codes = {g.country for g in groups if g is not group and g.explicit and g.country
                 and words & self._proper_words(g)}
        return codes.pop() if len(codes) == 1 else None

    def _names_after_bodies(self, org_spans: list[tuple[int, int]]) -> list[PersonMention]:
        """"Director General, Ministry of Health of Korea Yoon Seok-min": a name right after
        a body that ends with its country belongs to the person the title is about."""
        ends = {b for _, b in org_spans}
        found = []
        for tokens in self.tokens:
            for k, tok in enumerate(tokens):
                if k == 0 or tokens[k - 1].end not in ends or not tok.is_cap:
                    continue
                if not _after_country_complement(tokens, 0, k):
                    continue
                n = _name_run(tokens, k)
                if n >= 2:
                    a, b = tok.start, tokens[k + n - 1].end
                    found.append(PersonMention(a, b, self.context.text[a:b]))
        return found

    def _ends_with_person(self, name: str) -> bool:
        """"Vietnam Ito Naoki" (the model's ORG for "Ambassador to Vietnam Ito Naoki"): a
        span that ends with a full person name found by the rules is that person."""
        folded = fold(name)
        return any(len(p.split()) >= 2 and folded.endswith(" " + p) for p in self.person_names)

    def _countries_from_lists(self, mentions: list[OrgMention]) -> None:
        """"Leurs partenaires français : l'Université Clermont-Auvergne et le CHU...": a
        nationality adjective that introduces a list gives its country to the list."""
        intro = re.compile(r"[^.:;]{0,40}?(?::|\b(?:incluent|include|includes|including|"
                           r"comprennent|notamment|such as|tels? que|comme|sont|are)\b)")
        spans = sorted(((m.start, m.end, m) for m in mentions), key=lambda s: s[:2])
        for sentence in self.context.sentences:
            for word in re.finditer(r"[\w-]+", sentence.text):
                code = countries.nationality_code(word.group())
                match = intro.match(sentence.text, word.end()) if code else None
                if not match:
                    continue
                pos = sentence.start + match.end()
                for start, end, m in spans:
                    if start < pos:
                        continue
                    if start >= sentence.end:
                        break
                    gap = self.context.text[pos:start]
                    if not re.fullmatch(r"[\s,;]*(?:(?:et|and|ainsi que|as well as)\s+)?"
                                        r"(?:l['’]|le |la |les |the |)\s*", gap):
                        break
                    if not m.explicit_country:
                        m.country = code
                        m.explicit_country = True
                    pos = end

    def _countries_from_owners(self, mentions: list[OrgMention]) -> None:
        """"the Health Ministry’s International Cooperation Department": a unit owned by a
        body takes the body's country."""
        by_end = {m.end: m for m in mentions if m.country}
        for m in mentions:
            if m.explicit_country:
                continue
            owner = re.search(r"['’]s\s*$", self.context.text[max(0, m.start - 4):m.start])
            if owner:
                end = m.start - 4 + owner.start() if m.start >= 4 else owner.start()
                if end in by_end:
                    m.country = by_end[end].country
                    m.explicit_country = True

    def _acronym_mentions(self, groups: list[OrgGroup]) -> None:
        """Bare acronyms: defined in parentheses earlier, or the initials of a name found."""
        text = self.context.text
        taken = [(m.start, m.end) for g in groups for m in g.mentions]
        for tokens in self.tokens:
            for tok in tokens:
                if not ACRONYM.match(tok.text) or _overlaps(tok.start, tok.end, taken):
                    continue
                group = next((g for g in groups if g.acronym == tok.text), None)
                if group is None:
                    group = next((g for g in groups if len(tok.text) >= 3 and any(
                        tok.text in _initials(f) for f in g.forms)), None)
                    if group is None:
                        continue
                    group.acronym = group.acronym or tok.text
                group.mentions.append(OrgMention(tok.start, tok.end, text[tok.start:tok.end],
                                                 group.kind, group.country, source="acronym"))
                taken.append((tok.start, tok.end))
        for group in groups:
            if group.acronym and group.acronym not in group.forms:
                group.forms.append(group.acronym)

    def _name_mentions(self, groups: list[OrgGroup]) -> None:
        """Later occurrences of a name the rules found once (the model misses repeats)."""
        text = self.context.text
        taken = [(m.start, m.end) for g in groups for m in g.mentions]
        owner: dict[str, list[OrgGroup]] = {}
        for group in groups:
            for form in group.forms:
                owner.setdefault(form, []).append(group)
        for form, owners in sorted(owner.items(), key=lambda kv: -len(kv[0])):
            if len(owners) != 1 or len(form) < 3:
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                if match.start() < self.context.body_start or \
                        _overlaps(match.start(), match.end(), taken):
                    continue
                owners[0].mentions.append(OrgMention(match.start(), match.end(), form,
                                                     owners[0].kind, source="repeat"))
                taken.append(match.span())

    def _fallback_org_country(self, group: OrgGroup) -> str | None:
        """A body whose name states no country belongs to the host (the bare "Ministry of
        Health" of a meeting in Hanoi) unless it is an international one."""
        if group.kind == "international":
            return None
        if self.context.language != "en":
            looks = _proper_name_origin(group.forms[0])
            if looks == "foreign" and self.foreign_partner and self.host == countries.DEFAULT_HOST:
                return self.foreign_partner  # "Université Clermont-Auvergne" in a VN-FR article
            if looks == "vietnamese" and self.host != countries.DEFAULT_HOST \
                    and self.mentions_vietnam:
                return countries.DEFAULT_HOST  # "l'Hôpital Bach Mai" in an article from Berlin
        return self.host

    def _org_dict(self, group: OrgGroup, org_id: str) -> dict:
        known = _known_of(group)
        if known:
            # a well-known body keeps its usual name and its names in other languages
            name = known["name"]
            forms = [*group.forms, *known.get("aliases", [])]
        else:
            name = max(group.forms[:3], key=lambda f: ("(" not in f, len(f)))
            forms = group.forms
        aliases = list(dict.fromkeys(f for f in forms if f != name))
        if group.acronym and f"({group.acronym})" not in aliases:
            aliases.append(f"({group.acronym})")
        for form in list(aliases) + [name]:
            plain = strip_accents(form)
            if plain != form and plain not in aliases and plain != name:
                aliases.append(plain)
        mentions = sorted({(m.start, m.end) for m in group.mentions})
        return {"id": org_id, "name": name, "aliases": aliases, "country": group.country,
                "kind": group.kind,
                "mentions": [{"start": a, "end": b} for a, b in mentions]}

    # persons -----------------------------------------------------------------

    def _persons(self, raw: list[PersonMention],
                 org_spans: list[tuple[int, int]]) -> list[PersonGroup]:
        cleaned = []
        for m in raw:
            c = _clean_person(self.context, m, org_spans)
            if c is not None:
                cleaned.append(c)
        cleaned = _keep_longest_persons(cleaned)
        groups = _group_persons(cleaned, self.context.text)
        # a word the model tags alone as a person ("Itō said") is how the text calls someone
        alone = {m.text for m in _model_persons(self.context) if len(m.text.split()) == 1}
        self._person_repeats(groups, org_spans, alone)
        return sorted(groups, key=lambda g: g.first)

    def _person_repeats(self, groups: list[PersonGroup], org_spans,
                        alone: set[str] = frozenset()) -> None:
        """Every occurrence of each form, and of the last word alone (surname in Western
        names, given name in Vietnamese ones) when no other person shares it; the first word
        too when the model tagged it alone (family name first: "Itō Naoki", "Itō said")."""
        text = self.context.text
        taken = list(org_spans) + [(m.start, m.end) for g in groups for m in g.mentions]
        last_words: dict[str, list[PersonGroup]] = {}
        for group in groups:
            for form in group.forms:
                last_words.setdefault(form.split()[-1], []).append(group)
                if form.split()[0] in alone:
                    last_words.setdefault(form.split()[0], []).append(group)
        for group in groups:
            forms = sorted(group.forms, key=len, reverse=True)
            last = {f.split()[-1] for f in group.forms} | \
                {f.split()[0] for f in group.forms if f.split()[0] in alone}
            singles = [w for w in last if len(w) >= 3 and len(set(map(id, last_words[w]))) == 1]
            for form in forms + singles:
                for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                    if match.start() < self.context.body_start or \
                            _overlaps(match.start(), match.end(), taken):
                        continue
                    if form in singles and _next_to_capitalised(text, *match.span()):
                        continue  # "Anh" inside "Phan Anh Son" is someone else
                    group.mentions.append(PersonMention(match.start(), match.end(), form))
                    taken.append(match.span())

    def _roles(self, group: PersonGroup, orgs: list[OrgGroup],
               org_ids: dict[int, str]) -> list[tuple[Role, str | None]]:
        roles: list[tuple[Role, str | None]] = []
        seen = set()
        for m in group.mentions:
            tokens = next((t for s, t in zip(self.context.sentences, self.tokens, strict=True)
                           if s.start <= m.start < s.end), None)
            if not tokens:
                continue
            first = next((n for n, t in enumerate(tokens) if t.start == m.start), None)
            last = next((n for n, t in enumerate(tokens) if t.end == m.end), None)
            if first is None or last is None:
                continue
            others = [(o.start, o.end) for g in self.person_groups if g is not group
                      for o in g.mentions]
            bodies = [(om.start, om.end) for g in orgs for om in g.mentions]
            for role in (_title_before(tokens, first, others, bodies),
                         _title_after(tokens, last + 1, bodies, others)):
                if role is None:
                    continue
                role.title = _trim_title(self.context.text[role.start:role.end])
                key = fold(role.title)
                if key in seen or not role.title:
                    continue
                seen.add(key)
                inside = sorted((om.start, org_ids[id(g)]) for g in orgs for om in g.mentions
                                if role.start <= om.start and om.end <= role.end)
                org = inside[0][1] if inside else None
                roles.append((role, org))
        keys = [fold(r.title) for r, _ in roles]
        return [(r, o) for (r, o), k in zip(roles, keys, strict=True)
                if not any(other != k and k in other for other in keys)]

    def _person_dict(self, group: PersonGroup, person_id: str, orgs: list[OrgGroup],
                     org_ids: dict[int, str]) -> dict:
        roles = [(r, o or _body_named_by_head(r.title, orgs, org_ids)
                  or _possessor_body(self.context.text, r.start, orgs, org_ids))
                 for r, o in self._roles(group, orgs, org_ids)]
        country = self._person_country(group, roles, orgs, org_ids)
        roles = [(r, o or _ministry_of(r.title, country, orgs, org_ids)) for r, o in roles]
        aliases = [f for f in group.forms if f != group.name]
        for form in [group.name, *aliases]:
            plain = strip_accents(form)
            if plain != form and plain not in aliases and plain != group.name:
                aliases.append(plain)
        mentions = sorted({(m.start, m.end) for m in group.mentions})
        return {"id": person_id, "name": group.name, "aliases": aliases, "country": country,
                "roles": [{"title": r.title, "organization": o} for r, o in roles],
                "mentions": [{"start": a, "end": b} for a, b in mentions]}

    def _person_country(self, group: PersonGroup, roles, orgs: list[OrgGroup],
                        org_ids: dict[int, str]) -> str | None:
        """The country a title states (an adjective, the body it names, a country in it), else
        a Vietnamese name's, else (in an article about Viet Nam) the one foreign partner of the
        article, else the body's, else (in an article without Viet Nam) the host's."""
        by_id = {org_ids[id(g)]: g for g in orgs}
        weak = None
        international = False
        for role, org in roles:
            named = countries.country_mentions(role.title)
            adjective = next((code for a, b, code in named
                              if countries.nationality_code(role.title[a:b])), None)
            if adjective:
                return adjective
            if org and by_id[org].kind == "international":
                international = True
                continue  # "UNICEF Việt Nam Representative" says where, not whose
            if org and by_id[org].country:
                if by_id[org].explicit:
                    return by_id[org].country
                weak = weak or by_id[org].country
            if named:
                return named[0][2]
            places = countries.city_mentions(role.title)
            if places and not org:
                return places[0][2]  # "State Secretary of North Rhine-Westphalia"
        affiliation = self._affiliation(group, orgs)
        if affiliation and affiliation.explicit:
            return affiliation.country
        if fold(group.name.split()[0]) in lexicon().surnames and "-" not in group.name:
            return "VN"
        if international:
            return None  # staff of an international body: no country of the article's
        if _korean_name(group.name) and "KR" in self.article_countries:
            return "KR"
        if not self.mentions_vietnam and self.host != countries.DEFAULT_HOST:
            # an article between two other countries is told from its host's side: "the
            # Prime Minister" of an Indian release is Indian
            return weak or self.host
        return self.foreign_partner or weak or (affiliation.country if affiliation else None)

    def _affiliation(self, group: PersonGroup, orgs: list[OrgGroup]) -> OrgGroup | None:
        """"le Dr Olivier Blanc, de l'Institut Pasteur de Lille": the body a person is from."""
        starts = {m.start: g for g in orgs for m in g.mentions}
        for m in group.mentions:
            after = AFFILIATION.match(self.context.text, m.end)
            if after and after.end() in starts:
                return starts[after.end()]
        return None

    def _foreign_partner(self) -> str | None:
        body = self.context.text[self.context.body_start:self.context.body_end]
        counts: dict[str, int] = {}
        for _, _, code in countries.country_mentions(body):
            counts[code] = counts.get(code, 0) + 1
        others = [c for c, n in counts.items() if c != self.host and n >= 2]
        return others[0] if len(others) == 1 else None


AFFILIATION = re.compile(r"\s*,\s*(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|of\s+(?:the\s+)?|"
                         r"from\s+(?:the\s+)?)")
MINISTER_OF = re.compile(
    r"minist\w*(?:\s+\w+)?\s+(?:of|de\s+la|de\s+l['’]|des|du|de)\s+([\w' ’-]+)", re.I)


def _ministry_of(title: str, country: str | None, orgs: list[OrgGroup],
                 org_ids: dict[int, str]) -> str | None:
    """"Deputy Minister of Health" works for the Ministry of Health of the same country, when
    the article names exactly one such ministry."""
    match = MINISTER_OF.search(fold(title))
    if not match:
        return None
    domain = match.group(1).split()[0]
    found = [g for g in orgs if g.kind == "ministry" and domain in g.base.split()
             and (country is None or g.country == country)]
    return org_ids[id(found[0])] if len(found) == 1 else None


HEAD_REFERENCE = re.compile(r"(?:\bof\s+the|\bdu|\bde\s+la|\bde\s+l['’])\s*([\w-]+)$", re.I)


def _body_named_by_head(title: str, orgs: list[OrgGroup], org_ids: dict[int, str]
                        ) -> str | None:
    """"General Delegate of the Federation", "directeur de l'Institut": a title that names its
    body by its head alone works for the one body of the article with that head."""
    match = HEAD_REFERENCE.search(title.strip())
    if not match or not match.group(1)[:1].isupper():
        return None
    head = fold(match.group(1))
    if head not in lexicon().heads["*"]:
        return None
    found = [g for g in orgs if any(head in fold(form).split() for form in g.forms)]
    return org_ids[id(found[0])] if len(found) == 1 else None


POSSESSIVE_BEFORE = re.compile(r"\b(?:son|sa|its)\s+$", re.I)


def _possessor_body(text: str, start: int, orgs: list[OrgGroup], org_ids: dict[int, str]
                    ) -> str | None:
    """"la Fédération hospitalière de France, conduite par son président X": a title opened by
    a possessive works for the body named last before it in the same sentence."""
    if not POSSESSIVE_BEFORE.search(text[max(0, start - 8):start]):
        return None
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
    before = [(m.end, g) for g in orgs for m in g.mentions if sentence_start < m.end <= start]
    return org_ids[id(max(before, key=lambda b: b[0])[1])] if before else None


def _known_of(group: OrgGroup) -> dict | None:
    source = group.mentions[0].source
    if not source.startswith("known:"):
        return None
    return next((k for k in lexicon().known if k["name"] == source.split(":", 1)[1]), None)


def _keep_longest(mentions: list[OrgMention]) -> list[OrgMention]:
    """Drop mentions inside a longer one of the same start, and exact duplicates; nested
    bodies with their own start (the CHU inside "Service ... du CHU") stay."""
    chosen: list[OrgMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(c.start <= m.start and m.end <= c.end and (c.start == m.start or
                                                          m.source != "grammar")
               for c in chosen):
            continue
        chosen.append(m)
    return chosen


def _keep_longest_persons(mentions: list[PersonMention]) -> list[PersonMention]:
    chosen: list[PersonMention] = []
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):
        if any(m.start < c.end and c.start < m.end for c in chosen):
            continue
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
