"""The internship: one shared place where a trainee's and a mentor's results meet."""

from flask import Blueprint

bp = Blueprint("internships", __name__, url_prefix="/i")

from . import routes  # noqa: E402, F401
