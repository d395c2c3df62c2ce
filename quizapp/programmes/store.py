"""Create, find, change and delete programmes, their admin links, and who joined them."""

from __future__ import annotations

import hashlib

from flask import abort, current_app
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..internships.store import clean_labels
from ..models import (
    AdminLink,
    Attachment,
    Internship,
    Programme,
    ProgrammeResult,
    Response,
    new_token,
    utcnow,
)
from ..results.store import delete_response, find_response, retention_cutoff
from ..text_clean import clean_name
from .anonymity import minimum_group

NAME_LENGTH = 120
LABEL_LENGTH = 60


def key_hash(kind: str, key: str | None) -> str | None:
    """What is stored for a form's key: a hash, so the key in a page cannot be read back."""
    if not key:
        return None
    return hashlib.sha256(f"programme-{kind}:{key}".encode()).hexdigest()


def min_group(programme: Programme | None = None) -> int:
    """The smallest group a figure of this programme may describe (anonymity rule 2)."""
    configured = current_app.config["COHORT_MIN_GROUP"]
    return minimum_group(configured, programme.min_group if programme else None)


def _created(row) -> object:
    created = row.created
    return created if created.tzinfo else created.replace(tzinfo=utcnow().tzinfo)


def _alive(programme: Programme | None) -> bool:
    return programme is not None and _created(programme) >= retention_cutoff()


def programme_fields(data: dict) -> dict:
    """A programme's settings fit to store, from checked form or API data: names cleaned,
    languages known, the minimum group never below the configured one."""
    known = current_app.config["LANGUAGES"]
    return {
        "name": clean_name(data["name"], NAME_LENGTH),
        "sending": clean_name(data.get("sending"), NAME_LENGTH) or None,
        "receiving": clean_name(data.get("receiving"), NAME_LENGTH) or None,
        "languages": [lang for lang in known if lang in (data.get("languages") or ())],
        "start_on": data["start_on"],
        "middle_on": data["middle_on"],
        "end_on": data["end_on"],
        "min_group": minimum_group(current_app.config["COHORT_MIN_GROUP"], data.get("min_group")),
    }


def _by_submission(key: str | None) -> AdminLink | None:
    if key is None:
        return None
    return db.session.execute(
        db.select(AdminLink)
        .join(Programme, AdminLink.programme_id == Programme.id)
        .where(Programme.submission_key == key, AdminLink.revoked.is_(None))
        .order_by(AdminLink.id)
        .limit(1)
    ).scalar_one_or_none()


def create_programme(fields: dict, link_label: str, submission_key: str | None) -> AdminLink:
    """Create a programme with its first admin link, exactly once per form key.

    A second request with the same key (a double click, a reload) finds the first one's link.
    """
    earlier = _by_submission(submission_key)
    if earlier is not None:
        return earlier
    programme = Programme(**fields, submission_key=submission_key)
    link = AdminLink(label=clean_name(link_label, LABEL_LENGTH))
    programme.admin_links.append(link)
    db.session.add(programme)
    try:
        db.session.commit()
    except IntegrityError:
        # The same form is being stored by a concurrent request: use that one.
        db.session.rollback()
        earlier = _by_submission(submission_key)
        if earlier is None:
            raise
        return earlier
    return link


def find_admin(token: str) -> tuple[Programme, AdminLink] | None:
    """The programme an admin link opens and the link, or None (unknown, revoked, expired)."""
    if not token or len(token) > 64:
        return None
    link = db.session.execute(
        db.select(AdminLink).where(AdminLink.token == token, AdminLink.revoked.is_(None))
    ).scalar_one_or_none()
    if link is None or not _alive(link.programme):
        return None
    return link.programme, link


def get_admin_or_404(token: str) -> tuple[Programme, AdminLink]:
    """The programme and admin link of a token, or answer 404."""
    found = find_admin(token)
    if found is None:
        abort(404)
    return found


def find_joining(token: str) -> Programme | None:
    """The programme a join link opens, or None (unknown, closed, renewed or expired)."""
    if not token or len(token) > 64:
        return None
    programme = db.session.execute(
        db.select(Programme).where(Programme.join_token == token)
    ).scalar_one_or_none()
    return programme if _alive(programme) else None


def active_links(programme: Programme) -> list[AdminLink]:
    """The admin links that still work, oldest first."""
    return [link for link in programme.admin_links if link.revoked is None]


def add_admin_link(programme: Programme, label: str) -> AdminLink:
    """Make another admin link, for a co-coordinator."""
    link = AdminLink(programme_id=programme.id, label=clean_name(label, LABEL_LENGTH))
    db.session.add(link)
    db.session.commit()
    return link


