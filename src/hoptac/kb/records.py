"""What one article says about one person, organization or agreement, ready for resolution."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from hoptac.kb.names import (
    body_key,
    concept_bag,
    fold,
    is_acronym,
    person_key,
    without_titles,
)


@dataclass
class Record:
    """One item of one article's extraction."""

    kind: str  # person | organization | agreement
    article: str
    local_id: str
    order: int  # position in the whole input, for deterministic choices
    item: dict
    names: list[str]
    country: str | None = None
    language: str | None = None
    published: str | None = None
    article_countries: tuple[str, ...] = ()
    keys: list[str] = field(default_factory=list)

    @property
    def folded_names(self) -> set[str]:
        return {fold(n) for n in self.names if fold(n)}


EDGE_PUNCTUATION = " \t\n-–—,;:.()[]\"'«»“”‘’"


def item_names(item: dict) -> list[str]:
    """The item's name then its aliases, trimmed of edge punctuation ('(MEAE)' -> 'MEAE',
    'Le Quang Cuong -' -> 'Le Quang Cuong'), without blanks or repeats."""
    names = []
    for name in [item.get("name"), *(item.get("aliases") or [])]:
        if isinstance(name, str):
            name = " ".join(name.strip(EDGE_PUNCTUATION).split())
            if name and name not in names:
                names.append(name)
    return names


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _texts(value) -> list[str]:
    return [v for v in (value if isinstance(value, list) else []) if isinstance(v, str) and v]


def cleaned(item: dict, kind: str) -> dict:
    """A copy of an extracted item with the fields resolution reads in their contract types
    (an extractor's slip must not break the knowledge base)."""
    item = dict(item)
    for key in ("name", "country", "kind", "title", "status", "signed"):
        item[key] = _text(item.get(key))
    item["aliases"] = _texts(item.get("aliases"))
    if kind == "person":
        item["roles"] = [r for r in item.get("roles") or [] if isinstance(r, dict)] \
            if isinstance(item.get("roles"), list) else []
    if kind == "agreement":
        item["countries"] = _texts(item.get("countries"))
        item["parties"] = _texts(item.get("parties"))
        item["areas"] = _texts(item.get("areas"))
        item["planned"] = item["planned"] if isinstance(item.get("planned"), dict) else None
    return item


def organization_country(org: dict) -> str | None:
    """The organization's country, where its own name states one ('Russian Ministry of
    Health') before what the extractor guessed."""
    for name in item_names(org):
        if is_acronym(name):
            continue
        body = body_key(name, None)
        if body and body[1]:
            return body[1]
    if org.get("country"):
        return org["country"]
    codes = {w[1:] for name in item_names(org) if not is_acronym(name)
             for w in concept_bag(name) if w.startswith("@")}
    return codes.pop() if len(codes) == 1 else None


def _persons_countries_by_org(persons: list[dict]) -> dict[str, str]:
    """Organization local id -> the country all persons holding a role there share."""
    seen: dict[str, set] = {}
    for person in persons:
        for role in person.get("roles") or []:
            org = role.get("organization") if isinstance(role, dict) else None
            if org and person.get("country"):
                seen.setdefault(org, set()).add(person["country"])
    return {org: codes.pop() for org, codes in seen.items() if len(codes) == 1}


def article_records(article_id: str, extraction: dict, published: str | None,
                    start: int) -> list[Record]:
    """Records of one article's persons, organizations and agreements."""
    document = extraction.get("document") if isinstance(extraction.get("document"), dict) else {}
    language = _text(document.get("language"))
    published = _text(document.get("published")) or published
    countries = tuple(_texts(extraction.get("countries")))
    persons = [cleaned(p, "person") for p in _items(extraction, "persons")]
    organizations = [cleaned(o, "organization") for o in _items(extraction, "organizations")]
    agreements = [cleaned(a, "agreement") for a in _items(extraction, "agreements")]
    org_country = {o.get("id"): organization_country(o) for o in organizations}
    role_country = _persons_countries_by_org(persons)
    records: list[Record] = []

    def add(kind: str, index: int, item: dict, names: list[str], country: str | None) -> None:
        local = str(item.get("id") or f"{kind[0]}{index + 1}")
        records.append(Record(kind, article_id, local, start + len(records), item, names,
                              country, language, published, countries))

    for index, org in enumerate(organizations):
        names = item_names(org)
        if names:
            country = org_country.get(org.get("id")) or role_country.get(org.get("id"))
            add("organization", index, org, names, country)
    for index, person in enumerate(persons):
        names = list(dict.fromkeys(without_titles(n) for n in item_names(person)
                                   if person_key(n)))
        if names:
            add("person", index, person, names, person.get("country")
                or _country_from_roles(person, org_country))
    for index, agreement in enumerate(agreements):
        if agreement["kind"]:
            add("agreement", index, agreement, [agreement.get("title") or ""],
                None)
    return records


def _items(extraction: dict, key: str) -> list[dict]:
    items = extraction.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _country_from_roles(person: dict, org_country: dict) -> str | None:
    codes = Counter(org_country.get(r.get("organization")) for r in person.get("roles") or []
                    if isinstance(r, dict) and org_country.get(r.get("organization")))
    return codes.most_common(1)[0][0] if len(codes) == 1 else None


def all_records(extractions: Iterable[tuple[str, dict, str | None]]) -> list[Record]:
    """Records of every (article id, extraction, stored published date)."""
    records: list[Record] = []
    for article_id, extraction, published in extractions:
        records.extend(article_records(article_id, extraction, published, len(records)))
    return records
