"""The FastAPI application: HTML pages for analysts and reviewers, and the JSON API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from hoptac.store import Store
from hoptac.web.deps import HERE, get_user_plain, render

SECURITY_HEADERS = {
    # everything is served from here: no CDN, no inline script, no framing
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

ERROR_TITLES = {400: "Bad request", 401: "Login required", 403: "Forbidden", 404: "Not found"}


def create_app(db_path: str | Path) -> FastAPI:
    """The web application on the store at `db_path`."""
    from hoptac.web import api, pages

    app = FastAPI(
        title="hoptac",
        summary="Knowledge base of international health cooperation, built from news articles.",
        version="1",
        docs_url=None,  # Swagger UI would load from a CDN; /openapi.json stays available
        redoc_url=None,
    )
    app.state.db_path = Path(db_path)
    Store(app.state.db_path).close()  # create and migrate the store now, not in racing requests

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def html_errors(request: Request, exc: StarletteHTTPException):
        """API clients get JSON errors; people get a page with the navigation."""
        if request.url.path.startswith(("/api", "/static")) or exc.status_code < 400:
            return await http_exception_handler(request, exc)
        return render(request, "error.html", {
            "status_code": exc.status_code, "detail": exc.detail,
            "title": ERROR_TITLES.get(exc.status_code, "Error")},
            get_user_plain(request), status_code=exc.status_code)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
