"""End to end in headless Chromium: keyboard only, with and without JavaScript, charts drawn."""

from __future__ import annotations

import pytest

from quizapp.engine import score

from .browser import tab_until

pytestmark = pytest.mark.browser


def test_learning_style_with_keyboard_alone(live, browser, library):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live.url}/q/learning-styles?lang=en")
    tab_until(page, "el.textContent.trim() === 'Start'")
    page.keyboard.press("Enter")
    for number in range(1, 5):
        page.wait_for_url(f"**/q/learning-styles/{number}")
        assert page.locator(".pick").count() == 12
        # choose the endings of each question in the order they stand: a, b, c (d follows)
        for _ in range(9):
            tab_until(
                page, "el.classList.contains('pick') && el.getAttribute('aria-pressed') === 'false'"
            )
            page.keyboard.press("Enter")
        assert page.locator(".pick[aria-pressed=true]").count() == 12
        label = "See my result" if number == 4 else "Next"
        tab_until(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === '{label}'")
        page.keyboard.press("Enter")
    page.wait_for_url("**/r/*")
    q = library.questionnaires["learning-styles"]
    expected = score(q, {i.id: ["a", "b", "c", "d"] for i in q.part("cycle").items})
    region = next(
        c for c in q.classification("region").classes if c.id == expected.profile["region"]
    )
    assert page.locator("h1").inner_text() == f"Your learning style: {region.name}"
    # the charts are drawn on the server: the kite's four labels carry the scores
    kite = page.locator("svg#chart-kite text").all_text_contents()
    for m in ("CE", "RO", "AC", "AE"):
        assert f"{q.scale(m).short}{expected.scores[m]}" in kite
    assert page.locator("svg#chart-grid .region-name").count() == 9
    # the kite's numbers are in a table folded under it
    kite_table = page.locator("#figure-kite table.data")
    assert not kite_table.is_visible()
    page.locator("#figure-kite summary").click()
    cells = kite_table.locator("td").all_inner_texts()
    assert cells == [str(expected.scores[m]) for m in ("CE", "RO", "AC", "AE")]
    # nothing is wider than a 360 px phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert errors == []


def test_ranking_without_javascript_with_keyboard(live, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live.url}/q/learning-styles/1?lang=en")
    # first question: place 1 and place 1 again for the first two endings (a tie), the rest 3, 4
    for place in (1, 1, 3, 4):
        tab_until(page, "el.type === 'radio'")
        for _ in range(place - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Space")
    tab_until(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Next'")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Two endings have the same place (1)" in page.locator(".error-summary").inner_text()
    # the four places given stay checked
    assert page.locator("#item-ls01 input:checked").count() == 4
    context.close()


def test_leadership_with_keyboard_alone(live, browser, library):
    page = browser.new_page()
    page.goto(f"{live.url}/q/leadership-styles?lang=en")
    tab_until(page, "el.textContent.trim() === 'Start'")
    page.keyboard.press("Enter")
    for number in range(1, 5):
        page.wait_for_url(f"**/q/leadership-styles/{number}")
        for _ in range(3):
            # Tab into the next question's options; ArrowDown moves to and picks option b
            tab_until(
                page,
                "el.type === 'radio' && !document.querySelector("
                "`input[name='${el.name}']:checked`)",
            )
            page.keyboard.press("ArrowDown")
        label = "See my result" if number == 4 else "Next"
        tab_until(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === '{label}'")
        page.keyboard.press("Enter")
    page.wait_for_url("**/r/*")
    q = library.questionnaires["leadership-styles"]
    expected = score(q, {item.id: "b" for item in q.items})
    assert page.locator("h1").inner_text() == "Your leadership styles"
    assert page.locator("svg#chart-range rect").count() == 4
    fit = page.locator("svg#chart-fit text").all_text_contents()
    assert f"You: {expected.scores['best-fit']} of 12" in fit
    assert page.locator("table#chart-matrix tbody tr").count() == 4
    page.locator("#figure-range summary").click()
    rows = page.locator("#figure-range table.data tbody td:nth-child(2)").all_inner_texts()
    assert rows == [str(expected.scores[s]) for s in ("S1", "S2", "S3", "S4")]


def rate_ladder_with_keyboard(page, steps: int, done: str = "**/r/*") -> None:
    """Answer every page of the competence ladder with the keyboard: ArrowDown `steps` times;
    then wait for the page it leads to (`done`)."""
    for number in range(1, 5):
        page.wait_for_url(f"**/q/competence-ladder/{number}*")
        for _ in range(page.locator("fieldset.stage").count()):
            tab_until(
                page,
                "el.type === 'radio' && el.closest('fieldset.stage') && "
                "!document.querySelector(`input[name='${el.name}']:checked`)",
            )
            page.keyboard.press("Space")
            for _ in range(steps - 1):
                page.keyboard.press("ArrowDown")
        label = "See my result" if number == 4 else "Next"
        tab_until(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === '{label}'")
        page.keyboard.press("Enter")
    page.wait_for_url(done)


def test_ladder_trainee_and_mentor_with_keyboard(live, browser):
    trainee = browser.new_context().new_page()
    trainee.goto(f"{live.url}/q/competence-ladder?lang=en")
    tab_until(trainee, "el.textContent.trim() === 'Start'")
    trainee.keyboard.press("Enter")
    rate_ladder_with_keyboard(trainee, steps=1)
    assert trainee.locator("h1").inner_text() == "Your competence ladder"
    assert trainee.locator("table#chart-ladder td:nth-child(2) svg.mark").count() == 14
    tab_until(trainee, "el.textContent.trim() === 'Make an invitation link'")
    trainee.keyboard.press("Enter")
    invite = trainee.locator("#invite-url").input_value()

    mentor = browser.new_context().new_page()
    mentor.goto(invite + "?lang=en")
    assert "asks you to rate them too" in mentor.locator("main").inner_text()
    tab_until(mentor, "el.textContent.trim() === 'Start'")
    mentor.keyboard.press("Enter")
    rate_ladder_with_keyboard(mentor, steps=3)
    assert mentor.locator("h1").inner_text() == "Your rating of your trainee"
    tab_until(mentor, "el.textContent.trim() === 'See both ratings side by side'")
    mentor.keyboard.press("Enter")
    mentor.wait_for_url("**/r/compare/*")
    # every competence: the trainee's mark on step 1, the mentor's on step 3
    assert mentor.locator("table#chart-compare td:nth-child(2) svg.mark").count() == 14
    assert mentor.locator("table#chart-compare td:nth-child(4) svg.mark").count() == 14
    assert "14 competences to talk about" in mentor.locator("main").inner_text()
    assert mentor.locator("tr.flagged").count() == 14


PAGES = [
    "/",
    "/about",
    "/privacy",
    "/handbook",
    "/handbook/2.4",
    "/q/learning-styles",
    "/q/leadership-styles",
    "/q/competence-ladder",
    "/q/competence-ladder?as=mentor",
    "/q/learning-styles/paper",
    "/q/leadership-styles/enter",
    "/q/competence-ladder/enter",
    "/no-such-page",
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", PAGES)
def test_page_in_a_phone_browser(live, browser, path, lang):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    problems = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on(
        "console",
        lambda msg: msg.type == "error" and "404" not in msg.text and problems.append(msg.text),
    )
    joiner = "&" if "?" in path else "?"
    response = page.goto(f"{live.url}{path}{joiner}lang={lang}")
    assert response.status == (404 if path == "/no-such-page" else 200)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.title()
    # the first Tab reaches the skip link, and it leads to the main content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    # every link of the language switcher is reachable and names its language
    assert page.locator("nav.langs a[hreflang]").count() == len(live.server.app.config["LANGUAGES"])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert problems == []
    page.close()


def test_delete_with_keyboard_alone(live, browser, library):
    from .browser import post_json as post
    from .helpers import learning_answers

    q = library.questionnaires["learning-styles"]
    token = post(
        live,
        "learning-styles",
        {"answers": learning_answers(q, ["AE", "AC", "CE", "RO"]), "lang": "en"},
    )
    page = browser.new_page()
    page.goto(f"{live.url}/r/{token}")
    tab_until(page, "el.textContent.trim() === 'Delete this result'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/delete")
    tab_until(page, "el.textContent.trim() === 'Yes, delete it for good'")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=The result is deleted")
    assert page.goto(f"{live.url}/r/{token}").status == 404


def test_used_invitation_page(live, browser, library):
    from .browser import post_json as post
    from .test_print import LADDER

    q = library.questionnaires["competence-ladder"]
    ids = [i.id for i in q.items]
    token = post(live, "competence-ladder", {"answers": dict(zip(ids, LADDER, strict=True))})
    page = browser.new_page()
    page.goto(f"{live.url}/r/{token}?lang=en")
    page.get_by_role("button", name="Make an invitation link").click()
    invite = page.locator("#invite-url").input_value()
    mentor = browser.new_context().new_page()
    mentor.goto(invite + "?lang=en")
    mentor.get_by_role("link", name="Start").click()
    for number in range(1, 5):
        for item in mentor.locator("fieldset.stage").all():
            item.locator("input[value='2']").check()
        mentor.get_by_role("button", name="See my result" if number == 4 else "Next").click()
    mentor.wait_for_url("**/r/*")
    again = mentor.goto(invite)
    assert again.status == 410
    assert mentor.locator("h1").inner_text() == "This link was already used"
    # the page that made the invitation now links to the comparison
    page.reload()
    assert page.get_by_role("link", name="See both ratings side by side").count() == 1
