"""Exactly once: invitations used once, one invitation per result and rater, one result per
set of answers however often it is sent; on SQLite and on PostgreSQL, with real concurrency."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from quizapp.extensions import db
from quizapp.models import Invitation, Response
from quizapp.quiz.pages import paginate

from .browser import LiveServer
from .test_ladder import IDS, STAGES, link, rate_by_form

LADDER = "competence-ladder"
RACERS = 20


@pytest.fixture
def q(library):
    return library.questionnaires[LADDER]


@pytest.fixture
def server(app):
    with LiveServer(app) as live:
        yield live


def count(app, model=Response, **filters) -> int:
    with app.app_context():
        query = db.select(db.func.count()).select_from(model).filter_by(**filters)
        return db.session.execute(query).scalar()


def page_data(q, page, stages=STAGES) -> dict:
    values = dict(zip(IDS, stages, strict=True))
    return {i.id: "not-observed" if values[i.id] is None else str(values[i.id]) for i in page.items}


def invitation_of(app, client, q) -> tuple[str, str]:
    """A trainee's rating and its invitation link (path); returns (result token, invite path)."""
    own = rate_by_form(client, q, STAGES)
    client.post(f"/r/{own}/invite")
    html = client.get(f"/r/{own}").get_data(as_text=True)
    invite = link(html, r"http://localhost/r/invite/[\w-]+").removeprefix("http://localhost")
    return own, invite


def rater_at_last_page(server, q, invite: str) -> requests.Session:
    """A mentor's browser that opened the invitation and answered all pages but the last."""
    session = requests.Session()
    session.get(server.url + invite, allow_redirects=False)
    for page in paginate(q)[:-1]:
        response = session.post(
            f"{server.url}/q/{LADDER}/{page.number}",
            data=page_data(q, page),
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:300]
    return session


def send_at_once(sessions, url: str, data: dict) -> list[requests.Response]:
    """Post the same final page from every session at the same moment."""
    barrier = threading.Barrier(len(sessions))

    def send(session):
        barrier.wait()
        return session.post(url, data=data, allow_redirects=False, timeout=60)

    with ThreadPoolExecutor(len(sessions)) as pool:
        return list(pool.map(send, sessions))


def test_twenty_ratings_at_once_through_one_invitation_store_one(app, server, q):
    trainee = app.test_client()
    _own, invite = invitation_of(app, trainee, q)
    raters = [rater_at_last_page(server, q, invite) for _ in range(RACERS)]
    last = paginate(q)[-1]
    answers = send_at_once(raters, f"{server.url}/q/{LADDER}/{last.number}", page_data(q, last))
    assert [r.status_code for r in answers] == [302] * RACERS
    stored = [r for r in answers if "/r/" in r.headers["Location"]]
    refused = [r for r in answers if r.headers["Location"].endswith("/invitation-used")]
    assert (len(stored), len(refused)) == (1, RACERS - 1)
    assert count(app, perspective="mentor") == 1
    with app.app_context():
        invitation = db.session.execute(db.select(Invitation)).scalar_one()
        assert invitation.answer.token == stored[0].headers["Location"].rsplit("/", 1)[1]


def test_the_late_rater_keeps_the_answers_and_can_keep_them_as_own_result(app, q):
    trainee, first, late = app.test_client(), app.test_client(), app.test_client()
    own, invite = invitation_of(app, trainee, q)
    late.get(invite)
    first.get(invite)
    rate_by_form(first, q, STAGES)
    pages = paginate(q)
    for page in pages[:-1]:
        late.post(f"/q/{LADDER}/{page.number}", data=page_data(q, page, [2] * 14))
    sent = late.post(f"/q/{LADDER}/{len(pages)}", data=page_data(q, pages[-1], [2] * 14))
    assert sent.headers["Location"].endswith(f"/q/{LADDER}/invitation-used")
    page = late.get(f"/q/{LADDER}/invitation-used?lang=nl")
    assert page.status_code == 409
    html = page.get_data(as_text=True)
    assert "Uw antwoorden zijn niet verloren." in html
    assert "Mijn beoordeling bewaren als mijn eigen resultaat" in html
    # the answers are still there, page by page
    again = late.get(f"/q/{LADDER}/1").get_data(as_text=True)
    assert len(re.findall(r"\bchecked\b", again)) == len(pages[0].items)
    kept = late.post(f"/q/{LADDER}/invitation-used")
    token = kept.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        mine = db.session.execute(db.select(Response).filter_by(token=token)).scalar_one()
        assert mine.perspective == "mentor"
        assert mine.answers == dict.fromkeys(IDS, 2)
        trainee_series = db.session.execute(
            db.select(Response.series).filter_by(token=own)
        ).scalar_one()
        assert mine.series != trainee_series
    assert count(app, Invitation) == 1
    html = late.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert "Your rating of your trainee" in html


def test_invite_clicks_at_once_make_one_invitation(app, server, q):
    own = rate_by_form(app.test_client(), q, STAGES)
    sessions = [requests.Session() for _ in range(10)]
    answers = send_at_once(sessions, f"{server.url}/r/{own}/invite", {})
    assert [r.status_code for r in answers] == [302] * 10
    assert count(app, Invitation) == 1
    # and the result keeps working, with its one link
    html = app.test_client().get(f"/r/{own}").get_data(as_text=True)
    assert len(set(re.findall(r"/r/invite/[\w-]+", html))) == 1
    assert app.test_client().post(f"/r/{own}/invite").status_code == 302


