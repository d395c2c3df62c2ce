"""The leadership questionnaire scored on hand-computed answer sets."""

from __future__ import annotations

import pytest

from quizapp.engine import check_answers, score
from quizapp.engine.leadership import best_fit, readiness_matrix
from quizapp.engine.scoring import classify

from .helpers import best_fit_answers, leadership_answers

# Development level of each situation in the shipped file (Blanchard's D1..D4; version 1 of the
# file called them R1..R4): D1 sit01/06/09, D2 sit04/08/11, D3 sit02/05/12, D4 sit03/07/10.
TAGS = {
    "sit01": "D1",
    "sit02": "D3",
    "sit03": "D4",
    "sit04": "D2",
    "sit05": "D3",
    "sit06": "D1",
    "sit07": "D4",
    "sit08": "D2",
    "sit09": "D1",
    "sit10": "D4",
    "sit11": "D2",
    "sit12": "D3",
}


@pytest.fixture
def q(library):
    return library.questionnaires["leadership-styles"]


def by_readiness(q, styles: dict[str, str]) -> list[str]:
    """One style per item, chosen by the item's development level."""
    return [styles[item.tags[0]] for item in q.items]


def test_readiness_levels_as_documented(q):
    assert {i.id: i.tags[0] for i in q.items} == TAGS


def test_key(q):
    assert best_fit(q) == {"D1": "S1", "D2": "S2", "D3": "S3", "D4": "S4"}


def scores_of(best, points, best_per_level, poor_per_level, counts):
    """The full score dict of the shipped file, from its parts."""
    levels = ("D1", "D2", "D3", "D4")
    scores = dict(zip(("S1", "S2", "S3", "S4"), counts, strict=True))
    scores.update({"best-fit": best, "adaptability": points})
    scores["poor-fit"] = sum(poor_per_level)
    scores.update({f"best-fit-{d}": n for d, n in zip(levels, best_per_level, strict=True)})
    scores.update({f"poor-fit-{d}": n for d, n in zip(levels, poor_per_level, strict=True)})
    return scores


BASE_ADVICE = ["phases", "readiness-interview", "feedback", "culture", "conflicts"]


def test_all_best_fit_answers(q):
    result = score(q, best_fit_answers(q))
    assert result.scores == scores_of(12, 24, [3, 3, 3, 3], [0, 0, 0, 0], [3, 3, 3, 3])
    assert result.profile == {
        "best-fit-band": "most",
        "adaptability-band": "closer",
        "primary": ["S1", "S2", "S3", "S4"],
        "secondary": [],
        "rarely_used": [],
        "unused": [],
    }
    assert [r.id for r in result.recommendations] == BASE_ADVICE


def test_all_directing(q):
    # D1 +2, D2 +1, D3 -2, D4 -2 per situation, three situations each: 6 + 3 - 6 - 6 = -3.
    result = score(q, leadership_answers(q, "S1"))
    assert result.scores == scores_of(3, -3, [3, 0, 0, 0], [0, 0, 3, 3], [12, 0, 0, 0])
    assert result.profile == {
        "best-fit-band": "few",
        "adaptability-band": "further",
        "primary": ["S1"],
        "secondary": [],
        "rarely_used": ["S2", "S3", "S4"],
        "unused": ["S2", "S3", "S4"],
    }
    # Supporting and delegating are rare, but the advice for the levels they fit (D3, D4)
    # already says so: no second card for them.
    assert [r.id for r in result.recommendations] == [
        *BASE_ADVICE,
        "rare-S2",
        "level-D3",
        "level-D4",
    ]


def test_all_delegating(q):
    # D1 -2, D2 -2, D3 +1, D4 +2: -6 - 6 + 3 + 6 = -3.
    result = score(q, leadership_answers(q, "S4"))
    assert result.scores == scores_of(3, -3, [0, 0, 0, 3], [3, 3, 0, 0], [0, 0, 0, 12])
    ids = [r.id for r in result.recommendations]
    assert ids[5:] == ["rare-S3", "level-D1", "level-D2"]


