"""Shared fixtures: an app on a fresh SQLite file, a client, a CLI runner, answer builders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from quizapp import create_app
from quizapp.engine import load_library
from quizapp.extensions import db

from .browser import CHROMIUM, CHROMIUM_ARGS, VENDOR, LiveServer

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "questionnaires"


@pytest.fixture(scope="session")
def library():
    """The shipped questionnaires and handbook."""
    return load_library(QUESTIONNAIRES)


# `make test` runs the suite a second time on PostgreSQL, with this variable set.
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL")
# Every app fresh_app makes in a test; their connection pools are closed when the test ends, so
# no database connection outlives its test (an open psycopg connection collected later is a
# ResourceWarning, an error under filterwarnings = error).
_MADE: list = []


@pytest.fixture(autouse=True)
def _close_pools():
    yield
    while _MADE:
        made = _MADE.pop()
        with made.app_context():
            db.session.remove()
            db.engine.dispose()


def fresh_app(tmp_path, **config):
    """An app on an empty database: a SQLite file in tmp_path, or TEST_DATABASE_URL; its
    connections are closed after the test."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": POSTGRES_URL or f"sqlite:///{tmp_path / 'test.sqlite'}",
            "WTF_CSRF_ENABLED": False,
            # Rate limits have their own tests (tests/test_limits.py).
            "RATELIMIT_ENABLED": False,
            **config,
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    _MADE.append(app)
    return app


@pytest.fixture
def app(tmp_path):
    """An app with its own empty database: SQLite, or PostgreSQL with TEST_DATABASE_URL."""
    return fresh_app(tmp_path, SERVER_NAME="localhost")


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def live(tmp_path_factory):
    """The app served on a free loopback port, with its own database."""
    assert os.path.exists(CHROMIUM), "Chromium is missing: run `make test` (installs it)"
    assert (VENDOR / "plotly-basic.min.js").exists(), "plotly.js is missing: run `make assets`"
    path = tmp_path_factory.mktemp("live") / "live.sqlite"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "browser",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, driven by Playwright (no browser download)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def results(live, browser, library):
    """A result of each kind (and its delete page), an invitation, and a comparison, served by
    `live` (paths)."""
    from .browser import make_comparison, post_json
    from .helpers import best_fit_answers, leadership_answers, learning_answers

    ls = library.questionnaires["learning-styles"]
    lead = library.questionnaires["leadership-styles"]
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    ladder = dict(zip(ids, [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2], strict=True))
    learning = post_json(
        live,
        "learning-styles",
        {"answers": learning_answers(ls, ["CE", "RO", "AC", "AE"], ["CE", "RO", "AC", "AE"])},
    )
    leadership = post_json(live, "leadership-styles", {"answers": leadership_answers(lead, "S3")})
    best = post_json(live, "leadership-styles", {"answers": best_fit_answers(lead)})
    own = post_json(live, "competence-ladder", {"answers": ladder, "phase": "start"})
    page = browser.new_page()
    page.goto(f"{live.url}/r/{own}?lang=en")
    page.fill("#invite-name", "Sam")
    page.get_by_role("button", name="Make an invitation link").click()
    page.close()
    compare = make_comparison(live, browser, ladder, 4).removeprefix(live.url)
    return {
        "learning-style": f"/r/{learning}",
        "two languages": f"/r/{learning}?lang2=en",
        "leadership": f"/r/{leadership}",
        "leadership, best fit": f"/r/{best}",
        "delete": f"/r/{best}/delete",
        "ladder with its invitation": f"/r/{own}",
        "comparison": compare,
    }
