"""Error pages: HTML in the user's language, JSON under /api/."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError


def _message(code: int) -> str:
    return {
        400: _("Something in the request was wrong. Please go back and try again."),
        404: _("This page does not exist, or the result was deleted."),
        405: _("This page cannot be used this way."),
        413: _("What you sent is too large."),
        422: _("Some answers need another look."),
    }.get(code, _("Something went wrong on our side. Your stored answers are safe."))


def handle_http_error(error: HTTPException):
    """Answer an HTTP error as JSON for the API and as a page for everything else."""
    code = error.code or 500
    if request.path.startswith("/api/"):
        item_code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            code, "bad_request"
        )
        return {"problems": [{"item": None, "code": item_code, "message": _message(code)}]}, code
    return render_template("error.html", code=code, message=_message(code)), code


def handle_unexpected(error: Exception):
    """Never show a stack trace: log the error and answer 500."""
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    current_app.logger.exception("unhandled error")
    return handle_http_error(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