def test_always_the_second_best_choice_is_never_the_best_fit(q):
    """+12 points, but not one best-fit choice: the words must not say "many fit"."""
    answers = leadership_answers(
        q, by_readiness(q, {"D1": "S2", "D2": "S1", "D3": "S4", "D4": "S3"})
    )
    result = score(q, answers)
    assert result.scores == scores_of(0, 12, [0, 0, 0, 0], [0, 0, 0, 0], [3, 3, 3, 3])
    assert result.profile["best-fit-band"] == "few"
    assert result.profile["adaptability-band"] == "closer"
    band = next(c for c in q.classification("best-fit-band").classes if c.id == "few")
    assert band.description == (
        "At most a third of your choices were the style that the model advises for the situation."
    )
    assert [r.id for r in result.recommendations] == BASE_ADVICE


def test_tie_for_primary(q):
    # Coaching for D1 (+1) and D2 (+2), supporting for D3 (+2) and D4 (+1): 3 + 6 + 6 + 3 = 18.
    answers = leadership_answers(
        q, by_readiness(q, {"D1": "S2", "D2": "S2", "D3": "S3", "D4": "S3"})
    )
    result = score(q, answers)
    assert result.scores["adaptability"] == 18
    assert result.scores["best-fit"] == 6
    assert result.profile == {
        "best-fit-band": "some",
        "adaptability-band": "closer",
        "primary": ["S2", "S3"],
        "secondary": [],
        "rarely_used": ["S1", "S4"],
        "unused": ["S1", "S4"],
    }
    assert readiness_matrix(q, answers) == {
        "D1": {"S1": 0, "S2": 3, "S3": 0, "S4": 0},
        "D2": {"S1": 0, "S2": 3, "S3": 0, "S4": 0},
        "D3": {"S1": 0, "S2": 0, "S3": 3, "S4": 0},
        "D4": {"S1": 0, "S2": 0, "S3": 3, "S4": 0},
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
    [(0, "few"), (4, "few"), (5, "some"), (8, "some"), (9, "most"), (12, "most")],
)
def test_best_fit_band_cut_points(q, value, band):
    assert classify(q.classification("best-fit-band"), {"best-fit": value}) == band


@pytest.mark.parametrize("value", range(13))
def test_best_fit_band_words_true_for_every_score(q, value):
    """ "At most a third", "more than a third and at most two thirds", "three in four or more"."""
    band = classify(q.classification("best-fit-band"), {"best-fit": value})
    total = len(q.items)
    holds = {
        "few": 3 * value <= total,
        "some": 3 * value > total and 3 * value <= 2 * total,
        "most": 4 * value >= 3 * total,
    }
    assert holds[band]


@pytest.mark.parametrize(
    ("value", "band"),
    [(-24, "further"), (-1, "further"), (0, "even"), (1, "closer"), (24, "closer")],
)
def test_points_band_cut_points(q, value, band):
    assert classify(q.classification("adaptability-band"), {"adaptability": value}) == band


@pytest.mark.parametrize(("poor", "fires"), [(0, False), (1, False), (2, True), (3, True)])
def test_level_advice_needs_two_of_three_poor_choices(q, poor, fires):
    """Advice for a development level fires only when most of its situations fit poorly."""
    answers = best_fit_answers(q)
    beginners = [i for i in q.items if i.tags == ("D1",)]
    for item in beginners[:poor]:
        answers[item.id] = next(o.id for o in item.options if o.scale == "S4")  # -2
    result = score(q, answers)
    assert result.scores["poor-fit-D1"] == poor
    assert result.scores["best-fit-D1"] == 3 - poor
    assert ("level-D1" in [r.id for r in result.recommendations]) is fires


def test_count_points_counts_chosen_options_with_those_points(q):
    """count_points on hand-made answers: +2 choices, and -1 or -2 choices in D2 only."""
    answers = best_fit_answers(q)
    # sit04 (D2): coaching is +2; choose supporting (-1). sit08 (D2): choose directing (+1).
    answers["sit04"] = next(o.id for o in q.item("sit04").options if o.scale == "S3")
    answers["sit08"] = next(o.id for o in q.item("sit08").options if o.scale == "S1")
    scores = score(q, answers).scores
    assert (scores["best-fit"], scores["best-fit-D2"], scores["poor-fit-D2"]) == (10, 1, 1)
    assert (scores["poor-fit"], scores["adaptability"]) == (1, 24 - 3 - 1)


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
