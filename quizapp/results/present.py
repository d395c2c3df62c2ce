"""Turn a stored response into the data a result page or the API shows."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request, url_for
from flask_babel import gettext as _

from ..engine import Questionnaire, Result, check_answers, score
from ..engine.leadership import best_fit, readiness_matrix
from ..engine.schema import Advice, ClassDef, ComparisonAdvice, Recommendation
from ..i18n import qt, reader_of
from ..library import get_library
from ..models import Response
from ..urls import external_url


@dataclass(frozen=True)
class ShownResult:
    """A scored response with the definitions needed to show it."""

    q: Questionnaire
    response: Response
    result: Result | None

    def class_of(self, classification_id: str) -> ClassDef | None:
        """Return the class this result falls in for a classification, or None."""
        if self.result is None:
            return None
        class_id = self.result.profile.get(classification_id)
        c = self.q.classification(classification_id)
        return next((x for x in c.classes if x.id == class_id), None) if c else None


def details(shown: ShownResult) -> dict:
    """Return what a kind of result shows beyond scores and profile (JSON-ready)."""
    if shown.result is None or shown.q.kind != "leadership":
        return {}
    return {
        "matrix": readiness_matrix(shown.q, shown.response.answers),
        "best_fit": best_fit(shown.q),
    }


def shown_result(response: Response) -> ShownResult | None:
    """Score a stored response with the current definition; None if the questionnaire is gone."""
    q = get_library().questionnaires.get(response.questionnaire)
    if q is None:
        return None
    answers = response.answers if isinstance(response.answers, dict) else {}
    result = None if check_answers(q, answers) else score(q, answers)
    return ShownResult(q, response, result)


def section_title(section_id: str) -> str:
    """Return a handbook section's title in the current language."""
    section = get_library().handbook.section(section_id)
    return qt("handbook", section.title) if section else section_id


def recommendation_data(
    q: Questionnaire, rec: Recommendation | Advice | ComparisonAdvice, external: bool
) -> dict:
    """Return one piece of advice as JSON-ready data in the current language.

    `own` is true for our own advice, which names its handbook section only as related
    reading; `source` names the literature it comes from, if not the handbook.
    """
    return {
        "id": getattr(rec, "id", None),
        "section": rec.section,
        "own": rec.own,
        "source": qt(q.id, rec.source) or None,
        "title": qt(q.id, rec.title),
        "text": qt(q.id, rec.text),
        "section_title": section_title(rec.section),
        # On a page of ours, the section links back to it (main.handbook_section).
        "url": external_url("main.handbook_section", section_id=rec.section)
        if external
        else url_for("main.handbook_section", section_id=rec.section, **{"from": request.path}),
    }


def api_data(shown: ShownResult) -> dict:
    """Return a result as the API shows it."""
    r = shown.response
    data = {
        "token": r.token,
        "questionnaire": r.questionnaire,
        "version": r.version,
        "lang": r.lang,
        "created": r.created_utc.isoformat(),
        "perspective": r.perspective,
        "phase": r.phase,
        "answers": r.answers,
        "result_url": external_url("results.show", token=r.token),
    }
    if shown.result is None:
        data["error"] = _("These answers no longer fit the questionnaire and cannot be scored.")
        return data
    data["scores"] = shown.result.scores
    data["profile"] = shown.result.profile
    data.update(details(shown))
    reader = reader_of(shown.q.audience, shown.response.perspective)
    data["recommendations"] = [
        recommendation_data(shown.q, rec, external=True)
        for rec in shown.result.recommendations
        if reader in rec.readers
    ]
    return data
