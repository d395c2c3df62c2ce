"""The psychometrics report file in headless Chromium: phone width, charts, keyboard, print."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from quizapp.internships.store import create_internship
from quizapp.results.store import create_invitation, create_response

from .generate import ladder_answers, leadership_answers, learning_rows, true_levels
from .test_print import print_pdf

pytestmark = pytest.mark.browser
CHECK = (Path(__file__).parent / "chart_check.js").read_text(encoding="utf-8")


@pytest.fixture
def report_files(app, runner, library, tmp_path):
    """The CLI's report of generated answers to three questionnaires, in English and Dutch."""
    qs = library.questionnaires
    rng = random.Random(7)
    with app.app_context():
        for row in learning_rows(qs["learning-styles"], 120, seed=7):
            create_response(qs["learning-styles"], row.answers, row.lang, perspective="self")
        for _ in range(35):
            create_response(
                qs["leadership-styles"], leadership_answers(qs["leadership-styles"], rng, 0.6), "nl"
            )
        ladder = qs["competence-ladder"]
        for k in range(55):
            levels = true_levels(ladder, rng)
            own = create_response(
                ladder, ladder_answers(ladder, rng, levels, 0.2), "en", perspective="self"
            )
            if k % 5:
                invitation = create_invitation(own, "mentor")
                create_response(
                    ladder, ladder_answers(ladder, rng, levels, 0.2), "nl", invitation=invitation
                )
            else:
                internship = create_internship()
                create_response(
                    ladder,
                    ladder_answers(ladder, rng, levels, 0.2),
                    "nl",
                    perspective="mentor",
                    internship=(internship, "mentor"),
                )
    files = {}
    for lang in ("en", "nl"):
        out = tmp_path / f"report-{lang}.html"
        result = runner.invoke(
            args=["questionnaires", "psychometrics", "--lang", lang, "--out", str(out)]
        )
        assert result.exit_code == 0, result.output
        files[lang] = out
    return files


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_file_reads_on_a_phone_and_prints(browser, report_files, tmp_path, lang):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    errors = []
    page.on("requestfailed", lambda request: errors.append(request.url))
    page.goto(report_files[lang].as_uri())
    assert errors == []  # nothing to load: the stylesheet is inline, the charts are SVG
    assert page.locator("h1").inner_text() == (
        "Psychometrics report" if lang == "en" else "Psychometrisch rapport"
    )
    assert page.locator("svg.chart-histogram").count() == 2  # AC-CE and AE-RO
    assert page.locator("svg.chart-shares").count() == 2  # learning style and leadership
    for width in (320, 360, 768, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(CHECK, 11 if width <= 360 else 0) == [], width
    # keyboard: the contents lead to each section; a distribution table opens with Enter
    page.set_viewport_size({"width": 360, "height": 740})
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#competence-ladder-v2"
    page.focus("details.psy-distribution summary")
    page.keyboard.press("Enter")
    assert page.locator("details.psy-distribution").first.get_attribute("open") is not None
    page.set_viewport_size({"width": 718, "height": 1000})
    page.emulate_media(media="print")
    assert page.evaluate(CHECK, 0) == []
    page.close()
    pages, text = print_pdf(browser, report_files[lang].as_uri(), tmp_path / f"r-{lang}.pdf")
    assert 6 <= pages <= 30
    for words in (
        (
            "Local thirds",
            "Split-half reliability",
            "Trainee–mentor agreement",
            "How the figures are made",
        )
        if lang == "en"
        else (
            "Lokale tertielen",
            "Split-halfbetrouwbaarheid",
            "Overeenstemming tussen stagiair en mentor",
        )
    ):
        assert words in text
    # the first questionnaire follows the title, every other one starts a new page
    layout = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / f"r-{lang}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\f")
    firsts = [next((line.strip() for line in p.splitlines() if line.strip()), "") for p in layout]
    version = "version" if lang == "en" else "versie"
    assert firsts[0] == ("Psychometrics report" if lang == "en" else "Psychometrisch rapport")
    assert f"competence-ladder, {version} 2" in layout[0]
    assert [line.split(" · ")[-1] for line in firsts if f", {version} " in line] == [
        f"expectations, {version} 1",
        f"leadership-styles, {version} 2",
        f"learning-styles, {version} 2",
        f"process-evaluation, {version} 1",
    ]
