"""Exports of the knowledge base: hoptac.kb/1 JSON, CSV tables (zipped), JSON Lines,
GraphML (Gephi) and JSON-LD (schema.org)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from itertools import combinations
from xml.etree import ElementTree as ET

from hoptac.store import Store

FORMATS = ("kb", "csv", "jsonl", "graphml", "jsonld")
KB_KINDS = (("persons", "person"), ("organizations", "organization"),
            ("agreements", "agreement"))


# --- reading the store ----------------------------------------------------------------------


def kb_items(store: Store, kind: str) -> list[dict]:
    """Items of one kind: id, name and the item's data."""
    rows = store.conn.execute("SELECT id, name, data FROM kb_items WHERE kind = ? ORDER BY id",
                              (kind,)).fetchall()
    return [{"id": r["id"], "name": r["name"], **json.loads(r["data"])} for r in rows]


def agreement_history(store: Store, item_id: str | None = None) -> list[dict]:
    sql = ("SELECT item_id, date, status, article_id, evidence, source FROM agreement_history"
           + (" WHERE item_id = ?" if item_id else "") + " ORDER BY item_id, rowid")
    rows = store.conn.execute(sql, (item_id,) if item_id else ()).fetchall()
    return [{**dict(r), "evidence": json.loads(r["evidence"]) if r["evidence"] else None}
            for r in rows]


def links(store: Store) -> dict[tuple[str, str], str]:
    """(article id, local id) -> kb item id."""
    return {(r["article_id"], r["local_id"]): r["item_id"]
            for r in store.conn.execute("SELECT item_id, article_id, local_id FROM kb_links")}


def events(store: Store) -> list[dict]:
    rows = store.conn.execute(
        "SELECT article_id, local_id, data FROM mentions WHERE kind = 'event' "
        "ORDER BY article_id, local_id").fetchall()
    return [{"article": r["article_id"], "local_id": r["local_id"], **json.loads(r["data"])}
            for r in rows]


def facts(store: Store) -> list[dict]:
    rows = store.conn.execute(
        "SELECT article_id, local_id, data FROM mentions WHERE kind = 'fact' "
        "ORDER BY article_id, local_id").fetchall()
    return [{"article": r["article_id"], "local_id": r["local_id"], **json.loads(r["data"])}
            for r in rows]


def country_name(code: str) -> str:
    """English name of an ISO 3166-1 code ('VN' -> 'Vietnam'), the code if unknown."""
    from babel import Locale

    return Locale("en").territories.get(code, code)


def articles(store: Store) -> list[dict]:
    rows = store.conn.execute(
        "SELECT id, title, url, published, language, agency, source_path, format "
        "FROM articles ORDER BY id").fetchall()
    return [dict(r) for r in rows]


# --- hoptac.kb/1 ----------------------------------------------------------------------------


def export_kb(store: Store) -> dict:
    """The knowledge base exactly as the contract's hoptac.kb/1."""
    history: dict[str, list] = {}
    for row in agreement_history(store):
        history.setdefault(row["item_id"], []).append(
            {"date": row["date"], "status": row["status"], "document": row["article_id"]})
    out: dict = {"schema": "hoptac.kb/1"}
    for key, kind in KB_KINDS:
        entries = []
        for item in kb_items(store, kind):
            if kind == "agreement":
                entries.append({"id": item["id"], "kind": item.get("kind"),
                                "countries": item.get("countries") or [],
                                "status": item.get("status"),
                                "documents": item.get("documents") or [],
                                "history": history.get(item["id"], [])})
            else:
                entries.append({"id": item["id"], "name": item["name"],
                                "aliases": item.get("aliases") or [],
                                "documents": item.get("documents") or []})
        out[key] = entries
    return out


# --- tables ---------------------------------------------------------------------------------


