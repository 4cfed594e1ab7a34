"""Full-text search over articles (SQLite FTS5), shared by the CLI and the web UI.

Diacritics and case do not matter: titles and texts are indexed folded to ASCII with unidecode
(`Thuấn` -> `Thuan`, `Đà Nẵng` -> `Da Nang`, `santé` -> `sante`, `œ` -> `oe`) and queries are
folded the same way. Results are ranked with bm25 (title matches weigh more). Snippets are cut
from the ORIGINAL text: FTS5 marks the matches in the folded text, and a character map takes
them back to offsets in `articles.text`.

Queries use FTS5 syntax (`"exact phrase"`, `vaccin*`, `AND`/`OR`/`NOT`, `NEAR(a b)`,
`title:oslo`); words with punctuation (`Vietnam-France`, `l'OMS`) are searched as phrases.
"""

from __future__ import annotations

import contextlib
import html
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
SNIPPET_WIDTH = 240
SNIPPET_LEAD = 60  # characters of context before the first highlighted match
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
QUERY_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
BAREWORD = re.compile(r"^(?:(?:title|body):)?\^?\w+\*?$")
OPERATORS = {"AND", "OR", "NOT", "NEAR"}


class SearchError(ValueError):
    """A query or filter that cannot be run; str() is a one-line explanation for the user."""


# --- folding -------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    return char if char.isascii() else unidecode(char)


