"""Stored responses: the raw answers only; scores are computed when a result is shown."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def new_token() -> str:
    """Return an unguessable token: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def utcnow() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


class Response(db.Model):
    """One completed questionnaire: who can see it is whoever holds the token."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True, default=new_token)
    questionnaire: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(8))
    answers: Mapped[dict] = mapped_column(JSON)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    # A hash of the key the form or API client sent with the final submission: the same
    # answers sent twice (double click, reload, Back then send) find the stored result.
    submission_key: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )
    # Competence ladder: who rated ("self" or "mentor"), when in the internship, and the
    # series of one trainee's ratings (a random id, never shown).
    perspective: Mapped[str | None] = mapped_column(String(16), default=None)
    phase: Mapped[str | None] = mapped_column(String(16), default=None)
    series: Mapped[str | None] = mapped_column(String(64), index=True, default=None)

    @property
    def created_utc(self) -> datetime:
        """Return the creation time with its time zone (SQLite drops it)."""
        created = self.created
        return created if created.tzinfo else created.replace(tzinfo=UTC)


class Invitation(db.Model):
    """A private link that lets one other person rate the same trainee, once."""

    __tablename__ = "invitations"
    # One invitation per result and rater: two clicks at once make one link.
    __table_args__ = (
        UniqueConstraint("from_id", "perspective", name="uq_invitations_from_perspective"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True, default=new_token)
    compare_token: Mapped[str] = mapped_column(
        String(64), unique=True, index=True, default=new_token
    )
    from_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    perspective: Mapped[str] = mapped_column(String(16))
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), default=None, index=True
    )
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The inviter's first name, if they typed one (text_clean.clean_name): the invited person
    # sees who asks. Deleted with the invitation, that is with the result that made it.
    from_name: Mapped[str | None] = mapped_column(String(60), default=None)

    from_response: Mapped[Response] = relationship(foreign_keys=[from_id])
    answer: Mapped[Response | None] = relationship(foreign_keys=[answer_id])


class Internship(db.Model):
    """A trainee and a mentor going through one internship, each with a private link.

    The labels are optional and deletable. A role's token opens the shared plan as that role;
    either can be renewed without the other. `*_opened` is when a role's link was first used:
    until then, the other role's page shows it, to send on.
    """

    __tablename__ = "internships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trainee_token: Mapped[str] = mapped_column(
        String(64), unique=True, index=True, default=new_token
    )
    mentor_token: Mapped[str] = mapped_column(
        String(64), unique=True, index=True, default=new_token
    )
    trainee_name: Mapped[str | None] = mapped_column(String(60), default=None)
    mentor_name: Mapped[str | None] = mapped_column(String(60), default=None)
    company: Mapped[str | None] = mapped_column(String(120), default=None)
    starts: Mapped[date | None] = mapped_column(Date, default=None)
    ends: Mapped[date | None] = mapped_column(Date, default=None)
    trainee_opened: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    mentor_opened: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    # In a programme: the coordinator's label, and when each role agreed to what the
    # coordinator sees (None: not agreed, so nothing of theirs reaches the dashboard).
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), default=None, index=True
    )
    label: Mapped[str | None] = mapped_column(String(60), default=None)
    trainee_agreed: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    mentor_agreed: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # Hashes of the keys of the forms that made the internship (join link, coordinator) and
    # that took each role's decision on joining: sent again, they find what they made.
    submission_key: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )
    trainee_decision: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )
    mentor_decision: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="internship", cascade="all, delete-orphan", passive_deletes=True
    )
    programme: Mapped[Programme | None] = relationship(back_populates="internships")

    def token_of(self, role: str) -> str:
        """The private link token of a role ("trainee" or "mentor")."""
        return self.mentor_token if role == "mentor" else self.trainee_token

    def agreed(self, role: str) -> datetime | None:
        """When a role agreed to what the programme's coordinator sees, or None."""
        return self.mentor_agreed if role == "mentor" else self.trainee_agreed


class Attachment(db.Model):
    """A result that belongs to an internship, added by one of its two roles."""

    __tablename__ = "internship_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    internship_id: Mapped[int] = mapped_column(
        ForeignKey("internships.id", ondelete="CASCADE"), index=True
    )
    # A result belongs to one internship at most.
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    role: Mapped[str] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Since when the role shares this result with the programme's coordinator (None: not).
    shared: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    internship: Mapped[Internship] = relationship(back_populates="attachments")
    response: Mapped[Response] = relationship()


class Draft(db.Model):
    """Answers saved to finish a questionnaire later, on this or another device.

    Whoever holds the token can go on; the row is deleted when the questionnaire is sent, and
    by the purge once `expires` has passed. `context` is the questionnaire's context as a JSON
    object (who answers, on whose invitation, in which series, the phase, and any key a
    future feature adds), so it is restored whole.
    """

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True, default=new_token)
    questionnaire: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    context: Mapped[dict] = mapped_column(JSON, default=dict)
    # The key of the final submission: sent from two devices, the answers make one result.
    submission: Mapped[str] = mapped_column(String(64), default=new_token)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    @property
    def expires_utc(self) -> datetime:
        """Return the expiry with its time zone (SQLite drops it)."""
        return self.expires if self.expires.tzinfo else self.expires.replace(tzinfo=UTC)


class Programme(db.Model):
    """A cohort of internships that a sending and a receiving organisation follow together.

    Coordinators open it by an admin link (AdminLink, several per programme); participants join
    by the join link. `secret` makes the pseudonymous ids of the export (never shown);
    `submission_key` makes a double click on "create" make one programme. The SWOT board is
    saved with a revision number, so that two coordinators saving at once lose nothing.
    """

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    sending: Mapped[str | None] = mapped_column(String(120), default=None)
    receiving: Mapped[str | None] = mapped_column(String(120), default=None)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    start_on: Mapped[date] = mapped_column(Date)
    middle_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    min_group: Mapped[int] = mapped_column(Integer, default=5)
    join_token: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=new_token
    )
    secret: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(32))
    submission_key: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    swot_strengths: Mapped[str] = mapped_column(Text, default="")
    swot_weaknesses: Mapped[str] = mapped_column(Text, default="")
    swot_opportunities: Mapped[str] = mapped_column(Text, default="")
    swot_threats: Mapped[str] = mapped_column(Text, default="")
    swot_revision: Mapped[int] = mapped_column(Integer, default=0)
    swot_saved: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    internships: Mapped[list[Internship]] = relationship(back_populates="programme")
    admin_links: Mapped[list[AdminLink]] = relationship(
        back_populates="programme",
        # deleted by the ORM, not left to ON DELETE CASCADE: SQLite does not enforce it
        cascade="all, delete-orphan",
        order_by="AdminLink.id",
    )

    def phase_dates(self) -> dict[str, date]:
        """The first day of each rating phase."""
        return {"start": self.start_on, "middle": self.middle_on, "end": self.end_on}


class AdminLink(db.Model):
    """A coordinator's private link to a programme; revoked links stop working at once."""

    __tablename__ = "admin_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(60))
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True, default=new_token)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)

    programme: Mapped[Programme] = relationship(back_populates="admin_links")


class ProgrammeResult(db.Model):
    """A coordinator's own result in a programme (the process evaluation), by admin link."""

    __tablename__ = "programme_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    admin_link_id: Mapped[int | None] = mapped_column(
        ForeignKey("admin_links.id", ondelete="SET NULL"), default=None
    )
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    response: Mapped[Response] = relationship()
    admin_link: Mapped[AdminLink | None] = relationship()
