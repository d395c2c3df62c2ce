"""The questionnaires and handbook of a running app, loaded once at start-up."""

from __future__ import annotations

from flask import Flask, abort, current_app

from .engine import Library, Questionnaire, load_library

KEY = "quizapp.library"


def init_app(app: Flask) -> None:
    """Load and validate every definition file; a broken file stops the app from starting."""
    app.extensions[KEY] = load_library(app.config["QUESTIONNAIRE_DIR"])


def get_library() -> Library:
    """Return the loaded library of the current app."""
    return current_app.extensions[KEY]


def get_questionnaire_or_404(questionnaire_id: str) -> Questionnaire:
    """Return a questionnaire by id, or answer 404."""
    q = get_library().questionnaires.get(questionnaire_id)
    if q is None:
        abort(404)
    return q
