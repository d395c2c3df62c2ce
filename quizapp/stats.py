"""Small, pure statistics for cohorts and for the psychometrics report.

No numpy: the samples are small (a cohort, a few thousand responses) and these functions are
short enough to read and check by hand. Each returns None when the statistic is undefined for
the data it is given, never a number that looks meaningful but is not.
"""

from __future__ import annotations

from collections.abc import Sequence

WEIGHTS = ("linear", "quadratic")


def weighted_kappa(
    pairs: Sequence[tuple[int, int]], categories: int, weights: str = "quadratic"
) -> float | None:
    """Cohen's weighted kappa (Cohen 1968) for two raters on an ordinal scale 0..categories-1.

    `pairs` holds one (rater A, rater B) pair per rated thing. The disagreement weight of two
    ratings i and j is |i - j| ("linear") or (i - j)² ("quadratic"). Kappa is
    1 - Σ w·observed / Σ w·expected, where the expected proportions come from each rater's own
    marginal totals. It is undefined (None) without pairs or when the expected disagreement is
    zero (both raters always chose one and the same category).
    """
    if weights not in WEIGHTS:
        raise ValueError(f"weights must be one of {WEIGHTS}, not {weights!r}")
    if categories < 2:
        raise ValueError("weighted kappa needs at least two categories")
    n = len(pairs)
    if n == 0:
        return None
    observed = [[0] * categories for _ in range(categories)]
    for a, b in pairs:
        if not (0 <= a < categories and 0 <= b < categories):
            raise ValueError(f"rating out of range 0..{categories - 1}: {(a, b)}")
        observed[a][b] += 1
    rows = [sum(observed[i]) for i in range(categories)]
    cols = [sum(observed[i][j] for i in range(categories)) for j in range(categories)]
    power = 1 if weights == "linear" else 2
    disagreement_observed = 0.0
    disagreement_expected = 0.0
    for i in range(categories):
        for j in range(categories):
            w = abs(i - j) ** power
            disagreement_observed += w * observed[i][j] / n
            disagreement_expected += w * rows[i] * cols[j] / (n * n)
    if disagreement_expected == 0:
        return None
    return 1 - disagreement_observed / disagreement_expected
