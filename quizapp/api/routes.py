"""JSON API: questionnaire definitions, new responses, results."""

from __future__ import annotations

import re

from flask import jsonify, request, url_for
from flask_babel import force_locale
from pydantic import ValidationError

from ..context import perspective_fits
from ..engine import Problem, check_answers
from ..i18n import current_lang, languages
from ..library import get_library
from ..limits import DELETIONS, RESULTS
from ..messages import problem_message
from ..results.present import api_data, shown_result
from ..results.store import (
    create_response,
    delete_response,
    find_response,
    find_submitted,
    submission_hash,
)
from ..urls import base_url, external_url
from . import bp
from .definitions import definition_data, summary_data
from .models import Created, NewResponse, QuestionnaireList, Result, checked
from .models import Questionnaire as QuestionnaireModel
from .openapi import openapi_document


def problems_response(problems: list[Problem], status: int):
    """Answer with a JSON list of problems, each naming its item and saying what is wrong."""
    body = [dict(p.as_dict(), message=problem_message(p)) for p in problems]
    return jsonify(problems=body), status


def _lang() -> str:
    """Return the language asked for with ?lang=, or the request's language."""
    lang = request.args.get("lang")
    return lang if lang in languages() else current_lang()


@bp.before_request
def _known_language():
    """?lang= must name a shipped language: an unknown one is an error, not ignored."""
    lang = request.args.get("lang")
    if lang is not None and lang not in languages():
        detail = {"lang": lang[:40]}
        return problems_response([Problem(None, "unknown_language", detail)], 422)
    return None


@bp.get("/questionnaires")
def questionnaires():
    """List the questionnaires."""
    with force_locale(_lang()):
        items = [summary_data(q) for q in get_library().questionnaires.values()]
    return jsonify(checked(QuestionnaireList, {"questionnaires": items}))


@bp.get("/questionnaires/<qid>")
def questionnaire(qid: str):
    """Return one questionnaire with its texts, scales and scoring keys."""
    q = get_library().questionnaires.get(qid)
    if q is None:
        return problems_response([Problem(None, "unknown_questionnaire")], 404)
    with force_locale(_lang()):
        return jsonify(checked(QuestionnaireModel, definition_data(q)))


JSON_ONLY = Problem(None, "unsupported_media_type")
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _body_problems(error: ValidationError) -> list[Problem]:
    """Name what is wrong with a request body, with the API's problem codes."""
    problems = []
    for e in error.errors():
        field = str(e["loc"][0]) if e["loc"] else None
        if e["type"] == "extra_forbidden":
            problems.append(Problem(None, "unknown_field", {"field": field}))
        elif field == "lang":
            problems.append(Problem(None, "unknown_language", {"lang": str(e.get("input"))}))
        else:
            code = {"perspective": "unknown_perspective", "phase": "unknown_phase"}
            problems.append(Problem(None, code.get(field, "answers_not_an_object")))
    return problems


def _same_request(response, q, body: NewResponse, lang: str) -> bool:
    return (response.questionnaire, response.answers, response.lang, response.phase) == (
        q.id,
        body.answers,
        lang,
        body.phase,
    ) and response.perspective == (body.perspective if q.mentor else None)


@bp.post("/questionnaires/<qid>/responses")
def create(qid: str):
    """Score and store a set of answers; answer with the token and the result.

    With an Idempotency-Key header, the same answers sent again return the stored result.
    """
    if request.mimetype != "application/json":
        # A form on another site can post text/plain without asking: JSON only.
        return problems_response([JSON_ONLY], 415)
    q = get_library().questionnaires.get(qid)
    if q is None:
        return problems_response([Problem(None, "unknown_questionnaire")], 404)
    raw = request.get_json(silent=True)
    if not isinstance(raw, dict):
        return problems_response([Problem(None, "malformed_json")], 400)
    lang = raw.get("lang") if raw.get("lang") in languages() else _lang()
    with force_locale(lang):
        if not q.mentor and {"perspective", "phase"} & set(raw):
            field = sorted({"perspective", "phase"} & set(raw))[0]
            return problems_response([Problem(None, "unknown_field", {"field": field})], 422)
        try:
            body = NewResponse.model_validate(raw, strict=True)
        except ValidationError as error:
            return problems_response(_body_problems(error), 422)
        if not perspective_fits(q, body.perspective):  # a coordinator: the evaluation only
            return problems_response([Problem(None, "unknown_perspective")], 422)
        key = request.headers.get("Idempotency-Key")
        if key is not None and not IDEMPOTENCY_KEY.fullmatch(key):
            return problems_response([Problem(None, "bad_idempotency_key")], 422)
        problems = check_answers(q, body.answers)
        if problems:
            return problems_response(problems, 422)
        key_hash = submission_hash("api", key)
        earlier = find_submitted(key_hash)
        if earlier is not None and not _same_request(earlier, q, body, lang):
            return problems_response([Problem(None, "idempotency_key_reused")], 422)
        response = earlier
        if response is None:  # a replay stores nothing, so it does not count for the limit
            with RESULTS:
                response = create_response(
                    q,
                    body.answers,
                    lang,
                    perspective=body.perspective if q.mentor else None,
                    phase=body.phase,
                    submission_key=key_hash,
                )
        data = api_data(shown_result(response))
    created = {
        "token": response.token,
        "result_url": external_url("results.show", token=response.token),
        "result": data,
    }
    location = url_for(".result", token=response.token)
    return jsonify(checked(Created, created)), 201, {"Location": location}


@bp.get("/results/<token>")
def result(token: str):
    """Return a stored result: answers, scores, profile and recommendations."""
    response = find_response(token)
    shown = shown_result(response) if response else None
    if shown is None:
        return problems_response([Problem(None, "unknown_token")], 404)
    lang = request.args.get("lang")
    with force_locale(lang if lang in languages() else response.lang):
        return jsonify(checked(Result, api_data(shown)))


@bp.delete("/results/<token>")
def delete(token: str):
    """Delete a stored result for good."""
    response = find_response(token)
    if response is None:
        return problems_response([Problem(None, "unknown_token")], 404)
    with DELETIONS:
        delete_response(response)
    return "", 204


@bp.get("/openapi.json")
def openapi():
    """Return the OpenAPI 3 description of this API."""
    return jsonify(openapi_document(base_url()))
