"""The statistics module, against values worked out by hand."""

import math
import random
import statistics
from collections import Counter
from fractions import Fraction

import pytest

from quizapp.stats import (
    Running,
    binomial,
    bootstrap_interval,
    mean,
    midranks,
    multinomial,
    pairs_table,
    pearson,
    quantile,
    sd,
    spearman,
    spearman_brown,
    terciles,
    weighted_kappa,
    weighted_kappa_table,
)


def test_weighted_kappa_by_hand():
    # Six pairs on three categories. Observed table (rows rater A, columns rater B):
    #   [1 1 0]      row totals: 2 2 2     column totals: 1 4 1
    #   [0 2 0]
    #   [0 1 1]
    # Linear: observed disagreement = (1 + 1) / 6 = 1/3; expected = Σ |i-j| r_i c_j / 36
    # = (2*4 + 2*2*1 + 2*1 + 2*1 + 2*2*1 + 2*4) / 36 = 28/36, so kappa = 1 - 12/28 = 4/7.
    pairs = [(0, 0), (0, 1), (1, 1), (2, 2), (2, 1), (1, 1)]
    assert weighted_kappa(pairs, 3, "linear") == pytest.approx(float(Fraction(4, 7)))
    # Quadratic: observed = 2/6; expected = (8 + 4*2*1 + 2 + 2 + 4*2*1 + 8) / 36 = 1,
    # so kappa = 1 - 1/3 = 2/3.
    assert weighted_kappa(pairs, 3) == pytest.approx(float(Fraction(2, 3)))


def test_weighted_kappa_perfect_and_undefined():
    assert weighted_kappa([(0, 0), (1, 1), (3, 3)], 4) == 1.0
    assert weighted_kappa([], 4) is None
    assert weighted_kappa([(2, 2), (2, 2)], 4) is None  # one category only: no chance model
    with pytest.raises(ValueError, match="out of range"):
        weighted_kappa([(0, 4)], 4)


def test_weighted_kappa_of_a_table_is_that_of_its_pairs():
    pairs = [(0, 0), (0, 1), (1, 1), (2, 2), (2, 1), (1, 1)]
    table = {(0, 0): 1, (0, 1): 1, (1, 1): 2, (2, 2): 1, (2, 1): 1}
    assert weighted_kappa_table(table, 3, "linear") == weighted_kappa(pairs, 3, "linear")
    assert weighted_kappa_table({}, 3) is None


def test_mean_and_sample_sd_by_hand_and_against_the_statistics_module():
    # mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32, divided by n - 1 = 7
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    assert mean(values) == 5
    assert sd(values) == pytest.approx(math.sqrt(32 / 7))
    rng = random.Random(4)
    floats = [rng.gauss(3.5, 2.0) for _ in range(500)]
    running = Running()
    for value in floats:
        running.add(value)
    assert running.mean == pytest.approx(statistics.fmean(floats))
    assert running.sd == pytest.approx(statistics.stdev(floats))
    assert (running.low, running.high) == (min(floats), max(floats))
    assert mean([]) is None
    assert sd([]) is None
    assert sd([3]) is None  # one value has no spread
    assert sd([3, 3]) == 0


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        # h = (n - 1)·p: 1..10 at 1/3 gives h = 3, the 4th value; at 2/3 h = 6, the 7th
        (range(1, 11), 1 / 3, 4),
        (range(1, 11), 2 / 3, 7),
        # 1..4 at 1/2: h = 1.5, halfway between 2 and 3
        (range(1, 5), 1 / 2, 2.5),
        # ties: 0 0 0 1 5 at 1/3: h = 4/3, a third of the way from 0 to 1
        ([0, 0, 0, 1, 5], 1 / 3, 0),
        ([0, 0, 0, 1, 5], 2 / 3, Fraction(2, 3)),
        ([7], 0.3, 7),
        (range(1, 5), 0, 1),
        (range(1, 5), 1, 4),
    ],
)
def test_quantile_by_hand(values, p, expected):
    assert quantile(Counter(values), p) == pytest.approx(float(expected))


def test_terciles_match_the_statistics_module_inclusive_method():
    rng = random.Random(7)
    for n in (2, 3, 10, 99, 100, 1001):
        values = [rng.randint(-36, 36) for _ in range(n)]
        assert terciles(Counter(values)) == pytest.approx(
            tuple(statistics.quantiles(values, n=3, method="inclusive"))
        )
    assert terciles({}) is None
    with pytest.raises(ValueError, match=r"0\.\.1"):
        quantile({1: 1}, 1.5)


def test_pearson_by_hand_and_against_the_statistics_module():
    # means 2 and 2; deviations (-1, -1), (0, 1), (1, 0): Sxy = 1, Sxx = Syy = 2, r = 1/2
    assert pearson(pairs_table([1, 2, 3], [1, 3, 2])) == pytest.approx(0.5)
    assert pearson(pairs_table([1, 2, 3], [2, 4, 6])) == 1.0
    assert pearson({(1, 5): 3, (2, 3): 3}) == -1.0  # counts weigh the pairs
    rng = random.Random(2)
    xs = [rng.randint(-18, 18) for _ in range(300)]
    ys = [x + rng.randint(-9, 9) for x in xs]
    assert pearson(pairs_table(xs, ys)) == pytest.approx(statistics.correlation(xs, ys))
    assert pearson({(1, 2): 1}) is None  # one pair
    assert pearson(pairs_table([1, 1, 1], [1, 2, 3])) is None  # x does not vary
    with pytest.raises(ValueError, match="length"):
        pairs_table([1, 2], [1])