def tables(store: Store) -> dict[str, list[dict]]:
    """The knowledge base as flat tables (one row per item, link, history step, event)."""
    item_of = links(store)
    persons = [{"id": p["id"], "name": p["name"], "aliases": "; ".join(p.get("aliases") or []),
                "country": p.get("country"),
                "roles": "; ".join(r["title"] for r in p.get("roles") or [] if r.get("title")),
                "documents": "; ".join(p.get("documents") or [])}
               for p in kb_items(store, "person")]
    organizations = [{"id": o["id"], "name": o["name"],
                      "aliases": "; ".join(o.get("aliases") or []), "country": o.get("country"),
                      "kind": o.get("kind"), "documents": "; ".join(o.get("documents") or [])}
                     for o in kb_items(store, "organization")]
    agreements = [{"id": a["id"], "name": a["name"], "kind": a.get("kind"),
                   "countries": "; ".join(a.get("countries") or []), "status": a.get("status"),
                   "signed": a.get("signed"), "parties": "; ".join(a.get("parties") or []),
                   "areas": "; ".join(a.get("areas") or []),
                   "documents": "; ".join(a.get("documents") or [])}
                  for a in kb_items(store, "agreement")]
    history = [{"agreement": h["item_id"], "date": h["date"], "status": h["status"],
                "article": h["article_id"], "source": h["source"],
                "evidence": (h["evidence"] or {}).get("text")}
               for h in agreement_history(store)]
    mentions = [{"item": item, "article": article, "local_id": local}
                for (article, local), item in sorted(item_of.items())]
    event_rows = [{"article": e["article"], "id": e["local_id"], "type": e.get("type"),
                   "date": e.get("date"), "place": e.get("place"),
                   "participants": "; ".join(item_of.get((e["article"], p), p)
                                             for p in e.get("participants") or []),
                   "countries": "; ".join(e.get("countries") or []),
                   "evidence": (e.get("evidence") or {}).get("text")}
                  for e in events(store)]
    fact_rows = [{"article": f["article"], "value": f.get("value"), "unit": f.get("unit"),
                  "measure": f.get("measure"), "date": f.get("date"),
                  "evidence": (f.get("evidence") or {}).get("text")} for f in facts(store)]
    return {"articles": articles(store), "persons": persons, "organizations": organizations,
            "agreements": agreements, "agreement_history": history, "mentions": mentions,
            "events": event_rows, "facts": fact_rows}


def export_csv_zip(store: Store) -> bytes:
    """One CSV file per table, in a zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables(store).items():
            text = io.StringIO()
            fields = list(rows[0]) if rows else ["id"]
            writer = csv.DictWriter(text, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()


def export_jsonl(store: Store) -> str:
    """One JSON object per line, each with its `type`."""
    lines = []
    for article in articles(store):
        lines.append({"type": "article", **article})
    for _key, kind in KB_KINDS:
        for item in kb_items(store, kind):
            item.pop("signature", None)
            if kind == "agreement":
                item["history"] = [{k: h[k] for k in ("date", "status", "article_id", "source")}
                                   for h in agreement_history(store, item["id"])]
            lines.append({"type": kind, **item})
    item_of = links(store)
    for event in events(store):
        event["participants"] = [item_of.get((event["article"], p), p)
                                 for p in event.get("participants") or []]
        lines.append({**event, "event_type": event.get("type"), "type": "event"})
    for fact in facts(store):
        lines.append({**fact, "type": "fact"})
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


# --- graph ----------------------------------------------------------------------------------

NODE_KEYS = [("label", "string"), ("type", "string"), ("country", "string"),
             ("kind", "string"), ("documents", "int")]
EDGE_KEYS = [("relation", "string"), ("weight", "double"), ("label", "string"),
             ("date", "string")]


def graph(store: Store) -> tuple[dict[str, dict], list[dict]]:
    """Nodes (countries, organizations, persons) and edges (co-participation in events,
    parties and countries of agreements, roles, organizations' countries)."""
    nodes: dict[str, dict] = {}
    edges: Counter = Counter()
    edge_info: dict[tuple, dict] = {}

    def country(code: str | None) -> str | None:
        if not code:
            return None
        nodes.setdefault(f"country:{code}", {"label": country_name(code), "type": "country",
                                             "country": code,
                                             "kind": "country", "documents": 0})
        return f"country:{code}"

    def edge(a: str | None, b: str | None, relation: str, label: str = "", date: str = ""):
        if a and b and a != b and a in nodes and b in nodes:
            key = (*sorted((a, b)), relation)
            edges[key] += 1
            edge_info.setdefault(key, {"label": label, "date": date})

    for kind in ("organization", "person"):
        for item in kb_items(store, kind):
            nodes[item["id"]] = {"label": item["name"], "type": kind,
                                 "country": item.get("country") or "",
                                 "kind": item.get("kind") or kind,
                                 "documents": len(item.get("documents") or [])}
    for kind in ("organization", "person"):
        for item in kb_items(store, kind):
            edge(item["id"], country(item.get("country")), "based_in")
            for role in item.get("roles") or []:
                edge(item["id"], role.get("organization"), "role", role.get("title") or "")
    item_of = links(store)
    for event in events(store):
        members = sorted({item_of[(event["article"], p)] for p in event.get("participants") or []
                          if (event["article"], p) in item_of})
        for a, b in combinations(members, 2):
            edge(a, b, event.get("type") or "event", event.get("date_text") or "",
                 event.get("date") or "")
    for agreement in kb_items(store, "agreement"):
        codes = [country(c) for c in agreement.get("countries") or []]
        label = f"{agreement.get('kind')}: {agreement['name']}"
        for a, b in combinations(sorted(set(codes)), 2):
            edge(a, b, "agreement", label, agreement.get("signed") or "")
        for a, b in combinations(agreement.get("parties") or [], 2):
            edge(a, b, "agreement", label, agreement.get("signed") or "")
    return nodes, [{"source": a, "target": b, "relation": rel, "weight": float(count),
                    **edge_info[(a, b, rel)]} for (a, b, rel), count in sorted(edges.items())]


def export_graphml(store: Store) -> str:
    """GraphML with typed attribute keys, as Gephi reads it."""
    nodes, edges = graph(store)
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for target, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{target[0]}_{name}", "for": target,
                                        "attr.name": name, "attr.type": kind})
    graph_el = ET.SubElement(root, "graph", id="hoptac", edgedefault="undirected")
    for node_id, data in nodes.items():
        node = ET.SubElement(graph_el, "node", id=node_id)
        for name, _kind in NODE_KEYS:
            ET.SubElement(node, "data", key=f"n_{name}").text = str(data.get(name) or
                                                                    (0 if name == "documents"
                                                                     else ""))
    for index, data in enumerate(edges):
        element = ET.SubElement(graph_el, "edge", id=f"e{index}", source=data["source"],
                                target=data["target"])
        for name, _kind in EDGE_KEYS:
            ET.SubElement(element, "data", key=f"e_{name}").text = str(data.get(name) or "")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# --- JSON-LD --------------------------------------------------------------------------------


