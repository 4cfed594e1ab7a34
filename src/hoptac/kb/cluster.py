"""Grouping records that denote the same real person, organization or agreement.

Records are joined when they share an identity key (a folded full name, a generic body with its
country, a language-independent bag of name words), then by fuzzy spelling (transliterations)
and acronyms. Every join is checked against the whole group: a group never holds two
countries, two differently toned Vietnamese spellings of one folded name, or two agreements
with different signing dates. Precision comes first: an ambiguous record stays alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache

from rapidfuzz import fuzz

from hoptac.kb.names import (
    acronym_form,
    body_key,
    concept_bag,
    contextual_bodies,
    initials,
    is_acronym,
    is_precise_vietnamese,
    joined_key,
    known_acronyms,
    load_data,
    named_acronyms,
    national_bag,
    organization_bags,
    person_key,
    subjects,
    without_titles,
)
from hoptac.kb.records import Record

# kinds that name the same instrument in different articles ('protocole d'accord' is a
# memorandum of understanding; a framework agreement between two countries is their
# intergovernmental agreement)
KIND_GROUPS = {"intergovernmental_agreement": "intergovernmental",
               "framework_agreement": "intergovernmental",
               "mou": "memorandum", "protocol": "memorandum"}
# parties that make an agreement institutional rather than between governments
INSTITUTIONS = {"university", "hospital", "company", "association"}
PERSON_FUZZY = 85  # rapidfuzz ratio of whole folded names (Murashko / Mourachko: 91)
PERSON_TOKEN_FUZZY = 70
ORG_FUZZY = 94


class Groups:
    """Union-find over records. A union is refused when the two groups name different
    countries, hold two different items of one article (unless they share a spelling: a
    duplicate), or when `compatible` rejects them."""

    def __init__(self, records: list[Record],
                 compatible: Callable[[list[Record], list[Record]], bool]):
        self.records = records
        self.parent = list(range(len(records)))
        self.members = {i: [records[i]] for i in range(len(records))}
        self.countries = {i: {r.country} - {None} for i, r in enumerate(records)}
        self.by_article = {i: {r.article: [r]} for i, r in enumerate(records)}
        self.compatible = compatible

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def agree(self, ra: int, rb: int) -> bool:
        if len(self.countries[ra] | self.countries[rb]) > 1:
            return False
        small, large = sorted((self.by_article[ra], self.by_article[rb]), key=len)
        for article in small.keys() & large.keys():
            for x in small[article]:
                for y in large[article]:
                    if x.local_id != y.local_id and not x.folded_names & y.folded_names:
                        return False
        return self.compatible(self.members[ra], self.members[rb])

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.agree(ra, rb):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.countries[ra] |= self.countries.pop(rb)
        for article, records in self.by_article.pop(rb).items():
            self.by_article[ra].setdefault(article, []).extend(records)
        return True

    def union_by_keys(self, keys: Callable[[Record], list[str]]) -> None:
        first: dict[str, list[int]] = defaultdict(list)
        for index, record in enumerate(self.records):
            for key in keys(record):
                holders = first[key]
                if not any(self.union(h, index) for h in holders):
                    holders.append(index)

    def groups(self) -> list[list[Record]]:
        return sorted((sorted(m, key=lambda r: r.order) for m in self.members.values()),
                      key=lambda g: g[0].order)

    def roots(self) -> list[int]:
        return sorted(self.members)


# --- persons --------------------------------------------------------------------------------


def person_keys(record: Record) -> list[str]:
    keys = []
    for name in record.names:
        words = person_key(name).split()
        if len(words) >= 2:
            keys.append("n:" + " ".join(words))
            keys.append("s:" + " ".join(sorted(words)))
    return keys


def _tones(records: list[Record]) -> dict[str, set[str]]:
    from hoptac.kb.names import tone_key

    tones: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for name in record.names:
            if is_precise_vietnamese(name):
                tones[person_key(name)].add(tone_key(without_titles(name)))
    return tones


def persons_compatible(a: list[Record], b: list[Record]) -> bool:
    """No folded name written with different tones in the two groups."""
    tones_a, tones_b = _tones(a), _tones(b)
    return all(tones_a[k] & tones_b[k] for k in tones_a.keys() & tones_b.keys())


def _full_names(records: list[Record]) -> set[str]:
    return {person_key(n) for r in records for n in r.names if len(person_key(n).split()) >= 2}


@cache
def _vietnamese_surnames() -> frozenset[str]:
    return frozenset(load_data("vietnamese_surnames.json")["surnames"])


def _is_vietnamese(records: list[Record]) -> bool:
    """Vietnamese by country, by diacritics, or by family name."""
    surnames = _vietnamese_surnames()
    return any(r.country == "VN" or any(is_precise_vietnamese(n) for n in r.names)
               or any(person_key(n).split()[:1] and person_key(n).split()[0] in surnames
                      for n in r.names)
               for r in records)


def spelled_alike(a: str, b: str) -> bool:
    """Two transliterations of one name: same number of words, each close, the given name
    closer still ('mikhail murashko' / 'mikhail mourachko')."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or fuzz.ratio(a, b) < PERSON_FUZZY:
        return False
    if fuzz.ratio(wa[0], wb[0]) < PERSON_FUZZY:
        return False
    return all(fuzz.ratio(x, y) >= PERSON_TOKEN_FUZZY for x, y in zip(wa, wb, strict=True))


