"""What the bench scripts share: an app on a database of their own."""

from __future__ import annotations

from pathlib import Path

from quizapp import create_app


def database_url(url: str | None, folder: str, name: str) -> str:
    """The database given on the command line, or an SQLite file `name` in `folder`."""
    return url or f"sqlite:///{Path(folder) / name}"


def bench_app(url: str):
    """The app in test mode on the database at `url`."""
    return create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
