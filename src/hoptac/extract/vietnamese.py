"""Persons and organizations in Vietnamese articles, by rules and gazetteers.

underthesea's CRF NER merges titles into names and tags ministers as places, so it is not
used; its word segmentation and part-of-speech tags are (offline). The rules follow how
Vietnamese news names people and bodies:

- a person is introduced by a position title, possibly followed by the body and country the
  title belongs to, then the name: "Thứ trưởng Bộ Y tế Trần Văn Thuấn", "Đại sứ Pháp tại
  Việt Nam Olivier Brochet"; or by an honorific ("ông", "bà", "ngài", "GS.TS."); or stands
  alone as a surname followed by one to three capitalised syllables ("Nguyễn Thị Kim Tiến");
  a title may also follow the name ("ông Fuji Hisayuki, Trưởng phòng ...").
- an organization is a head noun ("Bộ", "Bệnh viện", "Trường Đại học", "Đại sứ quán") followed
  by a name that starts with a capital and may go on with known lowercase words ("Vụ Hợp tác
  quốc tế") and country names ("Bộ Y tế Nga"); well-known bodies with commas or acronyms
  come from a gazetteer ("Cục Quản lý Khám, chữa bệnh", "Tổ chức Y tế Thế giới (WHO)");
  a name may also go on in lowercase until its proper part ("Trung tâm kiểm soát bệnh tật
  Thành phố", "Ủy ban liên Chính phủ Việt Nam - Lào").

Once the whole article is read, mentions are joined into bodies: a short form with one longer
form ("Sở Y tế" / "Sở Y tế Quảng Ninh"), two spellings of one foreign body, "UBND tỉnh" and the
one province the article names. Foreign parties, ministries Viet Nam does not have and
foreigners whose country is never stated near them take the article's partner country.

Gazetteers live in data/vi_persons.json, data/vi_organizations.json and data/vi_places.json.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from unidecode import unidecode

from hoptac.extract.context import Context, Sentence

DATA = Path(__file__).parent / "data"

TOKEN = re.compile(r"[\w\u0300-\u036f]+(?:[-'’][\w\u0300-\u036f]+)*|[^\w\s]")
# a Vietnamese syllable once tones and vowel marks are removed: initial, vowels, final
VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(uye|uya|oai|oay|uoi|uou|ieu|yeu|uay|uye|[aeiouy]{1,3})(ch|ng|nh|[cmnpt])?$"
)
VI_ONLY_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
VI_ONLY_MARKS = {"\u031b", "\u0306", "\u0323", "\u0309"}  # horn, breve, dot below, hook
CLAUSE_END = {",", ".", ";", ":", "!", "?", "(", ")", "“", "”", '"', "…"}
DASHES = {"-", "–", "—"}
FORMER = {"cựu", "nguyên", "quyền"}  # former or acting holder of the title ("cựu Đại sứ")


# --------------------------------------------------------------------------- data


@cache
def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its lowercase tokens, as `tokenize` cuts them."""
    return tuple(TOKEN.findall(_normal(text).lower()))


@cache
def _phrases(kind: str) -> dict[tuple[str, ...], object]:
    """Lookup tables of lowercase syllable tuples -> value, for the gazetteers."""
    persons, orgs, places = _load("vi_persons.json"), _load("vi_organizations.json"), _load(
        "vi_places.json")
    if kind == "titles":
        return {_key(t): t for t in persons["titles"]}
    if kind == "honorifics":
        return {_key(t): t for t in persons["honorifics"]}
    if kind == "modifiers":
        return {_key(t): t for t in persons["title_modifiers"]}
    if kind == "countries":
        names = {**_shared_vietnamese_country_names(), **places["countries_extra"]}
        return {_key(name): code for name, code in names.items()}
    if kind == "state_prefixes":
        return {_key(t): t for t in places["state_prefixes"]}
    if kind == "places":
        table: dict[tuple[str, ...], object] = {_key(p): None for p in places["places"]}
        table.update(_phrases("countries"))
        return table
    if kind == "heads":
        return {_key(h["head"]): h for h in orgs["heads"]}
    if kind == "known":
        table = {}
        short = {long: abbr for abbr, long in orgs["abbreviations"].items()
                 if long.split()[0] in {"Bệnh", "Đại"}}
        for org in orgs["known"]:
            for name in [org["name"], *org["aliases"]]:
                table.setdefault(_key(name), (org, name))
                for long, abbr in short.items():  # "BV Chợ Rẫy", "Trường ĐH Y Hà Nội"
                    if long in name:
                        written = name.replace(long, abbr, 1)
                        table.setdefault(_key(written), (org, written))
        return table
    if kind == "admin_units":
        return {_key(w): w for w in orgs["admin_units"]}
    if kind == "name_words":
        return {_key(w): w for w in orgs["name_words"]}
    raise KeyError(kind)


def _shared_vietnamese_country_names() -> dict[str, str]:
    """The Vietnamese country names of the project-wide countries.json (name -> ISO code)."""
    shared = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return {name: code for code, entry in shared.get("countries", {}).items()
            for name in entry.get("names", {}).get("vi", [])}


@cache
def _surnames() -> frozenset[str]:
    return frozenset(_load("vi_persons.json")["surnames"])


@cache
def _particles() -> frozenset[str]:
    return frozenset(_load("vi_persons.json")["name_particles"])


# --------------------------------------------------------------------------- tokens


@dataclass
class Token:
    text: str
    start: int  # article offsets
    end: int
    tag: str = ""  # underthesea part of speech of the word this syllable belongs to
    word_start: bool = True  # first syllable of a segmented word
    word_end: bool = True  # last syllable of a segmented word
    source: str = field(default="", repr=False)  # the article text

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(sentence: Sentence, text: str) -> list[Token]:
    """Syllables and punctuation of a sentence, with article offsets and POS of their word."""
    # matching uses the composed form (NFC) of each syllable; offsets stay those of the text
    tokens = [Token(_normal(m.group()), sentence.start + m.start(), sentence.start + m.end(),
                    source=text)
              for m in TOKEN.finditer(sentence.text)]
    _attach_words(sentence, tokens)
    return tokens


def _normal(text: str) -> str:
    """The form matched against the gazetteers: composed (NFC), one kind of dash, and 'sĩ' for
    its older spelling 'sỹ' ('Tiến sỹ', 'Bác sỹ')."""
    composed = unicodedata.normalize("NFC", text).replace("–", "-").replace("—", "-")
    return OLD_SI.sub(lambda m: m.group(1) + "ĩ", composed)


OLD_SI = re.compile(r"(?<![\w\u0300-\u036f])([sS])ỹ(?![\w\u0300-\u036f])")


def _attach_words(sentence: Sentence, tokens: list[Token]) -> None:
    """Align underthesea's segmented, tagged words to the syllable tokens."""
    by_start = {t.start - sentence.start: i for i, t in enumerate(tokens)}
    cursor = 0
    for word, tag in _pos_tag(sentence.text):
        syllables = word.split()
        if not syllables:
            continue
        found = sentence.text.find(syllables[0], cursor)
        if found < 0 or found not in by_start:
            continue
        first = by_start[found]
        count = len([t for t in TOKEN.findall(word)])
        last = min(first + count, len(tokens)) - 1
        for i in range(first, last + 1):
            tokens[i].tag = tag
            tokens[i].word_start = i == first
            tokens[i].word_end = i == last
        cursor = found + len(syllables[0])


def _pos_tag(text: str) -> list[tuple[str, str]]:
    from underthesea import pos_tag

    try:
        return pos_tag(text)
    except Exception:  # underthesea fails on a few odd inputs; fall back to no tags
        return []


def _match(tokens: list[Token], i: int, table: dict, max_len: int = 9,
           whole_words: bool = False) -> tuple[int, object]:
    """Length and value of the longest phrase of `table` starting at token i (0 if none)."""
    for n in range(min(max_len, len(tokens) - i), 0, -1):
        key = tuple(t.low for t in tokens[i:i + n])
        if key in table:
            if whole_words and not (tokens[i].word_start and _ends_word(tokens, i + n)):
                continue
            return n, table[key]
    return 0, None


def _ends_word(tokens: list[Token], j: int) -> bool:
    """Whether a phrase ending before token j ends a word: underthesea's word ends there, or
    it glued a capitalised name of two syllables or more to it ('Đảng Dân chủ Nhân dân' as one
    word; not 'Hội An', a city)."""
    if tokens[j - 1].word_end:
        return True
    return (j + 1 < len(tokens) and tokens[j].is_cap and tokens[j].is_word
            and tokens[j - 1].is_cap and not tokens[j].word_end)


# --------------------------------------------------------------------------- name shapes


def is_vietnamese_syllable(word: str) -> bool:
    """Whether `word` can be one Vietnamese syllable (Olivier, Naoki, Pratt cannot)."""
    if any(ch in VI_ONLY_LETTERS for ch in word):
        return True
    plain = unidecode(word).lower()
    return bool(VI_SYLLABLE.match(plain))


def _is_foreign_word(token: Token) -> bool:
    """A capitalised word that Vietnamese spelling cannot produce ('Pháp-Việt' can)."""
    return token.is_cap and not all(is_vietnamese_syllable(part)
                                    for part in re.split(r"[-'’]", token.text) if part)


def _has_vi_marks(text: str) -> bool:
    """Marks that only Vietnamese spelling uses: horns, breves, the dot below, the hook above,
    đ, and a tone stacked on a circumflex (ế, ồ); French and Spanish stop at é, è, ê, ñ."""
    if any(ch in "đĐ" for ch in text):
        return True
    for ch in text:
        marks = [m for m in unicodedata.normalize("NFD", ch) if unicodedata.combining(m)]
        if len(marks) > 1 or any(m in VI_ONLY_MARKS for m in marks):
            return True
    return False


def ascii_form(name: str) -> str:
    """The diacritic-free spelling of a name (đ -> d): Trần Văn Thuấn -> Tran Van Thuan."""
    return unidecode(name.replace("đ", "d").replace("Đ", "D"))


# --------------------------------------------------------------------------- spans


@dataclass
class Span:
    i: int  # token indexes, end exclusive
    j: int
    value: object = None


@dataclass
class OrgHit:
    i: int
    j: int
    name: str
    kind: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)
    key: str = ""  # what mentions of the same body share (see _org_key)
    country_guessed: bool = False  # Viet Nam by default, not read in the text
    country_after: bool = False  # read after the name: "Trường ĐH Harvard (Mỹ)"
    name_start: int = 0  # first token after the head noun
    head: dict | None = None
    written_is_alias: bool = True  # False when the text at i:j is only part of the name
    bare_unit: str = ""  # "tỉnh" in "UBND tỉnh": the province is the one the article names


@dataclass
class PersonHit:
    i: int
    j: int
    name: str
    foreign: bool
    title: str | None = None
    title_span: tuple[int, int] | None = None
    country: str | None = None
    # a second title after the name: "Đại tá Lâm Quang Huy, Phó Giám đốc Sở Y tế Cần Thơ"
    later_title: tuple[str, tuple[int, int]] | None = None


