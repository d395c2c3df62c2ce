"""Database settings and failures: SQLite pragmas, and telling when the database is unavailable."""

from __future__ import annotations

import contextlib
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, InternalError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# How long a SQLite writer waits for another one before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 10_000


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Set up every new SQLite connection.

    WAL lets readers go on while one process writes; the busy timeout makes a second writer
    wait instead of failing; secure_delete overwrites deleted rows so they are really gone.
    """
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete = ON")
    # A read-only file keeps its journal mode; reading still works.
    with contextlib.suppress(sqlite3.OperationalError):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


# PostgreSQL SQLSTATE 25006: a write in a read-only transaction (hot standby, read-only database).
READ_ONLY_SQLSTATE = "25006"


def is_unavailable(error: BaseException) -> bool:
    """Tell whether a database error means "down or read-only", not a bug in a query."""
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error, OperationalError):
        return True
    if isinstance(error, InternalError):
        return getattr(error.orig, "sqlstate", None) == READ_ONLY_SQLSTATE
    return False
