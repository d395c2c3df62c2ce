"""Shared fixtures: an app on a fresh SQLite file, a client, a CLI runner, answer builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.engine import load_library
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "questionnaires"


@pytest.fixture(scope="session")
def library():
    """The shipped questionnaires and handbook."""
    return load_library(QUESTIONNAIRES)


@pytest.fixture
def app(tmp_path):
    """An app with its own empty database."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
            "SERVER_NAME": "localhost",
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
    return app


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()
