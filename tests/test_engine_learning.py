"""The learning-style questionnaire scored on hand-computed answer sets."""

from __future__ import annotations

import pytest

from quizapp.engine import check_answers, kendall_w, score
from quizapp.engine.scoring import classify

from .helpers import learning_answers


@pytest.fixture
def q(library):
    return library.questionnaires["learning-styles"]


@pytest.mark.parametrize(
    ("orders", "expected"),
    [
        # Every item AE first, then AC, CE, RO: AE 12*4, AC 12*3, CE 12*2, RO 12*1.
        (
            ["AE", "AC", "CE", "RO"],
            {"CE": 24, "RO": 12, "AC": 36, "AE": 48, "AC-CE": 12, "AE-RO": 36},
        ),
        # AC 48, CE 36, AE 24, RO 12.
        (
            ["AC", "CE", "AE", "RO"],
            {"CE": 36, "RO": 12, "AC": 48, "AE": 24, "AC-CE": 12, "AE-RO": 12},
        ),
        # Six items AC>CE>RO>AE and six CE>AC>AE>RO: AC 6*4+6*3, CE 6*3+6*4, RO 6*2+6*1, AE 6*1+6*2.
        (
            [["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6,
            {"CE": 42, "RO": 18, "AC": 42, "AE": 18, "AC-CE": 0, "AE-RO": 0},
        ),
        # RO first everywhere, then CE, AE, AC.
        (
            ["RO", "CE", "AE", "AC"],
            {"CE": 36, "RO": 48, "AC": 12, "AE": 24, "AC-CE": -24, "AE-RO": -24},
        ),
    ],
)
def test_mode_scores(q, orders, expected):
    result = score(q, learning_answers(q, orders))
    assert {k: result.scores[k] for k in expected} == expected
    assert result.scores["flexibility"] is None


@pytest.mark.parametrize(
    ("orders", "region", "style"),
    [
        (["AE", "AC", "CE", "RO"], "acting", "converging"),
        (["AC", "CE", "AE", "RO"], "acting", "converging"),
        ([["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6, "imagining", "diverging"),
        (["RO", "CE", "AE", "AC"], "imagining", "diverging"),
        (["AC", "RO", "AE", "CE"], "analyzing", "assimilating"),
        (["AE", "CE", "AC", "RO"], "initiating", "accommodating"),
    ],
)
def test_profile(q, orders, region, style):
    result = score(q, learning_answers(q, orders))
    assert result.profile == {"region": region, "style": style}


@pytest.mark.parametrize(
    ("ac_ce", "ae_ro", "region"),
    [
        (5, 0, "imagining"),
        (6, 0, "reflecting"),
        (14, 0, "reflecting"),
        (15, 0, "analyzing"),
        (5, 1, "experiencing"),
        (6, 1, "balancing"),
        (14, 11, "balancing"),
        (15, 11, "thinking"),
        (5, 12, "initiating"),
        (6, 12, "acting"),
        (14, 12, "acting"),
        (15, 12, "deciding"),
        (-36, -36, "imagining"),
        (36, 36, "deciding"),
        (36, -36, "analyzing"),
        (-36, 36, "initiating"),
    ],
)
def test_region_cut_points_from_both_sides(q, ac_ce, ae_ro, region):
    assert classify(q.classification("region"), {"AC-CE": ac_ce, "AE-RO": ae_ro}) == region


@pytest.mark.parametrize(
    ("ac_ce", "ae_ro", "style"),
    [
        (9, 5, "diverging"),
        (10, 5, "assimilating"),
        (9, 6, "accommodating"),
        (10, 6, "converging"),
    ],
)
def test_classic_style_cut_points(q, ac_ce, ae_ro, style):
    assert classify(q.classification("style"), {"AC-CE": ac_ce, "AE-RO": ae_ro}) == style


def test_flexibility_same_order_everywhere_is_zero(q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], ["CE", "RO", "AC", "AE"])
    assert score(q, answers).scores["flexibility"] == 0.0


def test_flexibility_opposite_orders_is_one(q):
    orders = [["CE", "RO", "AC", "AE"], ["AE", "AC", "RO", "CE"]] * 4
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], orders)
    assert score(q, answers).scores["flexibility"] == 1.0


def test_flexibility_one_swap(q):
    # Totals CE 9, RO 15, AC 24, AE 32; S = 1906; W = (12*1906 - 3*64*4*25) / (64*60) = 0.95625.
    orders = [["CE", "RO", "AC", "AE"]] * 7 + [["RO", "CE", "AC", "AE"]]
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], orders)
    result = score(q, answers)
    assert result.scores["flexibility"] == 0.044
    # The optional part never changes the mode scores.
    assert result.scores["AE"] == 48
    assert result.scores["CE"] == 24