def find_places(tokens: list[Token]) -> list[Span]:
    """Countries and places (value: ISO code for countries, None for other places)."""
    spans: list[Span] = []
    i = 0
    places = _phrases("places")
    while i < len(tokens):
        prefix = _match(tokens, i, _phrases("state_prefixes"), max_len=8)[0]
        n, code = _match(tokens, i + prefix, places, max_len=8)
        if n and code and prefix:
            spans.append(Span(i, i + prefix + n, code))  # "Cộng hòa Cuba", "Vương quốc Anh"
            i += prefix + n
        elif n := _match(tokens, i, places, max_len=8)[0]:
            if tokens[i].is_cap and not _inside_name(tokens, i, n) \
                    and not _inside_word(tokens, i + n):
                code = None if _local_name(tokens, i, n) else places[_key_of(tokens, i, n)]
                spans.append(Span(i, i + n, code))
                i += n
            else:
                i += 1
        else:
            i += 1
    return spans


def _inside_word(tokens: list[Token], j: int) -> bool:
    """'Pháp' in 'pháp y' (forensics): the segmenter's word goes on in lowercase past j."""
    return (0 < j < len(tokens) and not tokens[j - 1].word_end and not tokens[j].word_start
            and tokens[j].is_word and not tokens[j].is_cap and not _is_caps_word(tokens[j - 1]))


def _is_caps_word(token: Token) -> bool:
    """An abbreviation in capitals ('TQ', 'YHCT'), which the segmenter may glue to the next
    word."""
    return len(token.text) > 1 and token.text.isupper()


def _local_name(tokens: list[Token], i: int, n: int) -> bool:
    """'xã Mỹ Hạnh Trung', 'phường Nhật Tân': a country's name that opens the name of a
    commune or district is not that country."""
    return (i > 0 and tokens[i - 1].is_word and not tokens[i - 1].is_cap
            and bool(_match(tokens, i - 1, _phrases("admin_units"), max_len=1)[0])
            and i + n < len(tokens) and tokens[i + n].is_cap and tokens[i + n].is_word)


def _key_of(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.low for t in tokens[i:i + n])


def _inside_name(tokens: list[Token], i: int, n: int) -> bool:
    """'Anh' in 'Nguyễn Thúy Anh', 'Thái Bình' in 'Nguyễn Thái Bình': part of a person name."""
    if i == 0 or n > 2:
        return False
    prev = tokens[i - 1]
    if not (prev.is_word and prev.is_cap and is_vietnamese_syllable(prev.text)):
        return False
    if not all(t.is_word and is_vietnamese_syllable(t.text) for t in tokens[i:i + n]):
        return False
    return not (_match(tokens, i - 1, _phrases("heads"))[0]
                or _match(tokens, i - 1, _phrases("titles"))[0])


def _place_at(places: list[Span], i: int) -> Span | None:
    return next((p for p in places if p.i == i), None)


def _country_in(tokens: list[Token], places: list[Span], i: int, j: int) -> str | None:
    """The first country named in tokens[i:j] that is not a location ('tại Việt Nam')."""
    for place in places:
        if i <= place.i < j and place.value:
            if place.i > 0 and tokens[place.i - 1].low in {"tại", "ở"}:
                continue
            return str(place.value)
    return None


# --------------------------------------------------------------------------- organizations


def find_organizations(tokens: list[Token], places: list[Span]) -> list[OrgHit]:
    hits: list[OrgHit] = _spelled_out_acronyms(tokens)
    i = 0
    taken = {k for hit in hits for k in range(hit.i, hit.j + 3)}
    while i < len(tokens):
        listed = [] if i in taken else _listed_bodies(tokens, i, places)
        if listed:
            hits.extend(listed)
            i = listed[-1].j
            continue
        hit = None if i in taken else _organization_at(tokens, i, places)
        if hit:
            hits.append(hit)
            i = max(hit.j, *(b for _, b in hit.alias_spans)) if hit.alias_spans else hit.j
        else:
            i += 1
    return hits


def _listed_bodies(tokens: list[Token], i: int, places: list[Span]) -> list[OrgHit]:
    """'các Sở: Ngoại vụ, Y tế, Lao động – Thương binh và Xã hội': one plural head and a
    colon before a list of names is one body per name ('Sở Ngoại vụ', 'Sở Y tế', ...)."""
    if tokens[i].low != "các" or i + 2 >= len(tokens):
        return []
    n, head = _match(tokens, i + 1, _phrases("heads"), whole_words=True)
    if not n or head.get("named") is False or tokens[i + 1 + n].text != ":":
        return []
    head_text = _span_text(tokens, i + 1, i + 1 + n)
    head_text = head_text[0].upper() + head_text[1:]
    hits, k = [], i + 2 + n
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_cap:
        end = _list_item_end(tokens, k)
        name = f"{head_text} {_span_text(tokens, k, end)}"
        hit = OrgHit(k, end, name, head.get("kind", "other"),
                     _country_in(tokens, places, k, end) or "VN", written_is_alias=False,
                     country_guessed=_country_in(tokens, places, k, end) is None)
        hit.key = _name_key(name, hit.country)
        known = _phrases("known").get(_key(name))
        if known:
            body = known[0]
            hit.name, hit.kind, hit.country = body["name"], body["kind"], body["country"]
            hit.aliases = [a for a in [name, *body["aliases"]] if a != body["name"]]
            hit.key = _known_key(body)
        hits.append(hit)
        k = end
        if k < len(tokens) and (tokens[k].text == "," or tokens[k].low == "và"):
            k += 1
    return hits if len(hits) >= 2 else []


def _list_item_end(tokens: list[Token], k: int) -> int:
    """End of one name of a list: at a comma, at 'và' before a capital, at a place's unit."""
    end = k + 1
    while end < len(tokens):
        token = tokens[end]
        if token.text in {",", ";", ".", ":", "(", ")"} or _admin_unit_at(tokens, end):
            break
        if token.low == "và" and end + 1 < len(tokens) and tokens[end + 1].is_cap and \
                _word_start_of(tokens, end - 1).is_cap:
            break  # "Kế hoạch – Tài chính và Pháp chế": two departments
        if not token.is_word and token.text not in DASHES:
            break
        if token.is_word and not token.is_cap and token.word_start and token.low != "và":
            n = _match(tokens, end, _phrases("name_words"), max_len=4)[0]
            if not n:
                break
            end += n
            continue
        end += 1
    while end > k + 1 and (tokens[end - 1].low == "và" or tokens[end - 1].text in DASHES):
        end -= 1
    return end


def _word_start_of(tokens: list[Token], k: int) -> Token:
    """The first syllable of the segmented word that token k belongs to."""
    while k > 0 and not tokens[k].word_start:
        k -= 1
    return tokens[k]


def _spelled_out_acronyms(tokens: list[Token]) -> list[OrgHit]:
    """'United International Pharma (UIP)': capitalised words whose initials make the
    acronym in brackets after them name a body, with or without a head noun."""
    hits = []
    for k in range(2, len(tokens) - 1):
        acronym = tokens[k].text
        if not (tokens[k - 1].text == "(" and tokens[k + 1].text == ")"
                and acronym.isupper() and 2 <= len(acronym) <= 8 and acronym.isalpha()):
            continue
        start = _initials_start(tokens, k - 1, acronym)
        if start is None:
            continue
        vietnamese = any(_has_vi_marks(t.text) for t in tokens[start:k - 1])
        hit = OrgHit(start, k - 1, _span_text(tokens, start, k - 1), "other",
                     "VN" if vietnamese else None, aliases=[acronym], alias_spans=[(k, k + 1)])
        hit.key = _name_key(hit.name, None)
        hits.append(hit)
    return hits


def _initials_start(tokens: list[Token], end: int, acronym: str) -> int | None:
    """Where the words before `end` begin whose capitals spell `acronym`, if they do."""
    letters = list(acronym)
    k = end
    while letters and k > 0:
        token = tokens[k - 1]
        if not token.is_word:
            return None
        if token.is_cap:
            if token.text[0] != letters[-1]:
                return None
            letters.pop()
        elif token.low not in _particles() | {"of", "and", "for", "the", "và", "các"}:
            return None
        k -= 1
    return k if not letters and k < end - 1 else None


def _organization_at(tokens: list[Token], i: int, places: list[Span]) -> OrgHit | None:
    token = tokens[i]
    if not token.is_word:
        return None
    if not token.is_cap:
        return _lowercase_head_org(tokens, i, places)
    known_n, found = _match(tokens, i, _phrases("known"))
    known = None
    if known_n:
        known, alias = found
        if alias.isupper() and _span_text(tokens, i, i + known_n) != alias:
            known_n, known = 0, None  # acronyms match with their case only
    head_n, head = _match(tokens, i, _phrases("heads"), whole_words=True)
    if head_n and token.text.isupper() and len(token.text) > 1 and not head["head"].isupper():
        head_n, head = 0, None  # "TỔ CHỨC HỘI NGHỊ": a headline in capitals, not a name
    if known_n and known_n >= head_n:
        j = _extend_with_country(tokens, i + known_n, places)
        if head_n and head.get("named") is not False:
            longer = _extend_name(tokens, i, i + head_n, places, head)
            if longer > j and _country_in(tokens, places, j, longer) not in {None, "VN"}:
                # "Bộ Y tế và Dịch vụ con người Hoa Kỳ": a longer, foreign name
                return _finish_org(tokens, i, longer, places, head=head, name_start=i + head_n)
        return _finish_org(tokens, i, j, places, known=known, name_start=i + known_n)
    if head_n:
        if head.get("named") is False:
            j = _extend_with_country(tokens, i + head_n, places, any_place=True)
            j = _extend_with_admin_place(tokens, j, places)
            if j == i + head_n and not head.get("alone"):
                return _bare_admin_body(tokens, i, head_n, places, head)
            if j == i + head_n and _attributive(tokens, i):
                return None  # "tổ chức phi Chính phủ", "hợp tác Chính phủ": no body meant
            return _finish_org(tokens, i, j, places, head=head, name_start=i + head_n)
        j = _extend_name(tokens, i, i + head_n, places, head)
        if j > i + head_n:
            return _finish_org(tokens, i, j, places, head=head, name_start=i + head_n)
        return None
    return _acronym_at(tokens, i)


