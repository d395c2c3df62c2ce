"""Create, find and delete stored responses."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from functools import cache

from flask import current_app
from sqlalchemy import String, bindparam, cast, func
from sqlalchemy.exc import IntegrityError

from ..engine import Questionnaire
from ..errors import not_found
from ..extensions import db
from ..models import (
    AdminLink,
    Attachment,
    Internship,
    Invitation,
    Programme,
    ProgrammeResult,
    Response,
    new_token,
    utcnow,
)
from .pages import result_pages

# Responses deleted per transaction by the purge: short transactions keep writers waiting
# at most a moment.
PURGE_BATCH = 5000


class InvitationUsed(Exception):
    """The invitation was used by another rating first; nothing was stored."""


def submission_hash(kind: str, key: str | None) -> str | None:
    """Return what is stored for a submission key: forms and API clients never share keys."""
    if not key:
        return None
    return hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()


def find_submitted(key_hash: str | None) -> Response | None:
    """Return the response stored with this submission key, or None."""
    if key_hash is None:
        return None
    response = db.session.execute(
        db.select(Response).filter_by(submission_key=key_hash)
    ).scalar_one_or_none()
    if response is None or response.created_utc < retention_cutoff():
        return None
    return response


def create_response(
    q: Questionnaire,
    answers: dict,
    lang: str,
    *,
    perspective: str | None = None,
    phase: str | None = None,
    series_from: str | None = None,
    invitation: Invitation | None = None,
    submission_key: str | None = None,
    internship: tuple[Internship, str] | None = None,
    programme: tuple[Programme, AdminLink] | None = None,
) -> Response:
    """Store checked answers and return the new response, exactly once.

    A rating made again from an earlier result joins that result's series; one made through an
    invitation joins the inviter's series and uses the invitation up, in the same transaction:
    if another rating used it first, nothing is stored and InvitationUsed is raised. A second
    submission with the same `submission_key` (see `submission_hash`) returns the response
    the first one stored.

    `internship` (the internship and the role answering) attaches the new result to it in the
    same transaction; an answer to an invitation whose result belongs to an internship joins
    that internship as the other role. `programme` (the programme and the coordinator's admin
    link) adds a coordinator's own result to the programme, likewise.
    """
    earlier = find_submitted(submission_key)
    if earlier is not None:
        return earlier
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
        submission_key=submission_key,
    )
    db.session.add(response)
    try:
        db.session.flush()
    except IntegrityError:
        # The same submission is being stored by a concurrent request: use that one.
        db.session.rollback()
        earlier = find_submitted(submission_key)
        if earlier is None:
            raise
        return earlier
    if invitation is not None:
        # The check and the write in one statement: of several ratings sent at once through
        # one invitation, exactly one finds it open.
        used = db.session.execute(
            db.update(Invitation)
            .where(Invitation.id == invitation.id, Invitation.answer_id.is_(None))
            .values(answer_id=response.id)
            .execution_options(synchronize_session=False)
        )
        if used.rowcount != 1:
            db.session.rollback()
            raise InvitationUsed
        if internship is None:
            inviter = db.session.execute(
                db.select(Attachment).filter_by(response_id=invitation.from_id)
            ).scalar_one_or_none()
            if inviter is not None:
                other = "mentor" if inviter.role == "trainee" else "trainee"
                internship = (inviter.internship, other)
    if internship is not None:
        place, role = internship
        db.session.add(Attachment(internship_id=place.id, response_id=response.id, role=role))
    if programme is not None:
        cohort, link = programme
        db.session.add(
            ProgrammeResult(programme_id=cohort.id, response_id=response.id, admin_link_id=link.id)
        )
    db.session.commit()
    return response


def create_invitation(response: Response, perspective: str, name: str = "") -> Invitation:
    """Return the invitation of a response for the other rater, making it if needed.

    `name` is the inviter's first name, already cleaned (text_clean.clean_name), or "". There
    is one invitation per result and rater (a unique constraint): when two requests make it at
    once, the second finds the first one's.
    """

    def existing() -> Invitation | None:
        return db.session.execute(
            db.select(Invitation).filter_by(from_id=response.id, perspective=perspective)
        ).scalar_one_or_none()

    invitation = existing()
    if invitation is not None:
        return invitation
    db.session.add(Invitation(from_id=response.id, perspective=perspective, from_name=name or None))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return existing()


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


def _series_query(response: Response, *columns):
    return (
        db.select(*columns)
        .filter_by(series=response.series, perspective=response.perspective)
        .where(Response.created >= retention_cutoff())
        .order_by(Response.created, Response.id)
    )


def series_of(response: Response) -> list[Response]:
    """Return the ratings by the same rater in this response's series, oldest first."""
    if response.series is None:
        return [response]
    return list(db.session.execute(_series_query(response, Response)).scalars())