def revoke_admin_link(programme: Programme, link_id: int) -> bool:
    """Revoke an admin link unless it is the last one that works; True when revoked.

    Two coordinators revoking each other's link at once must not leave the programme without
    a working link: the programme's row is locked first (PostgreSQL; SQLite runs one writer at
    a time), and the check and the change are one statement.
    """
    db.session.execute(
        db.select(Programme.id).where(Programme.id == programme.id).with_for_update()
    )
    others = (
        db.select(func.count(AdminLink.id))
        .where(
            AdminLink.programme_id == programme.id,
            AdminLink.revoked.is_(None),
            AdminLink.id != link_id,
        )
        .scalar_subquery()
    )
    done = db.session.execute(
        db.update(AdminLink)
        .where(
            AdminLink.id == link_id,
            AdminLink.programme_id == programme.id,
            AdminLink.revoked.is_(None),
            others >= 1,
        )
        .values(revoked=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.expire_all()
    return done.rowcount == 1


def renew_join_link(programme: Programme) -> str:
    """A new join link; the old one stops working at once."""
    programme.join_token = new_token()
    db.session.commit()
    return programme.join_token


def close_join_link(programme: Programme) -> None:
    """Nobody can join until a new join link is made."""
    programme.join_token = None
    db.session.commit()


def update_programme(programme: Programme, fields: dict) -> None:
    """Change the programme's settings."""
    for key, value in fields.items():
        setattr(programme, key, value)
    db.session.commit()


def internships_of(programme: Programme) -> list[Internship]:
    """The programme's internships that have not expired, oldest first."""
    return list(
        db.session.execute(
            db.select(Internship)
            .where(Internship.programme_id == programme.id)
            .where(Internship.created >= retention_cutoff())
            .order_by(Internship.created, Internship.id)
        ).scalars()
    )


def internship_in(programme: Programme, internship_id: int) -> Internship | None:
    """One of the programme's internships by its id, or None."""
    internship = db.session.get(Internship, internship_id)
    if internship is None or internship.programme_id != programme.id:
        return None
    return internship if _created(internship) >= retention_cutoff() else None


def _by_key(column, key: str | None) -> Internship | None:
    if key is None:
        return None
    return db.session.execute(db.select(Internship).where(column == key)).scalar_one_or_none()


def add_internship(
    programme: Programme, label: str | None, submission_key: str | None, **labels
) -> Internship:
    """Start an internship in the programme (by its coordinator, or through the join link),
    exactly once per form key."""
    earlier = _by_key(Internship.submission_key, submission_key)
    if earlier is not None:
        return earlier
    internship = Internship(
        programme_id=programme.id,
        label=clean_name(label, LABEL_LENGTH) or None,
        submission_key=submission_key,
        **clean_labels(**labels),
    )
    db.session.add(internship)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = _by_key(Internship.submission_key, submission_key)
        if earlier is None:
            raise
        return earlier
    return internship


def join_as(internship: Internship, role: str) -> None:
    """The person who started an internship through the join link: agreed, link opened."""
    now = utcnow()
    setattr(internship, f"{role}_agreed", now)
    setattr(internship, f"{role}_opened", now)
    db.session.commit()


def bring_in(programme: Programme, internship: Internship, role: str) -> bool:
    """Add an existing internship plan to the programme, this role agreeing; False when the
    plan already belongs to another programme."""
    if internship.programme_id not in (None, programme.id):
        return False
    internship.programme_id = programme.id
    if internship.agreed(role) is None:
        setattr(internship, f"{role}_agreed", utcnow())
    db.session.commit()
    return True


def decide(internship: Internship, role: str, agree: bool, key: str | None) -> str:
    """A role's first opening of a programme's link: agree or not, and take a new private link.

    The coordinator may have seen the link (the dashboard shows a link until it is opened),
    so the person gets a new one that only they have. Sent again with the same form key (a
    double click, a stale page), the decision is taken once and finds the new link.
    Returns the role's token now.
    """
    done = _by_key(getattr(Internship, f"{role}_decision"), key)
    if done is not None:
        return done.token_of(role)
    token = new_token()
    now = utcnow()
    values = {f"{role}_token": token, f"{role}_opened": now, f"{role}_decision": key}
    if agree:
        values[f"{role}_agreed"] = now
    column = getattr(Internship, f"{role}_token")
    try:
        changed = db.session.execute(
            db.update(Internship)
            .where(Internship.id == internship.id, column == internship.token_of(role))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        changed = None
    db.session.expire_all()
    if changed is None or changed.rowcount != 1:
        done = _by_key(getattr(Internship, f"{role}_decision"), key)
        return (
            done.token_of(role)
            if done is not None
            else db.session.get(Internship, internship.id).token_of(role)
        )
    return token


def set_agreement(internship: Internship, role: str, agree: bool) -> None:
    """Agree later, or take the agreement back (then nothing of this role reaches the
    dashboard, and the results it shared are no longer shared)."""
    if agree:
        if internship.agreed(role) is None:
            setattr(internship, f"{role}_agreed", utcnow())
    else:
        setattr(internship, f"{role}_agreed", None)
        db.session.execute(
            db.update(Attachment)
            .where(Attachment.internship_id == internship.id, Attachment.role == role)
            .values(shared=None)
            .execution_options(synchronize_session=False)
        )
    db.session.commit()


def share(attachment: Attachment, on: bool) -> None:
    """Share one result with the coordinator, or take it back."""
    attachment.shared = utcnow() if on else None
    db.session.commit()


def shared_attachment(programme: Programme, attachment_id: int) -> Attachment | None:
    """A result shared with the programme's coordinator (by an agreed role), or None."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.shared is None:
        return None
    internship = attachment.internship
    if internship.programme_id != programme.id or internship.agreed(attachment.role) is None:
        return None
    response = find_response(attachment.response.token)
    return attachment if response is not None else None


def set_label(internship: Internship, label: str | None) -> None:
    """The coordinator's label of an internship (empty: none)."""
    internship.label = clean_name(label, LABEL_LENGTH) or None
    db.session.commit()


def remove_internship(internship: Internship) -> None:
    """Take an internship out of its programme: its plan and results stay with the trainee and
    the mentor; the label, agreements and shares go."""
    internship.programme_id = None
    internship.label = None
    internship.trainee_agreed = None
    internship.mentor_agreed = None
    db.session.execute(
        db.update(Attachment)
        .where(Attachment.internship_id == internship.id)
        .values(shared=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def attach_coordinator_result(programme: Programme, link: AdminLink, response: Response) -> None:
    """Add a coordinator's own result to the programme (in the caller's transaction)."""
    db.session.add(
        ProgrammeResult(programme_id=programme.id, response_id=response.id, admin_link_id=link.id)
    )


def coordinator_results(programme: Programme) -> list[ProgrammeResult]:
    """The coordinators' own results, oldest first."""
    return list(
        db.session.execute(
            db.select(ProgrammeResult)
            .join(Response, ProgrammeResult.response_id == Response.id)
            .where(ProgrammeResult.programme_id == programme.id)
            .where(Response.created >= retention_cutoff())
            .order_by(Response.created, Response.id)
        ).scalars()
    )


SWOT_FIELDS = ("strengths", "weaknesses", "opportunities", "threats")


def swot_of(programme: Programme) -> dict[str, str]:
    """The SWOT board as saved."""
    return {name: getattr(programme, f"swot_{name}") or "" for name in SWOT_FIELDS}


def save_swot(programme: Programme, base: int, texts: dict[str, str]) -> bool:
    """Save the SWOT board if nobody saved it since revision `base`; True when it is saved.

    The check and the write are one statement: of two coordinators saving the same revision
    at once, one saves and the other is told, with their text kept. Sending the same text
    again (a double click) counts as saved.
    """
    values = {f"swot_{name}": texts[name] for name in SWOT_FIELDS}
    done = db.session.execute(
        db.update(Programme)
        .where(Programme.id == programme.id, Programme.swot_revision == base)
        .values(swot_revision=Programme.swot_revision + 1, swot_saved=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.expire(programme)
    return done.rowcount == 1 or swot_of(programme) == texts


def delete_programme(programme: Programme) -> None:
    """Delete a programme for good: its admin and join links, the coordinators' own results
    and the SWOT board. Its internships stay with their trainees and mentors, out of it."""
    for internship in db.session.execute(
        db.select(Internship).where(Internship.programme_id == programme.id)
    ).scalars():
        remove_internship(internship)
    for row in coordinator_results(programme):
        delete_response(row.response)
    db.session.execute(
        db.delete(ProgrammeResult).where(ProgrammeResult.programme_id == programme.id)
    )
    db.session.delete(programme)
    db.session.commit()


def purge_expired_programmes() -> int:
    """Delete programmes older than the retention period; how many."""
    expired = list(
        db.session.execute(
            db.select(Programme).where(Programme.created < retention_cutoff())
        ).scalars()
    )
    for programme in expired:
        delete_programme(programme)
    return len(expired)
