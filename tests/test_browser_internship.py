"""The internship plan in headless Chromium: the whole journey of a trainee and a mentor."""

from __future__ import annotations

import pytest

from .browser import post_json, tab_until
from .helpers import leadership_answers
from .test_browser import rate_ladder_with_keyboard
from .test_print import print_pdf

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def test_trainee_and_mentor_build_a_plan(live, browser, library, tmp_path):
    # The trainee starts the plan on a phone with the keyboard alone.
    trainee = browser.new_context(viewport=PHONE).new_page()
    trainee.goto(f"{live.url}/i/new?lang=en")
    tab_until(trainee, "el.id === 'trainee_name'")
    trainee.keyboard.type("Sam")
    tab_until(trainee, "el.id === 'mentor_name'")
    trainee.keyboard.type("Ilse")
    tab_until(trainee, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Start the plan'")
    trainee.keyboard.press("Enter")
    trainee.wait_for_url(lambda url: "/i/" in url and "/i/new" not in url)
    plan = trainee.url.split("?")[0]
    assert "Trainee: Sam · Mentor: Ilse" in trainee.locator("main").inner_text()
    mentor_link = trainee.locator("#other-link").input_value()
    assert trainee.evaluate("document.documentElement.scrollWidth") <= 360
    # The trainee rates the competences from the plan; the result joins it.
    tab_until(trainee, "el.tagName === 'BUTTON' && el.textContent.includes('Competence ladder')")
    trainee.keyboard.press("Enter")
    trainee.wait_for_url("**/q/competence-ladder")
    tab_until(trainee, "el.textContent.trim() === 'Start'")
    trainee.keyboard.press("Enter")
    rate_ladder_with_keyboard(trainee, steps=1, done=plan)
    assert "Your result is added to the internship plan." in trainee.locator("main").inner_text()

    # The mentor opens the link without JavaScript and adds two earlier results by their links.
    mentor = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    mentor.goto(mentor_link + "?lang=en")
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    rating = post_json(
        live, "competence-ladder", {"answers": dict.fromkeys(ids, 3), "perspective": "mentor"}
    )
    styles = post_json(
        live,
        "leadership-styles",
        {"answers": leadership_answers(library.questionnaires["leadership-styles"], "S4")},
    )
    for token in (rating, styles):
        mentor.fill("#link", f"{live.url}/r/{token}")
        mentor.get_by_role("button", name="Add it").click()
        assert "The result is added to the internship plan." in mentor.locator("main").inner_text()
    text = mentor.locator("main").inner_text()
    assert "You mostly use Delegating: give more direction here for now." in text
    assert "2 steps or more apart: talk about this first." in text
    assert mentor.evaluate("document.documentElement.scrollWidth") <= 360
    # The trainee's page shows the same advice, worded for the trainee.
    trainee.goto(plan + "?lang=en")
    assert "Your mentor mostly uses Delegating" in trainee.locator("main").inner_text()
    assert trainee.locator("#other-link").count() == 0  # the mentor has opened theirs

    # Both agendas print on one A4 page each, in one language and in two.
    for path, title in (
        ("intake", "Agenda: introductory interview"),
        ("evaluation", "Agenda: evaluation interview"),
    ):
        pages, printed = print_pdf(browser, f"{plan}/{path}?lang=en", tmp_path / f"{path}.pdf")
        assert pages == 1
        assert title in printed
        assert "Back to the plan" not in printed
        pages, printed = print_pdf(browser, f"{plan}/{path}?lang=nl&lang2=en", tmp_path / "two.pdf")
        assert pages == 1
        assert title in printed
    _pages, printed = print_pdf(browser, f"{plan}/evaluation?lang=en", tmp_path / "e.pdf")
    assert "Differences to talk about" in printed
    assert "Professional knowledge: trainee step 1, mentor step 3" in printed
