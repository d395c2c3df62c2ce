"""Extra profile for leadership questionnaires: style range, choices per development level."""

from __future__ import annotations

from .schema import Questionnaire


def style_ids(q: Questionnaire) -> list[str]:
    """Return the style scales (method count) in file order."""
    return [s.id for s in q.scales if s.method == "count"]


def style_profile(q: Questionnaire, scores: dict) -> dict:
    """Primary and secondary styles, and the styles used rarely or never.

    Ties are reported as lists: every style that shares the highest count is primary, every
    style that shares the next count is secondary. A style chosen no more than
    `rarely_used_max` times is rarely used; one never chosen is also listed as unused.
    """
    styles = style_ids(q)
    counts = sorted({scores[s] for s in styles}, reverse=True)
    primary = [s for s in styles if scores[s] == counts[0]]
    secondary = [s for s in styles if len(counts) > 1 and scores[s] == counts[1] and counts[1] > 0]
    limit = q.rarely_used_max if q.rarely_used_max is not None else 1
    return {
        "primary": primary,
        "secondary": secondary,
        "rarely_used": [s for s in styles if scores[s] <= limit],
        "unused": [s for s in styles if scores[s] == 0],
    }


def best_fit(q: Questionnaire) -> dict[str, str]:
    """Return the style that scores most points for each development-level tag."""
    fits: dict[str, str] = {}
    for item in q.items:
        best = max(item.options, key=lambda o: o.points or 0)
        for tag in item.tags:
            fits.setdefault(tag, best.scale)
    return fits


def readiness_matrix(q: Questionnaire, answers: dict) -> dict[str, dict[str, int]]:
    """Count the styles chosen for each development-level tag (D1..D4)."""
    matrix = {t.id: dict.fromkeys(style_ids(q), 0) for t in q.tags}
    for item in q.items:
        chosen = item.option(answers[item.id]) if item.id in answers else None
        if chosen is None:
            continue
        for tag in item.tags:
            matrix[tag][chosen.scale] += 1
    return matrix
