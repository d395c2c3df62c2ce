"""The questionnaires and handbook of a running app, loaded once at start-up."""

from __future__ import annotations

from flask import Flask, current_app
from flask_babel import pgettext

from .engine import Library, Questionnaire, load_library, time_estimate
from .errors import not_found
from .i18n import current_lang

KEY = "quizapp.library"
_ESTIMATES: dict[tuple, dict] = {}


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
        not_found("questionnaire")
    return q


def minutes_for(q: Questionnaire, perspective: str = "self") -> dict[str, int | None]:
    """How long the questionnaire takes in the current language, required and optional parts.

    Computed from the words of the texts this rater reads (see engine.timing), once per
    questionnaire version, language and wording.
    """
    key = (q.id, q.version, current_lang(), perspective)
    if key not in _ESTIMATES:
        _ESTIMATES[key] = time_estimate(q, perspective, lambda text: pgettext(q.id, text))
    return _ESTIMATES[key]


def questionnaire_of_kind(kind: str) -> Questionnaire | None:
    """The first questionnaire of a kind, for the links from one result to the next step."""
    return next((q for q in get_library().questionnaires.values() if q.kind == kind), None)
