"""International cooperation instruments, with kind, stage, dates and place.

Mentions come from the wording of data/agreements.json ("memorandum of understanding",
"accord-cadre", "biên bản ghi nhớ", "l'accord", "ces accords"...). Laws, resolutions, decrees
and national strategies have no wording there, so they are never instruments.

Coreference, within one article: one instrument is often named several ways ("accord de
coopération sanitaire franco-vietnamien", "l'Accord-cadre de coopération sanitaire", "un accord
bilatéral", "le projet"). A mention joins an instrument already found when
- it refers back ("the agreement", "ces accords", "le projet est en cours d'examen"): the most
  recent instrument of the same grammatical number;
- it is a generic agreement with its own subject ("accord bilatéral de coopération sanitaire"):
  an instrument between the same countries whose subject does not differ;
- it names a kind ("MoU", "feuille de route"): an instrument of a compatible kind (same kind,
  intergovernmental ~ framework, or a generic agreement) between the same countries, unless it
  is introduced as a new one ("an MoU").
Stage words are given to the nearest mention of their sentence; an instrument's status is the
first of `status_precedence` among its stage words, so a fact (signed, renewal planned) wins
over an intention, and the current stage (draft) over the plan (to be signed in April), whose
date and place are kept in `planned`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hoptac.extract.areas import LANGUAGES, area_codes, areas_in_texts
from hoptac.extract.context import Context, Sentence
from hoptac.extract.dates import DateMention, find_dates_in_text
from hoptac.extract.events import (
    country_codes_in,
    find_place,
    ids_in,
    listed_participants,
    words_pattern,
)

DATA = Path(__file__).parent / "data" / "agreements.json"
STATUS_REACH = 150  # characters between a stage word and the mention it describes
DATE_REACH = 120
SPECIFIC_FAMILIES = [{"intergovernmental_agreement", "framework_agreement"}]
SUBJECT_STOP = re.compile(r"(?<!\w)(?:between|entre|giữa|with|avec|với|signed|signée?s?|by|par|"
                          r"that|which|qui|que|mà|được|đã|to|jusqu|until|during|lors|pendant|"
                          r"at|when|where|trong khi|khi|(?:and|et|và) (?:the|le|la|les|l[’'])|"
                          r"on the sidelines|en marge|bên lề)"
                          r"(?!\w)", re.I)
WITH = re.compile(r"(?<!\w)(?:with|avec|với)(?!\w)", re.I)
DETECTION_BASE = "2000-01-03"  # any day: lets weekdays and "today" be found (and cut out)
UNTIL = re.compile(r"(?:until|till|through|by|jusqu[’']?(?:en|à|au)?|d[’']ici|đến|tới)\s*$", re.I)


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    role: str  # named | generic | weak | signal
    sentence: Sentence
    plural: bool = False
    anaphoric: bool = False
    indefinite: bool = False
    subject: str = ""
    head: str = ""  # the wording, folded: named instruments of kind 'other' match on it
    bare_plural: bool = False  # "les accords conclus": an uncounted bundle, no instrument
    countries: list[str] = field(default_factory=list)
    statuses: list[tuple[str, int]] = field(default_factory=list)  # (status, offset)
    dates: list[DateMention] = field(default_factory=list)


@dataclass
class Instrument:
    mentions: list[Mention]
    planned_date: str | None = None
    planned_place: str | None = None

    @property
    def kind(self) -> str:
        return next((m.kind for m in self.mentions if m.kind != "other"), "other")

    @property
    def plural(self) -> bool:
        return self.mentions[0].plural

    def countries(self) -> list[str]:
        return next((m.countries for m in self.mentions if len(m.countries) >= 2), [])

    def subjects(self) -> set[str]:
        return set().union(*(_content_words(m.subject) for m in self.mentions))


@cache
def lexicon(language: str) -> dict:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return data.get(language) or data["en"]


@cache
def precedence() -> list[str]:
    return json.loads(DATA.read_text(encoding="utf-8"))["status_precedence"]


@cache
def _kind_patterns(language: str) -> list[tuple[re.Pattern, str, str]]:
    return [(re.compile(rf"(?<!\w){pattern}(?!\w)", 0 if pattern.isupper() else re.I), kind, role)
            for pattern, kind, role in lexicon(language)["kinds"]]


@cache
def _any_kind_pattern(language: str) -> re.Pattern:
    """Every instrument wording at once, case-insensitive: a sentence it does not match holds
    no instrument, so the wordings one by one need not be tried there (most sentences)."""
    alternatives = "|".join(f"(?:{pattern})" for pattern, _, _ in lexicon(language)["kinds"])
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@cache
def _status_patterns(language: str) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?<!\w){pattern}(?!\w)", re.I), status)
            for pattern, status in lexicon(language)["status"]]


def find_agreements(context: Context, organizations: list[dict], dates: list[DateMention],
                    countries: list[str] | None = None) -> list[dict]:
    """The contract's agreements of the article: one per real instrument."""
    mentions = find_mentions(context)
    _give_statuses(context, mentions)
    _give_dates(mentions, dates)
    instruments = _corefer(mentions)
    _plans(context, instruments, dates, organizations)
    found = []
    for instrument in instruments:
        described = _describe(context, instrument, organizations, dates, countries or [])
        if described is not None:
            found.append(described)
    for number, agreement in enumerate(found, 1):
        agreement["id"] = f"a{number}"
    return found


