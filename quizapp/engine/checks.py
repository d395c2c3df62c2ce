"""Checks across a whole questionnaire: references, score ranges, cut points, kind rules."""

from __future__ import annotations

import itertools
from collections import Counter

from .schema import Condition, Handbook, Questionnaire, Scale

INTEGER_METHODS = {"rank_sum", "count", "points", "count_points", "difference", "count_value"}


def score_range(q: Questionnaire, scale_id: str) -> tuple[float, float]:
    """Return the lowest and highest value a scale can take."""
    scale = q.scale(scale_id)
    if scale is None:
        raise KeyError(scale_id)
    if scale.method == "rank_sum":
        n = sum(1 for i in scale_items(q, scale) if i.kind == "rank" and _keys(i, scale.id))
        return n * min(q.rank_points or (0,)), n * max(q.rank_points or (0,))
    if scale.method == "count":
        n = sum(1 for i in scale_items(q, scale) if i.kind == "choice" and _keys(i, scale.id))
        return 0, n
    if scale.method == "points":
        items = [i for i in scale_items(q, scale) if i.kind == "choice"]
        lo = sum(min(o.points or 0 for o in i.options) for i in items)
        hi = sum(max(o.points or 0 for o in i.options) for i in items)
        return lo, hi
    if scale.method == "count_points":
        items = [i for i in scale_items(q, scale) if i.kind == "choice"]
        return 0, sum(1 for i in items if any(o.points in scale.with_points for o in i.options))
    if scale.method == "mean":
        values = [o.value for i in scale_items(q, scale) for o in i.options if o.value is not None]
        return (min(values), max(values)) if values else (0, 0)
    if scale.method == "count_value":
        items = scale_items(q, scale)
        return 0, sum(1 for i in items if i.kind == "stage" or any(o.value for o in i.options))
    if scale.method == "difference":
        a_lo, a_hi = score_range(q, scale.of[0])
        b_lo, b_hi = score_range(q, scale.of[1])
        return a_lo - b_hi, a_hi - b_lo
    return 0.0, 1.0


def scale_items(q: Questionnaire, scale: Scale) -> tuple:
    """Return the items a scale counts: those of its part and with its tag, if it names them."""
    items = q.part(scale.part).items if scale.part and q.part(scale.part) else q.items
    return tuple(i for i in items if scale.tag is None or scale.tag in i.tags)


def _keys(item, scale_id: str) -> bool:
    return any(o.scale == scale_id for o in item.options)


def check_questionnaire(q: Questionnaire, handbook: Handbook | None = None) -> list[str]:
    """Return every problem found across the questionnaire; empty when it is sound."""
    problems: list[str] = []
    problems += _check_ids(q)
    if not q.scales and q.kind not in ("checklist", "evaluation"):
        problems.append("scales: give at least one scale")
    if q.coordinator is not None and q.kind != "evaluation":
        problems.append("coordinator: only an evaluation has the coordinator's wording")
    problems += _check_items(q)
    problems += _check_scales(q)
    if not problems:
        problems += _check_classifications(q)
    problems += _check_recommendations(q, handbook)
    if handbook is not None:
        for section in q.model.handbook:
            if handbook.section(section) is None:
                problems.append(f"model: unknown handbook section {section}")
    kind_check = KIND_CHECKS.get(q.kind)
    if kind_check and not problems:
        problems += kind_check(q)
    return problems


def _dupes(ids) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def _check_ids(q: Questionnaire) -> list[str]:
    problems = [f"item {i}: duplicate item id" for i in _dupes(i.id for i in q.items)]
    problems += [f"part {p}: duplicate part id" for p in _dupes(p.id for p in q.parts)]
    problems += [f"scale {s}: duplicate scale id" for s in _dupes(s.id for s in q.scales)]
    problems += [f"tag {t}: duplicate tag id" for t in _dupes(t.id for t in q.tags)]
    problems += [
        f"classification {c}: duplicate classification id"
        for c in _dupes(c.id for c in q.classifications)
    ]
    problems += [
        f"recommendation {r}: duplicate recommendation id"
        for r in _dupes(r.id for r in q.recommendations)
    ]
    return problems


