"""Small, pure statistics for cohorts and for the psychometrics report.

No numpy: the samples are small (a cohort, a few thousand responses) and these functions are
short enough to read and check by hand. Each returns None when the statistic is undefined for
the data it is given, never a number that looks meaningful but is not.

Most functions take a frequency table (`{value: count}`, or `{(x, y): count}` for pairs)
rather than a list: scores are small whole numbers, so a table of a million responses has a
few hundred cells, and a bootstrap resample of a table is one multinomial draw over its cells
(`bootstrap_interval`), whatever the number of responses.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import mul
from typing import TypeVar

WEIGHTS = ("linear", "quadratic")
# The weights of every trainee-mentor agreement the app shows (the programme's dashboard and the
# psychometrics report): the steps of the competence ladder are ordered stages, not equal
# distances on a measuring scale, which quadratic weights would assume (docs/programmes.md).
LADDER_WEIGHTS = "linear"

# The percentile bootstrap of the report: how many resamples, and the seed of its generator
# (any fixed number: the same data give the same interval on every run and machine).
RESAMPLES = 1000
SEED = 13
LEVEL = 0.95

Key = TypeVar("Key", bound=Hashable)


@dataclass
class Running:
    """Mean and sample standard deviation of a stream of numbers, in one pass (Welford 1962).

    Only the count, the mean and the sum of squared deviations are kept, so memory does not
    grow with the number of values.
    """

    n: int = 0
    _mean: float = 0.0
    _squares: float = 0.0
    low: float | None = None
    high: float | None = None

    def add(self, value: float) -> None:
        """Take one more value."""
        self.n += 1
        delta = value - self._mean
        self._mean += delta / self.n
        self._squares += delta * (value - self._mean)
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)

    @property
    def mean(self) -> float | None:
        """The mean, or None without values."""
        return self._mean if self.n else None

    @property
    def sd(self) -> float | None:
        """The sample standard deviation (divided by n - 1), or None below two values."""
        return math.sqrt(self._squares / (self.n - 1)) if self.n > 1 else None


def mean(values: Iterable[float]) -> float | None:
    """The arithmetic mean, or None without values."""
    return _running(values).mean


def sd(values: Iterable[float]) -> float | None:
    """The sample standard deviation (n - 1 in the denominator), or None below two values."""
    return _running(values).sd


def _running(values: Iterable[float]) -> Running:
    running = Running()
    for value in values:
        running.add(value)
    return running


def quantile(table: Mapping[float, int], p: float) -> float | None:
    """The p-quantile of the values counted in a frequency table, or None when it is empty.

    Definition 7 of Hyndman & Fan (1996), the default of R and numpy and Python's
    `statistics.quantiles(method="inclusive")`: with the n values sorted as x[0] .. x[n-1] and
    h = (n - 1)·p, the quantile is x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋ + 1] - x[⌊h⌋]). It runs from
    the smallest value (p = 0) to the largest (p = 1) and lies between two observed values.
    """
    if not 0 <= p <= 1:
        raise ValueError(f"p must lie in 0..1, not {p}")
    n = sum(table.values())
    if n == 0:
        return None
    h = (n - 1) * p
    below = math.floor(h)
    lower, upper = _order_statistics(table, below)
    return lower + (h - below) * (upper - lower)


def _order_statistics(table: Mapping[float, int], k: int) -> tuple[float, float]:
    """The values at sorted positions k and k + 1 (the last value twice at the end)."""
    seen = 0
    found = None
    for value in sorted(v for v, count in table.items() if count > 0):
        seen += table[value]
        if found is None and seen > k:
            found = value
        if found is not None and seen > k + 1:
            return found, value
    return found, found


def terciles(table: Mapping[float, int]) -> tuple[float, float] | None:
    """The two cut points that split the values into thirds (quantile 1/3 and 2/3)."""
    lower, upper = quantile(table, 1 / 3), quantile(table, 2 / 3)
    return None if lower is None else (lower, upper)


def pearson(table: Mapping[tuple[float, float], int]) -> float | None:
    """Pearson's correlation of the pairs counted in a table (`{(x, y): count}`).

    None below two pairs or when x or y does not vary. The sums run over the table's cells
    (C loops through `map`), so a bootstrap can call it a thousand times on a large table.
    """
    counts = list(table.values())
    n = sum(counts)
    if n < 2:
        return None
    # Shifting by one observed pair keeps the sums of squares small (exact for whole numbers).
    x0, y0 = next(iter(table))
    xs = [x - x0 for x, _ in table]
    ys = [y - y0 for _, y in table]
    cx = list(map(mul, counts, xs))
    cy = list(map(mul, counts, ys))
    sx, sy = sum(cx), sum(cy)
    sxx = sum(map(mul, cx, xs)) - sx * sx / n
    syy = sum(map(mul, cy, ys)) - sy * sy / n
    sxy = sum(map(mul, cx, ys)) - sx * sy / n
    if sxx <= 0 or syy <= 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def pairs_table(xs: Sequence[float], ys: Sequence[float]) -> Counter:
    """The frequency table of the pairs (xs[i], ys[i])."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    return Counter(zip(xs, ys, strict=True))


