"""The cohort, anonymous: the figures of a programme's dashboard, under the anonymity rule.

Every figure is computed from plain rows (data.Entry) of the roles that agreed, with the rule
of anonymity.py: fixed groups, at least k people, steps of k, small counts hidden, statistics
from k values or more. Each person counts once per figure, with their first result of the kind
(per phase, for ratings). Nothing here imports Flask; texts are added by charts.py.

Trainee-mentor agreement is Cohen's weighted kappa with linear weights (quizapp.stats): the
four steps of the ladder are ordered, and a rating two steps away from the other counts as
twice as far apart as one step away, no more. Quadratic weights would count it four times as
far, which treats the steps as equal distances on a measuring scale; the stages of competence
are ordered categories, not measurements.
"""

from __future__ import annotations

import statistics
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..context import PHASES
from ..engine import check_answers, score
from ..engine.leadership import style_ids
from ..engine.scoring import stage_value
from ..stats import LADDER_WEIGHTS, weighted_kappa
from .anonymity import Group, enough, hide_small, in_steps
from .data import Entry, phase_of

KAPPA_WEIGHTS = LADDER_WEIGHTS
# The kinds of questionnaire the figures are made from (the process evaluation has its own page).
FIGURES = ("learning-style", "competence-ladder", "leadership")
ROLES = ("trainee", "mentor")
# The perspective a role rates in on the competence ladder.
RATER = {"trainee": "self", "mentor": "mentor"}


# Stored answers never change, so a result is checked and scored once and kept, for the most
# recent KEEP results (about 1 kB each). The key holds the creation time as well as the id, so
# a row id used again after a deletion never finds an old score.
KEEP = 20_000
_kept: OrderedDict[tuple, object] = OrderedDict()
_kept_lock = threading.Lock()


def _kept_or(key: tuple, compute: Callable[[], object]) -> object:
    """A kept value, or compute and keep it (bounded: the least recently used goes first)."""
    with _kept_lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    value = compute()
    with _kept_lock:
        _kept[key] = value
        if len(_kept) > KEEP:
            _kept.popitem(last=False)
    return value


def _key(q, entry: Entry) -> tuple:
    return (entry.response_id, entry.created, q.id, q.version)


@dataclass(frozen=True)
class Facts:
    """What the figures need of one result: whether its answers pass the engine's check, its
    score (learning style, leadership) and its steps (ladder: by item, None for no step)."""

    valid: bool
    result: object | None = None
    steps: dict[str, int | None] | None = None  # by item id


def _facts_of(q, answers: dict) -> Facts:
    if check_answers(q, answers):
        return Facts(False)
    if q.kind == "competence-ladder":
        return Facts(True, steps={i.id: stage_value(answers.get(i.id)) for i in q.items})
    if q.kind in ("learning-style", "leadership"):
        return Facts(True, result=score(q, answers))
    return Facts(True)


def facts(
    entries: Iterable[Entry], library: dict, answers_of: Callable[[list[int]], dict] | None = None
) -> dict[int, Facts]:
    """The Facts of every result of a kind in FIGURES, by response id.

    They are kept per immutable response, so a page made again after one new result checks
    and scores that one only. Entries read without their answers (data.entries(answers=False))
    get them through `answers_of` (response ids -> answers), for the results not kept only.
    The figures use the returned dict, so nothing kept can drop out halfway through a page.
    """
    found: dict[int, Facts] = {}
    missing = []
    with _kept_lock:
        for e in entries:
            q = library.get(e.questionnaire)
            if q is None or q.kind not in FIGURES:
                continue
            key = ("facts", *_key(q, e))
            if key in _kept:
                _kept.move_to_end(key)
                found[e.response_id] = _kept[key]
            else:
                missing.append((q, e, key))
    if missing:
        unread = [e.response_id for _q, e, _k in missing if e.answers is None]
        read = answers_of(unread) if unread and answers_of is not None else {}
        for q, e, key in missing:
            answers = e.answers if e.answers is not None else read.get(e.response_id)
            if answers is not None:  # else deleted since the entries were read
                found[e.response_id] = _kept_or(key, lambda q=q, a=answers: _facts_of(q, a))
    return found


