"""Create, find and delete stored responses."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app

from ..engine import Questionnaire
from ..extensions import db
from ..models import Invitation, Response, new_token, utcnow


def create_response(
    q: Questionnaire,
    answers: dict,
    lang: str,
    *,
    perspective: str | None = None,
    phase: str | None = None,
    series_from: str | None = None,
    invitation: Invitation | None = None,
) -> Response:
    """Store checked answers and return the new response.

    A rating made again from an earlier result joins that result's series; one made through an
    invitation joins the inviter's series and uses the invitation up.
    """
    series = None
    if invitation is not None:
        series = invitation.from_response.series
        perspective = invitation.perspective
    elif series_from:
        earlier = find_response(series_from)
        series = earlier.series if earlier is not None else None
    if perspective is not None and series is None:
        series = new_token()
    response = Response(
        questionnaire=q.id,
        version=q.version,
        lang=lang,
        answers=answers,
        perspective=perspective,
        phase=phase,
        series=series,
    )
    db.session.add(response)
    db.session.flush()
    if invitation is not None:
        invitation.answer_id = response.id
    db.session.commit()
    return response


def create_invitation(response: Response, perspective: str) -> Invitation:
    """Return the open invitation of a response for the other rater, making one if needed."""
    invitation = db.session.execute(
        db.select(Invitation).filter_by(from_id=response.id)
    ).scalar_one_or_none()
    if invitation is None:
        invitation = Invitation(from_id=response.id, perspective=perspective)
        db.session.add(invitation)
        db.session.commit()
    return invitation


def find_invitation(token: str) -> Invitation | None:
    """Return the invitation with this token, or None."""
    if not token or len(token) > 64:
        return None
    return db.session.execute(db.select(Invitation).filter_by(token=token)).scalar_one_or_none()


def invitations_of(response: Response) -> list[Invitation]:
    """Return the invitations a response made or answered."""
    return list(
        db.session.execute(
            db.select(Invitation).where(
                (Invitation.from_id == response.id) | (Invitation.answer_id == response.id)
            )
        ).scalars()
    )


def series_of(response: Response) -> list[Response]:
    """Return the ratings by the same rater in this response's series, oldest first."""
    if response.series is None:
        return [response]
    return list(
        db.session.execute(
            db.select(Response)
            .filter_by(series=response.series, perspective=response.perspective)
            .where(Response.created >= retention_cutoff())
            .order_by(Response.created, Response.id)
        ).scalars()
    )


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
    """Delete a response for good, with the invitations and comparisons it is part of."""
    for invitation in invitations_of(response):
        db.session.delete(invitation)
    db.session.delete(response)
    db.session.commit()


def purge_expired() -> int:
    """Delete every response older than the retention period; return how many."""
    expired = list(
        db.session.execute(
            db.select(Response).where(Response.created < retention_cutoff())
        ).scalars()
    )
    for response in expired:
        delete_response(response)
    return len(expired)
