"""axe-core (pinned in package.json) on every kind of page, in headless Chromium: no
violation of WCAG 2.0, 2.1 and 2.2 A and AA or of axe's best practices, in English on a
desktop and in Dutch on a phone, pages that depend on a session included."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_browser_flows import rate_page
from .test_phone import STATIC

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target}`);
}"""
SCREENS = [("en", {"width": 1280, "height": 900}), ("nl", {"width": 360, "height": 740})]


def violations(page) -> list[str]:
    """axe's violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, TAGS)


def visit(page, url: str, lang: str) -> list[str]:
    page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
    return [f"{url}: {v}" for v in violations(page)]


@pytest.fixture(scope="module")
def pages(results):
    """One page of each kind that needs no session: results, their forms and their errors."""
    assert AXE.exists(), "axe-core is missing: run `make test` (npm ci)"
    return [*STATIC, *results.values()]


@pytest.mark.parametrize(("lang", "screen"), SCREENS, ids=["en-desktop", "nl-phone"])
def test_no_page_violates_wcag_or_axes_best_practice(live, browser, pages, lang, screen):
    # axe is added to the page as a script: the test browser lets it past the page's CSP
    context = browser.new_context(viewport=screen, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in pages:
        found += visit(page, live.url + path, lang)
    assert found == []
    context.close()


@pytest.mark.parametrize(("lang", "screen"), SCREENS, ids=["en-desktop", "nl-phone"])
def test_pages_of_a_session_are_accessible_too(live, browser, library, lang, screen):
    context = browser.new_context(viewport=screen, bypass_csp=True)
    page = context.new_page()
    found = []
    # continue later
    page.goto(f"{live.url}/q/competence-ladder/1?lang={lang}")
    page.locator("button[value=later]").click()
    page.wait_for_url("**/later*")
    found += [f"later: {v}" for v in violations(page)]
    # already sent
    page.goto(f"{live.url}/q/competence-ladder/1")
    for number in range(1, 5):
        rate_page(page, "3")
        page.locator("button[value=finish], button[value=next]").first.click()
        page.wait_for_url(f"**/{'r/*' if number == 4 else f'q/competence-ladder/{number + 1}'}")
    result = page.url
    page.goto(f"{live.url}/q/competence-ladder/4")
    found += [f"already sent: {v}" for v in violations(page)]
    # an invitation: its start page, a rating that finds it used meanwhile, the used link
    page.goto(result)
    page.fill("#invite-name", "Sam")
    page.locator("form[action$='/invite'] button").click()
    invite = page.locator("#invite-url").input_value()
    found += [f"inviter's result: {v}" for v in violations(page)]
    late = browser.new_context(viewport=screen, bypass_csp=True).new_page()
    found += [f"invited: {v}" for v in visit(late, invite, lang)]
    first = browser.new_context().new_page()
    first.goto(invite)
    first.goto(f"{live.url}/q/competence-ladder/1")
    for _page in range(4):
        rate_page(first, "2")
        first.locator("button[value=finish], button[value=next]").first.click()
        first.wait_for_load_state()
    late.goto(f"{live.url}/q/competence-ladder/1")
    for _page in range(4):
        rate_page(late, "4")
        late.locator("button[value=finish], button[value=next]").first.click()
        late.wait_for_load_state()
    assert late.url.endswith("/invitation-used")
    found += [f"used meanwhile: {v}" for v in violations(late)]
    found += [f"used link: {v}" for v in visit(late, invite, lang)]
    # a handbook section opened from a result, and deleting the result
    page.goto(result)
    page.locator(".for-other summary").click()
    page.locator(".rec-source a").first.click()
    found += [f"section from a result: {v}" for v in violations(page)]
    page.goto(result + "/delete")
    page.locator("form button").click()
    found += [f"deleted: {v}" for v in violations(page)]
    assert found == []
    context.close()
