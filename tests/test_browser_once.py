"""In headless Chromium: a double click stores one result and makes one invitation, Back
after sending leads to the result, and the print name stays in the page."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Invitation, Response

pytestmark = pytest.mark.browser


def count(live, model=Response) -> int:
    with live.server.app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


def rate_until_last_page(page, live):
    page.goto(f"{live.url}/q/competence-ladder?lang=en")
    page.get_by_role("link", name="Start").click()
    for number in range(1, 5):
        for item in page.locator("fieldset.stage").all():
            item.locator("input[value='3']").check()
        if number < 4:
            page.get_by_role("button", name="Next").click()
            page.wait_for_url(f"**/q/competence-ladder/{number + 1}")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_double_click_on_the_last_page_stores_one_result(live, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    rate_until_last_page(page, live)
    before = count(live)
    page.get_by_role("button", name="See my result").dblclick()
    page.wait_for_url("**/r/*")
    page.wait_for_load_state()
    assert count(live) == before + 1
    result = page.url
    # Back: a page that says the answers were sent and links to the result
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "These answers were already sent"
    page.get_by_role("link", name="Open the result").click()
    page.wait_for_url(result)
    assert count(live) == before + 1
    context.close()


def my_result(page, live) -> str:
    """Rate in the browser and open the result; return its address."""
    rate_until_last_page(page, live)
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url("**/r/*")
    return page.url


def test_double_click_on_invite_makes_one_link(live, browser):
    page = browser.new_page()
    my_result(page, live)
    before = count(live, Invitation)
    page.get_by_role("button", name="Make an invitation link").dblclick()
    page.wait_for_selector("#invite-url")
    assert count(live, Invitation) == before + 1
    page.close()


def test_print_name_is_only_in_the_page(live, browser):
    page = browser.new_page()
    result = my_result(page, live)
    field = page.locator("#print-name")
    assert field.is_visible()
    assert field.get_attribute("name") is None
    field.fill("Sam\u202e de\u0000 Vries")
    field.press("Enter")
    assert page.locator("[data-print-name]").text_content() == "Sam de Vries"
    assert page.url == result
    page.close()
    # without JavaScript there is no name control at all
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(result)
    assert plain.locator("#print-name").count() == 1
    assert not plain.locator("#print-name").is_visible()
    assert plain.get_by_role("textbox", name="Name on the printout").count() == 0
    context.close()
