"""The comparison of two competence-ladder ratings, and time estimates, in the pure engine."""

from __future__ import annotations

import pytest

from quizapp.engine import compare_ratings, comparison_flag, no_stage_meaning, time_estimate
from quizapp.engine.timing import count_words, reader_texts, whole_minutes


@pytest.fixture
def q(library):
    return library.questionnaires["competence-ladder"]


@pytest.mark.parametrize(
    ("own", "mentor", "flag"),
    [
        (1, 3, "differ"),  # differ_by 2 in the file
        (3, 1, "differ"),
        (1, 4, "differ"),
        (2, 3, None),
        (4, 4, None),
        ("not-observed", 3, "not_observed"),
        (3, "not-observed", "not_observed"),
        ("not-observed", "not-observed", "not_observed"),
        (None, 2, "not_observed"),  # nothing rated (null through the API)
        ("not-applicable", "not-applicable", None),  # both agree: not part of it
        ("not-applicable", 3, "not_applicable"),
        (2, "not-applicable", "not_applicable"),
        ("not-applicable", "not-observed", "not_applicable"),
    ],
)
def test_comparison_flag(q, own, mentor, flag):
    assert comparison_flag(q, own, mentor) == flag


def test_not_part_of_the_internship_is_not_not_observed(q):
    assert no_stage_meaning(q, "not-applicable") == "not_applicable"
    assert no_stage_meaning(q, "not-observed") == "not_observed"
    assert no_stage_meaning(q, None) == "not_observed"
    assert no_stage_meaning(q, 3) is None


def test_compare_ratings_rows(q):
    own = {"knowledge": 1, "practical": "not-applicable", "research": 2}
    mentor = {"knowledge": 3, "practical": 2, "research": "not-observed"}
    rows = compare_ratings(q, own, mentor)
    assert [r["item"].id for r in rows] == [i.id for i in q.items]
    assert [
        (r["self"], r["mentor"], r["self_answer"], r["mentor_answer"], r["flag"]) for r in rows[:3]
    ] == [
        (1, 3, 1, 3, "differ"),
        (None, 2, "not-applicable", 2, "not_applicable"),
        (2, None, 2, "not-observed", "not_observed"),
    ]
    # The competences neither rated count as not observed yet.
    assert {r["flag"] for r in rows[3:]} == {"not_observed"}


def test_count_words_and_rounding():
    assert count_words("Hoe  vult u\tdit in?") == 5
    assert [whole_minutes(m) for m in (0.0, 0.2, 1.49, 1.5, 2.5)] == [1, 1, 1, 2, 3]


def test_reader_texts_follow_the_wording(q):
    trainee, mentor = reader_texts(q, "self"), reader_texts(q, "mentor")
    assert trainee[""] == [q.instructions]
    assert mentor[""] == [q.mentor.instructions]
    first = q.items[0].options[0]
    assert first.text in trainee["knowledge-skills"]
    assert first.text_mentor in mentor["knowledge-skills"]
    assert first.text not in mentor["knowledge-skills"]


def test_time_estimate_from_words_and_choices(library, q):
    """Every text read as three words: the minutes follow from the file's timing alone."""

    def three_words(text):
        return "a b c"

    # Ladder: 1 text before the parts; per part a title, instructions and 7 items of stem,
    # explanation, 4 steps and 2 answers without a step: 2 + 7 * 8 = 58 texts.
    # (1 + 2 * 58) * 3 = 351 words / 200 a minute + 14 items * 15 s = 1.755 + 3.5 -> 5.
    assert time_estimate(q, "self", three_words) == {"required": 5, "optional": None}
    # Learning styles: 1 + (2 + 12 * 5) texts required, 2 + 8 * 5 optional, 20 s an item.
    # Required: 189 words -> 0.945 + 4.0 -> 5; optional: 126 words -> 0.63 + 2.667 -> 3.
    learning = library.questionnaires["learning-styles"]
    assert time_estimate(learning, "self", three_words) == {"required": 5, "optional": 3}


def test_timing_assumptions_say_they_are_ours(library):
    for q in library.questionnaires.values():
        assert q.timing.source.startswith("Our own assumption")
        assert q.timing.words_per_minute == 200
