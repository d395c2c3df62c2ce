"""The OpenAPI 3.1 description of the JSON API, with its schemas generated from models.py.

The paths are written here; every schema (request bodies, answers, problems) comes from the
pydantic models that check requests and answers, and the lists of questionnaires and
languages come from the running app.
"""

from __future__ import annotations

from flask import current_app
from pydantic.json_schema import models_json_schema

from ..library import get_library
from .models import SCHEMA_MODELS

REF = "#/components/schemas/{model}"


def _json(model: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model)}}},
    }


def _problems(description: str) -> dict:
    return _json("Problems", description)


def _retry_after(description: str) -> dict:
    answer = _problems(description)
    answer["headers"] = {
        "Retry-After": {
            "description": "Seconds to wait before trying again",
            "schema": {"type": "integer", "minimum": 1},
        }
    }
    return answer


def _parameters() -> dict:
    return {
        "qid": {
            "name": "qid",
            "in": "path",
            "required": True,
            "description": "The questionnaire's id",
            "schema": {"type": "string", "enum": sorted(get_library().questionnaires)},
            "example": EXAMPLE_QID,
        },
        "token": {
            "name": "token",
            "in": "path",
            "required": True,
            "description": "The result's private token",
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
        },
        "lang": {
            "name": "lang",
            "in": "query",
            "required": False,
            "description": "Language of the texts; default: the request's language",
            "schema": {"type": "string", "enum": list(current_app.config["LANGUAGES"])},
        },
        "role_token": {
            "name": "role_token",
            "in": "path",
            "required": True,
            "description": "An internship role's private token (the trainee's or the mentor's)",
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
        },
        "admin_token": {
            "name": "admin_token",
            "in": "path",
            "required": True,
            "description": "A programme's private admin token",
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
        },
        "page": {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "The page, from 1 (200 results a page)",
            "schema": {"type": "integer", "minimum": 1, "maximum": 999999},
        },
        "idempotency": {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "description": (
                "A random string you make for one set of answers (16 to 64 letters, digits,"
                " - or _, e.g. a UUID). Sending the same answers again with the same key"
                " stores nothing new and answers with the result stored the first time."
            ),
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{16,64}$"},
        },
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


EXAMPLE_QID = "learning-styles"


def _example_body() -> dict:
    """A complete set of answers to the example questionnaire: each ranking in option order."""
    q = get_library().questionnaires[EXAMPLE_QID]
    return {"answers": {i.id: [o.id for o in i.options] for i in q.items}, "lang": "en"}


UNAVAILABLE = "The database cannot be reached; nothing was stored or changed"


def _body(model: str) -> dict:
    return {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model)}}},
    }


