"""Questionnaire definitions as JSON, with texts in the current language."""

from __future__ import annotations

from ..engine import Questionnaire, score_range
from ..engine.schema import Condition
from ..i18n import qt
from ..library import minutes_for
from ..urls import external_url


def summary_data(q: Questionnaire) -> dict:
    """Return the short description of a questionnaire."""
    return {
        "id": q.id,
        "version": q.version,
        "kind": q.kind,
        "audience": q.audience,
        "minutes": minutes_for(q)["required"],
        "optional_minutes": minutes_for(q)["optional"],
        "title": qt(q.id, q.title),
        "summary": qt(q.id, q.summary),
        "url": external_url("api.questionnaire", qid=q.id),
        "form_url": external_url("quiz.start", qid=q.id),
    }


def definition_data(q: Questionnaire) -> dict:
    """Return a whole questionnaire: items, options with scales and points, scoring rules."""

    def t(text: str | None) -> str:
        return qt(q.id, text)

    data = summary_data(q)
    data.update(
        {
            "instructions": t(q.instructions),
            "model": {
                "name": t(q.model.name),
                "source": t(q.model.source),
                "handbook": list(q.model.handbook),
            },
            "rank_points": list(q.rank_points) if q.rank_points else None,
            "tags": [{"id": g.id, "name": t(g.name)} for g in q.tags],
            "parts": [
                {
                    "id": part.id,
                    "title": t(part.title),
                    "instructions": t(part.instructions),
                    "optional": part.optional,
                    "items": [
                        {
                            "id": item.id,
                            "kind": item.kind,
                            "stem": t(item.stem),
                            "tags": list(item.tags),
                            "options": [_option(q, o) for o in item.options],
                        }
                        for item in part.items
                    ],
                }
                for part in q.parts
            ],
            "scales": [_scale(q, s) for s in q.scales],
            "classifications": [
                {
                    "id": c.id,
                    "name": t(c.name),
                    "source": t(c.source),
                    "axes": [
                        {
                            "score": a.score,
                            "bands": [
                                {"id": b.id, "min": b.min, "max": b.max, "text": t(b.text) or None}
                                for b in a.bands
                            ],
                        }
                        for a in c.axes
                    ],
                    "classes": [
                        {"id": x.id, "bands": list(x.bands), "name": t(x.name)} for x in c.classes
                    ],
                }
                for c in q.classifications
            ],
            "recommendations": [
                {
                    "id": r.id,
                    "section": r.section,
                    "own": r.own,
                    "source": t(r.source) or None,
                    "title": t(r.title),
                    "when": _condition(r.when) if r.when else None,
                }
                for r in q.recommendations
            ],
        }
    )
    return data


def _option(q: Questionnaire, option) -> dict:
    data = {"id": option.id, "text": qt(q.id, option.text), "scale": option.scale}
    if option.points is not None:
        data["points"] = option.points
    return data


def _scale(q: Questionnaire, scale) -> dict:
    lo, hi = score_range(q, scale.id)
    data = {
        "id": scale.id,
        "method": scale.method,
        "name": qt(q.id, scale.name),
        "min": lo,
        "max": hi,
    }
    for key in ("of", "part", "tag", "with_points"):
        value = getattr(scale, key)
        if value is not None:
            data[key] = list(value) if isinstance(value, tuple) else value
    return data


def _condition(cond: Condition) -> dict:
    return cond.model_dump(by_alias=True, exclude_none=True)
