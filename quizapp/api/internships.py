"""JSON API: internships (two role tokens, the results that belong to them, the plan)."""

from __future__ import annotations

import json

from flask import jsonify, request
from flask_babel import force_locale
from pydantic import ValidationError

from ..engine import Problem
from ..internships.plan import build_plan
from ..internships.store import (
    attach,
    attachment_of,
    create_internship,
    delete_internship,
    find_role,
    fits_role,
    withdraw,
)
from ..library import get_library
from ..limits import DELETIONS, INVITATIONS
from ..results.store import find_response
from ..urls import external_url
from . import bp
from .models import AttachResult, InternshipCreated, InternshipView, NewInternship, checked
from .routes import JSON_ONLY, _lang, problems_response


def _json_body(model, problems: dict | None = None):
    """The request's JSON body checked against a model: (body, None) or (None, answer).

    `problems` names the problem to answer for a field whose value the model refuses (the key
    None: for a rule across fields), where a code of its own says more than bad_field.
    """
    if request.mimetype != "application/json":
        return None, problems_response([JSON_ONLY], 415)
    raw = request.get_json(silent=True)
    if not isinstance(raw, dict):
        return None, problems_response([Problem(None, "malformed_json")], 400)
    try:
        # JSON-mode strict: dates only as "YYYY-MM-DD" text, never numbers
        return model.model_validate_json(json.dumps(raw), strict=True), None
    except ValidationError as error:
        fields = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]})
        extra = [e for e in error.errors() if e["type"] == "extra_forbidden"]
        if extra:
            detail = {"field": str(extra[0]["loc"][0])}
            return None, problems_response([Problem(None, "unknown_field", detail)], 422)
        first = error.errors()[0]
        named = (problems or {}).get(str(first["loc"][0]) if first["loc"] else None)
        if named is not None:
            return None, problems_response([named], 422)
        detail = {"field": fields[0] if fields else None}
        return None, problems_response([Problem(None, "bad_field", detail)], 422)


def _role_or_404(token: str):
    found = find_role(token)
    if found is None:
        return None, problems_response([Problem(None, "unknown_internship")], 404)
    return found, None


@bp.post("/internships")
def create_internship_api():
    """Start an internship; answer with both role tokens (send each to its person)."""
    body, error = _json_body(NewInternship)
    if error is not None:
        return error
    with INVITATIONS:
        internship = create_internship(**body.model_dump())
    data = {
        "trainee_token": internship.trainee_token,
        "mentor_token": internship.mentor_token,
        "trainee_url": external_url("internships.plan", token=internship.trainee_token),
        "mentor_url": external_url("internships.plan", token=internship.mentor_token),
    }
    return jsonify(checked(InternshipCreated, data)), 201


@bp.get("/internships/<token>")
def internship_api(token: str):
    """An internship as the role of this token sees it, with the plan."""
    found, error = _role_or_404(token)
    if error is not None:
        return error
    internship, role = found
    with force_locale(_lang()):
        plan = build_plan(internship)
        data = {
            "role": role,
            "url": external_url("internships.plan", token=token),
            "labels": {
                "trainee_name": internship.trainee_name,
                "mentor_name": internship.mentor_name,
                "company": internship.company,
                "starts": internship.starts.isoformat() if internship.starts else None,
                "ends": internship.ends.isoformat() if internship.ends else None,
            },
            "results": [
                {
                    "questionnaire": added.shown.q.id,
                    "kind": added.kind,
                    "role": added.role,
                    "created": added.shown.response.created_utc.isoformat(),
                    "phase": added.shown.response.phase,
                    "token": added.shown.response.token if added.role == role else None,
                }
                for added in plan.added
            ],
            "missing": [{"role": who, "kind": kind} for who, kind in plan.missing],
            "usual_styles": plan.usual_styles,
            "competences": [
                {
                    "item": row.item.id,
                    "trainee_step": row.trainee_step,
                    "mentor_step": row.mentor_step,
                    "flag": row.flag,
                    "fitting_style": row.fit,
                    "advice": row.advice,
                }
                for row in plan.rows
            ],
            "learning_styles": {
                who: (added.shown.result.profile.get("region") if added else None)
                for who, added in plan.learning.items()
            },
            "intake": [
                {
                    "part": row.part.id,
                    "item": row.item.id,
                    "trainee": row.trainee,
                    "mentor": row.mentor,
                    "outcome": row.outcome,
                }
                for row in plan.intake
            ],
        }
    return jsonify(checked(InternshipView, data))


@bp.post("/internships/<token>/results")
def attach_api(token: str):
    """Add one of this role's results to the internship, by the result's token."""
    found, error = _role_or_404(token)
    if error is not None:
        return error
    internship, role = found
    body, error = _json_body(AttachResult)
    if error is not None:
        return error
    response = find_response(body.token)
    if response is None:  # the internship exists; the body names no result: 422, not 404
        return problems_response([Problem(None, "unknown_token")], 422)
    q = get_library().questionnaires.get(response.questionnaire)
    if q is None or not fits_role(q, response.perspective, role):
        return problems_response([Problem(None, "other_role")], 422)
    if not attach(internship, role, response):
        return problems_response([Problem(None, "already_attached")], 409)
    return "", 204


@bp.delete("/internships/<token>/results/<result>")
def withdraw_api(token: str, result: str):
    """Take one of this role's results out of the internship (the result stays)."""
    found, error = _role_or_404(token)
    if error is not None:
        return error
    internship, role = found
    attachment = attachment_of(internship, role, result)
    if attachment is None:
        return problems_response([Problem(None, "unknown_token")], 404)
    withdraw(attachment)
    return "", 204


@bp.delete("/internships/<token>")
def delete_internship_api(token: str):
    """Delete the internship for good, with every result in it."""
    found, error = _role_or_404(token)
    if error is not None:
        return error
    with DELETIONS:
        delete_internship(found[0])
    return "", 204