def _lowercase_head_org(tokens: list[Token], i: int, places: list[Span]) -> OrgHit | None:
    """'bệnh viện Chợ Rẫy', 'tập đoàn Pfizer': news also writes these heads in lowercase.

    Only hospitals, universities, companies and the heads marked 'lowercase_head' (trung tâm,
    hiệp hội, ủy ban), and only before a capitalised name that is more than a country ('các
    trường đại học Pháp' names no one).
    """
    head_n, head = _match(tokens, i, _phrases("heads"), whole_words=True)
    if not head_n or not (head.get("kind") in LOWERCASE_HEAD_KINDS or head.get("lowercase_head")):
        return None
    if len(head["head"].split()) < 2 or i + head_n >= len(tokens):
        return None
    first = tokens[i + head_n]
    if not (first.is_cap and first.is_word) and not _admin_unit_at(tokens, i + head_n):
        return None
    place = _place_at(places, i + head_n)
    j = _extend_name(tokens, i, i + head_n, places, head)
    if place is not None and place.j >= j or j == i + head_n:
        return None
    return _finish_org(tokens, i, j, places, head=head, name_start=i + head_n)


LOWERCASE_HEAD_KINDS = {"hospital", "university", "company"}


def _acronym_at(tokens: list[Token], i: int) -> OrgHit | None:
    """A standalone well-known acronym or brand (WHO, JICA, Pfizer)."""
    table = _load("vi_organizations.json")
    text = tokens[i].text
    if text not in table["acronyms"] or not tokens[i].word_start:
        return None
    full = table["acronyms"][text]
    if full:
        known, _ = _phrases("known")[_key(full)]
        hit = OrgHit(i, i + 1, full, known["kind"], known["country"],
                     aliases=[a for a in known["aliases"] if a != full])
        hit.key = _known_key(known)
        return hit
    hit = OrgHit(i, i + 1, text, table["acronym_kinds"].get(text, "company"),
                 table["acronym_countries"].get(text))
    hit.key = _name_key(hit.name, hit.country)
    return hit


def _attributive(tokens: list[Token], i: int) -> bool:
    """Whether the word before token i makes what follows a qualifier ('phi', 'cấp')."""
    for word in _load("vi_organizations.json")["attributive_before"]:
        n = len(_key(word))
        if i >= n and _key_of(tokens, i - n, n) == _key(word):
            return True
    return False


def _bare_admin_body(tokens: list[Token], i: int, head_n: int, places: list[Span],
                     head: dict) -> OrgHit | None:
    """'UBND tỉnh' with no name: kept with its unit, for the article's one province to name it
    (see _Registry._name_bare_admin_bodies); 'UBND' alone says nothing and is dropped."""
    k = i + head_n
    n = _match(tokens, k, _phrases("admin_units"), max_len=3)[0]
    if not n or tokens[k].text.isupper():
        return None
    if _admin_unit_at(tokens, k) and tokens[k + n].text not in _surnames():
        return None  # a place follows after all
    hit = _finish_org(tokens, i, k + n, places, head=head, name_start=k)
    hit.bare_unit = _span_text(tokens, k, k + n).lower()
    return hit


def named_admin_places(tokens: list[Token], places: list[Span]) -> list[tuple[str, str]]:
    """(unit, name) of every 'tỉnh Thái Bình', 'thành phố Cần Thơ' in a sentence."""
    found = []
    for k in range(len(tokens)):
        if tokens[k].is_word and not tokens[k].text.isupper() and _admin_unit_at(tokens, k):
            n = _match(tokens, k, _phrases("admin_units"), max_len=3)[0]
            end = _extend_with_admin_place(tokens, k, places)
            start = k + n
            while start < end and not tokens[start].is_word:
                start += 1
            if start < end:
                found.append((_span_text(tokens, k, k + n).lower(),
                              _span_text(tokens, start, end)))
    return found


def _extend_with_country(tokens: list[Token], j: int, places: list[Span],
                         any_place: bool = False) -> int:
    """'Bộ Y tế' + 'Nga', 'Chính phủ' + 'nước CHXHCN Việt Nam' ('UBND' + 'TPHCM' when
    any_place)."""
    k = j + 1 if j < len(tokens) and tokens[j].low == "nước" else j
    place = _place_at(places, k)
    if place is not None and (place.value or any_place):
        return place.j
    return j


def _extend_with_admin_place(tokens: list[Token], j: int, places: list[Span]) -> int:
    """'UBND' + 'tỉnh Thái Bình', 'UBND' + 'TP. Hồ Chí Minh'."""
    if not _admin_unit_at(tokens, j):
        return j
    k = j + _match(tokens, j, _phrases("admin_units"), max_len=3)[0]
    while k < len(tokens) and tokens[k].text == ".":
        k += 1
    place = _place_at(places, k)
    if place is not None:
        return place.j
    if tokens[k].text in _surnames():
        return j  # "UBND tỉnh Võ Đức Trong": a person's name, not the province's
    end = k
    while end < len(tokens) and end - k < 4 and tokens[end].is_cap and tokens[end].is_word:
        end += 1
    return end


def _extend_name(tokens: list[Token], start: int, j: int, places: list[Span], head: dict) -> int:
    """End of the name that follows an organization head at token j."""
    has_name = inner_head = False  # inner_head: the name so far is another head noun
    embassy = head["head"] in _load("vi_organizations.json")["embassy_heads"]
    while j < len(tokens):
        token = tokens[j]
        place = _place_at(places, j)
        if place is not None:
            j, has_name = place.j, True
            continue
        if token.is_word and not token.word_start and j > start and tokens[j - 1].is_word \
                and not _is_caps_word(tokens[j - 1]):
            j += 1  # the rest of a segmented word already begun ("Y tế"; not "TQ dự")
            continue
        if not has_name and _admin_unit_at(tokens, j):
            j += 1
            continue
        if not has_name and token.low == "người" and _place_at(places, j + 1) is not None:
            j, embassy = j + 1, True  # "Tổng Hội người Việt Nam tại Hàn Quốc"
            continue
        if token.is_word and (token.is_cap or token.text[0].isdigit()):
            if has_name and _starts_other_entity(tokens, j):
                break
            if token.text[0].isdigit() and _counts_something(tokens, j + 1):
                break  # "Sở Y tế 3 tỉnh": how many, not the body's number
            # "Bệnh viện Trường ĐH Y Dược": a head right after a head is part of the name
            head_n = _match(tokens, j, _phrases("heads"), whole_words=True)[0]
            j, has_name, inner_head = j + max(head_n, 1), not head_n, bool(head_n)
            continue
        if token.text == "." and j + 1 < len(tokens) and tokens[j + 1].is_cap and \
                tokens[j - 1].text.isupper() and len(tokens[j - 1].text) <= 3:
            j += 1  # "Bệnh viện ST. Mary’s"
            continue
        if not has_name and not inner_head:
            k = _lowercase_words_to_name(tokens, j, places, head)
            if k == j:
                break
            j, has_name = k, True  # "Trung tâm kiểm soát bệnh tật Thành phố"
            continue
        n, _ = _match(tokens, j, _phrases("name_words"), max_len=4)
        if n:
            j += n
            continue
        if _admin_unit_at(tokens, j):
            j += 1  # "Bệnh viện Đa khoa tỉnh Thái Bình": the place follows
            continue
        if n := _nouns_before_country(tokens, j, places):
            j += n  # "Bộ Y tế và Dịch vụ con người Hoa Kỳ"
            continue
        if token.low == "và" and _and_continues(tokens, j):
            j += 1
            continue
        if token.text in DASHES and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            if _admin_unit_at(tokens, j + 1):
                break  # "Trạm y tế xã A – Thị xã B": where it is, not its name
            place = _place_at(places, j + 1)
            if place is not None and not place.value:
                break  # "Bệnh viện Nhân dân 115 - TP. Hồ Chí Minh": a location, not the name
            pair = place is not None and place.value and _country_ends_at(places, j)
            if place is not None and not pair and (place.j >= len(tokens)
                                                   or not tokens[place.j].is_cap):
                break  # "Tập đoàn Nikkiso - Nhật Bản": the country the body belongs to
            j += 1
            continue
        if embassy and token.low == "tại" and _place_at(places, j + 1) is not None:
            j = _place_at(places, j + 1).j
            continue
        if token.low == "tại" and (city_end := _own_city_after(tokens, places, start, j)):
            j = city_end  # "Cục Quản lý YHCT TQ tại Quảng Tây": its branch in its own country
            continue
        break
    while j > start + 1 and (tokens[j - 1].low in {"và", "các", "của"}
                             or tokens[j - 1].text in DASHES):
        j -= 1
    return j


def _lowercase_words_to_name(tokens: list[Token], j: int, places: list[Span], head: dict) -> int:
    """End of the name when a head is followed by lowercase words that lead to a proper name:
    'Ủy ban liên Chính phủ Việt Nam - Lào', 'Trung tâm y tế dự phòng Thị xã Cai Lậy',
    'Trạm y tế xã Mỹ Hạnh Trung'. The lowercase words must be content words (no verb of the
    news stop list, no title such as 'lãnh đạo') and the proper part must follow within a few
    words: a place, an administrative unit with its name, or a capitalised word that opens no
    other body or title. j itself when the head is not followed that way ('Ban giám đốc')."""
    if not head.get("lowercase_name"):
        return j
    k = j
    while k < len(tokens) and sum(t.word_start for t in tokens[j:k]) < MAX_LOWERCASE_WORDS:
        token = tokens[k]
        if not token.is_word or token.is_cap or token.text[0].isdigit():
            break
        if _match(tokens, k, _phrases("titles"), whole_words=True)[0]:
            return j  # "Ban giám đốc Bệnh viện": the leaders of a body, not a body
        if _admin_unit_at(tokens, k):
            return _extend_with_admin_place(tokens, k, places) if k > j else j
        if _belongs_to_body(tokens, k):
            words = sum(t.word_start for t in tokens[j:k])
            return k if words >= 2 else j  # "Viện quốc gia các bệnh ... thuộc Viện Y tế ..."
        n = _match(tokens, k, _phrases("name_words"), max_len=4)[0]
        if not n and _is_function_word(tokens, k):
            return j
        k += max(n, 1)
    if k == j or k >= len(tokens) or not (tokens[k].is_cap and tokens[k].is_word):
        return j
    place = _place_at(places, k)
    if place is not None:  # "... Hoa Kỳ", not "Trung tâm hỗ trợ Nhật Bản đào tạo": a clause
        return j if _clause_goes_on(tokens, place.j) else place.j
    head_n, next_head = _match(tokens, k, _phrases("heads"), whole_words=True)
    if head_n:  # "liên Chính phủ", "... Thượng viện Hoa Kỳ", but not "... Bệnh viện"
        return k + head_n if next_head.get("named") is False else j
    if tokens[k].tag == "N" and tokens[k].word_start and not tokens[k].word_end and \
            not _match(tokens, k, _phrases("admin_units"), max_len=2)[0]:
        return j  # "Ban tổ chức Hội nghị": a common noun in capitals (an event), no name
    if _starts_other_entity(tokens, k) or tokens[k].tag == "Np" and tokens[k].text in _surnames():
        return j
    return k


def _clause_goes_on(tokens: list[Token], k: int) -> bool:
    """A lowercase content word at k: the words before were a clause, not a name."""
    return (k < len(tokens) and tokens[k].is_word and not tokens[k].is_cap
            and not _is_function_word(tokens, k))


