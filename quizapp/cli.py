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
from .textdata import file_texts

questionnaires_cli = AppGroup("questionnaires", help="Check the questionnaire files.")
translate_cli = AppGroup("translate", help="Translation workflow (wraps pybabel).")
results_cli = AppGroup("results", help="Manage stored results.")

TRANSLATIONS = PROJECT_ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"


def _pybabel(*args: str) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), *args], check=True, cwd=PROJECT_ROOT)


def read_catalog(lang: str):
    """Return the parsed .po catalogue of a language."""
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh)


def missing_translations(directory: Path, langs) -> list[str]:
    """Return every data-file text without a finished translation, naming file, place, language."""
    problems = []
    for lang in langs:
        if lang == "en":
            continue
        catalog = read_catalog(lang)
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
    problems += missing_translations(directory, current_app.config["LANGUAGES"])
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
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
        str(POT),
        ".",
    )


@translate_cli.command("update")
def update_command() -> None:
    """Extract, then merge the new texts into every language's .po file."""
    extract_command.callback()
    _pybabel(
        "update",
        "-i",
        str(POT),
        "-d",
        str(TRANSLATIONS),
        "--no-wrap",
        "--ignore-obsolete",
        "--no-fuzzy-matching",
    )


@translate_cli.command("init")
@click.argument("lang")
def init_command(lang: str) -> None:
    """Start a new language."""
    extract_command.callback()
    _pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang, "--no-wrap")


@translate_cli.command("compile")
def compile_command() -> None:
    """Compile the .po files into the .mo files the app reads."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


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
