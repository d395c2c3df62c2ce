"""The OpenAPI 3 description of the JSON API."""

from __future__ import annotations

PROBLEMS = {
    "description": "Problems with the request, each naming the item it concerns",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}},
}
TOKEN = {"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}
QID = {"name": "qid", "in": "path", "required": True, "schema": {"type": "string"}}
LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["en", "nl"]},
}


def _json(ref: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def openapi_document(server: str) -> dict:
    """Return the OpenAPI document; `server` is the app's base URL."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Internship self-assessments API",
            "version": "1",
            "description": (
                "Questionnaire definitions with their scoring keys, new responses and stored"
                " results. A result is reachable by whoever holds its token."
            ),
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/v1/questionnaires": {
                "get": {
                    "summary": "List the questionnaires",
                    "parameters": [LANG],
                    "responses": {"200": _json("QuestionnaireList", "The questionnaires")},
                }
            },
            "/api/v1/questionnaires/{qid}": {
                "get": {
                    "summary": "A questionnaire with texts, scales and the scale of every option",
                    "parameters": [QID, LANG],
                    "responses": {
                        "200": _json("Questionnaire", "The definition"),
                        "404": PROBLEMS,
                    },
                }
            },
            "/api/v1/questionnaires/{qid}/responses": {
                "post": {
                    "summary": "Score and store a set of answers",
                    "parameters": [QID],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/NewResponse"}
                            }
                        },
                    },
                    "responses": {
                        "201": _json("Created", "Stored; the token opens the result"),
                        "400": PROBLEMS,
                        "404": PROBLEMS,
                        "413": PROBLEMS,
                        "422": PROBLEMS,
                    },
                }
            },
            "/api/v1/results/{token}": {
                "get": {
                    "summary": "A stored result with its scores, profile and recommendations",
                    "parameters": [TOKEN, LANG],
                    "responses": {"200": _json("Result", "The result"), "404": PROBLEMS},
                },
                "delete": {
                    "summary": "Delete a stored result for good",
                    "parameters": [TOKEN],
                    "responses": {"204": {"description": "Deleted"}, "404": PROBLEMS},
                },
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI 3 document"}},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


SCHEMAS = {
    "Problems": {
        "type": "object",
        "required": ["problems"],
        "properties": {
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["item", "code", "message"],
                    "properties": {
                        "item": {
                            "type": "string",
                            "nullable": True,
                            "description": "The item (question) the problem is about",
                        },
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            }
        },
    },
    "QuestionnaireSummary": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "version": {"type": "integer"},
            "kind": {"type": "string"},
            "audience": {"type": "string"},
            "minutes": {
                "type": "integer",
                "description": "About how long the required parts take, in the response language",
            },
            "optional_minutes": {
                "type": "integer",
                "nullable": True,
                "description": "About how long the optional parts take; null without any",
            },
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "url": {"type": "string"},
            "form_url": {"type": "string"},
        },
    },
    "QuestionnaireList": {
        "type": "object",
        "properties": {
            "questionnaires": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/QuestionnaireSummary"},
            }
        },
    },
    "Option": {
        "type": "object",
        "required": ["id", "text", "scale"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "scale": {"type": "string", "description": "The scale this option scores"},
            "points": {"type": "integer", "description": "Points, where options carry points"},
        },
    },
    "Questionnaire": {
        "allOf": [
            {"$ref": "#/components/schemas/QuestionnaireSummary"},
            {
                "type": "object",
                "properties": {
                    "instructions": {"type": "string"},
                    "rank_points": {
                        "type": "array",
                        "items": {"type": "integer"},
                        "nullable": True,
                    },
                    "parts": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "id": {"type": "string"},
                                "optional": {"type": "boolean"},
                                "items": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "id": {"type": "string"},
                                            "kind": {"type": "string", "enum": ["rank", "choice"]},
                                            "stem": {"type": "string"},
                                            "options": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Option"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    "scales": {"type": "array", "items": {"type": "object"}},
                    "classifications": {"type": "array", "items": {"type": "object"}},
                    "recommendations": {"type": "array", "items": {"type": "object"}},
                },
            },
        ],
    },
    "NewResponse": {
        "type": "object",
        "required": ["answers"],
        "properties": {
            "answers": {
                "type": "object",
                "description": (
                    "One entry per item: for a rank item the list of its option ids, most like"
                    " you first; for a choice item the id of the chosen option; for a stage"
                    " item (competence ladder) the step 1..4, or null when not observed."
                ),
                "additionalProperties": {
                    "nullable": True,
                    "oneOf": [
                        {"type": "array", "items": {"type": "string"}},
                        {"type": "string"},
                        {"type": "integer", "minimum": 1, "maximum": 4},
                    ],
                },
            },
            "lang": {"type": "string", "enum": ["en", "nl"]},
            "perspective": {
                "type": "string",
                "enum": ["self", "mentor"],
                "description": "Competence ladder only: who rates (default self)",
            },
            "phase": {
                "type": "string",
                "enum": ["start", "middle", "end"],
                "description": "Competence ladder only: when in the internship",
            },
        },
        "additionalProperties": False,
    },
    "Recommendation": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "section": {"type": "string"},
            "own": {
                "type": "boolean",
                "description": "Our own advice; `section` is then related reading, not its source",
            },
            "source": {
                "type": "string",
                "nullable": True,
                "description": "Literature the advice comes from, when not the handbook",
            },
            "title": {"type": "string"},
            "text": {"type": "string"},
            "section_title": {"type": "string"},
            "url": {"type": "string"},
        },
    },
    "Result": {
        "type": "object",
        "properties": {
            "token": {"type": "string"},
            "questionnaire": {"type": "string"},
            "version": {"type": "integer"},
            "lang": {"type": "string"},
            "created": {"type": "string", "format": "date-time"},
            "answers": {"type": "object"},
            "scores": {
                "type": "object",
                "additionalProperties": {"type": "number", "nullable": True},
            },
            "profile": {
                "type": "object",
                "description": "Class per classification; leadership adds style lists",
                "additionalProperties": {
                    "nullable": True,
                    "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                },
            },
            "perspective": {"type": "string", "nullable": True},
            "phase": {"type": "string", "nullable": True},
            "recommendations": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Recommendation"},
            },
            "result_url": {"type": "string"},
        },
    },
    "Created": {
        "type": "object",
        "properties": {
            "token": {"type": "string"},
            "result_url": {"type": "string"},
            "result": {"$ref": "#/components/schemas/Result"},
        },
    },
}
