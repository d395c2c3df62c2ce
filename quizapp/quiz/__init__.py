"""Taking a questionnaire, page by page, with or without JavaScript."""

from flask import Blueprint

bp = Blueprint("quiz", __name__, url_prefix="/q")

from . import paper, routes  # noqa: E402, F401
