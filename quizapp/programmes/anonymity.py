"""The anonymity rule of a programme's dashboard: which figures may be shown, and how.

A coordinator knows the people in the programme (the progress list even says who has done
what), so a figure about a group must never let one person's answer be read from it. The rule,
with k the programme's minimum group size (COHORT_MIN_GROUP, never below 5):

1. Fixed groups. Figures are per role (trainees, mentors) and per rating phase, never per
   internship, language, partner or date range, and there are no filters. Only the people who
   agreed count.
2. Group minimum. A figure is shown only when at least k people are counted in it; otherwise
   the page says how many more are needed.
3. Steps of k. A figure counts the first ⌊n / k⌋ · k people of its group, in the order their
   result came in, and each person's first result of the kind (per phase, for ratings). It
   changes only when k more people have come in, so comparing the page before and after a
   new result cannot isolate that one person.
4. Small cells. In a table of counts, a count from 1 to k - 1 is shown as "fewer than k",
   never as a number. If that hides only one count of a row, the next smallest count is hidden
   too, so that the hidden count cannot be worked out from the group size.
5. Statistics. A mean, a median or an agreement (kappa) needs k or more values of its own.

Nothing here imports Flask: the functions take plain lists and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# The smallest group a figure may describe, whatever the configuration says.
FLOOR = 5


def minimum_group(configured: int | None, programme: int | None = None) -> int:
    """The group size a programme's figures need: its own setting, never below the configured
    minimum, and never below FLOOR."""
    return max(FLOOR, configured or FLOOR, programme or FLOOR)


@dataclass(frozen=True)
class Group:
    """How many people a figure could count, and how many it counts (steps of k)."""

    n: int
    k: int

    @property
    def counted(self) -> int:
        """The people the figure counts: the largest multiple of k up to n."""
        return self.n // self.k * self.k

    @property
    def shown(self) -> bool:
        """Whether the figure may be shown at all."""
        return self.counted >= self.k

    @property
    def needed(self) -> int:
        """How many more people the figure needs before it is shown (0 when it is)."""
        return 0 if self.shown else self.k - self.n

    @property
    def next_step(self) -> int:
        """The group size at which the figure next changes."""
        return self.counted + self.k


def in_steps(ordered: Sequence, k: int) -> list:
    """The first ⌊n / k⌋ · k entries of a list ordered by when they came in (rule 3)."""
    return list(ordered[: len(ordered) // k * k])


def hide_small(counts: Sequence[int], k: int) -> tuple[int | None, ...]:
    """A row of counts with the small ones hidden (None), as rule 4 says."""
    shown: list[int | None] = [None if 0 < c < k else c for c in counts]
    hidden = [i for i, c in enumerate(shown) if c is None]
    if len(hidden) == 1:
        others = [(c, i) for i, c in enumerate(counts) if c > 0 and i != hidden[0]]
        if others:
            shown[min(others)[1]] = None
    return tuple(shown)


def enough(values: Sequence, k: int) -> bool:
    """Whether a statistic may be computed from these values (rule 5)."""
    return len(values) >= k
