"""Continue later: answers saved on the server under a link of their own, brought back in any
browser, sent once, deleted when sent and by the purge after their expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Draft, Invitation, Response, utcnow
from quizapp.quiz.pages import paginate

from .test_ladder import IDS, link, rate_by_form
from .test_quiz_views import page_form

ORDER = ["AE", "AC", "CE", "RO"]
LATER = r"http://localhost/q/[\w-]+/continue/[\w-]+"


@pytest.fixture
def q(library):
    return library.questionnaires["learning-styles"]


def count(app, model) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


def save_first_page_for_later(client, q) -> str:
    """Answer page 1, choose "Continue later"; return the link's path."""
    items = paginate(q)[0].items
    response = client.post(
        "/q/learning-styles/1", data={**page_form(q, items, ORDER), "action": "later"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/q/learning-styles/later?page=1"
    html = client.get("/q/learning-styles/later?page=1&lang=en").get_data(as_text=True)
    assert "Your answers are saved" in html
    return link(html, LATER).removeprefix("http://localhost")


def test_every_page_offers_continue_later(client, q):
    for page in paginate(q):
        html = client.get(f"/q/learning-styles/{page.number}?lang=en").get_data(as_text=True)
        assert 'name="action" value="later"' in html
        assert "Continue later" in html


def test_saved_answers_come_back_in_another_browser_and_make_one_result(app, q):
    first, second = app.test_client(), app.test_client()
    path = save_first_page_for_later(first, q)
    assert count(app, Draft) == 1
    # another browser (or the same one after it was closed) opens the link
    opened = second.get(path)
    assert opened.status_code == 302
    assert opened.headers["Location"] == "/q/learning-styles/2"
    html = second.get("/q/learning-styles/1?lang=en").get_data(as_text=True)
    assert "3 of 12 questions answered" in html
    assert html.count(" checked>") == 12  # the three rankings of page 1, four places each
    # each page sent now also updates the saved copy
    pages = paginate(q)
    second.post("/q/learning-styles/2", data={**page_form(q, pages[1].items, ORDER)})
    with app.app_context():
        draft = db.session.execute(db.select(Draft)).scalar_one()
        assert len(draft.answers) == 6
    for page in pages[2:4]:
        response = second.post(
            f"/q/learning-styles/{page.number}",
            data={
                **page_form(q, page.items, ORDER),
                "action": "finish" if page.number == 4 else "next",
            },
        )
    assert response.headers["Location"].startswith("/r/")
    assert count(app, Response) == 1
    assert count(app, Draft) == 0  # sent: the saved copy is gone
    gone = first.get(path + "?lang=en")
    assert gone.status_code == 404
    assert "Saved answers not found" in gone.get_data(as_text=True)


def test_two_browsers_sending_the_same_saved_answers_make_one_result(app, q):
    first, second = app.test_client(), app.test_client()
    path = save_first_page_for_later(first, q)
    second.get(path)
    pages = paginate(q)
    results = []
    for client in (first, second):
        for page in pages[1:4]:
            response = client.post(
                f"/q/learning-styles/{page.number}",
                data={
                    **page_form(q, page.items, ORDER),
                    "action": "finish" if page.number == 4 else "next",
                },
            )
        results.append(response.headers["Location"])
    assert results[0] == results[1]
    assert count(app, Response) == 1


def test_the_context_comes_back_whole_with_keys_of_other_features(app, library):
    ladder = library.questionnaires["competence-ladder"]
    trainee, mentor, other = app.test_client(), app.test_client(), app.test_client()
    own = rate_by_form(trainee, ladder, [2] * len(IDS))
    trainee.post(f"/r/{own}/invite")
    invite = link(trainee.get(f"/r/{own}").get_data(as_text=True), r"/r/invite/[\w-]+")
    mentor.get(invite)
    data = {i.id: "3" for i in paginate(ladder)[0].items}
    response = mentor.post("/q/competence-ladder/1", data={**data, "action": "later"})
    assert response.status_code == 302
    with app.app_context():
        draft = db.session.execute(db.select(Draft)).scalar_one()
        assert draft.context["perspective"] == "mentor"
        assert draft.context["invite"] == invite.rsplit("/", 1)[1]
        # a key another feature may add one day is kept as it is
        draft.context = {**draft.context, "internship": "i-42"}
        db.session.commit()
        token = draft.token
    other.get(f"/q/competence-ladder/continue/{token}")
    with other.session_transaction() as session:
        assert session["contexts"]["competence-ladder"]["internship"] == "i-42"
        assert session["contexts"]["competence-ladder"]["perspective"] == "mentor"
    # the rating finished elsewhere answers the invitation
    theirs = rate_by_form(other, ladder, [3] * len(IDS))
    with app.app_context():
        invitation = db.session.execute(db.select(Invitation)).scalar_one()
        assert invitation.answer.token == theirs
        assert invitation.answer.perspective == "mentor"


def test_a_link_of_another_questionnaire_or_a_wrong_token_is_404(app, q):
    client = app.test_client()
    path = save_first_page_for_later(client, q)
    token = path.rsplit("/", 1)[1]
    assert client.get(f"/q/leadership-styles/continue/{token}").status_code == 404
    assert client.get("/q/learning-styles/continue/nope").status_code == 404


def test_expired_drafts_are_404_and_purged(app, runner, q):
    client = app.test_client()
    path = save_first_page_for_later(client, q)
    save_first_page_for_later(app.test_client(), q)
    with app.app_context():
        old = db.session.execute(db.select(Draft).order_by(Draft.id)).scalars().first()
        old.expires = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert client.get(path).status_code == 404
    result = runner.invoke(args=["results", "purge"])
    assert "Deleted 1 expired drafts." in result.output
    assert count(app, Draft) == 1


def test_the_link_lasts_draft_days_and_the_pages_say_until_when(app, q):
    app.config["DRAFT_DAYS"] = 3
    client = app.test_client()
    save_first_page_for_later(client, q)
    with app.app_context():
        draft = db.session.execute(db.select(Draft)).scalar_one()
        left = draft.expires_utc - utcnow()
    assert timedelta(days=3) - timedelta(minutes=1) < left <= timedelta(days=3)
    html = client.get("/q/learning-styles/2?lang=en").get_data(as_text=True)
    assert "saved under your continue-later link, until" in html
    assert 'name="action" value="later"' not in html


def test_continue_later_pages_are_private(app, q):
    client = app.test_client()
    path = save_first_page_for_later(client, q)
    for url in ("/q/learning-styles/later", path):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store"
        assert "noindex" in response.headers["X-Robots-Tag"]
