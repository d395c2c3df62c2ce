"""Finding the way: 404 pages that say what was not found, languages by their tag, handbook
sections with previous, next and a way back (never to another site), the next step on every
result, and invitations that say who invites and until when."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest

from quizapp.extensions import db
from quizapp.models import Invitation, Response

from .helpers import best_fit_answers, deciding_result, learning_answers
from .test_ladder import IDS, link, rate_by_form


@pytest.mark.parametrize(
    ("path", "heading", "advice"),
    [
        ("/r/no-such-result", "Result not found", "Fill in a questionnaire again"),
        ("/r/compare/nope", "Comparison not found", "Rate the competences again"),
        ("/r/invite/nope", "Invitation not found", "Ask the person who invited you for a new link"),
        ("/q/nope", "Questionnaire not found", "See all questionnaires"),
        ("/q/nope/paper", "Questionnaire not found", "See all questionnaires"),
        (
            "/q/leadership-styles/paper?as=mentor",
            "Questionnaire not found",
            "See all questionnaires",
        ),
        ("/q/learning-styles/paper?as=boss", "Questionnaire not found", "See all questionnaires"),
        ("/handbook/9.9", "Handbook section not found", "See all handbook sections"),
        ("/q/learning-styles/continue/nope", "Saved answers not found", "kept for 30 days"),
        ("/q/learning-styles/99", "Page not found", "Go to the start page"),
        ("/nope", "Page not found", "Go to the start page"),
    ],
)
def test_404_pages_say_what_was_not_found_and_what_to_do(client, path, heading, advice):
    response = client.get(path + ("&" if "?" in path else "?") + "lang=en")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{heading} ·" in html
    assert advice in html


def test_a_missing_section_names_the_number_asked_for(client):
    html = client.get("/handbook/9.9?lang=nl").get_data(as_text=True)
    assert "De handleiding heeft geen deel 9.9." in html
    html = client.get("/handbook/%3Cb%3E?lang=en").get_data(as_text=True)
    assert "no section &lt;b&gt;." in html


def test_a_deleted_result_is_a_result_not_found(client, library):
    q = library.questionnaires["leadership-styles"]
    token = client.post(
        "/api/v1/questionnaires/leadership-styles/responses", json={"answers": best_fit_answers(q)}
    ).get_json()["token"]
    client.post(f"/r/{token}/delete")
    html = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert "<h1>Result not found</h1>" in html
    assert "automatically after 730 days" in html


@pytest.mark.parametrize("value", ["nl", "NL", "nl-BE", "nl_be", "Nl-Be"])
def test_lang_parameter_takes_any_form_of_a_language_tag(client, value):
    response = client.get(f"/?lang={value}")
    assert '<html lang="nl">' in response.get_data(as_text=True)
    assert "lang=nl;" in response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("nl-BE", "nl"),
        ("nl-BE,en;q=0.5", "nl"),
        ("fr-BE, nl;q=0.8", "fr"),
        ("pt-BR, nl;q=0.8", "nl"),
        ("de-AT", "de"),
        ("es-MX,en;q=0.5", "es"),
        ("en-GB,nl;q=0.9", "en"),
    ],
)
def test_accept_language_follows_the_browsers_order_by_language(client, header, lang):
    html = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in html


def test_a_second_language_takes_any_form_of_its_tag(client, library):
    token = deciding_result(client, library)
    html = client.get(f"/r/{token}?lang=NL&lang2=en-GB").get_data(as_text=True)
    assert '<span class="lang2" lang="en">Your learning style: Deciding</span>' in html


def test_handbook_sections_link_to_previous_and_next(client, library):
    sections = library.handbook.sections
    first = client.get(f"/handbook/{sections[0].id}?lang=en").get_data(as_text=True)
    assert 'rel="prev"' not in first
    assert f'href="/handbook/{sections[1].id}" rel="next"' in first
    middle = client.get(f"/handbook/{sections[1].id}?lang=en").get_data(as_text=True)
    assert f'href="/handbook/{sections[0].id}" rel="prev"' in middle
    assert f'href="/handbook/{sections[2].id}" rel="next"' in middle
    last = client.get(f"/handbook/{sections[-1].id}?lang=en").get_data(as_text=True)
    assert 'rel="next"' not in last
    assert 'href="/handbook">All handbook sections</a>' in last


def test_a_section_links_back_to_the_result_it_was_opened_from(client, library):
    q = library.questionnaires["leadership-styles"]
    token = client.post(
        "/api/v1/questionnaires/leadership-styles/responses", json={"answers": best_fit_answers(q)}
    ).get_json()["token"]
    result = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    path = link(result, rf"/handbook/[\d.]+\?from=/r/{token}")
    section = client.get(path + "&lang=en")
    html = section.get_data(as_text=True)
    assert f'<a class="back-link" href="/r/{token}">Back to the result</a>' in html
    # previous and next keep the way back
    assert re.search(rf'href="/handbook/[\d.]+\?from=/r/{token}" rel="(prev|next)"', html)
    # a page that names a private result is private too
    assert section.headers["Cache-Control"] == "no-store"
    assert client.get("/handbook/2.5").headers.get("Cache-Control") != "no-store"


@pytest.mark.parametrize(
    "value",
    [
        "https://evil.example/r/x",
        "//evil.example/r/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "/r/x?next=https://evil.example",
        "/api/v1/questionnaires",
        "/r/x/delete",
        "/nope",
        "r/x",
    ],
)
def test_the_way_back_never_leads_away_or_to_other_pages(client, value):
    html = client.get(f"/handbook/2.5?lang=en&from={value}").get_data(as_text=True)
    assert "back-link" not in html
    assert "evil" not in unquote(html)


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/q/learning-styles", "Back to the questionnaire"),
        ("/r/compare/abc", "Back to the comparison"),
        ("/handbook", "Back"),
    ],
)
def test_the_way_back_names_where_it_goes(client, path, label):
    html = client.get(f"/handbook/2.5?lang=en&from={path}").get_data(as_text=True)
    assert f'<a class="back-link" href="{path}">{label}</a>' in html


def test_every_result_says_what_to_do_next(app, client, library):
    ls, lead = (
        library.questionnaires["learning-styles"],
        library.questionnaires["leadership-styles"],
    )
    token = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        json={"answers": learning_answers(ls, ["AE", "AC", "CE", "RO"])},
    ).get_json()["token"]
    html = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert "Rate yourself on the competence ladder" in html
    assert 'href="/q/competence-ladder?as=self">Rate my competences</a>' in html
    token = client.post(
        "/api/v1/questionnaires/leadership-styles/responses",
        json={"answers": best_fit_answers(lead)},
    ).get_json()["token"]
    html = client.get(f"/r/{token}?lang=en").get_data(as_text=True)
    assert 'href="/q/competence-ladder?as=mentor">Rate my trainee</a>' in html
    ladder = library.questionnaires["competence-ladder"]
    trainee = app.test_client()
    own = rate_by_form(trainee, ladder, [2] * len(IDS))
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert "Ask your mentor to rate you" in html
    # the trainee's own content and next step come before the advice for the mentor
    assert html.index("Make an invitation link") < html.index("For your mentor: how to guide")
    assert '<details class="for-other" id="for-mentor">' in html


def test_the_invitation_says_who_invites_and_until_when(app, library):
    q = library.questionnaires["competence-ladder"]
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, q, [2] * len(IDS))
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    assert 'name="name"' in html
    trainee.post(f"/r/{own}/invite", data={"name": "  Sam\u202e\x00  de   Vries  "})
    with app.app_context():
        invitation = db.session.execute(db.select(Invitation)).scalar_one()
        assert invitation.from_name == "Sam de Vries"
        created = db.session.execute(db.select(Response.created)).scalar_one()
    html = trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    invite = link(html, r"http://localhost/r/invite/[\w-]+")
    end = created + timedelta(days=730)  # RESULT_RETENTION_DAYS
    until = f"{end.strftime('%B')} {end.day}, {end.year}"
    assert f"It works for one rating, until {until}" in html
    assert "It says that the invitation comes from Sam de Vries." in html
    assert '<details class="qr-box">' in html
    mail = link(html, r'mailto:\?subject=[^"]+')
    assert unquote(mail).startswith("mailto:?subject=Please rate my competences&amp;body=Could")
    assert invite in unquote(mail)
    # the invited mentor reads who asks and until when
    mentor.get(invite.removeprefix("http://localhost"))
    start = mentor.get("/q/competence-ladder?lang=en").get_data(as_text=True)
    assert "Sam de Vries, your trainee, has rated themselves" in start
    assert f"works for one rating, until {until}" in start
    dutch = mentor.get("/q/competence-ladder?lang=nl").get_data(as_text=True)
    assert "Sam de Vries, uw stagiair, heeft zichzelf beoordeeld" in dutch


def test_the_inviters_name_is_part_of_the_kept_page(app, library):
    q = library.questionnaires["competence-ladder"]
    trainee = app.test_client()
    own = rate_by_form(trainee, q, [2] * len(IDS))
    trainee.post(f"/r/{own}/invite", data={"name": "Sam"})
    assert "comes from Sam." in trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)
    with app.app_context():
        invitation = db.session.execute(db.select(Invitation)).scalar_one()
        invitation.from_name = "Kim"
        db.session.commit()
    assert "comes from Kim." in trainee.get(f"/r/{own}?lang=en").get_data(as_text=True)


def test_the_inviters_name_is_deleted_with_the_result(app, library):
    q = library.questionnaires["competence-ladder"]
    trainee = app.test_client()
    own = rate_by_form(trainee, q, [2] * len(IDS))
    trainee.post(f"/r/{own}/invite", data={"name": "Sam"})
    trainee.post(f"/r/{own}/delete")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Invitation)).scalar() == 0


@pytest.mark.parametrize(("value", "lang"), [("fr-BE", "fr"), ("de-AT", "de"), ("es-MX", "es")])
def test_a_regional_tag_gives_its_language(client, value, lang):
    response = client.get(f"/?lang={value}")
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)
    assert f"lang={lang};" in response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("lang", "lang2", "first", "second"),
    [
        ("de", "es", "Dein Lernstil: Entscheiden", "Tu estilo de aprendizaje: Resolutivo"),
        ("es", "de", "Tu estilo de aprendizaje: Resolutivo", "Dein Lernstil: Entscheiden"),
        ("fr", "nl", "Ton style d’apprentissage\u00a0: Décisionnel", "Jouw leerstijl: Beslissend"),
        (
            "en",
            "fr",
            "Your learning style: Deciding",
            "Ton style d’apprentissage\u00a0: Décisionnel",
        ),
        ("nl", "es-MX", "Jouw leerstijl: Beslissend", "Tu estilo de aprendizaje: Resolutivo"),
    ],
)
def test_any_two_languages_make_a_two_language_sheet(client, library, lang, lang2, first, second):
    token = deciding_result(client, library)
    html = client.get(f"/r/{token}?lang={lang}&lang2={lang2}").get_data(as_text=True)
    code2 = lang2.split("-")[0]
    assert f'<html lang="{lang}">' in html
    assert f'<h1>{first} <span class="lang2" lang="{code2}">{second}</span></h1>' in html
    # the sheet's second-language menu offers every other language
    for other in ("en", "nl", "fr", "de", "es"):
        assert (f'<option value="{other}"' in html) == (other != lang)
