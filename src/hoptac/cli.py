"""The `hoptac` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from hoptac.config import default_db_path

app = typer.Typer(
    help="hoptac: read health-cooperation news and build a knowledge base.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DbOption = typer.Option(None, "--db", help="SQLite store (default: $HOPTAC_DB or the XDG data dir)")


@app.callback()
def main() -> None:
    """hoptac: read health-cooperation news and build a knowledge base."""


def db_path(db: Path | None) -> Path:
    return db or default_db_path()


def iter_files(paths: list[Path]):
    """Files under the given paths, folders walked recursively in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Article files or folders"),
    out: Path | None = typer.Option(None, "--out", help="Write DIR/<stem>.json per article"),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD"),
    workers: int = typer.Option(1, "--workers", min=1, help="Extract in N processes"),
) -> None:
    """Extract persons, organizations, events, agreements, areas and facts (contract JSON)."""
    from hoptac.extract.parallel import iter_extractions
    from hoptac.ingest.readers import IngestError, read_path

    failed = done = 0
    todo: list = []
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for file in iter_files(paths):
        try:
            articles = read_path(file)
        except IngestError as err:
            typer.echo(f"error: {err.path}: {err.reason}", err=True)
            failed += 1
            continue
        for article in articles:
            if published:
                article.published = published
        todo.extend(articles)
    for article, document in zip(todo, iter_extractions(todo, workers), strict=True):
        done += 1
        if out:
            (out / f"{article.id}.json").write_text(
                json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    if out:
        typer.echo(f"{done} extracted, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@app.command()
def bench(
    paths: list[Path] = typer.Argument(None, help="Article files or folders (default: seeds)"),
    workers: int = typer.Option(1, "--workers", min=1, help="Run each pipeline in N processes"),
    repeat: int = typer.Option(3, "--repeat", min=1, help="Timed passes; the best one counts"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
) -> None:
    """Throughput and peak memory of hoptac extraction next to the bare spaCy pipeline."""
    from hoptac.bench import default_corpus, format_report, run_benchmark
    from hoptac.ingest.readers import IngestError, read_path

    articles = []
    for file in iter_files(paths or [default_corpus()]):
        try:
            articles.extend(read_path(file))
        except IngestError as err:
            typer.echo(f"error: {err.path}: {err.reason}", err=True)
    if not articles:
        typer.echo("error: no articles to benchmark", err=True)
        sys.exit(1)
    report = run_benchmark(articles, workers=workers, repeat=repeat)
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else format_report(report))


from hoptac.kb.commands import export as export_command  # noqa: E402
from hoptac.kb.commands import review_app  # noqa: E402

app.command("export")(export_command)
app.add_typer(review_app, name="review")

from hoptac.ingest.commands import register as register_store_commands  # noqa: E402

register_store_commands(app)  # ingest, search, show, stats

from hoptac.web.commands import register as register_web_commands  # noqa: E402

register_web_commands(app)  # serve, user add


if __name__ == "__main__":
    app()
