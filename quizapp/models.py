"""Stored responses: the raw answers only; scores are computed when a result is shown."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @property
    def created_utc(self) -> datetime:
        """Return the creation time with its time zone (SQLite drops it)."""
        created = self.created
        return created if created.tzinfo else created.replace(tzinfo=UTC)