def test_final_page_sent_twice_stores_one_result(app, q):
    client = app.test_client()
    pages = paginate(q)
    for page in pages[:-1]:
        client.post(f"/q/{LADDER}/{page.number}", data=page_data(q, page))
    html = client.get(f"/q/{LADDER}/{len(pages)}").get_data(as_text=True)
    key = re.search(r'name="submission" value="([\w-]+)"', html).group(1)
    data = {**page_data(q, pages[-1]), "submission": key}
    first = client.post(f"/q/{LADDER}/{len(pages)}", data=data)
    second = client.post(f"/q/{LADDER}/{len(pages)}?lang=en", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert count(app) == 1
    result = client.get(second.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "These answers were already sent. This is the result they made." in result


def test_final_page_sent_at_once_from_one_browser_stores_one_result(app, server, q):
    session = requests.Session()
    pages = paginate(q)
    for page in pages[:-1]:
        session.post(f"{server.url}/q/{LADDER}/{page.number}", data=page_data(q, page))
    html = session.get(f"{server.url}/q/{LADDER}/{len(pages)}").text
    key = re.search(r'name="submission" value="([\w-]+)"', html).group(1)
    clones = []
    for _ in range(8):
        clone = requests.Session()
        clone.cookies.update(session.cookies)
        clones.append(clone)
    data = {**page_data(q, pages[-1]), "submission": key}
    answers = send_at_once(clones, f"{server.url}/q/{LADDER}/{len(pages)}", data)
    assert len({r.headers["Location"] for r in answers}) == 1
    assert count(app) == 1


def test_back_after_finishing_shows_a_page_that_links_to_the_result(app, q):
    client = app.test_client()
    token = rate_by_form(client, q, STAGES)
    last = len(paginate(q))
    back = client.get(f"/q/{LADDER}/{last}?lang=en")
    assert back.status_code == 200
    html = back.get_data(as_text=True)
    assert "These answers were already sent" in html
    assert f'href="/r/{token}"' in html
    assert 'name="submission"' not in html
    # the start page begins a new questionnaire
    client.get(f"/q/{LADDER}")
    assert 'name="submission"' in client.get(f"/q/{LADDER}/{last}").get_data(as_text=True)
    assert count(app) == 1


def test_stale_page_sent_after_finishing_goes_to_the_result(app, q):
    client = app.test_client()
    pages = paginate(q)
    stale = client.get(f"/q/{LADDER}/2").get_data(as_text=True)
    key = re.search(r'name="submission" value="([\w-]+)"', stale).group(1)
    token = rate_by_form(client, q, STAGES)
    # Back to page 2 (from the browser's cache), then "Next"
    response = client.post(
        f"/q/{LADDER}/2", data={**page_data(q, pages[1]), "submission": key, "action": "next"}
    )
    assert response.headers["Location"] == f"/r/{token}"
    assert count(app) == 1


def test_paper_answers_typed_in_and_sent_twice_store_one_result(app, library):
    from .helpers import learning_answers

    q = library.questionnaires["learning-styles"]
    client = app.test_client()
    html = client.get("/q/learning-styles/enter").get_data(as_text=True)
    key = re.search(r'name="submission" value="([\w-]+)"', html).group(1)
    data = {"submission": key}
    for item_id, order in learning_answers(q, ["AE", "AC", "CE", "RO"]).items():
        for place, option in enumerate(order, start=1):
            data[f"{item_id}:{option}"] = str(place)
    first = client.post("/q/learning-styles/enter", data=data)
    second = client.post("/q/learning-styles/enter", data=data)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert count(app) == 1


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "1.0", " 1", "-1", "0x1", "1\x00"])
def test_odd_numbers_in_forms_are_422_with_a_message(client, library, value):
    q = library.questionnaires["learning-styles"]
    item = q.part("cycle").items[0]
    field = f"{item.id}:{item.options[0].id}"
    for url in ("/q/learning-styles/1?lang=en", "/q/learning-styles/enter?lang=en"):
        response = client.post(url, data={field: value, "action": "next"})
        assert response.status_code == 422, url
        assert "Choose a place from the list." in response.get_data(as_text=True)


@pytest.mark.parametrize("value", ["²", "9" * 5000, "x" * 5000, "ab\u202ecd"])
def test_odd_steps_and_options_are_422_with_a_message(client, library, value):
    ladder = library.questionnaires[LADDER]
    response = client.post(f"/q/{LADDER}/1?lang=en", data={ladder.items[0].id: value})
    assert response.status_code == 422
    assert "Choose one of the answers shown." in response.get_data(as_text=True)
    leadership = library.questionnaires["leadership-styles"]
    response = client.post("/q/leadership-styles/1?lang=en", data={leadership.items[0].id: value})
    assert response.status_code == 422
    assert "Choose one of the answers shown." in response.get_data(as_text=True)


@pytest.mark.parametrize(("field", "value"), [("action", "delete-all"), ("phase", "x" * 5000)])
def test_odd_buttons_and_phases_are_422(client, field, value):
    response = client.post(f"/q/{LADDER}/1?lang=en", data={field: value})
    assert response.status_code == 422
    assert "This page was sent in a way we cannot read." in response.get_data(as_text=True)