def valid(q, entry: Entry) -> bool:
    """Whether a result's answers pass the engine's check (kept per immutable response)."""
    return _kept_or(("valid", *_key(q, entry)), lambda: not check_answers(q, entry.answers))


def first_each(entries: Iterable[Entry], key: Callable[[Entry], object]) -> list[Entry]:
    """Each person's first result (entries come oldest first), in the order they came in."""
    seen, first = set(), []
    for entry in entries:
        k = key(entry)
        if k not in seen:
            seen.add(k)
            first.append(entry)
    return first


def by_kind(entries: Iterable[Entry], library: dict) -> dict[tuple[str, str], list[Entry]]:
    """The results that can be scored, by (kind of questionnaire, role), oldest first: each
    answer set is checked once."""
    index: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        q = library.get(e.questionnaire)
        if q is not None and valid(q, e):
            index.setdefault((q.kind, e.role), []).append(e)
    return index


@dataclass(frozen=True)
class Distribution:
    """How many of the counted people fall in each category (small counts hidden)."""

    group: Group
    categories: tuple[str, ...]
    counts: tuple[int | None, ...]


def learning_styles(index, library, known: dict, role: str, k: int) -> Distribution | None:
    """The learning styles (the nine regions) of the role's first learning-style results."""
    found = first_each(index.get(("learning-style", role), ()), _person)
    if not found:
        return None
    q = library[found[0].questionnaire]
    region = q.classification("region")
    categories = tuple(c.id for c in region.classes)
    counted = in_steps(found, k)
    classes = [known[e.response_id].result.profile.get("region") for e in counted]
    counts = tuple(classes.count(c) for c in categories)
    return Distribution(Group(len(found), k), categories, hide_small(counts, k))


@dataclass(frozen=True)
class LadderRow:
    """One competence in one group: people per step (and without a step), the median step."""

    item: str
    counts: tuple[int | None, ...]  # one per step, then "no step"
    median: int | None


@dataclass(frozen=True)
class LadderGroup:
    """The first rating of each person of one role in one phase."""

    phase: str
    role: str
    group: Group
    rows: tuple[LadderRow, ...]


def _person(entry: Entry) -> tuple[int, str]:
    return entry.internship_id, entry.role


def ladder_ratings(index, programme, role: str) -> dict[str, list[Entry]]:
    """The first ladder rating of each person of a role, per phase, in the order they came."""
    ratings = [
        e
        for e in index.get(("competence-ladder", role), ())
        if (e.perspective or "self") == RATER[role]
    ]
    by_phase = {phase: [] for phase in PHASES}
    for e in first_each(ratings, lambda e: (*_person(e), phase_of(e, programme))):
        by_phase[phase_of(e, programme)].append(e)
    return by_phase


def ladder_groups(ratings: dict, q, known: dict, k: int) -> list[LadderGroup]:
    """Steps per competence, by phase and by rater (`ratings`: ladder_ratings per role)."""
    steps = [s.value for s in q.stages]
    groups = []
    for role in ROLES:
        for phase, found in ratings[role].items():
            counted = [known[e.response_id].steps for e in in_steps(found, k)]
            rows = []
            for item in q.items:
                values = [each.get(item.id) for each in counted]
                counts = [values.count(s) for s in steps] + [values.count(None)]
                rated = sorted(v for v in values if v is not None)
                median = statistics.median_low(rated) if enough(rated, k) else None
                rows.append(LadderRow(item.id, hide_small(counts, k), median))
            groups.append(LadderGroup(phase, role, Group(len(found), k), tuple(rows)))
    return sorted(groups, key=lambda g: (PHASES.index(g.phase), ROLES.index(g.role)))


@dataclass(frozen=True)
class Agreement:
    """Trainee-mentor agreement on one competence: weighted kappa over the counted pairs."""

    item: str
    group: Group  # pairs in which both gave a step
    kappa: float | None