def midranks(table: Mapping[float, int]) -> dict[float, float]:
    """The rank of each value among all values counted, ties sharing their mean rank (1 = least)."""
    ranks = {}
    seen = 0
    for value in sorted(v for v, count in table.items() if count > 0):
        count = table[value]
        ranks[value] = seen + (count + 1) / 2
        seen += count
    return ranks


def spearman(table: Mapping[tuple[float, float], int]) -> float | None:
    """Spearman's rank correlation: Pearson's correlation of the midranks (ties averaged)."""
    xs: Counter = Counter()
    ys: Counter = Counter()
    for (x, y), c in table.items():
        xs[x] += c
        ys[y] += c
    rx, ry = midranks(xs), midranks(ys)
    ranked: Counter = Counter()
    for (x, y), c in table.items():
        ranked[rx[x], ry[y]] += c
    return pearson(ranked)


def spearman_brown(r: float | None, factor: float = 2) -> float | None:
    """The reliability of a test `factor` times as long as one whose reliability is r.

    With factor 2 it steps a correlation between two halves up to the whole test:
    2r / (1 + r) (Spearman 1910; Brown 1910). None when r is None or the result is undefined.
    """
    if r is None:
        return None
    denominator = 1 + (factor - 1) * r
    return None if denominator == 0 else factor * r / denominator


def weighted_kappa(
    pairs: Iterable[tuple[int, int]], categories: int, weights: str = "quadratic"
) -> float | None:
    """Cohen's weighted kappa (Cohen 1968) for two raters on an ordinal scale 0..categories-1.

    `pairs` holds one (rater A, rater B) pair per rated thing; see `weighted_kappa_table`.
    """
    return weighted_kappa_table(Counter(pairs), categories, weights)


def weighted_kappa_table(
    table: Mapping[tuple[int, int], int], categories: int, weights: str = "quadratic"
) -> float | None:
    """Cohen's weighted kappa of the pairs counted in a table (`{(a, b): count}`).

    The disagreement weight of two ratings i and j is |i - j| ("linear") or (i - j)²
    ("quadratic"). Kappa is 1 - Σ w·observed / Σ w·expected, where the expected proportions
    come from each rater's own marginal totals. It is undefined (None) without pairs or when
    the expected disagreement is zero (both raters always chose one and the same category).
    """
    if weights not in WEIGHTS:
        raise ValueError(f"weights must be one of {WEIGHTS}, not {weights!r}")
    if categories < 2:
        raise ValueError("weighted kappa needs at least two categories")
    observed = [[0] * categories for _ in range(categories)]
    for (a, b), count in table.items():
        if not (0 <= a < categories and 0 <= b < categories):
            raise ValueError(f"rating out of range 0..{categories - 1}: {(a, b)}")
        observed[a][b] += count
    n = sum(map(sum, observed))
    if n == 0:
        return None
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


