"""Languages: choice of language, and complete catalogues for every shipped language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from quizapp.languages import SOURCE_LANGUAGE, configured

ROOT = Path(__file__).resolve().parent.parent
# Every language the default configuration asks for: the catalogues in translations/.
SHIPPED = [lang for lang in configured(ROOT / "translations") if lang != SOURCE_LANGUAGE]


def catalog(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh)


@pytest.mark.parametrize("lang", SHIPPED)
def test_no_untranslated_or_fuzzy_entries(lang):
    gaps = [
        (m.context, m.id)
        for m in catalog(lang)
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert gaps == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Extract every text of code, templates and data files afresh."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "-q", "extract", "-F", "babel.cfg", "-k", "_l", "-o", str(pot), "."],
        check=True,
        cwd=ROOT,
    )
    with open(pot, "rb") as fh:
        return {(m.context, m.id) for m in read_po(fh) if m.id}


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalogue_has_every_text_of_the_app(extracted, lang):
    present = {(m.context, m.id) for m in catalog(lang) if m.id}
    assert sorted(extracted - present, key=str) == []


def test_questionnaire_texts_are_extracted_with_their_context(extracted):
    assert ("learning-styles", "Your learning style") in extracted
    assert any(ctx == "handbook" for ctx, _ in extracted)


def test_lang_parameter_sets_html_lang_and_cookie(client):
    response = client.get("/?lang=nl")
    assert '<html lang="nl">' in response.get_data(as_text=True)
    assert "lang=nl" in response.headers["Set-Cookie"]
    # the cookie is remembered
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/?lang=en").get_data(as_text=True)


def test_accept_language_is_the_default(client):
    html = client.get("/", headers={"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"}).get_data(
        as_text=True
    )
    assert '<html lang="nl">' in html
    html = client.get("/", headers={"Accept-Language": "pt-BR"}).get_data(as_text=True)
    assert '<html lang="en">' in html


def test_unknown_lang_parameter_is_ignored(client):
    response = client.get("/?lang=xx", headers={"Accept-Language": "nl"})
    assert '<html lang="nl">' in response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about",
        "/privacy",
        "/handbook",
        "/handbook/2.5",
        "/q/learning-styles",
        "/q/learning-styles/1",
    ],
)
def test_every_page_has_the_switcher_and_dutch_text(client, path):
    html = client.get(path + "?lang=nl").get_data(as_text=True)
    assert 'hreflang="en"' in html
    assert 'hreflang="nl"' in html
    assert "Vragenlijsten" in html


def test_two_language_page_marks_the_second_language(client, library):
    from .helpers import deciding_result

    token = deciding_result(client, library)
    html = client.get(f"/r/{token}?lang=nl&lang2=en").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert (
        '<h1>Jouw leerstijl: Beslissend <span class="lang2" lang="en">'
        "Your learning style: Deciding</span></h1>"
    ) in html
    # attributes stay plain text
    assert 'aria-label="Samenvatting / Summary"' in html
    # the same language twice, or an unknown one, gives a one-language page
    for lang2 in ("nl", "xx"):
        assert 'class="lang2"' not in client.get(f"/r/{token}?lang=nl&lang2={lang2}").get_data(
            as_text=True
        )


def test_numbers_follow_the_language(client, library):
    """Decimal numbers are written as the page's language writes them, on screen and on paper."""
    from .helpers import learning_answers

    q = library.questionnaires["learning-styles"]
    # One swap in the optional part: flexibility 0.044 (see test_engine_learning).
    contexts = [["CE", "RO", "AC", "AE"]] * 7 + [["RO", "CE", "AC", "AE"]]
    token = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        json={"answers": learning_answers(q, ["AE", "AC", "CE", "RO"], contexts)},
    ).get_json()["token"]
    assert "<h3>Leerflexibiliteit: 0,04</h3>" in client.get(f"/r/{token}?lang=nl").get_data(
        as_text=True
    )
    assert "<h3>Learning flexibility: 0.04</h3>" in client.get(f"/r/{token}?lang=en").get_data(
        as_text=True
    )
    both = client.get(f"/r/{token}?lang=nl&lang2=en").get_data(as_text=True)
    assert (
        '<h3>Leerflexibiliteit: 0,04 <span class="lang2" lang="en">'
        "Learning flexibility: 0.04</span></h3>"
    ) in both
    paper = client.get("/q/learning-styles/paper?lang=nl").get_data(as_text=True)
    assert '<th scope="row">≤ 0,499</th>' in paper
    assert "0 … 1" in paper


def test_reader_texts_on_the_two_language_sheet(app, library):
    """say() gives both languages, each in the reader's own register."""
    from .test_ladder import rate_by_form

    mentor = app.test_client()
    mentor.get("/q/competence-ladder?as=mentor")
    token = rate_by_form(mentor, library.questionnaires["competence-ladder"], [2] * 14)
    html = mentor.get(f"/r/{token}?lang=nl&lang2=en").get_data(as_text=True)
    assert 'Uw privélink <span class="lang2" lang="en">Your private link</span>' in html
    assert "Gemiddelde stap per groep (van 1 tot 4)" in html