@cache
def _ladder_state_query():
    """The statement of `ladder_state`, built once: building it costs more than running it."""
    series = (
        db.select(func.aggregate_strings(Response.token, " "))
        .where(Response.series == bindparam("series"))
        .where(Response.perspective == bindparam("perspective"))
        .where(Response.created >= bindparam("cutoff"))
        .scalar_subquery()
    )
    # The inviter's name is shown on the page, so it is part of the state; it comes last, and
    # the states are joined by a line break, which a cleaned name never holds.
    state = Invitation.token + ":" + Invitation.compare_token + ":"
    state += func.coalesce(cast(Invitation.answer_id, String), "-") + ":"
    state += func.coalesce(Invitation.from_name, "")
    invitations = (
        db.select(func.aggregate_strings(state, "\n"))
        .where(
            (Invitation.from_id == bindparam("rid")) | (Invitation.answer_id == bindparam("rid"))
        )
        .scalar_subquery()
    )
    return db.select(series, invitations)


def ladder_state(response: Response) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens of a ladder rating's series and of its invitations' states, in one query.

    It runs on every view of a ladder page (the state keys its kept page, results/pages.py),
    so both lists come back as strings aggregated in the database, in a single round trip.
    """
    tokens, states = (
        db.session.connection()
        .execute(
            _ladder_state_query(),
            {
                "series": response.series,
                "perspective": response.perspective,
                "cutoff": retention_cutoff(),
                "rid": response.id,
            },
        )
        .one()
    )
    if response.series is None:
        tokens = response.token
    return tuple(sorted((tokens or "").split())), tuple(sorted((states or "").splitlines()))


def expiry_of(response: Response):
    """When a result is deleted by the retention rule (and its invitations with it)."""
    return response.created_utc + timedelta(days=current_app.config["RESULT_RETENTION_DAYS"])


def retention_cutoff():
    """Return the time before which results count as expired."""
    return utcnow() - timedelta(days=current_app.config["RESULT_RETENTION_DAYS"])


@cache
def _by_token():
    """The statement that finds a response by its token, built once (it runs on every view)."""
    return db.select(Response).where(Response.token == bindparam("token"))


def find_response(token: str) -> Response | None:
    """Return the response with this token, or None if there is none or it expired."""
    if not token or len(token) > 64:
        return None
    response = db.session.execute(_by_token(), {"token": token}).scalar_one_or_none()
    if response is None or response.created_utc < retention_cutoff():
        return None
    return response


def get_response_or_404(token: str) -> Response:
    """Return the response with this token, or answer 404."""
    response = find_response(token)
    if response is None:
        not_found("result")
    return response


def delete_response(response: Response) -> None:
    """Delete a response for good, with the invitations and comparisons it is part of, and its
    place in an internship."""
    for invitation in invitations_of(response):
        db.session.delete(invitation)
    db.session.execute(db.delete(Attachment).where(Attachment.response_id == response.id))
    db.session.execute(db.delete(ProgrammeResult).where(ProgrammeResult.response_id == response.id))
    db.session.delete(response)
    db.session.commit()
    result_pages().forget(response.token)  # its page, and pages that show it (series, pairs)


def purge_expired(batch: int = PURGE_BATCH) -> int:
    """Delete every response older than the retention period, in bulk; return how many.

    Each batch is one short transaction: the invitations made or answered by the expired
    responses, then the responses. Indexes on `created`, `from_id` and `answer_id` keep
    every statement cheap.
    """
    cutoff = retention_cutoff()
    deleted = 0
    while True:
        ids = list(
            db.session.execute(
                db.select(Response.id)
                .where(Response.created < cutoff)
                .order_by(Response.id)
                .limit(batch)
            ).scalars()
        )
        if not ids:
            return deleted
        db.session.execute(
            db.delete(Invitation).where(
                Invitation.from_id.in_(ids) | Invitation.answer_id.in_(ids)
            ),
            execution_options={"synchronize_session": False},
        )
        for link in (Attachment, ProgrammeResult):
            db.session.execute(
                db.delete(link).where(link.response_id.in_(ids)),
                execution_options={"synchronize_session": False},
            )
        db.session.execute(
            db.delete(Response).where(Response.id.in_(ids)),
            execution_options={"synchronize_session": False},
        )
        db.session.commit()
        deleted += len(ids)