def _belongs_to_body(tokens: list[Token], k: int) -> bool:
    """'thuộc' or 'trực thuộc' (part of) before a capitalised head: the name before it ends."""
    n = 2 if tokens[k].low == "trực" and k + 1 < len(tokens) and tokens[k + 1].low == "thuộc" \
        else 1 if tokens[k].low == "thuộc" else 0
    return bool(n) and k + n < len(tokens) and tokens[k + n].is_cap and bool(
        _match(tokens, k + n, _phrases("heads"), whole_words=True)[0])


def _nouns_before_country(tokens: list[Token], j: int, places: list[Span]) -> int:
    """How many lowercase nouns (up to three words) from j lead to a country's name that the
    body belongs to, or to 'và' and the capitalised rest of the name; 0 otherwise."""
    k = j
    while k < len(tokens) and sum(t.word_start for t in tokens[j:k + 1]) <= 3:
        if not (tokens[k].is_word and not tokens[k].is_cap and tokens[k].tag == "N"):
            break
        k += 1
    while k > j and not tokens[k - 1].word_end:
        k -= 1
    if k == j or k >= len(tokens):
        return 0
    place = _place_at(places, k)
    if place is not None and place.value:
        return k - j
    if tokens[k].low == "và" and _and_continues(tokens, k) and tokens[k + 1].is_cap:
        return k - j  # "Bộ Bình đẳng giới và Gia đình"
    return 0


MAX_LOWERCASE_WORDS = 6  # words, as underthesea segments them


def _is_function_word(tokens: list[Token], k: int) -> bool:
    """A one-syllable word of the news stop list ('đã', 'với', 'tại'), or a verb made only of
    such syllables ('tham dự', 'chủ trì'): it ends any name. Longer words that share a syllable
    with the list ('dự phòng') do not."""
    token = tokens[k]
    if token.low in {"của", "và", "các", "những", "tại", "ở"}:
        return True
    if token.word_start and token.word_end:
        return token.low in _stop_words()
    end = k
    while end < len(tokens) - 1 and not tokens[end].word_end:
        end += 1
    start = k
    while start > 0 and not tokens[start].word_start:
        start -= 1
    return token.tag == "V" and all(t.low in _stop_words() for t in tokens[start:end + 1])


def _country_ends_at(places: list[Span], j: int) -> bool:
    """A country's name ends just before token j ('Ủy ban liên Chính phủ Việt Nam' + '- Lào':
    a dash between two countries joins them into the name)."""
    return any(p.j == j and p.value for p in places)


def _own_city_after(tokens: list[Token], places: list[Span], start: int, j: int) -> int:
    """End of a city or province right after 'tại' (token j) that lies in the foreign country
    the name so far states; 0 otherwise ('... Hàn Quốc tại Hà Nội' stops before 'tại')."""
    country = _country_in(tokens, places, start, j)
    if country in {None, "VN"}:
        return 0
    for n in (3, 2, 1):
        words = tokens[j + 1:j + 1 + n]
        if len(words) == n and all(t.is_cap and t.is_word for t in words) and \
                _shared_cities().get(_key_of(tokens, j + 1, n)) == country:
            return j + 1 + n
    return 0


def _starts_other_entity(tokens: list[Token], j: int) -> bool:
    """A capitalised word that opens a title, another organization or a person's name."""
    if _match(tokens, j, _phrases("titles"), whole_words=True)[0]:
        return True
    if _match(tokens, j, _phrases("heads"), whole_words=True)[0] and tokens[j].low != "đại":
        return True
    if _match(tokens, j, _phrases("honorifics"), whole_words=True)[0]:
        return tokens[j].low in {"ông", "bà", "ngài"}
    return False


def _admin_unit_at(tokens: list[Token], j: int) -> bool:
    """'tỉnh', 'thành phố', 'TP.' followed by a capitalised place name."""
    n, _ = _match(tokens, j, _phrases("admin_units"), max_len=3)
    k = j + n
    while n and k < len(tokens) and tokens[k].text == ".":
        k += 1
    return bool(n) and k < len(tokens) and tokens[k].is_cap and tokens[k].is_word


def _and_continues(tokens: list[Token], j: int) -> bool:
    """'và' inside a name ("Bộ Giáo dục và Đào tạo", "Vụ Khoa học đào tạo và công nghệ")
    rather than between two bodies."""
    if j == 0 or j + 1 >= len(tokens):
        return False
    if not tokens[j + 1].is_cap:
        return (not tokens[j - 1].is_cap and tokens[j - 1].is_word
                and bool(_match(tokens, j + 1, _phrases("name_words"), max_len=4)[0]))
    if _starts_other_entity(tokens, j + 1):
        return False
    return tokens[j - 1].tag != "Np" and tokens[j + 1].tag != "Np"


def _finish_org(tokens: list[Token], i: int, j: int, places: list[Span], name_start: int,
                known: dict | None = None, head: dict | None = None) -> OrgHit:
    name = _span_text(tokens, i, j)
    country = _country_in(tokens, places, i, j)
    if known and j > name_start and country not in {None, "VN", known.get("country")}:
        known = None  # a known name followed by a country: "Bộ Y tế Nga" is another ministry
        head = _match(tokens, i, _phrases("heads"), whole_words=True)[1]
    if known:
        canonical = known["name"]
        if _key(name) == _key(known["name"]) and not name.isupper():
            canonical = name  # as written, unless in a headline's capitals
        hit = OrgHit(i, j, canonical, known["kind"], known["country"],
                     aliases=[a for a in [name, known["name"], *known["aliases"]]
                              if a != canonical])
    else:
        kind = (head or {}).get("kind", "other")
        after = guessed = False
        if country is None:
            country = _country_after(tokens, places, j)
            after = country is not None
        if country is None:
            country, guessed = _default_org_country(tokens, name_start, j, kind), True
        hit = OrgHit(i, j, name, kind, country, country_guessed=guessed, country_after=after)
        if kind == "company":
            hit.aliases.extend(_foreign_part(tokens, name_start, j))  # "Pfizer Inc", as abroad
        hit.aliases.extend(_english_forms(tokens, name_start, j, kind))
    hit.key = _known_key(known) if known else _org_key(tokens, places, hit, name_start)
    hit.name_start, hit.head = name_start, head
    _attach_acronym(tokens, hit)
    return hit


def _outside_titles(tokens: list[Token], orgs: list[OrgHit]) -> list[OrgHit]:
    """Drop the bodies that are a word of a title ('Thủ tướng Chính phủ', 'Đại biểu Quốc
    hội'): the title names a position, the article does not report on that body."""
    inside: set[int] = set()
    for i in range(len(tokens)):
        n, _ = _match(tokens, i, _phrases("titles"))
        inside.update(range(i, i + n))
    return [o for o in orgs if not all(k in inside for k in range(o.i, o.j))]


def split_known_prefix(tokens: list[Token], places: list[Span], orgs: list[OrgHit],
                       seen: set[str]) -> list[OrgHit]:
    """'Bệnh viện Đại học Kyoto Hiroshi Tanaka' once 'Bệnh viện Đại học Kyoto' is known:
    the body seen earlier in the article ends where the person's name begins."""
    result = []
    for hit in orgs:
        if hit.head is not None and hit.head.get("named") is not False and not hit.alias_spans:
            for n in range(hit.j - 2, hit.name_start, -1):
                rest = tokens[n:hit.j]
                if len(rest) > 4 or not all(t.is_word and t.is_cap for t in rest):
                    break
                if any(p.i < hit.j and p.j > n for p in places):
                    continue  # "... thành phố Cần Thơ": the rest is a place, not a person
                if _name_key(_span_text(tokens, hit.i, n), None).split("|")[0] in seen:
                    hit = _finish_org(tokens, hit.i, n, places, name_start=hit.name_start,
                                      head=hit.head)
                    break
        result.append(hit)
    return result


def _english_forms(tokens: list[Token], start: int, j: int, kind: str) -> list[str]:
    """'Bệnh viện Bạch Mai' -> 'Bạch Mai Hospital', 'Đại học Clermont Auvergne' -> 'Clermont
    Auvergne University': how English reports name a hospital or university whose name is a
    proper name only (not 'Bệnh viện Nhi Trung ương', whose words must be translated)."""
    english = {"hospital": "Hospital", "university": "University"}.get(kind)
    words = tokens[start:j]
    if not english or not words or not all(t.is_word and t.is_cap for t in words):
        return []
    if any(t.low in MEDICAL_WORDS or _match(tokens, k, _phrases("name_words"), max_len=4)[0]
           or _match(tokens, k, _phrases("heads"))[0] for k, t in enumerate(words, start)):
        return []
    return [f"{_span_text(tokens, start, j)} {english}"]


MEDICAL_WORDS = {"y", "dược", "nhi", "sản", "mắt", "lao", "phổi", "quân"}  # "Y Dược", "Quân y"


def _foreign_part(tokens: list[Token], start: int, j: int) -> list[str]:
    """The foreign-spelled words that end a company's name ('Tập đoàn Y tế Myongji')."""
    k = j
    while k > start and (_is_foreign_word(tokens[k - 1]) or tokens[k - 1].text in {"."}
                         or tokens[k - 1].text.isupper()):
        k -= 1
    while k < j and not tokens[k].is_word:
        k += 1
    return [_span_text(tokens, k, j)] if k < j and any(
        _is_foreign_word(t) for t in tokens[k:j]) else []


def _country_after(tokens: list[Token], places: list[Span], j: int) -> str | None:
    """'Trường ĐH Y khoa Harvard (Mỹ)', 'Tập đoàn Pfizer của Mỹ', '..., Trung Quốc'."""
    if j + 1 < len(tokens) and tokens[j].text in {"(", ",", "của"} | DASHES:
        place = _place_at(places, j + 1)
        if place is not None and place.value:
            closing = tokens[place.j].text if place.j < len(tokens) else "."
            if tokens[j].text == "(" and closing == ")" or tokens[j].text != "(" and (
                    closing in CLAUSE_END or closing.islower()):
                return str(place.value)
    return None


def _default_org_country(tokens: list[Token], name_start: int, j: int, kind: str) -> str | None:
    """Viet Nam for a body with a Vietnamese name; none for foreign-named or international."""
    if kind == "international" or _names_international_body(tokens, name_start, j):
        return None  # "Văn phòng WHO tại Việt Nam": an office of WHO, no country's
    city = _city_country(tokens, name_start, j)
    if city:
        return city  # "ĐH Y Dược TP.HCM", "Viện Pasteur Paris", "Cục Hải quan Nam Ninh"
    if kind in {"government", "ministry", "agency"}:
        return "VN"  # UBND, Sở, Cục...: Vietnamese administration unless a country is named
    words = [t for t in tokens[name_start:j] if t.is_word]
    if words and _is_foreign_word(words[-1]):
        return None  # "Tập đoàn Y tế Seishokai", "Bệnh viện HPlus Yangji": a foreign name
    return "VN"


