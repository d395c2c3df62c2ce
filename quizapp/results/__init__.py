"""Result pages: scores, charts and advice for one stored response."""

from flask import Blueprint

bp = Blueprint("results", __name__, url_prefix="/r")

from . import ladder, routes  # noqa: E402, F401
