"""The process evaluation (handbook 3.2) summarised per point, under the anonymity rule.

Trainees' and mentors' ratings are summarised per role like every other figure (anonymity.py):
counted in steps of k, small counts hidden, a mean only from k ratings or more. Their comments
are listed per point without names or roles, in alphabetical order, and only those of the
counted people (steps of k over trainees and mentors together), so that a new comment cannot be
tied to the person who just finished. The coordinators' own ratings are theirs: each
coordinator's latest evaluation is shown with the label of their admin link, as their form says.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .anonymity import Group, enough, hide_small, in_steps
from .cohort import ROLES, by_kind, first_each, valid
from .data import Entry


@dataclass(frozen=True)
class RoleRatings:
    """One role's ratings of one point: people per option (small counts hidden), the mean."""

    counts: tuple[int | None, ...]
    mean: float | None


@dataclass(frozen=True)
class CoordinatorAnswer:
    """One coordinator's rating and comment on one point."""

    link: str
    option: str | None
    comment: str | None


@dataclass(frozen=True)
class Point:
    """One of the ten points: the ratings per role, the comments, the coordinators' answers."""

    part: object
    rating: object  # the rating item
    comment: object | None  # the comment item
    roles: dict[str, RoleRatings]
    comments: tuple[str, ...]
    coordinators: tuple[CoordinatorAnswer, ...]


@dataclass(frozen=True)
class Summary:
    """The evaluation of a programme, point by point."""

    q: object
    groups: dict[str, Group]  # trainee, mentor, and both together (for the comments)
    points: tuple[Point, ...]


def _person(entry: Entry) -> tuple[int, str]:
    return entry.internship_id, entry.role


def _latest_per_link(entries: list[Entry], q) -> list[Entry]:
    latest: dict[str, Entry] = {}
    for e in entries:
        if e.questionnaire == q.id and valid(q, e):
            latest[e.admin_link or ""] = e
    return sorted(latest.values(), key=lambda e: (e.admin_link or "").casefold())


def summary(entries: list[Entry], coordinators: list[Entry], library: dict, k: int):
    """The summary of the first evaluation questionnaire, or None when there is none."""
    q = next((q for q in library.values() if q.kind == "evaluation"), None)
    if q is None:
        return None
    index = by_kind(entries, library)
    found = {role: first_each(index.get(("evaluation", role), ()), _person) for role in ROLES}
    counted = {role: in_steps(found[role], k) for role in ROLES}
    everyone = sorted(found["trainee"] + found["mentor"], key=lambda e: e.created)
    heard = in_steps(everyone, k)
    groups = {role: Group(len(found[role]), k) for role in ROLES}
    groups["both"] = Group(len(everyone), k)
    own = _latest_per_link(coordinators, q)
    points = []
    for part in q.parts:
        rating = next(i for i in part.items if i.kind == "choice")
        comment = next((i for i in part.items if i.kind == "text"), None)
        roles = {}
        for role in ROLES:
            chosen = [e.answers.get(rating.id) for e in counted[role]]
            values = [o.value for o in rating.options for c in chosen if c == o.id and o.value]
            roles[role] = RoleRatings(
                counts=hide_small(tuple(chosen.count(o.id) for o in rating.options), k),
                mean=round(statistics.fmean(values), 1) if enough(values, k) else None,
            )
        texts = ()
        if comment is not None:
            found_texts = [e.answers.get(comment.id) for e in heard]
            texts = tuple(sorted((t for t in found_texts if t), key=str.casefold))
        answers = tuple(
            CoordinatorAnswer(
                link=e.admin_link or "",
                option=e.answers.get(rating.id),
                comment=e.answers.get(comment.id) if comment is not None else None,
            )
            for e in own
        )
        points.append(Point(part, rating, comment, roles, texts, answers))
    return Summary(q, groups, tuple(points))
