"""Shared fixtures: an app on a fresh SQLite file, a client, a CLI runner, answer builders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import text

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
# Every table the migrations make, children first (PostgreSQL keeps foreign keys).
TABLES = (
    "programme_results",
    "admin_links",
    "internship_results",
    "internships",
    "programmes",
    "invitations",
    "responses",
    "alembic_version",
)


def drop_tables(engine) -> None:
    """Start a migration test from an empty database."""
    with engine.begin() as conn:
        for table in TABLES:
            conn.execute(text(f"DROP TABLE IF EXISTS {table}"))


def fresh_app(tmp_path, **config):
    """An app on an empty database: a SQLite file in tmp_path, or TEST_DATABASE_URL."""
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
    return app


@pytest.fixture
def app(tmp_path):
    """An app with its own empty database: SQLite, or PostgreSQL with TEST_DATABASE_URL."""
    app = fresh_app(tmp_path, SERVER_NAME="localhost")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


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
