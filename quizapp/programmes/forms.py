"""The programme form, checked by the same model that checks the API's requests."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from pydantic import ValidationError

from ..api.models import NewProgramme
from .anonymity import minimum_group

FIELDS = ("name", "sending", "receiving", "start", "middle", "end", "min_group", "admin_label")


def form_values(form) -> dict:
    """What was typed, to show the form again exactly as it was sent."""
    values = {name: form.get(name, "") for name in FIELDS}
    values["languages"] = form.getlist("languages")
    return values


def _message(field: str | None, error: dict) -> str:
    if field in ("start", "middle", "end") or (error["type"] == "value_error" and field is None):
        if error["type"] == "value_error":
            return _("The phases must follow each other: start, then middle, then end.")
        return _("Give the first day as a date.")
    if field == "name":
        return _("Give the programme a name of at most 120 characters.")
    if field in ("sending", "receiving"):
        return _("Use at most 120 characters.")
    if field == "min_group":
        return _(
            "Give a whole number of at least %(num)d: smaller groups could single someone out.",
            num=minimum_group(current_app.config["COHORT_MIN_GROUP"]),
        )
    if field == "admin_label":
        return _("Use at most 60 characters.")
    return _("Choose languages from the list.")


def check(values: dict) -> tuple[NewProgramme | None, dict[str, str]]:
    """The checked settings, or the problems by field (the order problem on field "end")."""
    data = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    data = {k: v for k, v in data.items() if v not in ("", None)}
    try:
        return NewProgramme.model_validate(data), {}
    except ValidationError as error:
        problems = {}
        for e in error.errors():
            field = str(e["loc"][0]) if e["loc"] else None
            problems.setdefault(field or "end", _message(field, e))
        return None, problems


def settings(model: NewProgramme) -> dict:
    """The checked form as the fields of store.programme_fields."""
    return {
        "name": model.name,
        "sending": model.sending,
        "receiving": model.receiving,
        "languages": model.languages,
        "start_on": model.start,
        "middle_on": model.middle,
        "end_on": model.end,
        "min_group": model.min_group,
    }
