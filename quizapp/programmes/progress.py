"""Progress per internship: which questionnaires each role has done in each rating phase.

What is expected when is our own schedule, in the direction of the handbook: the learning
style, the expectations checklist (2.2) and the leadership styles at the start; the
competence ladder in every phase (2.3, 3.1); the process evaluation at the end (3.2). Only
roles that agreed show their progress; a role that has not opened its link yet shows that
link, to send.
"""

from __future__ import annotations

import re
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


# The progress list and its reminders show this many internships per page (?page=); the
# figures above and the summary of whom to remind count all of them.
PER_PAGE = 50


def _natural(text: str) -> tuple:
    """A sort key that puts "Internship 2" before "Internship 10", ignoring case."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", text.casefold())
        if part
    )


def in_label_order(rows: list[InternshipProgress]) -> list[InternshipProgress]:
    """The rows by the label the coordinator gave (numbers in order); internships without a
    label after them, in the order they were made."""
    return sorted(
        rows,
        key=lambda row: (
            row.member.label is None,
            _natural(row.member.label or ""),
            row.member.number,
        ),
    )


def page_count(rows: int, per_page: int = PER_PAGE) -> int:
    """How many pages a list of `rows` takes (at least one, empty or not)."""
    return max(1, -(-rows // per_page))


@dataclass(frozen=True)
class RemindSummary:
    """Whom to remind over all internships, whatever page is shown."""

    internships: int  # internships with someone to remind
    not_opened: int  # roles that have not opened their link
    due: int  # roles with a questionnaire due and not done
    pages: tuple[int, ...]  # the pages of the list that hold them


def remind_summary(rows: list[InternshipProgress], per_page: int = PER_PAGE) -> RemindSummary:
    """Count whom to remind in `rows` (in the order of the pages)."""
    waiting = due = 0
    pages = []
    internships = 0
    for n, row in enumerate(rows):
        roles = row.to_remind
        if not roles:
            continue
        internships += 1
        waiting += sum(p.state == "waiting" for p in roles)
        due += sum(bool(p.missing_due) for p in roles)
        page = n // per_page + 1
        if not pages or pages[-1] != page:
            pages.append(page)
    return RemindSummary(internships, waiting, due, tuple(pages))
