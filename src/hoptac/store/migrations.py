"""Versioned schema. Each entry upgrades the database by one version (PRAGMA user_version).

Never edit a released migration: append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, per-article extraction, knowledge base, corrections, users
    """
    CREATE TABLE articles (
        id            TEXT PRIMARY KEY,          -- file stem, or stem#n for multi-record sources
        source_path   TEXT,
        format        TEXT NOT NULL,
        title         TEXT,
        url           TEXT,
        published     TEXT,                      -- EDTF
        language      TEXT,
        agency        TEXT,
        text          TEXT NOT NULL,             -- the original text: every offset points here
        content_hash  TEXT NOT NULL,
        ingested_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);

    -- the whole hoptac.extraction/1 document of each article
    CREATE TABLE extractions (
        article_id    TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        extractor     TEXT NOT NULL,             -- extractor version
        document      TEXT NOT NULL,             -- JSON
        extracted_at  TEXT NOT NULL
    );

    -- one row per item of an article's extraction (persons, organizations, events,
    -- agreements, facts), for queries; rebuilt with the extraction in one transaction
    CREATE TABLE mentions (
        article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL,             -- person|organization|event|agreement|fact
        local_id      TEXT NOT NULL,             -- id inside the extraction (p1, o2...) or index
        name          TEXT,
        data          TEXT NOT NULL,             -- JSON of the item
        PRIMARY KEY (article_id, kind, local_id)
    );
    CREATE TABLE article_countries (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        country    TEXT NOT NULL,
        PRIMARY KEY (article_id, country)
    );
    CREATE TABLE article_areas (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        area       TEXT NOT NULL,
        PRIMARY KEY (article_id, area)
    );

    -- knowledge base: items merged across articles (persons, organizations, agreements)
    CREATE TABLE kb_items (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,                -- person|organization|agreement
        name       TEXT NOT NULL,
        data       TEXT NOT NULL                 -- JSON: aliases, country, roles, status...
    );
    CREATE TABLE kb_links (
        item_id    TEXT NOT NULL REFERENCES kb_items(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        local_id   TEXT NOT NULL,
        PRIMARY KEY (item_id, article_id, local_id)
    );
    CREATE TABLE agreement_history (
        item_id    TEXT NOT NULL REFERENCES kb_items(id) ON DELETE CASCADE,
        date       TEXT,                         -- EDTF
        status     TEXT NOT NULL,
        article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
        evidence   TEXT,                         -- JSON {start, end, text}
        source     TEXT NOT NULL DEFAULT 'extraction'   -- extraction|correction
    );

    -- reviewers' corrections: replayed after every re-extraction, reversible
    CREATE TABLE corrections (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        reviewer    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        action      TEXT NOT NULL,               -- confirm|reject|rename|merge|split|set_status
        target_kind TEXT NOT NULL,
        target      TEXT NOT NULL,               -- JSON: its target, stable across re-ingest
        payload     TEXT NOT NULL DEFAULT '{}',  -- JSON
        reason      TEXT,
        reverted_at TEXT,
        reverted_by TEXT
    );

    CREATE TABLE users (
        username      TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
    );
    CREATE TABLE sessions (
        token      TEXT PRIMARY KEY,
        username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        csrf       TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    """,
    # 2: full-text search. search_documents holds each article's title and text folded to
    # ASCII (store/search.py: Thuấn -> Thuan, đ -> d, santé -> sante); search_fts indexes them
    # (external content, kept in step by triggers). Snippets map folded offsets back to
    # articles.text.
    """
    CREATE TABLE search_documents (
        id            INTEGER PRIMARY KEY,
        article_id    TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        content_hash  TEXT NOT NULL,             -- articles.content_hash when indexed
        source_title  TEXT,                      -- articles.title when indexed
        title         TEXT NOT NULL DEFAULT '',  -- folded
        body          TEXT NOT NULL              -- folded
    );
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, content='search_documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    """,
]