def agreement(ratings: dict, q, known: dict, k: int) -> list[Agreement]:
    """Weighted kappa per competence, over one pair of ratings per internship: the trainee's
    and the mentor's first ratings in the latest phase both rated in."""
    pairs, paired = [], set()
    for phase in reversed(PHASES):
        mentors = {e.internship_id: e for e in ratings["mentor"][phase]}
        for t in ratings["trainee"][phase]:
            m = mentors.get(t.internship_id)
            if m is not None and t.internship_id not in paired:
                paired.add(t.internship_id)
                pairs.append((t, m))
    pairs.sort(key=lambda pair: max(pair[0].created, pair[1].created))
    low = q.stages[0].value
    result = []
    pairs = [(known[t.response_id].steps, known[m.response_id].steps) for t, m in pairs]
    for item in q.items:
        steps = [(t.get(item.id), m.get(item.id)) for t, m in pairs]
        both = [(a - low, b - low) for a, b in steps if a is not None and b is not None]
        counted = in_steps(both, k)
        kappa = (
            weighted_kappa(counted, len(q.stages), KAPPA_WEIGHTS) if enough(counted, k) else None
        )
        result.append(Agreement(item.id, Group(len(both), k), kappa))
    return result


@dataclass(frozen=True)
class Leadership:
    """The mentors' leadership styles: how often all counted mentors chose each style (the
    cohort's style range), and how many mentors fall in each best-fit band."""

    group: Group
    styles: tuple[str, ...]
    choices: tuple[int, ...]
    bands: tuple[str, ...]
    band_counts: tuple[int | None, ...]
    mean_best_fit: float | None
    items: int


def leadership(index, library, known: dict, k: int) -> Leadership | None:
    """The style range and best-fit counts of the mentors' first leadership results."""
    found = first_each(index.get(("leadership", "mentor"), ()), _person)
    if not found:
        return None
    q = library[found[0].questionnaire]
    styles = tuple(style_ids(q))
    counted = in_steps(found, k)
    results = [known[e.response_id].result for e in counted]
    band = q.classification("best-fit-band")
    bands = tuple(c.id for c in band.classes)
    in_band = [r.profile.get("best-fit-band") for r in results]
    fits = [r.scores["best-fit"] for r in results]
    return Leadership(
        group=Group(len(found), k),
        styles=styles,
        choices=tuple(sum(r.scores[s] for r in results) for s in styles),
        bands=bands,
        band_counts=hide_small(tuple(in_band.count(b) for b in bands), k),
        mean_best_fit=round(statistics.fmean(fits), 1) if enough(fits, k) else None,
        items=len(q.items),
    )


@dataclass(frozen=True)
class Cohort:
    """Every anonymous figure of the dashboard."""

    k: int
    learning: dict[str, Distribution | None]
    ladder: list[LadderGroup]
    agreement: list[Agreement]
    leadership: Leadership | None


def cohort(
    entries: list[Entry],
    library: dict,
    programme,
    k: int,
    answers_of: Callable[[list[int]], dict] | None = None,
) -> Cohort:
    """The anonymous figures of a programme from the agreed roles' results (with their answers,
    or without them and `answers_of` to read those not kept: see facts)."""
    known = facts(entries, library, answers_of)
    index: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        found = known.get(e.response_id)
        if found is not None and found.valid:
            index.setdefault((library[e.questionnaire].kind, e.role), []).append(e)
    ladder = next((q for q in library.values() if q.kind == "competence-ladder"), None)
    ratings = {role: ladder_ratings(index, programme, role) for role in ROLES}
    return Cohort(
        k=k,
        learning={role: learning_styles(index, library, known, role, k) for role in ROLES},
        ladder=ladder_groups(ratings, ladder, known, k) if ladder else [],
        agreement=agreement(ratings, ladder, known, k) if ladder else [],
        leadership=leadership(index, library, known, k),
    )