def resolve_persons(records: list[Record]) -> list[list[Record]]:
    groups = Groups(records, persons_compatible)
    groups.union_by_keys(person_keys)
    _join_transliterations(groups)
    _join_short_names(groups)
    return groups.groups()


def _join_transliterations(groups: Groups) -> None:
    """Fuzzy pass for names from other scripts. Vietnamese names are left out: their
    variants differ only in diacritics, which folding already removes. Names are compared
    within blocks of the same word count and initials."""
    blocks: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for root in groups.roots():
        if not _is_vietnamese(groups.members[root]):
            for name in _full_names(groups.members[root]):
                words = name.split()
                blocks[(len(words), words[0][0], words[-1][0])].append((root, name))
    for block in blocks.values():
        for i, (ra, x) in enumerate(block):
            for rb, y in block[i + 1:]:
                if groups.find(ra) != groups.find(rb) and spelled_alike(x, y):
                    groups.union(ra, rb)


def _join_short_names(groups: Groups) -> None:
    """A group known only by one word ('Thuấn') joins the single group of the same country
    whose full name ends with that word."""
    by_last_word: dict[str, set[int]] = defaultdict(set)
    for root in groups.roots():
        for name in _full_names(groups.members[root]):
            by_last_word[name.split()[-1]].add(root)
    for root in groups.roots():
        members = groups.members.get(root)
        if not members or _full_names(members) or not all(r.country for r in members):
            continue
        word = person_key(members[0].names[0])
        candidates = {groups.find(other) for other in by_last_word.get(word, ())}
        candidates = {other for other in candidates if other != groups.find(root)
                      and groups.countries[other] == groups.countries[groups.find(root)]}
        if len(candidates) == 1:
            groups.union(root, candidates.pop())


# --- organizations --------------------------------------------------------------------------


def _body_of_acronym(name: str, country: str | None) -> str | None:
    bodies, _generic = known_acronyms()
    entry = bodies.get(acronym_form(name))
    if not entry:
        return None
    code = entry["country"] or country
    return f"b:{entry['body']}:{code}" if code else ""


CONTEXTUAL_KINDS = {"media", "government"}


def is_contextual(record: Record) -> bool:
    """A government, party organ or news medium: it stands for its country (a node of its
    own) or is the article's source, so it is not linked across articles."""
    if record.item.get("kind") in CONTEXTUAL_KINDS:
        return True
    bodies, _generic = known_acronyms()
    for name in record.names:
        if is_acronym(name):
            concept = (bodies.get(acronym_form(name)) or {}).get("body")
        else:
            concept = (body_key(name, record.country) or ("", None))[0]
        if concept in contextual_bodies():
            return True
    return False


def organization_keys(record: Record) -> list[str]:
    """Identity keys: generic body + country, or specific name bags; acronyms with country.
    None for contextual bodies."""
    if is_contextual(record):
        return []
    _bodies, generic = known_acronyms()
    keys: list[str] = []
    for name in record.names:
        if is_acronym(name):
            body = _body_of_acronym(name, record.country)
            full_name = named_acronyms().get(acronym_form(name))
            if full_name:
                keys.extend("g:" + " ".join(bag) for bag in organization_bags(full_name))
            elif body:
                keys.append(body)
            elif body is None and acronym_form(name) not in generic and record.country:
                keys.append(f"a:{acronym_form(name)}:{record.country}")
            continue
        body = body_key(name, record.country)
        if body is not None:
            concept, country = body
            if concept.endswith(":?") and country:
                concept = _host_from_article(concept, country, record)
            if country and concept:
                keys.append(f"b:{concept}:{country}")
            continue
        keys.extend("g:" + " ".join(bag) for bag in organization_bags(name))
        joined = joined_key(name)
        if joined:
            keys.append("j:" + joined)
        national = national_bag(name)
        if national and record.country:
            keys.append(f"n:{record.country}:{' '.join(national)}")
    return keys


