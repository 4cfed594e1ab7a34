"""Name normalisation for cross-article resolution.

Folding (`fold`) makes spellings comparable across languages and typographies: diacritics
dropped (đ -> d), case and punctuation ignored, hyphens as spaces. Vietnamese names need one
more key (`tone_key`): two names written with full Vietnamese diacritics that fold alike but
differ in tones ("Thanh" / "Thành") are different given names, while "Thúy" / "Thuý" (old and
new tone placement) are the same.

Organization names are compared through a bag of English concept words (`concept_bag`), so
that "Université de médecine de Hanoï", "Hanoi Medical University" and "Đại học Y Hà Nội"
compare equal, and generic bodies through (`body_key`): the concept plus the country, so the
Vietnamese and the Russian ministries of health stay two.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from unidecode import unidecode

# combining marks that carry a Vietnamese tone (grave, acute, tilde, hook above, dot below)
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# marks French typography never uses: hook above, dot below, horn, breve
VIETNAMESE_ONLY_MARKS = {"\u0309", "\u0323", "\u031b", "\u0306"}
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&\-.]{1,7}$")


def load_data(name: str) -> dict:
    """A JSON file of src/hoptac/kb/data."""
    return json.loads(resources.files("hoptac.kb").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces ('Nguyễn Đức-Hòa' -> 'nguyen duc hoa')."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unidecode(text).lower()
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def is_precise_vietnamese(name: str) -> bool:
    """Whether the name is written with full Vietnamese diacritics (đ, horn, breve, hook,
    dot below or stacked marks), so its tones can be trusted."""
    if "đ" in name or "Đ" in name:
        return True
    for char in name:
        marks = [m for m in unicodedata.normalize("NFD", char) if unicodedata.combining(m)]
        if len(marks) >= 2 or VIETNAMESE_ONLY_MARKS & set(marks):
            return True
    return False


def tone_key(name: str) -> str:
    """Name with each syllable's tone moved to its end, so tone placement does not matter."""
    words = []
    for word in fold_keep_marks(name).split():
        letters = unicodedata.normalize("NFD", word)
        tones = "".join(sorted(c for c in letters if c in TONE_MARKS))
        base = "".join(c for c in letters if c not in TONE_MARKS)
        words.append(unicodedata.normalize("NFC", base) + tones)
    return " ".join(words)


def fold_keep_marks(text: str) -> str:
    """Lower case, punctuation and hyphens as spaces, diacritics kept."""
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(c if c.isalnum() or unicodedata.combining(c) else " " for c in text)
    return " ".join(text.split())


# --- persons --------------------------------------------------------------------------------


