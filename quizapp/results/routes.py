"""Views: a result page, and deleting a result for good."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ..i18n import current_lang, qt, second_lang, select_second_language
from ..limits import DELETIONS
from ..quiz.context import perspective_texts
from ..urls import external_url
from . import bp
from .figures import figures_for
from .ladder import ladder_page_data
from .present import details, recommendation_data, shown_result
from .qr import qr_svg
from .store import delete_response, get_response_or_404


@bp.get("/<token>")
def show(token: str):
    """Show the scores, charts and advice of one result."""
    response = get_response_or_404(token)
    shown = shown_result(response)
    if shown is None:
        abort(404)
    select_second_language()
    result_url = external_url(".show", token=token)
    texts = perspective_texts(shown.q, response.perspective or "self")
    title_text = texts["title"]
    recs = []
    figures = {}
    if shown.result is not None:
        recs = [
            recommendation_data(shown.q, r, external=False) for r in shown.result.recommendations
        ]
        figures = figures_for(shown, current_lang(), second_lang())
    return render_template(
        f"results/{shown.q.kind}.html",
        shown=shown,
        q=shown.q,
        result=shown.result,
        recs=recs,
        figures=figures,
        details=details(shown),
        ladder=ladder_page_data(shown)
        if shown.q.kind == "competence-ladder" and shown.result
        else None,
        result_url=result_url,
        form=FlaskForm(),
        title=qt(shown.q.id, title_text),
        title_text=title_text,
        qr=qr_svg(result_url),
    )


@bp.route("/<token>/delete", methods=["GET", "POST"])
def delete(token: str):
    """Ask, then delete a result for good."""
    response = get_response_or_404(token)
    form = FlaskForm()
    if form.validate_on_submit():
        with DELETIONS:
            delete_response(response)
        return render_template("results/deleted.html")
    if form.errors:
        abort(400)
    return render_template(
        "results/delete.html", response=response, form=form, title=_("Delete this result")
    )
