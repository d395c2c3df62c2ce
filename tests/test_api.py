"""The JSON API: definitions, new responses, results, and every kind of bad input."""

from __future__ import annotations

import pytest

from .helpers import learning_answers

URL = "/api/v1/questionnaires/learning-styles/responses"
DUTCH_MINUTES = (8, 5)


@pytest.fixture
def q(library):
    return library.questionnaires["learning-styles"]


def test_list(client):
    data = client.get("/api/v1/questionnaires?lang=nl").get_json()
    ids = [x["id"] for x in data["questionnaires"]]
    assert ids == [
        "competence-ladder",
        "expectations",
        "leadership-styles",
        "learning-styles",
        "process-evaluation",
    ]
    learning = data["questionnaires"][3]
    assert learning["audience"] == "trainee"
    # Computed from the Dutch texts (see test_timing.py), the optional part separately.
    assert (learning["minutes"], learning["optional_minutes"]) == DUTCH_MINUTES
    assert learning["title"] == "Jouw leerstijl"


def test_definition_names_scale_of_every_option(client, q):
    data = client.get("/api/v1/questionnaires/learning-styles?lang=en").get_json()
    assert data["rank_points"] == [4, 3, 2, 1]
    items = [i for p in data["parts"] for i in p["items"]]
    assert len(items) == 20
    first = items[0]
    assert first["id"] == "ls01"
    assert sorted(o["scale"] for o in first["options"]) == ["AC", "AE", "CE", "RO"]
    assert first["options"][0]["text"] == q.items[0].options[0].text
    scales = {s["id"]: s for s in data["scales"]}
    assert (scales["CE"]["min"], scales["CE"]["max"]) == (12, 48)
    assert (scales["AC-CE"]["min"], scales["AC-CE"]["max"]) == (-36, 36)
    assert scales["AC-CE"]["of"] == ["AC", "CE"]
    region = next(c for c in data["classifications"] if c["id"] == "region")
    words = {b.id: b.text for b in q.classification("region").axes[0].bands}
    assert region["axes"][0]["bands"] == [
        {"id": "concrete", "min": None, "max": -5, "text": words["concrete"]},
        {"id": "mid", "min": -4, "max": 4, "text": words["mid"]},
        {"id": "abstract", "min": 5, "max": None, "text": words["abstract"]},
    ]
    whole = next(r for r in data["recommendations"] if r["id"] == "whole-cycle")
    assert (whole["own"], whole["source"]) == (False, q.recommendations[0].source)


def test_definition_in_dutch(client):
    data = client.get("/api/v1/questionnaires/learning-styles?lang=nl").get_json()
    assert data["title"] == "Jouw leerstijl"


def test_leadership_options_carry_points(client):
    data = client.get("/api/v1/questionnaires/leadership-styles").get_json()
    item = data["parts"][0]["items"][0]
    assert sorted(o["points"] for o in item["options"]) == [-2, -1, 1, 2]