def binomial(rng: random.Random, n: int, p: float) -> int:
    """A draw from the binomial distribution B(n, p), using only `rng.random()`.

    Exact, and fast for any n: with a mean n·p below 10, inversion (BINV, Kachitvichyanukul &
    Schmeiser 1988: walk up the distribution function until it passes one uniform number);
    otherwise Hörmann's (1993) transformed rejection with squeeze (BTRS), as ported from
    Python 3.12's `random.binomialvariate` (the app also runs on 3.11).
    """
    if n < 0:
        raise ValueError("n must be non-negative")
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must lie in 0..1")
    if p == 0.0 or n == 0:
        return 0
    if p == 1.0:
        return n
    if p > 0.5:
        return n - binomial(rng, n, 1.0 - p)
    if n * p < 10.0:
        ratio = p / (1.0 - p)
        pmf = (1.0 - p) ** n
        u = rng.random()
        k = 0
        while u > pmf and k < n:
            u -= pmf
            k += 1
            pmf *= ratio * (n - k + 1) / k
        return k
    spq = math.sqrt(n * p * (1.0 - p))
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    vr = 0.92 - 4.2 / b
    setup = None  # the constants of the full test, made when a draw first needs them
    while True:
        u = rng.random() - 0.5
        us = 0.5 - abs(u)
        k = math.floor((2.0 * a / us + b) * u + c)
        if k < 0 or k > n:
            continue
        v = rng.random()
        if us >= 0.07 and v <= vr:
            return k
        if setup is None:
            m = math.floor((n + 1) * p)
            setup = (
                (2.83 + 5.1 / b) * spq,
                math.log(p / (1.0 - p)),
                m,
                math.lgamma(m + 1) + math.lgamma(n - m + 1),
            )
        alpha, lpq, m, h = setup
        v *= alpha / (a / (us * us) + b)
        if math.log(v) <= h - math.lgamma(k + 1) - math.lgamma(n - k + 1) + (k - m) * lpq:
            return k


def multinomial(rng: random.Random, n: int, weights: Sequence[int]) -> list[int]:
    """How many of n draws (with replacement) fall on each of the cells, weighted by `weights`.

    Drawn as a chain of binomials: the first cell gets B(n, w1 / W), the next B(rest,
    w2 / (W - w1)), and so on; the counts have exactly the multinomial distribution.
    """
    counts = []
    rest_n, rest_w = n, sum(weights)
    for w in weights:
        drawn = binomial(rng, rest_n, w / rest_w) if rest_n and rest_w else 0
        counts.append(drawn)
        rest_n -= drawn
        rest_w -= w
    return counts


def bootstrap_interval(
    table: Mapping[Key, int],
    statistic: Callable[[Mapping[Key, int]], float | None],
    resamples: int = RESAMPLES,
    level: float = LEVEL,
    seed: int = SEED,
) -> tuple[float, float] | None:
    """The percentile bootstrap interval of a statistic of the things counted in a table.

    Each resample draws as many things as the table holds, with replacement (Efron 1979): a
    multinomial draw of new counts for the table's cells, which is the same as drawing the
    things one by one. The interval runs between the (1 - level)/2 and (1 + level)/2
    quantiles of the resampled statistics (`quantile`, definition 7). The generator is
    `random.Random(seed)` and the cells are taken in sorted order, so the same table gives
    the same interval on every run. Resamples where the statistic is undefined are left out;
    when more than 5 % are, the interval is undefined (None), and so it is for an empty table.
    """
    cells = sorted(item for item in table.items() if item[1] > 0)
    n = sum(count for _, count in cells)
    if n == 0:
        return None
    keys = [key for key, _ in cells]
    weights = [count for _, count in cells]
    rng = random.Random(seed)
    values: Counter = Counter()
    for _ in range(resamples):
        drawn = multinomial(rng, n, weights)
        value = statistic({k: c for k, c in zip(keys, drawn, strict=True) if c})
        if value is not None:
            values[value] += 1
    if sum(values.values()) < 0.95 * resamples:
        return None
    tail = (1 - level) / 2
    return quantile(values, tail), quantile(values, 1 - tail)