def _check_items(q: Questionnaire) -> list[str]:
    problems = []
    scale_ids = {s.id for s in q.scales}
    tag_ids = {t.id for t in q.tags}
    points_scales = any(s.method == "points" for s in q.scales)
    for item in q.items:
        for tag in item.tags:
            if tag not in tag_ids:
                problems.append(f"item {item.id}: unknown tag {tag}")
        if item.kind == "rank":
            if q.rank_points is None:
                problems.append(f"item {item.id}: rank item but the file has no rank_points")
            elif len(item.options) != len(q.rank_points):
                problems.append(
                    f"item {item.id}: {len(item.options)} options to rank,"
                    f" rank_points has {len(q.rank_points)}"
                )
        if item.kind == "stage":
            problems += _check_stage_item(q, item)
            continue
        if item.kind == "text" and q.kind != "evaluation":
            problems.append(f"item {item.id}: text items belong to evaluation files")
        if q.kind in ("checklist", "evaluation"):
            continue  # valued options without scales: see _check_checklist, _check_evaluation
        for option in item.options:
            where = f"item {item.id} option {option.id}"
            if option.scale is None:
                problems.append(f"{where}: option without a scale")
            elif option.scale not in scale_ids:
                problems.append(f"{where}: unknown scale {option.scale}")
            if item.kind == "rank" and option.points is not None:
                problems.append(f"{where}: points belong to choice items, not rank items")
            if item.kind == "choice" and points_scales and option.points is None:
                problems.append(f"{where}: option without points")
        if item.kind == "rank":
            for scale in _dupes(o.scale for o in item.options):
                problems.append(f"item {item.id}: scale {scale} keyed by two options")
    return problems


def _check_stage_item(q: Questionnaire, item) -> list[str]:
    problems = []
    values = [o.value for o in item.options]
    stages = [s.value for s in q.stages]
    if None in values or sorted(values) != sorted(stages) or not stages:
        problems.append(
            f"item {item.id}: a stage item has one option for each stage"
            f" {', '.join(map(str, stages)) or '(the file defines no stages)'}"
        )
    for option in item.options:
        if option.scale is not None or option.points is not None:
            problems.append(
                f"item {item.id} option {option.id}: stage options have no scale or points"
            )
        if q.mentor is not None and option.text_mentor is None:
            problems.append(f"item {item.id} option {option.id}: no mentor wording")
    return problems


def _check_scales(q: Questionnaire) -> list[str]:
    problems = []
    ids = [s.id for s in q.scales]
    for n, scale in enumerate(q.scales):
        where = f"scale {scale.id}"
        if scale.method == "difference":
            for ref in scale.of:
                if ref not in ids[:n]:
                    problems.append(f"{where}: `of` names {ref}, not a scale defined above it")
        part = q.part(scale.part) if scale.part else None
        if scale.part and part is None:
            problems.append(f"{where}: unknown part {scale.part}")
        rank_only = part is not None and all(i.kind == "rank" for i in part.items)
        if scale.method == "kendall_flexibility" and not (rank_only and len(part.items) >= 2):
            problems.append(f"{where}: part {scale.part} needs two or more rank items")
        if scale.tag and scale.tag not in {t.id for t in q.tags}:
            problems.append(f"{where}: unknown tag {scale.tag}")
        if scale.method == "count_points":
            given = {o.points for i in scale_items(q, scale) for o in i.options}
            for points in scale.with_points:
                if points not in given:
                    problems.append(f"{where}: no option has {points:+d} points")
        if (
            scale.method in {"rank_sum", "count"}
            and (scale.part is None or part)
            and not any(o.scale == scale.id for i in scale_items(q, scale) for o in i.options)
        ):
            problems.append(f"{where}: no option counts for this scale")
    return problems


def _check_classifications(q: Questionnaire) -> list[str]:
    problems = []
    for c in q.classifications:
        for axis in c.axes:
            where = f"classification {c.id} axis {axis.score}"
            scale = q.scale(axis.score)
            if scale is None:
                problems.append(f"{where}: unknown score")
                continue
            problems += _check_bands(where, axis.bands, score_range(q, scale.id), scale)
    return problems


def _check_bands(where, bands, limits, scale) -> list[str]:
    lo, hi = limits
    problems = []
    if bands[0].min is not None:
        problems.append(f"{where}: band {bands[0].id} is the first band and must have no min")
    if bands[-1].max is not None:
        problems.append(f"{where}: band {bands[-1].id} is the last band and must have no max")
    for band in bands:
        for name in ("min", "max"):
            value = getattr(band, name)
            if value is not None and not lo <= value <= hi:
                problems.append(
                    f"{where}: band {band.id} {name} {value:g} is out of range {lo:g}..{hi:g}"
                )
    for prev, nxt in itertools.pairwise(bands):
        if prev.max is None or nxt.min is None:
            problems.append(f"{where}: bands {prev.id} and {nxt.id} need max and min between them")
        elif scale.method in INTEGER_METHODS and nxt.min != prev.max + 1:
            problems.append(
                f"{where}: band {nxt.id} min {nxt.min:g} must follow band {prev.id}"
                f" max {prev.max:g} by one (whole-number score)"
            )
        elif nxt.min <= prev.max:
            problems.append(f"{where}: bands {prev.id} and {nxt.id} overlap")
    return problems