def _names_international_body(tokens: list[Token], start: int, j: int) -> bool:
    """Whether the name holds the acronym of a body that belongs to no country (WHO)."""
    acronyms = _load("vi_organizations.json")["acronyms"]
    for token in tokens[start:j]:
        full = acronyms.get(token.text)
        if full and _key(full) in _phrases("known"):
            known, _ = _phrases("known")[_key(full)]
            if known.get("country") is None:
                return True
    return False


def _city_country(tokens: list[Token], start: int, j: int) -> str | None:
    """The country of the city that ends a name, from countries.json's city lists."""
    cities = _shared_cities()
    for k in range(start, j):
        code = cities.get(_key(_span_text(tokens, k, j)))
        if code:
            return code
    return None


@cache
def _shared_cities() -> dict[tuple[str, ...], str]:
    shared = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    cities = {_key(city): code for code, entry in shared.get("countries", {}).items()
              for city in entry.get("cities", [])}
    cities.update({_key(city): code for city, code in _load("vi_places.json")["foreign_cities"]
                   .items()})
    return cities


def _org_key(tokens: list[Token], places: list[Span], hit: OrgHit, name_start: int) -> str:
    """What two mentions of one body share: the name without its trailing country words, and
    the countries its name states.

    "Bộ Y tế", "Bộ Y tế Việt Nam" and "Bộ Y tế nước CHXHCN Việt Nam" are one ministry;
    "Bộ Y tế Belarus" and "Bộ Y tế Cộng hòa Belarus" another; "Bệnh viện Hữu nghị Việt
    Nam - Lào" and "... Việt Nam - Cuba" two hospitals. Abbreviated heads are spelled out
    ("BV" = "Bệnh viện"). A company is known by its name alone ("Tập đoàn Pfizer Inc" and
    "Pfizer").
    """
    if hit.i + 1 == hit.j:
        return _name_key(hit.name, hit.country)
    states = sorted({str(p.value) for p in places if hit.i <= p.i < hit.j and p.value
                     and not (p.i > 0 and tokens[p.i - 1].low == "tại")})
    end = hit.j
    while end > hit.i + 1:
        place = next((p for p in places if p.j == end and p.value and p.i > hit.i), None)
        if place is not None:
            end = place.i
        elif tokens[end - 1].low in {"nước", "tại"}:
            end -= 1
        else:
            break
    start = name_start if hit.kind == "company" else hit.i
    abbreviations = _load("vi_organizations.json")["abbreviations"]
    words = [abbreviations.get(t.text, t.text) for t in tokens[start:end]]
    if len(words) > 2 and words[0] == "Trường" and _key(words[1])[0] == "đại":
        words = words[1:]  # "Trường Đại học Y Hà Nội" is also written "Đại học Y Hà Nội"
    if hit.kind == "company":
        words = [w for w in words if w.lower() not in COMPANY_SUFFIXES]
    return _name_key(" ".join(words), ",".join(states) or hit.country)


def _known_key(known: dict) -> str:
    """Every mention of a gazetteer body, however written, is that one body."""
    return _name_key(known["name"], known["country"]) + "|known"


def _name_key(name: str, country: str | None) -> str:
    plain = ascii_form(name).lower()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split()) + "|" + str(country)


COMPANY_SUFFIXES = {"inc", "ltd", "co", "corp", "jsc", "plc", "sa", "ag", "gmbh", "llc", "."}


def _attach_acronym(tokens: list[Token], hit: OrgHit) -> None:
    """'(WHO)' right after a name is its acronym."""
    j = hit.j
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        word = tokens[j + 1].text
        if word.isupper() and 2 <= len(word) <= 10 or (word[0].isupper() and len(word) <= 6
                                                          and not is_vietnamese_syllable(word)):
            if word not in hit.aliases:
                hit.aliases.append(word)
            hit.alias_spans.append((j + 1, j + 2))


def _span_text(tokens: list[Token], i: int, j: int) -> str:
    return tokens[i].source[tokens[i].start:tokens[j - 1].end]


# --------------------------------------------------------------------------- persons


def find_persons(tokens: list[Token], places: list[Span], orgs: list[OrgHit]) -> list[PersonHit]:
    covered = _covered(places, orgs)
    hits: list[PersonHit] = []
    i = 0
    while i < len(tokens):
        hit = _person_after_title(tokens, i, places, orgs, covered)
        if hit is None:
            hit = _person_after_honorific(tokens, i, covered)
        if hit is None and i not in covered:
            hit = _bare_vietnamese_name(tokens, i, covered)
        if hit is None:
            i += 1
            continue
        if _is_credit(tokens, hit):
            i = hit.j
            continue
        _title_after_name(tokens, hit, places, orgs)
        if hit.country is None:
            hit.country = _person_country(tokens, places, orgs, hit)
        hits.append(hit)
        i = hit.j
    return hits


def _is_credit(tokens: list[Token], hit: PersonHit) -> bool:
    """A photographer or author credit ('Ảnh: Trần Minh', a name alone on the last line):
    people who made the article, not people it reports on."""
    if hit.title is not None:
        return False
    before = [t.low for t in tokens[max(0, hit.i - 4):hit.i]]
    if any(word in CREDIT_WORDS for word in before) and (":" in before or "/" in before):
        return True
    rest = [t for t in tokens[:hit.i] + tokens[hit.j:] if t.is_word]
    return not rest  # the whole line is the name: a byline


CREDIT_WORDS = {"ảnh", "bài", "tin", "video", "nguồn", "clip", "đồ", "họa", "hoạ"}


def _covered(places: list[Span], orgs: list[OrgHit]) -> set[int]:
    covered: set[int] = set()
    for span in places:
        covered.update(range(span.i, span.j))
    for org in orgs:
        covered.update(range(org.i, org.j))
        for a, b in org.alias_spans:
            covered.update(range(a, b))
    return covered


def _org_at(orgs: list[OrgHit], i: int) -> OrgHit | None:
    return next((o for o in orgs if o.i == i), None)


def _person_after_title(tokens: list[Token], i: int, places: list[Span], orgs: list[OrgHit],
                        covered: set[int]) -> PersonHit | None:
    """'Thứ trưởng Bộ Y tế Trần Văn Thuấn': a title, what it belongs to, then the name."""
    if i in covered and not _org_at(orgs, i):
        return None
    n = _title_length(tokens, i, orgs)
    if not n or not (tokens[i].word_start or tokens[i].tag == ""):
        return None
    j = title_end = i + n
    steps = 0
    # "ông A, Trưởng phòng X – ông B": a title after a comma or dash belongs to the name before
    appositive = i > 1 and tokens[i - 1].text in DASHES | {","} and tokens[i - 2].is_cap
    while j < len(tokens) and steps < 14:
        steps += 1
        org = _org_at(orgs, j)
        if org is not None:
            name_in_org = _split_person_from_org(tokens, org)
            if name_in_org is not None:
                return _person_hit(tokens, name_in_org, i, name_in_org[0], foreign=False)
            j = max([org.j] + [b for _, b in org.alias_spans])
            continue
        place = _place_at(places, j)
        if place is not None:
            j = place.j
            continue
        token = tokens[j]
        m, _ = _match(tokens, j, _phrases("modifiers"), max_len=4)
        if m:
            j += m
            continue
        if token.text in DASHES and j + 1 < len(tokens) and tokens[j + 1].low in {
                "ông", "bà", "ngài"} and not appositive:
            j += 1  # "Tổng lãnh sự Nhật Bản tại Đà Nẵng – ông MORI Takero"
            continue
        if token.text in DASHES and j + 1 < len(tokens) and j > title_end and not appositive \
                and _name_at(tokens, j + 1, covered, after_title=True):
            j += 1  # "Bộ trưởng Y tế Hoa Kỳ - Kathleen Sebelius"
            continue
        if token.is_word and not token.word_start and j > title_end and not token.is_cap:
            j += 1  # the rest of a word begun with a capital ("Phúc lợi")
            continue
        if token.low == "và" and j > title_end and _and_continues_title(tokens, j):
            j += 1  # "Bộ trưởng Y tế và Phúc lợi ...": the ministry's name goes on
            continue
        h, _ = _match(tokens, j, _phrases("honorifics"), max_len=4)
        if h:
            k = _skip_prefix_punctuation(tokens, j + h)
            name = _name_at(tokens, k, covered, after_title=True)
            if name:
                return _person_hit(tokens, name, i, j, foreign=name[2])
            j = k
            continue
        if token.is_word and token.is_cap and j not in covered:
            name = _name_at(tokens, j, covered, after_title=True)
            if name:
                return _person_hit(tokens, name, i, j, foreign=name[2])
            j += 1
            continue
        n = _descriptive_words(tokens, j)
        if n and not token.is_cap:
            j += n
            continue
        break
    return None


def _and_continues_title(tokens: list[Token], j: int) -> bool:
    """'và' between two capitalised domain words of one title ('Y tế và Phúc lợi'), not
    before another person, title or body ('Thủ tướng và Bộ trưởng', 'và ông A')."""
    start = j - 1
    while start > 0 and not tokens[start].word_start:
        start -= 1
    if j + 2 >= len(tokens) or not tokens[j - 1].is_word or not tokens[start].is_cap:
        return False
    following = tokens[j + 1]
    if not (following.is_word and following.is_cap) or following.text in _surnames():
        return False
    if _starts_other_entity(tokens, j + 1) or _match(tokens, j + 1, _phrases("honorifics"))[0]:
        return False
    return following.tag != "Np"


def _title_length(tokens: list[Token], i: int, orgs: list[OrgHit]) -> int:
    """Tokens of the title starting at i; 'Giám đốc Sở' stops before 'Sở Y tế Hà Nội' when
    that body was found, so the body stays whole."""
    n, _ = _match(tokens, i, _phrases("titles"))
    for org in orgs:
        if i < org.i < i + n:
            return org.i - i
    return n


def _descriptive_words(tokens: list[Token], j: int) -> int:
    """How many tokens from j go on describing a title or body (0 at a verb or function word).

    underthesea tags many such words as verbs ("tim mạch", "đối ngoại"), so the known
    name words are taken first, then nouns and adjectives that are not news verbs.
    """
    token = tokens[j]
    if not token.is_word or token.low in _load("vi_persons.json")["stop_words"]:
        return 0
    if token.low in {"ông", "bà", "ngài"}:
        return 0
    n, _ = _match(tokens, j, _phrases("name_words"), max_len=4)
    if n:
        return n
    n, _ = _match(tokens, j, _phrases("heads"), whole_words=True)
    if n and token.is_cap:
        return n  # "Chủ tịch Hiệp hội": 'hội' alone would be a verb of the stop list
    if token.is_cap or token.tag in {"N", "A", "Np", "M", "Nc", ""}:
        return 1
    return 0