def fold(text: str) -> str:
    """The text as indexed and searched: each character transliterated to ASCII."""
    return "".join(_fold_char(c) for c in text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, the index of the original one."""
    pieces, origin = [], []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


# --- indexing ------------------------------------------------------------------------------

def index_article(conn: sqlite3.Connection, article_id: str, title: str | None, text: str,
                  content_hash: str) -> None:
    """Index (or re-index) one article. Call inside the transaction that writes it."""
    conn.execute(
        """INSERT INTO search_documents (article_id, content_hash, source_title, title, body)
           VALUES (?,?,?,?,?)
           ON CONFLICT(article_id) DO UPDATE SET content_hash=excluded.content_hash,
             source_title=excluded.source_title, title=excluded.title, body=excluded.body""",
        (article_id, content_hash, title, fold(title or ""), fold(text)),
    )


def refresh_index(conn: sqlite3.Connection) -> int:
    """Index the articles written without their search rows (or changed since), e.g. by a
    tool that calls Store.save_article directly. Returns how many were indexed."""
    stale = conn.execute(
        """SELECT a.id, a.title, a.text, a.content_hash FROM articles a
           LEFT JOIN search_documents d ON d.article_id = a.id
           WHERE d.id IS NULL OR d.content_hash != a.content_hash
              OR d.source_title IS NOT a.title"""
    ).fetchall()
    if not stale:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for row in stale:
            index_article(conn, row["id"], row["title"], row["text"], row["content_hash"])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(stale)


# --- querying ------------------------------------------------------------------------------

def prepare_query(query: str) -> str:
    """The user's query folded like the index, with words that carry punctuation quoted as
    phrases so that everyday queries are never FTS5 syntax errors."""
    parts = []
    for token in QUERY_TOKEN.findall(fold(query)):
        if token.startswith('"') or token in ("(", ")", *OPERATORS) or BAREWORD.match(token):
            parts.append(token)
        else:
            words = re.findall(r"[A-Za-z0-9]+", token)
            if words:
                parts.append('"' + " ".join(words) + '"' + ("*" if token.endswith("*") else ""))
    if not parts:
        raise SearchError(f"nothing to search for in {query!r}")
    return " ".join(parts)


def search_articles(conn: sqlite3.Connection, query: str, *, language: str | None = None,
                    country: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int = 20, offset: int = 0) -> list[dict]:
    """Articles matching `query`, best first: dicts with id, title, published, language,
    score (higher is better), snippet (plain original text), highlights ([start, end] in the
    snippet), snippet_html (escaped, matches in <mark>) and match_offsets ([start, end] in
    the article text). Raises SearchError for a query or filter that cannot be run."""
    _refresh_quietly(conn)
    where, params = _filters(language, country, since, until)
    sql = f"""
        SELECT a.id, a.title, a.published, a.language, a.text,
               bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank,
               highlight(search_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}') AS marked
        FROM search_fts
        JOIN search_documents d ON d.id = search_fts.rowid
        JOIN articles a ON a.id = d.article_id
        WHERE search_fts MATCH ? {where}
        ORDER BY rank LIMIT ? OFFSET ?"""
    try:
        rows = conn.execute(sql, [prepare_query(query), *params, limit, offset]).fetchall()
    except sqlite3.OperationalError as err:
        if any(word in str(err) for word in ("locked", "busy", "no such table", "disk")):
            raise
        raise SearchError(f"cannot read the query {query!r}: {err}") from None
    return [_result(row) for row in rows]


def _refresh_quietly(conn: sqlite3.Connection) -> None:
    """Bring the index up to date unless the database cannot be written right now (a reader
    still gets results from the index as it is)."""
    with contextlib.suppress(sqlite3.OperationalError):
        refresh_index(conn)


def _filters(language, country, since, until) -> tuple[str, list]:
    clauses, params = [], []
    if language:
        clauses.append("a.language = ?")
        params.append(language.lower())
    if country:
        clauses.append("EXISTS (SELECT 1 FROM article_countries c "
                       "WHERE c.article_id = a.id AND c.country = ?)")
        params.append(country.upper())
    # EDTF dates of different precision compare by their common prefix: an article of
    # `2025-11` is within `--since 2025-11-20` and `--until 2025-11-01`.
    if since:
        clauses.append("a.published >= substr(?, 1, length(a.published))")
        params.append(_date(since, "since"))
    if until:
        clauses.append("substr(a.published, 1, length(?)) <= ?")
        params.extend([_date(until, "until")] * 2)
    if since or until:
        clauses.append("a.published GLOB '[0-9][0-9][0-9][0-9]*'")
    return "".join(f" AND {c}" for c in clauses), params


def _date(value: str, name: str) -> str:
    if not DATE.match(value.strip()):
        raise SearchError(f"--{name} must be a date such as 2025, 2025-11 or 2025-11-06, "
                          f"not {value!r}")
    return value.strip()


# --- snippets ------------------------------------------------------------------------------

@dataclass
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # in `text`


def _result(row: sqlite3.Row) -> dict:
    matches = match_offsets(row["text"], row["marked"])
    snippet = make_snippet(row["text"], matches)
    return {
        "id": row["id"], "title": row["title"], "published": row["published"],
        "language": row["language"], "score": round(-row["rank"], 4),
        "snippet": snippet.text, "highlights": [list(h) for h in snippet.highlights],
        "snippet_html": render_snippet(snippet, "<mark>", "</mark>", html.escape),
        "match_offsets": [list(m) for m in matches],
    }


def match_offsets(text: str, marked: str) -> list[tuple[int, int]]:
    """Where FTS5 marked matches in the folded text, as [start, end) offsets into `text`."""
    _, origin = fold_with_map(text)
    spans, position, start = [], 0, None
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", marked):
        if piece == MARK_OPEN:
            start = position
        elif piece == MARK_CLOSE and start is not None and position > start:
            spans.append((origin[start], origin[position - 1] + 1))
            start = None
        else:
            position += len(piece)
    return spans


def make_snippet(text: str, matches: list[tuple[int, int]],
                 width: int = SNIPPET_WIDTH) -> Snippet:
    """About `width` characters of `text` around its densest run of matches, whitespace
    collapsed, with `…` where it was cut."""
    start = _window_start(text, matches, width)
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    collapsed, position = _collapse(text[start:end])
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    highlights = [(len(lead) + position[max(a, start) - start],
                   len(lead) + position[min(b, end) - start])
                  for a, b in matches if a < end and b > start]
    snippet = lead + collapsed.rstrip() + tail
    return Snippet(snippet, _merge_adjacent([h for h in highlights if h[1] > h[0]], snippet))


def _merge_adjacent(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """One highlight for consecutive matched words (`Đỗ Xuân Tuyên`, not three)."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and not text[merged[-1][1]:a].strip():
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _collapse(segment: str) -> tuple[str, list[int]]:
    """`segment` with runs of whitespace made one space, and for each of its indices (plus
    its end) the matching index in the result."""
    out: list[str] = []
    position = []
    for char in segment:
        position.append(len(out))
        if not char.isspace():
            out.append(char)
        elif out and out[-1] != " ":
            out.append(" ")
    position.append(len(out))
    return "".join(out), position


def _window_start(text: str, matches: list[tuple[int, int]], width: int) -> int:
    if not matches:
        return 0
    best = max(matches, key=lambda m: sum(1 for a, _ in matches if m[0] <= a < m[0] + width))
    start = max(0, best[0] - SNIPPET_LEAD)
    if start > 0:
        space = text.find(" ", start, best[0])
        start = space + 1 if space >= 0 else start
    return start


def render_snippet(snippet: Snippet, before: str, after: str, escape=lambda s: s) -> str:
    """The snippet with each match wrapped in `before`/`after`, the rest passed through
    `escape` (html.escape for a web page)."""
    out, cursor = [], 0
    for a, b in snippet.highlights:
        out.append(escape(snippet.text[cursor:a]))
        out.append(before + escape(snippet.text[a:b]) + after)
        cursor = b
    out.append(escape(snippet.text[cursor:]))
    return "".join(out)
