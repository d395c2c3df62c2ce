"""The leadership questionnaire through the API, the HTML forms and the result page."""

from __future__ import annotations

import re

import pytest

from .helpers import best_fit_answers, leadership_answers

URL = "/api/v1/questionnaires/leadership-styles/responses"


@pytest.fixture
def q(library):
    return library.questionnaires["leadership-styles"]


@pytest.mark.parametrize("letter", ["a", "b", "c", "d"])
def test_every_option_id_is_accepted(client, q, letter):
    answers = {item.id: letter for item in q.items}
    response = client.post(URL, json={"answers": answers})
    assert response.status_code == 201
    scores = response.get_json()["result"]["scores"]
    assert scores["adaptability"] == sum(i.option(letter).points for i in q.items)
    assert sum(scores[s] for s in ("S1", "S2", "S3", "S4")) == 12


def test_best_fit_through_the_api(client, q):
    data = client.post(URL, json={"answers": best_fit_answers(q), "lang": "nl"}).get_json()
    result = data["result"]
    assert (result["scores"]["best-fit"], result["scores"]["adaptability"]) == (12, 24)
    assert [result["scores"][s] for s in ("S1", "S2", "S3", "S4")] == [3, 3, 3, 3]
    assert result["profile"]["primary"] == ["S1", "S2", "S3", "S4"]
    assert result["best_fit"] == {"D1": "S1", "D2": "S2", "D3": "S3", "D4": "S4"}
    assert result["matrix"]["D2"] == {"S1": 0, "S2": 3, "S3": 0, "S4": 0}
    # The culture advice now links 4.3, where the handbook says it; our own advice says so.
    assert [(r["section"], r["own"]) for r in result["recommendations"]] == [
        ("4.3", False),
        ("2.2", True),
        ("2.3", True),
        ("4.3", False),
        ("4.2", True),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda a: a.update(sit03="e"), [("sit03", "unknown_option")]),
        (lambda a: a.pop("sit07"), [("sit07", "missing")]),
        (lambda a: a.update(sit01=["a"]), [("sit01", "not_an_option_id")]),
        (lambda a: a.update(sit02=3), [("sit02", "not_an_option_id")]),
        (lambda a: a.update(sit99="a"), [("sit99", "unknown_item")]),
    ],
)
def test_bad_answers_name_the_item(client, q, change, expected):
    answers = best_fit_answers(q)
    change(answers)
    response = client.post(URL, json={"answers": answers})
    assert response.status_code == 422
    assert [(p["item"], p["code"]) for p in response.get_json()["problems"]] == expected


def test_form_run_and_result_page(client, q):
    styles = ["S1"] * 12
    answers = leadership_answers(q, styles)
    for number in range(1, 5):
        items = q.items[(number - 1) * 3 : number * 3]
        data = {item.id: answers[item.id] for item in items}
        response = client.post(f"/q/leadership-styles/{number}", data=data)
        assert response.status_code == 302
    html = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Your leadership styles" in html
    # The main figure: best-fit choices, with the band words; the points beside it.
    assert "<strong>Best-fit choices: 3 of 12</strong> · Few best-fit choices." in html
    assert (
        "<strong>Fit with the trainee: -3</strong> (from -24 to +24) · Further on balance." in html
    )
    assert "The style you chose most often is Directing: 12 of the 12 situations." in html
    assert "Each development level rests on 3 situations" in html
    assert "Enthusiastic beginner (D1)" in html.replace("\xad", "")
    assert "You never chose: Coaching, Supporting, and Delegating." in html  # CLDR list
    assert "Vecchio 1987; Thompson and Vecchio 2009" in html
    assert "the styles you say you would use" in html
    assert (
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-bars" id="chart-range"'
        in html
    )
    matrix = html.split('id="chart-matrix"')[1].split("</table>")[0]
    # directing chosen in all three situations of each development level
    assert re.findall(r'<span class="count">(\d+)</span>', matrix) == ["3", "0", "0", "0"] * 4
    assert 'href="/handbook/4.3?from=/r/' in html
    assert "not norms" in html


def test_choice_page_without_answer_is_422(client):
    response = client.post("/q/leadership-styles/1?lang=en", data={"action": "next"})
    assert response.status_code == 422
    assert response.get_data(as_text=True).count("Please answer this question.") == 6


def test_result_page_in_dutch_uses_u(client, q):
    data = client.post(URL, json={"answers": leadership_answers(q, "S4")}).get_json()
    html = client.get(f"/r/{data['token']}?lang=nl").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Delegerend" in html
