"""Competence ladder: inviting the other rater, rating again, and comparing two ratings."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ..i18n import qt
from ..limits import INVITATIONS
from ..quiz.context import set_context
from ..urls import external_url
from . import bp
from .figures import ladder_figure
from .present import recommendation_data, shown_result
from .qr import qr_svg
from .store import (
    create_invitation,
    find_invitation,
    get_response_or_404,
    invitations_of,
    series_of,
)

# Two ratings this many stages apart or more are a topic for the assessment interview.
DIFFER_BY = 2


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
        "format_decimal": format_decimal,
    }


def ladder_page_data(shown) -> dict:
    """The series and the invitations a competence-ladder result page shows."""
    response = shown.response
    series = [shown_result(r) for r in series_of(response)]
    series = [s for s in series if s is not None and s.result is not None]
    scores = shown.result.scores
    stage_items = {
        stage.value: [i.id for i in shown.q.items if scores.get(i.id) == stage.value]
        for stage in shown.q.stages
    }
    data = {
        "series": series,
        "invitations": invitations_of(response),
        "series_figure": None,
        "stage_items": stage_items,
        "stage_advice": {
            block.stage: [advice_data(shown.q, a) for a in block.advice]
            for block in shown.q.stage_advice
        },
    }
    if len(series) > 1:
        data["series_figure"] = ladder_figure(
            shown.q, [(rating_label(s.response), s.result.scores) for s in series], connect=True
        )
    return data


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
        create_invitation(response, other)
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
    if invitation is None or get_response_or_404(invitation.from_response.token) is None:
        abort(404)
    if invitation.answer_id is not None:
        return render_template("results/invitation_used.html", title=_("Link already used")), 410
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
        abort(404)
    pair = [shown_result(invitation.from_response), shown_result(invitation.answer)]
    if any(s is None or s.result is None for s in pair):
        abort(404)
    own, mentor = sorted(pair, key=lambda s: s.response.perspective != "self")
    compare_url = external_url(".compare", token=token)
    q = own.q
    rows = comparison_rows(q, own.result.scores, mentor.result.scores)
    figure = ladder_figure(
        q, [(_("Trainee"), own.result.scores), (_("Mentor"), mentor.result.scores)]
    )
    return render_template(
        "results/compare.html",
        q=q,
        own=own,
        mentor=mentor,
        rows=rows,
        figure=figure,
        title=qt(q.id, q.title),
        compare_url=compare_url,
        qr=qr_svg(compare_url),
        figures={"compare": figure},
    )


def comparison_rows(q, own: dict, mentor: dict) -> list[dict]:
    """One row per competence: both stages and whether it is a topic to talk about."""
    rows = []
    for item in q.items:
        a, b = own.get(item.id), mentor.get(item.id)
        flag = None
        if a is None or b is None:
            flag = "not_observed"
        elif abs(a - b) >= DIFFER_BY:
            flag = "differ"
        rows.append({"item": item, "self": a, "mentor": b, "flag": flag})
    return rows


def comparison_advice(q, flag: str):
    """Return the advice for a kind of difference."""
    return next((a for a in q.comparison_advice if a.when == flag), None)
