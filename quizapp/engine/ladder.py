"""Competence ladder: two ratings of the same trainee side by side."""

from __future__ import annotations

from .schema import Questionnaire
from .scoring import stage_value


def no_stage_meaning(q: Questionnaire, answer: object) -> str | None:
    """What an answer without a stage means: "not_observed", "not_applicable", or None.

    An answer with a stage means neither. An empty answer (null through the API) counts as
    not observed: nobody has rated it yet.
    """
    if stage_value(answer) is not None:
        return None
    option = next((n for n in q.no_rating if n.id == answer), None)
    return option.means if option is not None else "not_observed"


def comparison_flag(q: Questionnaire, own: object, mentor: object) -> str | None:
    """Whether one competence is a topic to talk about, and why.

    "differ": both gave a stage, `comparison.differ_by` or more steps apart;
    "not_applicable": one says it is not part of the internship and the other does not;
    "not_observed": one or both have not seen it yet; None: nothing to talk about, also when
    both agree that it is not part of the internship.
    """
    a, b = stage_value(own), stage_value(mentor)
    if a is not None and b is not None:
        return "differ" if abs(a - b) >= q.comparison.differ_by else None
    meanings = {no_stage_meaning(q, own), no_stage_meaning(q, mentor)} - {None}
    if meanings == {"not_applicable"}:
        return None if a is None and b is None else "not_applicable"
    if "not_applicable" in meanings:
        return "not_applicable"
    return "not_observed"


def compare_ratings(q: Questionnaire, own: dict, mentor: dict) -> list[dict]:
    """One row per competence: both answers, both stages (None without one) and the flag."""
    return [
        {
            "item": item,
            "self": stage_value(own.get(item.id)),
            "mentor": stage_value(mentor.get(item.id)),
            "self_answer": own.get(item.id),
            "mentor_answer": mentor.get(item.id),
            "flag": comparison_flag(q, own.get(item.id), mentor.get(item.id)),
        }
        for item in q.items
    ]