def _country_node(code: str | None) -> dict | None:
    return {"@type": "Country", "identifier": code, "name": country_name(code)} if code else None


def export_jsonld(store: Store, base: str = "urn:hoptac:") -> dict:
    """The knowledge base as schema.org JSON-LD (Person, Organization, Event, NewsArticle;
    agreements as CreativeWork with their status)."""
    graph_nodes: list[dict] = []
    for item in kb_items(store, "organization"):
        node = {"@id": base + item["id"], "@type": "Organization", "name": item["name"],
                "alternateName": item.get("aliases") or [],
                "subjectOf": [base + d for d in item.get("documents") or []]}
        if item.get("country"):
            node["location"] = _country_node(item["country"])
        graph_nodes.append(node)
    for item in kb_items(store, "person"):
        node = {"@id": base + item["id"], "@type": "Person", "name": item["name"],
                "alternateName": item.get("aliases") or [],
                "subjectOf": [base + d for d in item.get("documents") or []]}
        if item.get("country"):
            node["nationality"] = _country_node(item["country"])
        titles = [r["title"] for r in item.get("roles") or [] if r.get("title")]
        if titles:
            node["jobTitle"] = titles
        orgs = [base + r["organization"] for r in item.get("roles") or []
                if r.get("organization")]
        if orgs:
            node["affiliation"] = [{"@id": o} for o in dict.fromkeys(orgs)]
        graph_nodes.append(node)
    for item in kb_items(store, "agreement"):
        graph_nodes.append({
            "@id": base + item["id"], "@type": "CreativeWork", "additionalType": "Agreement",
            "name": item["name"], "genre": item.get("kind"),
            "creativeWorkStatus": item.get("status"), "dateCreated": item.get("signed"),
            "spatialCoverage": [_country_node(c) for c in item.get("countries") or []],
            "sourceOrganization": [{"@id": base + p} for p in item.get("parties") or []],
            "subjectOf": [base + d for d in item.get("documents") or []]})
    item_of = links(store)
    for event in events(store):
        attendees = [{"@id": base + item_of[(event["article"], p)]}
                     for p in event.get("participants") or [] if (event["article"], p) in item_of]
        node = {"@id": f"{base}{event['article']}#{event['local_id']}", "@type": "Event",
                "name": (event.get("evidence") or {}).get("text", "")[:120],
                "additionalType": event.get("type"), "attendee": attendees,
                "subjectOf": base + event["article"]}
        if event.get("date"):
            node["startDate"] = event["date"]
        if event.get("place"):
            node["location"] = {"@type": "Place", "name": event["place"]}
        graph_nodes.append(node)
    for article in articles(store):
        node = {"@id": base + article["id"], "@type": "NewsArticle",
                "headline": article.get("title"), "url": article.get("url"),
                "datePublished": article.get("published"), "inLanguage": article.get("language")}
        graph_nodes.append({k: v for k, v in node.items() if v is not None})
    return {"@context": "https://schema.org", "@graph": graph_nodes}


def render(store: Store, fmt: str) -> str | bytes:
    """The export in `fmt` (bytes for the zipped CSV)."""
    if fmt == "kb":
        return json.dumps(export_kb(store), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return export_csv_zip(store)
    if fmt == "jsonl":
        return export_jsonl(store)
    if fmt == "graphml":
        return export_graphml(store)
    if fmt == "jsonld":
        return json.dumps(export_jsonld(store), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
