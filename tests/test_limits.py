"""Rate limits on storing and deleting, per client address, counted in a real Redis server
(and in memory for one process): clear 429 pages and JSON with Retry-After, answers kept."""

from __future__ import annotations

import re
import time

import pytest

from quizapp.extensions import db
from quizapp.models import Invitation, Response
from quizapp.quiz.pages import paginate

from .conftest import fresh_app
from .helpers import learning_answers
from .servers import RedisServer
from .test_exactly_once import page_data
from .test_ladder import STAGES, rate_by_form

URL = "/api/v1/questionnaires/learning-styles/responses"


@pytest.fixture(scope="module")
def redis_server():
    with RedisServer() as server:
        yield server


def limited_app(tmp_path, storage: str, **limits):
    return fresh_app(
        tmp_path,
        SERVER_NAME="localhost",
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=storage,
        **limits,
    )


@pytest.fixture
def redis_app(tmp_path, redis_server):
    redis_server.flush()
    app = limited_app(
        tmp_path,
        redis_server.url,
        RATE_LIMIT_RESULTS="3 per minute",
        RATE_LIMIT_INVITATIONS="1 per minute",
        RATE_LIMIT_DELETIONS="1 per minute",
    )
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def stored(app, model=Response) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


@pytest.fixture
def answers(library):
    return learning_answers(library.questionnaires["learning-styles"], ["AE", "AC", "CE", "RO"])


def test_api_results_are_limited_with_json_and_retry_after(redis_app, answers):
    client = redis_app.test_client()
    codes = [client.post(URL, json={"answers": answers}).status_code for _ in range(3)]
    assert codes == [201, 201, 201]
    refused = client.post(URL + "?lang=nl", json={"answers": answers})
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    problem = refused.get_json()["problems"][0]
    assert problem["code"] == "too_many_requests"
    assert problem["message"].startswith("Er kwamen in korte tijd veel resultaten, links of")
    assert stored(redis_app) == 3


def test_counts_live_in_redis_not_in_the_process(tmp_path, redis_server, redis_app, answers):
    client = redis_app.test_client()
    for _ in range(3):
        client.post(URL, json={"answers": answers})
    # another process (here: another app) with the same Redis sees the same counts
    other = limited_app(tmp_path, redis_server.url, RATE_LIMIT_RESULTS="3 per minute")
    assert other.test_client().post(URL, json={"answers": answers}).status_code == 429
    # a client at another address has its own count
    elsewhere = other.test_client().post(
        URL, json={"answers": answers}, environ_base={"REMOTE_ADDR": "192.0.2.7"}
    )
    assert elsewhere.status_code == 201
    with other.app_context():
        db.engine.dispose()


def test_a_refused_questionnaire_keeps_its_answers_and_can_be_sent_later(
    tmp_path, redis_server, library
):
    redis_server.flush()
    app = limited_app(tmp_path, redis_server.url, RATE_LIMIT_RESULTS="1 per 2 seconds")
    q = library.questionnaires["competence-ladder"]
    rate_by_form(app.test_client(), q, STAGES)  # the one result allowed now
    client = app.test_client()
    pages = paginate(q)
    for page in pages[:-1]:
        client.post(f"/q/competence-ladder/{page.number}", data=page_data(q, page))
    last = f"/q/competence-ladder/{len(pages)}?lang=nl"
    refused = client.post(last, data=page_data(q, pages[-1]))
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    html = refused.get_data(as_text=True)
    assert "Wacht 2 seconden" in html or "Wacht 1 seconde" in html
    assert len(re.findall(r"\bchecked\b", html)) == len(pages[-1].items)
    assert stored(app) == 1
    time.sleep(2.1)
    sent = client.post(last, data=page_data(q, pages[-1]))
    assert sent.status_code == 302
    assert "/r/" in sent.headers["Location"]
    assert stored(app) == 2
    with app.app_context():
        db.engine.dispose()


def test_typed_in_paper_answers_are_kept_when_refused(redis_app, answers):
    client = redis_app.test_client()
    for _ in range(3):
        client.post(URL, json={"answers": answers})
    form = {
        f"{item}:{option}": str(place)
        for item, order in answers.items()
        for place, option in enumerate(order, start=1)
    }
    refused = client.post("/q/learning-styles/enter?lang=en", data=form)
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Please wait" in html
    # every place typed in is in its box again
    for field, place in form.items():
        assert (
            f'name="{field}" inputmode="numeric" maxlength="1" autocomplete="off" value="{place}"'
            in html
        )


def test_invitations_and_deletions_are_limited(redis_app, library):
    q = library.questionnaires["competence-ladder"]
    client = redis_app.test_client()
    first = rate_by_form(client, q, STAGES)
    second = rate_by_form(client, q, STAGES)
    assert client.post(f"/r/{first}/invite").status_code == 302
    refused = client.post(f"/r/{second}/invite?lang=en")
    assert refused.status_code == 429
    assert "Please wait" in refused.get_data(as_text=True)
    assert "Retry-After" in refused.headers
    assert stored(redis_app, Invitation) == 1
    assert client.post(f"/r/{first}/delete").status_code == 200
    refused = client.post(f"/r/{second}/delete?lang=nl")
    assert refused.status_code == 429
    assert "Wacht" in refused.get_data(as_text=True)
    api = client.delete(f"/api/v1/results/{second}")
    assert api.status_code == 429
    assert api.get_json()["problems"][0]["code"] == "too_many_requests"
    assert stored(redis_app) == 1


def test_memory_storage_for_one_process(tmp_path, answers):
    app = limited_app(tmp_path, "memory://", RATE_LIMIT_RESULTS="2 per minute")
    client = app.test_client()
    codes = [client.post(URL, json={"answers": answers}).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    # reading is never limited
    assert all(client.get("/api/v1/questionnaires").status_code == 200 for _ in range(5))
    with app.app_context():
        db.engine.dispose()
