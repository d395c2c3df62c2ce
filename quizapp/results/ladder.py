"""Competence ladder: inviting the other rater, rating again, and comparing two ratings."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import format_date
from flask_wtf import FlaskForm
from markupsafe import Markup

from ..context import set_context
from ..engine import compare_ratings
from ..errors import not_found
from ..i18n import current_lang, qt, reader_of
from ..i18n import ntext as ngettext
from ..i18n import ptext as pgettext  # a name the extractor knows
from ..i18n import text as _
from ..library import get_library, minutes_for
from ..limits import INVITATIONS
from ..text_clean import clean_name
from ..urls import external_url
from . import bp
from .charts import ladder_chart
from .pages import result_pages
from .present import recommendation_data, shown_result
from .qr import qr_svg
from .store import (
    create_invitation,
    expiry_of,
    find_invitation,
    find_response,
    get_response_or_404,
    invitations_of,
    series_of,
)


def rating_label(response) -> str:
    """Name a rating by its date and, if given, its phase."""
    phase = {"start": _("start"), "middle": _("middle"), "end": _("end")}.get(response.phase)
    date = format_date(response.created_utc, "medium")
    return f"{date} ({phase})" if phase else date


def advice_data(q, advice) -> dict:
    """Advice from a ladder file in the shape the advice cards show."""
    return recommendation_data(q, advice, external=False)


def no_rating_text(q, answer, mentor_view: bool) -> str:
    """Say why a competence has no step: the rater's own choice, or 'not rated'."""
    option = next((n for n in q.no_rating if n.id == answer), None)
    if option is None:
        return _("not rated")
    return qt(q.id, option.text_mentor if mentor_view else option.text)


@bp.context_processor
def ladder_helpers() -> dict:
    """Helpers for the competence-ladder templates."""
    return {
        "rating_label": rating_label,
        "no_rating_text": no_rating_text,
        "advice_data": advice_data,
    }


def ladder_page_data(shown) -> dict:
    """The series, the invitations and the chart a competence-ladder result page shows."""
    response = shown.response
    q = shown.q
    mentor_view = response.perspective == "mentor"
    series = [shown_result(r) for r in series_of(response)]
    series = [s for s in series if s is not None and s.result is not None]
    scores = shown.result.scores
    stage_items = {
        stage.value: [i.id for i in q.items if scores.get(i.id) == stage.value]
        for stage in q.stages
    }
    over_time = len(series) > 1
    shown_ratings = series if over_time else [shown]
    if over_time and mentor_view:
        title = pgettext("mentor", "Your ratings of the trainee over time")
    elif over_time:
        title = pgettext("trainee", "Your ratings over time")
    elif mentor_view:
        title = pgettext("mentor", "Where your trainee stands")
    else:
        title = pgettext("trainee", "Where you stand")
    labels = [rating_label(s.response) if over_time else _("This rating") for s in shown_ratings]

    def note(k, item):
        why = no_rating_text(q, shown_ratings[k].response.answers.get(item.id), mentor_view)
        return f"{labels[k]}: {why}" if over_time else why

    chart = ladder_chart(
        q,
        [(label, s.result.scores) for label, s in zip(labels, shown_ratings, strict=True)],
        title,
        _("Table of the competences against the four steps, with a mark on each rating's step."),
        notes=note,
    )
    invitations = invitations_of(response)
    made = [i for i in invitations if i.from_id == response.id]
    invite_url = external_url(".invited", token=made[0].token) if made else None
    other = "mentor" if response.perspective == "self" else "self"
    return {
        "series": series,
        "over_time": over_time,
        "invitations": invitations,
        "chart": chart,
        # Rows without a step (not seen yet, not part of the internship): the page explains them.
        "unrated": any(v is None for s in chart.series for v in s.values),
        "valid_until": expiry_of(response),
        "invite_minutes": minutes_for(q, other)["required"],
        "invite_qr": qr_svg(invite_url) if invite_url else None,
        "stage_items": stage_items,
        "stage_advice": {
            block.stage: [advice_data(q, a) for a in block.advice] for block in q.stage_advice
        },
    }


