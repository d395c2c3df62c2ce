"""The mentoring plan of an internship: what its results say together.

Built from whatever the two roles have added so far; every part says what is missing. The
rules that join the instruments are ours, in the direction of the handbook (4.3 for the style
that fits a step, 2.5 for teaching round the whole cycle, 2.2 and 3.1 for the agendas), and the
page says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..charts import spec
from ..engine import agenda, comparison_flag
from ..engine.leadership import style_ids
from ..engine.scoring import stage_value
from ..i18n import qt
from ..i18n import text as _
from ..library import get_library
from ..models import Internship
from ..results.ladder import rating_label
from ..results.present import ShownResult, shown_result
from .store import attachments

# What each role can add, by kind of questionnaire; `needed` ones count as missing until added.
CONTRIBUTIONS = (
    ("trainee", "learning-style", True),
    ("trainee", "competence-ladder", True),
    ("trainee", "checklist", True),
    ("mentor", "leadership", True),
    ("mentor", "competence-ladder", True),
    ("mentor", "checklist", True),
    ("mentor", "learning-style", False),
    # In a programme only: the process evaluation at the end (handbook 3.2).
    ("trainee", "evaluation", False),
    ("mentor", "evaluation", False),
)


@dataclass
class Added:
    """A scored result of the internship and the role that added it."""

    role: str
    shown: ShownResult

    @property
    def kind(self) -> str:
        """The kind of questionnaire."""
        return self.shown.q.kind


@dataclass
class CompetenceRow:
    """One competence: both latest steps, the style that fits and what to do about it."""

    item: object
    trainee: object  # the answer: a step, a no-rating option id, or None
    mentor: object
    trainee_step: int | None
    mentor_step: int | None
    flag: str | None
    basis: int | None  # the step the fitting style is read from: the mentor's, else the trainee's
    fit: str | None  # a style id such as S2
    advice: str | None  # "fits", "more_direction", "more_room" or None


@dataclass
class Plan:
    """Everything the plan page shows."""

    internship: Internship
    added: list[Added]
    ladder: object = None  # the competence ladder questionnaire
    leadership: Added | None = None
    usual_styles: list[str] = field(default_factory=list)
    style_order: list[str] = field(default_factory=list)
    trainee_ratings: list[Added] = field(default_factory=list)
    mentor_ratings: list[Added] = field(default_factory=list)
    rows: list[CompetenceRow] = field(default_factory=list)
    learning: dict = field(default_factory=dict)
    intake: list = field(default_factory=list)
    checklist: object = None
    missing: list[tuple[str, object]] = field(default_factory=list)

    def latest(self, role: str, kind: str) -> Added | None:
        """The newest result of a kind that a role added."""
        found = [a for a in self.added if a.role == role and a.kind == kind]
        return found[-1] if found else None


def build_plan(internship: Internship) -> Plan:
    """Score every result of the internship and join them into the plan."""
    added = []
    for attachment in attachments(internship):
        shown = shown_result(attachment.response)
        if shown is not None and shown.result is not None:
            added.append(Added(attachment.role, shown))
    plan = Plan(internship, added)
    library = get_library()
    plan.ladder = _first_of_kind(library, "competence-ladder")
    plan.checklist = _first_of_kind(library, "checklist")
    plan.trainee_ratings = _ratings(added, "trainee", "self")
    plan.mentor_ratings = _ratings(added, "mentor", "mentor")
    plan.leadership = plan.latest("mentor", "leadership")
    if plan.leadership is not None:
        plan.style_order = style_ids(plan.leadership.shown.q)
        plan.usual_styles = list(plan.leadership.shown.result.profile["primary"])
    if plan.ladder is not None:
        plan.rows = competence_rows(plan)
    plan.learning = {role: plan.latest(role, "learning-style") for role in ("trainee", "mentor")}
    trainee_list = plan.latest("trainee", "checklist")
    mentor_list = plan.latest("mentor", "checklist")
    if plan.checklist is not None and (trainee_list or mentor_list):
        q = (trainee_list or mentor_list).shown.q
        plan.checklist = q
        plan.intake = agenda(
            q,
            trainee_list.shown.response.answers if trainee_list else None,
            mentor_list.shown.response.answers if mentor_list else None,
        )
    plan.missing = [
        (role, kind)
        for role, kind, needed in CONTRIBUTIONS
        if needed and _missing(plan, role, kind)
    ]
    return plan


def _first_of_kind(library, kind: str):
    return next((q for q in library.questionnaires.values() if q.kind == kind), None)


def _ratings(added: list[Added], role: str, perspective: str) -> list[Added]:
    """A role's ladder ratings in their own perspective, oldest first."""
    return [
        a
        for a in added
        if a.role == role
        and a.kind == "competence-ladder"
        and (a.shown.response.perspective or "self") == perspective
    ]


