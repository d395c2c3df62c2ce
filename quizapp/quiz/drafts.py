"""Answers kept on the server to continue later, on this device or another ("continue later").

While a questionnaire is being answered its answers live in the browser's session cookie,
which dies with the browser. "Continue later" stores them here under a token of their own,
with an expiry of their own (DRAFT_DAYS); the link with that token brings them back into any
browser. Every page sent afterwards keeps the stored copy up to date, and the row is deleted
when the questionnaire is sent, or by the purge after it expired.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from ..extensions import db
from ..models import Draft, utcnow


def draft_expiry():
    """The expiry of a draft saved now."""
    return utcnow() + timedelta(days=current_app.config["DRAFT_DAYS"])


def find_draft(token: str | None, qid: str | None = None) -> Draft | None:
    """Return the unexpired draft with this token (of this questionnaire, if given), or None."""
    if not token or len(token) > 64:
        return None
    draft = db.session.execute(db.select(Draft).filter_by(token=token)).scalar_one_or_none()
    if draft is None or draft.expires_utc <= utcnow():
        return None
    if qid is not None and draft.questionnaire != qid:
        return None
    return draft


def create_draft(qid: str, answers: dict, context: dict, submission: str) -> Draft:
    """Store a new draft and return it."""
    draft = Draft(
        questionnaire=qid,
        answers=answers,
        context=context,
        submission=submission,
        expires=draft_expiry(),
    )
    db.session.add(draft)
    db.session.commit()
    return draft


def update_draft(draft: Draft, answers: dict, context: dict) -> None:
    """Keep a draft's answers and context up to date (its expiry stays as it was)."""
    draft.answers = answers
    draft.context = context
    draft.updated = utcnow()
    db.session.commit()


def delete_draft(token: str | None) -> None:
    """Delete a draft, if it is still there (the questionnaire was sent)."""
    if token:
        db.session.execute(db.delete(Draft).where(Draft.token == token))
        db.session.commit()


def purge_expired_drafts() -> int:
    """Delete every draft whose expiry has passed; return how many."""
    deleted = db.session.execute(
        db.delete(Draft).where(Draft.expires <= utcnow()),
        execution_options={"synchronize_session": False},
    ).rowcount
    db.session.commit()
    return deleted
