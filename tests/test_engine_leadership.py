"""The leadership questionnaire scored on hand-computed answer sets."""

from __future__ import annotations

import pytest

from quizapp.engine import check_answers, score
from quizapp.engine.leadership import best_fit, readiness_matrix

from .helpers import best_fit_answers, leadership_answers

# Readiness of each situation in the shipped file: R1 sit01/06/09, R2 sit04/08/11,
# R3 sit02/05/12, R4 sit03/07/10.
TAGS = {
    "sit01": "R1",
    "sit02": "R3",
    "sit03": "R4",
    "sit04": "R2",
    "sit05": "R3",
    "sit06": "R1",
    "sit07": "R4",
    "sit08": "R2",
    "sit09": "R1",
    "sit10": "R4",
    "sit11": "R2",
    "sit12": "R3",
}


@pytest.fixture
def q(library):
    return library.questionnaires["leadership-styles"]


def by_readiness(q, styles: dict[str, str]) -> list[str]:
    """One style per item, chosen by the item's readiness level."""
    return [styles[item.tags[0]] for item in q.items]


def test_readiness_levels_as_documented(q):
    assert {i.id: i.tags[0] for i in q.items} == TAGS


def test_key(q):
    assert best_fit(q) == {"R1": "S1", "R2": "S2", "R3": "S3", "R4": "S4"}


def test_all_best_fit_answers(q):
    result = score(q, best_fit_answers(q))
    assert result.scores == {
        "S1": 3,
        "S2": 3,
        "S3": 3,
        "S4": 3,
        "adaptability": 24,
        "adaptability-R1": 6,
        "adaptability-R2": 6,
        "adaptability-R3": 6,
        "adaptability-R4": 6,
    }
    assert result.profile == {
        "adaptability-band": "high",
        "primary": ["S1", "S2", "S3", "S4"],
        "secondary": [],
        "rarely_used": [],
        "unused": [],
    }
    assert [r.id for r in result.recommendations] == [
        "phases",
        "readiness-interview",
        "feedback",
        "culture",
        "conflicts",
    ]


def test_all_directing(q):
    # R1 +2, R2 +1, R3 -2, R4 -2 per situation, three situations each: 6 + 3 - 6 - 6 = -3.
    result = score(q, leadership_answers(q, "S1"))
    assert result.scores == {
        "S1": 12,
        "S2": 0,
        "S3": 0,
        "S4": 0,
        "adaptability": -3,
        "adaptability-R1": 6,
        "adaptability-R2": 3,
        "adaptability-R3": -6,
        "adaptability-R4": -6,
    }
    assert result.profile == {
        "adaptability-band": "low",
        "primary": ["S1"],
        "secondary": [],
        "rarely_used": ["S2", "S3", "S4"],
        "unused": ["S2", "S3", "S4"],
    }
    assert [r.id for r in result.recommendations] == [
        "phases",
        "readiness-interview",
        "feedback",
        "culture",
        "conflicts",
        "rare-S2",
        "rare-S3",
        "rare-S4",
        "experienced",
    ]


def test_all_delegating(q):
    # R1 -2, R2 -2, R3 +1, R4 +2: -6 - 6 + 3 + 6 = -3.
    result = score(q, leadership_answers(q, "S4"))
    assert result.scores["adaptability"] == -3
    assert [result.scores[f"adaptability-R{n}"] for n in range(1, 5)] == [-6, -6, 3, 6]
    ids = [r.id for r in result.recommendations]
    assert ids[5:] == ["rare-S1", "rare-S2", "rare-S3", "beginners"]


def test_tie_for_primary(q):
    # Coaching for R1 (+1) and R2 (+2), supporting for R3 (+2) and R4 (+1): 3 + 6 + 6 + 3 = 18.
    answers = leadership_answers(
        q, by_readiness(q, {"R1": "S2", "R2": "S2", "R3": "S3", "R4": "S3"})
    )
    result = score(q, answers)
    assert result.scores["adaptability"] == 18
    assert result.profile == {
        "adaptability-band": "high",
        "primary": ["S2", "S3"],
        "secondary": [],
        "rarely_used": ["S1", "S4"],
        "unused": ["S1", "S4"],
    }
    assert readiness_matrix(q, answers) == {
        "R1": {"S1": 0, "S2": 3, "S3": 0, "S4": 0},
        "R2": {"S1": 0, "S2": 3, "S3": 0, "S4": 0},
        "R3": {"S1": 0, "S2": 0, "S3": 3, "S4": 0},
        "R4": {"S1": 0, "S2": 0, "S3": 3, "S4": 0},
    }


def test_tie_for_secondary(q):
    styles = ["S1"] * 5 + ["S2"] * 3 + ["S3"] * 3 + ["S4"]
    result = score(q, leadership_answers(q, styles))
    assert result.profile["primary"] == ["S1"]
    assert result.profile["secondary"] == ["S2", "S3"]
    assert result.profile["rarely_used"] == ["S4"]
    assert result.profile["unused"] == []


@pytest.mark.parametrize(
    ("value", "band"),
    [(-24, "low"), (5, "low"), (6, "moderate"), (15, "moderate"), (16, "high"), (24, "high")],
)
def test_band_cut_points(q, value, band):
    from quizapp.engine.scoring import classify

    assert classify(q.classification("adaptability-band"), {"adaptability": value}) == band


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("z", "unknown_option"),
        (["a"], "not_an_option_id"),
        (2, "not_an_option_id"),
        (None, "not_an_option_id"),
    ],
)
def test_bad_choice_answers(q, answer, code):
    answers = best_fit_answers(q)
    answers["sit05"] = answer
    assert [(p.item, p.code) for p in check_answers(q, answers)] == [("sit05", code)]
