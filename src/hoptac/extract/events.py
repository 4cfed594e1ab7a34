"""Events: meetings, seminars, signings and others, with date, place and participants.

A trigger word (data/events.json) in a sentence is a candidate. One real event is usually
told several times ("met with ... on November 6", then "Speaking at the meeting", "During the
meeting", "lors de cette réunion"), so a candidate opens a new event only when it brings its
own date, when it is in the lead of the article (headline, first sentences, opening of the
first paragraph), or when its sentence tells a dated event too ("At the end of the working
session, they signed an MoU"); otherwise it is folded into the event of the same type already
found, and a headline mention gives way to the body sentence that tells the event in full.
A date in a sentence belongs to the nearest trigger, unless an agreement mention is nearer
("the talks followed the MoU signed in May" does not date the talks in May); "the same day"
dates an event by the lead event. Dates of datelines and time stamps are no event dates.
Events under a future, wish or approval phrasing ("with the aim of signing", "the upcoming
visit", "approved the signing of"), event words after a number ("cinq conférences") and events
named as the setting of another ("on the sidelines of the forum") make no event; signings told
in passing by the agreements stage ("the MoU signed in May") are events of their own.
Every mention folded into an event ("At the signing ceremony in Hanoi", "the event", "buổi lễ")
tells its place and persons too, unless its sentence gives another date; a place is a city after
a preposition, a named venue ("tại Trụ sở Chính phủ"), the country of a visit, or the dateline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hoptac.extract.context import Context, Sentence
from hoptac.extract.countries import city_code, city_mentions, country_mentions
from hoptac.extract.dates import DateMention, find_dates_in_text
from hoptac.ingest.textmeta import read_dateline

DATA = Path(__file__).parent / "data"
# the lead reports the article's main event: the headline, the first sentences and the opening
# of the first paragraph (a splitter may cut "On 24th November in Hanoi, Prof.Dr. X" in three);
# news ledes are one or two sentences, and the paragraph a dateline opens counts as the lead
LEAD_SENTENCES = 2
LEAD_CHARS = 250
HEADLINE_CHARS = 150
NOT_NOW_WINDOW = 45  # characters before a signing trigger searched for a future/wish phrasing
NOT_NOW_NEAR = 30  # the same for other events ("will host the forum", "the upcoming visit")
DATELINE_PARAGRAPHS = 5  # a dateline may follow a headline, bullet points and a caption
AGAIN = "again"  # the type of a reference back to the event just told ("the event", "ce lễ")
CLOCK = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|et|và|rồi)\s+(?:(?:then|puis|đã)\s+)?", re.I)
UPPER = "A-ZÀ-ÖØ-ÞĀ-ỸĐ"
DATELINE = re.compile(rf"\s*([{UPPER}][^\n()\-–—,:]{{1,30}}?)\s*(?:,[^\n()\-–—]{{0,25}})?"
                      r"(?:\([^)\n]{1,12}\))?\s*[-–—]\s")


@dataclass
class Trigger:
    start: int
    end: int
    type: str
    sentence: Sentence
    sentence_index: int
    lead: bool = False  # in the lead: reports the article's main event
    date: DateMention | None = None
    same_day: bool = False  # dated by "the same day" as the lead event
    other_dates: set[str] = field(default_factory=set)  # other dates its sentence gives


@dataclass
class Event:
    type: str
    trigger: Trigger  # the mention that tells it best: its evidence, participants and place
    date: DateMention | None
    # every mention of it ("At the signing ceremony in Hanoi", "the event"): place, participants
    mentions: list[Trigger] = field(default_factory=list)
    anchor: Event | None = None  # the dated event told in the same sentence, when undated


@cache
def lexicon(language: str) -> dict:
    data = json.loads((DATA / "events.json").read_text(encoding="utf-8"))
    return data.get(language) or data["en"]


def words_pattern(phrases: list[str]) -> re.Pattern:
    """One case-insensitive pattern for phrase regexes, on word boundaries, longest first."""
    alternatives = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


@cache
def _trigger_patterns(language: str) -> list[tuple[str, re.Pattern]]:
    return [(kind, words_pattern(phrases))
            for kind, phrases in lexicon(language)["triggers"].items()]


@cache
def _not_now_pattern(language: str) -> re.Pattern:
    return words_pattern(lexicon(language)["not_now"])


def find_events(context: Context, persons: list[dict], organizations: list[dict],
                dates: list[DateMention], agreements: list[dict] | None = None,
                countries: list[str] | None = None) -> list[dict]:
    """The contract's events of the article: one per real event."""
    mentions = find_triggers(context)
    triggers = [t for t in mentions if t.type != AGAIN]
    dates = title_dates(context) + list(dates)
    _attach_dates(context, triggers, dates)
    _date_same_day(context, triggers)
    for trigger in mentions:
        trigger.other_dates = {d.edtf for d in dates
                               if trigger.sentence.start <= d.start < trigger.sentence.end}
    events = _group(mentions)
    _date_the_lead(context, events, dates, triggers)
    found = [_describe(context, event, persons, organizations, countries or [])
             for event in events]
    _people_told_again(context, events, found, persons)
    found += _signings_of_agreements(context, found, agreements or [], dates, organizations,
                                     countries or [])
    for number, event in enumerate(found, 1):
        event["id"] = f"e{number}"
    return found