# ---- mentions --------------------------------------------------------------------------------

def find_mentions(context: Context) -> list[Mention]:
    """Instrument wordings of the body, in text order, phrasings that are no instrument left out."""
    lex = lexicon(context.language)
    excluded = words_pattern(lex["not_instruments"])
    signed = [p for p, status in _status_patterns(context.language) if status == "signed"]
    mentions: list[Mention] = []
    for sentence in context.sentences:
        if not (context.body_start <= sentence.start and sentence.end <= context.body_end):
            continue
        if not _any_kind_pattern(context.language).search(sentence.text):
            continue
        blocked = [(m.start(), m.end()) for m in excluded.finditer(sentence.text)]
        candidates = []
        for pattern, kind, role in _kind_patterns(context.language):
            for match in pattern.finditer(sentence.text):
                candidates.append((match.start(), match.end(), kind, role))
        taken: list[tuple[int, int]] = []
        for start, end, kind, role in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
            if any(a < end and start < b for a, b in taken + blocked):
                continue
            if role == "signal" and not any(p.search(sentence.text) for p in signed):
                continue
            taken.append((start, end))
            mentions.append(_mention(context, sentence, start, end, kind, role))
    mentions = [m for m in mentions if not _predicative(context, m)]
    # "finalise the draft of a new agreement": there the weak word describes the other mention
    return [m for m in mentions if m.role != "weak"
            or not any(o.sentence is m.sentence and o.role != "weak" for o in mentions)]


def _mention(context: Context, sentence: Sentence, start: int, end: int, kind: str,
             role: str) -> Mention:
    lex = lexicon(context.language)
    text = sentence.text
    before = text[:start]
    mention = Mention(sentence.start + start, sentence.start + end, kind, role, sentence)
    mention.head = _head(text[start:end])
    determiner = _determiner(before, lex)
    mention.anaphoric = determiner == "anaphoric"
    mention.indefinite = determiner == "indefinite"
    mention.plural = _plural_wording(text[start:end])
    if context.language == "vi":
        after = text[end:end + 12].split()
        anaphora = re.compile(rf"^(?:{'|'.join(lex['anaphora'])})$", re.I)
        mention.anaphoric = bool(after and anaphora.match(after[0]))
        mention.plural = bool(re.search(r"(?:các|những)\s*$", before))
    elif re.search(r"(?:série|ensemble|plusieurs|series|number|set)\s+(?:d[’']|of\s+)?$",
                   before, re.I):
        mention.plural = True
    if _another_one(before, text[end:], context.language):
        mention.anaphoric, mention.indefinite = False, True  # "The other agreement was ..."
    mention.subject = _subject(text[end:], context.language)
    mention.bare_plural = mention.plural and not mention.subject and \
        mention.head in lex["bare_plurals"]
    mention.countries = country_codes_in(text)
    return mention


