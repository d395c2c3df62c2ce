"""Command-line tools: questionnaires check and psychometrics, translate extract/update/compile,
results purge."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from babel.messages.pofile import read_po
from flask import Flask, current_app
from flask.cli import AppGroup

from .config import PROJECT_ROOT
from .engine import DefinitionError, load_library
from .languages import SOURCE_LANGUAGE, catalogue_path, catalogue_status, display_name
from .textdata import file_texts

questionnaires_cli = AppGroup("questionnaires", help="Check the questionnaire files.")
translate_cli = AppGroup("translate", help="Translation workflow (wraps pybabel).")
results_cli = AppGroup("results", help="Manage stored results.")


def _translations() -> Path:
    """The folder of the catalogues (the app's BABEL_TRANSLATION_DIRECTORIES)."""
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])


def _pybabel(*args: str) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), *args], check=True, cwd=PROJECT_ROOT)


def missing_translations(directory: Path, langs, translations: Path) -> list[str]:
    """Return every data-file text without a finished translation, naming file, place, language."""
    problems = []
    for lang in langs:
        path = catalogue_path(translations, lang)
        if lang == SOURCE_LANGUAGE or not path.is_file():
            continue
        with open(path, "rb") as fh:
            catalog = read_po(fh)
        for path in sorted(Path(directory).glob("*.yaml")):
            for line, where, text, contexts in file_texts(path):
                for context in contexts:
                    message = catalog.get(text, context=context)
                    place = f"{path.name}:{line}: {where} ({context})"
                    if message is None or not message.string:
                        problems.append(f"{place}: no {lang} translation")
                    elif message.fuzzy:
                        problems.append(f"{place}: {lang} translation is fuzzy")
    return problems


@questionnaires_cli.command("check")
def check_command() -> None:
    """Validate every questionnaire file and its translations; exit 1 on any problem."""
    directory = Path(current_app.config["QUESTIONNAIRE_DIR"])
    problems: list[str] = []
    try:
        library = load_library(directory)
    except DefinitionError as exc:
        problems += exc.problems
        library = None
    wanted = current_app.config["LANGUAGES_CONFIGURED"]
    problems += missing_translations(directory, wanted, _translations())
    for problem in problems:
        click.echo(problem, err=True)
    incomplete = []
    for lang in wanted:
        if lang == SOURCE_LANGUAGE:
            click.echo(f"{lang}: the source language")
        elif not catalogue_path(_translations(), lang).is_file():
            incomplete.append(f"{lang}: no catalogue (flask --app wsgi translate add {lang})")
        else:
            status = catalogue_status(_translations(), lang)
            (click.echo if status.complete else incomplete.append)(status.summary)
    for line in incomplete:
        click.echo(line, err=True)
    if problems or incomplete:
        raise SystemExit(1)
    click.echo(f"{len(library.questionnaires)} questionnaires and the handbook are valid.")


@questionnaires_cli.command("psychometrics")
@click.option("--questionnaire", "qid", default=None, help="Only this questionnaire (its id).")
@click.option("--version", type=int, default=None, help="Only this version of it.")
@click.option("--lang", default="en", show_default=True, help="The language of the report.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write.",
)
def psychometrics_command(qid: str | None, version: int | None, lang: str, out: Path) -> None:
    """Write the psychometrics report of every stored response as one HTML file, and print
    its key figures."""
    from .psychometrics import summary
    from .psychometrics.page import build_reports, render_reports

    if lang not in current_app.config["LANGUAGES"]:
        raise click.BadParameter(
            f"choose one of {', '.join(current_app.config['LANGUAGES'])}", param_hint="--lang"
        )
    if qid is not None and qid not in current_app.extensions["quizapp.library"].questionnaires:
        raise click.BadParameter(f"no questionnaire {qid!r}", param_hint="--questionnaire")
    if version is not None and qid is None:
        raise click.BadParameter("give --questionnaire with --version", param_hint="--version")
    reports = build_reports(qid, version)
    with current_app.test_request_context(f"/?lang={lang}"):
        html = render_reports(reports, standalone=True)
    out.write_text(html, encoding="utf-8")
    for report in reports:
        for line in summary(report):
            click.echo(line)
    click.echo(f"Wrote {out}")


@translate_cli.command("extract")
def extract_command() -> None:
    """Extract every text of the code, templates and data files into messages.pot."""
    _pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "--no-wrap",
        "--sort-by-file",
        "--project",
        "quizapp",
        "-o",
        str(_translations() / "messages.pot"),
        ".",
    )


@translate_cli.command("update")
def update_command() -> None:
    """Extract, then merge the new texts into every language's .po file."""
    extract_command.callback()
    _pybabel(
        "update",
        "-i",
        str(_translations() / "messages.pot"),
        "-d",
        str(_translations()),
        "--no-wrap",
        "--ignore-obsolete",
        "--no-fuzzy-matching",
    )


@translate_cli.command("add")
@click.argument("lang")
def add_command(lang: str) -> None:
    """Start a new language: its catalogue from the current texts, and its README to fill in."""
    translations = _translations()
    if catalogue_path(translations, lang).exists():
        raise click.ClickException(f"translations/{lang} exists already")
    try:
        name = display_name(lang)
    except (ValueError, LookupError) as exc:
        raise click.ClickException(f"{lang} is not a language code Babel knows") from exc
    extract_command.callback()
    pot = str(translations / "messages.pot")
    _pybabel("init", "-i", pot, "-d", str(translations), "-l", lang, "--no-wrap")
    template = (translations / "README.template.md").read_text(encoding="utf-8")
    readme = translations / lang / "README.md"
    readme.write_text(template.replace("{lang}", lang).replace("{name}", name), encoding="utf-8")
    status = catalogue_status(translations, lang)
    click.echo(
        f"Added {name} ({lang}): {status.total} texts to translate.\n"
        f"Next (translations/README.md):\n"
        f"  1. fill in translations/{lang}/README.md: register per reader and the glossary;\n"
        f"  2. translate translations/{lang}/LC_MESSAGES/messages.po following it;\n"
        f"  3. see the pages: LANGUAGES_PREVIEW={lang} flask --app wsgi run, then ?lang={lang};\n"
        f"  4. flask --app wsgi questionnaires check until {lang} is complete;\n"
        f"  5. review in context, record it in translations/languages.toml, translate compile."
    )


@translate_cli.command("compile")
def compile_command() -> None:
    """Compile the .po files into the .mo files the app reads."""
    _pybabel("compile", "-d", str(_translations()), "--statistics")


@results_cli.command("purge")
def purge_command() -> None:
    """Delete results, plans, programmes and continue-later drafts past their retention."""
    from .internships.store import purge_expired_internships
    from .programmes.store import purge_expired_programmes
    from .quiz.drafts import purge_expired_drafts
    from .results.store import purge_expired

    programmes = purge_expired_programmes()
    plans = purge_expired_internships()
    click.echo(f"Deleted {purge_expired()} expired results.")
    click.echo(f"Deleted {plans} expired internship plans.")
    click.echo(f"Deleted {purge_expired_drafts()} expired drafts.")
    click.echo(f"Deleted {programmes} expired programmes.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(questionnaires_cli)
    app.cli.add_command(translate_cli)
    app.cli.add_command(results_cli)