def _internship_paths() -> dict:
    """The internship resources: create, read as one role, add and withdraw results, delete."""
    no_role = _problems("No internship with this role token (or it was deleted)")
    links = {
        "GetInternshipAsTrainee": {
            "operationId": "getInternship",
            "parameters": {"role_token": "$response.body#/trainee_token"},
        },
        "GetInternshipAsMentor": {
            "operationId": "getInternship",
            "parameters": {"role_token": "$response.body#/mentor_token"},
        },
        "AttachResultAsTrainee": {
            "operationId": "attachResult",
            "parameters": {"role_token": "$response.body#/trainee_token"},
        },
    }
    body_errors = {
        "400": _problems("The body is not a JSON object"),
        "413": _problems("The body is too large"),
        "415": _problems("The body is not sent as application/json"),
        "422": _problems("Fields that cannot be used"),
        "503": _retry_after(UNAVAILABLE),
    }
    return {
        "/api/v1/internships": {
            "post": {
                "operationId": "createInternship",
                "summary": "Start an internship: two private role tokens",
                "requestBody": _body("NewInternship"),
                "responses": {
                    "201": {**_json("InternshipCreated", "Started"), "links": links},
                    **body_errors,
                    "429": _retry_after("Too many new internships from this address"),
                },
            }
        },
        "/api/v1/internships/{role_token}": {
            "get": {
                "operationId": "getInternship",
                "summary": "The internship and its plan, as the role of this token sees it",
                "parameters": [_ref("role_token"), _ref("lang")],
                "responses": {
                    "200": _json("InternshipView", "The internship"),
                    "404": no_role,
                    "422": _problems("Unknown language"),
                },
            },
            "delete": {
                "operationId": "deleteInternship",
                "summary": "Delete the internship for good, with every result in it",
                "parameters": [_ref("role_token")],
                "responses": {
                    "204": {"description": "Deleted"},
                    "404": no_role,
                    "429": _retry_after("Too many deletions from this address"),
                    "503": _retry_after(UNAVAILABLE),
                },
            },
        },
        "/api/v1/internships/{role_token}/results": {
            "post": {
                "operationId": "attachResult",
                "summary": "Add one of this role's results to the internship",
                "parameters": [_ref("role_token")],
                "requestBody": _body("AttachResult"),
                "responses": {
                    "204": {"description": "Added"},
                    "404": _problems("No internship with this role token"),
                    "409": _problems("The result already belongs to an internship"),
                    **body_errors,
                    "422": _problems("No result with this token, or one of the other role"),
                },
            }
        },
        "/api/v1/internships/{role_token}/results/{token}": {
            "delete": {
                "operationId": "withdrawResult",
                "summary": "Take one of this role's results out of the internship",
                "parameters": [_ref("role_token"), _ref("token")],
                "responses": {
                    "204": {"description": "Taken out; the result itself stays"},
                    "404": _problems("No internship, or no such result of this role in it"),
                },
            }
        },
    }


def _programme_paths() -> dict:
    """The programme resources, behind an admin token: create, read, add internships, and the
    data out (results one page at a time, and the codebook)."""
    no_programme = _problems("No programme with this admin token (or it was revoked)")
    links = {
        "GetProgramme": {
            "operationId": "getProgramme",
            "parameters": {"admin_token": "$response.body#/admin_token"},
        },
        "AddInternship": {
            "operationId": "addProgrammeInternship",
            "parameters": {"admin_token": "$response.body#/admin_token"},
        },
        "GetResponses": {
            "operationId": "getProgrammeResponses",
            "parameters": {"admin_token": "$response.body#/admin_token"},
        },
        "GetCodebook": {
            "operationId": "getProgrammeCodebook",
            "parameters": {"admin_token": "$response.body#/admin_token"},
        },
    }
    body_errors = {
        "400": _problems("The body is not a JSON object"),
        "413": _problems("The body is too large"),
        "415": _problems("The body is not sent as application/json"),
        "422": _problems("Fields that cannot be used"),
        "429": _retry_after("Too many new programmes or internships from this address"),
        "503": _retry_after(UNAVAILABLE),
    }
    return {
        "/api/v1/programmes": {
            "post": {
                "operationId": "createProgramme",
                "summary": "Start a programme: a private admin token and a join link",
                "requestBody": _body("NewProgramme"),
                "responses": {
                    "201": {**_json("ProgrammeCreated", "Started"), "links": links},
                    **body_errors,
                },
            }
        },
        "/api/v1/programmes/{admin_token}": {
            "get": {
                "operationId": "getProgramme",
                "summary": "The programme's settings and how many have joined",
                "parameters": [_ref("admin_token")],
                "responses": {
                    "200": _json("ProgrammeView", "The programme"),
                    "404": no_programme,
                },
            }
        },
        "/api/v1/programmes/{admin_token}/internships": {
            "post": {
                "operationId": "addProgrammeInternship",
                "summary": "Add an internship; answers with the two role links to send",
                "parameters": [_ref("admin_token")],
                "requestBody": _body("NewProgrammeInternship"),
                "responses": {
                    "201": _json("ProgrammeInternship", "Added"),
                    "404": no_programme,
                    **body_errors,
                },
            }
        },
        "/api/v1/programmes/{admin_token}/responses": {
            "get": {
                "operationId": "getProgrammeResponses",
                "summary": (
                    "The results of the people who agreed, one page of 200 at a time: the rows"
                    " of the CSV and Excel export, with pseudonymous ids"
                ),
                "parameters": [_ref("admin_token"), _ref("page")],
                "responses": {
                    "200": _json("ExportPage", "One page of results"),
                    "404": no_programme,
                    "422": _problems("A page that is not a whole number from 1"),
                },
            }
        },
        "/api/v1/programmes/{admin_token}/codebook": {
            "get": {
                "operationId": "getProgrammeCodebook",
                "summary": "What every column of the export holds",
                "parameters": [_ref("admin_token"), _ref("lang")],
                "responses": {
                    "200": _json("Codebook", "The codebook"),
                    "404": no_programme,
                    "422": _problems("Unknown language"),
                },
            }
        },
    }