def test_spearman_by_hand_with_ties():
    # x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4: Sxy = 4.5, Sxx = 4.5, Syy = 5: r = 3/√10
    assert spearman(pairs_table([1, 2, 2, 3], [1, 3, 2, 4])) == pytest.approx(3 / math.sqrt(10))
    # a monotone but curved relation has rank correlation 1
    assert spearman(pairs_table([1, 2, 3, 4], [1, 4, 9, 100])) == pytest.approx(1.0)
    assert midranks({5: 2, 1: 1, 9: 3}) == {1: 1, 5: 2.5, 9: 5}
    assert spearman({(1, 1): 5}) is None


@pytest.mark.parametrize(
    ("r", "factor", "expected"),
    [(0.5, 2, Fraction(2, 3)), (0.6, 2, 0.75), (0.0, 2, 0), (0.5, 3, 0.75), (-0.2, 2, -0.5)],
)
def test_spearman_brown_by_hand(r, factor, expected):
    assert spearman_brown(r, factor) == pytest.approx(float(expected))


def test_spearman_brown_undefined():
    assert spearman_brown(None) is None
    assert spearman_brown(-1.0) is None  # 2·(-1) / 0


def _chi_square(draws: Counter, n: int, p: float) -> tuple[float, int]:
    """Pearson's chi-square of binomial draws against the exact probabilities, with cells
    of expected count below 5 pooled into their neighbours; (statistic, degrees of freedom)."""
    total = sum(draws.values())
    cells, observed, expected = [], 0, 0.0
    for k in range(n + 1):
        observed += draws.get(k, 0)
        log_pmf = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
        expected += total * math.exp(log_pmf + k * math.log(p) + (n - k) * math.log(1 - p))
        if expected >= 5:
            cells.append((observed, expected))
            observed, expected = 0, 0.0
    last_o, last_e = cells.pop()
    cells.append((last_o + observed, last_e + expected))
    return sum((o - e) ** 2 / e for o, e in cells), len(cells) - 1


# chi-square at the 0.999 level for 1..60 degrees of freedom is below 3·df + 11
@pytest.mark.parametrize(("n", "p"), [(1, 0.3), (20, 0.3), (30, 0.9), (200, 0.2), (1500, 0.45)])
def test_binomial_draws_follow_the_exact_distribution(n, p):
    rng = random.Random(11)
    draws = Counter(binomial(rng, n, p) for _ in range(20_000))
    assert min(draws) >= 0
    assert max(draws) <= n
    chi2, df = _chi_square(draws, n, p)
    assert chi2 < 3 * df + 11
    values = list(draws.elements())
    assert statistics.fmean(values) == pytest.approx(n * p, rel=0.02, abs=0.02)
    assert statistics.variance(values) == pytest.approx(n * p * (1 - p), rel=0.05)


def test_binomial_edges():
    rng = random.Random(1)
    assert binomial(rng, 10, 0.0) == 0
    assert binomial(rng, 10, 1.0) == 10
    assert binomial(rng, 0, 0.5) == 0
    with pytest.raises(ValueError, match=r"0\.\.1"):
        binomial(rng, 3, 1.5)


def test_multinomial_counts_add_up_and_follow_the_weights():
    rng = random.Random(3)
    totals = [0, 0, 0, 0]
    for _ in range(2000):
        counts = multinomial(rng, 100, [1, 0, 3, 6])
        assert sum(counts) == 100
        assert counts[1] == 0  # a cell with no weight is never drawn
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
    assert [t / 200_000 for t in totals] == pytest.approx([0.1, 0, 0.3, 0.6], abs=0.005)
    assert multinomial(rng, 7, [5]) == [7]


def _mean_of_table(table):
    n = sum(table.values())
    return sum(v * c for v, c in table.items()) / n


def test_bootstrap_interval_of_a_mean_matches_the_normal_theory_interval():
    # An independent check: for the mean of 2,000 values the percentile interval is close to
    # mean ± 1.96·SD/√n.
    rng = random.Random(5)
    values = [rng.randint(-36, 36) for _ in range(2000)]
    low, high = bootstrap_interval(Counter(values), _mean_of_table)
    half = 1.959964 * statistics.stdev(values) / math.sqrt(len(values))
    centre = statistics.fmean(values)
    assert low == pytest.approx(centre - half, abs=0.12 * half)
    assert high == pytest.approx(centre + half, abs=0.12 * half)


def test_bootstrap_interval_is_reproducible_and_honest_about_undefined_values():
    table = Counter([1, 2, 2, 3, 5, 8, 8, 9])
    first = bootstrap_interval(table, _mean_of_table, resamples=200)
    assert first == bootstrap_interval(dict(reversed(table.items())), _mean_of_table, 200)
    assert first != bootstrap_interval(table, _mean_of_table, resamples=200, seed=14)
    assert first[0] < _mean_of_table(table) < first[1]
    assert bootstrap_interval({4: 10}, _mean_of_table, resamples=50) == (4, 4)
    assert bootstrap_interval({}, _mean_of_table) is None
    assert bootstrap_interval(table, lambda t: None, resamples=50) is None
