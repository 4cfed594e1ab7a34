"""Read-only queries behind the web pages and the JSON API.

Everything here reads the store (articles, extractions and the knowledge base) and returns plain
dicts, so that the HTML pages, the JSON API and the CSV downloads show the same rows.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations
from urllib.parse import quote

KB_KINDS = ("person", "organization", "agreement")
LOW_SUPPORT = 1  # items seen in this many articles or fewer wait in the review queue


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """English name of an ISO 3166-1 alpha-2 code (Babel's CLDR data), or the code itself."""
    if not code:
        return ""
    try:
        from babel import Locale

        return Locale("en").territories.get(code.upper(), code)
    except ImportError:  # pragma: no cover - babel comes with trafilatura's dependencies
        return code


TITLE_MAX = 90
HEADER_DATE = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+")


def display_title(title: str | None, head: str | None) -> str:
    """The article's title, or else its first line cut at a word near TITLE_MAX characters
    (many plain-text articles have no title of their own)."""
    if title and title.strip():
        return title.strip()
    line = next((ln.strip() for ln in (head or "").splitlines() if ln.strip()), "")
    line = HEADER_DATE.sub("", line)
    if len(line) <= TITLE_MAX:
        return line or "(untitled)"
    return line[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"


TITLE_SQL = "display_title(a.title, substr(a.text, 1, 400))"


def install_sql_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the queries below use: display_title(title, text head). Each query that
    needs one installs it (cheap), so the queries work on any connection."""
    conn.create_function("display_title", 2, display_title, deterministic=True)


def _json(value: str | None, default):
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def path_segment(value: str) -> str:
    """An id as one URL path segment (article ids may hold '#', '/' or spaces)."""
    return quote(str(value), safe="")


def article_url(article_id: str) -> str:
    return f"/articles/{path_segment(article_id)}"


def item_url(kind: str, item_id: str) -> str:
    """The page of a knowledge-base item (person, organization, agreement)."""
    return f"/{kind}s/{path_segment(item_id)}"


def evidence_link(article_id: str, evidence: dict | None) -> str | None:
    """The article page URL with the evidence range highlighted."""
    if not evidence or evidence.get("start") is None or evidence.get("end") is None:
        return None
    start, end = int(evidence["start"]), int(evidence["end"])
    return f"{article_url(article_id)}?start={start}&end={end}#evidence"


# --- knowledge-base resolution of per-article ids ---------------------------------------------


class KbIndex:
    """Maps (article id, local id) to knowledge-base items, and item ids to their names."""

    def __init__(self, conn: sqlite3.Connection):
        self.items: dict[str, dict] = {}
        for row in conn.execute("SELECT id, kind, name, data FROM kb_items"):
            self.items[row["id"]] = {"id": row["id"], "kind": row["kind"], "name": row["name"],
                                     "data": _json(row["data"], {})}
        self.by_local: dict[tuple[str, str], str] = {}
        self.articles_of: dict[str, set[str]] = defaultdict(set)
        for row in conn.execute("SELECT item_id, article_id, local_id FROM kb_links"):
            self.by_local[(row["article_id"], row["local_id"])] = row["item_id"]
            self.articles_of[row["item_id"]].add(row["article_id"])

    def item_for(self, article_id: str, local_id: str) -> dict | None:
        item_id = self.by_local.get((article_id, local_id))
        return self.items.get(item_id) if item_id else None

    def support(self, item_id: str) -> int:
        return len(self.articles_of.get(item_id, ()))


def _article_locals(conn: sqlite3.Connection, article_id: str) -> dict[str, dict]:
    """Persons and organizations of one article's extraction, by local id."""
    rows = conn.execute(
        "SELECT local_id, kind, name, data FROM mentions WHERE article_id = ? "
        "AND kind IN ('person', 'organization')", (article_id,))
    return {r["local_id"]: {"kind": r["kind"], "name": r["name"], "data": _json(r["data"], {})}
            for r in rows}


def resolve_participants(index: KbIndex, locals_: dict[str, dict], article_id: str,
                         local_ids: list[str]) -> list[dict]:
    """Names and links of an event's participants or an agreement's parties."""
    out = []
    for local_id in local_ids or []:
        item = index.item_for(article_id, local_id)
        if item:
            out.append({"name": item["name"], "kind": item["kind"],
                        "url": item_url(item["kind"], item["id"]), "id": item["id"]})
        elif local_id in locals_:
            out.append({"name": locals_[local_id]["name"], "kind": locals_[local_id]["kind"],
                        "url": None, "id": None})
    return out


# --- overview -----------------------------------------------------------------------------------


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles, KB items, events and facts the store holds."""
    out = {"articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0]}
    for kind in KB_KINDS:
        out[f"{kind}s"] = conn.execute(
            "SELECT count(*) FROM kb_items WHERE kind = ?", (kind,)).fetchone()[0]
    for kind in ("event", "fact"):
        out[f"{kind}s"] = conn.execute(
            "SELECT count(*) FROM mentions WHERE kind = ?", (kind,)).fetchone()[0]
    return out


def agreements_by_stage(conn: sqlite3.Connection) -> list[dict]:
    """How many agreements are at each stage (the KB's status, else the latest stated)."""
    stages: Counter = Counter()
    for row in conn.execute("SELECT id, data FROM kb_items WHERE kind = 'agreement'"):
        status = _json(row["data"], {}).get("status")
        if not status:
            history = agreement_history(conn, row["id"])
            status = history[-1]["status"] if history else None
        stages[status or "unknown"] += 1
    return [{"status": s, "count": n} for s, n in stages.most_common()]


def country_area_matrix(conn: sqlite3.Connection) -> dict:
    """Articles per (country pair, area): which pairs cooperate on what."""
    countries = defaultdict(set)
    for row in conn.execute("SELECT article_id, country FROM article_countries"):
        countries[row["article_id"]].add(row["country"])
    areas = defaultdict(set)
    for row in conn.execute("SELECT article_id, area FROM article_areas"):
        areas[row["article_id"]].add(row["area"])
    cells: Counter = Counter()
    for article_id, codes in countries.items():
        for pair in combinations(sorted(codes), 2):
            for area in areas.get(article_id, ()):
                cells[(pair, area)] += 1
    pairs = sorted({pair for pair, _ in cells})
    area_codes = sorted({area for _, area in cells})
    rows = [{"pair": list(pair), "label": " – ".join(country_name(c) for c in pair),
             "cells": [cells.get((pair, area), 0) for area in area_codes]} for pair in pairs]
    return {"areas": area_codes, "rows": rows}


# --- articles -----------------------------------------------------------------------------------


def list_articles(conn: sqlite3.Connection, *, language: str | None = None,
                  country: str | None = None, country2: str | None = None,
                  area: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest first; `country` and `country2` must both be among their countries."""
    install_sql_functions(conn)
    where, params = [], []
    if language:
        where.append("a.language = ?")
        params.append(language)
    for code in (country, country2):
        if code:
            where.append("EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id "
                         "AND c.country = ?)")
            params.append(code.upper())
    if area:
        where.append("EXISTS (SELECT 1 FROM article_areas r WHERE r.article_id = a.id "
                     "AND r.area = ?)")
        params.append(area)
    sql = (f"SELECT a.id, {TITLE_SQL} AS title, a.published, a.language, a.agency, a.url, "
           "(SELECT group_concat(country, ' ') FROM article_countries c "
           " WHERE c.article_id = a.id) AS countries, "
           "(SELECT group_concat(area, ' ') FROM article_areas r "
           " WHERE r.article_id = a.id) AS areas FROM articles a")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(a.published, '') DESC, a.id LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [{**dict(r), "countries": (r["countries"] or "").split(),
             "areas": (r["areas"] or "").split()} for r in rows]


def article_detail(conn: sqlite3.Connection, article_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    extraction = conn.execute(
        "SELECT document FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
    article = {k: row[k] for k in ("id", "title", "url", "published", "language", "agency",
                                   "format", "source_path", "text")}
    article["display_title"] = display_title(row["title"], row["text"][:400])
    article["extraction"] = _json(extraction["document"], {}) if extraction else {}
    return article


def entity_links(conn: sqlite3.Connection, article_id: str) -> dict[str, str]:
    """Local ids of one article's persons and organizations -> their knowledge-base pages."""
    rows = conn.execute(
        "SELECT l.local_id, i.id, i.kind FROM kb_links l JOIN kb_items i ON i.id = l.item_id "
        "WHERE l.article_id = ? AND i.kind IN ('person', 'organization')", (article_id,))
    return {r["local_id"]: item_url(r["kind"], r["id"]) for r in rows}


def article_annotations(extraction: dict, text_length: int,
                        links: dict[str, str] | None = None) -> list[dict]:
    """Ranges to mark on the article: mentions of persons and organizations (with the page
    `links` gives their local id), evidence of events, agreements and facts. Ranges outside
    the text are dropped."""
    links = links or {}
    out = []
    for kind, key in (("person", "persons"), ("organization", "organizations")):
        for item in extraction.get(key) or []:
            for mention in item.get("mentions") or []:
                out.append({"kind": kind, "start": mention.get("start"),
                            "end": mention.get("end"), "label": item.get("name") or "",
                            "url": links.get(item.get("id") or "")})
    for kind, key in (("event", "events"), ("agreement", "agreements"), ("fact", "facts")):
        for item in extraction.get(key) or []:
            evidence = item.get("evidence") or {}
            label = item.get("title") or item.get("measure") or item.get("type") or kind
            out.append({"kind": kind, "start": evidence.get("start"),
                        "end": evidence.get("end"), "label": label})
    return [a for a in out if isinstance(a["start"], int) and isinstance(a["end"], int)
            and 0 <= a["start"] < a["end"] <= text_length]


def highlight_segments(text: str, annotations: list[dict],
                       target: tuple[int, int] | None) -> list[dict]:
    """Cut the text at every annotation boundary. Each segment says which kinds cover it and
    whether it lies in the target range, so overlapping ranges render without nesting."""
    bounds = {0, len(text)}
    for a in annotations:
        bounds.update((a["start"], a["end"]))
    if target:
        bounds.update(target)
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    segments, first_target = [], True
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start == end:
            continue
        covering = [a for a in annotations if a["start"] <= start and end <= a["end"]]
        in_target = bool(target and target[0] <= start and end <= target[1])
        linked = sorted((a for a in covering if a.get("url")), key=lambda a: a["end"] - a["start"])
        segments.append({
            "url": linked[0]["url"] if linked else None,
            "text": text[start:end],
            "kinds": sorted({a["kind"] for a in covering}),
            "title": "; ".join(sorted({f"{a['kind']}: {a['label']}" for a in covering})),
            "target": in_target,
            "anchor": in_target and first_target,
        })
        if in_target:
            first_target = False
    return segments


# --- events and facts ---------------------------------------------------------------------------


def list_events(conn: sqlite3.Connection, *, country: str | None = None,
                area: str | None = None, since: str | None = None, until: str | None = None,
                article_id: str | None = None, article_ids: list[str] | None = None,
                limit: int = 100, offset: int = 0) -> list[dict]:
    """Events of every article (or of `article_id`, or of `article_ids`), newest first;
    `since`/`until` compare EDTF strings."""
    install_sql_functions(conn)
    index = KbIndex(conn)
    sql = (f"SELECT m.article_id, m.local_id, m.data, {TITLE_SQL} AS article_title, "
           "a.published "
           "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.kind = 'event'")
    params: list = []
    if area:
        sql += (" AND EXISTS (SELECT 1 FROM article_areas r WHERE r.article_id = m.article_id "
                "AND r.area = ?)")
        params.append(area)
    if article_id:
        sql += " AND m.article_id = ?"
        params.append(article_id)
    if article_ids is not None:
        sql += f" AND m.article_id IN ({','.join('?' * len(article_ids))})"
        params.extend(article_ids)
    events = []
    locals_cache: dict[str, dict] = {}
    for row in conn.execute(sql, params):
        data = _json(row["data"], {})
        date = data.get("date") or row["published"] or ""
        countries = data.get("countries") or []
        if country and country.upper() not in countries:
            continue
        if (since or until) and not _dated(date):
            continue  # an event of unknown year is in no date range
        if (since and date < since) or (until and date[:len(until)] > until):
            continue
        if row["article_id"] not in locals_cache:
            locals_cache[row["article_id"]] = _article_locals(conn, row["article_id"])
        events.append({
            "article_id": row["article_id"], "id": row["local_id"], "date": date,
            "date_text": data.get("date_text"), "type": data.get("type") or "other",
            "place": data.get("place"), "countries": countries,
            "participants": resolve_participants(index, locals_cache[row["article_id"]],
                                                 row["article_id"], data.get("participants")),
            "article_title": row["article_title"],
            "evidence": data.get("evidence") or {},
            "evidence_url": evidence_link(row["article_id"], data.get("evidence")),
        })
    events.sort(key=lambda e: (_sortable_date(e["date"]), e["article_id"], e["id"]), reverse=True)
    return events[offset:offset + limit]


def _dated(edtf: str | None) -> bool:
    return bool(edtf) and edtf[:4].isdigit()


def _sortable_date(edtf: str | None) -> str:
    """EDTF dates with an unknown year sort before every known year."""
    return (edtf or "").replace("X", "0")


def list_facts(conn: sqlite3.Connection, *, article_id: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict]:
    install_sql_functions(conn)
    sql = (f"SELECT m.article_id, m.local_id, m.data, {TITLE_SQL} AS article_title "
           "FROM mentions m "
           "JOIN articles a ON a.id = m.article_id WHERE m.kind = 'fact'")
    params: list = []
    if article_id:
        sql += " AND m.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY m.article_id, m.local_id LIMIT ? OFFSET ?"
    out = []
    for row in conn.execute(sql, (*params, limit, offset)):
        data = _json(row["data"], {})
        out.append({"article_id": row["article_id"], "id": row["local_id"],
                    "value": data.get("value"), "unit": data.get("unit"),
                    "measure": data.get("measure"), "date": data.get("date"),
                    "article_title": row["article_title"], "evidence": data.get("evidence") or {},
                    "evidence_url": evidence_link(row["article_id"], data.get("evidence"))})
    return out


# --- knowledge-base items -----------------------------------------------------------------------


def _item_summary(item: dict, index: KbIndex) -> dict:
    data = item["data"]
    return {
        "id": item["id"], "kind": item["kind"], "name": item["name"],
        "aliases": [a for a in data.get("aliases") or [] if a != item["name"]],
        "country": data.get("country") or " ".join(data.get("countries") or []) or None,
        "org_kind": data.get("kind") if item["kind"] == "organization" else None,
        "documents": sorted(index.articles_of.get(item["id"], ())),
        "support": index.support(item["id"]),
        "confirmed": bool(data.get("confirmed")),  # the KB replays reviewers' confirmations
        "url": item_url(item["kind"], item["id"]),
    }


def list_items(conn: sqlite3.Connection, kind: str, *, q: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict]:
    """Persons or organizations of the knowledge base, most often reported first."""
    index = KbIndex(conn)
    items = [_item_summary(i, index) for i in index.items.values() if i["kind"] == kind]
    if q:
        needle = q.casefold()
        items = [i for i in items if needle in i["name"].casefold()
                 or any(needle in a.casefold() for a in i["aliases"])]
    items.sort(key=lambda i: (-i["support"], i["name"].casefold()))
    return items[offset:offset + limit]


def _linked_mentions(conn: sqlite3.Connection, item_id: str) -> list[dict]:
    """Every per-article mention linked to one KB item, with its article."""
    install_sql_functions(conn)
    rows = conn.execute(
        f"SELECT l.article_id, l.local_id, m.kind, m.data, {TITLE_SQL} AS title, "
        "a.published, a.language "
        "FROM kb_links l JOIN mentions m ON m.article_id = l.article_id "
        "AND m.local_id = l.local_id JOIN articles a ON a.id = l.article_id "
        "WHERE l.item_id = ? ORDER BY coalesce(a.published, ''), l.article_id", (item_id,))
    return [{"article_id": r["article_id"], "local_id": r["local_id"], "kind": r["kind"],
             "data": _json(r["data"], {}), "title": r["title"], "published": r["published"],
             "language": r["language"]} for r in rows]


def entity_detail(conn: sqlite3.Connection, kind: str, item_id: str) -> dict | None:
    """A person or organization: names, roles, events, agreements and articles."""
    index = KbIndex(conn)
    item = index.items.get(item_id)
    if item is None or item["kind"] != kind:
        return None
    out = _item_summary(item, index)
    linked = _linked_mentions(conn, item_id)
    local_ids = {(m["article_id"], m["local_id"]) for m in linked}
    roles, members = [], []
    for mention in linked:
        aid = mention["article_id"]
        locals_ = _article_locals(conn, aid)
        for role in mention["data"].get("roles") or []:
            org = resolve_participants(index, locals_, aid, [role.get("organization")])
            roles.append({"title": role.get("title"), "organization": org[0] if org else None,
                          "article_id": aid})
        if kind == "organization":
            members.extend(_members_of(index, locals_, aid, mention["local_id"]))
    mentioned_in = sorted({aid for aid, _ in local_ids})
    events = [e for e in list_events(conn, article_ids=mentioned_in, limit=10_000)
              if any((e["article_id"], p) in local_ids for p in _event_locals(conn, e))]
    agreements = [a for a in list_agreements(conn, in_articles=set(mentioned_in))
                  if any(p.get("id") == item_id for p in a["parties"])]
    out.update({
        "roles": _unique(roles, lambda r: (r["title"], (r["organization"] or {}).get("name"))),
        "members": _unique(members, lambda m: (m["name"], m["title"])),
        "events": events, "agreements": agreements,
        "articles": _unique([{"id": m["article_id"], "title": m["title"],
                              "published": m["published"], "language": m["language"],
                              "mentions": m["data"].get("mentions") or []} for m in linked],
                            lambda a: a["id"]),
        "data": item["data"],
    })
    return out


def _members_of(index: KbIndex, locals_: dict[str, dict], article_id: str,
                org_local: str) -> list[dict]:
    """Persons of one article whose role points at the organization `org_local`."""
    out = []
    for local_id, entry in locals_.items():
        if entry["kind"] != "person":
            continue
        for role in entry["data"].get("roles") or []:
            if role.get("organization") == org_local:
                person = resolve_participants(index, locals_, article_id, [local_id])[0]
                out.append({**person, "title": role.get("title")})
    return out


def _event_locals(conn: sqlite3.Connection, event: dict) -> list[str]:
    row = conn.execute("SELECT data FROM mentions WHERE article_id = ? AND kind = 'event' "
                       "AND local_id = ?", (event["article_id"], event["id"])).fetchone()
    return _json(row["data"], {}).get("participants") or [] if row else []


def _unique(rows: list[dict], key) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            out.append(row)
    return out


def list_agreements(conn: sqlite3.Connection, *, country: str | None = None,
                    status: str | None = None,
                    in_articles: set[str] | None = None) -> list[dict]:
    """Agreements of the knowledge base with parties, areas, stage and evidence (only those
    some article of `in_articles` reports, when given)."""
    index = KbIndex(conn)
    out = []
    for item in index.items.values():
        if item["kind"] != "agreement":
            continue
        if in_articles is not None and not index.articles_of.get(item["id"], set()) & in_articles:
            continue
        out.append(_agreement(conn, item, index))
    if country:
        out = [a for a in out if country.upper() in a["countries"]]
    if status:
        out = [a for a in out if a["status"] == status]
    out.sort(key=lambda a: (_sortable_date(a["last_date"]), a["name"]), reverse=True)
    return out


def _agreement(conn: sqlite3.Connection, item: dict, index: KbIndex) -> dict:
    data = item["data"]
    linked = _linked_mentions(conn, item["id"])
    parties, areas, countries, evidence = [], set(data.get("areas") or []), [], []
    for mention in linked:
        aid, local = mention["article_id"], mention["data"]
        parties += resolve_participants(index, _article_locals(conn, aid), aid,
                                        local.get("parties"))
        areas.update(local.get("areas") or [])
        countries += [c for c in local.get("countries") or [] if c not in countries]
        if local.get("evidence"):
            evidence.append({"article_id": aid, "title": mention["title"],
                             "text": local["evidence"].get("text"),
                             "url": evidence_link(aid, local["evidence"])})
    for code in data.get("countries") or []:
        if code not in countries:
            countries.append(code)
    history = agreement_history(conn, item["id"])
    status = data.get("status") or (history[-1]["status"] if history else None)
    if not status and linked:
        status = linked[-1]["data"].get("status")
    first = linked[0]["data"] if linked else {}
    return {
        **_item_summary(item, index),
        "agreement_kind": data.get("kind") or first.get("kind"),
        "title": data.get("title") or first.get("title") or item["name"],
        "status": status, "countries": countries, "areas": sorted(areas),
        "parties": _unique(parties, lambda p: p["name"]),
        "signed": data.get("signed") or first.get("signed"),
        "planned": data.get("planned") or first.get("planned"),
        "history": history, "evidence": evidence,
        "last_date": next((h["date"] for h in reversed(history) if h["date"]), None),
    }


def agreement_history(conn: sqlite3.Connection, item_id: str) -> list[dict]:
    install_sql_functions(conn)
    rows = conn.execute(
        "SELECT h.date, h.status, h.article_id, h.evidence, h.source, "
        f"{TITLE_SQL} AS title "
        "FROM agreement_history h LEFT JOIN articles a ON a.id = h.article_id "
        "WHERE h.item_id = ?", (item_id,)).fetchall()
    out = []
    for r in rows:
        evidence = _json(r["evidence"], None)
        out.append({"date": r["date"], "status": r["status"], "article_id": r["article_id"],
                    "article_title": r["title"], "source": r["source"],
                    "evidence_text": (evidence or {}).get("text"),
                    "evidence_url": evidence_link(r["article_id"], evidence)
                    if r["article_id"] else None})
    out.sort(key=lambda h: _sortable_date(h["date"]))
    return out


def agreement_detail(conn: sqlite3.Connection, item_id: str) -> dict | None:
    index = KbIndex(conn)
    item = index.items.get(item_id)
    if item is None or item["kind"] != "agreement":
        return None
    return _agreement(conn, item, index)


# --- network ------------------------------------------------------------------------------------


def network(conn: sqlite3.Connection, *, max_nodes: int = 400) -> dict:
    """Countries, organizations and persons as nodes; roles, nationality, shared events and
    agreements as weighted edges. Shape: cytoscape elements."""
    index = KbIndex(conn)
    nodes: dict[str, dict] = {}
    edges: Counter = Counter()
    edge_kind: dict[tuple[str, str], str] = {}

    def add_edge(a: str, b: str, kind: str) -> None:
        if a == b:
            return
        key = tuple(sorted((a, b)))
        edges[key] += 1
        edge_kind.setdefault(key, kind)

    for item in index.items.values():
        if item["kind"] not in ("person", "organization"):
            continue
        nodes[item["id"]] = {"id": item["id"], "label": item["name"], "kind": item["kind"],
                             "url": item_url(item["kind"], item["id"]),
                             "weight": index.support(item["id"])}
        code = item["data"].get("country")
        if code:
            nodes.setdefault(f"country:{code}", _country_node(code))
            add_edge(item["id"], f"country:{code}", "country")
    for row in conn.execute("SELECT article_id, data FROM mentions WHERE kind = 'person'"):
        person = index.item_for(row["article_id"], _json(row["data"], {}).get("id") or "")
        for role in _json(row["data"], {}).get("roles") or []:
            org = index.item_for(row["article_id"], role.get("organization") or "")
            if person and org:
                add_edge(person["id"], org["id"], "role")
    for row in conn.execute("SELECT article_id, data FROM mentions "
                            "WHERE kind IN ('event', 'agreement')"):
        data = _json(row["data"], {})
        members = {item["id"] for local in (data.get("participants") or data.get("parties") or [])
                   if (item := index.item_for(row["article_id"], local)) and item["id"] in nodes}
        for code in data.get("countries") or []:
            nodes.setdefault(f"country:{code}", _country_node(code))
        for a, b in combinations(sorted(members), 2):
            add_edge(a, b, "event")
        for a, b in combinations(sorted(set(data.get("countries") or [])), 2):
            add_edge(f"country:{a}", f"country:{b}", "cooperation")
    kept = sorted(nodes.values(), key=lambda n: (n["kind"] != "country", -n["weight"]))[:max_nodes]
    kept_ids = {n["id"] for n in kept}
    return {
        "nodes": [{"data": n} for n in kept],
        "edges": [{"data": {"id": f"{a}|{b}", "source": a, "target": b, "weight": w,
                            "kind": edge_kind[(a, b)]}}
                  for (a, b), w in sorted(edges.items()) if a in kept_ids and b in kept_ids],
    }


def _country_node(code: str) -> dict:
    return {"id": f"country:{code}", "label": country_name(code), "kind": "country",
            "url": f"/timeline?country={code}", "weight": 1}


# --- review queue and corrections ---------------------------------------------------------------


def review_queue(conn: sqlite3.Connection, *, kind: str | None = None,
                 limit: int = 500) -> list[dict]:
    """Unconfirmed KB items with a reason to doubt them (few articles, no country, an
    agreement without parties or stage), the most doubtful first."""
    index = KbIndex(conn)
    waiting = []
    for item in index.items.values():
        if kind is not None and item["kind"] != kind:
            continue
        summary = _item_summary(item, index)
        summary["reasons"] = doubts(item, summary)
        if summary["reasons"] and not summary["confirmed"]:
            waiting.append(summary)
    waiting.sort(key=lambda i: (i["support"], -len(i["reasons"]), i["kind"],
                                i["name"].casefold()))
    return waiting[:limit]


def doubts(item: dict, summary: dict) -> list[str]:
    """Why a reviewer should look at a KB item."""
    data, reasons = item["data"], []
    if summary["support"] <= LOW_SUPPORT:
        reasons.append("one article" if summary["support"] == 1 else "no article")
    if item["kind"] == "agreement":
        if not data.get("parties"):
            reasons.append("no party")
        if not data.get("status"):
            reasons.append("no stage")
    elif not summary["country"]:
        reasons.append("no country")
    return reasons


def merge_targets(conn: sqlite3.Connection, kinds: tuple[str, ...] = KB_KINDS,
                  limit: int = 2000) -> dict[str, list[dict]]:
    """Per kind, the items a reviewer may merge another into (ids with names, by name)."""
    out: dict[str, list[dict]] = {k: [] for k in kinds}
    marks = ",".join("?" * len(kinds))
    for row in conn.execute(f"SELECT id, kind, name FROM kb_items WHERE kind IN ({marks}) "
                            "ORDER BY name LIMIT ?", (*kinds, limit)):
        out[row["kind"]].append({"id": row["id"], "name": row["name"]})
    return out
