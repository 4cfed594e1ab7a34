"""Full-text search for the web: results from the store's search, plus language and country
facets."""

from __future__ import annotations

import json
import sqlite3

from hoptac.web.queries import article_url, display_title

FACET_SCAN = 500  # without the FTS tables, facets count the first matches this many
# every article the query matches, straight from the store's FTS5 index (no snippets: cheap)
MATCHING_IDS = ("SELECT d.article_id FROM search_fts JOIN search_documents d "
                "ON d.id = search_fts.rowid WHERE search_fts MATCH ?")


def _as_rows(found) -> list[dict]:
    """Copies of search_articles' result dicts (they get display fields added)."""
    return [dict(r) for r in found]


def run_search(conn: sqlite3.Connection, query: str, *, language: str | None = None,
               country: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 20, offset: int = 0) -> dict:
    """Matches for `query` (filtered) and facet counts (over the unfiltered matches)."""
    from hoptac.store.search import search_articles

    results = _as_rows(search_articles(conn, query, language=language, country=country,
                                       since=since, until=until, limit=limit, offset=offset))
    results = [_with_article_id(r) for r in results]
    for row in results:
        if not row.get("title"):
            head = conn.execute("SELECT substr(text, 1, 400) FROM articles WHERE id = ?",
                                (row["id"],)).fetchone()
            row["title"] = display_title(None, head[0] if head else "")
    return {"query": query, "results": results,
            "facets": facets(conn, query)}


def _with_article_id(row: dict) -> dict:
    """A result with its snippet cut into plain and matched parts (escaped by the template,
    never rendered as HTML) and a link to its first match in the article."""
    row.setdefault("id", row.get("article_id"))
    row["snippet_parts"] = snippet_parts(row.get("snippet") or "", row.get("highlights") or [])
    matches = row.get("match_offsets") or []
    row["url"] = article_url(row["id"])
    if matches:
        row["url"] += f"?start={matches[0][0]}&end={matches[0][1]}#evidence"
    return row


def snippet_parts(snippet: str, highlights: list) -> list[dict]:
    parts, position = [], 0
    for start, end in sorted(highlights):
        if start < position or end > len(snippet):
            continue
        if start > position:
            parts.append({"text": snippet[position:start], "match": False})
        parts.append({"text": snippet[start:end], "match": True})
        position = end
    if position < len(snippet):
        parts.append({"text": snippet[position:], "match": False})
    return parts


def facets(conn: sqlite3.Connection, query: str) -> dict[str, list[dict]]:
    """Languages and countries of every article matching `query` (filters aside), counted
    in SQL over the store's FTS index; on a store without it, over the first matches."""
    from hoptac.store.search import prepare_query, search_articles

    try:
        params: list = [prepare_query(query)]
        conn.execute(MATCHING_IDS + " LIMIT 1", params).fetchall()
        matching = MATCHING_IDS
    except sqlite3.OperationalError:
        found = _as_rows(search_articles(conn, query, limit=FACET_SCAN))
        params = [r.get("id") or r.get("article_id") for r in found]
        matching = "SELECT value FROM json_each(?)"
        params = [json.dumps(params)]
    languages = conn.execute(
        f"SELECT coalesce(language, '?') AS value, count(*) AS n FROM articles "
        f"WHERE id IN ({matching}) GROUP BY 1 ORDER BY n DESC, value", params)
    countries = conn.execute(
        f"SELECT country AS value, count(*) AS n FROM article_countries "
        f"WHERE article_id IN ({matching}) GROUP BY 1 ORDER BY n DESC, value", params)
    return {"language": [{"value": r["value"], "count": r["n"]} for r in languages],
            "country": [{"value": r["value"], "count": r["n"]} for r in countries]}
