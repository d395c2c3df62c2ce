"""The languages served come from the configuration and the catalogues, nowhere else."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from quizapp.extensions import db
from quizapp.languages import catalogue_status, catalogued, display_name

from .conftest import fresh_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def make_app(tmp_path):
    """Apps with their own configuration, their database connections closed afterwards."""
    made = []

    def make(**config):
        made.append(fresh_app(tmp_path, **config))
        return made[-1]

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_by_default_every_catalogue_and_english_are_served(app):
    assert app.config["LANGUAGES"] == ("en", *catalogued(ROOT / "translations"))
    assert {"de", "es", "fr", "nl"} <= set(app.config["LANGUAGES"])


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("en", "English"),
        ("nl", "Nederlands"),
        ("fr", "Français"),
        ("de", "Deutsch"),
        ("es", "Español"),
    ],
)
def test_a_language_is_named_in_itself_by_babel(lang, name):
    assert display_name(lang) == name


def test_the_switcher_lists_every_language_in_its_own_name(client):
    html = client.get("/").get_data(as_text=True)
    for lang, name in [("de", "Deutsch"), ("es", "Español"), ("fr", "Français")]:
        assert f'lang="{lang}" hreflang="{lang}">{name}</a>' in html


def test_the_environment_narrows_the_languages(make_app, monkeypatch):
    monkeypatch.setenv("LANGUAGES", "en, nl")
    app = make_app()
    assert app.config["LANGUAGES"] == ("en", "nl")
    html = app.test_client().get("/", headers={"Accept-Language": "fr-BE"}).get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Français" not in html
    error = app.test_client().post(
        "/api/v1/questionnaires/learning-styles/responses", json={"answers": {}, "lang": "fr"}
    )
    assert error.status_code == 422
    assert "Use one of: en, nl." in error.get_data(as_text=True)


@pytest.fixture
def half_french(tmp_path):
    """A copy of the catalogues in which French lacks one text and has one fuzzy text."""
    directory = tmp_path / "translations"
    # With the compiled catalogues: Flask-Babel keeps them per language for every app in the
    # process, so a copy without them would leave the next tests' apps untranslated.
    shutil.copytree(ROOT / "translations", directory)
    path = directory / "fr" / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as fh:
        catalog = read_po(fh)
    catalog.get("Questionnaires").string = ""
    catalog.get("Privacy").flags.add("fuzzy")
    with open(path, "wb") as fh:
        write_po(fh, catalog, width=None)
    return directory


def test_an_incomplete_language_is_not_served(make_app, half_french, caplog):
    total = catalogue_status(half_french, "fr").total
    with caplog.at_level(logging.WARNING):
        app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(half_french))
    assert app.config["LANGUAGES"] == ("en", "de", "es", "nl")
    assert (
        f"language fr is not served: fr: 1 of {total} texts untranslated, 1 fuzzy"
        " (LANGUAGES_PREVIEW=fr shows it anyway)"
    ) in caplog.messages
    html = app.test_client().get("/?lang=fr").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Français" not in html


def test_a_preview_serves_an_incomplete_language(make_app, half_french):
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(half_french), LANGUAGES_PREVIEW=["fr"])
    assert app.config["LANGUAGES"] == ("en", "de", "es", "fr", "nl")
    html = app.test_client().get("/?lang=fr").get_data(as_text=True)
    assert '<html lang="fr">' in html
    assert ">Français</a>" in html


def test_the_check_reports_each_language_and_fails_on_an_incomplete_one(make_app, half_french):
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(half_french))
    result = app.test_cli_runner().invoke(args=["questionnaires", "check"])
    total = catalogue_status(half_french, "fr").total
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "en: the source language",
        f"de: complete ({total} texts)",
        f"es: complete ({total} texts)",
        f"nl: complete ({total} texts)",
    ]
    assert f"fr: 1 of {total} texts untranslated, 1 fuzzy" in result.stderr.splitlines()


def test_the_check_passes_on_the_shipped_catalogues(runner, app, library):
    result = runner.invoke(args=["questionnaires", "check"])
    assert result.exit_code == 0, result.stderr
    total = catalogue_status(ROOT / "translations", "nl").total
    assert result.stdout.splitlines() == [
        "en: the source language",
        *(f"{lang}: complete ({total} texts)" for lang in app.config["LANGUAGES"][1:]),
        f"{len(library.questionnaires)} questionnaires and the handbook are valid.",
    ]


def test_adding_a_language_starts_its_catalogue_and_readme(make_app, tmp_path):
    directory = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", directory)
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(directory))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["translate", "add", "pt"])
    assert result.exit_code == 0, result.output
    status = catalogue_status(directory, "pt")
    assert status.total == catalogue_status(directory, "nl").total
    assert status.empty == status.total
    readme = (directory / "pt" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Português (pt): register and glossary\n")
    assert f"Added Português (pt): {status.total} texts to translate." in result.output
    assert "LANGUAGES_PREVIEW=pt flask --app wsgi run" in result.output
    # not served until complete; the check names it
    app = make_app(BABEL_TRANSLATION_DIRECTORIES=str(directory))
    assert "pt" not in app.config["LANGUAGES"]
    runner = app.test_cli_runner()
    again = runner.invoke(args=["translate", "add", "pt"])
    assert again.exit_code == 1
    assert "translations/pt exists already" in again.output
    check = runner.invoke(args=["questionnaires", "check"])
    assert check.exit_code == 1
    assert f"pt: {status.total} of {status.total} texts untranslated, 0 fuzzy" in check.stderr


def test_the_about_page_shows_each_languages_review(client):
    html = client.get("/about?lang=en").get_data(as_text=True)
    assert '<li><span lang="en">English</span>: the language the texts are written in</li>' in html
    for lang, name in [("fr", "Français"), ("de", "Deutsch"), ("es", "Español")]:
        assert (
            f'<li><span lang="{lang}">{name}</span>: reviewed in context on November 22, 2026 by'
            " a second, independent translator who read every page</li>"
        ) in html
    assert (
        '<li><span lang="nl">Nederlands</span>: reviewed in context on November 22, 2026 by the'
        " project&#39;s developers, page by page</li>"
    ) in html
    assert "translated, not yet reviewed in context" not in html
    assert "The questionnaires were written in English and Dutch. Their translations" in html
    french = client.get("/about?lang=fr").get_data(as_text=True)
    assert "Les questionnaires ont été écrits en anglais et néerlandais." in french


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("lang=fr", "Ce questionnaire a été écrit en anglais et néerlandais\u202f;"),
        ("lang=de", "Dieser Fragebogen wurde auf Englisch und Niederländisch geschrieben;"),
        ("lang=es", "Este cuestionario se escribió en inglés y neerlandés;"),
        ("lang=nl&lang2=es", "Este cuestionario se escribió en inglés y neerlandés;"),
        ("lang=nl", None),
        ("lang=en&lang2=nl", None),
    ],
)
def test_a_result_in_translation_says_the_questionnaire_was_not_validated_in_it(
    client, library, query, note
):
    from .helpers import deciding_result

    token = deciding_result(client, library)
    html = client.get(f"/r/{token}?{query}").get_data(as_text=True)
    if note is None:
        assert "not been validated separately" not in html
        assert "n’a pas été validée" not in html
    else:
        assert note in html


@pytest.mark.parametrize(
    ("lang", "lang2", "listed", "number"),
    [
        ("en", None, "Directing, Coaching, and Supporting", "1,234.5"),
        ("fr", None, "Directif, Persuasif et Participatif", "1\u202f234,5"),
        ("de", None, "Anleitend, Coachend und Unterstützend", "1.234,5"),
        ("es", None, "Dirigir, Entrenar y Apoyar", "1.234,5"),
        ("de", "es", "Anleitend, Coachend und Unterstützend / Dirigir, Entrenar y Apoyar", None),
    ],
)
def test_lists_and_numbers_follow_the_language(app, library, lang, lang2, listed, number):
    from flask import g
    from flask_babel import force_locale

    from quizapp.i18n import list_of, qt, signed
    from quizapp.i18n import number as format_number

    q = library.questionnaires["leadership-styles"]
    with app.test_request_context(), force_locale(lang):
        if lang2:
            g.lang2 = lang2
        names = [qt(q.id, q.scale(s).name) for s in ("S1", "S2", "S3")]
        assert str(list_of(names)) == listed
        if number:
            assert format_number(1234.5) == number
        assert (signed(3), signed(-2), signed(0)) == ("+3", "-2", "+0")