def _host_from_article(concept: str, sender: str, record: Record) -> str | None:
    """An embassy whose host is not named: the article's one other country, if one."""
    others = [c for c in record.article_countries if c != sender]
    return concept[:-1] + others[0] if len(others) == 1 else None


def resolve_organizations(records: list[Record]) -> list[list[Record]]:
    for record in records:
        record.keys = organization_keys(record)
    contextual = {r.order for r in records if is_contextual(r)}
    groups = Groups(records, lambda a, b: not any(r.order in contextual for r in a + b))
    groups.union_by_keys(lambda r: r.keys)
    _join_near_names(groups)
    _join_acronyms(groups)
    return groups.groups()


def _bag_strings(records: list[Record]) -> set[str]:
    return {k[2:] for r in records for k in r.keys if k.startswith("g:")}


def _join_near_names(groups: Groups) -> None:
    """Specific names one typo apart ('Clermont-Auvergne' / 'Clermond-Auvergne'), compared
    among groups that share a specific word."""
    from hoptac.kb.names import glossary

    generic = glossary().generic
    by_word: dict[str, set[int]] = defaultdict(set)
    bags = {r: _bag_strings(groups.members[r]) for r in groups.roots()}
    for root, strings in bags.items():
        for word in {w for b in strings for w in b.split() if w not in generic}:
            by_word[word].add(root)
    seen: set[tuple[int, int]] = set()
    for word in sorted(by_word):
        roots = sorted(by_word[word])
        if len(roots) > 200:  # a common word: no evidence, and too many pairs
            continue
        for i, ra in enumerate(roots):
            for rb in roots[i + 1:]:
                if (ra, rb) in seen:
                    continue
                seen.add((ra, rb))
                if groups.find(ra) != groups.find(rb) and any(
                        len(x) > 8 and x != y and fuzz.ratio(x, y) >= ORG_FUZZY
                        for x in bags[ra] for y in bags[rb]):
                    groups.union(ra, rb)


def _acronyms_of(records: list[Record]) -> set[str]:
    """Acronyms a group is known by: written ones, and the initials of its full names."""
    found = set()
    for record in records:
        for name in record.names:
            found.add(acronym_form(name) if is_acronym(name) else initials(name))
    found.discard("")
    return found


def _only_acronyms(records: list[Record]) -> bool:
    return all(is_acronym(n) for r in records for n in r.names)


def _join_acronyms(groups: Groups) -> None:
    """A group named only by an acronym joins the one group known by that acronym."""
    _bodies, generic = known_acronyms()
    by_acronym: dict[str, set[int]] = defaultdict(set)
    for root in groups.roots():
        if not _only_acronyms(groups.members[root]):
            for acronym in _acronyms_of(groups.members[root]):
                by_acronym[acronym].add(root)
    for root in groups.roots():
        members = groups.members.get(root)
        if not members or not _only_acronyms(members):
            continue
        wanted = {acronym_form(n) for r in members for n in r.names} - generic
        candidates = {groups.find(o) for a in wanted for o in by_acronym.get(a, ())}
        candidates = {o for o in candidates if o != groups.find(root)
                      and len(groups.countries[o] | groups.countries[groups.find(root)]) <= 1}
        if len(candidates) == 1:
            groups.union(root, candidates.pop())


# --- agreements -----------------------------------------------------------------------------


def kind_group(kind: str | None) -> str:
    return KIND_GROUPS.get(kind or "", kind or "other")


def _title_bag(record: Record) -> tuple[str, ...]:
    return _bag_of_title(record.item.get("title") or "")


@cache
def _bag_of_title(title: str) -> tuple[str, ...]:
    return concept_bag(title, countries=False)


def _specific_words(bag: tuple[str, ...]) -> set[str]:
    from hoptac.kb.names import glossary

    gloss = glossary()
    return {w for w in bag if w not in gloss.generic and not w.isdigit()}


