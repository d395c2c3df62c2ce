"""The main journey in every language, on a 360 px phone in headless Chromium: a trainee's
learning style, its result, the competence ladder and an invitation; the mentor's rating through
it; the comparison. Each page is in the language asked for and passes the phone checks."""

from __future__ import annotations

import pytest
from flask_babel import force_locale, gettext, pgettext

from .browser import LANGUAGES
from .test_browser_flows import PHONE, no_problems, rank_page, rate_page

pytestmark = pytest.mark.browser


def answer_all(page, answer) -> None:
    """Answer each page of a questionnaire and send it; stop on the result."""
    for _ in range(12):
        answer(page)
        finish = page.locator("button[name=action][value=finish]")
        button = finish if finish.count() else page.locator("button[name=action][value=next]")
        button.click()
        page.wait_for_load_state()
        if "/r/" in page.url:
            return
    raise AssertionError(f"no result after 12 pages: {page.url}")


def in_language(live, lang: str, translate) -> str:
    with live.server.app.test_request_context(), force_locale(lang):
        return translate()


def check(page, lang: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang
    no_problems(page, True)


def rate_ladder(live, page, lang: str, step: str, heading: tuple[str, str]) -> None:
    """From the ladder's start page: every competence on one step, then the result's heading."""
    page.locator("main a.button[href$='/q/competence-ladder/1']").click()
    answer_all(page, lambda p: rate_page(p, step))
    check(page, lang)
    assert page.locator("h1").inner_text() == in_language(live, lang, lambda: pgettext(*heading))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_main_journey_in_each_language(live, browser, lang):
    trainee = browser.new_context(viewport=PHONE).new_page()
    trainee.goto(f"{live.url}/q/learning-styles?lang={lang}")
    check(trainee, lang)
    trainee.locator("main a.button[href$='/q/learning-styles/1']").click()
    check(trainee, lang)
    answer_all(trainee, lambda p: rank_page(p, True))
    check(trainee, lang)
    heading = in_language(live, lang, lambda: pgettext("trainee", "Your learning style: %(style)s"))
    assert trainee.locator("h1").inner_text().startswith(heading.split("%(style)s")[0])
    # the next step: the competence ladder
    trainee.locator("main a.button[href*='/q/competence-ladder']").click()
    check(trainee, lang)
    rate_ladder(live, trainee, lang, "1", ("trainee", "Your competence ladder"))
    trainee.locator("form[action$='/invite'] button[type=submit]").click()
    invite = trainee.locator("#invite-url").input_value()
    check(trainee, lang)

    mentor = browser.new_context(viewport=PHONE).new_page()
    mentor.goto(f"{invite}?lang={lang}")
    check(mentor, lang)
    rate_ladder(live, mentor, lang, "3", ("mentor", "Your rating of your trainee"))
    mentor.locator("main a.button[href*='/r/compare/']").click()
    mentor.wait_for_url("**/r/compare/*")
    check(mentor, lang)
    assert mentor.locator("h1").inner_text() == in_language(
        live, lang, lambda: gettext("Two views side by side")
    )
    assert mentor.locator("table#chart-compare td:nth-child(2) svg.mark").count() == 14
    assert mentor.locator("table#chart-compare td:nth-child(4) svg.mark").count() == 14
    assert mentor.locator("tr.flagged").count() == 14