def _check_recommendations(q: Questionnaire, handbook: Handbook | None) -> list[str]:
    problems = []
    if handbook is not None:
        for stage in q.stage_advice:
            for advice in stage.advice:
                if handbook.section(advice.section) is None:
                    problems.append(
                        f"stage_advice {stage.stage}: unknown handbook section {advice.section}"
                    )
        for advice in q.comparison_advice:
            if handbook.section(advice.section) is None:
                problems.append(
                    f"comparison_advice {advice.id}: unknown handbook section {advice.section}"
                )
    for part in q.parts:
        for n, rule in enumerate(part.agenda, start=1):
            if handbook is not None and handbook.section(rule.section) is None:
                problems.append(f"part {part.id} agenda rule {n}: unknown handbook section")
    for rec in q.recommendations:
        where = f"recommendation {rec.id}"
        if handbook is not None and handbook.section(rec.section) is None:
            problems.append(f"{where}: unknown handbook section {rec.section}")
        if rec.when is not None:
            problems += [f"{where}: {p}" for p in _check_condition(q, rec.when)]
    return problems


def _check_condition(q: Questionnaire, cond: Condition) -> list[str]:
    problems = []
    for score in (cond.score, cond.answered):
        if score is not None and q.scale(score) is None:
            problems.append(f"condition names unknown score {score}")
    if cond.rarely_used is not None:
        scale = q.scale(cond.rarely_used)
        if q.kind != "leadership" or scale is None or scale.method != "count":
            problems.append(
                f"condition rarely_used names {cond.rarely_used}, not a style of a leadership file"
            )
    if cond.class_ is not None:
        c = q.classification(cond.class_)
        if c is None:
            problems.append(f"condition names unknown classification {cond.class_}")
        else:
            known = {cls.id for cls in c.classes}
            problems += [
                f"condition names unknown class {x} of {c.id}" for x in cond.in_ if x not in known
            ]
    for sub in (cond.all or ()) + (cond.any or ()) + ((cond.not_,) if cond.not_ else ()):
        problems += _check_condition(q, sub)
    return problems


def _check_learning_style(q: Questionnaire) -> list[str]:
    """Every rank item keys each rank_sum scale exactly once."""
    problems = []
    modes = {s.id for s in q.scales if s.method == "rank_sum"}
    for item in q.items:
        keyed = {o.scale for o in item.options}
        if item.kind != "rank" or keyed != modes:
            problems.append(
                f"item {item.id}: a learning-style item ranks one option for each of"
                f" {', '.join(sorted(modes))}"
            )
    return problems


def _check_leadership(q: Questionnaire) -> list[str]:
    """Each item is one development level with points +2/+1/-1/-2; the key is balanced."""
    problems = []
    styles = [s.id for s in q.scales if s.method == "count"]
    best = Counter()
    per_tag = Counter()
    for item in q.items:
        where = f"item {item.id}"
        if item.kind != "choice":
            problems.append(f"{where}: a leadership item is a choice item")
            continue
        if len(item.tags) != 1:
            problems.append(f"{where}: needs exactly one development-level tag")
        else:
            per_tag[item.tags[0]] += 1
        if sorted(o.scale for o in item.options) != sorted(styles):
            problems.append(f"{where}: needs one option for each style {', '.join(styles)}")
        if sorted(o.points or 0 for o in item.options) != [-2, -1, 1, 2]:
            problems.append(f"{where}: option points must be +2, +1, -1 and -2")
        else:
            best[next(o.scale for o in item.options if o.points == 2)] += 1
    if not problems:
        counts = {s: best[s] for s in styles}
        if len(set(counts.values())) != 1:
            problems.append(
                "key: each style must be the +2 answer equally often; now "
                + ", ".join(f"{s} {n}" for s, n in counts.items())
            )
        tag_counts = {t.id: per_tag[t.id] for t in q.tags}
        if len(set(tag_counts.values())) != 1:
            problems.append(
                "tags: each development level must describe equally many situations; now "
                + ", ".join(f"{t} {n}" for t, n in tag_counts.items())
            )
    return problems