def _another_one(before: str, after: str, language: str) -> bool:
    """'the other agreement', "l'autre accord", 'thỏa thuận khác': one more instrument."""
    markers = "|".join(lexicon(language)["other_markers"])
    if language == "vi":
        return bool(re.match(rf"\s+(?:{markers})(?!\w)", after, re.I))
    return bool(re.search(rf"(?<!\w)(?:{markers})\s+(?:\w+\s+)?$", before, re.I))


def _determiner(before: str, lex: dict) -> str | None:
    """'anaphoric' ('the', 'ces', "l'"), 'indefinite' ('a', 'un') or None: the determiner of
    a mention, found over the modifiers in between ('a cooperation MoU', 'ces nouveaux')."""
    anaphora = re.compile(rf"^(?:{'|'.join(lex['anaphora'])})$", re.I)
    indefinite = re.compile(rf"^(?:{'|'.join(lex['indefinite'])})$", re.I)
    for word in reversed(re.findall(r"[\w’']+", before)[-3:]):
        if anaphora.match(word) or word.lower().endswith(("l'", "l’")):
            return "anaphoric"
        if indefinite.match(word):
            return "indefinite"
        if word.lower() in lex["function_words"] or not word.islower():
            return None
    return None


def _plural_wording(wording: str) -> bool:
    """'conventions', 'cooperation agreements', 'accords-cadres', 'memoranda of ...'."""
    words = re.split(r"[\s-]+", wording)
    noun = words[0] if len(words) > 1 and re.match(r"(?i)(?:accords?|memorand|protocoles?|"
                                                    r"conventions?|déclarations?|feuilles?|"
                                                    r"lettres?|mémorand)", words[0]) else words[-1]
    return bool(re.search(r"(?:s|x|memoranda|mémoranda)$", noun, re.I))


def _head(wording: str) -> str:
    from unidecode import unidecode

    return " ".join(re.sub(r"s\b", "", unidecode(wording).lower()).split())


def _subject(after: str, language: str) -> str:
    """What an instrument is about: the complement right after its name, up to the parties."""
    opener = re.compile(rf"\s*(?:{'|'.join(lexicon(language)['complement'])})(?!\w)", re.I)
    if not opener.match(after):
        return ""
    piece = re.split(r"[,.;:()«»\"“”\n]", after, maxsplit=1)[0]
    stop = SUBJECT_STOP.search(piece)
    if stop:
        piece = piece[:stop.start()]
    for date in reversed(find_dates_in_text(piece, language, DETECTION_BASE)):
        start = date.start  # "MoU on July 15 on cooperation", "MoU in 2008 for ..."
        before = re.search(r"(?:\b\w{1,4}\s+)$", piece[:start])
        if before and before.group().strip().lower() in lexicon(language)["function_words"]:
            start = before.start()
        piece = piece[:start] + piece[date.end:]
    words = piece.split()[:8]
    function_words = lexicon(language)["function_words"]
    while words and words[-1].lower() in function_words:
        words.pop()
    return " ".join(words)


def _content_words(text: str) -> set[str]:
    from unidecode import unidecode

    words = re.findall(r"\w+", unidecode(text).lower())
    return {w for w in words if len(w) >= 3 and w not in _subject_stopwords()}


@cache
def _subject_stopwords() -> frozenset[str]:
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["subject_stopwords"])


