"""What a programme's pages are made from: its internships and results, read in two queries.

`load` reads every internship of the programme and every result in it (answers included) as
plain rows; the dashboard, the evaluation summary and the export compute from these.
`state` reads the same without the answers, as the key of a kept page (results/pages.py):
anything the page shows changes the key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..context import PHASES
from ..extensions import db
from ..models import AdminLink, Attachment, Internship, Programme, ProgrammeResult, Response
from ..results.store import retention_cutoff


@dataclass(frozen=True)
class Member:
    """One internship of the programme, with what each role decided."""

    id: int
    number: int  # 1, 2, 3 ... in the order the internships were made
    label: str | None
    created: datetime
    trainee_token: str
    mentor_token: str
    trainee_opened: bool
    mentor_opened: bool
    trainee_agreed: bool
    mentor_agreed: bool

    def agreed(self, role: str) -> bool:
        """Whether the role agreed to what the coordinator sees."""
        return self.mentor_agreed if role == "mentor" else self.trainee_agreed

    def opened(self, role: str) -> bool:
        """Whether the role has opened (and so taken over) its link."""
        return self.mentor_opened if role == "mentor" else self.trainee_opened

    def token_of(self, role: str) -> str:
        """The role's link token (shown to the coordinator only until it is opened)."""
        return self.mentor_token if role == "mentor" else self.trainee_token


@dataclass(frozen=True)
class Entry:
    """One result in the programme: whose, which questionnaire, when, and its raw answers."""

    internship_id: int
    role: str  # trainee, mentor or coordinator
    attachment_id: int | None
    shared: bool
    response_id: int
    questionnaire: str
    version: int
    lang: str
    perspective: str | None
    stored_phase: str | None
    created: datetime
    answers: dict | None  # None: not read (entries(answers=False))
    admin_link: str | None = None  # a coordinator's result: the label of their admin link

    @property
    def day(self) -> date:
        """The day the result was made (UTC)."""
        return self.created.date()


# The columns of a result that every Entry holds, in the order of _result's arguments.
RESULT = (
    Response.id,
    Response.questionnaire,
    Response.version,
    Response.lang,
    Response.perspective,
    Response.phase,
    Response.created,
    Response.answers,
)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def phase_of(entry: Entry, programme: Programme) -> str:
    """The rating phase of a result: the phase the rater chose, else the phase whose first day
    the result was made on or after (before the start date: the start)."""
    if entry.stored_phase in PHASES:
        return entry.stored_phase
    if entry.day >= programme.end_on:
        return "end"
    if entry.day >= programme.middle_on:
        return "middle"
    return "start"


def members(programme: Programme) -> list[Member]:
    """The programme's internships, oldest first, numbered."""
    rows = db.session.execute(
        db.select(
            Internship.id,
            Internship.label,
            Internship.created,
            Internship.trainee_token,
            Internship.mentor_token,
            Internship.trainee_opened,
            Internship.mentor_opened,
            Internship.trainee_agreed,
            Internship.mentor_agreed,
        )
        .where(Internship.programme_id == programme.id, Internship.created >= retention_cutoff())
        .order_by(Internship.created, Internship.id)
    )
    return [
        Member(
            id=row.id,
            number=n,
            label=row.label,
            created=_utc(row.created),
            trainee_token=row.trainee_token,
            mentor_token=row.mentor_token,
            trainee_opened=row.trainee_opened is not None,
            mentor_opened=row.mentor_opened is not None,
            trainee_agreed=row.trainee_agreed is not None,
            mentor_agreed=row.mentor_agreed is not None,
        )
        for n, row in enumerate(rows, start=1)
    ]


def _entries_query(programme: Programme, *, agreed_only: bool, answers: bool = True):
    columns = RESULT if answers else (*RESULT[:-1], db.null())
    query = (
        db.select(Internship.id, Attachment.role, Attachment.id, Attachment.shared, *columns)
        .join(Attachment, Attachment.internship_id == Internship.id)
        .join(Response, Response.id == Attachment.response_id)
        .where(Internship.programme_id == programme.id)
        .where(Internship.created >= retention_cutoff(), Response.created >= retention_cutoff())
        .order_by(Response.created, Response.id)
    )
    return query.where(_agreed()) if agreed_only else query


def _agreed():
    """What a programme's pages may count: the results of a role that agreed."""
    return ((Attachment.role == "trainee") & Internship.trainee_agreed.is_not(None)) | (
        (Attachment.role == "mentor") & Internship.mentor_agreed.is_not(None)
    )


def counted_attachments(programme: Programme):
    """The ids of the attachments whose results the programme's pages may count (the same
    rule as `entries`), as a subquery for Attachment.id.in_()."""
    return (
        db.select(Attachment.id)
        .join(Internship, Internship.id == Attachment.internship_id)
        .where(
            Internship.programme_id == programme.id,
            Internship.created >= retention_cutoff(),
            _agreed(),
        )
    )


def _result(rid, qid, version, lang, perspective, phase, created, answers, **whose) -> Entry:
    """An Entry from the RESULT columns and who it belongs to."""
    return Entry(
        response_id=rid,
        questionnaire=qid,
        version=version,
        lang=lang,
        perspective=perspective,
        stored_phase=phase,
        created=_utc(created),
        # None only where the query left the answers out (entries(answers=False))
        answers=answers if isinstance(answers, dict) or answers is None else {},
        **whose,
    )


