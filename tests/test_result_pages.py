"""Rendered result pages are kept by what they depend on, dropped on deletion, never shared."""

from __future__ import annotations

import re

import pytest

from quizapp.results import pages as pages_module
from quizapp.results.pages import CSRF_HOLE, Pages

from .conftest import fresh_app
from .helpers import learning_answers
from .test_ladder import STAGES, link, rate_by_form


class Clock:
    """A timer the tests move by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_pages_are_a_bounded_lru_with_a_time_limit(app):
    clock = Clock()
    store = Pages(2, 60)
    store._pages = type(store._pages)(maxsize=2, ttl=60, timer=clock)
    renders = []

    def page(text):
        def render():
            renders.append(text)
            return text

        return render

    with app.test_request_context():
        assert store.get_or_render(("a",), page("A")) == "A"
        assert store.get_or_render(("b",), page("B")) == "B"
        assert store.get_or_render(("a",), page("A again")) == "A"  # kept; "a" is now newest
        assert store.get_or_render(("c",), page("C")) == "C"  # drops "b", the least recent
        assert store.get_or_render(("b",), page("B again")) == "B again"
        clock.now = 61
        assert store.get_or_render(("a",), page("A late")) == "A late"  # expired
    assert renders == ["A", "B", "C", "B again", "A late"]


def test_forget_drops_every_page_that_names_a_token(app):
    store = Pages(10, 60)
    with app.test_request_context():
        store.get_or_render(("result", "t1", "en", None, "u", ()), lambda: "one")
        store.get_or_render(("result", "t2", "en", None, "u", (("t1", "t2"), ())), lambda: "two")
        store.get_or_render(("result", "t3", "en", None, "u", ()), lambda: "three")
    assert store.forget("t1") == 2
    assert len(store) == 1


def test_the_csrf_token_is_filled_in_for_each_visitor(app):
    store = Pages(10, 60)
    with app.test_request_context():
        kept = store.get_or_render(("k",), lambda: f"<input value='{CSRF_HOLE}'>")
        first = store.fill(kept)
    with app.test_request_context():
        second = store.fill(store.get_or_render(("k",), lambda: "never rendered"))
    assert CSRF_HOLE in kept
    tokens = [re.search(r"value='([^']+)'", str(page)).group(1) for page in (first, second)]
    assert CSRF_HOLE not in first + second
    assert tokens[0] != tokens[1]


def test_a_result_is_rendered_once_per_language(client, app, library, monkeypatch):
    q = library.questionnaires["learning-styles"]
    created = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        json={"answers": learning_answers(q, ["CE", "RO", "AC", "AE"])},
    )
    token = created.get_json()["token"]
    scored = []
    real = pages_module.Pages.get_or_render

    def counting(self, key, render):
        lang = next(k for k in key if k in ("en", "nl"))
        return real(self, key, lambda: scored.append(lang) or render())

    monkeypatch.setattr(pages_module.Pages, "get_or_render", counting)
    english = [client.get(f"/r/{token}?lang=en").get_data(as_text=True) for _ in range(3)]
    dutch = client.get(f"/r/{token}?lang=nl").get_data(as_text=True)
    assert scored == ["en", "en", "nl", "nl"]  # the body, then the page around it
    assert english[0] == english[1] == english[2]
    assert '<html lang="nl">' in dutch
    assert "Your learning style" in english[0]


def test_deleting_a_result_drops_its_kept_page(client, app, library):
    q = library.questionnaires["learning-styles"]
    token = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        json={"answers": learning_answers(q, ["CE", "RO", "AC", "AE"])},
    ).get_json()["token"]
    client.get(f"/r/{token}")
    store = app.extensions[pages_module.KEY]
    assert len(store) == 2  # the result's body and its whole page
    assert client.delete(f"/api/v1/results/{token}").status_code == 204
    assert len(store) == 0
    assert client.get(f"/r/{token}").status_code == 404


@pytest.fixture
def ladder(library):
    return library.questionnaires["competence-ladder"]


def test_ladder_page_follows_its_series_and_invitations(client, app, ladder):
    own = rate_by_form(client, ladder, STAGES, phase="start")
    first = client.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Make an invitation link" in first
    client.post(f"/r/{own}/invite")
    invited = client.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Make an invitation link" not in invited
    invite = link(invited, r"http://localhost/r/invite/[\w-]+")
    # a second rating joins the series: the first rating's page now shows both
    client.post(f"/r/{own}/again")
    rate_by_form(client, ladder, [2] * 14, phase="middle")
    after = client.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Your ratings over time" in after
    assert invite in after


def test_comparison_page_is_dropped_with_either_rating(app, ladder):
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, ladder, STAGES)
    trainee.post(f"/r/{own}/invite")
    invite = link(
        trainee.get(f"/r/{own}").get_data(as_text=True), r"http://localhost/r/invite/[\w-]+"
    ).removeprefix("http://localhost")
    mentor.get(invite)
    theirs = rate_by_form(mentor, ladder, [3] * 14)
    compare = link(mentor.get(f"/r/{theirs}").get_data(as_text=True), r"/r/compare/[\w-]+")
    assert mentor.get(compare).status_code == 200
    store = app.extensions[pages_module.KEY]
    kept = len(store)
    mentor.post(f"/r/{theirs}/delete")
    assert len(store) < kept
    assert trainee.get(compare).status_code == 404


def test_forms_on_a_kept_page_carry_each_visitors_token(tmp_path, ladder):
    app = fresh_app(tmp_path, SERVER_NAME="localhost", WTF_CSRF_ENABLED=True)
    owner = app.test_client()
    token = owner.post(
        "/api/v1/questionnaires/competence-ladder/responses",
        json={"answers": dict(zip([i.id for i in ladder.items], STAGES, strict=True))},
    ).get_json()["token"]
    visitors = [app.test_client(), app.test_client()]
    tokens = []
    for visitor in visitors:
        html = visitor.get(f"/r/{token}").get_data(as_text=True)
        tokens.append(re.findall(r'name="csrf_token" value="([^"]+)"', html))
    assert len(tokens[0]) == 2  # "make an invitation link" and "rate again"
    assert tokens[0][0] != tokens[1][0]
    # each visitor's own token is accepted
    made = visitors[1].post(f"/r/{token}/invite", data={"csrf_token": tokens[1][0]})
    assert made.status_code == 302
