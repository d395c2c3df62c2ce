"""Phones first, in headless Chromium: every kind of page at 320, 360 and 1280 px, in English
and Dutch, with and without JavaScript. No page is wider than the screen, the header takes
two lines, every control is a target of 24 x 24 px or more, no control shows that needs
JavaScript when it is off, and each result opens with its summary and says what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import LANGUAGES, post_json

pytestmark = pytest.mark.browser

CHECK = (Path(__file__).parent / "page_check.js").read_text(encoding="utf-8")
LADDER = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]
STATIC = [
    "/",
    "/about",
    "/privacy",
    "/handbook",
    "/handbook/2.4?from=/q/learning-styles",
    "/q/learning-styles",
    "/q/leadership-styles",
    "/q/competence-ladder",
    "/q/competence-ladder?as=mentor",
    "/q/learning-styles/1",
    "/q/leadership-styles/1",
    "/q/competence-ladder/4",
    "/q/learning-styles/paper",
    "/q/leadership-styles/paper",
    "/q/competence-ladder/paper",
    "/q/learning-styles/enter",
    "/q/leadership-styles/enter",
    "/q/competence-ladder/enter?as=mentor",
    "/nope",
    "/r/no-such-result",
    "/r/compare/no-such-comparison",
    "/r/invite/no-such-invitation",
    "/handbook/9.9",
    "/q/learning-styles/continue/no-such-draft",
]


def check(page, js: bool, widths=(320, 360, 1280)) -> list[str]:
    """The page's problems at each width, by width."""
    found = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 740})
        found += [
            f"{width} px: {p}" for p in page.evaluate(CHECK, {"js": js, "phone": width < 600})
        ]
    return found


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_fits_a_phone(live, browser, results, lang, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    problems = []
    for path in [*STATIC, *results.values()]:
        joiner = "&" if "?" in path else "?"
        response = page.goto(f"{live.url}{path}{joiner}lang={lang}")
        assert response.status in (200, 404), path
        assert page.locator("html").get_attribute("lang") == lang
        problems += [f"{path}: {p}" for p in check(page, javascript)]
    assert problems == []
    context.close()


def test_the_check_finds_what_it_looks_for(browser):
    """A page made to fail shows each kind of problem the check looks for."""
    page = browser.new_page(viewport={"width": 320, "height": 740})
    page.set_content(
        '<header><div class="header-row"><a class="brand" href="/">A name</a>'
        '<nav class="langs"><a href="/">EN</a></nav></div></header>'
        '<main><p style="width:400px">wide</p><p><a href="/x">x</a></p>'
        '<button type="button" data-copy="x">Copy</button></main>'
    )
    problems = page.evaluate(CHECK, {"js": False, "phone": True})
    assert any("400 px wide" in p or "is 400" in p or "sticks out" in p for p in problems)
    assert any(p.startswith('a "x" is') for p in problems)
    assert 'button "Copy" shows but does nothing without JavaScript' in problems
    page.close()


def test_the_header_is_two_lines_and_its_menu_opens_without_javascript(live, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 740})
    page = context.new_page()
    page.goto(f"{live.url}/?lang=nl")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 100  # two lines: the name, then the menu and the languages
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert not menu.get_by_role("link", name="Handleiding").is_visible()
    page.locator(".menu:not(.lang-menu) > summary").click()
    menu.get_by_role("link", name="Handleiding").click()
    page.wait_for_url("**/handbook")
    # the languages open without JavaScript too, each a 44 px target
    page.locator(".lang-menu > summary").click()
    assert page.locator("nav.langs a").count() == len(live.server.app.config["LANGUAGES"])
    for link in page.locator("nav.langs a").all():
        box = link.bounding_box()
        assert box["height"] >= 44
        assert box["width"] >= 44
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "first", "then"),
    [
        ("learning-style", "#figure-grid", "a[href*='/q/competence-ladder']"),
        ("leadership", "#figure-fit", "a[href*='/q/competence-ladder?as=mentor']"),
        ("ladder with its invitation", "#figure-ladder", "#invite-url"),
        ("comparison", "#figure-compare", "#talk-h"),
    ],
)
def test_a_result_opens_with_its_summary_and_main_chart(
    live, browser, results, kind, first, then, lang
):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live.url}{results[kind]}?lang={lang}")
    heading = page.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] < 400  # the style or stage, in the first screen
    summary = page.locator("main .profile-summary, main .lead").first.bounding_box()
    assert summary["y"] < 740
    chart = page.locator(first).bounding_box()
    assert chart["y"] < 1000  # the main chart starts within the first screen and a half
    # then what it means and the next step, before anything for the other person
    order = page.evaluate(
        """([first, then]) => {
            const a = document.querySelector(first), b = document.querySelector(then);
            const other = document.querySelector(".for-other");
            const follows = Node.DOCUMENT_POSITION_FOLLOWING;
            const after = (x, y) => !!(x.compareDocumentPosition(y) & follows);
            return [after(a, b), !other || after(b, other)];
        }""",
        [first, then],
    )
    assert order == [True, True]
    page.close()


def test_the_trainees_ladder_puts_the_invitation_high_and_the_mentors_advice_aside(
    live, browser, library
):
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    token = post_json(live, "competence-ladder", {"answers": dict(zip(ids, LADDER, strict=True))})
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{live.url}/r/{token}?lang=nl")
    button = page.get_by_role("button", name="Uitnodigingslink maken").bounding_box()
    assert button["y"] < 2500  # today 9,300 px down
    advice = page.locator("details.for-other")
    assert (
        advice.locator("summary h2").inner_text()
        == "Voor je stagementor: begeleiding per competentie"
    )
    assert not advice.locator(".stage-block").first.is_visible()
    advice.locator("summary").click()
    assert advice.locator(".stage-block").first.is_visible()
    page.close()


def test_without_javascript_copy_and_print_do_not_show(live, browser, results):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live.url}{results['ladder with its invitation']}?lang=en")
    for selector in ("[data-copy]", "[data-print]"):
        assert page.locator(selector).count() >= 1
        assert all(not b.is_visible() for b in page.locator(selector).all())
    # what works without a script: the link to select, the e-mail and the QR code
    assert page.locator("#invite-url").is_visible()
    assert page.get_by_role("link", name="Send by e-mail").is_visible()
    page.get_by_text("Show a QR code").click()
    assert page.locator(".qr-box svg").is_visible()
    context.close()
    page = browser.new_page()
    page.goto(f"{live.url}{results['ladder with its invitation']}?lang=en")
    assert page.locator("[data-copy]").first.is_visible()
    assert page.locator("[data-print]").first.is_visible()
    page.close()


def test_lang_tags_give_dutch_in_a_browser(live, browser):
    page = browser.new_page()
    for url in ("/?lang=nl-BE", "/?lang=NL"):
        page.goto(live.url + url)
        assert page.locator("html").get_attribute("lang") == "nl"
    page.close()
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.goto(live.url + "/q/learning-styles")
    assert page.locator("html").get_attribute("lang") == "nl"
    context.close()
