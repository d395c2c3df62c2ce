"""Home, about, privacy and handbook pages; deleting results; retention; headers; migrations."""

from __future__ import annotations

import gzip
import re
from datetime import timedelta

import brotli
import pytest
from sqlalchemy import create_engine, inspect

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import (
    AdminLink,
    Attachment,
    Draft,
    Internship,
    Invitation,
    Programme,
    ProgrammeResult,
    Response,
    utcnow,
)

from .conftest import POSTGRES_URL
from .helpers import empty_database, learning_answers

URL = "/api/v1/questionnaires/learning-styles/responses"


def new_result(client, library) -> str:
    q = library.questionnaires["learning-styles"]
    return client.post(
        URL, json={"answers": learning_answers(q, ["AE", "AC", "CE", "RO"])}
    ).get_json()["token"]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/about", "internship2industry"),
        ("/privacy", "A result is deleted automatically 730 days after it was made."),
        ("/handbook", "2.5 Learning styles"),
        ("/handbook/2.4", "Source: Supervisors&#39; manual, internship2industry"),
    ],
)
def test_static_pages(client, path, text):
    response = client.get(path + "?lang=en")
    assert response.status_code == 200
    assert text in response.get_data(as_text=True)


def test_handbook_section_lists_questionnaires_that_use_it(client):
    html = client.get("/handbook/4.3?lang=en").get_data(as_text=True)
    assert 'href="/q/leadership-styles"' in html
    assert 'href="/q/learning-styles"' not in html


def test_unknown_section_is_404_page_in_language(client):
    response = client.get("/handbook/9.9?lang=nl")
    assert response.status_code == 404
    assert '<html lang="nl">' in response.get_data(as_text=True)


def test_delete_from_the_result_page(client, app, library):
    token = new_result(client, library)
    confirm = client.get(f"/r/{token}/delete?lang=en")
    assert "Delete this result?" in confirm.get_data(as_text=True)
    done = client.post(f"/r/{token}/delete?lang=en")
    assert done.status_code == 200
    assert "The result is deleted" in done.get_data(as_text=True)
    assert client.get(f"/r/{token}").status_code == 404
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 0


def test_expired_results_are_gone_and_purged(client, app, runner, library):
    old = new_result(client, library)
    fresh = new_result(client, library)
    with app.app_context():
        response = db.session.execute(db.select(Response).filter_by(token=old)).scalar_one()
        response.created = utcnow() - timedelta(days=731)
        db.session.commit()
    assert client.get(f"/r/{old}").status_code == 404
    assert client.get(f"/api/v1/results/{old}").status_code == 404
    result = runner.invoke(args=["results", "purge"])
    assert "Deleted 1 expired results." in result.output
    assert client.get(f"/r/{fresh}").status_code == 200


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    "path",
    ["/", "/about", "/privacy", "/handbook/2.5", "/q/learning-styles", "/q/learning-styles/1"],
)
def test_no_third_party_requests(client, path):
    html = client.get(path).get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert [s for s in sources if s.startswith(("http:", "https:", "//"))] == []


def test_result_page_loads_only_local_scripts(client, library):
    html = client.get(f"/r/{new_result(client, library)}").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts == ["/static/app.js"]
    assert html.count('class="chart-svg') == 2


def test_questionnaire_page_has_no_plotly(client):
    assert "plotly" not in client.get("/q/learning-styles/1").get_data(as_text=True)


def test_migrations_build_the_models_schema(tmp_path):
    url = POSTGRES_URL or f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    engine = create_engine(url)
    empty_database(engine)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    for model in (
        Response,
        Invitation,
        Internship,
        Attachment,
        Draft,
        Programme,
        AdminLink,
        ProgrammeResult,
    ):
        columns = {c["name"] for c in inspect(engine).get_columns(model.__tablename__)}
        assert columns == {c.name for c in model.__table__.columns}
    check = runner.invoke(args=["db", "check"])
    assert check.exit_code == 0, check.output
    downgrade = runner.invoke(args=["db", "downgrade", "base"])
    assert downgrade.exit_code == 0, downgrade.output
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    with app.app_context():
        db.engine.dispose()
    engine.dispose()


def test_explore_view_carries_plotly_figures_and_allows_inline_styles_only_there(client, library):
    token = new_result(client, library)
    result = client.get(f"/r/{token}")
    assert "style-src 'self';" in result.headers["Content-Security-Policy"]
    explore = client.get(f"/r/{token}/explore?lang=en")
    assert explore.status_code == 200
    assert "style-src 'self' 'unsafe-inline'" in explore.headers["Content-Security-Policy"]
    html = explore.get_data(as_text=True)
    figures = re.findall(r'<script type="application/json" id="fig-(\w+)">', html)
    assert figures == ["grid", "kite"]  # in the order of the result page
    assert re.findall(r'<script src="([^"]+)"', html) == [
        "/static/vendor/plotly-basic.min.js",
        "/static/explore.js",
        "/static/app.js",
    ]
    assert client.get("/r/nothing-here/explore").status_code == 404


@pytest.mark.parametrize(("accept", "encoding"), [("gzip", "gzip"), ("br, gzip", "br")])
def test_pages_and_json_are_sent_compressed(client, library, accept, encoding):
    token = new_result(client, library)
    for path in ("/", f"/r/{token}", "/api/v1/questionnaires"):
        response = client.get(path, headers={"Accept-Encoding": accept})
        assert response.headers["Content-Encoding"] == encoding, path
        assert "Accept-Encoding" in response.headers["Vary"]
        body = response.get_data()
        plain = gzip.decompress(body) if encoding == "gzip" else brotli.decompress(body)
        assert plain.startswith(b"<!doctype html>") or plain.startswith(b"{")
    assert "Content-Encoding" not in client.get("/").headers  # without Accept-Encoding