def _words_before_owner(tokens: list[Token], j: int, places: list[Span],
                        orgs: list[OrgHit]) -> int:
    """'Điều phối viên xuất khẩu y tế của Bộ ...': lowercase words that underthesea tags as
    verbs still belong to the title when 'của' and the body or country follow shortly."""
    for k in range(j, min(j + 5, len(tokens) - 1)):
        token = tokens[k]
        if not token.is_word or token.is_cap or token.low in _stop_words():
            return 0
        if token.low == "của" and (_org_at(orgs, k + 1) or _place_at(places, k + 1)):
            return k + 1 - j
    return 0


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(_load("vi_persons.json")["stop_words"]) - {"của"}


def _split_person_from_org(tokens: list[Token], org: OrgHit) -> tuple[int, int, bool] | None:
    """'Bệnh viện Bạch Mai Đào Xuân Cơ' after a title: the name closes the capitalised run."""
    if org.alias_spans:
        return None
    for k in range(org.i + 2, org.j - 1):
        token = tokens[k]
        if (token.word_start and token.text in _surnames() and token.tag == "Np"
                and 2 <= org.j - k <= 4 and tokens[k - 1].is_cap
                and all(t.is_cap for t in tokens[k:org.j])
                and _match(tokens, k, _phrases("places"))[0] != org.j - k):
            end = org.j
            if org.name == _span_text(tokens, org.i, org.j):
                org.name = _span_text(tokens, org.i, k)
            org.j = k
            return k, end, False
    return None


def _skip_prefix_punctuation(tokens: list[Token], j: int) -> int:
    """'GS.TS. Nguyễn': skip the dots and chained prefixes between an honorific and a name."""
    while j < len(tokens):
        if tokens[j].text == ".":
            j += 1
            continue
        h, _ = _match(tokens, j, _phrases("honorifics"), max_len=3)
        if h and tokens[j].low not in {"anh", "chị", "cô"}:
            if tokens[j].text in {"Ông", "Bà"} and _cap_words_follow(tokens, j + 1, 2):
                break  # "Bác sĩ Ông Huy Thanh": Ông is the family name
            j += h
            continue
        break
    return j


def _cap_words_follow(tokens: list[Token], j: int, count: int) -> bool:
    return j + count <= len(tokens) and all(t.is_word and t.is_cap for t in tokens[j:j + count])


def _name_at(tokens: list[Token], j: int, covered: set[int],
             after_title: bool) -> tuple[int, int, bool] | None:
    """(start, end, foreign) of a person's name starting at token j, or None."""
    if j >= len(tokens) or j in covered or not tokens[j].is_word or not tokens[j].is_cap:
        return None
    run = _cap_run(tokens, j, covered)
    if run <= j or any(_is_acronym(t, tokens[j:run]) for t in tokens[j:run]):
        return None  # acronyms (TP, UBND) are not names
    words = tokens[j:run]
    if any(_is_foreign_word(t) for t in words if t.low not in _particles()):
        end = j
        for k in range(j, run):
            if _has_vi_marks(tokens[k].text):
                break
            end = k + 1
        while end > j and tokens[end - 1].low in _particles():
            end -= 1
        if end > j and (end - j >= 2 or after_title):
            return j, end, True
        return None
    if tokens[j].text in _surnames():
        end = _vietnamese_name_end(tokens, j, run)
        if end - j >= 2:
            return j, end, False
        return None
    if (after_title and 2 <= run - j <= 4 and tokens[run - 1].word_end
            and all(t.tag in {"Np", ""} for t in words)
            and not _match(tokens, j, _phrases("places"))[0]):
        return j, run, False  # a name with a rarer surname or a Sino-Vietnamese foreign name
    return None


def _is_acronym(token: Token, run: list[Token]) -> bool:
    """An all-capital word that is not a family name written in capitals ('MORI Takero')."""
    if not (token.text.isupper() and len(token.text) > 1):
        return False
    if token.text in _load("vi_organizations.json")["acronyms"] or len(token.text) < 3:
        return True
    mixed = any(t.is_cap and not t.text.isupper() for t in run)
    return not (mixed and not is_vietnamese_syllable(token.text))


def _cap_run(tokens: list[Token], j: int, covered: set[int]) -> int:
    """End of the run of capitalised words from j (particles allowed inside foreign names)."""
    k = j
    while k < len(tokens) and k not in covered:
        token = tokens[k]
        if token.is_word and token.is_cap:
            if k > j and (_match(tokens, k, _phrases("titles"), whole_words=True)[0]
                          or _match(tokens, k, _phrases("heads"), whole_words=True)[0]):
                break
            k += 1
        elif (token.low in _particles() and k + 1 < len(tokens) and tokens[k + 1].is_cap
              and k > j and not _has_vi_marks(tokens[k - 1].text)):
            k += 1
        elif _loose_hyphen(tokens, k):
            k += 1  # "Jean- Claude": a compound given name typed with a space after its hyphen
        else:
            break
    return k


def _person_name(tokens: list[Token], a: int, b: int) -> str:
    """The name as written, a loose hyphen closed up ('Jean- Claude' -> 'Jean-Claude')."""
    return re.sub(r"-\s+", "-", _span_text(tokens, a, b))


def _counts_something(tokens: list[Token], j: int) -> bool:
    """A lowercase unit after a number: '3 tỉnh', '2 nước', '5 bệnh viện'."""
    if j >= len(tokens) or tokens[j].is_cap or not tokens[j].is_word:
        return False
    return bool(_match(tokens, j, _phrases("admin_units"), max_len=2)[0]
                or _match(tokens, j, _phrases("heads"), whole_words=True)[0]
                or tokens[j].low in {"nước", "bên", "đơn", "cơ", "quốc"})


def _loose_hyphen(tokens: list[Token], k: int) -> bool:
    """A hyphen glued to the foreign word before it and followed by a capitalised word."""
    if not (0 < k < len(tokens) - 1 and tokens[k].text == "-"):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (before.end == tokens[k].start and before.is_cap and _is_foreign_word(before)
            and after.is_cap and after.is_word)


def _vietnamese_name_end(tokens: list[Token], j: int, run: int) -> int:
    """A Vietnamese name is 2 to 4 syllables; cut a longer run at a word boundary."""
    end = min(run, j + 4)
    if run - j > 4:
        for k in (j + 3, j + 4, j + 2):
            if tokens[k - 1].word_end:
                return k
    return end


def _person_hit(tokens: list[Token], name: tuple[int, int, bool], title_i: int, title_j: int,
                foreign: bool) -> PersonHit:
    a, b, _ = name
    hit = PersonHit(a, b, _person_name(tokens, a, b), foreign)
    title_end = title_j
    while title_end > title_i and not tokens[title_end - 1].is_word:
        title_end -= 1
    while title_end > title_i and _match(tokens, title_end - 1, _phrases("honorifics"),
                                          max_len=1)[0] and title_end - 1 > title_i:
        title_end -= 1  # "Bộ trưởng ... ông Name": the title stops before the honorific
    if title_end > title_i:
        hit.title = _span_text(tokens, title_i, title_end)
        hit.title_span = (title_i, title_end)
    return hit


def _person_after_honorific(tokens: list[Token], i: int, covered: set[int]) -> PersonHit | None:
    """'ông Nguyễn Văn A', 'ngài Sugi Ryotaro', 'GS.TS. Lê B', 'đồng chí Tập Cận Bình'."""
    n, _ = _match(tokens, i, _phrases("honorifics"), max_len=4)
    if not n or i in covered:
        return None
    if tokens[i].low in {"anh", "chị", "cô"} and tokens[i].is_cap:
        return None  # "Anh" is also the country, "Cô" starts other words
    j = _skip_prefix_punctuation(tokens, i + n)
    name = _name_at(tokens, j, covered, after_title=False)
    if name is None and j < len(tokens) and tokens[j].text in {"Ông", "Bà"}:
        end = j + 1  # "Bác sĩ Ông Huy Thanh": a family name that is also an honorific
        while end < len(tokens) and end - j < 4 and tokens[end].is_cap and end not in covered:
            end += 1
        name = (j, end, False) if end - j >= 2 else None
    if name is None and j < len(tokens) and tokens[j].is_cap and tokens[i].low in {
            "ông", "bà", "ngài", "đồng"}:
        name = _name_at(tokens, j, covered, after_title=True)
    if name is None:
        return None
    return PersonHit(name[0], name[1], _person_name(tokens, name[0], name[1]), name[2])


def _bare_vietnamese_name(tokens: list[Token], i: int, covered: set[int]) -> PersonHit | None:
    """A surname and one to three capitalised syllables, tagged as a proper noun."""
    if not tokens[i].is_cap or tokens[i].text not in _surnames():
        return None
    if i > 0 and tokens[i - 1].is_word and tokens[i - 1].is_cap:
        return None  # inside a longer capitalised run
    before = [t.low for t in tokens[max(0, i - 2):i] if not t.text.isdigit()]
    if before and before[-1] in NAMESAKE_WORDS:
        return None  # "đường Tạ Quang Bửu", "số 1 Tôn Thất Tùng": named after someone
    name = _name_at(tokens, i, covered, after_title=False)
    if name is None or name[2]:
        return None
    a, b, _ = name
    if _match(tokens, a, _phrases("places"))[0] >= b - a:
        return None
    if tokens[a].tag and tokens[a].tag != "Np" and not any(t.tag == "Np" for t in tokens[a:b]):
        return None
    return PersonHit(a, b, _person_name(tokens, a, b), False)


NAMESAKE_WORDS = {"đường", "phố", "ngõ", "số", "quận", "huyện", "phường", "xã", "tỉnh", "cầu",
                  "chợ", "thưởng", "giải", "cúp", "tượng", "đền", "lăng", "khu", "quảng",
                  "trường", "thpt", "thcs", "mang", "tên", "hiệu"}


def _title_after_name(tokens: list[Token], hit: PersonHit, places: list[Span],
                      orgs: list[OrgHit]) -> None:
    """'ngài Ito Naoki, Đại sứ Nhật Bản tại Việt Nam': a title right after the name."""
    j = hit.j
    if j < len(tokens) and (tokens[j].text in {",", "("} or tokens[j].text in DASHES):
        j += 1
    start = j
    if j < len(tokens) and tokens[j].low in FORMER:
        j += 1  # "cựu Đại sứ", "nguyên Bộ trưởng", "Quyền Bộ trưởng"
    n = _title_length(tokens, j, orgs)
    if not n:
        return
    j += n
    title_end = j
    while j < len(tokens):
        org = _org_at(orgs, j)
        if org is not None:
            j = org.j
            continue
        place = _place_at(places, j)
        if place is not None:
            j = place.j
            continue
        m, _ = _match(tokens, j, _phrases("modifiers"), max_len=4)
        if m:
            j += m
            continue
        n = _descriptive_words(tokens, j) or _words_before_owner(tokens, j, places, orgs)
        if n:
            j += n
            continue
        if _place_at(places, j + 1) is not None and tokens[j].text in DASHES:
            j += 1  # "Đại sứ hữu nghị Việt Nam – Nhật Bản"
            continue
        break
    while j > start and tokens[j - 1].low in {"tại", "của", "và", "về"}:
        j -= 1
    if hit.title is None:
        hit.title, hit.title_span = _span_text(tokens, start, j), (start, j)
    elif j > title_end:  # a bare "Thủ tướng" after a comma may start the next clause
        hit.later_title = (_span_text(tokens, start, j), (start, j))


