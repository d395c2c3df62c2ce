"""Private by default and honest API: JSON only, no CORS, idempotent creation, Allow on 405,
no-store and noindex on private pages, robots.txt, trusted hosts and the public base URL,
and an OpenAPI document that is valid and generated from the models."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from quizapp.extensions import db
from quizapp.models import Response

from .conftest import fresh_app
from .helpers import learning_answers
from .test_ladder import IDS, STAGES, link, rate_by_form

URL = "/api/v1/questionnaires/learning-styles/responses"


@pytest.fixture
def answers(library):
    return learning_answers(library.questionnaires["learning-styles"], ["AE", "AC", "CE", "RO"])


def stored(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Response.id))).scalar()


def test_a_plain_form_from_another_site_stores_nothing(client, app, answers):
    # what <form enctype="text/plain"> with one field named '{"answers": ..., "x": "' sends
    body = json.dumps({"answers": answers, "x": "="})[:-3] + '=1"}'
    response = client.post(
        URL, data=body, content_type="text/plain", headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 415
    assert response.get_json()["problems"] == [
        {
            "item": None,
            "code": "unsupported_media_type",
            "message": "Send the request body as JSON, with the header Content-Type:"
            " application/json.",
        }
    ]
    assert "Access-Control-Allow-Origin" not in response.headers
    assert stored(app) == 0


def test_cors_stays_closed(client, answers):
    preflight = client.options(
        URL,
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert not [h for h in preflight.headers if h[0].lower().startswith("access-control-")]
    created = client.post(URL, json={"answers": answers}, headers={"Origin": "https://x.example"})
    assert created.status_code == 201
    assert "Access-Control-Allow-Origin" not in created.headers


def test_idempotency_key_stores_once(client, app, answers):
    key = {"Idempotency-Key": "0f6c3a9e-4b1d-4c2a-9d7e-2f1b8a6c5d40"}
    first = client.post(URL, json={"answers": answers, "lang": "nl"}, headers=key)
    again = client.post(URL, json={"answers": answers, "lang": "nl"}, headers=key)
    assert first.status_code == again.status_code == 201
    assert first.get_json() == again.get_json()
    assert stored(app) == 1
    other = dict(answers, ls01=list(reversed(answers["ls01"])))
    reused = client.post(URL, json={"answers": other, "lang": "nl"}, headers=key)
    assert reused.status_code == 422
    assert reused.get_json()["problems"][0]["code"] == "idempotency_key_reused"
    bad = client.post(URL, json={"answers": answers}, headers={"Idempotency-Key": "short"})
    assert bad.status_code == 422
    assert bad.get_json()["problems"][0]["code"] == "bad_idempotency_key"
    assert stored(app) == 1


def test_405_has_allow_on_pages_and_api(client):
    page = client.put("/q/learning-styles/1?lang=en")
    assert page.status_code == 405
    assert set(page.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert "This page cannot be used this way." in page.get_data(as_text=True)
    api = client.patch(URL, json={})
    assert api.status_code == 405
    assert set(api.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}
    assert api.get_json()["problems"][0]["code"] == "method_not_allowed"


def test_private_pages_are_not_stored_or_indexed(app, q_ladder):
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, q_ladder, STAGES)
    trainee.post(f"/r/{own}/invite")
    html = trainee.get(f"/r/{own}").get_data(as_text=True)
    invite = link(html, r"http://localhost/r/invite/[\w-]+").removeprefix("http://localhost")
    mentor.get(invite)
    theirs = rate_by_form(mentor, q_ladder, [3] * len(IDS))
    compare = link(mentor.get(f"/r/{theirs}").get_data(as_text=True), r"/r/compare/[\w-]+")
    private = [
        f"/r/{own}",
        f"/r/{own}/delete",
        invite,
        compare,
        f"/api/v1/results/{own}",
        "/api/v1/results/unknown-token",
        "/r/unknown-token",
        "/q/competence-ladder/1",
    ]
    for path in private:
        response = trainee.get(path)
        assert response.headers["Cache-Control"] == "no-store", path
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow", path
    for path in ("/", "/handbook/2.5", "/api/v1/questionnaires"):
        response = trainee.get(path)
        assert "X-Robots-Tag" not in response.headers, path
        assert response.headers.get("Cache-Control") != "no-store", path


@pytest.fixture
def q_ladder(library):
    return library.questionnaires["competence-ladder"]


def test_robots_txt_keeps_crawlers_out_of_private_links(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /r/" in lines
    assert "Disallow: /api/" in lines


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def make_app(tmp_path, **config):
    return fresh_app(tmp_path, **config)


def test_untrusted_host_is_refused(tmp_path):
    app = make_app(tmp_path, TRUSTED_HOSTS=["quiz.example.org"])
    client = app.test_client()
    assert client.get("/", headers={"Host": "quiz.example.org"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    api = client.get("/api/v1/questionnaires", headers={"Host": "evil.example"})
    assert api.status_code == 400
    assert api.get_data(as_text=True) == "Bad Request: this host name is not served here.\n"
    with app.app_context():
        db.engine.dispose()


def test_links_use_the_public_base_url_whatever_the_host(tmp_path, answers):
    app = make_app(tmp_path, PUBLIC_BASE_URL="https://quiz.example.org")
    client = app.test_client()
    evil = {"Host": "evil.example"}
    data = client.post(URL, json={"answers": answers}, headers=evil).get_json()
    token = data["token"]
    assert data["result_url"] == f"https://quiz.example.org/r/{token}"
    assert data["result"]["recommendations"][0]["url"].startswith("https://quiz.example.org/")
    html = client.get(f"/r/{token}", headers=evil).get_data(as_text=True)
    assert f'value="https://quiz.example.org/r/{token}"' in html
    assert "evil.example" not in html
    doc = client.get("/api/v1/openapi.json", headers=evil).get_json()
    assert doc["servers"] == [{"url": "https://quiz.example.org"}]
    listing = client.get("/api/v1/questionnaires", headers=evil).get_json()
    assert {q["url"].split("/api/")[0] for q in listing["questionnaires"]} == {
        "https://quiz.example.org"
    }
    with app.app_context():
        db.engine.dispose()


def test_openapi_document_is_valid_and_tells_the_truth(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    validate(doc)
    assert doc["openapi"] == "3.1.0"
    schemas = doc["components"]["schemas"]
    assert schemas["Item"]["properties"]["kind"]["enum"] == ["rank", "choice", "stage", "text"]
    assert {"type": "null"} in schemas["Option"]["properties"]["scale"]["anyOf"]
    assert schemas["Option"]["required"] == ["id", "text", "scale"]
    assert set(schemas["Result"]["required"]) >= {"token", "questionnaire", "answers", "created"}
    assert set(schemas["NewResponse"]["required"]) == {"answers"}
    assert schemas["NewResponse"]["additionalProperties"] is False
    params = doc["components"]["parameters"]
    assert params["lang"]["schema"]["enum"] == ["en", "de", "es", "fr", "nl"]
    assert params["qid"]["schema"]["enum"] == [
        "competence-ladder",
        "expectations",
        "leadership-styles",
        "learning-styles",
        "process-evaluation",
    ]


def test_openapi_languages_come_from_the_config(tmp_path):
    app = make_app(tmp_path, LANGUAGES=("en",))
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    assert doc["components"]["parameters"]["lang"]["schema"]["enum"] == ["en"]
    lang = doc["components"]["schemas"]["NewResponse"]["properties"]["lang"]
    assert {"type": "string", "enum": ["en"], "description": "Language code"} in lang["anyOf"]
    with app.app_context():
        db.engine.dispose()


def test_every_answer_of_the_api_fits_its_schema(client, library, answers):
    """Responses are checked against the models before they leave; here the models reject a
    wrong shape, so that check cannot pass by accident."""
    from pydantic import ValidationError

    from quizapp.api.models import Result, checked

    data = client.post(URL, json={"answers": answers}).get_json()["result"]
    assert checked(Result, data) is data
    with pytest.raises(ValidationError):
        checked(Result, {**data, "scores": {"CE": "high"}})
    with pytest.raises(ValidationError):
        checked(Result, {**data, "undocumented": 1})