def _check_competence_ladder(q: Questionnaire) -> list[str]:
    """Stage items only, stages 1..n with advice for each, no score id that is an item id."""
    problems = [
        f"item {i.id}: a competence ladder has stage items only"
        for i in q.items
        if i.kind != "stage"
    ]
    values = [s.value for s in q.stages]
    if values != list(range(1, len(values) + 1)) or len(values) < 2:
        problems.append("stages: values must run 1, 2, 3 ... in order")
    advised = sorted(a.stage for a in q.stage_advice)
    if advised != values:
        problems.append(f"stage_advice: give advice for each stage {values}, now {advised}")
    if q.mentor is None:
        problems.append("mentor: a competence ladder needs the mentor's wording")
    if q.comparison is None:
        problems.append(
            "comparison: a competence ladder needs `comparison` (title, differ_by, source)"
        )
    elif q.comparison.differ_by > len(values) - 1:
        problems.append(
            f"comparison: differ_by {q.comparison.differ_by} is more than the ladder's"
            f" {len(values) - 1} steps"
        )
    item_ids = {i.id for i in q.items}
    problems += [f"scale {s.id}: the id is also an item id" for s in q.scales if s.id in item_ids]
    return problems


def _check_checklist(q: Questionnaire) -> list[str]:
    """Choice items with a value and both wordings per option; agenda rules within the values.

    Trainee and mentor both answer a checklist, each in their own wording, so the pair of
    answers can be put on an agenda (engine/checklist.py).
    """
    problems = []
    if q.mentor is None or q.mentor.about != "self":
        problems.append("mentor: a checklist needs the mentor's wording, about: self")
    for part in q.parts:
        values = set()
        for item in part.items:
            where = f"item {item.id}"
            if item.kind != "choice":
                problems.append(f"{where}: a checklist has choice items only")
                continue
            for option in item.options:
                if option.value is None or option.text_mentor is None:
                    problems.append(
                        f"{where} option {option.id}: needs a value and a mentor's wording"
                    )
                if option.scale is not None or option.points is not None:
                    problems.append(f"{where} option {option.id}: no scale or points here")
            item_values = [o.value for o in item.options]
            if len(set(item_values)) != len(item_values):
                problems.append(f"{where}: two options with the same value")
            values.update(v for v in item_values if v is not None)
        for n, rule in enumerate(part.agenda, start=1):
            for who in ("trainee", "mentor"):
                limits = getattr(rule, who)
                for limit in (limits.min, limits.max):
                    if limit is not None and values and not min(values) <= limit <= max(values):
                        problems.append(
                            f"part {part.id} agenda rule {n}: {who} limit {limit} is outside"
                            f" the values {min(values)}..{max(values)}"
                        )
    return problems


def _check_evaluation(q: Questionnaire) -> list[str]:
    """One point per part: a rating and at most one comment; every reader's wording.

    The rating is a choice item whose options carry distinct values (higher: better), except
    one option at most without a value ("cannot say"), which counts as no rating. Trainee,
    mentor (`about: self`) and coordinator each answer for themselves.
    """
    problems = []
    if q.mentor is None or q.mentor.about != "self":
        problems.append("mentor: an evaluation needs the mentor's wording, about: self")
    if q.coordinator is None:
        problems.append("coordinator: an evaluation needs the coordinator's wording")
    if q.scales or q.classifications or q.recommendations:
        problems.append("an evaluation has no scales, classifications or recommendations")
    for part in q.parts:
        ratings = [i for i in part.items if i.kind == "choice"]
        texts = [i for i in part.items if i.kind == "text"]
        if len(ratings) != 1 or len(texts) > 1 or len(ratings) + len(texts) != len(part.items):
            problems.append(
                f"part {part.id}: an evaluation point has one choice item (the rating) and at"
                " most one text item (the comment)"
            )
            continue
        rating = ratings[0]
        values = [o.value for o in rating.options if o.value is not None]
        if len(values) < 2 or len(set(values)) != len(values):
            problems.append(f"item {rating.id}: the rating needs two or more distinct values")
        if len(rating.options) - len(values) > 1:
            problems.append(f"item {rating.id}: at most one option without a value (cannot say)")
        for option in rating.options:
            if option.scale is not None or option.points is not None:
                problems.append(f"item {rating.id} option {option.id}: no scale or points here")
    return problems


KIND_CHECKS = {
    "checklist": _check_checklist,
    "evaluation": _check_evaluation,
    "learning-style": _check_learning_style,
    "leadership": _check_leadership,
    "competence-ladder": _check_competence_ladder,
}
