"""Create, find and delete stored responses."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app

from ..engine import Questionnaire
from ..extensions import db
from ..models import Response, utcnow


def create_response(q: Questionnaire, answers: dict, lang: str) -> Response:
    """Store checked answers and return the new response."""
    response = Response(questionnaire=q.id, version=q.version, lang=lang, answers=answers)
    db.session.add(response)
    db.session.commit()
    return response


def retention_cutoff():
    """Return the time before which results count as expired."""
    return utcnow() - timedelta(days=current_app.config["RESULT_RETENTION_DAYS"])


def find_response(token: str) -> Response | None:
    """Return the response with this token, or None if there is none or it expired."""
    if not token or len(token) > 64:
        return None
    response = db.session.execute(db.select(Response).filter_by(token=token)).scalar_one_or_none()
    if response is None or response.created_utc < retention_cutoff():
        return None
    return response


def get_response_or_404(token: str) -> Response:
    """Return the response with this token, or answer 404."""
    response = find_response(token)
    if response is None:
        abort(404)
    return response


def delete_response(response: Response) -> None:
    """Delete a response for good."""
    db.session.delete(response)
    db.session.commit()


def purge_expired() -> int:
    """Delete every response older than the retention period; return how many."""
    result = db.session.execute(db.delete(Response).where(Response.created < retention_cutoff()))
    db.session.commit()
    return result.rowcount
