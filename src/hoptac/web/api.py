"""The JSON API under /api. Reads are public; writes need a session and a CSRF header."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from hoptac.store import Store
from hoptac.web import auth, queries
from hoptac.web.deps import (
    MAX_LIMIT,
    MAX_QUERY,
    Code,
    Limit,
    Offset,
    Text,
    get_store,
    get_user,
)
from hoptac.web.searching import run_search
from hoptac.web.tables import table_response

router = APIRouter(prefix="/api", tags=["api"])

Fmt = Annotated[str, Query(pattern="^(json|csv)$")]
StoreDep = Depends(get_store)
UserDep = Depends(get_user)

ARTICLE_COLUMNS = ["id", "title", "published", "language", "agency", "url", "countries", "areas"]
ITEM_COLUMNS = ["id", "name", "aliases", "country", "support", "confirmed", "documents"]
REVIEW_COLUMNS = ["kind", "id", "name", "aliases", "country", "support", "reasons", "documents"]
EVENT_COLUMNS = ["date", "type", "place", "participants", "countries", "article_id",
                 "evidence_url"]
AGREEMENT_COLUMNS = ["id", "title", "agreement_kind", "status", "last_date", "countries",
                     "parties", "areas", "signed", "documents"]
FACT_COLUMNS = ["value", "unit", "measure", "date", "article_id", "evidence_url"]
CORRECTION_COLUMNS = ["id", "created_at", "reviewer", "action", "target_kind", "target",
                      "payload", "reason", "reverted_at", "reverted_by"]


def _found(value: dict | None, what: str) -> dict:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return value


@router.get("/overview")
def overview(store: Store = StoreDep) -> dict:
    """Counts, agreements by stage and the country-pair × area matrix."""
    return {"counts": queries.counts(store.conn),
            "agreements_by_stage": queries.agreements_by_stage(store.conn),
            "matrix": queries.country_area_matrix(store.conn)}


@router.get("/articles")
def articles(language: Code = None, country: Code = None,
             area: Text = None, limit: Limit = 100, offset: Offset = 0,
             format: Fmt = "json", store: Store = StoreDep):
    rows = queries.list_articles(store.conn, language=language, country=country, area=area,
                                 limit=limit, offset=offset)
    return table_response(rows, ARTICLE_COLUMNS, format, "articles")


@router.get("/articles/{article_id:path}")
def article(article_id: str, store: Store = StoreDep) -> dict:
    """An article: its text (every offset points into it) and its extraction."""
    return _found(queries.article_detail(store.conn, article_id), "article")


def _items(kind: str, q: str | None, limit: int, offset: int, format: str, store: Store):
    rows = queries.list_items(store.conn, kind, q=q, limit=limit, offset=offset)
    return table_response(rows, ITEM_COLUMNS, format, f"{kind}s")


@router.get("/persons")
def persons(q: Text = None, limit: Limit = 100, offset: Offset = 0,
            format: Fmt = "json", store: Store = StoreDep):
    return _items("person", q, limit, offset, format, store)


@router.get("/persons/{item_id}")
def person(item_id: str, store: Store = StoreDep) -> dict:
    return _found(queries.entity_detail(store.conn, "person", item_id), "person")


@router.get("/organizations")
def organizations(q: Text = None, limit: Limit = 100, offset: Offset = 0,
                  format: Fmt = "json", store: Store = StoreDep):
    return _items("organization", q, limit, offset, format, store)


@router.get("/organizations/{item_id}")
def organization(item_id: str, store: Store = StoreDep) -> dict:
    return _found(queries.entity_detail(store.conn, "organization", item_id), "organization")


@router.get("/agreements")
def agreements(country: Code = None, status: Text = None, format: Fmt = "json",
               store: Store = StoreDep):
    rows = queries.list_agreements(store.conn, country=country, status=status)[:MAX_LIMIT]
    return table_response(rows, AGREEMENT_COLUMNS, format, "agreements")


@router.get("/agreements/{item_id}")
def agreement(item_id: str, store: Store = StoreDep) -> dict:
    return _found(queries.agreement_detail(store.conn, item_id), "agreement")


@router.get("/events")
def events(country: Code = None, area: Text = None, since: Text = None,
           until: Text = None, limit: Limit = 100, offset: Offset = 0,
           format: Fmt = "json", store: Store = StoreDep):
    rows = queries.list_events(store.conn, country=country, area=area, since=since,
                               until=until, limit=limit, offset=offset)
    return table_response(rows, EVENT_COLUMNS, format, "events")


@router.get("/facts")
def facts(limit: Limit = 100, offset: Offset = 0, format: Fmt = "json",
          store: Store = StoreDep):
    rows = queries.list_facts(store.conn, limit=limit, offset=offset)
    return table_response(rows, FACT_COLUMNS, format, "facts")


@router.get("/search")
def search(q: str = Query(..., min_length=1, max_length=MAX_QUERY),
           language: Code = None, country: Code = None,
           since: Text = None, until: Text = None,
           limit: int = Query(20, ge=1, le=100), offset: Offset = 0,
           store: Store = StoreDep) -> dict:
    """Full-text search over articles (FTS5 syntax), with language and country facets."""
    from hoptac.store.search import SearchError

    try:
        return run_search(store.conn, q, language=language, country=country, since=since,
                          until=until, limit=limit, offset=offset)
    except SearchError as err:
        raise HTTPException(status_code=400, detail=str(err)) from err


@router.get("/network")
def network(store: Store = StoreDep) -> dict:
    """Countries, organizations and persons with weighted links (cytoscape elements)."""
    return queries.network(store.conn)


@router.get("/review")
def review(format: Fmt = "json", store: Store = StoreDep):
    """Knowledge-base items waiting for a reviewer: unconfirmed, with reasons to doubt."""
    rows = queries.review_queue(store.conn)
    return table_response(rows, REVIEW_COLUMNS, format, "review")


@router.get("/corrections")
def corrections(format: Fmt = "json", store: Store = StoreDep):
    from hoptac.kb.corrections import list_corrections

    rows = list_corrections(store)[:MAX_LIMIT]
    return table_response(rows, CORRECTION_COLUMNS, format, "corrections")


class CorrectionIn(BaseModel):
    """A reviewer's correction of one knowledge-base item."""

    action: Literal["confirm", "reject", "rename", "merge", "split", "set_status"]
    target_kind: Literal["person", "organization", "agreement"]
    target: dict[str, Any] = Field(description='{"item": kb_id}')
    payload: dict[str, Any] | None = None
    reason: str | None = Field(None, max_length=1000)