def find_triggers(context: Context) -> list[Trigger]:
    """Event words of the headline and body, signings in the future left out."""
    lead_end = _lead_end(context)
    triggers: list[Trigger] = []
    for index, sentence in _numbered_sentences(context):
        lead = index < LEAD_SENTENCES or sentence.start < lead_end
        for start, end, kind in _sentence_triggers(sentence.text, context.language):
            triggers.append(Trigger(sentence.start + start, sentence.start + end, kind,
                                    sentence, index, lead))
    return triggers


def _numbered_sentences(context: Context) -> list[tuple[int, Sentence]]:
    """The body sentences numbered from 0, after the headline numbered -1 when there is one
    (a title standing in the text, or a first body line that reads as a headline)."""
    body = [s for s in context.sentences
            if context.body_start <= s.start and s.end <= context.body_end]
    title = title_sentence(context)
    if title is not None:
        return [(-1, title)] + list(enumerate(body))
    if body and _headline_like(body[0].text) and \
            "\n" in context.text[body[0].end:context.body_end]:
        return [(index - 1, sentence) for index, sentence in enumerate(body)]
    return list(enumerate(body))


def _sentence_triggers(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the event words of one sentence, longest first where they
    overlap; an event under a future or wish phrasing of its clause is none."""
    not_now = _not_now_pattern(language)
    candidates = [(match.start(), match.end(), kind)
                  for kind, pattern in _trigger_patterns(language)
                  for match in pattern.finditer(text)]
    # "la cérémonie de signature", "buổi lễ ký kết": the event word, not a reference back
    candidates = [c for c in candidates if c[2] != AGAIN or not any(
        o[2] != AGAIN and o[0] < c[1] and c[0] < o[1] for o in candidates)]
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, kind in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        window = NOT_NOW_WINDOW if kind == "signing" else NOT_NOW_NEAR
        clause = re.split(r"[,;:.()]", text[max(0, start - window):start])[-1]
        if not_now.search(clause):
            continue  # "with the aim of signing", "which will host the forum": not (yet) held
        if _quantified(text[:start], language):
            continue  # "13 phiên họp", "cinq conférences": many events told at once
        found.append((start, end, kind))
    told = [t for t in found if not _in_a_setting(text[:t[0]], language)]
    return told or found


def _in_a_setting(before: str, language: str) -> bool:
    """'on the sidelines of the Economic Forum', 'en marge du sommet', 'bên lề hội nghị': the
    event word names where the event told in the sentence took place."""
    clause = re.split(r"[,;:.()]", before)[-1]
    return bool(_setting_pattern(language).search(clause))


@cache
def _setting_pattern(language: str) -> re.Pattern:
    cues = "|".join(sorted(lexicon(language)["setting_cues"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{cues})(?:\s+\S+){{0,8}}\s+$", re.I)


def _quantified(before: str, language: str) -> bool:
    return bool(_quantifier_pattern(language).search(before))


@cache
def _quantifier_pattern(language: str) -> re.Pattern:
    words = "|".join(sorted(lexicon(language)["quantifiers"], key=len, reverse=True))
    return re.compile(rf"(?<![\w.,])(?:\d+|{words})\s+$", re.I)


def title_sentence(context: Context) -> Sentence | None:
    """The headline when it stands in the text before the body: a lede read as a title
    (" date 2023-02 L'ambassadeur ... a reçu le 17 février une délégation ...") reports the
    main event too."""
    if not context.title:
        return None
    start = context.text.find(context.title, 0, context.body_start)
    if start < 0:
        return None
    return Sentence(start, start + len(context.title), context.title)


def title_dates(context: Context) -> list[DateMention]:
    title = title_sentence(context)
    if title is None:
        return []
    return [DateMention(m.start + title.start, m.end + title.start, m.text, m.edtf, m.relative)
            for m in find_dates_in_text(title.text, context.language, context.published)]


def _lead_end(context: Context) -> int:
    """Where the lead ends: the first paragraph of the body after a headline line (or the one
    a dateline opens), at most LEAD_CHARS long."""
    start, end = _first_line(context, context.body_start)
    if _headline_like(context.text[start:end]):
        start, end = _first_line(context, end)
    datelines = _datelines(context)
    if datelines and datelines[0][0] >= end:  # the news starts at its dateline, after a
        start, end = _first_line(context, datelines[0][0])  # standfirst or a photo caption
    return min(end, start + LEAD_CHARS)


def _first_line(context: Context, offset: int) -> tuple[int, int]:
    text = context.text
    while offset < context.body_end and text[offset].isspace():
        offset += 1
    end = text.find("\n", offset)
    return offset, context.body_end if end < 0 else min(end, context.body_end)


def _headline_like(line: str) -> bool:
    """A first body line that is a headline: short, without closing punctuation."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_CHARS and not re.search(r"[.!?…:»\"”)]$", line)


def _attach_dates(context: Context, triggers: list[Trigger], dates: list[DateMention]) -> None:
    """Give each date of a sentence to its nearest trigger; a meeting or seminar does not take a
    date that is nearer to an agreement mention ("the talks followed the MoU signed in May").
    A sentence's only date also dates its other events ("On the sidelines of the forum on
    May 5, A met B"), and coordinated events share theirs ("held talks and signed")."""
    from hoptac.extract.agreements import find_mentions

    instruments = [(m.start, m.end) for m in find_mentions(context)]
    usable = [d for d in dates if _can_date_an_event(context, d)]
    for date in usable:
        same = [t for t in triggers if t.sentence.start <= date.start < t.sentence.end]
        if not same:
            continue
        nearest = min(same, key=lambda t: _distance(t.start, t.end, date))
        if _nearer_to_an_instrument(nearest, date, instruments, context.language):
            continue
        own = _distance(nearest.start, nearest.end, date)
        if nearest.date is None or (nearest.date.relative and not date.relative) or (
                nearest.date.relative == date.relative
                and own < _distance(nearest.start, nearest.end, nearest.date)):
            nearest.date = date
    for trigger in triggers:
        inside = [d for d in usable if trigger.sentence.start <= d.start < trigger.sentence.end]
        if trigger.date is None and len(inside) == 1 and \
                not _nearer_to_an_instrument(trigger, inside[0], instruments,
                                             context.language):
            trigger.date = inside[0]
    _share_coordinated_dates(context, triggers)


def _can_date_an_event(context: Context, date: DateMention) -> bool:
    if re.fullmatch(r"\d{4}", date.edtf):
        return False  # a year alone dates a period, not an event
    if any(start <= date.start and date.end <= end for start, end in _datelines(context)):
        return False  # "Hanoi, 1er novembre (VNA) -": when the article was written
    return not _on_a_stamp_line(context.text, date)  # "Updated: 10:53, 15/03/2019"


def _datelines(context: Context) -> list[tuple[int, int]]:
    """(start, end) of the datelines opening the first paragraphs of the body."""
    found = []
    for start, paragraph in _first_paragraphs(context):
        dateline = read_dateline(paragraph)
        if dateline is not None:
            found.append((start, start + dateline.end))
            continue
        match = DATELINE.match(paragraph)
        if match and city_code(match.group(1).strip()) is not None:
            found.append((start, start + match.end()))
    return found


def _first_paragraphs(context: Context) -> list[tuple[int, str]]:
    """(offset, text) of the first paragraphs of the body (a dateline may follow a caption),
    after a title line that is a lede (" date 2018-12 Tokyo (VNA) – L'ambassade ...")."""
    title = title_sentence(context)
    found = [(title.start, title.text)] if title is not None else []
    for match in re.finditer(r"[^\n]*\S[^\n]*", context.text[:context.body_end]):
        start = max(match.start(), context.body_start)  # a header line may hold the lede
        if start < match.end() and context.text[start:match.end()].strip():
            found.append((start, context.text[start:match.end()]))
        if len(found) >= DATELINE_PARAGRAPHS:
            break
    return found


def _nearer_to_an_instrument(trigger: Trigger, date: DateMention,
                             instruments: list[tuple[int, int]], language: str) -> bool:
    """A signing's date is its instrument's; other events lose dates to nearer instruments."""
    if trigger.type == "signing" or _linked_to_the_event(trigger, date, language):
        return False
    own = _distance(trigger.start, trigger.end, date)
    return any(trigger.sentence.start <= a < trigger.sentence.end and _distance(a, b, date) < own
               for a, b in instruments)


def _linked_to_the_event(trigger: Trigger, date: DateMention, language: str) -> bool:
    """'ratified the agreement on Friday during a meeting', 'vendredi lors d'une réunion': the
    date is told right before the event it took place at, whatever instrument precedes it."""
    text = trigger.sentence.text
    between = text[date.end - trigger.sentence.start:trigger.start - trigger.sentence.start]
    return date.end <= trigger.start and \
        bool(_event_link_pattern(language).fullmatch(between))


@cache
def _event_link_pattern(language: str) -> re.Pattern:
    links = "|".join(sorted(lexicon(language)["event_links"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{links})\s*", re.I)


def _on_a_stamp_line(text: str, date: DateMention) -> bool:
    """A date on a line with a clock time is the page's time stamp, not an event's date."""
    start = text.rfind("\n", 0, date.start) + 1
    end = text.find("\n", date.end)
    return bool(CLOCK.search(text[start:end if end >= 0 else len(text)]))


def _share_coordinated_dates(context: Context, triggers: list[Trigger]) -> None:
    """'held talks and signed an MoU on March 14': both happened that day."""
    for trigger in triggers:
        if trigger.date is not None:
            continue
        for other in triggers:
            if other is trigger or other.date is None or other.sentence is not trigger.sentence:
                continue
            a, b = sorted((trigger, other), key=lambda t: t.start)
            if COORDINATION.fullmatch(context.text[a.end:b.start]):
                trigger.date = other.date
                break


def _distance(start: int, end: int, date: DateMention) -> int:
    if date.start >= end:
        return date.start - end
    return max(0, start - date.end)


def _group(triggers: list[Trigger]) -> list[Event]:
    """One event per real event: later mentions without a new date fold into the first; a
    reference back ("the event", "cette cérémonie") folds into the event told just before."""
    events: list[Event] = []
    ahead: list[Trigger] = []  # a caption's "after the ceremony", before the event is told
    for trigger in triggers:
        if trigger.type == AGAIN and events:
            _add_mention(events[-1], trigger)
        elif trigger.type == AGAIN:
            ahead.append(trigger)
        else:
            _fold(events, trigger)
    for trigger in ahead:
        if events:
            _add_mention(events[0], trigger)
        elif trigger.lead:  # "The ceremony, held in Hanoi, marked ...": the only event
            events.append(Event("other", trigger, trigger.date))
    for event in events:
        if event.trigger not in event.mentions:
            event.mentions.insert(0, event.trigger)
    return events


def _fold(events: list[Event], trigger: Trigger) -> None:
    """Fold one event word into the event it tells again, or open a new event."""
    same_type = [e for e in events if e.type == trigger.type]
    date = trigger.date
    # "The ministers met on Monday": a weekday opens the first event of its type; told again
    # later ("in an interview on Monday") it names another occasion and folds
    if date is not None and (not date.relative or trigger.same_day or not same_type):
        match = next((e for e in same_type if e.date is None and _dates_it(trigger, e)
                      or e.date is not None and e.date.edtf == date.edtf), None)
        if match is None:
            events.append(Event(trigger.type, trigger, date))
            return
        _add_mention(match, trigger)
        if match.date is None or match.date.relative:
            if match.date is None or match.trigger.sentence_index < 0:
                match.trigger = trigger  # the headline told it, this sentence in full
            match.date = date  # "on Tuesday" ... "on June 10": the written date
        return
    if same_type:
        _add_mention(same_type[0], trigger)
        if same_type[0].trigger.sentence_index < 0 and trigger.sentence_index >= 0 \
                and same_type[0].date is None:
            same_type[0].trigger = trigger  # the body tells what the headline announced
            same_type[0].date = date  # "received ... on Tuesday"
        return
    anchor = next((e for e in events if e.date is not None and not e.date.relative
                   and any(m.sentence is trigger.sentence for m in e.mentions)), None)
    if trigger.lead or anchor is not None:  # "At the end of the meeting, they signed ..."
        events.append(Event(trigger.type, trigger, date or (anchor.date if anchor else None),
                            anchor=anchor))


def _dates_it(trigger: Trigger, event: Event) -> bool:
    """Whether a dated mention dates an undated event: a mention in the lead or after a
    headline does; a later month or year ("In July 2006, the first agreement was signed")
    tells an earlier event."""
    return trigger.lead or event.trigger.sentence_index < 0 or \
        bool(re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", trigger.date.edtf))


def _add_mention(event: Event, trigger: Trigger) -> None:
    """Keep a folded event word as a telling of the event, unless its sentence gives other
    dates ("also signed an MoU in 2014"): then it tells another one, which is not sought."""
    dates = trigger.other_dates
    if trigger.date is not None or not dates or (event.date and event.date.edtf in dates):
        event.mentions.append(trigger)


def _date_same_day(context: Context, triggers: list[Trigger]) -> None:
    """'Earlier the same day, the delegation attended a workshop', 'On this occasion, they
    signed an MoU': the day of the event told last before (the lead event at the latest)."""
    lead_dates = [t.date for t in triggers if t.lead and t.date is not None]
    if not lead_dates:
        return
    same_day = _same_day_pattern(context.language)
    for trigger in triggers:
        if trigger.date is None and not trigger.lead and same_day.search(trigger.sentence.text):
            before = [t.date for t in triggers if t.date is not None and not t.date.relative
                      and not t.same_day and t.sentence.end <= trigger.sentence.start]
            trigger.date, trigger.same_day = (before or lead_dates)[-1], True


@cache
def _same_day_pattern(language: str) -> re.Pattern:
    return words_pattern(lexicon(language)["same_day"])


def _date_the_lead(context: Context, events: list[Event], dates: list[DateMention],
                   triggers: list[Trigger]) -> None:
    """An undated lead event takes the first free date of the lead paragraph ("On 24th
    November 2017 in Hanoi, Prof.Dr. X had a courtesy meeting"), split across sentences; a
    written date goes before a weekday ("On Monday in Hanoi, Prof.Dr. X met ...")."""
    lead_end = _lead_end(context)
    taken = {id(t.date) for t in triggers if t.date is not None}
    free = [d for d in dates if context.body_start <= d.start < lead_end
            and id(d) not in taken and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", d.edtf)
            and not _on_a_stamp_line(context.text, d)]
    free.sort(key=lambda d: d.relative)  # stable: written dates first, each in text order
    for event in events:
        if event.date is None and event.trigger.lead and free:
            event.date = free[0]
    for event in events:
        if event.date is None and event.trigger.sentence_index >= 0:
            event.date = _date_of_the_paragraph(context, event, events)


def _date_of_the_paragraph(context: Context, event: Event,
                           events: list[Event]) -> DateMention | None:
    """'Sáng 12/3, Thứ trưởng đã tiếp ... Hai bên đã ký kết kế hoạch hợp tác.': an undated
    event told in the paragraph of a dated one, right after it, happened on its day."""
    for other in events:
        before = other.trigger
        if other is event or other.date is None or other.date.relative or \
                before.sentence_index < 0 or before.start > event.trigger.start:
            continue
        if "\n" not in context.text[before.start:event.trigger.start] and \
                0 < event.trigger.sentence_index - before.sentence_index <= 1:
            return other.date
    return None


def _describe(context: Context, event: Event, persons: list[dict], organizations: list[dict],
              article_countries: list[str]) -> dict:
    sentence = event.trigger.sentence
    participants = ids_in(persons + organizations, sentence.start, sentence.end)
    participants += [i for i in listed_participants(context, sentence, persons + organizations)
                     if i not in participants]
    participants += [i for i in _persons_of_mentions(event, persons) if i not in participants]
    place = _event_place(context, event, organizations)
    date = event.date.edtf if event.date else None
    return {
        "id": "",
        "type": event.type,
        "date": date,
        "date_text": event.date.text if event.date else None,
        "place": place,
        "participants": participants,
        "countries": _event_countries(sentence.text, participants, persons + organizations,
                                      article_countries),
        "evidence": context.evidence(sentence.start, sentence.end),
    }


def _event_place(context: Context, event: Event, organizations: list[dict]) -> str | None:
    """Where the event took place: said where it is told, where it is told again, as the
    country of a visit, in the lead, by the dateline, or where the event it was part of was."""
    sentence = event.trigger.sentence
    place = find_place(context, sentence.start, sentence.end, organizations)
    for mention in event.mentions:
        if place is None and mention.sentence is not sentence:
            place = find_place(context, mention.sentence.start, mention.sentence.end,
                               organizations)
    if place is None:
        place = next(filter(None, (_visited_country(context, m) for m in event.mentions)), None)
    if place is None and event.trigger.lead:
        place = _lead_place(context, organizations) or dateline_place(context)
    if place is None and event.anchor is not None:
        place = _event_place(context, event.anchor, organizations)
    return place


def _people_told_again(context: Context, events: list[Event], found: list[dict],
                       persons: list[dict]) -> None:
    """'Lors de leur entretien, les ministres ...': an event without persons, told with words
    that refer to people named before, has the persons of the first event that has some."""
    person_ids = {p["id"] for p in persons}
    source = next((d for d in found if person_ids & set(d["participants"])), None)
    if source is None:
        return
    named = [i for i in source["participants"] if i in person_ids]
    again = words_pattern(lexicon(context.language)["participants_again"])
    for event, described in zip(events, found, strict=False):
        if person_ids & set(described["participants"]):
            continue  # the event names its own people
        if again.search(event.trigger.sentence.text):
            described["participants"] += [i for i in named if i not in described["participants"]]


def _persons_of_mentions(event: Event, persons: list[dict]) -> list[str]:
    """The persons of the other sentences that tell the event ("The agreement was signed by
    X and Y", "Lors de leur entretien, ..."): they take part in it too."""
    found: list[str] = []
    for mention in event.mentions:
        if mention.sentence is not event.trigger.sentence:
            found += [i for i in ids_in(persons, mention.sentence.start, mention.sentence.end)
                      if i not in found]
    return found


def listed_participants(context: Context, sentence: Sentence, items: list[dict]) -> list[str]:
    """Participants introduced right after the event ("Les signataires incluent ...", "The
    delegation was led by ...", "Đoàn do ... dẫn đầu"), besides those of its sentence."""
    cue = words_pattern(lexicon(context.language)["participant_cues"])
    following = [s for s in context.sentences if s.start >= sentence.end][:2]
    found: list[str] = []
    for nxt in following:
        if not cue.search(nxt.text[:60]):
            break
        found += [i for i in ids_in(items, nxt.start, nxt.end) if i not in found]
    return found


def ids_in(items: list[dict], start: int, end: int) -> list[str]:
    """Ids of the persons/organizations mentioned between start and end, in text order."""
    hits = []
    for item in items:
        inside = [m["start"] for m in item.get("mentions") or []
                  if start <= m["start"] and m["end"] <= end]
        if inside:
            hits.append((min(inside), item["id"]))
    return [item_id for _, item_id in sorted(hits)]


def _event_countries(text: str, participants: list[str], items: list[dict],
                     article_countries: list[str]) -> list[str]:
    codes = country_codes_in(text)
    by_id = {item["id"]: item for item in items}
    for pid in participants:
        code = by_id.get(pid, {}).get("country")
        if code and code not in codes:
            codes.append(code)
    return codes or list(article_countries)


def _signings_of_agreements(context: Context, events: list[dict], agreements: list[dict],
                            dates: list[DateMention], organizations: list[dict],
                            article_countries: list[str]) -> list[dict]:
    """Signings told in passing ("the MoU signed in May") as events of their own."""
    signed_dates = {e["date"] for e in events if e["type"] == "signing"}
    added = []
    for agreement in agreements:
        when = agreement.get("signed")
        if not when or when in signed_dates:
            continue
        mention = next((d for d in dates if d.edtf == when), None)
        if mention is None:
            continue
        undated = next((e for e in events if e["type"] == "signing" and e["date"] is None), None)
        if undated is not None:  # the signing the article reports, now dated
            undated["date"], undated["date_text"] = when, mention.text
            signed_dates.add(when)
            continue
        sentence = context.sentence_at(mention.start)
        start, end = (sentence.start, sentence.end) if sentence else (mention.start, mention.end)
        signed_dates.add(when)
        added.append({
            "id": "", "type": "signing", "date": when, "date_text": mention.text,
            "place": find_place(context, start, end, organizations),
            "participants": list(agreement.get("parties") or []),
            "countries": list(agreement.get("countries") or article_countries),
            "evidence": context.evidence(start, end),
        })
    return added


# ---- places and countries, shared with agreements -------------------------------------------

def find_place(context: Context, start: int, end: int,
               organizations: list[dict] | None = None) -> str | None:
    """The city where something happens, as written: 'in Hà Nội', 'à Hanoï', 'tại Hà Nội'."""
    text = context.text[start:end]
    taken = [(m["start"], m["end"]) for o in organizations or [] for m in o.get("mentions") or []]
    prepositions = lexicon(context.language)["place_prepositions"]
    appositions = _apposition_pattern(context.language)
    for a, b, _code in city_mentions(text):
        if any(x <= start + a < y for x, y in taken):
            continue
        if _after_preposition(text, a, prepositions, appositions):
            return text[a:b]
    for venue in _venue_pattern(context.language).finditer(text):
        name = _venue_name(text, venue, taken, start)
        if name[:1].isupper() or re.search(rf"\s[{UPPER}]", name):  # not a bare "trụ sở"
            return name
    sentence = context.sentence_at(start)
    if sentence is None:
        return None
    for label, a, b, name in sentence.ents():
        if label not in ("GPE", "LOC") or not (start <= a and b <= end):
            continue
        if any(x < b and a < y for x, y in taken) or country_codes_in(name):
            continue
        if _after_preposition(context.text, a, prepositions, appositions) and \
                name[:1].isupper():
            return name
    return None


@cache
def _venue_pattern(language: str) -> re.Pattern:
    """'tại Trụ sở Bộ Ngoại giao', 'at the Presidential Palace': a named building."""
    lex = lexicon(language)
    prepositions = "|".join(lex["place_prepositions"])
    heads = "|".join(sorted(lex["venues"], key=len, reverse=True))
    # a Vietnamese name goes on with a lower-case syllable: "Chính phủ", "Bộ Ngoại giao"
    lower = r"(?:\s+(?!và\b)[a-zà-ỹđ][\w-]*)?" if language == "vi" else ""
    return re.compile(rf"(?<!\w)(?i:{prepositions})\s+(?:the\s+|l[ae]\s+|l[’'])?"
                      rf"(?P<venue>(?P<head>(?i:{heads}))(?:\s+[{UPPER}][\w’'-]*{lower})*)")


def _venue_name(text: str, venue: re.Match, taken: list[tuple[int, int]], offset: int) -> str:
    """The venue as written: its head and the organization named right after it ("trụ sở
    Đại sứ quán Việt Nam tại Hàn Quốc"), else the capitalised words after it."""
    after = venue.end("head")
    ends = [b - offset for a, b in taken if 0 <= a - offset - after <= 1]
    if ends:
        return text[venue.start("venue"):max(ends)]
    return venue.group("venue")


def _visited_country(context: Context, trigger: Trigger) -> str | None:
    """'visite de travail au Mexique', 'a visit to Japan', 'chuyến thăm Nhật Bản': the country
    visited, right after a visit word."""
    visit, opener = _visit_patterns(context.language)
    if not visit.search(context.text[trigger.start:trigger.end]):
        return None
    after = context.text[trigger.end:min(trigger.end + 40, trigger.sentence.end)]
    countries = country_mentions(after)
    if not countries or countries[0][0] != opener.match(after).end():
        return None
    name = after[countries[0][0]:countries[0][1]]
    return name if name[:1].isupper() else None


@cache
def _visit_patterns(language: str) -> tuple[re.Pattern, re.Pattern]:
    """A visit word; what may stand between it and the country visited ('de travail au')."""
    lex = lexicon(language)
    visit = words_pattern(lex["visits"])
    opener = re.compile(rf"\s*(?:(?:{'|'.join(lex['visit_modifiers'])})\s+)?"
                        rf"(?:(?:{'|'.join(lex['place_prepositions'])})\s+)?(?:the\s+)?", re.I)
    return visit, opener


def _after_preposition(text: str, start: int, prepositions: list[str],
                       appositions: re.Pattern) -> bool:
    """'in Hà Nội', 'à Hanoï', 'tại thành phố Huế', 'in the Vietnamese capital Hanoi': a place
    word right after a preposition."""
    before = appositions.sub("", text[max(0, start - 60):start]).split()
    return bool(before) and before[-1].lower() in prepositions


@cache
def _apposition_pattern(language: str) -> re.Pattern:
    """The words that may stand between a place preposition and the city (data/events.json)."""
    phrases = "|".join(sorted(lexicon(language)["place_appositions"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{phrases})\s*,?\s*$", re.I)  # "the capital, Hanoi"


def _lead_place(context: Context, organizations: list[dict]) -> str | None:
    return find_place(context, context.body_start, _lead_end(context), organizations)


def dateline_place(context: Context) -> str | None:
    """The city of a dateline opening one of the first paragraphs: 'HÀ NỘI -', 'Hanoi (VNA) -',
    'HANOI, Vietnam -' (after a photo caption), 'April 3,2017, SEOUL, KOREA -'."""
    for start, end in _datelines(context):
        head = context.text[start:end]
        cities = city_mentions(head)
        if cities:
            name = head[cities[0][0]:cities[0][1]]
            return name.title() if name.isupper() else name
        match = DATELINE.match(head)
        if match and city_code(match.group(1).strip()) is not None:
            name = match.group(1).strip()
            return name.title() if name.isupper() else name
    return None


def country_codes_in(text: str) -> list[str]:
    """ISO 3166-1 alpha-2 codes of the countries a text names, in order of appearance."""
    return list(dict.fromkeys(code for _, _, code in country_mentions(text)))

