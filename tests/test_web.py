"""The web UI and JSON API on a store filled with short articles written for these tests."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from hoptac.model import Article
from hoptac.store import Store
from hoptac.web import auth
from hoptac.web.app import create_app

EN_TEXT = (
    "Hanoi, 6 November 2025 - Deputy Minister of Health Nguyen Van An received Dr Claire Morel, "
    "director of Lyon Civil Hospices, at the Ministry of Health. The two sides agreed to draft a "
    "memorandum of understanding on nurse training, to be signed in Paris in January 2026. "
    "Lyon Civil Hospices has trained 45 Vietnamese doctors since 2015.")
SIGNED_TEXT = (
    "Paris, 10 February 2026 - Lyon Civil Hospices and the Ministry of Health signed the "
    "memorandum of understanding on nurse training today.")
FR_TEXT = (
    "Le 12 janvier 2026, le vice-ministre Nguyen Van An a rencontré à Paris les Hospices civils "
    "de Lyon pour préparer la formation des infirmiers.")
VI_TEXT = (
    "Ngày 20/3/2026, Thứ trưởng Bộ Y tế Nguyễn Văn An đã tiếp đoàn Bệnh viện Chợ Rẫy và "
    "Đại học Y Hà Nội để bàn về hợp tác đào tạo.")
HOSTILE_TEXT = (
    "A note <script>alert('x')</script> about the <img src=x onerror=alert(1)> clinic "
    "cooperation between Japan and Viet Nam.")


def _span(text: str, fragment: str) -> dict:
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment)}


def _evidence(text: str, fragment: str) -> dict:
    return {**_span(text, fragment), "text": fragment}


def _en_extraction() -> dict:
    t = EN_TEXT
    return {
        "schema": "hoptac.extraction/1",
        "document": {"title": "Viet Nam and France on nurse training", "language": "en",
                     "published": "2025-11-06", "source_url": None, "agency": None},
        "countries": ["VN", "FR"],
        "persons": [
            {"id": "p1", "name": "Nguyen Van An", "aliases": [], "country": "VN",
             "roles": [{"title": "Deputy Minister of Health", "organization": "o2"}],
             "mentions": [_span(t, "Nguyen Van An")]},
            {"id": "p2", "name": "Claire Morel", "aliases": [], "country": "FR",
             "roles": [{"title": "director", "organization": "o1"}],
             "mentions": [_span(t, "Claire Morel")]},
        ],
        "organizations": [
            {"id": "o1", "name": "Lyon Civil Hospices", "aliases": [], "country": "FR",
             "kind": "hospital", "mentions": [_span(t, "Lyon Civil Hospices")]},
            {"id": "o2", "name": "Ministry of Health", "aliases": [], "country": "VN",
             "kind": "ministry", "mentions": [_span(t, "Ministry of Health")]},
        ],
        "events": [
            {"id": "e1", "type": "meeting", "date": "2025-11-06", "date_text": "6 November 2025",
             "place": "Hanoi", "participants": ["p1", "p2", "o1"], "countries": ["VN", "FR"],
             "evidence": _evidence(t, t[: t.index("Health.") + 7])},
        ],
        "agreements": [
            {"id": "a1", "kind": "mou", "title": "memorandum of understanding on nurse training",
             "countries": ["VN", "FR"], "parties": ["o1", "o2"], "status": "draft",
             "signed": None, "planned": {"date": "2026-01", "place": "Paris"},
             "areas": ["training", "nursing"],
             "evidence": _evidence(t, "The two sides agreed to draft a memorandum of "
                                      "understanding on nurse training")},
        ],
        "areas": ["training", "nursing"],
        "facts": [{"value": 45, "unit": "doctors", "measure": "Vietnamese doctors trained",
                   "date": None, "evidence": _evidence(t, "trained 45 Vietnamese doctors")}],
    }


def _fr_extraction() -> dict:
    t = FR_TEXT
    return {
        "schema": "hoptac.extraction/1",
        "document": {"title": "Formation des infirmiers", "language": "fr",
                     "published": "2026-01-12", "source_url": None, "agency": None},
        "countries": ["VN", "FR"],
        "persons": [{"id": "p1", "name": "Nguyen Van An", "aliases": [], "country": "VN",
                     "roles": [{"title": "vice-ministre", "organization": None}],
                     "mentions": [_span(t, "Nguyen Van An")]}],
        "organizations": [{"id": "o1", "name": "Hospices civils de Lyon", "aliases": [],
                           "country": "FR", "kind": "hospital",
                           "mentions": [_span(t, "Hospices civils de Lyon")]}],
        "events": [{"id": "e1", "type": "meeting", "date": "2026-01-12",
                    "date_text": "12 janvier 2026", "place": "Paris",
                    "participants": ["p1", "o1"], "countries": ["VN", "FR"],
                    "evidence": _evidence(t, t)}],
        "agreements": [],
        "areas": ["nursing", "training"],
        "facts": [],
    }


def _signed_extraction() -> dict:
    t = SIGNED_TEXT
    return {
        "schema": "hoptac.extraction/1",
        "document": {"title": "Nurse training memorandum signed", "language": "en",
                     "published": "2026-02-10", "source_url": None, "agency": None},
        "countries": ["VN", "FR"],
        "persons": [],
        "organizations": [
            {"id": "o1", "name": "Lyon Civil Hospices", "aliases": [], "country": "FR",
             "kind": "hospital", "mentions": [_span(t, "Lyon Civil Hospices")]},
            {"id": "o2", "name": "Ministry of Health", "aliases": [], "country": "VN",
             "kind": "ministry", "mentions": [_span(t, "Ministry of Health")]},
        ],
        "events": [{"id": "e1", "type": "signing", "date": "2026-02-10",
                    "date_text": "10 February 2026", "place": "Paris",
                    "participants": ["o1", "o2"], "countries": ["VN", "FR"],
                    "evidence": _evidence(t, t)}],
        "agreements": [{"id": "a1", "kind": "mou",
                        "title": "memorandum of understanding on nurse training",
                        "countries": ["VN", "FR"], "parties": ["o1", "o2"], "status": "signed",
                        "signed": "2026-02-10", "planned": None, "areas": ["nursing"],
                        "evidence": _evidence(t, t)}],
        "areas": ["nursing"],
        "facts": [],
    }


def _vi_extraction() -> dict:
    t = VI_TEXT
    return {
        "schema": "hoptac.extraction/1",
        "document": {"title": "Hợp tác đào tạo", "language": "vi", "published": "2026-03-20",
                     "source_url": None, "agency": None},
        "countries": ["VN"],
        "persons": [{"id": "p1", "name": "Nguyễn Văn An", "aliases": ["Nguyen Van An"],
                     "country": "VN", "roles": [{"title": "Thứ trưởng", "organization": "o1"}],
                     "mentions": [_span(t, "Nguyễn Văn An")]}],
        "organizations": [
            {"id": "o1", "name": "Bộ Y tế", "aliases": [], "country": "VN", "kind": "ministry",
             "mentions": [_span(t, "Bộ Y tế")]},
            {"id": "o2", "name": "Bệnh viện Chợ Rẫy", "aliases": [], "country": "VN",
             "kind": "hospital", "mentions": [_span(t, "Bệnh viện Chợ Rẫy")]},
        ],
        "events": [{"id": "e1", "type": "meeting", "date": "2026-03-20", "date_text": "20/3/2026",
                    "place": None, "participants": ["p1", "o2"], "countries": ["VN"],
                    "evidence": _evidence(t, t)}],
        "agreements": [], "areas": ["training"], "facts": [],
    }


def _hostile_extraction() -> dict:
    t = HOSTILE_TEXT
    return {
        "schema": "hoptac.extraction/1",
        "document": {"title": "<script>alert('title')</script>", "language": "en",
                     "published": None, "source_url": None, "agency": None},
        "countries": ["JP", "VN"],
        "persons": [],
        "organizations": [{"id": "o1", "name": "<img src=x onerror=alert(3)> Clinic",
                           "aliases": [], "country": "JP", "kind": "hospital",
                           "mentions": [_span(t, "<img src=x onerror=alert(1)> clinic")]}],
        "events": [], "agreements": [], "areas": ["public_health"], "facts": [],
    }


ARTICLES = {
    "en-nurses": (EN_TEXT, _en_extraction),
    "fr-infirmiers": (FR_TEXT, _fr_extraction),
    "en-signed": (SIGNED_TEXT, _signed_extraction),
    "vi-dao-tao": (VI_TEXT, _vi_extraction),
    "hostile": (HOSTILE_TEXT, _hostile_extraction),
}


def fill_store(store: Store) -> None:
    """Articles and their extractions, then the knowledge base resolved from them."""
    from hoptac.kb.resolve import rebuild_kb

    with store.transaction():
        for article_id, (text, extraction) in ARTICLES.items():
            doc = extraction()
            meta = doc["document"]
            store.save_article(Article(id=article_id, text=text, title=meta["title"],
                                       language=meta["language"],
                                       published=meta["published"]), doc, "test")
    rebuild_kb(store)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "web.db"
    store = Store(path)
    fill_store(store)
    with store.transaction() as conn:
        auth.add_user(conn, "reviewer", "correct horse battery")
    store.close()
    return path


# short names for items the knowledge base resolves, found by one (article, local id) they link
ITEMS = {
    "an": ("en-nurses", "p1"),
    "morel": ("en-nurses", "p2"),
    "hcl": ("en-nurses", "o1"),
    "moh": ("vi-dao-tao", "o1"),
    "choray": ("vi-dao-tao", "o2"),
    "hostile": ("hostile", "o1"),
    "mou": ("en-nurses", "a1"),
}


def _kb_items(db_path) -> dict[str, tuple[str, str, str]]:
    """short name -> (kb id, kind, current name)."""
    store = Store(db_path)
    try:
        out = {}
        for short, (article, local_id) in ITEMS.items():
            row = store.conn.execute(
                "SELECT i.id, i.kind, i.name FROM kb_links l JOIN kb_items i ON i.id = l.item_id "
                "WHERE l.article_id = ? AND l.local_id = ?", (article, local_id)).fetchone()
            assert row, f"the knowledge base has nothing for {article} {local_id}"
            out[short] = (row["id"], row["kind"], row["name"])
        return out
    finally:
        store.close()


@pytest.fixture
def kb(db_path) -> dict[str, tuple[str, str, str]]:
    return _kb_items(db_path)


@pytest.fixture
def ids(kb) -> dict[str, str]:
    return {short: item[0] for short, item in kb.items()}


@pytest.fixture
def names(kb) -> dict[str, str]:
    return {short: item[2] for short, item in kb.items()}


@pytest.fixture
def client(db_path):
    with TestClient(create_app(db_path)) as c:
        yield c


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client: TestClient, password: str = "correct horse battery"):
    token = csrf_from(client.get("/login").text)
    return client.post("/login", data={"username": "reviewer", "password": password,
                                       "csrf_token": token, "next": "/review"},
                       follow_redirects=False)


# --- pages ----------------------------------------------------------------------------------------

PAGES = ["/", "/timeline", "/timeline?country=FR&area=nursing&since=2026", "/agreements",
         "/agreements/{mou}", "/network", "/persons", "/persons/{an}", "/persons/{morel}",
         "/organizations", "/organizations/{hcl}", "/organizations/{moh}", "/articles",
         "/articles/en-nurses", "/articles/vi-dao-tao", "/facts", "/review", "/login", "/search",
         "/corrections"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(client, ids, path):
    response = client.get(path.format(**ids))
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in response.headers


def test_overview_shows_counts_stages_and_matrix(client):
    html = client.get("/").text
    assert re.search(r"<strong>5</strong> articles", html)
    assert re.search(r"<strong>2</strong> persons", html)
    assert "s-signed" in html  # the agreement's current stage
    assert "France – Vietnam" in html or "France – Viet Nam" in html  # country-pair row
    assert "nursing" in html


def test_timeline_filters_by_country_area_and_date(client, names):
    every = client.get("/api/events").json()["items"]
    assert [e["date"] for e in every] == ["2026-03-20", "2026-02-10", "2026-01-12", "2025-11-06"]
    french = client.get("/api/events?country=FR").json()["items"]
    assert {e["article_id"] for e in french} == {"en-nurses", "fr-infirmiers", "en-signed"}
    since_2026 = client.get("/api/events?country=FR&since=2026").json()["items"]
    assert [e["article_id"] for e in since_2026] == ["en-signed", "fr-infirmiers"]
    html = client.get("/timeline").text
    years = re.findall(r'<tr class="year"><th colspan="6" scope="rowgroup">(\d{4})</th>', html)
    assert years == ["2026", "2025"]
    until_2025 = client.get("/api/events?until=2025").json()["items"]
    assert [e["article_id"] for e in until_2025] == ["en-nurses"]
    participants = [p["name"] for p in every[-1]["participants"]]
    assert participants == [names["an"], names["morel"], names["hcl"]]


def test_agreement_page_links_history_to_evidence(client, ids, names):
    html = client.get(f"/agreements/{ids['mou']}").text
    start = EN_TEXT.index("The two sides agreed")
    assert f"/articles/en-nurses?start={start}&amp;end=" in html
    assert escape(names["hcl"]) in html and escape(names["moh"]) in html  # parties via KB
    data = client.get(f"/api/agreements/{ids['mou']}").json()
    assert [h["status"] for h in data["history"]] == ["draft", "signed"]
    signed = client.get("/agreements", params={"status": "signed", "format": "json"}).json()
    assert [a["id"] for a in signed["items"]] == [ids["mou"]]
    assert signed["items"][0]["last_date"] == "2026-02-10"
    drafts = client.get("/agreements", params={"status": "draft", "format": "json"}).json()
    assert drafts["items"] == []
    assert data["areas"] == ["nursing", "training"]


def test_article_page_highlights_the_requested_range(client):
    fragment = "trained 45 Vietnamese doctors"
    start = EN_TEXT.index(fragment)
    html = client.get(f"/articles/en-nurses?start={start}&end={start + len(fragment)}").text
    marked = re.search(r'<mark class="target[^"]*" id="evidence"[^>]*>([^<]*)</mark>', html)
    assert marked and fragment.startswith(marked.group(1))
    highlighted = "".join(re.findall(r'<mark class="target[^"]*"[^>]*>([^<]*)</mark>', html))
    assert highlighted == fragment
    assert re.search(r'class="[^"]*hl-person', html)  # mentions marked too


def test_article_mentions_link_to_their_knowledge_base_pages(client, ids, names):
    html = client.get("/articles/vi-dao-tao").text
    linked = dict(re.findall(r'<a class="entity-link" href="(/[^"]+)">([^<]+)</a>', html))
    assert linked[f"/persons/{ids['an']}"] == "Nguyễn Văn An"
    assert linked[f"/organizations/{ids['choray']}"] == "Bệnh viện Chợ Rẫy"


def test_articles_without_a_title_show_their_first_line():
    from hoptac.web.queries import display_title

    assert display_title("Given title", "whatever") == "Given title"
    assert display_title(None, " date 2025-11-13 Hanoi and Lyon sign\nBody") == \
        "Hanoi and Lyon sign"
    long = display_title(None, "Le 31 octobre, " + "une très longue phrase " * 10)
    assert long.endswith("…") and len(long) <= 91 and not long[:-1].endswith(" ")


def test_article_page_ignores_a_range_outside_the_text(client):
    html = client.get("/articles/en-nurses?start=5&end=999999").text
    assert 'id="evidence"' not in html


def test_entity_pages_show_roles_events_agreements_and_articles(client, ids):
    person = client.get(f"/api/persons/{ids['an']}").json()
    assert {r["title"] for r in person["roles"]} == {"Deputy Minister of Health",
                                                      "vice-ministre", "Thứ trưởng"}
    assert len(person["events"]) == 3
    assert {a["id"] for a in person["articles"]} == {"en-nurses", "fr-infirmiers", "vi-dao-tao"}
    org = client.get(f"/api/organizations/{ids['hcl']}").json()
    assert [a["id"] for a in org["agreements"]] == [ids["mou"]]
    assert any(m["name"] == "Claire Morel" for m in org["members"])
    html = client.get(f"/organizations/{ids['moh']}").text
    assert "Deputy Minister of Health" in html


def test_network_has_countries_organizations_and_persons(client, ids):
    data = client.get("/api/network").json()
    kinds = {n["data"]["kind"] for n in data["nodes"]}
    assert kinds == {"country", "organization", "person"}
    nodes = {n["data"]["id"] for n in data["nodes"]}
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes
               for e in data["edges"])
    pairs = {frozenset((e["data"]["source"], e["data"]["target"])) for e in data["edges"]}
    assert frozenset((ids["morel"], ids["hcl"])) in pairs  # a role
    assert frozenset(("country:FR", "country:VN")) in pairs  # cooperation


def test_vendored_network_library_is_served_locally(client):
    html = client.get("/network").text
    assert "/static/vendor/cytoscape" in html and "http" not in html.split("<main>")[1].split(
        "</main>")[0].replace('href="/api', "")
    script = client.get("/static/vendor/cytoscape-3.34.4.min.js")
    assert script.status_code == 200 and "cytoscape" in script.text[:2000].lower()


# --- downloads and bounds ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/timeline", "/agreements", "/persons", "/organizations",
                                  "/articles", "/facts", "/review"])
def test_tables_download_as_csv_and_json(client, path):
    as_json = client.get(path, params={"format": "json"})
    assert as_json.status_code == 200
    items = as_json.json()["items"]
    assert items
    as_csv = client.get(path, params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert len(rows) == len(items) + 1


def test_csv_cells_cannot_become_formulas():
    from hoptac.web.tables import to_csv

    out = to_csv([{"name": "=HYPERLINK(\"x\")", "list": ["a", "b"]}], ["name", "list"])
    assert out.splitlines()[1] == "\"'=HYPERLINK(\"\"x\"\")\",a; b"


def test_page_and_query_sizes_are_bounded(client):
    assert client.get("/api/articles?limit=100000").status_code == 422
    assert client.get("/api/search", params={"q": "x" * 5000}).status_code == 422
    assert client.get("/timeline?limit=100000").status_code == 422
    assert client.get("/api/articles?limit=2").json()["count"] == 2


def test_openapi_document_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/persons", "/api/organizations", "/api/events",
                 "/api/agreements", "/api/facts", "/api/search", "/api/network",
                 "/api/corrections"):
        assert path in paths
    assert "/timeline" not in paths


def test_unknown_items_are_404(client):
    assert client.get("/persons/nobody").status_code == 404
    assert client.get("/api/agreements/nothing").status_code == 404
    assert client.get("/articles/missing").status_code == 404


# --- escaping ---------------------------------------------------------------------------------


def test_article_text_and_names_are_escaped(client, ids):
    html = client.get("/articles/hostile").text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "onerror=alert(1)&gt;" in html
    for path in ("/organizations", f"/organizations/{ids['hostile']}", "/review", "/articles",
                 "/search?q=note"):
        page = client.get(path).text
        assert "<img src=x" not in page and "<script>alert" not in page, path


def test_only_http_source_urls_become_links(db_path):
    store = Store(db_path)
    with store.transaction():
        for article_id, url in (("js-url", "javascript:alert(1)"), ("web-url", "https://x.vn/a")):
            store.save_article(Article(id=article_id, text="Short text.", url=url), None, "t")
    store.close()
    with TestClient(create_app(db_path)) as client:
        assert "javascript:" not in client.get("/articles/js-url").text
        assert 'href="https://x.vn/a"' in client.get("/articles/web-url").text


def test_article_ids_with_url_characters_are_linked_safely(db_path):
    odd = "feed.jsonl#2 a/b?c"
    store = Store(db_path)
    with store.transaction():
        store.save_article(Article(id=odd, text="Un court texte.", title="Odd"), None, "t")
    store.close()
    with TestClient(create_app(db_path)) as client:
        html = client.get("/articles").text
        href = re.search(r'<a href="(/articles/[^"]+)">Odd</a>', html).group(1)
        assert href == "/articles/feed.jsonl%232%20a%2Fb%3Fc"
        assert "Un court texte." in client.get(href).text


# --- auth, CSRF and writes -------------------------------------------------------------------


def test_login_with_a_wrong_password_fails(client):
    response = login(client, password="wrong")
    assert response.status_code == 401
    assert auth.SESSION_COOKIE not in response.cookies


def test_login_needs_the_csrf_token(client):
    client.get("/login")
    response = client.post("/login", data={"username": "reviewer",
                                           "password": "correct horse battery"})
    assert response.status_code == 403


def test_session_cookie_is_httponly_and_samesite(client):
    response = login(client)
    assert response.status_code == 303
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header


def test_writes_need_a_login(client, ids):
    token = csrf_from(client.get("/login").text)
    form = {"csrf_token": token, "item": ids["hcl"], "kind": "organization", "action": "confirm"}
    assert client.post("/review", data=form).status_code == 401
    body = {"action": "confirm", "target_kind": "organization", "target": {"item": ids["hcl"]}}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/corrections/1/revert", data={"csrf_token": token}).status_code == 401


def test_writes_need_the_session_csrf_token(client, ids):
    login(client)
    form = {"item": ids["hcl"], "kind": "organization", "action": "confirm"}
    assert client.post("/review", data=form).status_code == 403
    assert client.post("/review", data={**form, "csrf_token": "forged"}).status_code == 403
    body = {"action": "confirm", "target_kind": "organization", "target": {"item": ids["hcl"]}}
    assert client.post("/api/corrections", json=body).status_code == 403


def test_review_queue_lists_items_with_little_support(client, ids):
    rows = client.get("/api/review").json()["items"]
    waiting = {r["id"]: r["reasons"] for r in rows}
    assert {ids["morel"], ids["choray"], ids["hostile"]} <= waiting.keys()
    assert waiting[ids["morel"]] == ["one article"]
    assert ids["an"] not in waiting and ids["mou"] not in waiting  # several articles say so
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/review?format=csv").text)))
    assert {r["reasons"] for r in csv_rows} == {"one article"}


def test_anonymous_visitors_see_no_correction_forms(client):
    html = client.get("/review").text
    assert 'action="/review"' not in html
    assert 'action="/review"' in (login(client) and client.get("/review").text)



def review_form(client: TestClient, kb: dict, short: str, action: str, **fields) -> dict:
    item_id, kind, _ = kb[short]
    token = csrf_from(client.get("/review").text)
    return {"csrf_token": token, "item": item_id, "kind": kind, "action": action, **fields}


def test_a_reviewer_renames_an_organization(client, kb, ids, names):
    login(client)
    form = review_form(client, kb, "choray", "rename", name="Chợ Rẫy Hospital",
                       reason="English name")
    response = client.post("/review", data=form, follow_redirects=False)
    assert response.status_code == 303
    now = [i["name"] for i in client.get("/api/organizations").json()["items"]]
    assert "Chợ Rẫy Hospital" in now and names["choray"] not in now
    assert "Chợ Rẫy Hospital" in client.get("/organizations").text
    log = client.get("/api/corrections").json()["items"]
    assert [(c["reviewer"], c["action"], c["payload"]["name"]) for c in log] == [
        ("reviewer", "rename", "Chợ Rẫy Hospital")]
    page = client.get("/corrections").text
    assert f'{ids["choray"]}">{escape(names["choray"])}</a>' in page  # the item as it was named
    assert "name: Chợ Rẫy Hospital" in page


def test_confirming_an_item_takes_it_off_the_review_queue(client, kb, ids):
    login(client)
    client.post("/review", data=review_form(client, kb, "morel", "confirm"))
    waiting = {r["id"] for r in client.get("/api/review").json()["items"]}
    assert ids["morel"] not in waiting and ids["choray"] in waiting


def test_reject_then_revert_from_the_corrections_page(client, kb, ids, names):
    login(client)
    client.post("/review", data=review_form(client, kb, "hostile", "reject"))
    now = {i["name"] for i in client.get("/api/organizations").json()["items"]}
    assert names["hostile"] not in now
    html = client.get("/corrections").text
    correction = re.search(r'action="/corrections/(\d+)/revert"', html).group(1)
    response = client.post(f"/corrections/{correction}/revert",
                           data={"csrf_token": csrf_from(html)}, follow_redirects=False)
    assert response.status_code == 303
    now = {i["name"] for i in client.get("/api/organizations").json()["items"]}
    assert names["hostile"] in now
    assert client.get("/api/corrections").json()["items"][0]["reverted_by"] == "reviewer"


def test_merge_from_the_form_joins_two_organizations(client, kb, ids, names):
    login(client)
    client.post("/review", data=review_form(client, kb, "choray", "merge", into=ids["moh"]))
    orgs = {o["id"]: o for o in client.get("/api/organizations").json()["items"]}
    assert ids["choray"] not in orgs
    merged = client.get(f"/api/organizations/{ids['moh']}").json()
    assert {names["moh"], names["choray"]} <= {merged["name"], *merged["aliases"]}


def test_bad_corrections_are_refused(client, kb, ids):
    login(client)
    form = review_form(client, kb, "choray", "rename", name="   ")
    assert client.post("/review", data=form).status_code == 400
    form = review_form(client, kb, "choray", "merge", into="org-does-not-exist")
    assert client.post("/review", data=form).status_code == 400
    form = review_form(client, kb, "choray", "confirm")
    assert client.post("/review", data={**form, "item": "nothing"}).status_code == 404


def test_api_corrections_with_the_csrf_header(client, ids, names):
    login(client)
    me = client.get("/api/me").json()
    assert me["user"] == "reviewer"
    body = {"action": "rename", "target_kind": "person", "target": {"item": ids["morel"]},
            "payload": {"name": "Dr Claire Morel"}}
    response = client.post("/api/corrections", json=body,
                           headers={"X-CSRF-Token": me["csrf_token"]})
    assert response.status_code == 201
    now = {p["name"] for p in client.get("/api/persons").json()["items"]}
    assert "Dr Claire Morel" in now
    revert = client.post(f"/api/corrections/{response.json()['id']}/revert",
                         headers={"X-CSRF-Token": me["csrf_token"]})
    assert revert.status_code == 200
    assert names["morel"] in {p["name"] for p in client.get("/api/persons").json()["items"]}


def test_logout_ends_the_session(client):
    login(client)
    token = csrf_from(client.get("/review").text)
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/api/me").json() == {"user": None}


# --- search -------------------------------------------------------------------------------------


def test_search_with_language_and_country_facets(client):
    found = client.get("/api/search", params={"q": "infirmiers"}).json()
    assert [r["id"] for r in found["results"]] == ["fr-infirmiers"]
    everything = client.get("/api/search", params={"q": "Nguyen"}).json()
    languages = {f["value"]: f["count"] for f in everything["facets"]["language"]}
    assert languages == {"en": 1, "fr": 1, "vi": 1}  # folded: Nguyễn matches Nguyen
    only_vi = client.get("/api/search", params={"q": "Nguyen", "language": "vi"}).json()
    assert [r["id"] for r in only_vi["results"]] == ["vi-dao-tao"]
    html = client.get("/search", params={"q": "Nguyen", "country": "FR"}).text
    assert "en-nurses" in html and "vi-dao-tao" not in html
    assert "<mark>Nguyen</mark>" in html


def test_search_reports_a_query_it_cannot_read(client):
    assert client.get("/api/search", params={"q": '"'}).status_code == 400


def test_review_queue_filters_by_kind_and_offers_merge_targets(client, ids):
    persons = client.get("/review", params={"kind": "person", "format": "json"}).json()
    assert persons["items"] and {i["kind"] for i in persons["items"]} == {"person"}
    assert client.get("/review", params={"kind": "place"}).status_code == 422
    login(client)
    html = client.get(f"/organizations/{ids['choray']}").text
    options = re.findall(r'<option value="([^"]+)">', html)
    assert ids["moh"] in options and ids["choray"] not in options
    assert ids["an"] not in options  # only items of the same kind


def test_matrix_cells_link_to_the_articles_of_both_countries(client):
    html = client.get("/").text
    assert "/articles?country=FR&amp;country2=VN&amp;area=nursing" in html
    rows = client.get("/articles", params={"country": "FR", "country2": "VN",
                                           "area": "nursing", "format": "json"}).json()
    assert {r["id"] for r in rows["items"]} == {"en-nurses", "fr-infirmiers", "en-signed"}
    japan = client.get("/api/articles", params={"country": "JP"}).json()["items"]
    assert [r["id"] for r in japan] == ["hostile"]


def test_detail_tables_download_too(client, ids):
    history = client.get(f"/agreements/{ids['mou']}", params={"format": "csv"}).text
    rows = list(csv.reader(io.StringIO(history)))
    assert rows[0][:2] == ["date", "status"] and [r[1] for r in rows[1:]] == ["draft", "signed"]
    events = client.get(f"/persons/{ids['an']}", params={"format": "json"}).json()
    assert events["count"] == 3


def test_events_of_unknown_year_are_outside_any_date_range(store):
    from hoptac.web.queries import list_events

    text = "Le 6 novembre, le ministre a reçu une délégation japonaise à Hanoï."
    doc = {"countries": ["VN", "JP"], "events": [
        {"id": "e1", "type": "meeting", "date": "XXXX-11-06", "countries": ["VN", "JP"],
         "participants": [], "evidence": _evidence(text, text)}]}
    with store.transaction():
        store.save_article(Article(id="undated", text=text, language="fr"), doc, "test")
    assert [e["date"] for e in list_events(store.conn)] == ["XXXX-11-06"]
    assert list_events(store.conn, since="2020") == []
    assert list_events(store.conn, until="2030") == []


def test_a_reviewer_sets_an_agreements_stage(client, kb, ids):
    login(client)
    html = client.get(f"/agreements/{ids['mou']}").text
    assert 'name="action" value="set_status"' in html
    form = review_form(client, kb, "mou", "set_status", status="in_force", date="2026-03")
    response = client.post("/review", data=form, follow_redirects=False)
    assert response.status_code == 303
    data = client.get(f"/api/agreements/{ids['mou']}").json()
    assert data["status"] == "in_force"
    assert (data["history"][-1]["status"], data["history"][-1]["date"],
            data["history"][-1]["source"]) == ("in_force", "2026-03", "correction")
    bad = review_form(client, kb, "mou", "set_status", status="in_force", date="March")
    assert client.post("/review", data=bad).status_code == 400


def test_a_reviewer_splits_an_item_by_article(client, kb, ids):
    login(client)
    html = client.get(f"/agreements/{ids['mou']}").text
    assert re.findall(r'name="documents" value="([^"]+)"', html) == ["en-nurses", "en-signed"]
    form = review_form(client, kb, "mou", "split", documents=["en-signed"])
    assert client.post("/review", data=form, follow_redirects=False).status_code == 303
    agreements = client.get("/api/agreements").json()["items"]
    assert sorted(a["documents"] for a in agreements) == [["en-nurses"], ["en-signed"]]
    nothing = review_form(client, kb, "hcl", "split")
    assert client.post("/review", data=nothing).status_code == 400


def test_after_a_merge_the_reviewer_lands_on_the_merged_item(client, kb, ids):
    login(client)
    form = review_form(client, kb, "choray", "merge", into=ids["moh"],
                       back=f"/organizations/{ids['choray']}")
    response = client.post("/review", data=form, follow_redirects=False)
    assert response.headers["location"] == f"/organizations/{ids['moh']}"
    assert client.get(response.headers["location"]).status_code == 200


@pytest.mark.parametrize("path", ["/", "/timeline", "/agreements", "/network", "/persons",
                                  "/organizations", "/articles", "/facts", "/review",
                                  "/corrections", "/search?q=sante", "/api/network",
                                  "/api/overview"])
def test_an_empty_store_serves_every_page(tmp_path, path):
    with TestClient(create_app(tmp_path / "empty.db")) as empty:
        response = empty.get(path)
    assert response.status_code == 200, response.text[:300]


def test_doubts_name_what_a_reviewer_should_check():
    from hoptac.web.queries import doubts

    agreement = {"kind": "agreement", "data": {"parties": [], "status": None}}
    assert doubts(agreement, {"support": 3, "country": None}) == ["no party", "no stage"]
    person = {"kind": "person", "data": {}}
    assert doubts(person, {"support": 1, "country": None}) == ["one article", "no country"]
    assert doubts(person, {"support": 2, "country": "VN"}) == []


def test_figures_are_grouped_for_reading():
    from hoptac.web.deps import readable_number

    assert readable_number(18260000) == "18\u202f260\u202f000"
    assert readable_number(93.35) == "93.35"
    assert readable_number(1234.5) == "1\u202f234.5"
    assert readable_number(5.0) == "5"
    assert readable_number(None) == ""
    assert readable_number(1e-05) == "1e-05"