def dates_differ(a: str | None, b: str | None) -> bool:
    """Two stated dates that cannot be the same day ('2019-05' vs '2025-11-12'); a date
    and a more precise one inside it ('2025-11', '2025-11-12') can."""
    if not a or not b or a.startswith("X") or b.startswith("X"):
        return False
    return not (a.startswith(b) or b.startswith(a))


def agreements_conflict(a: Record, b: Record, parties: dict) -> bool:
    """Evidence that two agreement records are two instruments."""
    if a.article == b.article and a.local_id != b.local_id:
        return True
    if kind_group(a.item.get("kind")) != kind_group(b.item.get("kind")):
        return True
    if set(a.item.get("countries") or []) != set(b.item.get("countries") or []):
        return True
    if dates_differ(a.item.get("signed"), b.item.get("signed")):
        return True
    subj_a, subj_b = subjects(_title_bag(a)), subjects(_title_bag(b))
    if subj_a and subj_b and not subj_a & subj_b:
        return True
    if kind_group(a.item.get("kind")) != "intergovernmental":
        words_a, words_b = _specific_words(_title_bag(a)), _specific_words(_title_bag(b))
        if words_a and words_b and not words_a & words_b:
            return True
    pa, pb = parties.get(a.order, set()), parties.get(b.order, set())
    return len(pa) >= 2 and len(pb) >= 2 and bool(pa - pb) and bool(pb - pa)


def agreements_alike(a: Record, b: Record, parties: dict, unique_day: set[int],
                     institutional: set[int]) -> bool:
    """Positive evidence that two agreement records are one instrument. `unique_day` holds
    the records that are their article's only agreement of their kind and countries signed
    on their (day-precise) signing date; `institutional` those signed by universities,
    hospitals, companies or associations (a university's 'accord-cadre' is not the
    countries' framework agreement)."""
    if kind_group(a.item.get("kind")) == "intergovernmental" \
            and a.order not in institutional and b.order not in institutional:
        return True  # one intergovernmental agreement per pair of countries and subject
    pa, pb = parties.get(a.order, set()), parties.get(b.order, set())
    if pa and (pa == pb or len(pa & pb) >= 2):  # one shared party (a ministry) is not enough
        return True
    if a.order in unique_day and b.order in unique_day \
            and a.item.get("signed") == b.item.get("signed") and not (pa and pb):
        return True
    words_a, words_b = _specific_words(_title_bag(a)), _specific_words(_title_bag(b))
    if len(words_a & words_b) >= 2:
        return len(words_a & words_b) / len(words_a | words_b) >= 0.5
    return False


def _alone_on_their_day(records: list[Record]) -> set[int]:
    """Records signed on a stated day that no other agreement of the same kind and countries
    in the same article shares (several memoranda signed at one ceremony stay apart)."""
    counts: dict[tuple, int] = defaultdict(int)

    def key(r: Record) -> tuple:
        return (r.article, kind_group(r.item.get("kind")), frozenset(r.item.get("countries")),
                r.item.get("signed"))

    dated = [r for r in records if len(r.item.get("signed") or "") == 10
             and not r.item["signed"].startswith("X")]
    for record in dated:
        counts[key(record)] += 1
    return {r.order for r in dated if counts[key(r)] == 1}


def resolve_agreements(records: list[Record], org_group_of: dict,
                       org_kind_of: dict | None = None) -> list[list[Record]]:
    """`org_group_of` maps (article, organization local id) to the organization's group,
    `org_kind_of` to its kind (ministry, university...)."""
    records = [r for r in records if r.item.get("countries")]
    parties = {r.order: {org_group_of[(r.article, p)] for p in r.item.get("parties") or []
                         if (r.article, p) in org_group_of} for r in records}
    institutional = {r.order for r in records
                     if any((org_kind_of or {}).get((r.article, p)) in INSTITUTIONS
                            for p in r.item.get("parties") or [])}

    def compatible(ga: list[Record], gb: list[Record]) -> bool:
        return not any(agreements_conflict(x, y, parties) for x in ga for y in gb)

    groups = Groups(records, compatible)
    unique_day = _alone_on_their_day(records)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        blocks[(kind_group(record.item.get("kind")),
                frozenset(record.item.get("countries")))].append(index)
    for block in blocks.values():
        for n, i in enumerate(block):
            for j in block[n + 1:]:
                a, b = records[i], records[j]
                if a.article != b.article \
                        and agreements_alike(a, b, parties, unique_day, institutional) \
                        and not agreements_conflict(a, b, parties):
                    groups.union(i, j)
    return groups.groups()

