"""Who is answering (trainee or mentor), on whose invitation, and in which series.

The questionnaire pages (quiz/) set it and the result pages (results/) start new ratings
with it, so it lives below both.
"""

from __future__ import annotations

from flask import session

from .engine import Questionnaire

# Who answers: the trainee (self), the mentor, or the coordinator of a programme (only where
# the questionnaire has the coordinator's wording: the process evaluation).
PERSPECTIVES = ("self", "mentor", "coordinator")
PHASES = ("start", "middle", "end")


def perspective_fits(q: Questionnaire, perspective: str | None) -> bool:
    """Whether a questionnaire has the wording for this rater."""
    if perspective == "self":
        return True
    if perspective == "mentor":
        return q.mentor is not None
    return perspective == "coordinator" and q.coordinator is not None


def get_context(qid: str) -> dict:
    """Return this browser's context for a questionnaire, 'self' by default."""
    context = {
        "perspective": "self",
        "invite": None,
        "series_from": None,
        "phase": None,
        "internship": None,  # a role link's token: the result joins that internship
        "programme": None,  # an admin link's token: the coordinator's result joins the programme
    }
    context.update(session.get("contexts", {}).get(qid, {}))
    return context


def set_context(qid: str, **values) -> None:
    """Change this browser's context for a questionnaire."""
    contexts = dict(session.get("contexts", {}))
    current = get_context(qid)
    if "perspective" in values and values["perspective"] != current["perspective"]:
        current.update(invite=None, series_from=None, internship=None, programme=None)
    current.update(values)
    contexts[qid] = current
    session["contexts"] = contexts


def clear_context(qid: str) -> None:
    """Forget the context once a rating is stored."""
    contexts = dict(session.get("contexts", {}))
    contexts.pop(qid, None)
    session["contexts"] = contexts


def perspective_texts(q: Questionnaire, perspective: str) -> dict:
    """Return the title, summary and instructions in the wording for this rater."""
    if perspective == "mentor" and q.mentor is not None:
        texts = q.mentor
    elif perspective == "coordinator" and q.coordinator is not None:
        texts = q.coordinator
    else:
        texts = None
    if texts is not None:
        return {"title": texts.title, "summary": texts.summary, "instructions": texts.instructions}
    return {"title": q.title, "summary": q.summary, "instructions": q.instructions}