def _predicative(context: Context, mention: Mention) -> bool:
    """'n'est pas seulement un accord de coopération': a description, not an instrument."""
    if not mention.indefinite:
        return False
    lex = lexicon(context.language)
    before = context.text[mention.sentence.start:mention.start]
    copula, indefinite = "|".join(lex["copula"]), "|".join(lex["indefinite"])
    return bool(re.search(rf"(?<!\w)(?:{copula})\s+(?:{indefinite})(?:\s+\w+)?\s*$", before,
                          re.I))


# ---- stage words and dates -------------------------------------------------------------------

def _give_statuses(context: Context, mentions: list[Mention]) -> None:
    """Each stage word of a sentence goes to the nearest instrument mention of that sentence."""
    for sentence in {id(m.sentence): m.sentence for m in mentions}.values():
        inside = [m for m in mentions if m.sentence is sentence]
        found = []
        for pattern, status in _status_patterns(context.language):
            for match in pattern.finditer(sentence.text):
                found.append((sentence.start + match.start(), sentence.start + match.end(),
                              status))
        taken: list[tuple[int, int]] = []
        for start, end, status in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            if any(m.start <= start < m.end for m in inside) and status != "draft":
                continue  # the instrument's own name ("projet d'accord" is a draft, though)
            nearest = min(inside, key=lambda m: _gap(m, start, end))
            if _gap(nearest, start, end) <= STATUS_REACH:
                nearest.statuses.append((status, start))


def _gap(mention: Mention, start: int, end: int) -> int:
    if start >= mention.end:
        return start - mention.end
    return max(0, mention.start - end)


def _give_dates(mentions: list[Mention], dates: list[DateMention]) -> None:
    for date in dates:
        inside = [m for m in mentions if m.sentence.start <= date.start < m.sentence.end]
        if not inside:
            continue
        nearest = min(inside, key=lambda m: _gap(m, date.start, date.end))
        if _gap(nearest, date.start, date.end) <= DATE_REACH:
            nearest.dates.append(date)


# ---- coreference -----------------------------------------------------------------------------

def _corefer(mentions: list[Mention]) -> list[Instrument]:
    instruments: list[Instrument] = []
    for mention in mentions:
        target = _antecedent(mention, instruments)
        if target is not None:
            target.mentions.append(mention)
        elif _opens_instrument(mention):
            instruments.append(Instrument([mention]))
    return [i for i in instruments if i.kind != "other" or any(m.statuses for m in i.mentions)]


def _opens_instrument(mention: Mention) -> bool:
    if mention.role == "weak":
        return False
    # a bare "the agreement", "les accords conclus" with nothing before it to refer to opens
    # nothing; "signed an agreement", "the agreement between Vietnam and Chile was signed" do
    if mention.role != "generic" or mention.subject:
        return True
    if mention.bare_plural:
        return False  # "les importants accords conclus lors de la visite": unnamed, uncounted
    return bool(mention.statuses) and (not mention.anaphoric or len(mention.countries) >= 2)


def _antecedent(mention: Mention, instruments: list[Instrument]) -> Instrument | None:
    recent = list(reversed(instruments))
    if mention.role == "weak":
        if not any(s in ("draft", "under_review", "planned") for s, _ in mention.statuses):
            return None
        return next(iter(recent), None)
    same_countries = [i for i in recent if _countries_agree(mention, i)]
    if mention.role == "generic":
        if mention.anaphoric and not mention.subject:
            return next((i for i in same_countries if i.plural == mention.plural), None)
        if mention.indefinite and not mention.subject:
            return None
        return next((i for i in same_countries
                     if i.plural == mention.plural and _subjects_agree(mention, i)
                     and not _dates_differ(mention, i)), None)
    if mention.indefinite:  # "an MoU", "un nouvel accord-cadre": the same one only if it is
        return next((i for i in same_countries  # told again without another date
                     if mention.kind == i.kind and _heads_agree(mention, i)
                     and _subjects_agree(mention, i) and not _dates_differ(mention, i)), None)
    return next((i for i in same_countries
                 if _kinds_agree(mention.kind, i.kind) and _heads_agree(mention, i)
                 and _subjects_agree(mention, i) and not _dates_differ(mention, i)), None)


