"""Charts in headless Chromium: no label cut off at phone, tablet and desktop widths or in print.

Every text of every chart is compared with its chart's box; tick labels are measured on a
phone; the tables that are charts (ladder, matrix) stay inside their figure.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from .browser import make_comparison, post_json
from .helpers import leadership_answers, learning_answers

pytestmark = pytest.mark.browser

LADDER = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]
WIDTHS = [320, 360, 768, 1280]

CHECK = (Path(__file__).parent / "chart_check.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result_pages(live, browser, library):
    """One result page of each kind, and a comparison."""
    ls = library.questionnaires["learning-styles"]
    lead = library.questionnaires["leadership-styles"]
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    ladder = dict(zip(ids, LADDER, strict=True))
    first = post_json(live, "competence-ladder", {"answers": ladder, "phase": "start"})

    def learning(order):
        return post_json(live, "learning-styles", {"answers": learning_answers(ls, order)})

    leadership = post_json(live, "leadership-styles", {"answers": leadership_answers(lead, "S3")})
    return {
        "learning-style": f"/r/{learning(['CE', 'RO', 'AC', 'AE'])}",
        "learning-style-two-languages": f"/r/{learning(['AE', 'AC', 'RO', 'CE'])}?lang2=en",
        "leadership": f"/r/{leadership}",
        "ladder": f"/r/{first}",
        "comparison": make_comparison(live, browser, ladder, 4).removeprefix(live.url),
        "internship plan": internship_plan(live, ladder),
    }


def internship_plan(live, ladder: dict) -> str:
    """A plan with a trainee's and a mentor's rating: its mentor's page."""
    request = urllib.request.Request(
        f"{live.url}/api/v1/internships", data=b"{}", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as answer:
        tokens = json.load(answer)
    for role, perspective in (("trainee", "self"), ("mentor", "mentor")):
        token = post_json(
            live, "competence-ladder", {"answers": ladder, "perspective": perspective}
        )
        body = json.dumps({"token": token}).encode()
        attach = urllib.request.Request(
            f"{live.url}/api/v1/internships/{tokens[f'{role}_token']}/results",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        urllib.request.urlopen(attach).close()
    return f"/i/{tokens['mentor_token']}"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    "kind",
    [
        "learning-style",
        "learning-style-two-languages",
        "leadership",
        "ladder",
        "comparison",
        "internship plan",
    ],
)
def test_no_chart_label_is_cut_off(live, browser, result_pages, kind, lang):
    page = browser.new_page()
    url = live.url + result_pages[kind]
    url += ("&" if "?" in url else "?") + f"lang={lang}"
    if kind == "learning-style-two-languages" and lang == "en":
        url = url.replace("lang2=en", "lang2=nl")
    page.goto(url)
    assert page.locator(".chart-figure").count() >= 1
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        problems = page.evaluate(CHECK, 11 if width <= 360 else 0)
        assert problems == [], f"{width} px: {problems}"
    # in print, on A4 (the page's width at 96 dpi less the margins)
    page.set_viewport_size({"width": 718, "height": 1000})
    page.emulate_media(media="print")
    assert page.evaluate(CHECK, 0) == []
    page.close()


@pytest.mark.parametrize("kind", ["learning-style", "leadership", "ladder"])
def test_explore_view_draws_the_same_charts_with_plotly(live, browser, result_pages, kind):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(live.url + result_pages[kind].split("?")[0] + "?lang=en")
    titles = page.locator("figure.chart-figure > figcaption").all_inner_texts()
    page.get_by_role("link", name="Explore the charts").click()
    page.wait_for_url("**/explore")
    for figure in page.locator("[data-figure]").all():
        figure.locator("svg.main-svg").first.wait_for()
    assert page.locator("figure > figcaption").all_inner_texts() == titles
    assert page.locator("[data-drawn=true]").count() == len(titles)
    assert errors == []
    page.close()
