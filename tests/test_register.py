"""Every page speaks to its reader: formal to mentors, informal to trainees, nobody on shared pages.

In each language with a formal and an informal "you": Dutch u/je, French vous/tu, German Sie/du,
Spanish usted/tú (translations/<lang>/README.md).

The pages are rendered through the app, as their readers get them, and all their text is read:
visible text, hidden texts for screen readers and scripts (aria-label, data-* texts) and the
chart labels. Quoted speech (the name of an answer option in quotes) is left out.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from quizapp.quiz.pages import paginate

from .helpers import best_fit_answers, leadership_answers, learning_answers
from .test_ladder import link, rate_by_form

# Per language: the informal pronouns no mentor page uses, the formal ones no trainee page uses.
REGISTERS = {
    "nl": (
        re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE),
        re.compile(r"\b(u|uw)\b", re.IGNORECASE),
    ),
    "fr": (
        # "ton" after an article is the noun (tone): "sur un ton calme".
        re.compile(
            r"\b(?:(?:tu|toi|ta|tes|te)\b|(?<!le )(?<!un )(?<!du )(?<!au )(?<!ce )ton\b|t’(?=\w))",
            re.IGNORECASE,
        ),
        re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE),
    ),
    "de": (
        re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE),
        # Capitalised Sie/Ihr/Ihnen, except where a sentence starts ("Sie" = they).
        re.compile(r"(?<![.!?:]\s)(?<!^)\b(Sie|Ihnen|Ihre?[mnrs]?)\b"),
    ),
    "es": (
        re.compile(r"\b(tú|tu|tus|te|ti|contigo)\b", re.IGNORECASE),
        re.compile(r"\b(usted|ustedes)\b", re.IGNORECASE),
    ),
}
LANGS = list(REGISTERS)
INFORMAL, FORMAL = REGISTERS["nl"]
QUOTED = re.compile(r"[\"“„‘][^\"”“„‘’]*[\"”“’]|«[^»]*»")
TEXT_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "content", "data-done"}


class PageText(HTMLParser):
    """All the words of a page a person can see or hear, chart labels included."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._json = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name in TEXT_ATTRIBUTES or name.startswith("data-rank-")):
                self.parts.append(value)
        self._json = tag == "script" and ("type", "application/json") in attrs

    def handle_endtag(self, tag):
        self._json = False

    def handle_data(self, data):
        if self._json:
            self.parts.extend(_strings(json.loads(data)))
        else:
            self.parts.append(data)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def words(html: str) -> str:
    """The page's text without quoted speech and soft hyphens."""
    parser = PageText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).replace("\u00ad", "").split())
    return QUOTED.sub(" ", text)


def offending(pattern, html: str) -> list[str]:
    """Each match of a register pattern, with some words around it."""
    text = words(html)
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in pattern.finditer(text)]


def get(client, path: str, lang: str = "nl") -> str:
    response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
    assert response.status_code in (200, 410), path
    return response.get_data(as_text=True)


def form_pages(client, qid: str, q, lang: str = "nl") -> list[str]:
    """Every page of a form as first shown, and the first page sent empty (with errors)."""
    pages = [get(client, f"/q/{qid}/{p.number}", lang) for p in paginate(q)]
    empty = client.post(f"/q/{qid}/1?lang={lang}", data={"action": "next"})
    assert empty.status_code == 422
    return [*pages, empty.get_data(as_text=True)]


LADDER_IDS = 14


def rate_and_invite(client, token: str, pages: list[str], lang: str) -> str:
    """Keep a result page before and after making its invitation; return the invitation path."""
    pages.append(get(client, f"/r/{token}", lang))
    client.post(f"/r/{token}/invite")
    pages.append(get(client, f"/r/{token}", lang))
    return link(pages[-1], r"http://localhost/r/invite/[\w-]+").removeprefix("http://localhost")