def _heads_agree(mention: Mention, instrument: Instrument) -> bool:
    """Named instruments of kind 'other' (letters of intent...) are one only if named alike; a
    named one does not join a group of generic mentions of another number."""
    named = [m for m in instrument.mentions if m.role != "generic"]
    named_other = {m.head for m in named if m.kind == "other"}
    if mention.kind == "other":
        return mention.head in named_other
    if named_other:
        return False
    return bool(named) or instrument.plural == mention.plural


def _dates_differ(mention: Mention, instrument: Instrument) -> bool:
    mine = {d.edtf for d in mention.dates if not d.relative}
    theirs = {d.edtf for m in instrument.mentions for d in m.dates if not d.relative}
    return bool(mine and theirs and not mine & theirs)


def _countries_agree(mention: Mention, instrument: Instrument) -> bool:
    theirs = instrument.countries()
    if len(mention.countries) < 2 or not theirs:
        return True
    return set(mention.countries) == set(theirs)


def _kinds_agree(kind: str, other: str) -> bool:
    if kind == other or "other" in (kind, other):
        return True
    return any(kind in family and other in family for family in SPECIFIC_FAMILIES)


def _subjects_agree(mention: Mention, instrument: Instrument) -> bool:
    mine, theirs = _content_words(mention.subject), instrument.subjects()
    return not mine or not theirs or bool(mine & theirs)


# ---- plans, status, description ---------------------------------------------------------------

def _plans(context: Context, instruments: list[Instrument], dates: list[DateMention],
           organizations: list[dict]) -> None:
    """'with the aim of signing the agreement in Lyon in April 2026': the planned date/place."""
    planned = re.compile(rf"(?<!\w)(?:{'|'.join(lexicon(context.language)['planned'])})", re.I)
    for instrument in instruments:
        for mention in instrument.mentions:
            if not any(status == "planned" for status, _ in mention.statuses):
                continue
            sentence = mention.sentence
            signal = planned.search(sentence.text)
            if signal is None:
                continue
            start = sentence.start + signal.start()
            later = [d for d in dates if start <= d.start < sentence.end and not d.relative]
            if later and instrument.planned_date is None:
                instrument.planned_date = later[0].edtf
            place = find_place(context, start, sentence.end, organizations)
            if place and instrument.planned_place is None:
                instrument.planned_place = place


def status_of(instrument: Instrument) -> str:
    statuses = {s for m in instrument.mentions for s, _ in m.statuses}
    return next((s for s in precedence() if s in statuses), "signed")


def _signed_date(context: Context, instrument: Instrument,
                 dates: list[DateMention]) -> str | None:
    """The date given to a mention told as signed, or to one with no plan around it; else the
    date nearest to the signing words of its sentence ("Ngày 21/12/2011, ... đã ký Hiệp định")."""
    candidates = []
    for mention in instrument.mentions:
        stages = {s for s, _ in mention.statuses}
        if stages & {"planned", "proposed", "draft", "under_review"}:
            continue
        for date in mention.dates:
            if _can_be_signing_date(context, date):
                candidates.append((date.relative, "signed" not in stages, date.start, date.edtf))
    if candidates:
        return min(candidates)[3]
    for mention in instrument.mentions:
        for status, offset in mention.statuses:
            if status != "signed":
                continue
            sentence = mention.sentence
            around = [d for d in dates if sentence.start <= d.start < sentence.end
                      and not d.relative and _can_be_signing_date(context, d)]
            if around:
                return min(around, key=lambda d: abs(d.start - offset)).edtf
    return None