def _person_country(tokens: list[Token], places: list[Span], orgs: list[OrgHit],
                    hit: PersonHit) -> str | None:
    """From the title ('Đại sứ Pháp'), else Viet Nam for a Vietnamese name; a foreigner
    whose title names only Viet Nam ('Trưởng đại diện JICA Việt Nam') takes the country of
    the body in the title, else of the nearest foreign country named before the name."""
    if hit.title_span:
        a, b = hit.title_span
        named = [str(p.value) for p in places if a <= p.i < b and p.value
                 and not (p.i > 0 and tokens[p.i - 1].low in {"tại", "ở"})]
        if named and not (hit.foreign and named == ["VN"]):
            return named[0] if not hit.foreign else next(c for c in named if c != "VN")
        if hit.foreign:
            for org in orgs:
                if a <= org.i < b and org.country and org.country != "VN":
                    return org.country
    if not hit.foreign:
        return "VN"
    bracketed = _country_in_brackets(tokens, places, hit.j)
    if bracketed:
        return bracketed
    for place in sorted(places, key=lambda p: -p.i):
        if place.j <= hit.i and place.value and place.value != "VN":
            if place.i > 0 and tokens[place.i - 1].low in {"tại", "ở"}:
                continue
            return str(place.value)
    return None


def _country_in_brackets(tokens: list[Token], places: list[Span], j: int) -> str | None:
    """'Gildas Tréguier (Nhóm bệnh viện Bretagne Sud - Lorient, Pháp)': the last country."""
    if j >= len(tokens) or tokens[j].text != "(":
        return None
    close = next((k for k in range(j, min(j + 30, len(tokens))) if tokens[k].text == ")"), None)
    if close is None:
        return None
    inside = [str(p.value) for p in places if j < p.i < close and p.value]
    return inside[-1] if inside else None


# --------------------------------------------------------------------------- the document


class _Registry:
    """Merges hits from all sentences into the contract's persons and organizations."""

    def __init__(self, text: str):
        self.text = text
        self.orgs: list[dict] = []
        self.org_keys: dict[str, dict] = {}
        self.persons: list[dict] = []
        self.person_keys: dict[str, dict] = {}
        self.implied: list[tuple[dict, str]] = []  # roles whose body is named only by the title
        self.foreign_countries: Counter[str] = Counter()  # countries other than Viet Nam named
        self.admin_places: set[tuple[str, str]] = set()  # ("tỉnh", "Thái Bình") named

    # organizations
    def add_org(self, tokens: list[Token], hit: OrgHit) -> dict:
        org = self.org_keys.get(hit.key) or self._same_name_other_country(hit)
        if org is None:
            org = {"id": f"o{len(self.orgs) + 1}", "name": hit.name, "aliases": [],
                   "country": hit.country, "kind": hit.kind, "mentions": [],
                   "_guessed": hit.country_guessed, "_after": hit.country_after,
                   "_foreign_head": bool(hit.head and hit.head.get("foreign")),
                   "_known": hit.key.endswith("|known"), "_unit": hit.bare_unit}
            self.orgs.append(org)
            self.org_keys[hit.key] = org
        written = self.text[tokens[hit.i].start:tokens[hit.j - 1].end]
        for alias in [written, *hit.aliases] if hit.written_is_alias else hit.aliases:
            if alias != org["name"] and alias not in org["aliases"]:
                org["aliases"].append(alias)
        _add_mention(org, tokens[hit.i].start, tokens[hit.j - 1].end)
        for a, b in hit.alias_spans:
            _add_mention(org, tokens[a].start, tokens[b - 1].end)
        return org

    def org_names(self) -> set[str]:
        """Normalised names and aliases of the bodies seen so far."""
        return {_name_key(name, None).split("|")[0] for org in self.orgs
                for name in [org["name"], *org["aliases"]]}

    def _same_name_other_country(self, hit: OrgHit) -> dict | None:
        """A body seen with its country named once and guessed elsewhere is one body."""
        name_key = hit.key.rsplit("|", 1)[0]
        for key, org in self.org_keys.items():
            if key.rsplit("|", 1)[0] != name_key:
                continue
            if (hit.country_guessed or hit.country is None) and org.get("_after"):
                self.org_keys[hit.key] = org
                return org
            if hit.country_after and (org.get("_guessed") or org["country"] is None):
                org["country"] = hit.country
                self.org_keys[hit.key] = org
                return org
        return None

    def org_for_title(self, orgs: list[OrgHit], span: tuple[int, int] | None) -> str | None:
        """The organization named inside a person's title ('Thứ trưởng Bộ Y tế')."""
        if not span:
            return None
        for hit in orgs:
            if span[0] <= hit.i < span[1]:
                return self.org_keys[hit.key]["id"]
        return None

    # persons
    def add_person(self, tokens: list[Token], hit: PersonHit, org_id: str | None,
                   implied_org: str | None = None) -> dict | None:
        key = _person_key(hit.name)
        person = self.person_keys.get(key)
        if person is None and " " not in hit.name.strip():
            person = _short_forms(self.persons).get(hit.name, (None, False))[0]
            if person is None and hit.title is None:
                return None  # a lone word after "ông"/"bà" that names nobody seen so far
        if person is None and hit.foreign:
            person = self._longer_name(key)  # "Ông Pérez Díaz" after "Carlos Pérez Díaz"
        if person is None:
            person = {"id": f"p{len(self.persons) + 1}", "name": hit.name, "aliases": [],
                      "country": hit.country, "roles": [], "mentions": [],
                      "_foreign": hit.foreign}
            plain = ascii_form(hit.name)
            if plain != hit.name:
                person["aliases"].append(plain)
            self.persons.append(person)
            self.person_keys[key] = person
        if person["country"] is None and hit.country:
            person["country"] = hit.country
        if hit.title:
            self.add_role(person, hit.title, org_id, implied_org)
        _add_mention(person, tokens[hit.i].start, tokens[hit.j - 1].end)
        return person

    def add_role(self, person: dict, title: str, org_id: str | None,
                 implied_org: str | None = None) -> None:
        if any(r["title"].lower().startswith(title.lower()) for r in person["roles"]):
            return
        role = {"title": title, "organization": org_id}
        person["roles"].append(role)
        if org_id is None and implied_org:
            self.implied.append((role, implied_org))

    def _longer_name(self, key: str) -> dict | None:
        found = [p for k, p in self.person_keys.items() if k.endswith(" " + key)]
        return found[0] if len(found) == 1 else None

    def add_later_mentions(self, start: int, end: int) -> None:
        """Full names anywhere, and short references ('ông Tuyên', 'Murashko') to known people."""
        for item in self.orgs:
            for name in {item["name"], *item["aliases"]}:
                if _is_searchable_alias(name):
                    for m in _word_finditer(name, self.text):
                        if not _inside_other(self.orgs, m.start(), m.end(), item):
                            _add_mention(item, m.start(), m.end())
        short = _short_forms(self.persons)
        for person in self.persons:
            if " " not in person["name"].strip():
                continue  # a lone word ('Lan') also occurs inside other names ('Thái Lan')
            for m in _word_finditer(person["name"], self.text):
                _add_mention(person, m.start(), m.end())
        for form, (person, needs_cue) in short.items():
            for m in _word_finditer(form, self.text):
                if not (start <= m.start() < end):
                    continue
                if needs_cue and not _cued(self.text, m.start()):
                    continue
                if _inside_any(self.persons + self.orgs, m.start(), m.end()):
                    continue
                if _starts_compound(self.text, m.start(), m.end()):
                    continue
                _add_mention(person, m.start(), m.end())

    def _merge_shorter_names(self) -> None:
        """One body written shorter and longer in one article is one body: 'Sở Y tế' and 'Sở
        Y tế Quảng Ninh', 'Trung tâm Kiểm dịch Y tế Quốc tế' and the same + its province;
        'Đại học Bordeaux' and 'Trường Đại học Tổng hợp Bordeaux' (same foreign name, same
        kind). Only when one longer body fits, so two provinces' departments stay apart."""
        for short in list(self.orgs):
            if short.get("_known") or short not in self.orgs:
                continue
            longer = [org for org in self.orgs if org is not short and _longer_form_of(short, org)]
            if len(longer) > 1:  # 'Văn phòng Bộ': the host's, rather than the guest's
                longer = [org for org in longer if org["country"] == short["country"]]
            if len(longer) == 1:
                target = longer[0]
                if _longer_form_of(target, short) and \
                        self.orgs.index(target) > self.orgs.index(short):
                    short, target = target, short  # two equal spellings: the first one stays
                self._merge_into(short, target)

    def _name_bare_admin_bodies(self) -> None:
        """'Thường trực UBND tỉnh' in an article that names one province ('tỉnh Tiền Giang')
        is that province's committee; with none or several named, it names no one."""
        for org in list(self.orgs):
            unit = org.get("_unit")
            if not unit:
                continue
            names = {name for u, name in self.admin_places if u == unit}
            if len(names) != 1:
                self._drop(org)
                continue
            full = f"{org['name']} {names.pop()}"
            same = [o for o in self.orgs if o is not org and _person_key(o["name"]) ==
                    _person_key(full)]
            if same:
                self._merge_into(org, same[0])
            else:
                org["aliases"].insert(0, org["name"])
                org["name"], org["_guessed"] = full, False

    def _drop(self, org: dict) -> None:
        self.orgs.remove(org)
        for person in self.persons:
            for role in person["roles"]:
                if role["organization"] == org["id"]:
                    role["organization"] = None

    def _link_bare_heads(self) -> None:
        """'Giám đốc Bệnh viện', 'Phó Giám đốc Sở': a title ending with a bare head noun means
        the one body of that head the article names (none when it names two)."""
        for person in self.persons:
            for role in person["roles"]:
                if role["organization"] is not None:
                    continue
                words = _key(role["title"])
                for n in (3, 2, 1):
                    head = _phrases("heads").get(words[-n:]) if len(words) > n else None
                    if head is None or _phrases("titles").get(words[-n:]):
                        continue
                    fits = [org for org in self.orgs
                            if _key(org["name"])[:n] == words[-n:] and len(_key(org["name"])) > n]
                    if len(fits) == 1:
                        role["organization"] = fits[0]["id"]
                    break

    def _merge_into(self, short: dict, target: dict) -> None:
        for alias in [short["name"], *short["aliases"]]:
            if alias != target["name"] and alias not in target["aliases"]:
                target["aliases"].append(alias)
        for mention in short["mentions"]:
            _add_mention(target, mention["start"], mention["end"])
        if target["country"] is None and not short.get("_guessed"):
            target["country"] = short["country"]
        self.orgs.remove(short)
        for key, org in list(self.org_keys.items()):
            if org is short:
                self.org_keys[key] = target
        for person in self.persons:
            for role in person["roles"]:
                if role["organization"] == short["id"]:
                    role["organization"] = target["id"]

    def count_countries(self, places: list[Span]) -> None:
        self.foreign_countries.update(str(p.value) for p in places if p.value and p.value != "VN")

    def partner_country(self) -> str | None:
        """The one foreign country the article is about: the only one it names, or the one it
        names most often (None when two are named as often)."""
        ranked = self.foreign_countries.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def _fill_partner_country(self) -> None:
        """Foreigners whose country the article never states near them, and foreign bodies
        written in Vietnamese without their country ('Đảng Dân chủ Tự do': no Vietnamese party
        has that name), belong to the article's partner country. People who work for an
        international body (WHO) keep no country."""
        partner = self.partner_country()
        for org in self.orgs:
            if org.get("_foreign_head") and org.get("_guessed"):
                org["country"] = partner
        if partner is None:
            return
        for org in self.orgs:
            if org["kind"] == "ministry" and org.get("_guessed") and not org.get("_known") \
                    and not _like_a_vietnamese_ministry(org["name"]):
                org["country"] = partner  # Viet Nam's ministries are all in the gazetteer
        by_id = {org["id"]: org for org in self.orgs}
        for person in self.persons:
            if person["country"] is not None or not person.get("_foreign"):
                continue
            bodies = [by_id.get(role["organization"]) for role in person["roles"]]
            if any(body is not None and body["country"] is None for body in bodies):
                continue
            person["country"] = partner

    def result(self) -> tuple[list[dict], list[dict]]:
        for role, key in self.implied:
            org = self.org_keys.get(key) or self.org_keys.get(key + "|known")
            if org is not None:
                role["organization"] = org["id"]
        self._name_bare_admin_bodies()
        self._merge_shorter_names()
        self._link_bare_heads()
        self._fill_partner_country()
        for item in self.persons + self.orgs:
            item["mentions"].sort(key=lambda m: m["start"])
            for private in ("_guessed", "_after", "_foreign_head", "_foreign", "_known", "_unit"):
                item.pop(private, None)
        return self.persons, self.orgs


