"""Seeded answers with a known structure, in the engine's answer format (tests and bench/).

A generated learning-style respondent has a lasting preference for each mode (drawn with
`spread`) and ranks each item's endings by that preference plus fresh noise (SD 1): with a
large spread the same modes win in every item, so both halves of the test agree and the
split-half reliability is high; with spread 0 every ranking is random and it is near 0.
`first_bonus` favours the ending listed first, as a careless respondent would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

MODES = ("CE", "RO", "AC", "AE")
START = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


@dataclass
class Row:
    """A stand-in for a stored response (the attributes the report reads)."""

    id: int
    answers: dict
    lang: str = "en"
    perspective: str | None = "self"
    phase: str | None = None
    series: str | None = None
    created: datetime = field(default_factory=lambda: START)
    internship_id: int | None = None
    role: str | None = None


def preferences(rng: random.Random, spread: float) -> dict[str, float]:
    """One person's lasting preference for each mode."""
    return {mode: rng.gauss(0, spread) for mode in MODES}


def learning_answers(
    q, rng: random.Random, prefer: dict[str, float], first_bonus: float = 0.0, contexts=False
) -> dict:
    """Rank every ending by the person's preference for its mode plus noise (SD 1)."""
    parts = ("cycle", "contexts") if contexts else ("cycle",)
    answers = {}
    for part in parts:
        for item in q.part(part).items:
            utility = {
                o.id: prefer[o.scale] + rng.gauss(0, 1) + (first_bonus if k == 0 else 0.0)
                for k, o in enumerate(item.options)
            }
            answers[item.id] = sorted(utility, key=utility.get, reverse=True)
    return answers


def learning_rows(
    q, n: int, seed: int, spread: float = 1.0, first_bonus: float = 0.0, langs=("en", "nl")
) -> list[Row]:
    """n learning-style answers, one per person, a day apart, in turn in each language."""
    rng = random.Random(seed)
    return [
        Row(
            id=k + 1,
            answers=learning_answers(q, rng, preferences(rng, spread), first_bonus, k % 3 == 0),
            lang=langs[k % len(langs)],
            series=f"s{k + 1}",
            created=START + timedelta(days=k % 60),
        )
        for k in range(n)
    ]


def leadership_answers(q, rng: random.Random, skill: float) -> dict:
    """Choose the best-fit action with probability `skill`, else any action at random."""
    answers = {}
    for item in q.items:
        best = max(item.options, key=lambda o: o.points or 0)
        answers[item.id] = best.id if rng.random() < skill else rng.choice(item.options).id
    return answers


def ladder_answers(q, rng: random.Random, level: dict[str, int], noise: float) -> dict:
    """Rate each competence at its true level, off by one step with probability `noise`;
    every tenth rating leaves a competence unrated ("not seen yet")."""
    answers = {}
    for item in q.items:
        if rng.random() < 0.1:
            answers[item.id] = "not-observed"
            continue
        step = level[item.id]
        if rng.random() < noise:
            step += rng.choice((-1, 1))
        answers[item.id] = min(4, max(1, step))
    return answers


def true_levels(q, rng: random.Random) -> dict[str, int]:
    """A trainee's true step on each competence."""
    return {item.id: rng.randint(1, 4) for item in q.items}
