"""Flows that never lose work, on a 360 px phone in headless Chromium, in English and Dutch,
with and without JavaScript: continue later after the browser was closed, Back after sending,
an invitation used meanwhile, typing in a paper form as written, and the ranking widget."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from quizapp.extensions import db
from quizapp.models import Draft, Response

from .browser import post_json
from .test_phone import CHECK

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
TEXTS = {
    "en": {
        "later": "Continue later",
        "saved": "Your answers are saved",
        "back": "Your saved answers are back. Go on where you stopped.",
        "next": "Next",
        "finish": "See my result",
        "sent": "These answers were already sent",
        "open": "Open the result",
        "used": "This link was used meanwhile",
        "not lost": "Your answers are not lost.",
        "keep": "Keep my rating as my own result",
        "mentor result": "Your rating of your trainee",
        "invite": "Make an invitation link",
        "see": "See the result",
    },
    "nl": {
        "later": "Later verdergaan",
        "saved": "Je antwoorden zijn bewaard",
        "back": "Je bewaarde antwoorden zijn terug. Ga verder waar je was gebleven.",
        "next": "Volgende",
        "finish": "Mijn resultaat bekijken",
        "sent": "Deze antwoorden waren al verstuurd",
        "open": "Het resultaat openen",
        "used": "Deze link is intussen gebruikt",
        "not lost": "Uw antwoorden zijn niet verloren.",
        "keep": "Mijn beoordeling bewaren als mijn eigen resultaat",
        "mentor result": "Uw beoordeling van uw stagiair",
        "invite": "Uitnodigingslink maken",
        "see": "Resultaat bekijken",
    },
}
MODES = [
    pytest.param(js, lang, id=f"{'js' if js else 'no-js'}-{lang}")
    for js in (True, False)
    for lang in ("en", "nl")
]


def count(live, model=Response) -> int:
    with live.server.app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


def no_problems(page, js: bool) -> None:
    assert page.evaluate(CHECK, {"js": js, "phone": True}) == []


def rank_page(page, js: bool) -> None:
    """Rank every question of a learning-style page: the endings in the order they stand."""
    for item in page.locator("fieldset.rank").all():
        if js:
            picks = item.locator(".pick")
            for n in range(3):  # the fourth gets the last place by itself
                picks.nth(n).click()
        else:
            for place, ending in enumerate(item.locator(".ending").all(), start=1):
                ending.locator(f"input[value='{place}']").check()


def rate_page(page, step: str) -> None:
    for item in page.locator("fieldset.stage").all():
        item.locator(f"input[value='{step}']").check()


@pytest.mark.parametrize(("javascript", "lang"), MODES)
def test_continue_later_survives_a_closed_browser(live, browser, javascript, lang):
    words = TEXTS[lang]
    first = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = first.new_page()
    page.goto(f"{live.url}/q/learning-styles/1?lang={lang}")
    assert page.get_by_role("button", name=words["later"]).is_visible()
    rank_page(page, javascript)
    page.get_by_role("button", name=words["later"]).click()
    page.wait_for_url("**/q/learning-styles/later*")
    assert page.locator("h1").inner_text() == words["saved"]
    no_problems(page, javascript)
    link = page.locator("#later-url").input_value()
    assert "/q/learning-styles/continue/" in link
    drafts = count(live, Draft)
    first.close()  # the browser is closed: its session cookie is gone
    second = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = second.new_page()
    page.goto(link)
    page.wait_for_url("**/q/learning-styles/2")
    assert words["back"] in page.locator(".flash").inner_text()
    page.goto(f"{live.url}/q/learning-styles/1")
    if javascript:
        assert page.locator(".pick[aria-pressed=true]").count() == 12
    else:
        assert page.locator("input[type=radio]:checked").count() == 12
    before = count(live)
    for number in range(1, 5):
        if number > 1:
            page.goto(f"{live.url}/q/learning-styles/{number}")
            rank_page(page, javascript)
        label = words["finish"] if number == 4 else words["next"]
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_load_state()
    page.wait_for_url("**/r/*")
    assert count(live) == before + 1
    assert count(live, Draft) == drafts - 1  # sent: the saved copy is gone
    second.close()


@pytest.mark.parametrize(("javascript", "lang"), MODES)
def test_back_and_reload_after_sending_lead_to_the_result(live, browser, javascript, lang):
    words = TEXTS[lang]
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live.url}/q/competence-ladder/1?lang={lang}")
    for number in range(1, 5):
        rate_page(page, "3")
        label = words["finish"] if number == 4 else words["next"]
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_load_state()
    page.wait_for_url("**/r/*")
    result, before = page.url, count(live)
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == words["sent"]
    no_problems(page, javascript)
    page.reload()
    assert page.locator("h1").inner_text() == words["sent"]
    # further back: an earlier page says the same, never an empty form holding old answers
    page.goto(f"{live.url}/q/competence-ladder/3")
    assert page.locator("h1").inner_text() == words["sent"]
    assert page.locator("fieldset.stage").count() == 0
    page.get_by_role("link", name=words["open"]).click()
    page.wait_for_url(result)
    assert count(live) == before
    context.close()


@pytest.mark.parametrize(("javascript", "lang"), MODES)
def test_a_rater_whose_invitation_was_used_meanwhile_keeps_the_answers(
    live, browser, library, javascript, lang
):
    words = TEXTS[lang]
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    own = post_json(live, "competence-ladder", {"answers": dict.fromkeys(ids, 2)})
    trainee = browser.new_page()
    trainee.goto(f"{live.url}/r/{own}?lang={lang}")
    trainee.fill("#invite-name", "Sam")
    trainee.get_by_role("button", name=words["invite"]).click()
    invite = trainee.locator("#invite-url").input_value()
    trainee.close()
    late = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = late.new_page()
    page.goto(f"{invite}?lang={lang}")
    assert "Sam" in page.locator(".invited").inner_text()
    page.goto(f"{live.url}/q/competence-ladder/1")
    for _page in range(3):
        rate_page(page, "2")
        page.get_by_role("button", name=words["next"], exact=True).click()
        page.wait_for_load_state()
    # meanwhile someone else rates through the same link
    other = browser.new_context()
    first = other.new_page()
    first.goto(invite)
    first.goto(f"{live.url}/q/competence-ladder/1?lang=en")
    for number in range(1, 5):
        rate_page(first, "4")
        first.get_by_role("button", name="See my result" if number == 4 else "Next").click()
        first.wait_for_load_state()
    other.close()
    rate_page(page, "2")
    page.get_by_role("button", name=words["finish"], exact=True).click()
    page.wait_for_url("**/invitation-used")
    assert page.locator("h1").inner_text() == words["used"]
    assert words["not lost"] in page.locator("main").inner_text()
    no_problems(page, javascript)
    # the answers are all still there
    page.goto(f"{live.url}/q/competence-ladder/1")
    assert (
        page.locator("fieldset.stage input[value='2']:checked").count()
        == page.locator("fieldset.stage").count()
    )
    page.goto(f"{live.url}/q/competence-ladder/invitation-used")
    before = count(live)
    page.get_by_role("button", name=words["keep"]).click()
    page.wait_for_url("**/r/*")
    assert page.locator("h1").inner_text() == words["mentor result"]
    assert count(live) == before + 1
    late.close()


@pytest.mark.parametrize(("javascript", "lang"), MODES)
def test_typing_in_a_paper_form_takes_the_places_as_written(live, browser, javascript, lang):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live.url}/q/learning-styles/enter?lang={lang}")
    # the numbering of the paper form: 1..n, never ids
    assert page.locator("#item-ls01 .qnum").inner_text() == (
        "Question 1" if lang == "en" else "Vraag 1"
    )
    assert "ls01" not in page.locator("main").inner_text()
    written = {"a": "3", "b": "1", "c": "4", "d": "2"}
    for item in page.locator("fieldset.rank-entry").all()[:12]:
        for letter, place in written.items():
            item.get_by_role("textbox", name=re.compile(f"^{letter} ")).fill(place)
    no_problems(page, javascript)
    page.get_by_role("button", name=TEXTS[lang]["see"]).click()
    page.wait_for_url("**/r/*")
    token = page.url.rsplit("/", 1)[1].split("?")[0]
    with urllib.request.urlopen(f"{live.url}/api/v1/results/{token}") as response:
        answers = json.load(response)["answers"]
    assert answers["ls01"] == ["b", "d", "a", "c"]
    assert len(answers) == 12
    context.close()


LIVE_TEXT = "document.querySelector('#item-ls01 [aria-live]').textContent"


def announced(page, part: str) -> str:
    """What the live region says once it says `part` (it speaks a moment after a change)."""
    for _ in range(40):
        text = page.evaluate(LIVE_TEXT)
        if part in text:
            return text
        page.wait_for_timeout(50)
    raise AssertionError(f"never announced {part!r}: {text!r}")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_ranking_widget_is_predictable_and_speaks(live, browser, lang):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live.url}/q/learning-styles/1?lang={lang}")
    item = page.locator("#item-ls01")
    # the help comes before the endings
    assert item.evaluate(
        "f => !!(f.querySelector('.rank-help').compareDocumentPosition(f.querySelector('.endings'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    picks = item.locator(".pick")

    def places():
        return [p.locator(".badge").inner_text() for p in picks.all()]

    for n in range(3):
        picks.nth(n).click()
    assert places() == ["1", "2", "3", "4"]
    announced(page, "4")
    # tapping a placed ending again takes back only its own place
    picks.nth(1).click()
    assert places() == ["1", "", "3", "4"]
    said = announced(page, "2")
    assert said.startswith(
        "Place 2 taken back from:" if lang == "en" else "Plaats 2 teruggenomen van:"
    )
    picks.nth(1).click()
    assert places() == ["1", "2", "3", "4"]
    # arrow keys move between the endings; Home and End go to the first and the last
    picks.nth(0).focus()
    keys = [("ArrowDown", 1), ("ArrowRight", 2), ("End", 3), ("ArrowDown", 0), ("ArrowUp", 3)]
    for key, expected in [*keys, ("Home", 0)]:
        page.keyboard.press(key)
        assert picks.nth(expected).evaluate("b => b === document.activeElement"), key
    assert places() == ["1", "2", "3", "4"]  # moving changes nothing
    item.locator(".rank-tools button").click()
    assert places() == ["", "", "", ""]
    page.close()