def _missing(plan: Plan, role: str, kind: str) -> bool:
    if kind == "competence-ladder":
        return not (plan.trainee_ratings if role == "trainee" else plan.mentor_ratings)
    return plan.latest(role, kind) is None


def competence_rows(plan: Plan) -> list[CompetenceRow]:
    """One row per competence from the latest rating of each role."""
    q = plan.ladder
    own = plan.trainee_ratings[-1].shown.response.answers if plan.trainee_ratings else None
    theirs = plan.mentor_ratings[-1].shown.response.answers if plan.mentor_ratings else None
    rows = []
    for item in q.items:
        a = own.get(item.id) if own is not None else None
        b = theirs.get(item.id) if theirs is not None else None
        a_step, b_step = stage_value(a), stage_value(b)
        flag = comparison_flag(q, a, b) if own is not None and theirs is not None else None
        basis = b_step if b_step is not None else a_step
        stage = q.stage(basis) if basis is not None else None
        fit = stage.style if stage is not None else None
        rows.append(CompetenceRow(item, a, b, a_step, b_step, flag, basis, fit, _advice(plan, fit)))
    return rows


def _advice(plan: Plan, fit: str | None) -> str | None:
    """How the fitting style compares with the styles the mentor says they use most."""
    if fit is None or not plan.usual_styles or fit not in plan.style_order:
        return None
    order = plan.style_order
    if fit in plan.usual_styles:
        return "fits"
    usual = [order.index(s) for s in plan.usual_styles]
    return "more_direction" if order.index(fit) < min(usual) else "more_room"


def moved(ratings: list[Added], item_id: str) -> tuple[int | None, int | None]:
    """A competence's step in a role's first and latest rating (None where not rated)."""
    if not ratings:
        return None, None
    first = stage_value(ratings[0].shown.response.answers.get(item_id))
    last = stage_value(ratings[-1].shown.response.answers.get(item_id))
    return first, last


def evaluation_agenda(plan: Plan) -> dict:
    """Topics for the evaluation interview (handbook 3.1), from the ladder ratings.

    progress: competences a role rated higher in its latest rating than in the one before;
    differences: competences the latest ratings flag (far apart, not seen, part or not);
    strengths: competences on the top step in the mentor's latest rating (else the trainee's);
    next: competences on the lower half of the steps there, for the next activity plan (1.3).
    """
    q = plan.ladder
    result = {"progress": [], "differences": [], "strengths": [], "next": []}
    if q is None:
        return result
    top = max(s.value for s in q.stages)
    for role, ratings in (("trainee", plan.trainee_ratings), ("mentor", plan.mentor_ratings)):
        if len(ratings) < 2:
            continue
        before, now = ratings[-2].shown.response.answers, ratings[-1].shown.response.answers
        for item in q.items:
            a, b = stage_value(before.get(item.id)), stage_value(now.get(item.id))
            if a is not None and b is not None and b > a:
                result["progress"].append((role, item, a, b))
    for row in plan.rows:
        if row.flag is not None:
            result["differences"].append(row)
        if row.basis == top:
            result["strengths"].append(row)
        elif row.basis is not None and row.basis <= top // 2:
            result["next"].append(row)
    return result


def over_time_chart(plan: Plan):
    """Every ladder rating of the plan as one dot table: the trainee's marks round, the mentor's
    square, each numbered from the first rating of its role."""
    q = plan.ladder
    if q is None or not (plan.trainee_ratings or plan.mentor_ratings):
        return None
    series = []
    for role, ratings, shape, colour in (
        ("trainee", plan.trainee_ratings, "circle", spec.ACCENT),
        ("mentor", plan.mentor_ratings, "square", spec.MARKS[1][1]),
    ):
        for n, added in enumerate(ratings, start=1):
            response = added.shown.response
            if role == "trainee":
                name = _("Trainee, rating %(num)d", num=n)
            else:
                name = _("Mentor, rating %(num)d", num=n)
            series.append(
                spec.Series(
                    name=f"{name} ({rating_label(response)})",
                    values=tuple(stage_value(response.answers.get(i.id)) for i in q.items),
                    shape=shape,
                    colour=colour,
                    number=n,
                )
            )
    return spec.DotTable(
        title=_("Every rating, step by step"),
        description=_(
            "Table of the competences against the steps, with a numbered mark for each rating."
        ),
        corner=_("Competence"),
        row_labels=tuple(qt(q.id, i.stem) for i in q.items),
        columns=tuple(s.value for s in q.stages),
        column_names=tuple(qt(q.id, s.short) for s in q.stages),
        series=tuple(series),
    )
