"""Progress per internship: which questionnaires each role has done in each rating phase.

What is expected when is our own schedule, in the direction of the handbook: the learning
style, the expectations checklist (2.2) and the leadership styles at the start; the
competence ladder in every phase (2.3, 3.1); the process evaluation at the end (3.2). Only
roles that agreed show their progress; a role that has not opened its link yet shows that
link, to send.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..context import PHASES
from .data import Entry, Member, phase_of

ROLES = ("trainee", "mentor")
# (phase, role): the kinds of questionnaire expected of the role in that phase.
SCHEDULE = {
    ("start", "trainee"): ("learning-style", "checklist", "competence-ladder"),
    ("start", "mentor"): ("leadership", "checklist", "competence-ladder"),
    ("middle", "trainee"): ("competence-ladder",),
    ("middle", "mentor"): ("competence-ladder",),
    ("end", "trainee"): ("competence-ladder", "evaluation"),
    ("end", "mentor"): ("competence-ladder", "evaluation"),
}
# Done once for the whole internship (any date counts); the ladder is done per phase.
ONCE = ("learning-style", "checklist", "leadership", "evaluation")


@dataclass(frozen=True)
class Task:
    """One expected questionnaire in one phase, done or not."""

    kind: str
    done: bool


@dataclass
class RoleProgress:
    """What one role of one internship shows the coordinator."""

    role: str
    state: str  # "waiting" (link not opened), "private" (not agreed) or "shared"
    phases: dict[str, list[Task]] = field(default_factory=dict)
    missing_due: list[tuple[str, str]] = field(default_factory=list)  # (phase, kind)
    shared: list[Entry] = field(default_factory=list)

    def missing_in(self, phase: str) -> list[str]:
        """The kinds due in a phase and not done."""
        return [kind for due, kind in self.missing_due if due == phase]

    @property
    def done(self) -> int:
        """How many expected questionnaires are done."""
        return sum(t.done for tasks in self.phases.values() for t in tasks)

    @property
    def expected(self) -> int:
        """How many questionnaires are expected in all."""
        return sum(len(tasks) for tasks in self.phases.values())


@dataclass
class InternshipProgress:
    """One row of the progress list."""

    member: Member
    roles: dict[str, RoleProgress]

    @property
    def to_remind(self) -> list[RoleProgress]:
        """Roles to send their link, or to remind of what is due and not done."""
        return [p for p in self.roles.values() if p.state == "waiting" or p.missing_due]


def due_phases(dates: dict[str, date], today: date) -> list[str]:
    """The phases whose first day has come."""
    return [phase for phase in PHASES if dates[phase] <= today]


def progress(
    members: list[Member],
    entries: list[Entry],
    kinds: dict[str, str],
    programme,
    today: date,
) -> list[InternshipProgress]:
    """The progress of every internship. `entries` are the agreed roles' results; `kinds`
    gives the kind of each questionnaire id."""
    by_role: dict[tuple[int, str], list[Entry]] = {}
    for entry in entries:
        by_role.setdefault((entry.internship_id, entry.role), []).append(entry)
    due = due_phases(programme.phase_dates(), today)
    rows = []
    for member in members:
        roles = {}
        for role in ROLES:
            if not member.opened(role):
                roles[role] = RoleProgress(role, "waiting")
                continue
            if not member.agreed(role):
                roles[role] = RoleProgress(role, "private")
                continue
            mine = by_role.get((member.id, role), [])
            roles[role] = _role_progress(role, mine, kinds, programme, due)
        rows.append(InternshipProgress(member, roles))
    return rows


def _role_progress(role, mine: list[Entry], kinds, programme, due) -> RoleProgress:
    done_once = {kinds.get(e.questionnaire) for e in mine}
    rated = {
        phase_of(e, programme) for e in mine if kinds.get(e.questionnaire) == "competence-ladder"
    }
    result = RoleProgress(role, "shared", shared=[e for e in mine if e.shared])
    for phase in PHASES:
        tasks = []
        for kind in SCHEDULE[(phase, role)]:
            done = kind in done_once if kind in ONCE else phase in rated
            tasks.append(Task(kind, done))
            if not done and phase in due:
                result.missing_due.append((phase, kind))
        result.phases[phase] = tasks
    return result