def test_post_scores_and_stores(client, q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    response = client.post(URL, json={"answers": answers, "lang": "nl"})
    assert response.status_code == 201
    data = response.get_json()
    assert len(data["token"]) >= 32
    assert data["result_url"] == f"http://localhost/r/{data['token']}"
    assert response.headers["Location"] == f"/api/v1/results/{data['token']}"
    result = data["result"]
    assert result["scores"] == {
        "CE": 24,
        "RO": 12,
        "AC": 36,
        "AE": 48,
        "AC-CE": 12,
        "AE-RO": 36,
        "flexibility": None,
    }
    assert result["profile"] == {
        "region": "deciding",
        "style": "converging",
        "flexibility-band": None,
    }
    assert [(r["section"], r["own"]) for r in result["recommendations"]] == [
        ("2.5", False),
        ("2.5", False),
        ("2.3", False),
        ("2.3", True),
        ("2.5", False),
    ]
    assert result["recommendations"][1]["url"] == "http://localhost/handbook/2.5"
    assert result["lang"] == "nl"

    stored = client.get(f"/api/v1/results/{data['token']}").get_json()
    assert stored["answers"] == answers
    assert stored["questionnaire"] == "learning-styles"
    assert stored["version"] == 2
    assert stored["scores"]["AE-RO"] == 36
    assert stored["created"].endswith("+00:00")


def test_tokens_differ(client, q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    tokens = {client.post(URL, json={"answers": answers}).get_json()["token"] for _ in range(3)}
    assert len(tokens) == 3


def test_delete(client, q):
    token = client.post(
        URL, json={"answers": learning_answers(q, ["AE", "AC", "CE", "RO"])}
    ).get_json()["token"]
    assert client.delete(f"/api/v1/results/{token}").status_code == 204
    assert client.get(f"/api/v1/results/{token}").status_code == 404
    assert client.get(f"/r/{token}").status_code == 404
    assert client.delete(f"/api/v1/results/{token}").status_code == 404


def _problems(response):
    return [(p["item"], p["code"]) for p in response.get_json()["problems"]]


@pytest.mark.parametrize(
    ("change", "status", "expected"),
    [
        (lambda a: a.update(ls01=["a", "a", "b", "c"]), 422, [("ls01", "tied")]),
        (lambda a: a.update(ls02=["a", "b"]), 422, [("ls02", "incomplete_ranking")]),
        (lambda a: a.update(ls03=["a", "b", "c", "x"]), 422, [("ls03", "unknown_option")]),
        (lambda a: a.update(ls04={"a": 1}), 422, [("ls04", "not_a_ranking")]),
        (lambda a: a.update(ls05=None), 422, [("ls05", "not_a_ranking")]),
        (lambda a: a.pop("ls06"), 422, [("ls06", "missing")]),
        (lambda a: a.update(zz=["a"]), 422, [("zz", "unknown_item")]),
    ],
)
def test_bad_answers_name_the_item(client, q, change, status, expected):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    change(answers)
    response = client.post(URL, json={"answers": answers})
    assert response.status_code == status
    assert _problems(response) == expected
    assert all(p["message"] for p in response.get_json()["problems"])


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"[1, 2]", 400, "malformed_json"),
        (b'{"answers": [1]}', 422, "answers_not_an_object"),
        (b'{"lang": "nl"}', 422, "answers_not_an_object"),
        (b'{"answers": {}, "lang": "xx"}', 422, "unknown_language"),
        (b'{"answers": {}, "extra": 1}', 422, "unknown_field"),
    ],
)
def test_bad_bodies(client, body, status, code):
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == status
    assert _problems(response)[0] == (None, code)


def test_message_in_the_language_of_the_request(client, q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    answers["ls01"] = ["a", "a", "b", "c"]
    response = client.post(URL, json={"answers": answers, "lang": "nl"})
    message = response.get_json()["problems"][0]["message"]
    assert message == "Optie a staat twee keer in de volgorde. Zet elke optie er maar één keer in."


def test_unknown_questionnaire(client):
    response = client.post("/api/v1/questionnaires/nope/responses", json={"answers": {}})
    assert response.status_code == 404
    assert _problems(response) == [(None, "unknown_questionnaire")]
    assert client.get("/api/v1/questionnaires/nope").status_code == 404


def test_unknown_token(client):
    response = client.get("/api/v1/results/not-a-token")
    assert response.status_code == 404
    assert _problems(response) == [(None, "unknown_token")]


def test_oversized_body(client, app):
    response = client.post(
        URL, data=b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1), content_type="application/json"
    )
    assert response.status_code == 413
    assert _problems(response) == [(None, "too_large")]


def test_wrong_method_is_json(client):
    response = client.put(URL, json={})
    assert response.status_code == 405
    assert _problems(response) == [(None, "method_not_allowed")]


def test_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {
        "/api/v1/questionnaires",
        "/api/v1/questionnaires/{qid}",
        "/api/v1/questionnaires/{qid}/responses",
        "/api/v1/results/{token}",
        "/api/v1/internships",
        "/api/v1/internships/{role_token}",
        "/api/v1/internships/{role_token}/results",
        "/api/v1/internships/{role_token}/results/{token}",
        "/api/v1/programmes",
        "/api/v1/programmes/{admin_token}",
        "/api/v1/programmes/{admin_token}/internships",
        "/api/v1/programmes/{admin_token}/responses",
        "/api/v1/programmes/{admin_token}/codebook",
        "/api/v1/openapi.json",
    }
    assert set(doc["paths"]["/api/v1/results/{token}"]) == {"get", "delete"}


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "L’option a est classée deux fois. Chaque option doit être classée une seule fois."),
        ("de", "Option a ist zweimal eingeordnet. Jede Option nur einmal einordnen."),
        (
            "es",
            "La opción a aparece dos veces en el orden. Cada opción debe aparecer una sola vez.",
        ),
    ],
)
def test_the_new_languages_are_accepted_and_returned(client, q, lang, message):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    created = client.post(URL, json={"answers": answers, "lang": lang})
    assert created.status_code == 201
    assert created.get_json()["result"]["lang"] == lang
    answers["ls01"] = ["a", "a", "b", "c"]
    refused = client.post(URL, json={"answers": answers, "lang": lang}).get_json()
    assert refused["problems"][0]["message"] == message