def _entry(row) -> Entry:
    iid, role, aid, shared, *result = row
    return _result(
        *result, internship_id=iid, role=role, attachment_id=aid, shared=shared is not None
    )


def entries(programme: Programme, answers: bool = True) -> list[Entry]:
    """The results of the roles that agreed, oldest first (nothing of anyone else). Without
    `answers` their answers are not read (Entry.answers is None): see answers_of."""
    query = _entries_query(programme, agreed_only=True, answers=answers)
    return [_entry(row) for row in db.session.execute(query)]


def answers_of(ids: list[int], batch: int = 1000) -> dict[int, dict]:
    """The stored answers of these responses, by id (read in batches of `batch` ids)."""
    found = {}
    for start in range(0, len(ids), batch):
        rows = db.session.execute(
            db.select(Response.id, Response.answers).where(
                Response.id.in_(ids[start : start + batch])
            )
        )
        found.update({rid: a if isinstance(a, dict) else {} for rid, a in rows})
    return found


def stream_entries(programme: Programme, batch: int = 500):
    """The same results, read in batches from a server-side cursor (for the export)."""
    query = _entries_query(programme, agreed_only=True).execution_options(
        yield_per=batch, stream_results=True
    )
    for row in db.session.execute(query):
        yield _entry(row)


def entries_page(programme: Programme, offset: int, limit: int) -> tuple[list[Entry], int]:
    """One page of the export's results (the participants', then the coordinators' own) and
    how many there are in all."""
    query = _entries_query(programme, agreed_only=True)
    participants = db.session.execute(
        db.select(db.func.count()).select_from(query.subquery())
    ).scalar()
    own = coordinator_entries(programme)
    rows = [_entry(row) for row in db.session.execute(query.offset(offset).limit(limit))]
    start = max(0, offset - participants)
    rows += own[start : start + limit - len(rows)]
    return rows, participants + len(own)


def coordinator_entries(programme: Programme) -> list[Entry]:
    """The coordinators' own results, oldest first, each with its admin link's label."""
    rows = db.session.execute(
        db.select(AdminLink.label, *RESULT)
        .select_from(ProgrammeResult)
        .join(Response, Response.id == ProgrammeResult.response_id)
        .outerjoin(AdminLink, AdminLink.id == ProgrammeResult.admin_link_id)
        .where(ProgrammeResult.programme_id == programme.id)
        .where(Response.created >= retention_cutoff())
        .order_by(Response.created, Response.id)
    )
    return [
        _result(
            *result,
            internship_id=0,
            role="coordinator",
            attachment_id=None,
            shared=False,
            admin_link=label,
        )
        for label, *result in rows
    ]


def state(programme: Programme) -> tuple:
    """Everything a programme's pages show besides the answers, as the key of a kept page.

    The internships (labels, opened links, agreements) and the results (which, whose, shared,
    when) come back as strings aggregated in the database, in one round trip each.
    """
    agg = db.func.aggregate_strings
    sep = " "
    cutoff = retention_cutoff()
    internships = db.session.execute(
        db.select(
            agg(
                db.cast(Internship.id, db.String)
                + ":"
                + db.func.coalesce(Internship.label, "")
                + ":"
                + Internship.trainee_token
                + ":"
                + Internship.mentor_token
                + ":"
                + db.cast(Internship.trainee_opened.is_not(None), db.String)
                + db.cast(Internship.mentor_opened.is_not(None), db.String)
                + db.cast(Internship.trainee_agreed.is_not(None), db.String)
                + db.cast(Internship.mentor_agreed.is_not(None), db.String),
                "\n",  # labels are cleaned: no line breaks in them
            )
        ).where(Internship.programme_id == programme.id, Internship.created >= cutoff)
    ).scalar()
    results = db.session.execute(
        db.select(
            agg(
                db.cast(Attachment.id, db.String)
                + ":"
                + db.cast(Response.id, db.String)
                + ":"
                + Attachment.role
                + ":"
                + db.cast(Attachment.shared.is_not(None), db.String),
                sep,
            ),
            db.func.count(Response.id),
        )
        .select_from(Internship)
        .join(Attachment, Attachment.internship_id == Internship.id)
        .join(Response, Response.id == Attachment.response_id)
        .where(Internship.programme_id == programme.id)
        .where(Internship.created >= cutoff, Response.created >= cutoff)
    ).one()
    own = db.session.execute(
        db.select(agg(db.cast(ProgrammeResult.response_id, db.String), sep))
        .join(Response, Response.id == ProgrammeResult.response_id)
        .where(ProgrammeResult.programme_id == programme.id, Response.created >= cutoff)
    ).scalar()
    settings = (
        programme.name,
        programme.sending,
        programme.receiving,
        tuple(programme.languages or ()),
        str(programme.start_on),
        str(programme.middle_on),
        str(programme.end_on),
        programme.min_group,
        programme.join_token,
        programme.swot_revision,
    )
    return (
        settings,
        _digest(internships, "\n"),
        _digest(results[0], sep),
        results[1],
        _digest(own, sep),
    )


def _digest(text: str | None, sep: str) -> str:
    """A short fingerprint of an aggregated string (the order of aggregation does not matter)."""
    parts = sorted((text or "").split(sep))
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
