"""Programmes in headless Chromium: a coordinator starts one on a phone with the keyboard,
people join and agree without JavaScript, and the dashboard, the evaluation with its SWOT
board and the printed report are checked at phone and desktop widths."""

from __future__ import annotations

import json
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest

from .browser import post_json, tab_until
from .test_print import print_pdf

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
CHECK = (Path(__file__).parent / "chart_check.js").read_text(encoding="utf-8")
TODAY = date.today()


def api(live, path: str, body: dict) -> dict:
    """POST JSON to the live server's API; the answer's JSON."""
    request = urllib.request.Request(
        live.url + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def attach(live, plan_url: str, token: str) -> None:
    """Add a result to a plan through the API (the plan's role token)."""
    role_token = plan_url.split("?")[0].rsplit("/", 1)[1]
    request = urllib.request.Request(
        f"{live.url}/api/v1/internships/{role_token}/results",
        data=json.dumps({"token": token}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request).close()


def width_of(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def agree_without_js(browser, link: str) -> str:
    """Open a role link on a phone without JavaScript, agree; the plan's URL."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(link + "?lang=en")
    assert "What the coordinator will see" in page.locator("main").inner_text()
    assert width_of(page) <= PHONE["width"]
    page.get_by_label("I agree that the coordinator sees what is listed above.").check()
    page.get_by_role("button", name="Continue to my plan").click()
    page.wait_for_url(lambda url: "/i/" in url and url.split("?")[0] != link)
    plan = page.url.split("?")[0]
    context.close()
    return plan


@pytest.fixture(scope="module")
def cohort(live, browser, library):
    """A programme of five internships: every trainee agreed (without JavaScript) and added a
    start rating and a process evaluation; returns (admin URL, join URL)."""
    made = api(
        live,
        "/api/v1/programmes",
        {
            "name": "Bakeries abroad",
            "sending": "ROC Zuid",
            "receiving": "Bäckerei Wien",
            "start": (TODAY - timedelta(days=60)).isoformat(),
            "middle": (TODAY - timedelta(days=30)).isoformat(),
            "end": (TODAY - timedelta(days=2)).isoformat(),
        },
    )
    token = made["admin_token"]
    ladder_ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    evaluation = library.questionnaires["process-evaluation"]
    for n in range(5):
        links = api(live, f"/api/v1/programmes/{token}/internships", {"label": f"Bakery {n + 1}"})
        plan = agree_without_js(browser, links["trainee_url"])
        steps = dict.fromkeys(ladder_ids, 1 + n % 4)
        attach(
            live, plan, post_json(live, "competence-ladder", {"answers": steps, "phase": "start"})
        )
        answers = {p.items[0].id: ("good" if n % 2 else "very-good") for p in evaluation.parts}
        answers["organisation-comment"] = f"The rooms were fine ({n + 1})."
        attach(live, plan, post_json(live, "process-evaluation", {"answers": answers}))
    return f"{live.url}/p/{token}", made["join_url"]


def test_a_coordinator_starts_a_programme_on_a_phone_with_the_keyboard(live, browser):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{live.url}/p/new?lang=en")
    assert width_of(page) <= PHONE["width"]
    tab_until(page, "el.id === 'name'")
    page.keyboard.type("Hotels 2027")
    for field, day in (("start", 10), ("middle", 40), ("end", 80)):
        tab_until(page, f"el.id === '{field}'")
        # a date field takes the date typed as digits in the browser's order (month, day, year)
        page.keyboard.type((TODAY + timedelta(days=day)).strftime("%m%d%Y"))
        assert page.locator(f"#{field}").input_value() == (TODAY + timedelta(days=day)).isoformat()
    tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Start the programme'")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/p/" in url and "/p/new" not in url)
    text = page.locator("main").inner_text()
    assert "The programme is ready." in text
    assert "Hotels 2027" in text
    assert width_of(page) <= PHONE["width"]
    # an internship added with the keyboard: its page gives the two links to send
    tab_until(page, "el.id === 'label'")
    page.keyboard.type("Sam at the Grand")
    tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Add the internship'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/i/*")
    assert "Send each person their link." in page.locator("main").inner_text()
    assert page.locator("input.link-input").count() == 2
    assert width_of(page) <= PHONE["width"]


def test_joining_through_the_join_link_without_javascript(live, browser, cohort):
    _admin, join = cohort
    page = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(join + "?lang=en")
    page.get_by_role("link", name="I am a mentor").click()
    text = page.locator("main").inner_text()
    assert "What the coordinator will see" in text
    assert width_of(page) <= PHONE["width"]
    # joining without the tick is refused, and what was typed stays
    page.fill("#label", "Chef Ilse")
    page.get_by_role("button", name="Join").click()
    assert "Tick the box to agree, or do not join." in page.locator("main").inner_text()
    assert page.locator("#label").input_value() == "Chef Ilse"
    page.locator("#agree").check()
    page.get_by_role("button", name="Join").click()
    page.wait_for_url("**/i/*")
    assert "You joined the programme." in page.locator("main").inner_text()
    assert width_of(page) <= PHONE["width"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dashboard_and_evaluation_fit_and_keep_chart_labels(live, browser, cohort, viewport, lang):
    admin, _join = cohort
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(f"{admin}?lang={lang}")
    assert page.locator("#chart-ladder-start-trainee").count() == 1
    assert width_of(page) <= viewport["width"]
    assert page.evaluate(CHECK, 11 if viewport is PHONE else 0) == []
    if viewport is PHONE:  # the narrowest phone we serve
        page.set_viewport_size({"width": 320, "height": 740})
        assert width_of(page) <= 320
        assert page.evaluate(CHECK, 11) == []
        page.set_viewport_size(viewport)
    page.goto(f"{admin}/evaluation?lang={lang}")
    assert page.locator("#swot-strengths").count() == 1
    assert width_of(page) <= viewport["width"]
    assert page.evaluate(CHECK, 11 if viewport is PHONE else 0) == []


def test_the_swot_board_is_saved_and_the_report_prints(live, browser, cohort, tmp_path):
    admin, _join = cohort
    page = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(f"{admin}/evaluation?lang=en")
    text = page.locator("main").inner_text()
    assert "The rooms were fine (5)." in text
    page.fill("#swot-strengths", "Bakers took time for the trainees.")
    page.fill("#swot-threats", "Housing prices rise.")
    page.get_by_role("button", name="Save the board").click()
    assert "The SWOT board is saved." in page.locator("main").inner_text()
    assert page.locator("#swot-strengths").input_value() == "Bakers took time for the trainees."
    pages, printed = print_pdf(browser, f"{admin}/report?lang=en", tmp_path / "report.pdf")
    assert pages <= 3
    assert "Evaluation of the internship process: Bakeries abroad" in printed
    assert "Bakers took time for the trainees." in printed
    assert "Housing prices rise." in printed
    assert "The rooms were fine (1)." in printed
    assert "Back to the process evaluation" not in printed
    _pages, printed = print_pdf(browser, f"{admin}/report?lang=nl", tmp_path / "nl.pdf")
    assert "Evaluatie van het stageproces: Bakeries abroad" in printed


def test_the_progress_pages_on_a_phone_with_the_keyboard(live, browser):
    made = api(
        live,
        "/api/v1/programmes",
        {
            "name": "Garages 2027",
            "start": (TODAY - timedelta(days=60)).isoformat(),
            "middle": (TODAY - timedelta(days=30)).isoformat(),
            "end": (TODAY + timedelta(days=30)).isoformat(),
        },
    )
    token = made["admin_token"]
    for n in range(51):
        api(live, f"/api/v1/programmes/{token}/internships", {"label": f"Garage {n + 1}"})
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{live.url}/p/{token}?lang=en")
    main = page.locator("main")
    assert "51 internships have someone to remind." in main.inner_text()
    assert page.locator(".progress-table tbody tr").count() == 50
    page.set_viewport_size({"width": 320, "height": 740})
    assert width_of(page) <= 320
    tab_until(page, "el.getAttribute('rel') === 'next'", limit=500)
    page.keyboard.press("Enter")
    page.wait_for_url("**page=2*")
    assert page.locator(".progress-table tbody tr").count() == 1
    assert "Internships 51 to 51 of 51, in the order of their labels." in main.inner_text()
    assert width_of(page) <= 320
    # each page link is a finger-sized target
    box = page.locator(".pager a").first.bounding_box()
    assert box["height"] >= 44


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_psychometrics_report_reads_on_a_phone_and_prints(
    live, browser, cohort, tmp_path, lang
):
    admin, _join = cohort
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{admin}?lang={lang}")
    # from the dashboard's sub-navigation
    name = "Psychometrics report" if lang == "en" else "Psychometrisch rapport"
    page.locator("nav.sub-nav").get_by_role("link", name=name).click()
    page.wait_for_url("**/psychometrics*")
    text = page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == f"{name}: Bakeries abroad"
    # five trainees agreed and rated once: the ladder's report, with five answers
    assert ("5 answers, from" if lang == "en" else "5 antwoorden, van") in text
    assert page.locator("#competence-ladder-v2").count() == 1
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": 740})
        assert width_of(page) <= width
        assert page.evaluate(CHECK, 11) == [], width
    url = f"{admin}/psychometrics?lang={lang}"
    pages, printed = print_pdf(browser, url, tmp_path / f"psychometrics-{lang}.pdf")
    assert pages >= 1
    assert name in printed
    assert "Bakeries abroad" in printed
    assert ("5 answers, from" if lang == "en" else "5 antwoorden, van") in printed
