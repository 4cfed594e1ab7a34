"""Full-text search for the web: results from the store's search, plus language and country
facets."""

from __future__ import annotations

import sqlite3
from collections import Counter

from hoptac.web.queries import display_title

FACET_SCAN = 500  # facets count the languages and countries of the first matches this many


def _as_rows(found) -> list[dict]:
    """search_articles' results as a list of dicts, whatever container it returns."""
    if isinstance(found, dict):
        found = found.get("results") or found.get("items") or []
    return [dict(r) for r in found]


def run_search(conn: sqlite3.Connection, query: str, *, language: str | None = None,
               country: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 20, offset: int = 0) -> dict:
    """Matches for `query` (filtered) and facet counts (over the unfiltered matches)."""
    from hoptac.store.search import search_articles

    results = _as_rows(search_articles(conn, query, language=language, country=country,
                                       since=since, until=until, limit=limit, offset=offset))
    unfiltered = _as_rows(search_articles(conn, query, since=since, until=until,
                                          limit=FACET_SCAN, offset=0))
    ids = [r.get("id") or r.get("article_id") for r in unfiltered]
    results = [_with_article_id(r) for r in results]
    for row in results:
        if not row.get("title"):
            head = conn.execute("SELECT substr(text, 1, 400) FROM articles WHERE id = ?",
                                (row["id"],)).fetchone()
            row["title"] = display_title(None, head[0] if head else "")
    return {"query": query, "results": results,
            "facets": _facets(conn, [i for i in ids if i])}


def _with_article_id(row: dict) -> dict:
    """A result with its snippet cut into plain and matched parts (escaped by the template,
    never rendered as HTML) and a link to its first match in the article."""
    row.setdefault("id", row.get("article_id"))
    row["snippet_parts"] = snippet_parts(row.get("snippet") or "", row.get("highlights") or [])
    matches = row.get("match_offsets") or []
    row["url"] = f"/articles/{row['id']}"
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


def _facets(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[dict]]:
    if not ids:
        return {"language": [], "country": []}
    marks = ",".join("?" * len(ids))
    languages = Counter(r["language"] or "?" for r in conn.execute(
        f"SELECT language FROM articles WHERE id IN ({marks})", ids))
    countries = Counter(r["country"] for r in conn.execute(
        f"SELECT country FROM article_countries WHERE article_id IN ({marks})", ids))
    return {"language": [{"value": k, "count": n} for k, n in languages.most_common()],
            "country": [{"value": k, "count": n} for k, n in countries.most_common()]}
