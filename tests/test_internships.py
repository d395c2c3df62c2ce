"""Internships: two role links, results added and withdrawn, the plan, the agendas, deletion."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.internships.plan import build_plan, evaluation_agenda
from quizapp.internships.store import find_role, purge_expired_internships
from quizapp.models import Attachment, Internship, Invitation, Response, utcnow
from quizapp.quiz.pages import paginate

from .helpers import leadership_answers, learning_answers
from .test_ladder import IDS, link, rate_by_form
from .test_register import FORMAL, INFORMAL, offending

TRAINEE_STEPS = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]


def api(client, qid: str, answers: dict, **extra) -> str:
    """Store answers through the API; return the result's token."""
    response = client.post(
        f"/api/v1/questionnaires/{qid}/responses", json={"answers": answers, **extra}
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["token"]


def start(client, role: str = "trainee", **labels) -> tuple[str, str]:
    """Start an internship by the form; return this role's plan path and the other's."""
    made = client.post("/i/new", data={"as": role, **labels})
    assert made.status_code == 302
    mine = made.headers["Location"]
    page = client.get(mine + "?lang=en").get_data(as_text=True)
    other = re.search(r'id="other-link"[^>]*value="http://localhost([^"]+)"', page).group(1)
    return mine, other


def add(client, plan: str, token: str):
    """Add a result to the plan by pasting its private link."""
    return client.post(f"{plan}/attach", data={"link": f"http://localhost/r/{token}"})


@pytest.fixture
def full(app, library):
    """An internship with every result of both roles added."""
    qs = library.questionnaires
    trainee, mentor = app.test_client(), app.test_client()
    mine, theirs = start(trainee, trainee_name="Sam", mentor_name="Ilse", company="Garage")
    mentor.get(theirs)
    trainee_results = {
        "learning": api(
            trainee,
            "learning-styles",
            learning_answers(qs["learning-styles"], ["RO", "CE", "AC", "AE"]),
        ),
        "ladder": api(
            trainee, "competence-ladder", dict(zip(IDS, TRAINEE_STEPS, strict=True)), phase="start"
        ),
        "expectations": api(
            trainee, "expectations", {i.id: "high" for i in qs["expectations"].items}
        ),
    }
    mentor_results = {
        "leadership": api(
            mentor, "leadership-styles", leadership_answers(qs["leadership-styles"], "S4")
        ),
        "ladder": api(
            mentor, "competence-ladder", dict.fromkeys(IDS, 3), perspective="mentor", phase="start"
        ),
        "expectations": api(
            mentor,
            "expectations",
            {
                i.id: ("low" if n % 3 == 0 else "some")
                for n, i in enumerate(qs["expectations"].items)
            },
            perspective="mentor",
        ),
        "learning": api(
            mentor,
            "learning-styles",
            learning_answers(qs["learning-styles"], ["AE", "AC", "CE", "RO"]),
            perspective="mentor",
        ),
    }
    for token in trainee_results.values():
        assert add(trainee, mine, token).status_code == 302
    for token in mentor_results.values():
        assert add(mentor, theirs, token).status_code == 302
    return {
        "trainee": trainee,
        "mentor": mentor,
        "trainee_plan": mine,
        "mentor_plan": theirs,
        "trainee_results": trainee_results,
        "mentor_results": mentor_results,
    }


def internship_of(app, plan_path: str) -> Internship:
    with app.app_context():
        found = find_role(plan_path.rsplit("/", 1)[1])
        assert found is not None
        return found


def test_starting_gives_two_links_and_keeps_the_labels(app, client):
    mine, theirs = start(
        client,
        "mentor",
        trainee_name=" Sam\u202e ",
        company="Garage Peeters",
        starts="2026-09-01",
        ends="bad",
    )
    assert mine != theirs
    with app.app_context():
        internship, role = find_role(mine.rsplit("/", 1)[1])
        assert role == "mentor"
        assert (internship.trainee_name, internship.mentor_name) == ("Sam", None)
        assert internship.company == "Garage Peeters"
        assert internship.starts.isoformat() == "2026-09-01"
        assert internship.ends is None
        assert find_role(theirs.rsplit("/", 1)[1])[1] == "trainee"


def test_the_other_link_shows_until_it_is_opened(app):
    trainee, mentor = app.test_client(), app.test_client()
    mine, theirs = start(trainee)
    assert theirs in trainee.get(mine).get_data(as_text=True)
    mentor.get(theirs)
    page = trainee.get(mine).get_data(as_text=True)
    assert theirs not in page
    assert 'id="other-link"' not in page


def test_a_questionnaire_started_from_the_plan_joins_it(app, library):
    trainee = app.test_client()
    mine, _theirs = start(trainee)
    q = library.questionnaires["competence-ladder"]
    assert trainee.post(f"{mine}/start/competence-ladder").status_code == 302
    values = dict(zip(IDS, TRAINEE_STEPS, strict=True))
    for page in paginate(q):
        data = {
            i.id: "not-observed" if values[i.id] is None else str(values[i.id]) for i in page.items
        }
        done = trainee.post(f"/q/competence-ladder/{page.number}", data=data)
        assert done.status_code == 302
    assert done.headers["Location"] == mine
    with app.app_context():
        attachment = db.session.execute(db.select(Attachment)).scalar_one()
        assert attachment.role == "trainee"
        assert attachment.response.perspective == "self"
        assert attachment.response.answers["knowledge"] == 1
    page = trainee.get(mine + "?lang=en").get_data(as_text=True)
    assert "Your result is added to the internship plan." in page


def test_a_mentor_starts_in_the_mentor_wording(app, library):
    mentor = app.test_client()
    mine, _theirs = start(mentor, "mentor")
    mentor.post(f"{mine}/start/competence-ladder")
    page = mentor.get("/q/competence-ladder/1?lang=en").get_data(as_text=True)
    option = library.questionnaires["competence-ladder"].items[0].options[0]
    assert option.text_mentor in page
    # a trainee's questionnaire is not for the mentor's link
    assert mentor.post(f"{mine}/start/nope").status_code == 404


def test_adding_results_checks_role_and_ownership(app, library):
    trainee, mentor = app.test_client(), app.test_client()
    mine, theirs = start(trainee)
    q = library.questionnaires["leadership-styles"]
    leadership = api(mentor, "leadership-styles", leadership_answers(q, "S1"))
    refused = add(trainee, mine, leadership)
    assert refused.headers["Location"].endswith("#add")
    assert "made by the other role" in trainee.get(mine + "?lang=en").get_data(as_text=True)
    assert add(mentor, theirs, leadership).headers["Location"] == theirs
    again = add(mentor, theirs, leadership)
    assert again.headers["Location"].endswith("#add")
    assert "already belongs to an internship plan" in mentor.get(theirs + "?lang=en").get_data(
        as_text=True
    )
    assert add(trainee, mine, "x" * 32).headers["Location"].endswith("#add")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar() == 1


def test_the_plan_per_competence(app, full):
    internship, _role = internship_of(app, full["trainee_plan"])
    with app.test_request_context():
        plan = build_plan(db.session.merge(internship))
        rows = {row.item.id: row for row in plan.rows}
        assert plan.usual_styles == ["S4"]
        assert plan.missing == []
        # knowledge: trainee 1, mentor 3 -> two steps apart; the mentor's step 3 fits S3,
        # which is more direction than the delegating the mentor uses most
        knowledge = rows["knowledge"]
        assert (knowledge.trainee_step, knowledge.mentor_step) == (1, 3)
        assert (knowledge.flag, knowledge.basis, knowledge.fit) == ("differ", 3, "S3")
        assert knowledge.advice == "more_direction"
        # reflective thinking: not observed by the trainee
        assert rows["reflective-thinking"].flag == "not_observed"
        assert [r.item.id for r in plan.rows if r.flag == "differ"] == ["knowledge", "quality"]
        assert {r.advice for r in plan.rows} == {"more_direction"}
        assert plan.learning["trainee"].shown.result.profile["region"] == "imagining"
        assert plan.learning["mentor"].shown.result.profile["region"] == "deciding"
        agenda = evaluation_agenda(plan)
        assert agenda["progress"] == []
        assert [r.item.id for r in agenda["differences"]] == [
            "knowledge",
            "reflective-thinking",
            "quality",
        ]
        assert agenda["strengths"] == []
        assert agenda["next"] == []


def test_the_plan_pages_read_right_for_each_role(full):
    trainee = full["trainee"].get(full["trainee_plan"] + "?lang=en").get_data(as_text=True)
    mentor = full["mentor"].get(full["mentor_plan"] + "?lang=en").get_data(as_text=True)
    assert "You mostly use Delegating: give more direction here for now." in mentor
    assert (
        "Your mentor mostly uses Delegating: ask for more explanation and step-by-step help"
        " here for now." in trainee
    )
    assert "Different places to start" in trainee
    # each role sees the private links of its own results only
    for token in full["trainee_results"].values():
        assert token in trainee
        assert token not in mentor
    for token in full["mentor_results"].values():
        assert token in mentor
        assert token not in trainee
    # once both links are opened, neither page shows the other's link
    assert full["mentor_plan"] not in trainee
    assert full["trainee_plan"] not in mentor


def test_agendas(full):
    intake = full["trainee"].get(full["trainee_plan"] + "/intake?lang=en").get_data(as_text=True)
    talk = intake.split('id="talk-h"')[1].split("</section>")[0]
    assert "Hoped for, but not offered" in talk
    assert "Hoped for, offered in part" in talk
    # the mentor said "no" to every third line of the first part
    assert talk.count("<li><strong>") == 13
    assert "Help wanted" not in intake  # the trainee said "ready" to everything the mentor asks
    # of the mentor's 8 lines, 2 are "less important here" (lines 15 and 18): no topic
    meet = intake.split('id="meet-h"')[1].split("</section>")[0]
    assert meet.count("<li>") == 6
    evaluation = (
        full["mentor"].get(full["mentor_plan"] + "/evaluation?lang=nl").get_data(as_text=True)
    )
    assert '<html lang="nl">' in evaluation
    two = full["mentor"].get(full["mentor_plan"] + "/intake?lang=nl&lang2=en")
    assert 'lang="en"' in two.get_data(as_text=True)


def test_withdraw_renew_and_delete(app, full):
    trainee, mine = full["trainee"], full["trainee_plan"]
    token = full["trainee_results"]["learning"]
    assert trainee.post(f"{mine}/withdraw/{token}").status_code == 302
    assert trainee.get(f"/r/{token}").status_code == 200  # the result stays
    assert token not in trainee.get(mine).get_data(as_text=True)
    assert trainee.post(f"{mine}/withdraw/{token}").status_code == 404
    renewed = trainee.post(f"{mine}/renew", data={"role": "trainee"})
    new = renewed.headers["Location"].split("#")[0]
    assert new != mine
    assert trainee.get(mine).status_code == 404
    assert trainee.get(new).status_code == 200
    # the mentor's link is untouched by the trainee's renewal
    assert full["mentor"].get(full["mentor_plan"]).status_code == 200
    confirm = trainee.get(f"{new}/delete?lang=en").get_data(as_text=True)
    assert "The plan and the 6 results in it are deleted for good" in confirm
    assert trainee.post(f"{new}/delete").status_code == 200
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Internship.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar() == 0
        # only the withdrawn result is left
        assert [r.token for r in db.session.execute(db.select(Response)).scalars()] == [token]
    assert full["mentor"].get(full["mentor_plan"]).status_code == 404


def test_an_invitation_answered_from_a_plan_result_joins_the_plan(app, library):
    trainee, mentor = app.test_client(), app.test_client()
    mine, _theirs = start(trainee)
    q = library.questionnaires["competence-ladder"]
    own = api(trainee, "competence-ladder", dict(zip(IDS, TRAINEE_STEPS, strict=True)))
    add(trainee, mine, own)
    trainee.post(f"/r/{own}/invite")
    invite = link(
        trainee.get(f"/r/{own}").get_data(as_text=True), r"http://localhost/r/invite/[\w-]+"
    )
    mentor.get(invite.removeprefix("http://localhost"))
    rate_by_form(mentor, q, [3] * 14)
    with app.app_context():
        roles = sorted(a.role for a in db.session.execute(db.select(Attachment)).scalars())
        assert roles == ["mentor", "trainee"]
        assert db.session.execute(db.select(Invitation)).scalar_one().answer_id is not None


def test_expired_plans_are_purged_with_their_results(app, full):
    with app.app_context():
        internship = db.session.execute(db.select(Internship)).scalar_one()
        internship.created = utcnow() - timedelta(days=app.config["RESULT_RETENTION_DAYS"] + 1)
        db.session.commit()
        assert full["trainee"].get(full["trainee_plan"]).status_code == 404
        assert purge_expired_internships() == 1
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar() == 0


def test_api_journey(app, client, library):
    made = client.post("/api/v1/internships", json={"trainee_name": "Sam", "starts": "2026-09-01"})
    assert made.status_code == 201
    tokens = made.get_json()
    trainee, mentor = tokens["trainee_token"], tokens["mentor_token"]
    assert tokens["mentor_url"] == f"http://localhost/i/{mentor}"
    q = library.questionnaires["competence-ladder"]
    own = api(client, "competence-ladder", dict(zip(IDS, TRAINEE_STEPS, strict=True)))
    theirs = api(client, "competence-ladder", dict.fromkeys(IDS, 3), perspective="mentor")
    assert (
        client.post(f"/api/v1/internships/{trainee}/results", json={"token": own}).status_code
        == 204
    )
    assert (
        client.post(f"/api/v1/internships/{trainee}/results", json={"token": theirs}).status_code
        == 422
    )
    assert (
        client.post(f"/api/v1/internships/{mentor}/results", json={"token": own}).status_code == 422
    )
    assert (
        client.post(f"/api/v1/internships/{mentor}/results", json={"token": theirs}).status_code
        == 204
    )
    assert (
        client.post(f"/api/v1/internships/{mentor}/results", json={"token": theirs}).status_code
        == 409
    )
    assert client.post(f"/api/v1/internships/{mentor}/results", data="token=x").status_code == 415
    view = client.get(f"/api/v1/internships/{trainee}").get_json()
    assert view["role"] == "trainee"
    assert view["labels"]["trainee_name"] == "Sam"
    assert [(r["role"], r["token"]) for r in view["results"]] == [
        ("trainee", own),
        ("mentor", None),
    ]
    assert view["competences"][0] == {
        "item": "knowledge",
        "trainee_step": 1,
        "mentor_step": 3,
        "flag": "differ",
        "fitting_style": "S3",
        "advice": None,
    }
    assert {"role": "mentor", "kind": "leadership"} in view["missing"]
    assert len(q.items) == len(view["competences"])
    assert client.delete(f"/api/v1/internships/{trainee}/results/{own}").status_code == 204
    assert client.delete(f"/api/v1/internships/{mentor}").status_code == 204
    assert client.get(f"/api/v1/internships/{trainee}").status_code == 404
    assert client.get(f"/r/{own}").status_code == 200
    assert client.get(f"/r/{theirs}").status_code == 404


def test_internship_pages_speak_to_their_reader(full):
    """Dutch: the trainee's plan and agendas say "je" or nobody, the mentor's "u" or nobody."""
    for role, other_words in (("trainee", FORMAL), ("mentor", INFORMAL)):
        client, plan = full[role], full[f"{role}_plan"]
        for path in (plan, f"{plan}/intake", f"{plan}/evaluation", f"{plan}/delete"):
            html = client.get(path + "?lang=nl").get_data(as_text=True)
            assert offending(other_words, html) == [], (role, path)
        for token in full[f"{role}_results"].values():
            html = client.get(f"/r/{token}?lang=nl").get_data(as_text=True)
            assert offending(other_words, html) == [], (role, token)
    # the agendas are printed for both: they address nobody
    for path in ("/intake", "/evaluation"):
        html = full["trainee"].get(full["trainee_plan"] + path + "?lang=nl").get_data(as_text=True)
        body = html.split("<main", 1)[1].split('class="agenda-tools')[0]
        assert offending(INFORMAL, body) == []
        assert offending(FORMAL, body) == []


def test_plan_pages_are_private(full, client):
    for path in (full["trainee_plan"], full["trainee_plan"] + "/intake", "/i/new"):
        response = full["trainee"].get(path)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "Disallow: /i/" in client.get("/robots.txt").get_data(as_text=True).splitlines()


def test_a_kept_plan_page_follows_every_change(app):
    trainee = app.test_client()
    mine, theirs = start(trainee)
    first = trainee.get(mine + "?lang=en").get_data(as_text=True)
    assert theirs in first
    renewed = trainee.post(f"{mine}/renew", data={"role": "mentor"})
    assert renewed.status_code == 302
    trainee.get(mine)  # shows the flash once
    again = trainee.get(mine + "?lang=en").get_data(as_text=True)
    assert theirs not in again
    new = re.search(r'id="other-link"[^>]*value="http://localhost([^"]+)"', again).group(1)
    assert new != theirs
    trainee.post(f"{mine}/labels", data={"company": "Bakkerij Smet"})
    trainee.get(mine)
    assert "Bakkerij Smet" in trainee.get(mine + "?lang=en").get_data(as_text=True)
