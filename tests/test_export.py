"""Exports of the knowledge base parse and hold what the store holds."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree as ET

from typer.testing import CliRunner

from hoptac.cli import app
from hoptac.kb.export import export_csv_zip, export_graphml, export_jsonld, export_kb, render
from hoptac.kb.resolve import rebuild_kb
from test_kb_resolve import agreement, doc, org, person, save

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def two_articles(store):
    meeting = {"id": "e1", "type": "meeting", "date": "2025-11-06", "date_text": "November 6",
               "place": "Hanoi", "participants": ["p1", "p2", "o2"], "countries": ["VN", "FR"],
               "evidence": {"start": 0, "end": 4, "text": "text"}}
    first = doc("en", persons=[
        person("p1", "Trần Văn Thuấn", "VN", roles=[{"title": "Deputy Minister of Health",
                                                     "organization": "o1"}]),
        person("p2", "Georges-Fabrice Blum", "FR")],
        organizations=[org("o1", "Ministry of Health", "VN"),
                       org("o2", "French Ministry for Europe and Foreign Affairs",
                           aliases=["MEAE"])],
        agreements=[agreement("a1", "intergovernmental_agreement", "draft", parties=["o1"])])
    first["events"] = [meeting]
    save(store, "000_en", first)
    save(store, "001_fr", doc("fr", persons=[person("p1", "Tran Van Thuan", "VN")],
                              organizations=[org("o1", "ministère vietnamien de la Santé")],
                              agreements=[agreement("a1", "framework_agreement",
                                                    "under_review")]),
         published="2025-11-01")
    rebuild_kb(store)


def test_kb_export_follows_the_contract(store):
    two_articles(store)
    kb = export_kb(store)
    assert kb["schema"] == "hoptac.kb/1"
    assert set(kb) == {"schema", "persons", "organizations", "agreements"}
    for key in ("persons", "organizations"):
        for item in kb[key]:
            assert set(item) == {"id", "name", "aliases", "documents"}
    thuan = next(p for p in kb["persons"] if p["name"] == "Trần Văn Thuấn")
    assert thuan["documents"] == ["000_en", "001_fr"]
    (aig,) = kb["agreements"]
    assert set(aig) == {"id", "kind", "countries", "status", "documents", "history"}
    assert aig["countries"] == ["FR", "VN"] and aig["documents"] == ["000_en", "001_fr"]
    assert {h["document"] for h in aig["history"]} == {"000_en", "001_fr"}
    assert all(set(h) == {"date", "status", "document"} for h in aig["history"])


def test_csv_zip_has_one_table_per_file(store):
    two_articles(store)
    archive = zipfile.ZipFile(io.BytesIO(export_csv_zip(store)))
    names = set(archive.namelist())
    assert {"persons.csv", "organizations.csv", "agreements.csv", "agreement_history.csv",
            "mentions.csv", "events.csv", "articles.csv"} <= names
    persons = list(csv.DictReader(io.StringIO(archive.read("persons.csv").decode("utf-8"))))
    assert {p["name"] for p in persons} == {"Trần Văn Thuấn", "Georges-Fabrice Blum"}


def test_graphml_parses_with_typed_keys_and_edges(store):
    two_articles(store)
    root = ET.fromstring(export_graphml(store).encode("utf-8"))
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")
            if k.get("for") == "edge"}
    assert keys["weight"] == "double"
    nodes = {n.get("id") for n in root.iter(f"{GRAPHML}node")}
    assert {"country:VN", "country:FR"} <= nodes
    edges = [(e.get("source"), e.get("target")) for e in root.iter(f"{GRAPHML}edge")]
    assert ("country:FR", "country:VN") in edges
    assert all(s in nodes and t in nodes for s, t in edges)
    relations = {d.text for d in root.iter(f"{GRAPHML}data") if d.get("key") == "e_relation"}
    assert {"meeting", "agreement", "based_in", "role"} <= relations


def test_jsonld_uses_schema_org_types(store):
    two_articles(store)
    data = export_jsonld(store)
    assert data["@context"] == "https://schema.org"
    types = {node["@type"] for node in data["@graph"]}
    assert {"Person", "Organization", "Event", "NewsArticle", "CreativeWork"} <= types
    event = next(n for n in data["@graph"] if n["@type"] == "Event")
    ids = {n["@id"] for n in data["@graph"]}
    assert len(event["attendee"]) == 3 and all(a["@id"] in ids for a in event["attendee"])
    json.dumps(data)


def test_jsonl_lines_are_typed_objects(store):
    two_articles(store)
    lines = [json.loads(line) for line in render(store, "jsonl").splitlines()]
    assert {line["type"] for line in lines} >= {"article", "person", "organization",
                                                "agreement", "event"}


def test_cli_export_and_review(store, tmp_path):
    two_articles(store)
    db = str(store.path)
    runner = CliRunner()
    out = tmp_path / "kb.json"
    result = runner.invoke(app, ["export", "--format", "kb", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    kb = json.loads(out.read_text(encoding="utf-8"))
    blum = next(p for p in kb["persons"] if p["name"] == "Georges-Fabrice Blum")
    result = runner.invoke(app, ["review", "rename", "person", blum["id"], "Georges Blum",
                                 "--reviewer", "an", "--reason", "short form", "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["review", "list", "--json", "--db", db])
    (entry,) = json.loads(result.output)
    assert entry["action"] == "rename" and entry["reason"] == "short form"
    result = runner.invoke(app, ["review", "undo", str(entry["id"]), "--reviewer", "an",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", "--format", "graphml", "--db", db])
    assert ET.fromstring(result.stdout.encode("utf-8")).tag == f"{GRAPHML}graphml"
