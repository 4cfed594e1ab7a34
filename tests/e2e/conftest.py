"""Browser tests: a real hoptac server on a free port, driven by Debian's headless Chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
REVIEWER, PASSWORD = "e2e-reviewer", "a long test passphrase"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, seed_dir) -> Path:
    """The seed articles ingested (extraction and knowledge base) into a fresh store, and one
    reviewer account."""
    from typer.testing import CliRunner

    from hoptac.cli import app
    from hoptac.store import Store
    from hoptac.web.auth import add_user

    db = tmp_path_factory.mktemp("e2e") / "seeds.db"
    result = CliRunner().invoke(app, ["ingest", str(seed_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    store = Store(db)
    try:
        with store.transaction() as conn:
            add_user(conn, REVIEWER, PASSWORD)
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def server(seeded_db):
    """Base URL of a uvicorn server running the app in a background thread."""
    import uvicorn

    from hoptac.web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(seeded_db), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error"
            and page.console_errors.append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: page.console_errors.append(f"{page.url}: {error}"))
    yield page
    context.close()


@pytest.fixture(scope="session")
def reviewer() -> tuple[str, str]:
    """The reviewer account `seeded_db` creates: (user name, password)."""
    return REVIEWER, PASSWORD


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
