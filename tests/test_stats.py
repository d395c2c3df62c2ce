"""The statistics module, against values worked out by hand."""

from fractions import Fraction

import pytest

from quizapp.stats import weighted_kappa


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
