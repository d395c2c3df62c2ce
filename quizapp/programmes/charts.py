"""The dashboard's charts, described once (quizapp.charts.spec) in the coordinator's language.

Each chart is drawn on the server, as SVG or as a table with marks, and the page gives its
numbers as a table too. A count that the anonymity rule hides is None here: the bars leave it
out and the tables say "fewer than k".
"""

from __future__ import annotations

from flask import g
from flask_babel import format_decimal, get_locale, pgettext

from ..charts import spec
from ..i18n import qt
from ..i18n import text as _
from .cohort import Distribution, LadderGroup, Leadership
from .evaluation import Summary


def nice_step(largest: int, ticks: int = 6) -> int:
    """A tick step of 1, 2 or 5 times a power of ten that gives at most `ticks` steps."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if largest <= ticks * factor * power:
                return factor * power
        power *= 10


def hidden_label(k: int) -> str:
    """What a hidden count says."""
    return _("fewer than %(num)d", num=k)


def role_group(role: str) -> str:
    """The name of a group of people by role."""
    return {"trainee": _("Trainees"), "mentor": _("Mentors"), "coordinator": _("Coordinators")}[
        role
    ]


def learning_chart(dist: Distribution, q, role: str, k: int) -> spec.Bars:
    """How many of the counted people have each of the nine learning styles."""
    names = {c.id: qt(q.id, c.name) for c in q.classification("region").classes}
    counted = dist.group.counted
    return spec.Bars(
        title=_("Learning styles: %(group)s", group=role_group(role)),
        description=_(
            "Bar chart of how many of the %(num)d people counted have each learning style;"
            " the table below gives the numbers.",
            num=counted,
        ),
        labels=tuple(names[c] for c in dist.categories),
        values=dist.counts,
        scale_max=max(counted, 1),
        hidden_label=hidden_label(k),
        tick_step=nice_step(counted),
    )


def ladder_matrix(group: LadderGroup, q, k: int) -> spec.Matrix:
    """People per step for every competence, in one phase and one role; the median marked."""
    steps = [s.value for s in q.stages]
    return spec.Matrix(
        title=_(
            "%(group)s, %(phase)s: steps per competence",
            group=role_group(group.role),
            phase=phase_label(group.phase),
        ),
        description=_(
            "Table of the competences against the steps: how many of the %(num)d people"
            " counted chose each step. The median step is marked.",
            num=group.group.counted,
        ),
        corner=_("Competence"),
        row_labels=tuple(qt(q.id, q.item(row.item).stem) for row in group.rows),
        col_labels=(
            *(_("%(num)d %(name)s", num=s.value, name=qt(q.id, s.short)) for s in q.stages),
            _("no step"),
        ),
        counts=tuple(row.counts for row in group.rows),
        marked=tuple(steps.index(row.median) if row.median else None for row in group.rows),
        marked_label=_("median"),
        count_max=max(group.group.counted, 1),
        hidden_label=hidden_label(k),
    )


def medians_chart(trainees: LadderGroup | None, mentors: LadderGroup | None, q, phase: str):
    """The median step per competence of trainees (round) and mentors (square) in a phase,
    when both groups are shown; None otherwise."""
    if trainees is None or mentors is None:
        return None
    if not (trainees.group.shown and mentors.group.shown):
        return None
    series = []
    for group, (shape, colour), name in (
        (trainees, spec.MARKS[0], _("Trainees (median)")),
        (mentors, spec.MARKS[1], _("Mentors (median)")),
    ):
        series.append(
            spec.Series(
                name=name,
                values=tuple(row.median for row in group.rows),
                shape=shape,
                colour=colour,
            )
        )
    return spec.DotTable(
        title=_("%(phase)s: the median step of trainees and mentors", phase=phase_label(phase)),
        description=_(
            "Table of the competences against the steps, with a mark for the median step of"
            " the trainees and one for the mentors."
        ),
        corner=_("Competence"),
        row_labels=tuple(qt(q.id, i.stem) for i in q.items),
        columns=tuple(s.value for s in q.stages),
        column_names=tuple(qt(q.id, s.short) for s in q.stages),
        series=tuple(series),
    )


def leadership_charts(lead: Leadership, q, k: int) -> dict:
    """The mentors' choices per style, and how many mentors fall in each best-fit band."""
    counted = lead.group.counted
    total = counted * lead.items
    band = q.classification("best-fit-band")
    names = {c.id: qt(q.id, c.short or c.name) for c in band.classes}
    return {
        "range": spec.Bars(
            title=_("The mentors' choices per style"),
            description=_(
                "Bar chart of how often the %(num)d mentors counted chose each style, all their"
                " answers together; the table below gives the numbers.",
                num=counted,
            ),
            labels=tuple(qt(q.id, q.scale(s).name) for s in lead.styles),
            values=lead.choices,
            scale_max=max(total, 1),
            tick_step=nice_step(total),
        ),
        "bands": spec.Bars(
            title=_("Best-fit choices: mentors per band"),
            description=_(
                "Bar chart of how many of the %(num)d mentors counted fall in each band of"
                " best-fit choices; the table below gives the numbers.",
                num=counted,
            ),
            labels=tuple(names[b] for b in lead.bands),
            values=lead.band_counts,
            scale_max=max(counted, 1),
            hidden_label=hidden_label(k),
            tick_step=nice_step(counted),
        ),
    }


def evaluation_matrix(summary: Summary, role: str, k: int) -> spec.Matrix:
    """One role's ratings of the ten points: people per answer, the mean in the row's note."""
    q = summary.q
    rating = summary.points[0].rating
    return spec.Matrix(
        title=_("Ratings: %(group)s", group=role_group(role)),
        description=_(
            "Table of the ten points against the answers: how many of the %(num)d people"
            " counted gave each answer.",
            num=summary.groups[role].counted,
        ),
        corner=_("Point"),
        row_labels=tuple(qt(q.id, p.part.title) for p in summary.points),
        col_labels=tuple(qt(q.id, o.text) for o in rating.options),
        counts=tuple(p.roles[role].counts for p in summary.points),
        marked=tuple(None for _p in summary.points),
        marked_label="",
        count_max=max(summary.groups[role].counted, 1),
        row_notes=tuple(
            _("mean %(mean)s of 4", mean=mean_text(p.roles[role].mean))
            if p.roles[role].mean is not None
            else _("no mean: fewer than %(num)d ratings", num=k)
            for p in summary.points
        ),
        hidden_label=hidden_label(k),
    )


def mean_text(value: float) -> str:
    """A mean with one decimal, as the page's language writes it."""
    return format_decimal(value, "0.0")


def phase_label(phase: str) -> str:
    """The name of a rating phase, for a heading (looked up once per request and language:
    the dashboard names a phase for every internship)."""
    key = ("phase-labels", str(get_locale()))
    labels = g.get("_phase_labels", {})
    if key not in labels:
        labels[key] = {
            "start": pgettext("phase", "Start"),
            "middle": pgettext("phase", "Middle"),
            "end": pgettext("phase", "End"),
        }
        g._phase_labels = labels
    return labels[key][phase]
