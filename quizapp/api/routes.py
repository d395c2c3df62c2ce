"""JSON API: questionnaire definitions, new responses, results."""

from __future__ import annotations

from flask import jsonify, request, url_for
from flask_babel import force_locale

from ..engine import Problem, check_answers
from ..i18n import current_lang, languages
from ..library import get_library
from ..messages import problem_message
from ..quiz.context import PERSPECTIVES, PHASES
from ..results.present import api_data, shown_result
from ..results.store import create_response, delete_response, find_response
from ..urls import base_url, external_url
from . import bp
from .definitions import definition_data, summary_data
from .openapi import openapi_document


def problems_response(problems: list[Problem], status: int):
    """Answer with a JSON list of problems, each naming its item and saying what is wrong."""
    body = [dict(p.as_dict(), message=problem_message(p)) for p in problems]
    return jsonify(problems=body), status


def _lang() -> str:
    """Return the language asked for with ?lang=, or the request's language."""
    lang = request.args.get("lang")
    return lang if lang in languages() else current_lang()


@bp.get("/questionnaires")
def questionnaires():
    """List the questionnaires."""
    with force_locale(_lang()):
        items = [summary_data(q) for q in get_library().questionnaires.values()]
    return jsonify(questionnaires=items)


@bp.get("/questionnaires/<qid>")
def questionnaire(qid: str):
    """Return one questionnaire with its texts, scales and scoring keys."""
    q = get_library().questionnaires.get(qid)
    if q is None:
        return problems_response([Problem(None, "unknown_questionnaire")], 404)
    with force_locale(_lang()):
        return jsonify(definition_data(q))


@bp.post("/questionnaires/<qid>/responses")
def create(qid: str):
    """Score and store a set of answers; answer with the token and the result."""
    q = get_library().questionnaires.get(qid)
    if q is None:
        return problems_response([Problem(None, "unknown_questionnaire")], 404)
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        return problems_response([Problem(None, "malformed_json")], 400)
    lang = body.get("lang", _lang())
    if lang not in languages():
        return problems_response([Problem(None, "unknown_language", {"lang": str(lang)})], 422)
    fields = {"answers", "lang"} | ({"perspective", "phase"} if q.mentor else set())
    unknown = sorted(set(body) - fields)
    perspective = body.get("perspective", "self") if q.mentor else None
    phase = body.get("phase")
    with force_locale(lang):
        if unknown:
            return problems_response([Problem(None, "unknown_field", {"field": unknown[0]})], 422)
        if q.mentor and perspective not in PERSPECTIVES:
            return problems_response([Problem(None, "unknown_perspective")], 422)
        if phase is not None and phase not in PHASES:
            return problems_response([Problem(None, "unknown_phase")], 422)
        if "answers" not in body:
            return problems_response([Problem(None, "answers_not_an_object")], 422)
        problems = check_answers(q, body["answers"])
        if problems:
            return problems_response(problems, 422)
        response = create_response(q, body["answers"], lang, perspective=perspective, phase=phase)
        data = api_data(shown_result(response))
    result_url = external_url("results.show", token=response.token)
    location = url_for(".result", token=response.token)
    return (
        jsonify(token=response.token, result_url=result_url, result=data),
        201,
        {"Location": location},
    )


@bp.get("/results/<token>")
def result(token: str):
    """Return a stored result: answers, scores, profile and recommendations."""
    response = find_response(token)
    shown = shown_result(response) if response else None
    if shown is None:
        return problems_response([Problem(None, "unknown_token")], 404)
    lang = request.args.get("lang")
    with force_locale(lang if lang in languages() else response.lang):
        return jsonify(api_data(shown))


@bp.delete("/results/<token>")
def delete(token: str):
    """Delete a stored result for good."""
    response = find_response(token)
    if response is None:
        return problems_response([Problem(None, "unknown_token")], 404)
    delete_response(response)
    return "", 204


@bp.get("/openapi.json")
def openapi():
    """Return the OpenAPI 3 description of this API."""
    return jsonify(openapi_document(base_url()))
