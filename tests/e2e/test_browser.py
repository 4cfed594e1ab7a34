"""End to end in headless Chromium: the seeds ingested, served, read, followed and corrected."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def visit(page, url: str, screenshots=None, name: str | None = None):
    """Open `url`, check it loaded without console errors, and save a screenshot."""
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    if screenshots is not None and name:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert page.console_errors == [], page.console_errors
    return response


def test_main_pages_render_without_console_errors(page, server, screenshots):
    visit(page, server + "/", screenshots, "overview")
    assert page.locator(".counts li").count() == 6
    articles = int(page.locator(".counts li").first.locator("strong").inner_text())
    assert articles == 5
    assert page.locator("table.matrix tbody tr").count() >= 1  # FR–VN on some area

    for path, name in (("/timeline", "timeline"), ("/agreements", "agreements"),
                       ("/persons", "persons"), ("/organizations", "organizations"),
                       ("/articles", "articles"), ("/facts", "facts"),
                       ("/review", "review"), ("/search?q=sant%C3%A9", "search"),
                       ("/corrections", "corrections-empty")):
        visit(page, server + path, screenshots, name)
        assert page.locator("h1").count() == 1
    visit(page, server + "/search?q=sant%C3%A9")
    assert page.locator("ol.results li").count() >= 1  # "santé" is in the French seeds


def test_person_page_links_each_article_to_a_mention(page, server, screenshots):
    visit(page, server + "/persons")
    page.locator("table.data tbody a[href^='/persons/']").first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "person.png"), full_page=True)
    name = page.locator("h1.entity-name").inner_text().strip()
    page.locator("a[href*='start=']").last.click()
    page.wait_for_load_state("networkidle")
    cited = page.locator("#evidence")
    assert cited.is_visible()
    assert page.console_errors == [], page.console_errors
    assert cited.inner_text().strip() != "" and name


def test_network_draws_the_graph(page, server, screenshots):
    visit(page, server + "/network")
    page.wait_for_function(
        "document.getElementById('network-status').textContent.includes('nodes')")
    assert page.locator("#network canvas").count() >= 1
    status = page.locator("#network-status").inner_text()
    assert int(re.match(r"(\d+) nodes", status).group(1)) > 5
    page.screenshot(path=str(screenshots / "network.png"), full_page=True)
    shown = "kind => hoptacNetwork.nodes(`[kind = '${kind}']`).filter(':visible').length"
    assert page.evaluate(shown, "person") > 0
    page.uncheck("input[name=kind][value=person]")
    assert page.evaluate(shown, "person") == 0 and page.evaluate(shown, "country") > 0
    page.screenshot(path=str(screenshots / "network-without-persons.png"), full_page=True)
    assert page.console_errors == [], page.console_errors


def test_an_agreement_leads_to_its_highlighted_sentence(page, server, screenshots):
    visit(page, server + "/")
    page.locator("header nav").get_by_role("link", name="Agreements").click()
    page.wait_for_load_state("networkidle")
    page.locator("table.data tbody a[href^='/agreements/']").first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "agreement.png"), full_page=True)
    link = page.locator("a.evidence-link").first
    quoted = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/articles/[^?]+\?start=\d+&end=\d+", page.url)
    cited = page.locator("#evidence")
    assert cited.is_visible()
    assert cited.evaluate("el => el.tagName") == "MARK"
    highlighted = " ".join(page.locator("article.text mark.target").all_inner_texts())
    assert quoted[:40] in re.sub(r"\s+", " ", "".join(
        page.locator("article.text mark.target").all_inner_texts())) or quoted[:40] in highlighted
    box = cited.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900  # scrolled into the viewport
    page.screenshot(path=str(screenshots / "article-evidence.png"))
    assert page.console_errors == [], page.console_errors


def test_a_reviewer_logs_in_and_renames_an_organization(page, server, screenshots, reviewer):
    username, password = reviewer
    visit(page, server + "/organizations")
    first = page.locator("table.data tbody a[href^='/organizations/']").first
    old_name = first.inner_text().strip()
    first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("form[action='/review']").count() == 0  # anonymous: read only
    page.get_by_role("link", name="Log in").last.click()
    page.wait_for_load_state("networkidle")
    visit(page, page.url, screenshots, "login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1.entity-name").inner_text().strip() == old_name
    assert username in page.locator("header .who").inner_text()

    new_name = f"{old_name} (renamed in review)"
    page.fill("input[name=name]", new_name)
    page.get_by_role("button", name="Rename").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1.entity-name").inner_text().strip() == new_name
    page.screenshot(path=str(screenshots / "organization-renamed.png"), full_page=True)

    visit(page, server + "/organizations")
    names = page.locator("table.data tbody td:first-child a").all_inner_texts()
    assert new_name in names and old_name not in names
    visit(page, server + "/agreements")
    page.locator("table.data tbody a[href^='/agreements/']").first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "agreement-review.png"), full_page=True)
    assert page.locator("select[name=status]").count() == 1
    visit(page, server + "/review", screenshots, "review-logged-in")
    assert page.locator("form[action='/review']").count() > 0
    visit(page, server + "/corrections", screenshots, "corrections")
    row = page.locator("table.data tbody tr").first
    assert "rename" in row.inner_text() and username in row.inner_text()
    assert page.console_errors == [], page.console_errors