def openapi_document(server: str) -> dict:
    """Return the OpenAPI document; `server` is the app's public base URL."""
    _, schema = models_json_schema(
        [(model, "validation") for model in SCHEMA_MODELS], ref_template=REF
    )
    created_links = {
        "GetResult": {
            "operationId": "getResult",
            "parameters": {"token": "$response.body#/token"},
            "description": "The stored result",
        },
        "DeleteResult": {
            "operationId": "deleteResult",
            "parameters": {"token": "$response.body#/token"},
            "description": "Delete the stored result",
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Internship self-assessments API",
            "version": "1",
            "description": (
                "Questionnaire definitions with their scoring keys, new responses and stored"
                " results. A result is reachable by whoever holds its token. Requests with a"
                " body must be JSON (Content-Type: application/json). Storing and deleting"
                " are rate-limited per client address (429 with Retry-After)."
            ),
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/v1/questionnaires": {
                "get": {
                    "operationId": "listQuestionnaires",
                    "summary": "List the questionnaires",
                    "parameters": [_ref("lang")],
                    "responses": {
                        "200": _json("QuestionnaireList", "The questionnaires"),
                        "422": _problems("Unknown language"),
                    },
                }
            },
            "/api/v1/questionnaires/{qid}": {
                "get": {
                    "operationId": "getQuestionnaire",
                    "summary": "A questionnaire with texts, scales and the scale of every option",
                    "parameters": [_ref("qid"), _ref("lang")],
                    "responses": {
                        "200": _json("Questionnaire", "The definition"),
                        "404": _problems("No questionnaire with this id"),
                        "422": _problems("Unknown language"),
                    },
                }
            },
            "/api/v1/questionnaires/{qid}/responses": {
                "post": {
                    "operationId": "createResponse",
                    "summary": "Score and store a set of answers",
                    "parameters": [_ref("qid"), _ref("idempotency")],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": REF.format(model="NewResponse")}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            **_json("Created", "Stored; the token opens the result"),
                            "headers": {
                                "Location": {
                                    "description": "The result in this API",
                                    "schema": {"type": "string"},
                                }
                            },
                            "links": created_links,
                        },
                        "400": _problems("The body is not a JSON object"),
                        "404": _problems("No questionnaire with this id"),
                        "413": _problems("The body is too large"),
                        "415": _problems("The body is not sent as application/json"),
                        "422": _problems("Answers or fields that cannot be used"),
                        "429": _retry_after("Too many results from this address"),
                        "503": _retry_after(UNAVAILABLE),
                    },
                }
            },
            "/api/v1/results/{token}": {
                "get": {
                    "operationId": "getResult",
                    "summary": "A stored result with its scores, profile and recommendations",
                    "parameters": [_ref("token"), _ref("lang")],
                    "responses": {
                        "200": _json("Result", "The result"),
                        "404": _problems("No result with this token (or it was deleted)"),
                        "422": _problems("Unknown language"),
                    },
                },
                "delete": {
                    "operationId": "deleteResult",
                    "summary": "Delete a stored result for good",
                    "parameters": [_ref("token")],
                    "responses": {
                        "204": {"description": "Deleted"},
                        "404": _problems("No result with this token (or it was deleted)"),
                        "429": _retry_after("Too many deletions from this address"),
                        "503": _retry_after(UNAVAILABLE),
                    },
                },
            },
            **_internship_paths(),
            **_programme_paths(),
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenAPI",
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 document",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": schema["$defs"], "parameters": _parameters()},
    }
