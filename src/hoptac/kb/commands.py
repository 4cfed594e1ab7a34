"""`hoptac export` and `hoptac review ...`: the knowledge base from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from hoptac.config import default_db_path
from hoptac.kb.corrections import (
    CorrectionError,
    add_correction,
    list_corrections,
    revert_correction,
)
from hoptac.kb.export import FORMATS, render
from hoptac.store import Store

DB_HELP = "SQLite store (default: $HOPTAC_DB or the XDG data dir)"
KIND_HELP = "person, organization or agreement"


def open_store(db: Path | None) -> Store:
    path = db or default_db_path()
    if str(path) != ":memory:" and not Path(path).exists():
        typer.echo(f"error: no store at {path} (run `hoptac ingest` first)", err=True)
        raise typer.Exit(1)
    return Store(path)


def export(
    fmt: str = typer.Option("kb", "--format", "-f", help="kb | csv | jsonl | graphml | jsonld"),
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write to this file (csv: a .zip) instead of stdout")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Export the knowledge base (kb = the hoptac.kb/1 JSON of the contract)."""
    if fmt not in FORMATS:
        typer.echo(f"error: unknown format {fmt!r} (one of {', '.join(FORMATS)})", err=True)
        raise typer.Exit(2)
    store = open_store(db)
    try:
        data = render(store, fmt)
    finally:
        store.close()
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)
    elif isinstance(data, bytes):
        if sys.stdout.isatty():
            typer.echo("error: csv is a zip archive: use --out FILE.zip", err=True)
            raise typer.Exit(2)
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)


review_app = typer.Typer(help="Review the knowledge base: corrections that survive re-ingest.",
                         no_args_is_help=True)


def _correct(db: Path | None, *, reviewer: str, action: str, kind: str, item: str,
             payload: dict | None = None, reason: str | None = None) -> None:
    store = open_store(db)
    try:
        number = add_correction(store, reviewer=reviewer, action=action, target_kind=kind,
                                target={"item": item}, payload=payload, reason=reason)
    except CorrectionError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    finally:
        store.close()
    typer.echo(f"correction {number}: {action} {kind} {item}")


ReviewerOption = typer.Option(..., "--reviewer", help="Who makes the correction")
ReasonOption = typer.Option(None, "--reason", help="Why (kept in the audit log)")
DbOption = typer.Option(None, "--db", help=DB_HELP)


@review_app.command("list")
def review_list(
    items: str | None = typer.Option(None, "--items", help="List items of this kind instead "
                                     "of corrections: " + KIND_HELP),
    active: bool = typer.Option(False, "--active", help="Leave out reverted corrections"),
    as_json: bool = typer.Option(False, "--json", help="JSON output"),
    db: Path | None = DbOption,
) -> None:
    """The corrections audit log (or, with --items KIND, the knowledge-base items)."""
    store = open_store(db)
    try:
        if items:
            rows = [{"id": r["id"], "name": r["name"], **{k: v for k, v in json.loads(
                r["data"]).items() if k in ("country", "documents", "status", "aliases")}}
                for r in store.conn.execute(
                    "SELECT id, name, data FROM kb_items WHERE kind = ? ORDER BY id", (items,))]
        else:
            rows = list_corrections(store, include_reverted=not active)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        if items:
            typer.echo(f"{row['id']}\t{row['name']}\t{', '.join(row.get('documents') or [])}")
        else:
            state = f" (reverted by {row['reverted_by']})" if row["reverted_at"] else ""
            typer.echo(f"{row['id']}\t{row['created_at']}\t{row['reviewer']}\t{row['action']}"
                       f"\t{row['target_kind']} {row['target']['item']}"
                       f"\t{json.dumps(row['payload'], ensure_ascii=False)}"
                       f"\t{row['reason'] or ''}{state}")


@review_app.command("confirm")
def review_confirm(kind: str = typer.Argument(..., help=KIND_HELP),
                   item: str = typer.Argument(..., help="Knowledge-base item id"),
                   reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                   db: Path | None = DbOption) -> None:
    """Mark an item as checked by a reviewer."""
    _correct(db, reviewer=reviewer, action="confirm", kind=kind, item=item, reason=reason)


@review_app.command("reject")
def review_reject(kind: str = typer.Argument(..., help=KIND_HELP),
                  item: str = typer.Argument(..., help="Knowledge-base item id"),
                  reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                  db: Path | None = DbOption) -> None:
    """Remove a wrongly extracted item from the knowledge base."""
    _correct(db, reviewer=reviewer, action="reject", kind=kind, item=item, reason=reason)


@review_app.command("rename")
def review_rename(kind: str = typer.Argument(..., help=KIND_HELP),
                  item: str = typer.Argument(..., help="Knowledge-base item id"),
                  name: str = typer.Argument(..., help="The right name"),
                  reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                  db: Path | None = DbOption) -> None:
    """Give an item its right name (the old one stays an alias)."""
    _correct(db, reviewer=reviewer, action="rename", kind=kind, item=item,
             payload={"name": name}, reason=reason)


@review_app.command("merge")
def review_merge(kind: str = typer.Argument(..., help=KIND_HELP),
                 item: str = typer.Argument(..., help="The item to merge away"),
                 into: str = typer.Argument(..., help="The item that absorbs it"),
                 reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                 db: Path | None = DbOption) -> None:
    """Merge two items that are the same thing."""
    _correct(db, reviewer=reviewer, action="merge", kind=kind, item=item,
             payload={"into": into}, reason=reason)


@review_app.command("split")
def review_split(kind: Annotated[str, typer.Argument(help=KIND_HELP)],
                 item: Annotated[str, typer.Argument(help="The item wrongly merged")],
                 documents: Annotated[list[str], typer.Argument(
                     help="Article ids to split off")],
                 reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                 db: Path | None = DbOption) -> None:
    """Split the mentions of some articles off an item into a new one."""
    _correct(db, reviewer=reviewer, action="split", kind=kind, item=item,
             payload={"documents": documents}, reason=reason)


@review_app.command("set-status")
def review_set_status(item: str = typer.Argument(..., help="Agreement id"),
                      status: str = typer.Argument(..., help="The agreement's status"),
                      date: str | None = typer.Option(None, "--date", help="EDTF date"),
                      reviewer: str = ReviewerOption, reason: str | None = ReasonOption,
                      db: Path | None = DbOption) -> None:
    """Set an agreement's current status (added to its history)."""
    _correct(db, reviewer=reviewer, action="set_status", kind="agreement", item=item,
             payload={"status": status, "date": date}, reason=reason)


@review_app.command("undo")
def review_undo(correction: int = typer.Argument(..., help="Correction id (see `list`)"),
                reviewer: str = ReviewerOption, db: Path | None = DbOption) -> None:
    """Revert a correction: its effect disappears, the audit log keeps it."""
    store = open_store(db)
    try:
        revert_correction(store, correction, reviewer=reviewer)
    except CorrectionError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from err
    finally:
        store.close()
    typer.echo(f"correction {correction} reverted")
