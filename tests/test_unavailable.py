"""A database that is down or read-only gives an honest 503 with Retry-After, as a page in the
user's language and as JSON; answers being given are kept. PostgreSQL is stopped for real
(a server of the test's own), and SQLite is opened read-only."""

from __future__ import annotations

import re

import pytest

from quizapp import create_app
from quizapp.extensions import db
from quizapp.quiz.pages import paginate

from .helpers import learning_answers
from .servers import PostgresServer
from .test_exactly_once import page_data
from .test_ladder import STAGES

URL = "/api/v1/questionnaires/learning-styles/responses"
LADDER = "competence-ladder"


def make_app(uri: str):
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": uri,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )


def assert_unavailable_json(response):
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.get_json()["problems"] == [
        {
            "item": None,
            "code": "unavailable",
            "message": "The database cannot be reached right now, so nothing was stored or"
            " changed. Please try again in a minute.",
        }
    ]


def assert_unavailable_page(response, lang="en"):
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    html = response.get_data(as_text=True)
    expected = {
        "en": "The database cannot be reached right now, so nothing was stored or changed.",
        "nl": "De database is nu niet bereikbaar, dus er is niets opgeslagen of veranderd.",
    }[lang]
    assert expected in html
    assert "Your stored answers are safe" not in html
    return html


def last_page_refused(client, q, lang):
    """Answer all pages; the last one is refused. Return that response."""
    pages = paginate(q)
    for page in pages[:-1]:
        client.post(f"/q/{LADDER}/{page.number}", data=page_data(q, page))
    return client.post(f"/q/{LADDER}/{len(pages)}?lang={lang}", data=page_data(q, pages[-1]))


def test_read_only_sqlite_file(tmp_path, library):
    path = tmp_path / "ro.sqlite"
    writable = make_app(f"sqlite:///{path}")
    q = library.questionnaires["learning-styles"]
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    with writable.app_context():
        db.create_all()
    token = writable.test_client().post(URL, json={"answers": answers}).get_json()["token"]
    with writable.app_context():
        db.engine.dispose()
    app = make_app(f"sqlite:///file:{path}?mode=ro&uri=true")
    client = app.test_client()
    # reading works
    assert client.get(f"/r/{token}").status_code == 200
    assert client.get(f"/api/v1/results/{token}").status_code == 200
    # writing is refused honestly
    assert_unavailable_json(client.post(URL, json={"answers": answers}))
    assert_unavailable_json(client.delete(f"/api/v1/results/{token}"))
    assert_unavailable_page(client.post(f"/r/{token}/delete?lang=en"))
    ladder = library.questionnaires[LADDER]
    html = assert_unavailable_page(last_page_refused(client, ladder, "nl"), "nl")
    # the page is shown again with its answers, to send later
    assert len(re.findall(r"\bchecked\b", html)) == len(paginate(ladder)[-1].items)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def postgres():
    with PostgresServer() as server:
        yield server


def app_with_a_result(postgres, library):
    """An app on the test's PostgreSQL server with one stored result: (app, answers, token)."""
    app = make_app(postgres.url)
    with app.app_context():
        db.create_all()
    answers = learning_answers(library.questionnaires["learning-styles"], ["AE", "AC", "CE", "RO"])
    token = app.test_client().post(URL, json={"answers": answers}).get_json()["token"]
    return app, answers, token


@pytest.mark.postgres
def test_postgres_stopped_mid_test_then_back(postgres, library):
    app, answers, token = app_with_a_result(postgres, library)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200

    postgres.stop()
    assert_unavailable_page(app.test_client().get(f"/r/{token}?lang=nl"), "nl")
    assert_unavailable_json(client.get(f"/api/v1/results/{token}"))
    assert_unavailable_json(client.post(URL, json={"answers": answers}))
    assert_unavailable_json(client.get("/healthz"))
    ladder = library.questionnaires[LADDER]
    html = assert_unavailable_page(last_page_refused(client, ladder, "en"))
    assert len(re.findall(r"\bchecked\b", html)) == len(paginate(ladder)[-1].items)

    postgres.start()
    assert client.get("/healthz").status_code == 200
    assert client.get(f"/r/{token}").status_code == 200
    # the answers kept in the browser are sent now
    last = paginate(ladder)[-1]
    sent = client.post(f"/q/{LADDER}/{last.number}", data=page_data(ladder, last, STAGES))
    assert sent.status_code == 302
    assert "/r/" in sent.headers["Location"]
    with app.app_context():
        db.engine.dispose()


@pytest.mark.postgres
def test_postgres_read_only(postgres, library):
    app, answers, token = app_with_a_result(postgres, library)
    client = app.test_client()
    postgres.sql("ALTER DATABASE postgres SET default_transaction_read_only = on")
    with app.app_context():
        db.engine.dispose()  # new connections take the setting
    assert client.get(f"/r/{token}").status_code == 200
    assert_unavailable_json(client.post(URL, json={"answers": answers}))
    assert_unavailable_page(client.post(f"/r/{token}/delete?lang=en"))
    with app.app_context():
        db.engine.dispose()
