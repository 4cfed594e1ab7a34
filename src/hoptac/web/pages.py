"""HTML pages: overview, timeline, agreements, network, entities, articles, search, review."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from hoptac.store import Store
from hoptac.web import auth, queries
from hoptac.web.api import (
    AGREEMENT_COLUMNS,
    ARTICLE_COLUMNS,
    CORRECTION_COLUMNS,
    EVENT_COLUMNS,
    FACT_COLUMNS,
    ITEM_COLUMNS,
    REVIEW_COLUMNS,
)
from hoptac.web.deps import (
    MAX_LIMIT,
    Code,
    Limit,
    Offset,
    Text,
    get_store,
    get_user,
    render,
    templates,
)
from hoptac.web.review import apply_correction, revert
from hoptac.web.searching import run_search
from hoptac.web.tables import table_response

router = APIRouter(include_in_schema=False)

PAGE = 50
EDTF_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
STAGES = ["proposed", "draft", "under_review", "planned", "signed", "in_force",
          "renewal_planned", "expired"]  # the contract's agreement statuses, in order
HISTORY_COLUMNS = ["date", "status", "article_id", "evidence_text", "evidence_url", "source"]
Fmt = Annotated[str, Query(pattern="^(html|json|csv)$")]
UserDep = Depends(get_user)
StoreDep = Depends(get_store)


def with_params(request: Request, **changes) -> str:
    """This page's path and query with some parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


templates.env.globals["with_params"] = with_params
templates.env.globals["STAGES"] = STAGES


def table_page(request: Request, user, template: str, rows: list[dict], columns: list[str],
               fmt: str, name: str, **context) -> Response:
    """A table view, or its rows as CSV or JSON when ?format= asks for it."""
    if fmt != "html":
        return table_response(rows, columns, fmt, name)
    return render(request, template, {"rows": rows, **context}, user)


@router.get("/")
def overview(request: Request, store: Store = StoreDep, user=UserDep):
    conn = store.conn
    return render(request, "overview.html", {
        "counts": queries.counts(conn),
        "events": queries.list_events(conn, limit=8),
        "stages": queries.agreements_by_stage(conn),
        "matrix": queries.country_area_matrix(conn),
        "articles": queries.list_articles(conn, limit=8),
    }, user)