def test_flexibility_compares_modes_not_option_letters(q):
    """The options stand in different orders per item; the same modes order means W = 1."""
    contexts = q.part("contexts").items
    letters = {tuple(o.scale for o in item.options) for item in contexts}
    assert len(letters) > 1
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], ["RO", "AE", "CE", "AC"])
    assert score(q, answers).scores["flexibility"] == 0.0


def test_kendall_w_formula():
    assert kendall_w([["a", "b", "c"], ["a", "b", "c"]]) == 1
    assert kendall_w([["a", "b"], ["b", "a"]]) == 0


@pytest.mark.parametrize(
    ("orders", "ids"),
    [
        # AE-RO 36: the trainee wants to do at once; AC-CE 12 is mid: balanced feedback.
        (
            ["AE", "AC", "CE", "RO"],
            ["whole-cycle", "demonstrate-do", "feedback-balanced", "own-style"],
        ),
        # AE-RO -24 and AC-CE -24: watch first, concrete feedback.
        (
            ["RO", "CE", "AE", "AC"],
            ["whole-cycle", "demonstrate-watch", "feedback-concrete", "own-style"],
        ),
        # AE-RO 0, AC-CE 0.
        (
            [["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6,
            ["whole-cycle", "demonstrate-watch", "feedback-concrete", "own-style"],
        ),
    ],
)
def test_recommendations(q, orders, ids):
    result = score(q, learning_answers(q, orders))
    assert [r.id for r in result.recommendations] == ids
    assert {r.section for r in result.recommendations} <= {"2.3", "2.4", "2.5"}


def test_low_flexibility_recommendation(q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], ["CE", "RO", "AC", "AE"])
    ids = [r.id for r in score(q, answers).recommendations]
    assert ids == [
        "whole-cycle",
        "demonstrate-do",
        "feedback-balanced",
        "own-style",
        "low-flexibility",
    ]


def test_valid_answers_have_no_problems(q):
    assert check_answers(q, learning_answers(q, ["AE", "AC", "CE", "RO"])) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda a: a.update(ls01=["a", "a", "b", "c"]), [("ls01", "tied")]),
        (lambda a: a.update(ls02=["a", "b", "c"]), [("ls02", "incomplete_ranking")]),
        (lambda a: a.update(ls03=["a", "b", "c", "z"]), [("ls03", "unknown_option")]),
        (lambda a: a.update(ls04="a"), [("ls04", "not_a_ranking")]),
        (lambda a: a.update(ls05=[1, 2, 3, 4]), [("ls05", "not_a_ranking")]),
        (lambda a: a.pop("ls12"), [("ls12", "missing")]),
        (lambda a: a.update(nope=["a"]), [("nope", "unknown_item")]),
        (
            lambda a: a.update(cx01=["a", "b", "c", "d"]),
            [(f"cx0{n}", "missing_in_optional_part") for n in range(2, 9)],
        ),
    ],
)
def test_answer_problems_name_the_item(q, change, expected):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"])
    change(answers)
    assert [(p.item, p.code) for p in check_answers(q, answers)] == expected


def test_answers_must_be_an_object(q):
    assert [p.code for p in check_answers(q, ["ls01"])] == ["answers_not_an_object"]