def _like_a_vietnamese_ministry(name: str) -> bool:
    """Whether a ministry's name is (a variant spelling of) one of Viet Nam's ministries."""
    from rapidfuzz import fuzz, process

    plain = _person_key(name)
    if any(known.startswith(plain + " ") for known in _vietnamese_ministries()):
        return True  # cut short at a comma: "Bộ Lao động, Thương binh và Xã hội"
    found = process.extractOne(plain, _vietnamese_ministries(), scorer=fuzz.ratio)
    return found is not None and found[1] >= 80


@cache
def _vietnamese_ministries() -> tuple[str, ...]:
    return tuple(_person_key(name) for org in _load("vi_organizations.json")["known"]
                 if org["kind"] == "ministry" and org["country"] == "VN"
                 for name in [org["name"], *org["aliases"]] if name.startswith("Bộ"))


def _longer_form_of(short: dict, org: dict) -> bool:
    """Whether `org` is `short` written out longer (see _Registry._merge_shorter_names)."""
    if org["kind"] != short["kind"]:
        return False
    if short["country"] != org["country"] and not short.get("_guessed"):
        return False
    plain = _person_key(short["name"])
    if len(plain.split()) < 3 and short["kind"] not in {"agency", "hospital"}:
        return False  # a head and one word ('Trường Y') says too little
    if len(plain.split()) < 2 or _key(short["name"])[-2:] in _phrases("admin_units") or \
            _key(short["name"])[-1:] in _phrases("admin_units"):
        return False  # "Bệnh viện Nhi đồng Thành phố" already names its city
    for name in [org["name"], *org["aliases"]]:
        other = _person_key(name)
        if other.startswith(plain + " ") and not other[len(plain) + 1].isdigit():
            return True
    if short["kind"] in {"university", "hospital"}:
        mine, theirs = _foreign_words(short["name"]), _foreign_words(org["name"])
        if mine and mine == theirs:
            return True
    return _same_foreign_body(short, org)


def _same_foreign_body(short: dict, org: dict) -> bool:
    """Two spellings of one foreign body: same country (not Viet Nam), and the words of the
    shorter one, its country's words aside, all in the longer ('Cục Giám sát Dược phẩm Quốc
    gia nước CHND Trung Hoa' and 'Cục Giám sát quản lý Dược phẩm Quốc gia Trung Quốc')."""
    if short["country"] in {None, "VN"} or short["country"] != org["country"]:
        return False
    if short.get("_guessed") or org.get("_guessed"):
        return False
    mine, theirs = set(_key(short["name"])), set(_key(org["name"]))
    core = mine - _country_syllables()
    return len(core) >= 4 and core <= theirs


@cache
def _country_syllables() -> frozenset[str]:
    words = {"nước", "của", "tại"}
    for table in ("countries", "state_prefixes"):
        for key in _phrases(table):
            words.update(key)
    for name in _load("vi_places.json")["countries_extra"]:
        words.update(_key(name))
    return frozenset(words)


def _foreign_words(name: str) -> frozenset[str]:
    """The words of a name that Vietnamese spelling cannot produce (Bordeaux, Kyoto)."""
    return frozenset(w.lower() for w in re.findall(r"[\w\u0300-\u036f]+", name)
                     if w[0].isupper() and not is_vietnamese_syllable(w))


def _implied_ministry(tokens: list[Token], places: list[Span],
                      span: tuple[int, int] | None) -> str | None:
    """'Bộ trưởng Y tế Nga' works for 'Bộ Y tế Nga': the key of the ministry the title implies,
    to be linked if the article names that ministry anywhere."""
    if not span or span[1] - span[0] < 3:
        return None
    a, b = span
    if tuple(t.low for t in tokens[a:a + 2]) not in MINISTER_TITLES:
        return None
    k = a + 2
    if tuple(t.low for t in tokens[k:k + 2]) == ("thường", "trực"):
        k += 2
    country = next((p for p in places if k <= p.i < b and p.value), None)
    end = country.i if country else b
    domain = tokens[k:end]
    if not domain or not domain[0].is_cap or domain[0].low == "bộ":
        return None
    return _name_key("Bộ " + _span_text(tokens, k, end), str(country.value) if country else "VN")


MINISTER_TITLES = {("bộ", "trưởng"), ("thứ", "trưởng")}


def _person_key(name: str) -> str:
    return " ".join(ascii_form(name).lower().replace("-", " ").split())


def _add_mention(item: dict, start: int, end: int) -> None:
    mentions = item["mentions"]
    if any(m["start"] <= start and end <= m["end"] for m in mentions):
        return
    mentions[:] = [m for m in mentions if not (start <= m["start"] and m["end"] <= end)]
    mentions.append({"start": start, "end": end})


def _is_searchable_alias(name: str) -> bool:
    return len(name) >= 2 and (not name.isascii() or name.isupper() or " " in name)


def _word_finditer(phrase: str, text: str):
    return re.finditer(rf"(?<![\w\u0300-\u036f]){re.escape(phrase)}(?![\w\u0300-\u036f])",
                       text)


def _inside_other(items: list[dict], start: int, end: int, owner: dict) -> bool:
    return any(m["start"] <= start and end <= m["end"] and (m["start"], m["end"]) != (start, end)
               for item in items if item is not owner for m in item["mentions"])


def _inside_any(items: list[dict], start: int, end: int) -> bool:
    return any(m["start"] <= start and end <= m["end"] or start <= m["start"] < end
               for item in items for m in item["mentions"])


CUES = re.compile(r"(?:ông|bà|ngài|Ông|Bà|Ngài|trưởng|Trưởng|tướng|Tướng|tịch|Tịch|sứ|Sứ|"
                  r"đốc|Đốc|sư|Sư|sĩ|Sĩ|TS\.?|GS\.?|BS\.?)\s+$")


def _starts_compound(text: str, start: int, end: int) -> bool:
    """'Chính' in 'Thủ tướng Chính phủ' or 'Hà' in 'Hà Nội' is not a given name: the next
    word continues it into a head noun, a place, another name or a known phrase."""
    following = re.match(r"[ \t]+([\w\u0300-\u036f]+)", text[end:end + 30])
    if not following:
        return False
    if following.group(1)[0].isupper():
        return True
    pair = _key(text[start:end] + " " + following.group(1))
    return any(pair in _phrases(kind) for kind in ("heads", "titles", "name_words", "places"))


def _cued(text: str, start: int) -> bool:
    """A short reference needs a title or honorific just before it ('Thứ trưởng Thuấn')."""
    return bool(CUES.search(text[max(0, start - 20):start]))


def _short_forms(persons: list[dict]) -> dict[str, tuple[dict, bool]]:
    """Given names of Vietnamese people (need a cue), family names of foreign ones."""
    forms: dict[str, tuple[dict, bool]] = {}
    clashes: set[str] = set()
    for person in persons:
        words = person["name"].split()
        if len(words) < 2:
            continue
        foreign = not _has_vi_marks(person["name"]) and any(
            not is_vietnamese_syllable(w) for w in words)
        candidates = [(words[-1], not foreign)]
        if foreign:
            candidates.append((words[0], True))
        for form, needs_cue in candidates:
            if len(form) < 2 or (foreign and len(form) < 4 and not needs_cue):
                continue
            if form in forms and forms[form][0] is not person:
                clashes.add(form)
            forms.setdefault(form, (person, needs_cue))
    return {k: v for k, v in forms.items() if k not in clashes}


def find_persons_and_organizations(context: Context) -> tuple[list[dict], list[dict]]:
    """(persons, organizations) of a Vietnamese article, in the contract's format."""
    registry = _Registry(context.text)
    for sentence in context.sentences:
        tokens = tokenize(sentence, context.text)
        if not tokens:
            continue
        places = find_places(tokens)
        if context.body_start <= sentence.start < context.body_end:
            registry.count_countries(places)
        registry.admin_places.update(named_admin_places(tokens, places))
        orgs = split_known_prefix(tokens, places, find_organizations(tokens, places),
                                  registry.org_names())
        orgs = _outside_titles(tokens, orgs)
        persons = find_persons(tokens, places, orgs)
        orgs = [hit for hit in orgs if hit.kind != "venue"]  # where, not who: a place
        for hit in orgs:
            registry.add_org(tokens, hit)
        for hit in persons:
            person = registry.add_person(tokens, hit,
                                         registry.org_for_title(orgs, hit.title_span),
                                         _implied_ministry(tokens, places, hit.title_span))
            if person is not None and hit.later_title:
                title, span = hit.later_title
                registry.add_role(person, title, registry.org_for_title(orgs, span),
                                  _implied_ministry(tokens, places, span))
    registry.add_later_mentions(context.body_start, context.body_end)
    return registry.result()
