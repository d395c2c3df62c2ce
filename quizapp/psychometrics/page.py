"""The psychometrics page: responses streamed from the database, charts in the page's language,
and the HTML, as a page of the app or as one file that stands on its own (for the CLI).

There is no public route: an instance-wide report would show everyone's aggregate data to
anyone. A page that owns a group of responses (a programme's admin page) renders them with
`render_reports(build_reports(..., criteria))`; the operator runs
`flask questionnaires psychometrics`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from flask import current_app, render_template
from flask_babel import format_decimal, format_percent, pgettext

from ..charts import spec
from ..config import PROJECT_ROOT
from ..engine import Questionnaire
from ..extensions import db
from ..i18n import qt
from ..library import get_library
from ..models import Attachment, Response, utcnow
from ..results.store import retention_cutoff
from .report import MINIMUM, NORMS, RETEST_DAYS, Needs, Report, report

BATCH = 1000  # rows fetched at a time: memory stays flat however many responses there are
CSS = PROJECT_ROOT / "quizapp" / "static" / "app.css"


def stored_rows(qid: str, version: int, *criteria, batch: int = BATCH) -> Iterator:
    """Stream the responses to one questionnaire and version that have not expired, oldest first.

    Each row has the columns of a Response and the internship and role it belongs to (None
    when it belongs to none). `criteria` narrow them down (SQLAlchemy expressions on Response
    or Attachment, e.g. a programme's internships).
    """
    statement = (
        db.select(
            Response.id,
            Response.lang,
            Response.answers,
            Response.perspective,
            Response.phase,
            Response.series,
            Response.created,
            Attachment.internship_id,
            Attachment.role,
        )
        .outerjoin(Attachment, Attachment.response_id == Response.id)
        .where(
            Response.questionnaire == qid,
            Response.version == version,
            Response.created >= retention_cutoff(),
            *criteria,
        )
        .order_by(Response.id)
        .execution_options(yield_per=batch)
    )
    yield from db.session.execute(statement)


def stored_versions(qid: str, *criteria) -> list[int]:
    """The versions of a questionnaire that stored responses were given to, oldest first."""
    statement = (
        db.select(Response.version)
        .outerjoin(Attachment, Attachment.response_id == Response.id)
        .where(Response.questionnaire == qid, Response.created >= retention_cutoff(), *criteria)
        .distinct()
        .order_by(Response.version)
    )
    return list(db.session.execute(statement).scalars())


def build_reports(
    questionnaire: str | None = None, version: int | None = None, *criteria
) -> list[Report]:
    """One report per questionnaire and version with responses (the current version if none).

    Raises KeyError for an unknown questionnaire id.
    """
    library = get_library()
    ids = [questionnaire] if questionnaire else sorted(library.questionnaires)
    reports = []
    for qid in ids:
        q = library.questionnaires[qid]
        versions = [version] if version else stored_versions(qid, *criteria) or [q.version]
        for v in versions:
            reports.append(report(stored_rows(qid, v, *criteria), q, v))
    return reports


def number(value: float | None, digits: int = 2) -> str:
    """A number with a fixed number of decimals in the page's language; a dash for None."""
    if value is None:
        return "–"
    return format_decimal(value, "#,##0." + "0" * digits if digits else "#,##0")


def value(x: float | None) -> str:
    """A whole number as such, anything else with two decimals; a dash for None."""
    if x is None:
        return "–"
    return number(x, 0 if x == int(x) else 2)


def signed(value: float | None, digits: int = 1) -> str:
    """A number with its sign (+2,5 or −2,5); a dash for None."""
    if value is None:
        return "–"
    text = number(abs(value), digits)
    return text if text == number(0, digits) else ("+" if value > 0 else "\u2212") + text


def percent(share: float | None, digits: int = 1) -> str:
    """A share (0..1) as a percentage in the page's language; a dash for None."""
    if share is None:
        return "–"
    return format_percent(share, "#,##0." + "0" * digits + "%")


def form_name(form: str) -> str:
    """Who answered, as a column or series name."""
    return (
        pgettext("psychometrics", "Mentors")
        if form == "mentor"
        else pgettext("psychometrics", "Trainees")
    )


def scale_name(q: Questionnaire, scale_id: str) -> str:
    """A score's name, with its id where the id says something (AC-CE)."""
    name = qt(q.id, q.scale(scale_id).name)
    return f"{name} ({scale_id})" if "-" in scale_id and scale_id.isupper() else name


def histogram_chart(q: Questionnaire, thirds) -> spec.Histogram:
    """The distribution of one score with the cut points of its local thirds."""
    counts = dict(thirds.histogram)
    span = thirds.high - thirds.low
    lower, upper = thirds.cuts
    return spec.Histogram(
        title=pgettext(
            "psychometrics",
            "How often each score occurs: %(score)s",
            score=scale_name(q, thirds.scale),
        ),
        description=pgettext(
            "psychometrics",
            "Column chart of how many answers have each score, with the two cut points of the"
            " local thirds; the tables below give the numbers.",
        ),
        low=thirds.low,
        high=thirds.high,
        counts=tuple(counts.get(v, 0) for v in range(thirds.low, thirds.high + 1)),
        tick_step=max(1, 6 * math.ceil(span / 36)) if span > 12 else 1,
        cuts=(lower, upper),
        cut_labels=(
            pgettext("psychometrics", "First cut point: %(value)s", value=signed(lower)),
            pgettext("psychometrics", "Second cut point: %(value)s", value=signed(upper)),
        ),
        x_title=scale_name(q, thirds.scale),
        signed=thirds.low < 0,
    )


def first_listed_chart(first, ranked: bool) -> spec.ShareBars:
    """How often each place in the list came first, against the share expected by chance."""
    shares = [count / first.answers for count in first.by_position]
    top = max([*shares, first.expected]) * 100
    return spec.ShareBars(
        title=pgettext("psychometrics", "How often each place in the list is ranked first")
        if ranked
        else pgettext("psychometrics", "How often each place in the list is chosen"),
        description=pgettext(
            "psychometrics",
            "Bar chart of the share of answers per place in the list, with a dashed line at"
            " the share expected if the order made no difference; the table below gives the"
            " numbers.",
        ),
        labels=tuple(
            pgettext("psychometrics", "Place %(num)d", num=k + 1) for k in range(len(shares))
        ),
        values=tuple(s * 100 for s in shares),
        value_labels=tuple(percent(s) for s in shares),
        scale_max=max(40, 10 * math.ceil(top / 10)),
        tick_step=10,
        reference=first.expected * 100,
        reference_label=pgettext(
            "psychometrics", "Expected: %(share)s", share=percent(first.expected)
        ),
    )


def _option_label(q: Questionnaire, item, option_id: str) -> str:
    option = item.option(option_id)
    short = q.scale(option.scale).short if option.scale and q.scale(option.scale) else None
    return f"{option_id} · {qt(q.id, short)}" if short else option_id


def rank_matrix(q: Questionnaire, options) -> spec.Matrix:
    """One ranked item: how often each option got each place."""
    item = q.item(options.item)
    return spec.Matrix(
        title=f"{item.id}: {qt(q.id, item.stem)}",
        description=pgettext("psychometrics", "How often each option was ranked in each place."),
        corner=pgettext("psychometrics", "Option"),
        row_labels=tuple(_option_label(q, item, o) for o in options.options),
        col_labels=tuple(
            pgettext("psychometrics", "Place %(num)d", num=int(c)) for c in options.columns
        ),
        counts=options.counts,
        marked=(None,) * len(options.options),
        marked_label="",
        count_max=max((c for row in options.counts for c in row), default=0) or 1,
    )


def choice_matrix(q: Questionnaire, group: list) -> spec.Matrix:
    """Items with the same options: how often each option was chosen, one row per item.

    Where the items share the wording of their options, the columns carry it; otherwise the
    option ids (their letters). The option with the most points (the best fit) is marked.
    """
    items = [q.item(o.item) for o in group]
    ids = group[0].options
    texts = {tuple(i.option(o).text for o in ids) for i in items}
    if len(texts) == 1 and all(i.option(o).value is not None for i in items for o in ids):
        columns = tuple(qt(q.id, i) for i in next(iter(texts)))
    else:
        columns = ids
    marked = []
    for item in items:
        points = [item.option(o).points for o in ids]
        best = max((p for p in points if p is not None), default=None)
        marked.append(points.index(best) if best is not None else None)
    return spec.Matrix(
        title=pgettext("psychometrics", "How often each option was chosen"),
        description=pgettext(
            "psychometrics", "How often each option was chosen, one row per question."
        ),
        corner=pgettext("psychometrics", "Question"),
        row_labels=tuple(
            f"{i.id} ({', '.join(i.tags)})" if i.tags and q.kind == "leadership" else i.id
            for i in items
        ),
        col_labels=columns,
        counts=tuple(tuple(row[0] for row in o.counts) for o in group),
        marked=tuple(marked),
        marked_label=pgettext("psychometrics", "best fit"),
        count_max=max((row[0] for o in group for row in o.counts), default=0) or 1,
    )


def stage_matrix(q: Questionnaire, group: list) -> spec.Matrix:
    """Ladder items: how often each step (or no rating) was given, one row per competence."""
    names = {n.id: n.means for n in q.no_rating}
    no_stage = {
        "not_observed": pgettext("psychometrics", "Not seen yet"),
        "not_applicable": pgettext("psychometrics", "Not part of it"),
    }
    columns = []
    for o in group[0].options:
        if o in names:
            columns.append(no_stage.get(names[o], o))
        else:
            stage = q.stage(int(o))
            columns.append(f"{o} · {qt(q.id, stage.short)}" if stage and stage.short else o)
    return spec.Matrix(
        title=pgettext(
            "psychometrics", "Steps given by %(who)s", who=form_name(group[0].form).lower()
        ),
        description=pgettext(
            "psychometrics", "How often each step was given, one row per competence."
        ),
        corner=pgettext("psychometrics", "Competence"),
        row_labels=tuple(qt(q.id, q.item(o.item).stem) for o in group),
        col_labels=tuple(columns),
        counts=tuple(tuple(row[0] for row in o.counts) for o in group),
        marked=(None,) * len(group),
        marked_label="",
        count_max=max((row[0] for o in group for row in o.counts), default=0) or 1,
    )


def option_charts(q: Questionnaire, r: Report) -> list[tuple[str, Needs, list, list]]:
    """The tables of option frequencies of each form (who answered), with the sample they need:
    one per ranked item, and one per group of choice or ladder items with the same options."""
    shown = []
    for form, answers in r.by_form:
        ranked: list[tuple[str, spec.Matrix]] = []
        grouped: list[tuple[str, spec.Matrix]] = []
        shown.append((form, Needs(answers, MINIMUM["options"]), ranked, grouped))
        groups: dict = {}
        for options in (o for o in r.options if o.form == form):
            if options.kind == "rank":
                ranked.append((f"{form}-{options.item}", rank_matrix(q, options)))
            else:
                groups.setdefault((options.kind, options.options), []).append(options)
        for k, ((kind, _ids), group) in enumerate(groups.items(), start=1):
            build = stage_matrix if kind == "stage" else choice_matrix
            grouped.append((f"{form}-group{k}", build(q, group)))
    return shown


def report_view(r: Report) -> dict:
    """A report with its questionnaire and its charts, as the template reads it."""
    q = get_library().questionnaires[r.questionnaire]
    ranked = any(i.kind == "rank" for i in q.items)
    return {
        "r": r,
        "q": q,
        "thirds": {t.scale: histogram_chart(q, t) for t in r.thirds if t.cuts is not None},
        "first": {
            f.form: first_listed_chart(f, ranked)
            for f in r.first_listed
            if f.needs.met and f.answers
        },
        "options": option_charts(q, r),
        "ranked": ranked,
    }


def report_context(reports: list[Report]) -> dict:
    """What a template needs to show reports with psychometrics/_report.html."""
    return {
        "views": [report_view(r) for r in reports],
        "minimum": MINIMUM,
        "norms": NORMS,
        "retest_days": RETEST_DAYS,
        "retention_days": current_app.config["RESULT_RETENTION_DAYS"],
        "now": utcnow(),
        "fmt": {"number": number, "value": value, "signed": signed, "percent": percent},
        "form_name": form_name,
        "scale_name": scale_name,
    }


def render_reports(reports: list[Report], standalone: bool = False) -> str:
    """The page of one or more reports; `standalone` inlines the stylesheet and leaves out the
    site's navigation, for a file opened from disk."""
    return render_template(
        "psychometrics/page.html",
        **report_context(reports),
        standalone=standalone,
        css=CSS.read_text(encoding="utf-8") if standalone else "",
    )
