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


# Version 2 of the file moved the cut points (see the file's header), so the expected classes of
# these hand-scored answer sets changed with it: the first two were "acting", the third (all
# modes equal) was "imagining" and is now "balancing".
@pytest.mark.parametrize(
    ("orders", "region", "style"),
    [
        (["AE", "AC", "CE", "RO"], "deciding", "converging"),  # AC-CE 12, AE-RO 36
        (["AC", "CE", "AE", "RO"], "deciding", "converging"),  # AC-CE 12, AE-RO 12
        ([["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6, "balancing", "diverging"),
        (["RO", "CE", "AE", "AC"], "imagining", "diverging"),  # -24, -24
        (["AC", "RO", "AE", "CE"], "analyzing", "assimilating"),  # 36, -12
        (["AE", "CE", "AC", "RO"], "initiating", "accommodating"),  # -12, 36
    ],
)
def test_profile(q, orders, region, style):
    result = score(q, learning_answers(q, orders))
    assert result.profile == {"region": region, "style": style, "flexibility-band": None}


# The nine styles: AC-CE <= -5 / -4..4 / >= 5, AE-RO <= -6 / -5..5 / >= 6 (our midpoint,
# Kolb's band widths). Each cut point from both sides, and the extremes of both scales.
NINE = [
    # (AC-CE, AE-RO, style)
    (-5, 0, "experiencing"),
    (-4, 0, "balancing"),
    (4, 0, "balancing"),
    (5, 0, "thinking"),
    (0, -6, "reflecting"),
    (0, -5, "balancing"),
    (0, 5, "balancing"),
    (0, 6, "acting"),
    (-5, -6, "imagining"),
    (-5, 6, "initiating"),
    (5, -6, "analyzing"),
    (5, 6, "deciding"),
    (0, 0, "balancing"),
    (-36, -36, "imagining"),
    (-36, 0, "experiencing"),
    (-36, 36, "initiating"),
    (0, -36, "reflecting"),
    (0, 36, "acting"),
    (36, -36, "analyzing"),
    (36, 0, "thinking"),
    (36, 36, "deciding"),
]


@pytest.mark.parametrize(("ac_ce", "ae_ro", "region"), NINE)
def test_region_cut_points_from_both_sides(q, ac_ce, ae_ro, region):
    assert classify(q.classification("region"), {"AC-CE": ac_ce, "AE-RO": ae_ro}) == region


AXIS_WORDS = {
    "AC-CE": {
        "concrete": (
            "You lean towards feeling: you put real experience and people before ideas and rules."
        ),
        "mid": "Thinking and feeling are close to even: neither of them stands out.",
        "abstract": (
            "You lean towards thinking: you put ideas and rules before real experience and people."
        ),
    },
    "AE-RO": {
        "reflective": "You lean towards watching: you like to look and think before you act.",
        "mid": "Doing and watching are close to even: neither of them stands out.",
        "active": "You lean towards doing: you like to try things out before you watch and think.",
    },
}


@pytest.mark.parametrize(
    ("score_id", "value", "band"),
    [
        ("AC-CE", -36, "concrete"),
        ("AC-CE", -5, "concrete"),
        ("AC-CE", -4, "mid"),
        ("AC-CE", 0, "mid"),
        ("AC-CE", 4, "mid"),
        ("AC-CE", 5, "abstract"),
        ("AC-CE", 36, "abstract"),
        ("AE-RO", -36, "reflective"),
        ("AE-RO", -6, "reflective"),
        ("AE-RO", -5, "mid"),
        ("AE-RO", 0, "mid"),
        ("AE-RO", 5, "mid"),
        ("AE-RO", 6, "active"),
        ("AE-RO", 36, "active"),
    ],
)
def test_axis_words_come_from_the_band_that_classifies(q, score_id, value, band):
    """The sentence about an axis score is the text of the band the classification uses."""
    axis = next(a for a in q.classification("region").axes if a.score == score_id)
    holding = [b for b in axis.bands if b.holds(value)]
    assert [b.id for b in holding] == [band]
    assert holding[0].text == AXIS_WORDS[score_id][band]
    # The class that this score falls in names the same band on this axis.
    scores = {"AC-CE": 0, "AE-RO": 0, score_id: value}
    position = q.classification("region").axes.index(axis)
    region = q.classification("region").classes
    cls = next(c for c in region if c.id == classify(q.classification("region"), scores))
    assert cls.bands[position] == band


def test_balanced_profile_is_balanced_in_words_and_class(q):
    """All four modes equal: the class and both axis sentences say 'balanced', no corner."""
    orders = [["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6
    result = score(q, learning_answers(q, orders))
    assert (result.scores["AC-CE"], result.scores["AE-RO"]) == (0, 0)
    assert result.profile["region"] == "balancing"
    words = [
        next(b.text for b in axis.bands if b.holds(result.scores[axis.score]))
        for axis in q.classification("region").axes
    ]
    assert words == [AXIS_WORDS["AC-CE"]["mid"], AXIS_WORDS["AE-RO"]["mid"]]


@pytest.mark.parametrize(
    ("ac_ce", "ae_ro", "style"),
    [
        # Split at 0; a score of exactly 0 counts on the feeling and watching side (our rule).
        (0, 0, "diverging"),
        (1, 0, "assimilating"),
        (0, 1, "accommodating"),
        (1, 1, "converging"),
        (-1, -1, "diverging"),
        (-36, -36, "diverging"),
        (36, -36, "assimilating"),
        (36, 36, "converging"),
        (-36, 36, "accommodating"),
    ],
)
def test_classic_style_cut_points(q, ac_ce, ae_ro, style):
    assert classify(q.classification("style"), {"AC-CE": ac_ce, "AE-RO": ae_ro}) == style


@pytest.mark.parametrize(
    ("flexibility", "band"),
    [(0.0, "narrow"), (0.499, "narrow"), (0.5, "varied"), (1.0, "varied"), (None, None)],
)
def test_flexibility_band_one_threshold(q, flexibility, band):
    """The flexibility words and the advice both come from this one band split."""
    assert classify(q.classification("flexibility-band"), {"flexibility": flexibility}) == band


def test_kolb_cut_points_documented_as_the_alternative():
    """The file keeps Kolb's published cut points as the documented alternative."""
    from .conftest import QUESTIONNAIRES

    header = (QUESTIONNAIRES / "learning-styles.yaml").read_text(encoding="utf-8")
    assert (
        "AC-CE: {id: concrete, max: 5}, {id: mid, min: 6, max: 14}, {id: abstract, min: 15}"
        in header
    )
    assert (
        "AE-RO: {id: reflective, max: 0}, {id: mid, min: 1, max: 11}, {id: active, min: 12}"
        in header
    )


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
        # AC-CE 12 (thinking), AE-RO 36 (doing): start by doing, feedback from the reason.
        (
            ["AE", "AC", "CE", "RO"],
            ["whole-cycle", "start-doing", "feedback", "feedback-start-abstract", "own-style"],
        ),
        # AE-RO -24 and AC-CE -24: start by showing, feedback from a real example.
        (
            ["RO", "CE", "AE", "AC"],
            ["whole-cycle", "start-watching", "feedback", "feedback-start-concrete", "own-style"],
        ),
        # AE-RO 0, AC-CE 0: balanced, so no advice about where to start.
        (
            [["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6,
            ["whole-cycle", "feedback", "own-style"],
        ),
    ],
)
def test_recommendations(q, orders, ids):
    result = score(q, learning_answers(q, orders))
    assert [r.id for r in result.recommendations if "trainee" in r.readers] == ids
    assert {r.section for r in result.recommendations} <= {"2.3", "2.5"}
    # a mentor who answers for themselves gets the advice for mentors instead
    mentor = [r.id for r in result.recommendations if "mentor" in r.readers]
    assert mentor == ["whole-cycle", "mentor-own-style"]


def test_narrow_flexibility_recommendation(q):
    answers = learning_answers(q, ["AE", "AC", "CE", "RO"], ["CE", "RO", "AC", "AE"])
    result = score(q, answers)
    assert result.profile["flexibility-band"] == "narrow"
    trainee = [r.id for r in result.recommendations if "trainee" in r.readers]
    assert trainee[-1] == "narrow-flexibility"


def test_varied_flexibility_gives_no_flexibility_advice(q):
    orders = [["CE", "RO", "AC", "AE"], ["AE", "AC", "RO", "CE"]] * 4
    result = score(q, learning_answers(q, ["AE", "AC", "CE", "RO"], orders))
    assert result.profile["flexibility-band"] == "varied"
    assert "narrow-flexibility" not in [r.id for r in result.recommendations]


def test_style_matched_advice_starts_then_goes_round_the_whole_cycle(q):
    """Advice matched to a style says where to start and then names feeling too."""
    for rec in q.recommendations:
        if rec.id.startswith(("start-", "feedback-start-")):
            assert "A good place to start" in rec.text
            assert "Then go round the rest of the cycle" in rec.text
    whole = next(r for r in q.recommendations if r.id == "whole-cycle")
    for mode in ("(feeling)", "(watching)", "(thinking)", "(doing)"):
        assert mode in whole.text
    assert whole.source.startswith("Kolb & Kolb (2013)")


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