def _writer(request: Request, store: Store, csrf: str | None) -> auth.User:
    user = auth.require_user(auth.session_user(store.conn, request))
    auth.check_csrf(request, user, csrf)
    return user


@router.post("/corrections", status_code=201)
def add_correction(body: CorrectionIn, request: Request,
                   x_csrf_token: str | None = Header(None),
                   store: Store = StoreDep) -> dict:
    """Record a correction (login and X-CSRF-Token header required)."""
    from hoptac.web.review import apply_correction

    user = _writer(request, store, x_csrf_token)
    correction_id = apply_correction(store, reviewer=user.username, action=body.action,
                                     target_kind=body.target_kind, target=body.target,
                                     payload=body.payload, reason=body.reason)
    return {"id": correction_id}


@router.post("/corrections/{correction_id}/revert")
def revert_correction(correction_id: int, request: Request,
                      x_csrf_token: str | None = Header(None),
                      store: Store = StoreDep) -> dict:
    from hoptac.web.review import revert

    user = _writer(request, store, x_csrf_token)
    revert(store, correction_id, reviewer=user.username)
    return {"id": correction_id, "reverted": True}


@router.get("/me")
def me(user: auth.User | None = UserDep) -> dict:
    """Who is logged in, and the CSRF token for write requests."""
    if user is None:
        return {"user": None}
    return {"user": user.username, "csrf_token": user.csrf}
