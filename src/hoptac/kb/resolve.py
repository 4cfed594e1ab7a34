"""Cross-article resolution: one knowledge-base item per real person, organization, agreement.

`rebuild_kb` recomputes the knowledge base from every stored extraction, replays reviewers'
corrections and writes kb_items, kb_links and agreement_history in one transaction. Item ids
are deterministic (kind, slug of a name, short hash of the item's first mention) and, when an
item's first mention changes, kept from the previous build by overlap, so links and
corrections keep pointing at the same thing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from unidecode import unidecode

from hoptac.kb.cluster import (
    kind_group,
    resolve_agreements,
    resolve_organizations,
    resolve_persons,
)
from hoptac.kb.names import fold, is_acronym, is_precise_vietnamese
from hoptac.kb.records import Record, all_records
from hoptac.store import Store

PREFIX = {"person": "per", "organization": "org", "agreement": "agr"}
STATUS_ORDER = ["proposed", "draft", "under_review", "planned", "signed", "in_force",
                "renewal_planned", "expired"]


@dataclass
class Entity:
    """One knowledge-base item being built: its records and what reviewers decided."""

    kind: str
    records: list[Record]
    name_override: str | None = None
    preferred_id: str | None = None
    confirmed: dict | None = None
    rejected: bool = False
    status_override: dict | None = None
    merged_from: list[str] = field(default_factory=list)
    split_from: str | None = None
    id: str | None = None

    @property
    def documents(self) -> list[str]:
        return sorted({r.article for r in self.records})

    @property
    def folded_names(self) -> set[str]:
        return {n for r in self.records for n in r.folded_names}

    @property
    def anchor(self) -> Record:
        return min(self.records, key=lambda r: r.order)


# --- the build ------------------------------------------------------------------------------


def build_entities(store: Store) -> list[Entity]:
    """Every item resolved from the stored extractions, before corrections."""
    published = {row["id"]: row["published"]
                 for row in store.conn.execute("SELECT id, published FROM articles")}
    records = all_records((aid, doc, published.get(aid)) for aid, doc in store.iter_extractions())
    by_kind: dict[str, list[Record]] = {"person": [], "organization": [], "agreement": []}
    for record in records:
        by_kind[record.kind].append(record)
    entities = [Entity("organization", g) for g in resolve_organizations(by_kind["organization"])]
    org_group_of = {(r.article, r.local_id): i for i, e in enumerate(entities) for r in e.records}
    org_kind_of = {(r.article, r.local_id): r.item.get("kind") for r in by_kind["organization"]}
    entities += [Entity("person", g) for g in resolve_persons(by_kind["person"])]
    entities += [Entity("agreement", g)
                 for g in resolve_agreements(by_kind["agreement"], org_group_of, org_kind_of)]
    return entities


def rebuild_kb(store: Store) -> dict:
    """Recompute the knowledge base from every stored extraction, then replay corrections."""
    from hoptac.kb.corrections import replay_corrections

    with _transaction(store):
        old = _previous_items(store)
        entities = build_entities(store)
        applied, unresolved = replay_corrections(store, entities)
        entities = [e for e in entities if not e.rejected]
        assign_ids(entities, old)
        counts = write_kb(store, entities)
    return {**counts, "corrections_applied": applied, "corrections_unresolved": unresolved}


@contextmanager
def _transaction(store: Store):
    """The store's transaction, or the caller's if one is already open."""
    if store.conn.in_transaction:
        yield store.conn
    else:
        with store.transaction() as conn:
            yield conn


# --- ids ------------------------------------------------------------------------------------


def slug(text: str, limit: int = 40) -> str:
    return re.sub(r"-+", "-", fold(text).replace(" ", "-"))[:limit].strip("-") or "item"


def fresh_id(entity: Entity, salt: str = "") -> str:
    """Deterministic id from the item's first mention: its article and name (not its local
    id, which a new extractor may renumber)."""
    anchor = entity.anchor
    label = anchor.names[0] if entity.kind != "agreement" else (
        f"{anchor.item.get('kind')} {' '.join(sorted(anchor.item.get('countries') or []))}")
    seed = f"{entity.kind}|{anchor.article}|{fold(label)}|{salt}"
    digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8]
    return f"{PREFIX[entity.kind]}-{slug(label)}-{digest}"


def signature(entity: Entity) -> dict:
    """What identifies an item independently of its id: its names and its articles."""
    data = {"names": sorted({n for r in entity.records for n in r.names if n}),
            "documents": entity.documents}
    if entity.kind == "agreement":
        data["kind"] = kind_group(entity.records[0].item.get("kind"))
        data["countries"] = sorted(set(entity.records[0].item.get("countries") or []))
    return data


def overlap(entity: Entity, sig: dict, kind: str) -> int:
    """How strongly an item matches a stored signature: twice the shared articles when a
    name is the same, once when one name's words contain the other's ('thuan' / 'tran van
    thuan'); for agreements, kind and countries must agree. 0: no match."""
    if entity.kind != kind:
        return 0
    shared = len(set(entity.documents) & set(sig.get("documents") or []))
    if not shared:
        return 0
    if kind == "agreement":
        same = (kind_group(entity.records[0].item.get("kind")) == kind_group(sig.get("kind"))
                and sorted(set(entity.records[0].item.get("countries") or []))
                == sig.get("countries"))
        return 2 * shared if same else 0
    names = {fold(n) for n in sig.get("names") or []} - {""}
    if entity.folded_names & names:
        return 2 * shared
    words = [set(n.split()) for n in names]
    if any(a <= b or b <= a for n in entity.folded_names for a in [set(n.split())]
           for b in words):
        return shared
    return 0


def _previous_items(store: Store) -> dict[str, tuple[str, dict]]:
    return {row["id"]: (row["kind"], json.loads(row["data"]).get("signature") or {})
            for row in store.conn.execute("SELECT id, kind, data FROM kb_items")}


def assign_ids(entities: list[Entity], old: dict[str, tuple[str, dict]]) -> None:
    """Ids: what corrections asked for, else the deterministic id, else the previous id of
    the item that overlaps most, else a fresh one."""
    taken: set[str] = set()
    fresh = {id(e): fresh_id(e) for e in entities}
    reserved = {f for f in fresh.values() if f in old}
    for entity in entities:
        if entity.preferred_id and entity.preferred_id not in taken:
            entity.id = entity.preferred_id
            taken.add(entity.id)
    pending = [e for e in entities if e.id is None]
    for entity in pending:
        if fresh[id(entity)] in old and fresh[id(entity)] not in taken:
            entity.id = fresh[id(entity)]
            taken.add(entity.id)
    pending = sorted((e for e in pending if e.id is None),
                     key=lambda e: (-len(e.records), e.anchor.order))
    by_document: dict[str, set[str]] = {}
    for old_id, (_kind, sig) in old.items():
        for document in sig.get("documents") or []:
            by_document.setdefault(document, set()).add(old_id)
    for entity in pending:
        candidates = sorted({o for d in entity.documents for o in by_document.get(d, ())}
                            - taken - reserved)
        scored = [(overlap(entity, old[o][1], old[o][0]), o) for o in candidates]
        best = max(scored, default=(0, ""))
        if best[0] > 0:
            entity.id = best[1]
        else:
            entity.id = fresh[id(entity)]
            attempt = 0
            while entity.id in taken:  # two items first seen in one article under one label
                attempt += 1
                entity.id = fresh_id(entity, salt=f"{entity.anchor.local_id}|{attempt}")
        taken.add(entity.id)


# --- materialising items --------------------------------------------------------------------


def canonical_name(entity: Entity) -> str:
    """The reviewer's name, else the most frequent spelling: for persons, full Vietnamese
    diacritics first, then the longest; for organizations, full names before acronyms,
    then the first seen."""
    if entity.name_override:
        return entity.name_override
    counts = Counter(r.names[0] for r in entity.records if r.names and r.names[0])
    for record in entity.records:
        for name in record.names[1:]:
            counts.setdefault(name, 0)
    if not counts:
        return entity.kind
    first_seen = {name: -index for index, name in enumerate(counts)}
    if entity.kind == "person":
        return max(counts, key=lambda n: (is_precise_vietnamese(n), counts[n], len(n)))
    return max(counts, key=lambda n: (not is_acronym(n), counts[n], first_seen[n]))


def aliases(entity: Entity, name: str) -> list[str]:
    seen, out = {name}, []
    for record in entity.records:
        for alias in record.names:
            if alias and alias not in seen:
                seen.add(alias)
                out.append(alias)
    if entity.kind == "person":
        for alias in [name, *out]:
            plain = ascii_spelling(alias)
            if plain not in seen:
                seen.add(plain)
                out.append(plain)
    return out


def ascii_spelling(name: str) -> str:
    """'Trần Văn Thuấn' -> 'Tran Van Thuan' (case and punctuation kept)."""
    return unidecode(name.replace("đ", "d").replace("Đ", "D"))


def _majority(values: list) -> object:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def person_data(entity: Entity, org_ids: dict) -> dict:
    roles, seen = [], set()
    for record in entity.records:
        for role in record.item.get("roles") or []:
            if not isinstance(role, dict):
                continue
            org = org_ids.get((record.article, role.get("organization")))
            key = (fold(role.get("title")), org)
            if key not in seen:
                seen.add(key)
                roles.append({"title": role.get("title"), "organization": org,
                              "document": record.article})
    return {"country": _majority([r.country for r in entity.records]), "roles": roles}


def organization_data(entity: Entity) -> dict:
    return {"country": _majority([r.country for r in entity.records]),
            "kind": _majority([r.item.get("kind") for r in entity.records])}


def agreement_data(entity: Entity, org_ids: dict) -> dict:
    items = [r.item for r in entity.records]
    parties = []
    for record in entity.records:
        for party in record.item.get("parties") or []:
            org = org_ids.get((record.article, party))
            if org and org not in parties:
                parties.append(org)
    signed = sorted({i["signed"] for i in items if i.get("signed")})
    planned = [i["planned"] for i in items if isinstance(i.get("planned"), dict)
               and any(i["planned"].values())]
    return {
        "kind": _majority([i.get("kind") for i in items]),
        "kinds": sorted({i.get("kind") for i in items if i.get("kind")}),
        "countries": sorted({c for i in items for c in i.get("countries") or []}),
        "parties": parties,
        "title": next((i["title"] for i in items if i.get("title")), None),
        "titles": list(dict.fromkeys(i.get("title") for i in items if i.get("title"))),
        "signed": signed[-1] if signed else None,
        "planned": planned[-1] if planned else None,
        "areas": sorted({a for i in items for a in i.get("areas") or []}),
    }


def comparable_date(date: str | None) -> str:
    """EDTF date as a sortable string; unknown years sort first."""
    return "" if not date or date.startswith("X") else date


def history_rows(entity: Entity) -> list[dict]:
    """One row per article that states the agreement's status, oldest first."""
    rows = []
    for record in entity.records:
        status = record.item.get("status")
        if not status:
            continue
        stated = record.item.get("signed") if status in ("signed", "in_force") else None
        rows.append({"date": stated or record.published, "status": status,
                     "article_id": record.article,
                     "evidence": record.item.get("evidence"), "source": "extraction"})
    rows.sort(key=lambda r: (comparable_date(r["date"]), _status_rank(r["status"]),
                             r["article_id"]))
    if entity.status_override:
        rows.append({**entity.status_override, "source": "correction"})
    return rows


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def item_row(entity: Entity, org_ids: dict) -> tuple[str, dict]:
    name = canonical_name(entity)
    data: dict = {"aliases": aliases(entity, name), "documents": entity.documents}
    if entity.kind == "person":
        data.update(person_data(entity, org_ids))
    elif entity.kind == "organization":
        data.update(organization_data(entity))
    else:
        data.update(agreement_data(entity, org_ids))
        history = history_rows(entity)
        data["status"] = history[-1]["status"] if history else None
        if name == entity.kind:
            name = data["titles"][0] if data["titles"] else (
                f"{data['kind']} {'-'.join(data['countries'])}")
    data["confirmed"] = entity.confirmed
    data["merged_from"] = entity.merged_from
    data["signature"] = signature(entity)
    return name, data


def write_kb(store: Store, entities: list[Entity]) -> dict:
    """Replace kb_items, kb_links and agreement_history (inside the caller's transaction)."""
    conn = store.conn
    for table in ("agreement_history", "kb_links", "kb_items"):
        conn.execute(f"DELETE FROM {table}")
    org_ids = {(r.article, r.local_id): e.id for e in entities if e.kind == "organization"
               for r in e.records}
    counts: Counter = Counter()
    for entity in entities:
        name, data = item_row(entity, org_ids)
        conn.execute("INSERT INTO kb_items (id, kind, name, data) VALUES (?,?,?,?)",
                     (entity.id, entity.kind, name, json.dumps(data, ensure_ascii=False)))
        conn.executemany("INSERT OR IGNORE INTO kb_links VALUES (?,?,?)",
                         [(entity.id, r.article, r.local_id) for r in entity.records])
        counts[entity.kind + "s"] += 1
        counts["links"] += len(entity.records)
        if entity.kind == "agreement":
            for row in history_rows(entity):
                conn.execute(
                    "INSERT INTO agreement_history (item_id, date, status, article_id, "
                    "evidence, source) VALUES (?,?,?,?,?,?)",
                    (entity.id, row.get("date"), row["status"], row.get("article_id"),
                     json.dumps(row.get("evidence"), ensure_ascii=False)
                     if row.get("evidence") else None, row["source"]))
    return {k: counts.get(k, 0) for k in ("persons", "organizations", "agreements", "links")}
