"""Taking the learning-style questionnaire through the HTML forms, without JavaScript."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Response

from .helpers import learning_answers


@pytest.fixture
def q(library):
    return library.questionnaires["learning-styles"]


def page_form(q, page_items, order) -> dict:
    """Form fields that rank every item of a page in this order of modes."""
    data = {}
    for item in page_items:
        by_scale = {o.scale: o.id for o in item.options}
        for place, scale in enumerate(order, start=1):
            data[f"{item.id}:{by_scale[scale]}"] = str(place)
    return data


def test_home_lists_questionnaires_with_audience_and_time(client):
    html = client.get("/?lang=en").get_data(as_text=True)
    assert "Your learning style" in html
    assert "Leadership styles: how do you guide your trainee?" in html
    assert "For trainees" in html
    assert "For mentors" in html
    assert "About 8 minutes, plus about 5 minutes for the optional part" in html
    assert "About 11 minutes ·" in html


def test_start_page_says_how_long(client):
    html = client.get("/q/learning-styles?lang=en").get_data(as_text=True)
    assert "About 8 minutes, plus about 5 minutes for the optional part" in html
    assert "Part 2 (optional): 8 questions" in html
    assert 'href="/q/learning-styles/1"' in html


def test_unknown_questionnaire_is_404(client):
    assert client.get("/q/nope").status_code == 404
    assert client.get("/q/learning-styles/99").status_code == 404


def test_page_shows_progress_and_items(client, q):
    html = client.get("/q/learning-styles/1?lang=en").get_data(as_text=True)
    assert "Page 1 of 4" in html
    assert "0 of 12 questions answered" in html
    assert html.count('type="radio"') == 3 * 4 * 4


def take(client, q, order, with_contexts=False):
    """Post every page of the questionnaire; return the last response."""
    pages = [q.part("cycle").items[i : i + 3] for i in range(0, 12, 3)]
    for number, items in enumerate(pages, start=1):
        action = "next" if (number < 4 or with_contexts) else "finish"
        response = client.post(
            f"/q/learning-styles/{number}", data={**page_form(q, items, order), "action": action}
        )
        assert response.status_code == 302
    if with_contexts:
        contexts = q.part("contexts").items
        for n, start in enumerate(range(0, 8, 3), start=5):
            items = contexts[start : start + 3]
            action = "finish" if n == 7 else "next"
            response = client.post(
                f"/q/learning-styles/{n}", data={**page_form(q, items, order), "action": action}
            )
            assert response.status_code == 302
    return response


def test_full_run_stores_answers_and_shows_result(client, app, q):
    response = take(client, q, ["AE", "AC", "CE", "RO"])
    token = response.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        stored = db.session.execute(db.select(Response)).scalar_one()
        assert stored.token == token
        assert stored.questionnaire == "learning-styles"
        assert stored.version == 2
        assert stored.answers == learning_answers(q, ["AE", "AC", "CE", "RO"])
    html = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    # AC-CE 12 and AE-RO 36: "Deciding" with the version 2 cut points (version 1: "Acting").
    assert "Your learning style: Deciding" in html
    assert "<td>48</td>" in html
    # the advice links to its handbook section, which links back to this result
    assert f'href="/handbook/2.5?from=/r/{token}"' in html
    assert 'class="chart-svg chart-kite" id="chart-kite"' in html
    assert "plotly" not in html


def test_optional_part_gives_flexibility(client, q):
    response = take(client, q, ["AE", "AC", "CE", "RO"], with_contexts=True)
    html = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Learning flexibility" in html
    assert ": 0.00</h3>" in html


def test_tied_ranks_get_a_clear_message_and_keep_answers(client, q):
    items = q.part("cycle").items[:3]
    data = page_form(q, items, ["AE", "AC", "CE", "RO"])
    first = items[0]
    data[f"{first.id}:{first.options[0].id}"] = "2"
    data[f"{first.id}:{first.options[1].id}"] = "2"
    response = client.post("/q/learning-styles/1?lang=en", data={**data, "action": "next"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Two endings have the same place (2)" in html
    # every answer given stays checked: 3 items x 4 endings
    assert len(re.findall(r"\bchecked\b", html)) == 12


def test_missing_answer_keeps_others(client, q):
    items = q.part("cycle").items[:3]
    data = page_form(q, items[:2], ["AE", "AC", "CE", "RO"])
    response = client.post("/q/learning-styles/1?lang=nl", data={**data, "action": "next"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'lang="nl"' in html
    assert len(re.findall(r"\bchecked\b", html)) == 8
    # the two valid items are kept in the draft when the page is shown again
    again = client.get("/q/learning-styles/1").get_data(as_text=True)
    assert len(re.findall(r"\bchecked\b", again)) == 8


def test_back_keeps_answers(client, q):
    take_first = page_form(q, q.part("cycle").items[:3], ["RO", "CE", "AE", "AC"])
    client.post("/q/learning-styles/1", data={**take_first, "action": "next"})
    response = client.post("/q/learning-styles/2", data={"action": "back"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/q/learning-styles/1")
    html = client.get("/q/learning-styles/1").get_data(as_text=True)
    assert len(re.findall(r"\bchecked\b", html)) == 12


def test_finish_with_gaps_goes_to_first_gap(client, q):
    items = q.part("cycle").items
    client.post("/q/learning-styles/1", data={**page_form(q, items[:3], ["AE", "AC", "CE", "RO"])})
    response = client.post(
        "/q/learning-styles/4",
        data={**page_form(q, items[9:], ["AE", "AC", "CE", "RO"]), "action": "finish"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/q/learning-styles/2")


def test_skipping_the_optional_part_still_gives_a_result(client, q):
    take(client, q, ["AE", "AC", "CE", "RO"], with_contexts=False)
    # a partly answered optional part is dropped when skipped
    response = client.get("/q/learning-styles/5")
    assert response.status_code == 200


def test_post_without_csrf_token_is_rejected_but_keeps_the_answers(app, q):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    assert 'name="csrf_token"' in client.get("/q/learning-styles/1").get_data(as_text=True)
    data = page_form(q, q.part("cycle").items[:3], ["AE", "AC", "CE", "RO"])
    response = client.post("/q/learning-styles/1?lang=en", data={**data, "action": "next"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "please send the page again" in html
    assert len(re.findall(r"\bchecked\b", html)) == 12
    # sending again with the fresh token goes on
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    again = client.post(
        "/q/learning-styles/1", data={**data, "action": "next", "csrf_token": token}
    )
    assert again.status_code == 302


def test_bad_place_value_is_422_not_500(client, q):
    item = q.part("cycle").items[0]
    response = client.post(
        "/q/learning-styles/1", data={f"{item.id}:{item.options[0].id}": "9", "action": "next"}
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("lang", "qid", "perspective", "minutes"),
    [
        # English: 739 words + 12 rankings; optional 445 words + 8 rankings (20 s each).
        ("en", "learning-styles", "self", {"required": 8, "optional": 5}),
        ("nl", "learning-styles", "self", {"required": 8, "optional": 5}),
        # 1581 English words (1637 Dutch) + 12 choices of 15 s.
        ("en", "leadership-styles", "self", {"required": 11, "optional": None}),
        ("nl", "leadership-styles", "self", {"required": 11, "optional": None}),
        # 1530 words for the trainee, 1428 for the mentor (Dutch 1545 and 1521) + 14 choices.
        ("en", "competence-ladder", "self", {"required": 11, "optional": None}),
        ("en", "competence-ladder", "mentor", {"required": 11, "optional": None}),
        ("nl", "competence-ladder", "mentor", {"required": 11, "optional": None}),
    ],
)
def test_time_estimates_are_computed_from_the_texts(app, library, lang, qid, perspective, minutes):
    from quizapp.library import minutes_for

    with app.test_request_context(f"/?lang={lang}"):
        assert minutes_for(library.questionnaires[qid], perspective) == minutes
