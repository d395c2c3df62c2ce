"""Rate limits on what stores or deletes data: results, invitations, drafts, deletions.

Limits count per client address (behind a reverse proxy, set TRUSTED_PROXIES so that this is
the visitor's address, not the proxy's). The counts live in RATELIMIT_STORAGE_URI: memory for
one process (`make run`), Redis when the app runs as several processes or on several machines.

Each limit is checked where the data is written, not when the request comes in: a page of a
questionnaire that is refused is shown again with its answers, and only a request that would
store something counts. Flask-Limiter's limits work as context managers for that; each `with`
statement is its own place in the code, as the extension requires.
"""

from __future__ import annotations

import time

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# One limiter for the process, as Flask-Limiter is designed; the limits come from the
# configuration of the app that handles the request.
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def _configured(name: str):
    return lambda: current_app.config[name]


RESULTS = limiter.shared_limit(_configured("RATE_LIMIT_RESULTS"), scope="results")
INVITATIONS = limiter.shared_limit(_configured("RATE_LIMIT_INVITATIONS"), scope="invitations")
DRAFTS = limiter.shared_limit(_configured("RATE_LIMIT_DRAFTS"), scope="drafts")
DELETIONS = limiter.shared_limit(_configured("RATE_LIMIT_DELETIONS"), scope="deletions")


def retry_after() -> int:
    """Seconds until the limit this request ran into lets a request through again."""
    current = limiter.current_limit
    if current is None:
        return 60
    # As Flask-Limiter computes its Retry-After header, so that page and header agree.
    return max(1, int(current.reset_at - time.time()))


def init_app(app: Flask) -> None:
    """Bind the limiter to the app (storage and limits from its configuration)."""
    limiter.init_app(app)
