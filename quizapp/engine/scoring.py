"""Check answers and score them: plain data in, plain data out."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .checks import scale_items
from .leadership import style_profile
from .schema import Condition, Item, Questionnaire, Recommendation

Score = int | float | None


@dataclass(frozen=True)
class Problem:
    """Something wrong with one answer; `code` names the kind of problem."""

    item: str | None
    code: str
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Return the problem as JSON-ready data."""
        return {"item": self.item, "code": self.code, **self.detail}


@dataclass(frozen=True)
class Result:
    """The scores, the class per classification and the recommendations that apply."""

    scores: dict[str, Score]
    profile: dict[str, object]
    recommendations: tuple[Recommendation, ...]


def check_item_answer(item: Item, answer: object, no_rating: tuple = ()) -> Problem | None:
    """Return the problem with one item's answer, or None when it is valid.

    A stage item takes a stage value, None, or the id of a `no_rating` option; a text item
    takes None or a text of at most `max_length` characters.
    """
    if item.kind == "text":
        if answer is None:
            return None
        if not isinstance(answer, str):
            return Problem(item.id, "not_text")
        if len(answer) > item.max_length:
            return Problem(item.id, "too_long", {"max_length": item.max_length})
        return None
    option_ids = [o.id for o in item.options]
    if item.kind == "stage":
        values = [o.value for o in item.options]
        if answer is None or (isinstance(answer, str) and answer in no_rating):
            return None
        if isinstance(answer, bool) or not isinstance(answer, int):
            return Problem(item.id, "not_a_stage", {"stages": values})
        if answer not in values:
            return Problem(item.id, "unknown_stage", {"stage": answer, "stages": values})
        return None
    if item.kind == "choice":
        if not isinstance(answer, str):
            return Problem(item.id, "not_an_option_id")
        if answer not in option_ids:
            return Problem(item.id, "unknown_option", {"option": answer})
        return None
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        return Problem(item.id, "not_a_ranking")
    unknown = [a for a in answer if a not in option_ids]
    if unknown:
        return Problem(item.id, "unknown_option", {"option": unknown[0]})
    if len(set(answer)) != len(answer):
        return Problem(item.id, "tied", {"option": next(a for a in answer if answer.count(a) > 1)})
    if len(answer) != len(option_ids):
        return Problem(item.id, "incomplete_ranking")
    return None


def check_answers(q: Questionnaire, answers: object) -> list[Problem]:
    """Return every problem with a full set of answers; empty when they can be scored."""
    if not isinstance(answers, dict):
        return [Problem(None, "answers_not_an_object")]
    known = {i.id for i in q.items}
    no_rating = tuple(n.id for n in q.no_rating)
    problems = [Problem(str(key), "unknown_item") for key in answers if key not in known]
    for part in q.parts:
        given = [i for i in part.items if i.id in answers and i.kind != "text"]
        if part.optional and not given:
            continue
        for item in part.items:
            if item.id not in answers and item.kind == "text":
                continue  # a comment may always be left out
            if item.id not in answers:
                code = "missing_in_optional_part" if part.optional else "missing"
                problems.append(Problem(item.id, code, {"part": part.id}))
            else:
                problem = check_item_answer(item, answers[item.id], no_rating)
                if problem:
                    problems.append(problem)
    return problems


def score(q: Questionnaire, answers: dict) -> Result:
    """Score valid answers (see `check_answers`) and classify them."""
    scores: dict[str, Score] = {
        item.id: stage_value(answers.get(item.id)) for item in q.items if item.kind == "stage"
    }
    for scale in q.scales:
        scores[scale.id] = _score_scale(q, scale, answers, scores)
    profile: dict[str, object] = {c.id: classify(c, scores) for c in q.classifications}
    if q.kind == "leadership":
        profile.update(style_profile(q, scores))
    recs = tuple(r for r in q.recommendations if r.when is None or holds(r.when, scores, profile))
    return Result(scores, profile, recs)


