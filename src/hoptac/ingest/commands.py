"""The CLI commands that fill and read the article store: ingest, search, show, stats.

Registered on the Typer app in hoptac/cli.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from hoptac.config import default_db_path
from hoptac.ingest.articles import DEFAULT_MAX_SIZE, MEGABYTE
from hoptac.ingest.runner import DEFAULT_MAX_CHARS

DbOption = typer.Option(None, "--db", help="SQLite store (default: $HOPTAC_DB or the XDG data dir)")
JsonOption = typer.Option(False, "--json", help="Print JSON")
PathsArgument = typer.Argument(..., help="Article files or folders (walked recursively)")


def _open_store(db: Path | None, *, existing: bool = False):
    """The store at `db` (default: $HOPTAC_DB or the XDG data dir); with `existing`, a missing
    store is an error rather than a new empty one."""
    import sqlite3

    from hoptac.store import Store

    path = db or default_db_path()
    if existing and not path.exists():
        _fail(f"no store at {path} (run `hoptac ingest` first, or pass --db)")
    try:
        return Store(path)
    except sqlite3.Error as err:
        _fail(f"cannot open the store at {path}: {err}")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def ingest(
    paths: list[Path] = PathsArgument,
    db: Path | None = DbOption,
    max_size: float = typer.Option(
        DEFAULT_MAX_SIZE / MEGABYTE, "--max-size", min=0.001,
        help="Largest file read whole, in MB; WARC and JSON Lines are streamed and the limit "
             "applies to each record"),
    max_chars: int = typer.Option(
        DEFAULT_MAX_CHARS, "--max-chars", min=1,
        help="Longest article text extracted, in characters"),
    force: bool = typer.Option(False, "--force",
                               help="Extract unchanged articles again (after an extractor update)"),
) -> None:
    """Read articles into the store, extract them and rebuild the knowledge base.

    Formats: plain text, Markdown, HTML, JSON/JSONL records, RSS/Atom feeds, WARC(.gz).
    Unchanged articles are skipped; each failure is one `error: PATH: reason` line."""
    from hoptac.ingest.progress import reporter_for
    from hoptac.ingest.runner import batch_files, ingest_paths

    store = _open_store(db)
    files = batch_files(store, paths)
    try:
        summary = ingest_paths(store, files, max_size=int(max_size * MEGABYTE),
                               max_chars=max_chars, force=force,
                               reporter=reporter_for(len(files)))
    except KeyboardInterrupt:
        _fail("interrupted: the articles stored so far are complete, the current one is not "
              "stored; run the same command again to go on")
    finally:
        store.close()
    for problem in summary.errors:
        typer.echo(f"error: {problem}", err=True)
    typer.echo(summary.line())
    raise typer.Exit(0 if summary.ok else 1)


def search(
    query: str = typer.Argument(..., help='Words, "a phrase", prefix*, AND/OR/NOT'),
    language: str | None = typer.Option(None, "--language", help="Only this language (fr, en)"),
    country: str | None = typer.Option(None, "--country", help="Only articles about this "
                                       "country (ISO code: VN, FR)"),
    since: str | None = typer.Option(None, "--since", help="Published on or after (2025-11)"),
    until: str | None = typer.Option(None, "--until", help="Published on or before"),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many results"),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Full-text search (accents and case do not matter), best matches first."""
    from hoptac.store.search import SearchError, search_articles

    store = _open_store(db, existing=True)
    try:
        hits = search_articles(store.conn, query, language=language, country=country,
                               since=since, until=until, limit=limit)
    except SearchError as err:
        _fail(str(err))
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("no match", err=True)
        return
    _print_hits(hits)


def _print_hits(hits: list[dict]) -> None:
    from hoptac.store.search import Snippet, render_snippet

    console = Console(highlight=False, soft_wrap=True)
    terminal = console.is_terminal
    for hit in hits:
        snippet = Snippet(hit["snippet"], [tuple(h) for h in hit["highlights"]])
        head = "  ".join(str(v) for v in (hit["id"], hit["published"] or "undated",
                                           hit["language"] or "language?", hit["title"] or "") if v)
        if terminal:
            console.print(f"[bold]{escape(head)}[/bold]")
            console.print("  " + render_snippet(snippet, "[bold yellow]", "[/bold yellow]",
                                                escape))
        else:
            typer.echo(head)
            typer.echo("  " + render_snippet(snippet, "**", "**"))


def show(
    article: str = typer.Argument(..., help="Article id (or a prefix of it that is unique)"),
    db: Path | None = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """An article's metadata and a summary of what was extracted from it."""
    store = _open_store(db, existing=True)
    try:
        row = store.find_article(article)
        if row is None:
            _fail(f"no article {article!r} in {store.path}")
        extraction = store.get_extraction(row["id"]) or {}
    finally:
        store.close()
    meta = {k: row[k] for k in ("id", "title", "published", "language", "agency", "url",
                                "format", "source_path", "content_hash", "ingested_at",
                                "updated_at")}
    meta["characters"] = len(row["text"])
    if as_json:
        typer.echo(json.dumps({"article": meta, "extraction": extraction},
                              ensure_ascii=False, indent=2))
        return
    for key, value in meta.items():
        if value is not None:
            typer.echo(f"{key:<13} {value}")
    typer.echo("")
    for line in summarize_extraction(extraction):
        typer.echo(line)


def summarize_extraction(extraction: dict) -> list[str]:
    """Readable lines: countries, areas, then each kind of item with its count and names."""
    if not extraction:
        return ["(not extracted)"]
    lines = [f"countries     {', '.join(extraction.get('countries') or []) or '-'}",
             f"areas         {', '.join(extraction.get('areas') or []) or '-'}"]
    describe = {
        "persons": lambda p: p.get("name"),
        "organizations": lambda o: o.get("name"),
        "events": lambda e: " ".join(str(v) for v in (e.get("type"), e.get("date"),
                                                      e.get("place")) if v),
        "agreements": lambda a: " ".join(str(v) for v in (a.get("kind"), a.get("status"),
                                                          a.get("title")) if v),
        "facts": lambda f: f"{f.get('value')} {f.get('unit') or ''}".strip(),
    }
    for key, name in describe.items():
        items = extraction.get(key) or []
        lines.append(f"{key:<13} {len(items)}")
        lines.extend(f"  - {name(item)}" for item in items)
    return lines


def stats(db: Path | None = DbOption, as_json: bool = JsonOption) -> None:
    """Counts of articles by language, extracted items and knowledge-base items."""
    store = _open_store(db, existing=True)
    try:
        figures = store.stats()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    typer.echo(f"articles       {figures['articles']}")
    for language, count in figures["languages"].items():
        typer.echo(f"  {language:<12} {count}")
    typer.echo("extracted")
    for kind in ("person", "organization", "event", "agreement", "fact"):
        typer.echo(f"  {kind + 's':<12} {figures['extracted'].get(kind, 0)}")
    typer.echo("knowledge base")
    for kind in ("person", "organization", "agreement"):
        typer.echo(f"  {kind + 's':<12} {figures['kb'].get(kind, 0)}")
    for kind, count in figures["kb"].items():
        if kind not in ("person", "organization", "agreement"):
            typer.echo(f"  {kind:<12} {count}")


def register(app: typer.Typer) -> None:
    """Add the commands to the hoptac app."""
    for command in (ingest, search, show, stats):
        app.command(command.__name__)(command)