def _posted_ladder_result(token: str):
    """The competence-ladder result a form on its page was posted from (CSRF checked)."""
    response = get_response_or_404(token)
    shown = shown_result(response)
    if shown is None or shown.q.kind != "competence-ladder" or not FlaskForm().validate_on_submit():
        abort(400)
    return shown


@bp.post("/<token>/invite")
def invite(token: str):
    """Make the private link that lets the other rater rate the same trainee once."""
    response = _posted_ladder_result(token).response
    other = "mentor" if response.perspective == "self" else "self"
    with INVITATIONS:
        create_invitation(response, other, clean_name(request.form.get("name")))
    return redirect(url_for(".show", token=token, _anchor="invite"))


@bp.post("/<token>/again")
def again(token: str):
    """Start a new rating that joins this result's series."""
    shown = _posted_ladder_result(token)
    set_context(shown.q.id, perspective=shown.response.perspective or "self", series_from=token)
    return redirect(url_for("quiz.start", qid=shown.q.id))


@bp.get("/invite/<token>", endpoint="invited")
def invited(token: str):
    """Open an invitation: rate the trainee once, in the invited rater's wording."""
    invitation = find_invitation(token)
    if invitation is None or find_response(invitation.from_response.token) is None:
        not_found("invitation")
    if invitation.answer_id is not None:
        q = get_library().questionnaires[invitation.from_response.questionnaire]
        reader = reader_of(q.audience, invitation.perspective)
        page = render_template(
            "results/invitation_used.html", title=_("Link already used"), reader=reader
        )
        return page, 410
    qid = invitation.from_response.questionnaire
    set_context(qid, perspective=invitation.perspective)
    set_context(qid, invite=token)
    return redirect(url_for("quiz.start", qid=qid))


@bp.get("/compare/<token>")
def compare(token: str):
    """Show a self-rating and a mentor's rating of the same trainee side by side."""
    from ..extensions import db
    from ..models import Invitation

    invitation = db.session.execute(
        db.select(Invitation).filter_by(compare_token=token)
    ).scalar_one_or_none()
    if invitation is None or invitation.answer is None:
        not_found("comparison")
    compare_url = external_url(".compare", token=token)
    pair = (invitation.from_response.token, invitation.answer.token)
    key = ("compare", token, current_lang(), compare_url, pair)
    pages = result_pages()

    def page() -> str:
        body = pages.get_or_render(key, lambda: _render_comparison(invitation, compare_url))
        return render_template(
            "results/compare.html", body=Markup(body), title=_("Two views side by side")
        )

    if session.get("_flashes"):
        return pages.fill(page())
    return pages.fill(pages.get_or_render(("page", request.path, *key), page))


def _render_comparison(invitation, compare_url: str) -> str:
    """Score both ratings and render the comparison's content (kept: see results/pages.py)."""
    pair = [shown_result(invitation.from_response), shown_result(invitation.answer)]
    if any(s is None or s.result is None for s in pair):
        not_found("comparison")
    own, mentor = sorted(pair, key=lambda s: s.response.perspective != "self")
    q = own.q
    rows = compare_ratings(q, own.response.answers, mentor.response.answers)
    raters = [(own, _("Trainee"), False), (mentor, _("Mentor"), True)]

    def note(k, item):
        rated, name, mentor_view = raters[k]
        return f"{name}: {no_rating_text(q, rated.response.answers.get(item.id), mentor_view)}"

    differ_by = q.comparison.differ_by
    flags = {
        "differ": ngettext("%(num)d step or more apart", "%(num)d steps or more apart", differ_by),
        "not_observed": _("Not seen yet"),
        "not_applicable": _("Part of this internship or not?"),
    }
    chart = ladder_chart(
        q,
        [(name, rated.result.scores) for rated, name, _mentor in raters],
        _("The trainee's and the mentor's rating"),
        _(
            "Table of the competences against the four steps,"
            " with the trainee's and the mentor's mark."
        ),
        notes=note,
        flags=[flags.get(row["flag"]) for row in rows],
    )
    return render_template(
        "results/_compare.html",
        q=q,
        own=own,
        mentor=mentor,
        rows=rows,
        chart=chart,
        compare_url=compare_url,
        qr=qr_svg(compare_url),
    )