@router.get("/timeline")
def timeline(request: Request, country: Code = None, area: Text = None,
             since: Text = None, until: Text = None, limit: Limit = PAGE,
             offset: Offset = 0, format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    rows = queries.list_events(store.conn, country=country or None, area=area or None,
                               since=since or None, until=until or None,
                               limit=limit, offset=offset)
    return table_page(request, user, "timeline.html", rows, EVENT_COLUMNS, format, "events",
                      filters={"country": country, "area": area, "since": since,
                               "until": until},
                      countries=_countries(store), areas=_areas(store),
                      limit=limit, offset=offset)


def _countries(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT country FROM article_countries ORDER BY country")]


def _areas(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT area FROM article_areas ORDER BY area")]


@router.get("/agreements")
def agreements(request: Request, country: Code = None, status: Text = None,
               format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    rows = queries.list_agreements(store.conn, country=country or None, status=status or None)
    return table_page(request, user, "agreements.html", rows[:MAX_LIMIT], AGREEMENT_COLUMNS,
                      format, "agreements", filters={"country": country, "status": status},
                      countries=_countries(store), stages=STAGES)


@router.get("/agreements/{item_id}")
def agreement(request: Request, item_id: str, format: Fmt = "html", store: Store = StoreDep,
              user=UserDep):
    item = _found(queries.agreement_detail(store.conn, item_id))
    if format != "html":  # the stage history table
        return table_response(item["history"], HISTORY_COLUMNS, format, f"{item_id}-history")
    return render(request, "agreement.html", {"a": item, "targets": _targets(store, item, user)},
                  user)


@router.get("/network")
def network(request: Request, user=UserDep):
    return render(request, "network.html", {}, user)


@router.get("/persons")
def persons(request: Request, q: Text = None, limit: Limit = PAGE, offset: Offset = 0,
            format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    rows = queries.list_items(store.conn, "person", q=q, limit=limit, offset=offset)
    return table_page(request, user, "items.html", rows, ITEM_COLUMNS, format, "persons",
                      kind="person", title="Persons", q=q, limit=limit, offset=offset)


@router.get("/organizations")
def organizations(request: Request, q: Text = None, limit: Limit = PAGE,
                  offset: Offset = 0, format: Fmt = "html", store: Store = StoreDep,
                  user=UserDep):
    rows = queries.list_items(store.conn, "organization", q=q, limit=limit, offset=offset)
    return table_page(request, user, "items.html", rows, ITEM_COLUMNS, format,
                      "organizations", kind="organization", title="Organizations", q=q,
                      limit=limit, offset=offset)


def _entity_page(request: Request, kind: str, item_id: str, format: str, store: Store, user):
    item = _found(queries.entity_detail(store.conn, kind, item_id))
    if format != "html":  # the events table
        return table_response(item["events"], EVENT_COLUMNS, format, f"{item_id}-events")
    return render(request, "entity.html", {"e": item, "targets": _targets(store, item, user)},
                  user)


@router.get("/persons/{item_id}")
def person(request: Request, item_id: str, format: Fmt = "html", store: Store = StoreDep,
           user=UserDep):
    return _entity_page(request, "person", item_id, format, store, user)


@router.get("/organizations/{item_id}")
def organization(request: Request, item_id: str, format: Fmt = "html", store: Store = StoreDep,
                 user=UserDep):
    return _entity_page(request, "organization", item_id, format, store, user)


def _targets(store: Store, item: dict, user) -> list[dict]:
    """What a reviewer may merge `item` into: the other items of its kind."""
    if not user:
        return []
    others = queries.merge_targets(store.conn, (item["kind"],))[item["kind"]]
    return [t for t in others if t["id"] != item["id"]]


@router.get("/articles")
def articles(request: Request, language: Code = None, country: Code = None,
             area: Text = None, limit: Limit = PAGE, offset: Offset = 0,
             format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    rows = queries.list_articles(store.conn, language=language or None,
                                 country=country or None, area=area or None,
                                 limit=limit, offset=offset)
    return table_page(request, user, "articles.html", rows, ARTICLE_COLUMNS, format,
                      "articles", filters={"language": language, "country": country,
                                           "area": area}, limit=limit, offset=offset)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str, start: int | None = Query(None, ge=0),
            end: int | None = Query(None, ge=0), store: Store = StoreDep, user=UserDep):
    """The article with its mentions and evidence marked; start/end highlight one range."""
    item = _found(queries.article_detail(store.conn, article_id))
    text = item["text"]
    target = (start, end) if start is not None and end is not None and \
        start < end <= len(text) else None
    annotations = queries.article_annotations(item["extraction"], len(text),
                                              queries.entity_links(store.conn, article_id))
    return render(request, "article.html", {
        "a": item, "target": target,
        "segments": queries.highlight_segments(text, annotations, target),
        "events": queries.list_events(store.conn, article_id=article_id, limit=MAX_LIMIT),
        "facts": queries.list_facts(store.conn, article_id=article_id, limit=MAX_LIMIT),
    }, user)


@router.get("/facts")
def facts(request: Request, limit: Limit = PAGE, offset: Offset = 0, format: Fmt = "html",
          store: Store = StoreDep, user=UserDep):
    rows = queries.list_facts(store.conn, limit=limit, offset=offset)
    return table_page(request, user, "facts.html", rows, FACT_COLUMNS, format, "facts",
                      limit=limit, offset=offset)


@router.get("/search")
def search(request: Request, q: Text = None, language: Code = None,
           country: Code = None, limit: int = Query(20, ge=1, le=100),
           offset: Offset = 0, format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    from hoptac.store.search import SearchError

    found, error = {"results": [], "facets": {"language": [], "country": []}}, None
    if q and q.strip():
        try:
            found = run_search(store.conn, q.strip(), language=language or None,
                               country=country or None, limit=limit, offset=offset)
        except SearchError as err:
            error = str(err)
    return table_page(request, user, "search.html", found["results"],
                      ["id", "title", "published", "language", "snippet"], format, "search",
                      q=q or "", facets=found["facets"], language=language, country=country,
                      error=error,
                      limit=limit, offset=offset)


# --- review and corrections ---------------------------------------------------------------------


@router.get("/review")
def review(request: Request, kind: Annotated[str | None, Query(
               pattern="^(person|organization|agreement)?$")] = None,
           format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    rows = queries.review_queue(store.conn, kind=kind or None)
    targets = queries.merge_targets(store.conn) if user else {}
    return table_page(request, user, "review.html", rows, REVIEW_COLUMNS, format,
                      "review", kind=kind, targets=targets)


@router.post("/review")
def review_action(request: Request, csrf_token: str | None = Form(None),
                  item: str = Form(..., max_length=200),
                  kind: str = Form(..., pattern="^(person|organization|agreement)$"),
                  action: str = Form(
                      ..., pattern="^(confirm|reject|rename|merge|split|set_status)$"),
                  name: str | None = Form(None, max_length=300),
                  into: str | None = Form(None, max_length=200),
                  documents: Annotated[list[str] | None, Form()] = None,
                  status: str | None = Form(None, max_length=30),
                  date: str | None = Form(None, max_length=10),
                  reason: str | None = Form(None, max_length=1000),
                  back: str | None = Form(None, max_length=300),
                  store: Store = StoreDep, user=UserDep):
    """Confirm, reject, rename, merge or split one knowledge-base item, or set an
    agreement's stage (reviewers only)."""
    user = auth.require_user(user)
    auth.check_csrf(request, user, csrf_token)
    payload = _payload(action, name=name, into=into, documents=documents or [],
                       status=status, date=date)
    apply_correction(store, reviewer=user.username, action=action, target_kind=kind,
                     target={"item": item}, payload=payload, reason=reason or None)
    return RedirectResponse(_after(action, kind, payload, _local(back)), status_code=303)


def _payload(action: str, *, name: str | None, into: str | None, documents: list[str],
             status: str | None, date: str | None) -> dict | None:
    """The correction's payload from the form fields its action uses (400 when missing)."""
    def needed(value, what: str):
        if not value or (isinstance(value, str) and not value.strip()):
            raise HTTPException(status_code=400, detail=f"{action} needs {what}")
        return value.strip() if isinstance(value, str) else value

    if action == "rename":
        return {"name": needed(name, "a new name")}
    if action == "merge":
        return {"into": needed(into, "the item to merge into")}
    if action == "split":
        return {"documents": needed(documents, "the articles to split off")}
    if action == "set_status":
        payload = {"status": needed(status, "a stage")}
        if date and date.strip():
            if not EDTF_DAY.match(date.strip()):
                raise HTTPException(status_code=400, detail="date must be like 2026, 2026-04 "
                                                            "or 2026-04-15")
            payload["date"] = date.strip()
        return payload
    return None


def _after(action: str, kind: str, payload: dict | None, back: str | None) -> str:
    """Where to go once a correction is made: a rejected or merged item's page is gone."""
    if action == "reject":
        return "/review"
    if action == "merge":
        return queries.item_url(kind, payload["into"])
    return back or "/review"


@router.get("/corrections")
def corrections(request: Request, format: Fmt = "html", store: Store = StoreDep, user=UserDep):
    from hoptac.kb.corrections import list_corrections

    rows = list_corrections(store)[:MAX_LIMIT]
    return table_page(request, user, "corrections.html", rows, CORRECTION_COLUMNS, format,
                      "corrections")


@router.post("/corrections/{correction_id}/revert")
def revert_correction(request: Request, correction_id: int,
                      csrf_token: str | None = Form(None), store: Store = StoreDep,
                      user=UserDep):
    user = auth.require_user(user)
    auth.check_csrf(request, user, csrf_token)
    revert(store, correction_id, reviewer=user.username)
    return RedirectResponse("/corrections", status_code=303)


# --- login ------------------------------------------------------------------------------------


def _local(path: str | None) -> str | None:
    """`path` if it stays on this site (no open redirect), else None."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return None


@router.get("/login")
def login_form(request: Request, next: str | None = Query(None, max_length=300),
               user=UserDep):
    return render(request, "login.html", {"next": _local(next) or "/review", "error": None},
                  user)


@router.post("/login")
def login(request: Request, username: str = Form(..., max_length=64),
          password: str = Form(..., max_length=1024), csrf_token: str | None = Form(None),
          next: str | None = Form(None, max_length=300), store: Store = StoreDep):
    auth.check_csrf(request, None, csrf_token)
    if not auth.check_password(store.conn, username, password):
        return render(request, "login.html", {"next": _local(next) or "/review",
                                              "error": "Wrong user name or password."},
                      None, status_code=401)
    token, _ = auth.open_session(store.conn, username)
    response = RedirectResponse(_local(next) or "/review", status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, token, httponly=True, samesite="lax",
                        max_age=auth.SESSION_HOURS * 3600)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str | None = Form(None), store: Store = StoreDep,
           user=UserDep):
    user = auth.require_user(user)
    auth.check_csrf(request, user, csrf_token)
    auth.close_session(store.conn, request.cookies.get(auth.SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE)
    return response


def _found(value):
    if value is None:
        raise HTTPException(status_code=404, detail="not found")
    return value
