"""Printing in headless Chromium: page counts, key texts and charts in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .browser import make_comparison, post_json
from .helpers import best_fit_answers, leadership_answers, learning_answers

pytestmark = pytest.mark.browser
LADDER = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]


def print_pdf(browser, url: str, out, name: str | None = None) -> tuple[int, str]:
    """Open a page, type a name for the printout if given, print it to an A4 PDF; return its
    number of pages and its text."""
    assert shutil.which("pdftotext"), "poppler-utils is missing: run `make test` (installs it)"
    page = browser.new_page()
    page.goto(url)
    if name is not None:
        page.fill("#print-name", name)
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    page.pdf(path=str(out), format="A4", print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    "orders", [["AE", "AC", "CE", "RO"], ["RO", "CE", "AE", "AC"]], ids=["deciding", "imagining"]
)
def test_learning_style_profile_prints_on_one_page(live, browser, library, tmp_path, lang, orders):
    q = library.questionnaires["learning-styles"]
    answers = learning_answers(q, orders, ["CE", "RO", "AC", "AE"])
    token = post_json(live, "learning-styles", {"answers": answers, "lang": lang})
    pages, text = print_pdf(
        browser, f"{live.url}/r/{token}?lang={lang}", tmp_path / "ls.pdf", name="Sam\u202e de Vries"
    )
    assert pages == 1
    assert "Sam de Vries" in text
    # pdftotext joins a line that ends with "-" to the next one and drops the "-": a token
    # that ends with "-" is printed whole but read back without it.
    assert f"/r/{token.rstrip('-')}" in text.replace(" ", "")
    assert ("Your learning style" if lang == "en" else "Jouw leerstijl") in text
    # the charts are drawn in the PDF: the kite's labels with their scores and the grid's
    # band ranges are printed nowhere else (the score table is for the screen only)
    feeling = "Feel" if lang == "en" else "Voelen"
    ce = 12 * (4 - orders.index("CE"))
    assert f"{feeling} {ce}" in text
    assert "-5 – 5" in text
    assert "-4 – 4" in text
    # no navigation, buttons or language switcher on paper
    for screen_only in ("Nederlands", "Questionnaires", "Delete this result", "Copy link"):
        assert screen_only not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("style", ["best", "S1", "S4"])
def test_leadership_profile_prints_on_one_page(live, browser, library, tmp_path, lang, style):
    q = library.questionnaires["leadership-styles"]
    answers = best_fit_answers(q) if style == "best" else leadership_answers(q, style)
    token = post_json(live, "leadership-styles", {"answers": answers, "lang": lang})
    pages, text = print_pdf(browser, f"{live.url}/r/{token}?lang={lang}", tmp_path / "l.pdf")
    assert pages == 1
    assert ("Your leadership styles" if lang == "en" else "Uw leiderschapsstijlen") in text
    assert ("Directing" if lang == "en" else "Leidend") in text
    assert "4.3" in text
    # the fit chart's short band names are printed nowhere else
    assert ("Few" if lang == "en" else "Weinig") in text


# The longest ladder profile: three steps with advice and all four extra recommendations.
LONGEST = [1, 4, 4, 4, 4, 4, 4, 1, 1, 1, 2, 2, 3, 1]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("stages", [LADDER, LONGEST], ids=["mixed", "longest"])
def test_ladder_prints_on_at_most_two_pages(live, browser, library, tmp_path, lang, stages):
    ids = [i.id for i in library.questionnaires["competence-ladder"].items]
    answers = dict(zip(ids, stages, strict=True))
    token = post_json(
        live, "competence-ladder", {"answers": answers, "lang": lang, "phase": "start"}
    )
    pages, text = print_pdf(browser, f"{live.url}/r/{token}?lang={lang}", tmp_path / "c.pdf")
    assert pages <= 2
    assert ("Your competence ladder" if lang == "en" else "Jouw competentieladder") in text
    assert "3.1" in text
    # a row without a step says why, and the sheet says what that means
    if None in stages:
        assert (
            "A competence without a mark has no step in this rating"
            if lang == "en"
            else "Een competentie zonder stip heeft in deze beoordeling geen stap"
        ) in text
    # the ladder chart's column heads: the steps' short names appear only in the chart
    if lang == "en":
        for stage in library.questionnaires["competence-ladder"].stages:
            assert stage.short in text


def test_comparison_prints_on_one_page(live, browser, library, tmp_path):
    import urllib.request

    q = library.questionnaires["competence-ladder"]
    ids = [i.id for i in q.items]
    url = make_comparison(live, browser, dict(zip(ids, LADDER, strict=True)), 3)
    with urllib.request.urlopen(url) as response:
        assert response.status == 200
    pages, text = print_pdf(browser, url + "?lang=en", tmp_path / "compare.pdf")
    assert pages == 1  # it fits: no second page that is nearly empty
    # the key says which mark is whose
    assert "Trainee Mentor" in text
    assert "Two views side by side" in text
    assert "Topics for the evaluation interview" in text
    assert re.search(r"\d+ competences to talk about", text)
    assert url.rsplit("/", 1)[1] in text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("qid", "most"), [("learning-styles", 6), ("leadership-styles", 4), ("competence-ladder", 5)]
)
def test_paper_forms_print(live, browser, app, library, tmp_path, qid, most, lang):
    pages, text = print_pdf(browser, f"{live.url}/q/{qid}/paper?lang={lang}", tmp_path / "p.pdf")
    assert 2 <= pages <= most
    assert ("Scoring sheet" if lang == "en" else "Scoreblad") in text
    assert ("Name:" if lang == "en" else "Naam:") in text
    assert "Type in the answers of a paper form" not in text  # screen-only links
    # the scoring sheet breaks no word in the middle: every name on it is printed whole (a
    # word broken at a soft hyphen is read back whole)
    q = library.questionnaires[qid]
    with app.test_request_context(f"/?lang={lang}"):
        from quizapp.i18n import qt

        names = [str(qt(q.id, c.name)) for c in q.classifications]
        names += [str(qt(q.id, cls.name)) for c in q.classifications for cls in c.classes]
        names += [str(qt(q.id, s.name)) for s in q.scales]
    # soft hyphens only mark where a word may break; cells of one row may be read in any order
    # (a break at a soft hyphen prints "\xad‐" at the line's end); a compound may also break
    # after its own hyphen ("self-" / "reliant", which the PDF's text reads back as
    # "selfreliant"), so hyphens are left out on both sides
    printed = text.replace("\xad\u2010 ", "").replace("\xad", "").replace("-", "")
    printed = set(printed.split())
    for name in names:
        for word in name.replace("-", "").split():
            assert word in printed, (name, word)


@pytest.mark.parametrize("qid", ["learning-styles", "leadership-styles", "competence-ladder"])
def test_two_language_sheet(live, browser, library, tmp_path, qid):
    q = library.questionnaires[qid]
    if qid == "learning-styles":
        answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    elif qid == "leadership-styles":
        answers = leadership_answers(q, "S1")
    else:
        answers = dict(zip([i.id for i in q.items], LADDER, strict=True))
    token = post_json(live, qid, {"answers": answers, "lang": "nl"})
    pages, text = print_pdf(browser, f"{live.url}/r/{token}?lang=nl&lang2=en", tmp_path / "two.pdf")
    assert pages <= {"learning-styles": 2, "leadership-styles": 2, "competence-ladder": 4}[qid]
    expected = {
        "learning-styles": ("Jouw leerstijl: Beslissend", "Your learning style: Deciding"),
        "leadership-styles": ("Uw leiderschapsstijlen", "Your leadership styles"),
        "competence-ladder": ("Jouw competentieladder", "Your competence ladder"),
    }[qid]
    for title in expected:
        assert title in text
    # the handbook advice is there in both languages too
    section = q.recommendations[0].section
    title = library.handbook.section(section).title
    assert title in text


def words_by_page(pdf) -> list[list[tuple[float, float, str]]]:
    """Each page's words with where they start: (x, y, word), in points from the top left."""

    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append(
            [
                (float(x), float(y), word)
                for x, y, word in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', page
                )
            ]
        )
    return pages