def scale_score(q: Questionnaire, scale_id: str, answers: dict) -> Score:
    """Score one scale of valid answers, and nothing else (a difference scores its two scales).

    The answers may leave items out, as when a reliability analysis scores half of the items.
    """
    scale = q.scale(scale_id)
    if scale is None:
        raise KeyError(scale_id)
    scores = {s: scale_score(q, s, answers) for s in scale.of or ()}
    return _score_scale(q, scale, answers, scores)


def _score_scale(q, scale, answers, scores) -> Score:
    items = scale_items(q, scale)
    if scale.method == "rank_sum":
        total = 0
        for item in items:
            ranking = answers.get(item.id) if item.kind == "rank" else None
            for position, option_id in enumerate(ranking or ()):
                if item.option(option_id).scale == scale.id:
                    total += q.rank_points[position]
        return total
    if scale.method in ("count", "points", "count_points"):
        total = 0
        for item in items:
            if item.kind != "choice" or item.id not in answers:
                continue
            option = item.option(answers[item.id])
            if scale.method == "points":
                total += option.points or 0
            elif scale.method == "count_points":
                total += option.points in scale.with_points
            elif option.scale == scale.id:
                total += 1
        return total
    if scale.method in ("mean", "count_value"):
        values = [answer_value(item, answers.get(item.id)) for item in items]
        rated = [v for v in values if v is not None]
        if scale.method == "count_value":
            return sum(1 for v in rated if v == scale.value)
        return round(sum(rated) / len(rated), 2) if rated else None
    if scale.method == "difference":
        a, b = (scores[s] for s in scale.of)
        return None if a is None or b is None else a - b
    rankings = [
        [item.option(option_id).scale for option_id in answers[item.id]]
        for item in items
        if item.id in answers
    ]
    if len(rankings) < 2:
        return None
    return round(1 - float(kendall_w(rankings)), 3)


def answer_value(item: Item, answer: object) -> int | None:
    """The value of an item's answer: its stage, or the `value` of the chosen option."""
    if item.kind == "stage":
        return stage_value(answer)
    if item.kind == "choice" and isinstance(answer, str):
        option = item.option(answer)
        return option.value if option is not None else None
    return None


def stage_value(answer: object) -> int | None:
    """Return the stage of a stage item's answer, or None when it has no stage."""
    return answer if isinstance(answer, int) and not isinstance(answer, bool) else None


def kendall_w(rankings: list[list[str]]) -> Fraction:
    """Kendall's W for p rankings of the same n things (1 = all rankings alike).

    Each ranking lists the things (here: the scales the chosen options key), first place
    first, so rankings of items whose options stand in different orders compare correctly.
    """
    p, n = len(rankings), len(rankings[0])
    totals: dict[str, int] = {}
    for ranking in rankings:
        for rank, thing in enumerate(ranking, start=1):
            totals[thing] = totals.get(thing, 0) + rank
    s = sum(t * t for t in totals.values())
    return Fraction(12 * s - 3 * p * p * n * (n + 1) ** 2, p * p * (n**3 - n))


def classify(classification, scores: dict[str, Score]) -> str | None:
    """Return the class id for these scores, or None when a score is missing."""
    bands = []
    for axis in classification.axes:
        value = scores.get(axis.score)
        if value is None:
            return None
        band = next((b.id for b in axis.bands if b.holds(value)), None)
        if band is None:
            return None
        bands.append(band)
    return next(c.id for c in classification.classes if list(c.bands) == bands)


def holds(cond: Condition, scores: dict[str, Score], profile: dict[str, object]) -> bool:
    """Tell whether a recommendation's condition holds for these scores and classes."""
    if cond.answered is not None and scores.get(cond.answered) is None:
        return False
    if cond.score is not None:
        value = scores.get(cond.score)
        if value is None:
            return False
        if cond.min is not None and value < cond.min:
            return False
        if cond.max is not None and value > cond.max:
            return False
    if cond.rarely_used is not None and cond.rarely_used not in profile.get("rarely_used", ()):
        return False
    if cond.class_ is not None and profile.get(cond.class_) not in cond.in_:
        return False
    if cond.all is not None and not all(holds(c, scores, profile) for c in cond.all):
        return False
    if cond.any is not None and not any(holds(c, scores, profile) for c in cond.any):
        return False
    return not (cond.not_ is not None and holds(cond.not_, scores, profile))
