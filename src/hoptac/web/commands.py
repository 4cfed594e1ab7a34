"""CLI commands of the web part: `hoptac serve` and `hoptac user add`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hoptac.config import default_db_path

user_app = typer.Typer(help="Reviewer accounts for the web UI.", no_args_is_help=True)


DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="SQLite store (default: $HOPTAC_DB or the XDG data dir)")]


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port")] = 8000,
) -> None:
    """Serve the web UI and the JSON API (/api, /openapi.json) on the store."""
    import uvicorn

    from hoptac.web.app import create_app

    path = db or default_db_path()
    typer.echo(f"hoptac: serving {path} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(path), host=host, port=port, log_level="info")


@user_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="User name")],
    db: DbOpt = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin")] = False,
) -> None:
    """Create a reviewer. Prompts for the password unless --password-stdin."""
    from hoptac.store import Store
    from hoptac.web.auth import UserError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = Store(db or default_db_path())
    try:
        with store.transaction() as conn:
            add_user(conn, name, password)
    except UserError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None
    finally:
        store.close()
    typer.echo(f"user {name.strip()} added", err=True)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
