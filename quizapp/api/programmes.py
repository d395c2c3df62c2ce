"""JSON API: programmes (behind an admin token): create, read, add internships, and the data
out, one page of results at a time, with the codebook."""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask_babel import force_locale

from ..engine import Problem
from ..limits import INVITATIONS
from ..programmes import data, export
from ..programmes.forms import settings
from ..programmes.store import (
    add_internship,
    create_programme,
    find_admin,
    min_group,
    programme_fields,
)
from ..urls import external_url
from . import bp
from .internships import _json_body
from .models import (
    Codebook,
    ExportPage,
    NewProgramme,
    NewProgrammeInternship,
    ProgrammeCreated,
    ProgrammeInternship,
    ProgrammeView,
    checked,
)
from .routes import _lang, problems_response

PAGE_SIZE = 200


def _admin_or_404(token: str):
    found = find_admin(token)
    if found is None:
        return None, problems_response([Problem(None, "unknown_programme")], 404)
    return found, None


def _links(link) -> dict:
    programme = link.programme
    return {
        "admin_token": link.token,
        "admin_url": external_url("programmes.dashboard", token=link.token),
        "join_url": external_url("programmes.join", token=programme.join_token),
    }


@bp.post("/programmes")
def create_programme_api():
    """Start a programme; answer with the admin token (keep it) and the join link."""
    minimum = {"minimum": min_group()}
    body, error = _json_body(
        NewProgramme,
        {
            None: Problem(None, "bad_dates"),
            "min_group": Problem(None, "group_too_small", minimum),
        },
    )
    if error is not None:
        return error
    with INVITATIONS:
        link = create_programme(
            programme_fields(settings(body)), body.admin_label or "API", submission_key=None
        )
    return jsonify(checked(ProgrammeCreated, _links(link))), 201


@bp.get("/programmes/<token>")
def programme_api(token: str):
    """A programme's settings and how many have joined."""
    found, error = _admin_or_404(token)
    if error is not None:
        return error
    programme, _link = found
    members = data.members(programme)
    view = {
        "name": programme.name,
        "sending": programme.sending,
        "receiving": programme.receiving,
        "languages": list(programme.languages or ()),
        "start": programme.start_on.isoformat(),
        "middle": programme.middle_on.isoformat(),
        "end": programme.end_on.isoformat(),
        "min_group": programme.min_group,
        "join_url": external_url("programmes.join", token=programme.join_token)
        if programme.join_token
        else None,
        "internships": len(members),
        "agreed": {
            role: sum(1 for m in members if m.agreed(role)) for role in ("trainee", "mentor")
        },
    }
    return jsonify(checked(ProgrammeView, view))


@bp.post("/programmes/<token>/internships")
def add_internship_api(token: str):
    """Add an internship to the programme; answer with the two role links to send."""
    found, error = _admin_or_404(token)
    if error is not None:
        return error
    body, error = _json_body(NewProgrammeInternship)
    if error is not None:
        return error
    with INVITATIONS:
        internship = add_internship(found[0], body.label, submission_key=None)
    made = {
        "label": internship.label,
        "trainee_url": external_url("internships.plan", token=internship.trainee_token),
        "mentor_url": external_url("internships.plan", token=internship.mentor_token),
    }
    return jsonify(checked(ProgrammeInternship, made)), 201


def _page_number() -> int | None:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < len(raw) < 7 and int(raw) >= 1 else None


@bp.get("/programmes/<token>/responses")
def responses_api(token: str):
    """One page of the programme's results: the rows of the CSV and Excel export."""
    found, error = _admin_or_404(token)
    if error is not None:
        return error
    page = _page_number()
    if page is None:
        return problems_response([Problem(None, "bad_field", {"field": "page"})], 422)
    programme, _link = found
    library = current_app.extensions["quizapp.library"].questionnaires
    labels = {m.id: m.label for m in data.members(programme)}
    rows, total = data.entries_page(programme, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    body = {
        "responses": [export.record(e, programme, library, labels) for e in rows],
        "page": page,
        "pages": pages,
        "total": total,
        "next": external_url(".responses_api", token=token, page=page + 1)
        if page < pages
        else None,
    }
    return jsonify(checked(ExportPage, body))


@bp.get("/programmes/<token>/codebook")
def codebook_api(token: str):
    """What every column of the export holds, in the language asked for."""
    _found, error = _admin_or_404(token)
    if error is not None:
        return error
    library = current_app.extensions["quizapp.library"].questionnaires
    with force_locale(_lang()):
        lines = export.codebook(export.columns(library), library)
    keys = ("column", "questionnaire", "kind", "meaning", "values")
    return jsonify(
        checked(Codebook, {"columns": [dict(zip(keys, x, strict=True)) for x in lines[1:]]})
    )