@cache
def _honorifics() -> tuple[tuple[str, ...], ...]:
    forms = {tuple(fold(h).split()) for h in load_data("honorifics.json")["honorifics"]}
    return tuple(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Folded name without leading titles ('Dr Georges-Fabrice Blum' -> 'georges fabrice blum')."""
    words = fold(name).split()
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for title in _honorifics():
            if len(words) > len(title) and tuple(words[: len(title)]) == title:
                words = words[len(title):]
                stripped = True
                break
    return " ".join(words)


def without_titles(name: str) -> str:
    """The name as written, less its leading titles ('Dr Trần Văn Thuấn' -> 'Trần Văn Thuấn')."""
    dropped = len(fold(name).split()) - len(person_key(name).split())
    words = list(re.finditer(r"[^\W_]+", name))
    if dropped <= 0 or dropped >= len(words):
        return name.strip()
    return name[words[dropped].start():].strip()


# --- countries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryForm:
    code: str
    words: tuple[str, ...]


@cache
def _country_forms() -> dict[tuple[str, ...], str]:
    """Folded country names (Babel en/fr/vi, other names, demonyms) -> ISO code."""
    from babel import Locale

    data = load_data("countries.json")
    excluded = set(data["excluded_babel_codes"])
    forms: dict[tuple[str, ...], str] = {}
    for locale in ("en", "fr", "vi"):
        for code, label in Locale(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in excluded:
                forms.setdefault(tuple(fold(label).split()), code)
    for key in ("other_names", "demonyms"):
        for code, labels in data[key].items():
            for label in labels:
                forms[tuple(fold(label).split())] = code
    return forms


def _is_ambiguous_syllable(words: tuple[str, ...], code: str) -> bool:
    """One-syllable Vietnamese country names (Đức, Pháp, Nga) are also name syllables."""
    return len(words) == 1 and len(words[0]) <= 4 and code not in {"VN"}


def find_countries(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, code) of every country name or demonym in folded words, longest first."""
    forms = _country_forms()
    longest = _longest(frozenset(forms))
    found, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            code = forms.get(tuple(words[i : i + size]))
            if code:
                found.append((i, i + size, code))
                i += size
                break
        else:
            i += 1
    return found


# --- organizations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Glossary:
    common: dict[tuple[str, ...], str]
    vietnamese: dict[tuple[str, ...], str]
    generic: frozenset[str]
    subjects: frozenset[str]
    stopwords: frozenset[str]


@cache
def glossary() -> Glossary:
    data = load_data("glossary.json")

    def index(section: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
        return {tuple(fold(form).split()): concept
                for concept, forms in section.items() for form in forms}

    return Glossary(index(data["common"]), index(data["vietnamese"]),
                    frozenset(data["generic"]), frozenset(data["subjects"]),
                    frozenset(fold(w) for w in data["stopwords"]))


@cache
def _longest(phrases: frozenset[tuple[str, ...]]) -> int:
    return max(len(p) for p in phrases)


def _translate(words: list[str], table: dict[tuple[str, ...], str]) -> list[str]:
    longest = _longest(frozenset(table))
    out, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            concept = table.get(tuple(words[i : i + size]))
            if concept:
                out.append(concept)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _drop_phrases(words: list[str], phrases: frozenset[tuple[str, ...]]) -> list[str]:
    out, i = [], 0
    longest = _longest(phrases)
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            if tuple(words[i : i + size]) in phrases:
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=65536)
def concept_words(name: str, *, countries: bool = True) -> tuple[str, ...]:
    """Concept words of a name in their order, language-independent, without stop words.
    Country names and demonyms become '@CC' codes, or are dropped with `countries=False`."""
    gloss = glossary()
    words = fold(name).split()
    coded, i = [], 0
    for start, end, code in find_countries(words):
        coded.extend(words[i:start])
        if _is_ambiguous_syllable(tuple(words[start:end]), code):
            coded.extend(words[start:end])
        elif countries:
            coded.append("@" + code)
        i = end
    coded.extend(words[i:])
    if is_precise_vietnamese(name):
        coded = _translate(coded, gloss.vietnamese)
    coded = _translate(coded, gloss.common)
    return tuple(w for w in coded if w not in gloss.stopwords)


def concept_bag(name: str, *, countries: bool = True) -> tuple[str, ...]:
    """Sorted distinct concept words of a name (see `concept_words`)."""
    return tuple(sorted(set(concept_words(name, countries=countries))))


def joined_key(name: str) -> str | None:
    """The name's proper words run together in order, then its generic words: 'Bach Mai
    Hospital', 'Bachmai Hospital' and 'Bệnh viện Bạch Mai' give 'bachmai|hospital'."""
    gloss = glossary()
    words = concept_words(name)
    proper = [w for w in words if w not in gloss.generic and not w.startswith("@")]
    if not proper:
        return None
    rest = sorted({w for w in words if w in gloss.generic or w.startswith("@")})
    return "".join(proper) + "|" + " ".join(rest)


def national_bag(name: str) -> tuple[str, ...] | None:
    """The bag of a name made only of generic words around 'national' or 'central' ('Hôpital
    national des maladies tropicales'), which names one body within its country."""
    bag = concept_bag(name, countries=False)
    words = set(bag) - {"national", "central"}
    if is_specific(bag) or len(words) < 2 or not set(bag) & {"national", "central"}:
        return None
    # 'Trung ương' (central) is rendered 'National' in official English names
    return tuple(sorted(words | {"national"}))


def organization_bags(name: str) -> list[tuple[str, ...]]:
    """The specific bags of a name: with its country words, and without them."""
    bags = []
    for bag in (concept_bag(name), concept_bag(name, countries=False)):
        if is_specific(bag) and bag not in bags:
            bags.append(bag)
    return bags


def is_specific(bag: tuple[str, ...]) -> bool:
    """Whether a bag names one thing: it has a word that is not generic vocabulary, or two
    countries ('Vietnam-France Friendship Association'), or one country and two generic
    words ('Agence française de développement')."""
    gloss = glossary()
    codes = sum(w.startswith("@") for w in bag)
    words = [w for w in bag if not w.startswith("@")]
    return any(w not in gloss.generic and not w.isdigit() for w in words) \
        or codes >= 2 or (codes == 1 and len(words) >= 2)


def subjects(bag: tuple[str, ...]) -> frozenset[str]:
    return frozenset(bag) & glossary().subjects


@cache
def _bodies() -> tuple[dict[str, str], frozenset[tuple[str, ...]], frozenset[tuple[str, ...]],
                       frozenset[str]]:
    data = load_data("bodies.json")
    stop = glossary().stopwords
    forms = {}
    for concept, labels in data["bodies"].items():
        for label in labels:
            forms[" ".join(w for w in fold(label).split() if w not in stop)] = concept
    embassy = frozenset(tuple(fold(w).split()) for w in data["embassy_words"])
    consulate = frozenset(tuple(fold(w).split()) for w in data["consulate_words"])
    return forms, embassy, consulate, frozenset(fold(w) for w in data["host_prepositions"])


@cache
def contextual_bodies() -> frozenset[str]:
    """Bodies that stand for their country or are an article's source (bodies.json)."""
    return frozenset(load_data("bodies.json")["contextual"])


@lru_cache(maxsize=65536)
def body_key(name: str, country: str | None) -> tuple[str, str | None] | None:
    """(concept, country) when the name is a generic body such as a ministry of health or an
    embassy; the country named in the name wins over `country`. None for other names."""
    forms, embassy, consulate, host_words = _bodies()
    words = fold(name).split()
    for phrases, label in ((embassy, "embassy"), (consulate, "consulate")):
        found = _diplomatic_mission(words, phrases, host_words)
        if found is not None:
            sender, host = found
            return f"{label}:{host or '?'}", sender
    countries = find_countries(words)
    named = {code for _, _, code in countries}
    if len(named) > 1:
        return None
    rest = [w for i, w in enumerate(words)
            if not any(s <= i < e for s, e, _ in countries) and w not in glossary().stopwords]
    concept = forms.get(" ".join(rest))
    if concept is None:
        return None
    return concept, (named.pop() if named else country)


def _diplomatic_mission(words: list[str], phrases: frozenset[tuple[str, ...]],
                        host_words: frozenset[str]) -> tuple[str, str | None] | None:
    """(sending country, host country or None) for 'Embassy of France in Vietnam' and the like."""
    if not any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words))):
        return None
    sender = host = None
    for start, _end, code in find_countries(words):
        if start > 0 and words[start - 1] in host_words:
            host = code
        elif sender is None:
            sender = code
    if sender is None:
        return None
    return sender, host


# --- acronyms -------------------------------------------------------------------------------


def is_acronym(name: str) -> bool:
    """'MEAE', 'MoH', 'VSS', 'AP-HP'."""
    return bool(ACRONYM.match(name.strip()))


def acronym_form(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", name).upper()


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Initials of the significant words: 'Hanoi Medical University' -> 'HMU'."""
    stop = glossary().stopwords
    words = [w for w in fold(name).split() if w not in stop]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


@cache
def known_acronyms() -> tuple[dict[str, dict], frozenset[str]]:
    data = load_data("acronyms.json")
    return data["bodies"], frozenset(acronym_form(a) for a in data["generic"])


@cache
def named_acronyms() -> dict[str, str]:
    """Acronym -> full name of bodies known worldwide by one name (WHO, OMS, AFD...)."""
    return {acronym_form(a): name for a, name in load_data("acronyms.json")["named"].items()}
