"""Request-scoped dependencies: the store, the logged-in reviewer, page rendering."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from hoptac.store import Store
from hoptac.web import auth
from hoptac.web.queries import country_name, path_segment

HERE = Path(__file__).parent
MAX_LIMIT = 500
MAX_QUERY = 200

# Annotated query parameters shared by the API and the pages (FastAPI copies their metadata
# for each parameter); the format parameter differs (the pages also serve html)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]
Code = Annotated[str | None, Query(max_length=8)]
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]

templates = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(HERE / "templates"), autoescape=True,
    trim_blocks=True, lstrip_blocks=True))
templates.env.filters["country"] = country_name


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: an article's source URL comes from the
    article itself and must not become a javascript: or data: link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


templates.env.filters["web_url"] = web_url
templates.env.filters["seg"] = path_segment


def readable_number(value) -> str:
    """18260000 -> '18 260 000' (thin spaces group digits in every language we show)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u202f")


templates.env.filters["number"] = readable_number


def get_store(request: Request) -> Iterator[Store]:
    """One store connection per request (SQLite in WAL mode: readers never wait)."""
    store = Store(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


_STORE = Depends(get_store)


def get_user(request: Request, store: Store = _STORE) -> auth.User | None:
    return auth.session_user(store.conn, request)


def get_user_plain(request: Request) -> auth.User | None:
    """The logged-in reviewer, outside dependency injection (error pages)."""
    store = Store(request.app.state.db_path)
    try:
        return auth.session_user(store.conn, request)
    finally:
        store.close()


def render(request: Request, template: str, context: dict, user: auth.User | None,
           status_code: int = 200) -> HTMLResponse:
    """A page, with the CSRF token its forms need (set as a cookie before login)."""
    csrf = auth.expected_csrf(request, user)
    new_cookie = None
    if csrf is None:
        csrf = new_cookie = auth.new_csrf_cookie()
    response = templates.TemplateResponse(
        request, template, {**context, "user": user, "csrf_token": csrf},
        status_code=status_code)
    if new_cookie:
        response.set_cookie(auth.CSRF_COOKIE, new_cookie, httponly=True, samesite="lax")
    return response