def _can_be_signing_date(context: Context, date: DateMention) -> bool:
    """Not a deadline ("until 2030") nor a year after the article."""
    if UNTIL.search(context.text[max(0, date.start - 12):date.start]):
        return False
    published = context.published or ""
    both_known = date.edtf[:4].isdigit() and published[:4].isdigit()
    return not (both_known and date.edtf[:4] > published[:4])


def _describe(context: Context, instrument: Instrument, organizations: list[dict],
              dates: list[DateMention], article_countries: list[str]) -> dict | None:
    parties = _parties(context, instrument, organizations)
    by_id = {o["id"]: o for o in organizations}
    countries = _instrument_countries(instrument, article_countries,
                                      [by_id[i] for i in parties if i in by_id])
    if len(countries) < 2 and not _with_an_international_body(instrument, organizations):
        return None  # not international
    kind = instrument.kind
    main = next((m for m in instrument.mentions if m.kind == kind and m.role == "named"),
                next((m for m in instrument.mentions if m.kind == kind), instrument.mentions[0]))
    status = status_of(instrument)
    signed = (_signed_date(context, instrument, dates) if status in ("signed", "in_force")
              else None)
    planned = None
    if instrument.planned_date or instrument.planned_place:
        planned = {"date": instrument.planned_date, "place": instrument.planned_place}
    title = context.text[main.start:main.end]
    if main.subject:
        title = f"{title} {main.subject}".strip()
    return {
        "id": "",
        "kind": kind,
        "title": title,
        "countries": countries,
        "parties": parties,
        "status": status,
        "signed": signed,
        "planned": planned,
        "areas": _areas(context, instrument),
        "evidence": context.evidence(main.sentence.start, main.sentence.end),
    }


def _with_an_international_body(instrument: Instrument, organizations: list[dict]) -> bool:
    """'Việt Nam and WHO signed ...': an international body named where the instrument is."""
    sentences = {(m.sentence.start, m.sentence.end) for m in instrument.mentions}
    return any(ids_in([o], start, end) for o in organizations if o.get("kind") == "international"
               for start, end in sentences)


def _areas(context: Context, instrument: Instrument) -> list[str]:
    """The fields named in the sentences about the instrument (codes of areas.json)."""
    language = context.language if context.language in LANGUAGES else "en"
    sentences = list({id(m.sentence): m.sentence.text for m in instrument.mentions}.values())
    found = areas_in_texts(sentences, language)
    return [code for code in area_codes() if code in found]


def _instrument_countries(instrument: Instrument, article_countries: list[str],
                          parties: list[dict]) -> list[str]:
    """The countries its sentences name; else with those of its signatories; else the
    article's."""
    codes = instrument.countries()
    if len(codes) > 2:  # "between Viet Nam and France, as with Japan": the article's pair
        known = [c for c in codes if c in article_countries]
        codes = known if len(known) >= 2 else codes
    if codes:
        return codes
    single = [c for m in instrument.mentions for c in m.countries]
    single += [p["country"] for p in parties if p.get("country")]
    codes = list(dict.fromkeys(single))
    for code in article_countries:
        if len(codes) >= 2:
            break
        if code not in codes:
            codes.append(code)
    return codes


def _parties(context: Context, instrument: Instrument, organizations: list[dict]) -> list[str]:
    """The organizations that sign: named before the signing words of a sentence that tells
    it ("X and Y signed ..."), or after 'with' ("signed an MoU with Z")."""
    parties: list[str] = []
    for mention in instrument.mentions:
        signals = [offset for status, offset in mention.statuses if status == "signed"]
        if not signals:
            continue
        sentence = mention.sentence
        found = ids_in(organizations, sentence.start, signals[0])
        partner = WITH.search(sentence.text, mention.end - sentence.start)
        if partner:
            found += ids_in(organizations, sentence.start + partner.end(), sentence.end)
        if not found:  # "... Les signataires vietnamiens incluent l'Université de ..."
            found = listed_participants(context, sentence, organizations)
        parties += [i for i in found if i not in parties]
    return parties
