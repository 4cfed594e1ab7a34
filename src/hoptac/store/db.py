"""Connection, migrations and article upserts on the embedded SQLite store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from hoptac.model import Article
from hoptac.store.migrations import MIGRATIONS


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store at `path`, in WAL mode, migrated to the latest schema."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA busy_timeout = 5000")
    migrate(conn)
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    version = schema_version(conn)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement keeps triggers whole)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


class Store:
    """The store's operations used by ingest, the knowledge base, the CLI and the web UI."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = connect(path)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: everything inside commits together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- articles -------------------------------------------------------------------------

    def article_state(self, article: Article) -> str:
        """'new', 'unchanged' or 'changed' compared with what the store holds."""
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is None:
            same = self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)
            ).fetchone()
            return "unchanged" if same else "new"
        return "unchanged" if row["content_hash"] == article.content_hash else "changed"

    def save_article(self, article: Article, extraction: dict | None, extractor: str) -> None:
        """Write an article and its extraction. Call inside `transaction()`."""
        stamp = now_iso()
        self.conn.execute(
            """INSERT INTO articles (id, source_path, format, title, url, published, language,
                                     agency, text, content_hash, ingested_at, updated_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET source_path=excluded.source_path,
                 format=excluded.format, title=excluded.title, url=excluded.url,
                 published=excluded.published, language=excluded.language,
                 agency=excluded.agency, text=excluded.text,
                 content_hash=excluded.content_hash, updated_at=excluded.updated_at""",
            (article.id, article.source_path, article.format, article.title, article.url,
             article.published, article.language, article.agency, article.text,
             article.content_hash, stamp, stamp),
        )
        if extraction is not None:
            self.save_extraction(article.id, extraction, extractor)

    def save_extraction(self, article_id: str, extraction: dict, extractor: str) -> None:
        """Replace an article's extraction and the rows derived from it. Call inside a
        transaction."""
        self.conn.execute(
            """INSERT INTO extractions (article_id, extractor, document, extracted_at)
               VALUES (?,?,?,?)
               ON CONFLICT(article_id) DO UPDATE SET extractor=excluded.extractor,
                 document=excluded.document, extracted_at=excluded.extracted_at""",
            (article_id, extractor, json.dumps(extraction, ensure_ascii=False), now_iso()),
        )
        for table in ("mentions", "article_countries", "article_areas"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for kind, key in (("person", "persons"), ("organization", "organizations"),
                          ("event", "events"), ("agreement", "agreements"), ("fact", "facts")):
            for index, item in enumerate(extraction.get(key) or []):
                local_id = item.get("id") or f"{kind[0]}{index + 1}"
                name = item.get("name") or item.get("title") or item.get("measure")
                self.conn.execute(
                    "INSERT INTO mentions (article_id, kind, local_id, name, data) "
                    "VALUES (?,?,?,?,?)",
                    (article_id, kind, local_id, name, json.dumps(item, ensure_ascii=False)),
                )
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_countries VALUES (?, ?)",
            [(article_id, c) for c in extraction.get("countries") or []],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_areas VALUES (?, ?)",
            [(article_id, a) for a in extraction.get("areas") or []],
        )

    def get_article(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def get_extraction(self, article_id: str) -> dict | None:
        row = self.conn.execute(
            "SELECT document FROM extractions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return json.loads(row["document"]) if row else None

    def iter_extractions(self) -> Iterator[tuple[str, dict]]:
        """(article id, extraction) for every article, in id order."""
        for row in self.conn.execute(
            "SELECT article_id, document FROM extractions ORDER BY article_id"
        ):
            yield row["article_id"], json.loads(row["document"])

    # --- ingest, search index, show and stats ---------------------------------------------

    def ingest_state(self, article: Article) -> tuple[str, str | None]:
        """How `article` compares with the store: ('new', None), ('changed', None),
        ('unchanged', None), or ('duplicate', other id) when another article has its text.
        Metadata counts: a record whose title or date changed is 'changed'."""
        row = self.get_article(article.id)
        if row is None:
            other = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (article.content_hash,)
            ).fetchone()
            return ("duplicate", other["id"]) if other else ("new", None)
        fields = ("title", "url", "published", "language", "agency", "format")
        same = row["content_hash"] == article.content_hash and all(
            row[f] == getattr(article, f) for f in fields
        )
        return ("unchanged" if same else "changed"), None

    def store_article(self, article: Article, extraction: dict | None, extractor: str) -> None:
        """Write an article, its extraction and its search rows in ONE transaction: after a
        failure nothing of it is stored."""
        from hoptac.store.search import index_article

        with self.transaction():
            self.save_article(article, extraction, extractor)
            index_article(self.conn, article.id, article.title, article.text,
                          article.content_hash)

    def find_article(self, key: str) -> sqlite3.Row | None:
        """The article whose id is `key`, else the only one whose id starts with it."""
        row = self.get_article(key)
        if row is not None:
            return row
        pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            "SELECT * FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (pattern,)
        ).fetchall()
        return rows[0] if len(rows) == 1 else None

    def stats(self) -> dict:
        """Counts: articles by language, extracted items by kind, knowledge-base items by
        kind."""
        def grouped(sql: str) -> dict[str, int]:
            return {key or "unknown": count for key, count in self.conn.execute(sql)}

        return {
            "articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "languages": grouped("SELECT language, count(*) FROM articles "
                                 "GROUP BY language ORDER BY count(*) DESC, language"),
            "extracted": grouped("SELECT kind, count(*) FROM mentions GROUP BY kind"),
            "kb": grouped("SELECT kind, count(*) FROM kb_items GROUP BY kind"),
        }
