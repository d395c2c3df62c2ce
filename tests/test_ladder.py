"""The competence ladder: scores, the mentor's invitation, comparison, ratings over time, API."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from quizapp.engine import check_answers, score
from quizapp.quiz.pages import paginate

from .helpers import dot_rows

URL = "/api/v1/questionnaires/competence-ladder/responses"
IDS = [
    "knowledge",
    "practical",
    "research",
    "problem-solving",
    "reflective-thinking",
    "language",
    "communication",
    "punctuality",
    "motivation",
    "quality",
    "respect",
    "teamwork",
    "initiative",
    "flexibility",
]
STAGES = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]


@pytest.fixture
def q(library):
    return library.questionnaires["competence-ladder"]


def test_items_and_groups(q):
    assert [i.id for i in q.items] == IDS
    assert [i.tags[0] for i in q.items] == ["knowledge"] + ["skills"] * 6 + ["attitudes"] * 7


def test_scores_by_hand(q):
    result = score(q, dict(zip(IDS, STAGES, strict=True)))
    # skills: 2 + 3 + 4 + 2 + 3 over 5 rated = 2.8; attitudes: 3+4+1+2+3+4+2 = 19 / 7 = 2.71
    assert {k: result.scores[k] for k in IDS} == dict(zip(IDS, STAGES, strict=True))
    assert result.scores["knowledge-mean"] == 1.0
    assert result.scores["skills-mean"] == 2.8
    assert result.scores["attitudes-mean"] == 2.71
    assert [result.scores[f"stage-{n}"] for n in range(1, 5)] == [2, 4, 4, 3]
    assert [r.id for r in result.recommendations] == ["assessment-interview"]


def test_recommendations_by_condition(q):
    low = score(q, dict.fromkeys(IDS, 1))
    assert [r.id for r in low.recommendations] == [
        "assessment-interview",
        "many-unaware",
        "attitudes-low",
    ]
    high = score(q, dict.fromkeys(IDS, 4))
    assert [r.id for r in high.recommendations] == ["assessment-interview", "ready-for-more"]


def test_nothing_rated_gives_no_means(q):
    result = score(q, dict.fromkeys(IDS))
    assert result.scores["skills-mean"] is None
    assert [result.scores[f"stage-{n}"] for n in range(1, 5)] == [0, 0, 0, 0]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (5, "unknown_stage"),
        (0, "unknown_stage"),
        ("two", "not_a_stage"),
        (True, "not_a_stage"),
        (2.5, "not_a_stage"),
        ([2], "not_a_stage"),
    ],
)
def test_bad_stage_answers(q, value, code):
    answers = dict(zip(IDS, STAGES, strict=True))
    answers["teamwork"] = value
    assert [(p.item, p.code) for p in check_answers(q, answers)] == [("teamwork", code)]


def test_api_rating_and_bad_input(client):
    answers = dict(zip(IDS, STAGES, strict=True))
    created = client.post(
        URL, json={"answers": answers, "perspective": "mentor", "phase": "middle"}
    )
    assert created.status_code == 201
    result = created.get_json()["result"]
    assert result["perspective"] == "mentor"
    assert result["phase"] == "middle"
    assert result["scores"]["stage-2"] == 4
    bad = dict(answers, knowledge=7)
    bad.pop("respect")
    response = client.post(URL, json={"answers": bad})
    assert response.status_code == 422
    assert [(p["item"], p["code"]) for p in response.get_json()["problems"]] == [
        ("knowledge", "unknown_stage"),
        ("respect", "missing"),
    ]
    for body, code in [
        ({"answers": answers, "perspective": "boss"}, "unknown_perspective"),
        ({"answers": answers, "phase": "later"}, "unknown_phase"),
    ]:
        response = client.post(URL, json=body)
        assert response.status_code == 422
        assert response.get_json()["problems"][0]["code"] == code


def rate_by_form(client, q, stages, phase=None) -> str:
    """Answer every page of the ladder; return the new result's token."""
    values = dict(zip(IDS, stages, strict=True))
    pages = paginate(q)
    for page in pages:
        data = {
            i.id: "not-observed" if values[i.id] is None else str(values[i.id]) for i in page.items
        }
        if page.number == len(pages) and phase:
            data["phase"] = phase
        response = client.post(f"/q/competence-ladder/{page.number}", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


def link(html: str, pattern: str) -> str:
    match = re.search(pattern, html)
    assert match, pattern
    return match.group(0)


def test_invitation_flow(app, q):
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, q, STAGES, phase="start")
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Ask your mentor to rate you" in html
    trainee.post(f"/r/{own}/invite")
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    invite = link(html, r"http://localhost/r/invite/[\w-]+").removeprefix("http://localhost")
    # the mentor opens the link: mentor wording, the trainee's answers are not shown
    start = mentor.get(invite)
    assert start.status_code == 302
    page = mentor.get("/q/competence-ladder/1?lang=en").get_data(as_text=True)
    option = q.items[0].options[0]
    assert option.text_mentor in page
    assert option.text not in page
    mentor_stages = [3, 2, 3, 4, 2, 2, 3, None, 4, 3, 2, 3, 4, 2]
    theirs = rate_by_form(mentor, q, mentor_stages)
    mentor_html = mentor.get(f"/r/{theirs}?lang=en").get_data(as_text=True)
    assert "Your rating of your trainee" in mentor_html
    compare = link(mentor_html, r"/r/compare/[\w-]+")
    assert compare in trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    # the invitation is used up
    again = mentor.get(invite + "?lang=en")
    assert again.status_code == 410
    assert "This link was already used" in again.get_data(as_text=True)
    # the comparison shows both and flags knowledge (1 vs 3), quality (1 vs 3),
    # reflective thinking and punctuality (one of the two did not rate them)
    page = trainee.get(compare + "?lang=en").get_data(as_text=True)
    assert "4 competences to talk about" in page
    rows = dot_rows(page, "chart-compare")
    flagged = [label for label, _marks, flag in rows if flag]
    names = {i.id: i.stem for i in q.items}
    assert [flag for _label, _marks, flag in rows if flag] == [
        "2 steps or more apart",
        "Not seen yet",
        "Not seen yet",
        "2 steps or more apart",
    ]
    # knowledge: trainee on step 1, mentor on step 3
    assert rows[0][1] == [["Trainee"], [], ["Mentor"], []]
    assert flagged == [
        names["knowledge"],
        names["reflective-thinking"],
        names["punctuality"],
        names["quality"],
    ]
    assert 'href="/handbook/3.1?from=/r/compare/' in page
    # the threshold of "far apart" is in the ladder file, with its source, shown on the page
    assert q.comparison.differ_by == 2
    assert "2 steps or more apart" in page
    assert str(escape(q.comparison.source)) in page
    # the comparison page names neither result link
    assert own not in page
    assert theirs not in page


