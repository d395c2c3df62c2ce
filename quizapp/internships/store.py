"""Create, find, change and delete internships and the results that belong to them."""

from __future__ import annotations

from datetime import date

from flask import abort

from ..extensions import db
from ..models import Attachment, Internship, Response, new_token, utcnow
from ..results.pages import result_pages
from ..results.store import delete_response, find_response, retention_cutoff
from ..text_clean import clean_name

ROLES = ("trainee", "mentor")
COMPANY_LENGTH = 120


def other(role: str) -> str:
    """The other role."""
    return "mentor" if role == "trainee" else "trainee"


def create_internship(**labels) -> Internship:
    """Start an internship with two new role links and the labels given (all optional)."""
    internship = Internship(**clean_labels(**labels))
    db.session.add(internship)
    db.session.commit()
    return internship


def clean_labels(trainee_name=None, mentor_name=None, company=None, starts=None, ends=None) -> dict:
    """Labels fit to store and show: names cleaned (text_clean), empty ones as None."""
    return {
        "trainee_name": clean_name(trainee_name) or None,
        "mentor_name": clean_name(mentor_name) or None,
        "company": clean_name(company, COMPANY_LENGTH) or None,
        "starts": starts if isinstance(starts, date) else None,
        "ends": ends if isinstance(ends, date) else None,
    }


def find_role(token: str) -> tuple[Internship, str] | None:
    """The internship a role link opens and the role, or None (unknown, renewed or expired)."""
    if not token or len(token) > 64:
        return None
    found = db.session.execute(
        db.select(Internship).where(
            (Internship.trainee_token == token) | (Internship.mentor_token == token)
        )
    ).scalar_one_or_none()
    if found is None or _created(found) < retention_cutoff():
        return None
    return found, ("mentor" if found.mentor_token == token else "trainee")


def get_role_or_404(token: str) -> tuple[Internship, str]:
    """The internship and role of a link, or answer 404."""
    found = find_role(token)
    if found is None:
        abort(404)
    return found


def _created(internship: Internship):
    created = internship.created
    return created if created.tzinfo else created.replace(tzinfo=utcnow().tzinfo)


def mark_opened(internship: Internship, role: str) -> None:
    """Note the first time a role's link is used (until then the other role sees it)."""
    column = f"{role}_opened"
    if getattr(internship, column) is None:
        setattr(internship, column, utcnow())
        db.session.commit()


def renew_link(internship: Internship, role: str) -> str:
    """Give a role a new link; the old one stops working at once. Return the new token."""
    token = new_token()
    setattr(internship, f"{role}_token", token)
    setattr(internship, f"{role}_opened", None)
    db.session.commit()
    return token


def attachments(internship: Internship) -> list[Attachment]:
    """The results of an internship that have not expired, oldest first."""
    cutoff = retention_cutoff()
    rows = db.session.execute(
        db.select(Attachment)
        .join(Response, Attachment.response_id == Response.id)
        .where(Attachment.internship_id == internship.id, Response.created >= cutoff)
        .order_by(Response.created, Response.id)
    ).scalars()
    return list(rows)


def plan_state(internship: Internship) -> tuple:
    """What a plan page shows besides the scores: both links, labels, which links were opened,
    and its results.

    The results are named by their tokens (and who added them), so that deleting a result
    (results/pages.py `forget`) drops the plan pages that showed it.
    """
    rows = db.session.execute(
        db.select(Response.token, Attachment.role, Attachment.shared.is_not(None))
        .join(Attachment, Attachment.response_id == Response.id)
        .where(Attachment.internship_id == internship.id, Response.created >= retention_cutoff())
        .order_by(Response.created, Response.id)
    )
    labels = (
        internship.trainee_token,
        internship.mentor_token,
        internship.trainee_name,
        internship.mentor_name,
        internship.company,
        str(internship.starts),
        str(internship.ends),
        internship.trainee_opened is not None,
        internship.mentor_opened is not None,
    )
    programme = internship.programme
    joined = (
        (
            programme.id,
            programme.name,
            str(internship.trainee_agreed),
            str(internship.mentor_agreed),
        )
        if programme is not None
        else ()
    )
    return labels, joined, tuple(tuple(row) for row in rows)


def attach(internship: Internship, role: str, response: Response) -> bool:
    """Add an existing result to the internship as this role's; False if it belongs to one."""
    taken = db.session.execute(
        db.select(Attachment.id).filter_by(response_id=response.id)
    ).scalar_one_or_none()
    if taken is not None:
        return False
    db.session.add(Attachment(internship_id=internship.id, response_id=response.id, role=role))
    db.session.commit()
    return True


def fits_role(q, perspective: str | None, role: str) -> bool:
    """Whether a result could have been made by this role: the mentor's wording for a mentor."""
    if q.mentor is not None:
        return (perspective == "mentor") == (role == "mentor")
    return q.audience == role


def attachment_of(internship: Internship, role: str, token: str) -> Attachment | None:
    """This role's attachment of the result with this token, or None."""
    response = find_response(token)
    if response is None:
        return None
    return db.session.execute(
        db.select(Attachment).filter_by(
            internship_id=internship.id, response_id=response.id, role=role
        )
    ).scalar_one_or_none()


def withdraw(attachment: Attachment) -> None:
    """Take a result out of its internship; the result itself stays, with its own link."""
    db.session.delete(attachment)
    db.session.commit()


def delete_internship(internship: Internship) -> None:
    """Delete an internship for good, with every result that belongs to it."""
    responses = [a.response for a in internship.attachments]
    for response in responses:
        delete_response(response)
    db.session.delete(internship)
    db.session.commit()
    for token in (internship.trainee_token, internship.mentor_token):
        result_pages().forget(token)


def purge_expired_internships() -> int:
    """Delete internships older than the retention period, with their results; how many."""
    expired = list(
        db.session.execute(
            db.select(Internship).where(Internship.created < retention_cutoff())
        ).scalars()
    )
    for internship in expired:
        delete_internship(internship)
    return len(expired)
