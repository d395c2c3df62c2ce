"""Error pages: HTML in the user's language, JSON under /api/; refusals that keep the answers."""

from __future__ import annotations

from contextlib import contextmanager, suppress

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    NotFound,
    SecurityError,
    ServiceUnavailable,
)

from .database import is_unavailable
from .extensions import db
from .limits import retry_after

CODES = {
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    503: "unavailable",
}


def wait_text(seconds: int) -> str:
    """Say how long to wait, in minutes from one minute on."""
    if seconds < 60:
        return ngettext("%(num)d second", "%(num)d seconds", seconds)
    return ngettext("%(num)d minute", "%(num)d minutes", max(1, round(seconds / 60)))


def _message(code: int, wait: int | None = None) -> str:
    if code == 429:
        return _(
            "Many results, links or deletions came from your internet address in a short"
            " time. Please wait %(wait)s, then try again. Nothing was stored or deleted.",
            wait=wait_text(wait or 60),
        )
    if code == 503:
        return _(
            "The database cannot be reached right now, so nothing was stored or changed."
            " Please try again in a minute."
        )
    return {
        400: _("Something in the request was wrong. Please go back and try again."),
        404: _("This page does not exist, or the result was deleted."),
        405: _("This page cannot be used this way."),
        413: _("What you sent is too large."),
        415: _("Send the request body as JSON, with the header Content-Type: application/json."),
        422: _("Some answers need another look."),
    }.get(code, _("Something went wrong on our side. Please try again later."))


# What a 404 page can say was not found (see Missing and templates/error.html).
MISSING = ("page", "result", "comparison", "invitation", "questionnaire", "section", "draft")


class Missing(NotFound):
    """A 404 that knows what was not found, so its page can say so and what to do next.

    `what` is one of MISSING; `asked` is the id that was asked for where it helps (a handbook
    section's number), never a private token.
    """

    def __init__(self, what: str, name: str | None = None):
        if what not in MISSING:
            raise ValueError(what)
        super().__init__()
        self.what, self.asked = what, name


def not_found(what: str, name: str | None = None):
    """Stop the request with a 404 page that says what was not found."""
    raise Missing(what, name)


class Refused(Exception):
    """A request that cannot be served now (rate limit, database down): try again later.

    Form views catch it to show the page again with what was typed, and the message.
    """

    def __init__(self, status: int, retry_after: int):
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after

    @property
    def message(self) -> str:
        return _message(self.status, self.retry_after)

    @property
    def headers(self) -> dict:
        return {"Retry-After": str(self.retry_after)}


@contextmanager
def refusals():
    """Turn a rate limit or an unavailable database inside the block into Refused."""
    try:
        yield
    except RateLimitExceeded as error:
        raise Refused(429, retry_after()) from error
    except Exception as error:
        if not is_unavailable(error):
            raise
        with suppress(Exception):
            db.session.rollback()
        raise Refused(503, current_app.config["RETRY_AFTER_UNAVAILABLE"]) from error


def wants_json() -> bool:
    """Tell whether errors of this request are answered as JSON (the API, health checks)."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def _answer(code: int, message: str, headers: list, missing: Missing | None = None):
    if wants_json():
        item_code = CODES.get(code, "bad_request" if code < 500 else "server_error")
        body = {"problems": [{"item": None, "code": item_code, "message": message}]}
        return body, code, headers
    what = missing.what if missing is not None else ("page" if code == 404 else None)
    page = render_template(
        "error.html",
        code=code,
        message=message,
        what=what,
        name=missing.asked if missing is not None else None,
        days=current_app.config["RESULT_RETENTION_DAYS"],
        draft_days=current_app.config["DRAFT_DAYS"],
    )
    return page, code, headers


def handle_http_error(error: HTTPException):
    """Answer an HTTP error as JSON for the API and as a page for everything else.

    Headers the error carries (Allow on 405, Retry-After) are kept.
    """
    code = error.code or 500
    if isinstance(error, SecurityError):
        # A Host that is not in TRUSTED_HOSTS: no page of ours (its links would use that host).
        return (
            "Bad Request: this host name is not served here.\n",
            400,
            {"Content-Type": "text/plain"},
        )
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    wait = None
    if isinstance(error, RateLimitExceeded):
        wait = retry_after()
        headers.append(("Retry-After", str(wait)))
    missing = error if isinstance(error, Missing) else None
    return _answer(code, _message(code, wait), headers, missing)


def handle_refused(error: Refused):
    """A refusal outside a form that shows itself again: the error page or JSON."""
    return _answer(error.status, error.message, list(error.headers.items()))


def handle_unexpected(error: Exception):
    """Never show a stack trace: 503 when the database is down or read-only, else log and 500."""
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    if is_unavailable(error):
        current_app.logger.warning("database unavailable: %s", error.__class__.__name__)
        with suppress(Exception):
            db.session.rollback()
        seconds = current_app.config["RETRY_AFTER_UNAVAILABLE"]
        return handle_http_error(ServiceUnavailable(retry_after=seconds))
    current_app.logger.exception("unhandled error")
    return handle_http_error(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Refused, handle_refused)
    app.register_error_handler(Exception, handle_unexpected)