def test_guessed_links_are_404(client):
    assert client.get("/r/invite/guessed-token").status_code == 404
    assert client.get("/r/compare/guessed-token").status_code == 404


def test_mentor_can_start(app, q):
    mentor, trainee = app.test_client(), app.test_client()
    page = mentor.get("/q/competence-ladder?as=mentor&lang=en").get_data(as_text=True)
    assert str(escape(q.mentor.title)) in page
    theirs = rate_by_form(mentor, q, [3] * 14)
    mentor.post(f"/r/{theirs}/invite")
    html = mentor.get(f"/r/{theirs}?lang=en").get_data(as_text=True)
    assert "Ask your trainee to rate themselves" in html
    invite = link(html, r"http://localhost/r/invite/[\w-]+").removeprefix("http://localhost")
    trainee.get(invite)
    assert q.items[0].options[0].text in trainee.get("/q/competence-ladder/1").get_data(
        as_text=True
    )
    own = rate_by_form(trainee, q, [1] * 14)
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Your competence ladder" in html
    compare = link(html, r"/r/compare/[\w-]+")
    page = trainee.get(compare + "?lang=en").get_data(as_text=True)
    assert "14 competences to talk about" in page


def test_series_of_three_ratings(client, q):
    first = rate_by_form(client, q, [1] * 14, phase="start")
    assert client.post(f"/r/{first}/again").status_code == 302
    second = rate_by_form(client, q, [2] * 13 + [None], phase="middle")
    client.post(f"/r/{second}/again")
    third = rate_by_form(client, q, [3] * 14, phase="end")
    html = client.get(f"/r/{third}?lang=en").get_data(as_text=True)
    assert "Your ratings over time" in html
    rows = dot_rows(html, "chart-ladder")
    assert len(rows) == 14
    names = [rating.split(" (")[1] for rating in rows[0][1][0] + rows[0][1][1] + rows[0][1][2]]
    assert names == ["start)", "middle)", "end)"]
    # the first competence: one mark per rating on steps 1, 2 and 3
    assert [len(marks) for marks in rows[0][1]] == [1, 1, 1, 0]
    # the last competence had no step in the middle rating: two marks and a note
    assert [len(marks) for marks in rows[-1][1]] == [1, 0, 1, 0]
    assert "(middle): I have not had a chance to do this yet<" in html.split("chart-ladder")[1]
    # a rating that is not part of the series shows no series
    other = rate_by_form(client, q, [4] * 14)
    assert "Your ratings over time" not in client.get(f"/r/{other}?lang=en").get_data(as_text=True)


def test_deleting_the_self_rating_removes_the_comparison(app, q):
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, q, STAGES)
    trainee.post(f"/r/{own}/invite")
    invite = link(
        trainee.get(f"/r/{own}").get_data(as_text=True), r"http://localhost/r/invite/[\w-]+"
    ).removeprefix("http://localhost")
    mentor.get(invite)
    theirs = rate_by_form(mentor, q, STAGES)
    compare = link(mentor.get(f"/r/{theirs}").get_data(as_text=True), r"/r/compare/[\w-]+")
    trainee.post(f"/r/{own}/delete")
    assert trainee.get(compare).status_code == 404
    assert mentor.get(f"/r/{theirs}").status_code == 200