def test_two_language_sheet_keeps_each_heading_with_its_own_text(live, browser, library, tmp_path):
    q = library.questionnaires["learning-styles"]
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], ["CE", "RO", "AC", "AE"])
    token = post_json(live, "learning-styles", {"answers": answers, "lang": "nl"})
    pdf = tmp_path / "two.pdf"
    print_pdf(browser, f"{live.url}/r/{token}?lang=nl&lang2=en", pdf)
    pages = words_by_page(pdf)
    # "Leerflexibiliteit" and its text stand in one column, the text right below the heading
    [(n, x, y)] = [
        (n, x, y) for n, words in enumerate(pages) for x, y, w in words if w == "Leerflexibiliteit:"
    ]
    below = sorted((wy, wx) for wx, wy, _w in pages[n] if wy > y + 1 and abs(wx - x) < 2)
    assert below, "nothing under the heading in its column"
    assert below[0][0] - y < 30
    # the section for the mentor starts on the page of its heading, in both languages
    [(m, hy)] = [
        (m, y) for m, words in enumerate(pages) for _x, y, w in words if w == "stagementor"
    ]
    heading_words = [w for _x, y, w in pages[m] if abs(y - hy) < 30]
    assert "mentor" in heading_words  # "For your mentor", right under it
    # and its advice follows on the same page
    assert len([w for _x, y, w in pages[m] if y > hy + 15]) >= 20, "the heading ends its page"
