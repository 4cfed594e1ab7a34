"""Store: migrations, the one-transaction article write, change detection, lookups, counts."""

from __future__ import annotations

import sqlite3

import pytest

from hoptac.model import Article
from hoptac.store import Store
from hoptac.store.db import schema_version
from hoptac.store.migrations import MIGRATIONS
from hoptac.store.search import search_articles

EXTRACTION = {
    "countries": ["NO", "VN"], "areas": ["training"],
    "persons": [{"id": "p1", "name": "Kari Nordmann"}],
    "organizations": [{"id": "o1", "name": "Ministry of Health"},
                      {"id": "o2", "name": "Oslo University Hospital"}],
    "events": [{"id": "e1", "type": "meeting"}], "agreements": [], "facts": [],
}


def article(article_id="oslo", text="Ministers met in Oslo to discuss nurse training.", **kw):
    return Article(id=article_id, text=text, language=kw.pop("language", "en"), **kw)


def test_new_store_is_at_the_latest_schema_and_reopens(tmp_path):
    store = Store(tmp_path / "s.db")
    assert schema_version(store.conn) == len(MIGRATIONS)
    store.close()
    again = Store(tmp_path / "s.db")
    assert schema_version(again.conn) == len(MIGRATIONS)
    again.close()


def test_store_article_writes_article_extraction_and_search_together(store):
    store.store_article(article(), EXTRACTION, "v1")
    assert store.get_article("oslo")["text"].startswith("Ministers")
    assert store.get_extraction("oslo")["countries"] == ["NO", "VN"]
    assert [h["id"] for h in search_articles(store.conn, "nurse")] == ["oslo"]


def test_a_failure_inside_store_article_leaves_nothing(store):
    broken = dict(EXTRACTION, persons=[{"id": "p1", "name": "A"}, {"id": "p1", "name": "B"}])
    with pytest.raises(sqlite3.IntegrityError):  # duplicate mention key
        store.store_article(article(), broken, "v1")
    for table in ("articles", "extractions", "mentions", "search_documents"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_deleting_an_article_removes_its_search_rows(store):
    store.store_article(article(), EXTRACTION, "v1")
    with store.transaction():
        store.conn.execute("DELETE FROM articles WHERE id = 'oslo'")
    assert store.conn.execute("SELECT count(*) FROM search_documents").fetchone()[0] == 0
    assert search_articles(store.conn, "nurse") == []


def test_ingest_state_compares_text_and_metadata(store):
    assert store.ingest_state(article()) == ("new", None)
    store.store_article(article(), None, "v1")
    assert store.ingest_state(article()) == ("unchanged", None)
    assert store.ingest_state(article(text="Something else."))[0] == "changed"
    assert store.ingest_state(article(title="A new title"))[0] == "changed"
    assert store.ingest_state(article(article_id="copy")) == ("duplicate", "oslo")


def test_find_article_by_id_or_unique_prefix(store):
    store.store_article(article("2025_oslo_a"), None, "v1")
    store.store_article(article("2025_oslo_b", text="Other text."), None, "v1")
    store.store_article(article("2024_dakar", text="Dakar text."), None, "v1")
    assert store.find_article("2024")["id"] == "2024_dakar"
    assert store.find_article("2025_oslo_b")["id"] == "2025_oslo_b"
    assert store.find_article("2025") is None  # ambiguous
    assert store.find_article("2025%") is None  # LIKE wildcards are literal
    assert store.find_article("nothing") is None


def test_stats_counts_languages_and_extracted_items(store):
    store.store_article(article(), EXTRACTION, "v1")
    store.store_article(article("fr", text="Réunion à Dakar.", language="fr"), None, "v1")
    figures = store.stats()
    assert figures["articles"] == 2
    assert figures["languages"] == {"en": 1, "fr": 1}
    assert figures["extracted"] == {"person": 1, "organization": 2, "event": 1}
    assert figures["kb"] == {}
