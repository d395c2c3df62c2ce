"""Checklists: a trainee's and a mentor's answers to the same list, turned into an agenda."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import AgendaRule, Item, Part, Questionnaire
from .scoring import answer_value


@dataclass(frozen=True)
class AgendaRow:
    """One line of the checklist: both answers' values and the rule that applies (or None)."""

    part: Part
    item: Item
    trainee: int | None
    mentor: int | None
    rule: AgendaRule | None

    @property
    def outcome(self) -> str | None:
        """ "meet", "talk", or None when the line is no topic."""
        return self.rule.outcome if self.rule is not None else None


def agenda(q: Questionnaire, trainee: dict | None, mentor: dict | None) -> list[AgendaRow]:
    """Every line of a checklist with the first agenda rule of its part that holds.

    With one of the two answer sets missing, no rule holds: the rows still carry the answers
    that are there, so a page can show what one person said while waiting for the other.
    """
    rows = []
    for part in q.parts:
        for item in part.items:
            a = answer_value(item, (trainee or {}).get(item.id))
            b = answer_value(item, (mentor or {}).get(item.id))
            rule = next((r for r in part.agenda if r.trainee.holds(a) and r.mentor.holds(b)), None)
            rows.append(AgendaRow(part, item, a, b, rule))
    return rows