def later_page(client, qid: str, q, lang: str = "nl") -> str:
    """The "continue later" page of a questionnaire after its first page."""
    page = paginate(q)[0]
    data = {i.id: "2" for i in page.items} if q.kind == "competence-ladder" else {}
    response = client.post(f"/q/{qid}/1", data={**data, "action": "later"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return get(client, response.headers["Location"], lang)


def used_invitation_page(app, q, inviter_perspective: str, lang: str = "nl") -> str:
    """What a late rater sees when the invitation was used while they answered."""
    inviter, first, late = app.test_client(), app.test_client(), app.test_client()
    if inviter_perspective == "mentor":
        inviter.get("/q/competence-ladder?as=mentor")
    own = rate_by_form(inviter, q, [2] * LADDER_IDS)
    invite = rate_and_invite(inviter, own, [], lang)
    late.get(invite)
    first.get(invite)
    rate_by_form(first, q, [3] * LADDER_IDS)
    pages = paginate(q)
    for page in pages:
        late.post(f"/q/competence-ladder/{page.number}", data={i.id: "2" for i in page.items})
    html = late.get(f"/q/competence-ladder/invitation-used?lang={lang}")
    assert html.status_code == 409
    return html.get_data(as_text=True)


def ladder_journeys(app, q, lang: str = "nl"):
    """Both raters' ladder pages: a trainee who invites the mentor, a mentor who invites the
    trainee, the invitation pages, both results before and after, the comparison, rating again.
    Returns (trainee pages, mentor pages, comparison pages)."""
    trainee_pages, mentor_pages = [], []
    # The trainee rates first and invites the mentor.
    trainee, mentor = app.test_client(), app.test_client()
    trainee_pages += [
        get(trainee, "/q/competence-ladder", lang),
        get(trainee, "/q/competence-ladder/paper", lang),
    ]
    trainee_pages += [get(trainee, "/q/competence-ladder/enter", lang)]
    trainee_pages += form_pages(trainee, "competence-ladder", q, lang)
    own = rate_by_form(trainee, q, [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2], phase="start")
    invite = rate_and_invite(trainee, own, trainee_pages, lang)
    mentor.get(invite)
    mentor_pages += [get(mentor, "/q/competence-ladder", lang)]
    mentor_pages += form_pages(mentor, "competence-ladder", q, lang)
    answers = dict.fromkeys(i.id for i in q.items)
    answers.update(knowledge=3, practical="not-applicable", research="not-observed")
    theirs = rate_by_form(mentor, q, [answers[i.id] or 2 for i in q.items])
    mentor_result = get(mentor, f"/r/{theirs}", lang)
    mentor_pages.append(mentor_result)
    compare = link(mentor_result, r"/r/compare/[\w-]+")
    trainee_pages.append(get(trainee, f"/r/{own}", lang))
    mentor_pages.append(get(mentor, invite, lang))  # the used invitation
    comparison = [get(trainee, compare, lang)]
    # The mentor rates first, with the paper form and the typing-in page, and invites the trainee.
    mentor, trainee = app.test_client(), app.test_client()
    mentor_pages += [
        get(mentor, "/q/competence-ladder?as=mentor", lang),
        get(mentor, "/q/competence-ladder/paper?as=mentor", lang),
        get(mentor, "/q/competence-ladder/enter?as=mentor", lang),
    ]
    first = rate_by_form(mentor, q, [3] * LADDER_IDS, phase="middle")
    invite = rate_and_invite(mentor, first, mentor_pages, lang)
    trainee.get(invite)
    trainee_pages.append(get(trainee, "/q/competence-ladder", lang))
    own = rate_by_form(trainee, q, [1] * LADDER_IDS)
    trainee_pages.append(get(trainee, f"/r/{own}", lang))
    mentor_pages.append(get(mentor, f"/r/{first}", lang))
    comparison.append(
        get(trainee, link(get(trainee, f"/r/{own}", lang), r"/r/compare/[\w-]+"), lang)
    )
    # The mentor rates again: the start page of a series and the result with two ratings.
    mentor.post(f"/r/{first}/again")
    mentor_pages.append(get(mentor, "/q/competence-ladder", lang))
    second = rate_by_form(mentor, q, [4] * LADDER_IDS, phase="end")
    mentor_pages.append(get(mentor, f"/r/{second}", lang))
    return trainee_pages, mentor_pages, comparison


@pytest.fixture
def pages(app, library, lang):
    """Every page a trainee reads and every page a mentor reads, in one language."""

    def get(client, path: str) -> str:
        return globals()["get"](client, path, lang)

    learning = library.questionnaires["learning-styles"]
    leadership = library.questionnaires["leadership-styles"]
    ladder = library.questionnaires["competence-ladder"]
    client = app.test_client()
    trainee = [
        get(client, "/q/learning-styles"),
        get(client, "/q/learning-styles/paper"),
        get(client, "/q/learning-styles/enter"),
        *form_pages(client, "learning-styles", learning, lang),
    ]
    for orders, contexts in [
        (["RO", "CE", "AE", "AC"], ["CE", "RO", "AC", "AE"]),
        (["AE", "AC", "CE", "RO"], None),
        ([["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6, None),
    ]:
        token = client.post(
            "/api/v1/questionnaires/learning-styles/responses",
            json={"answers": learning_answers(learning, orders, contexts)},
        ).get_json()["token"]
        trainee += [get(client, f"/r/{token}"), get(client, f"/r/{token}?lang2=en")]
    mentor = [
        get(client, "/q/leadership-styles"),
        get(client, "/q/leadership-styles/paper"),
        get(client, "/q/leadership-styles/enter"),
        *form_pages(client, "leadership-styles", leadership, lang),
    ]
    for answers in (best_fit_answers(leadership), leadership_answers(leadership, "S1")):
        token = client.post(
            "/api/v1/questionnaires/leadership-styles/responses", json={"answers": answers}
        ).get_json()["token"]
        mentor.append(get(client, f"/r/{token}"))
    ladder_trainee, ladder_mentor, comparison = ladder_journeys(app, ladder, lang)
    trainee += [
        later_page(app.test_client(), "learning-styles", learning, lang),
        later_page(app.test_client(), "competence-ladder", ladder, lang),
        used_invitation_page(app, ladder, "mentor", lang),
    ]
    mentor_later = app.test_client()
    mentor_later.get("/q/competence-ladder?as=mentor")
    mentor += [
        later_page(app.test_client(), "leadership-styles", leadership, lang),
        later_page(mentor_later, "competence-ladder", ladder, lang),
        used_invitation_page(app, ladder, "self", lang),
    ]
    return {
        "trainee": trainee + ladder_trainee,
        "mentor": mentor + ladder_mentor,
        "both": comparison,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_mentor_pages_are_formal_never_informal(pages, lang):
    assert len(pages["mentor"]) == 29
    assert all(f'<html lang="{lang}">' in html for html in pages["mentor"])
    found = [hit for html in pages["mentor"] for hit in offending(REGISTERS[lang][0], html)]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_trainee_pages_are_informal_never_formal(pages, lang):
    assert len(pages["trainee"]) == 33
    assert all(f'<html lang="{lang}">' in html for html in pages["trainee"] + pages["both"])
    found = [hit for html in pages["trainee"] for hit in offending(REGISTERS[lang][1], html)]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_addresses_nobody(pages, lang):
    """Trainee and mentor both read the comparison: neither form of "you"."""
    found = [
        hit
        for html in pages["both"]
        for pattern in REGISTERS[lang]
        for hit in offending(pattern, html)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "pattern", "text", "hits"),
    [
        ("fr", 1, "<p>Choisissez votre style.</p>", ["Choisissez votre style."]),
        ("fr", 0, "<p>Ton tu\u00adteur t’aide.</p>", ["Ton tuteur t’aide.", "Ton tuteur t’aide."]),
        ("fr", 0, "<p>Cliquez sur « Continuer plus tard, tu verras ».</p>", []),
        ("de", 1, "<p>Sie sehen, was Ihnen hilft.</p>", ["Sie sehen, was Ihnen hilft."]),
        ("de", 1, "<p>Die Werte ändern sich. Sie können steigen.</p>", []),
        ("de", 0, "<p>Schätz dich ein.</p>", ["Schätz dich ein."]),
        ("es", 1, "<p>Elija usted.</p>", ["Elija usted."]),
        ("es", 0, "<p>Valórate tú.</p>", ["Valórate tú."]),
    ],
)
def test_the_register_patterns_find_what_they_should(lang, pattern, text, hits):
    assert offending(REGISTERS[lang][pattern], text) == hits


@pytest.mark.parametrize("lang", ["nl"])
def test_the_register_test_sees_hidden_texts_and_chart_labels(pages, lang):
    """The words include what a screen reader hears and what the charts print."""
    leadership_result = next(p for p in pages["mentor"] if 'id="chart-fit"' in p)
    text = words(leadership_result)
    assert "U: " in text  # a chart label, inside the SVG
    assert "Staafdiagram van hoe vaak u elke stijl koos" in text  # the SVG's description
    page = next(p for p in pages["trainee"] if "data-rank-help" in p)
    assert "het best bij je past" in words(page)
    assert offending(FORMAL, "<p>Wat vindt u?</p>") == ["Wat vindt u?"]
    assert offending(FORMAL, "<p>Kies „Uw stagiair” als antwoord.</p>") == []


def questionnaire_names(app, library, lang: str = "nl") -> list[str]:
    """The titles and summaries of the questionnaires: each speaks to its own audience.

    General pages list them as names of the questionnaires (a card "For trainees" invites
    trainees in their words), so they are left out like quoted speech; the rest of a general
    page addresses nobody.
    """
    from flask_babel import pgettext

    names = []
    with app.test_request_context(f"/?lang={lang}"):
        for q in library.questionnaires.values():
            texts = [q.title, q.summary, *((q.mentor.title, q.mentor.summary) if q.mentor else ())]
            names += [pgettext(q.id, t) for t in texts]
    return names


def general_page_words(html: str, names: list[str]) -> str:
    text = words(html)
    for name in names:
        text = text.replace(" ".join(str(escape(name)).split()), " ")
        text = text.replace(" ".join(name.split()), " ")
    return text


NOT_FOUND = [
    "/nope",
    "/r/no-such-result",
    "/r/compare/no-such-comparison",
    "/r/invite/no-such-invitation",
    "/q/no-such-questionnaire",
    "/q/learning-styles/99",
    "/handbook/9.9",
    "/q/learning-styles/continue/no-such-draft",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/", "/about", "/privacy", "/handbook", *NOT_FOUND])
def test_general_pages_address_nobody(app, client, library, path, lang):
    text = general_page_words(
        client.get(f"{path}?lang={lang}").get_data(as_text=True),
        questionnaire_names(app, library, lang),
    )
    for pattern in REGISTERS[lang]:
        assert [m.group(0) for m in pattern.finditer(text)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_handbook_summaries_address_nobody(app, client, library, lang):
    names = questionnaire_names(app, library, lang)
    for section in library.handbook.sections:
        text = general_page_words(get(client, f"/handbook/{section.id}", lang), names)
        for pattern in REGISTERS[lang]:
            assert [m.group(0) for m in pattern.finditer(text)] == [], section.id


def test_in_english_no_mentor_page_says_your_mentor(app, library):
    """A mentor's pages never point to "your mentor"; a trainee's never to "your trainee"."""
    ladder = library.questionnaires["competence-ladder"]
    trainee_pages, mentor_pages, _ = ladder_journeys(app, ladder, "en")
    client = app.test_client()
    leadership = library.questionnaires["leadership-styles"]
    token = client.post(
        "/api/v1/questionnaires/leadership-styles/responses",
        json={"answers": best_fit_answers(leadership)},
    ).get_json()["token"]
    mentor_pages += [get(client, "/q/leadership-styles", "en"), get(client, f"/r/{token}", "en")]
    for html in mentor_pages:
        assert '<html lang="en">' in html
        assert "your mentor" not in words(html).lower()
    for html in trainee_pages:
        assert "your trainee" not in words(html).lower()


def test_a_mentor_who_rated_by_invitation_sees_the_comparison_is_ready(app, library):
    q = library.questionnaires["competence-ladder"]
    trainee, mentor = app.test_client(), app.test_client()
    own = rate_by_form(trainee, q, [2] * LADDER_IDS)
    trainee.post(f"/r/{own}/invite")
    invite = link(get(trainee, f"/r/{own}", "en"), r"http://localhost/r/invite/[\w-]+")
    mentor.get(invite.removeprefix("http://localhost"))
    theirs = rate_by_form(mentor, q, [3] * LADDER_IDS)
    html = get(mentor, f"/r/{theirs}", "en")
    assert "The comparison is ready" in html
    assert "The trainee rated themselves first." in html
    assert "Ask your trainee to rate themselves" not in html
    assert "Make an invitation link" not in html
    dutch = get(mentor, f"/r/{theirs}")
    assert "De vergelijking is klaar" in dutch
    assert "De stagiair heeft zichzelf eerst beoordeeld." in dutch
