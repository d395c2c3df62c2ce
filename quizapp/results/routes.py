"""Views: a result page, and deleting a result for good."""

from __future__ import annotations

from flask import abort, render_template, request, session
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup

from ..charts import plotly
from ..config import CSP
from ..context import perspective_texts
from ..engine import score_range
from ..errors import not_found
from ..extensions import talisman
from ..i18n import current_lang, qt, reader_of, second_lang, select_second_language
from ..library import get_library
from ..limits import DELETIONS
from ..urls import external_url
from . import bp
from .charts import charts_for
from .ladder import ladder_page_data
from .pages import csrf_hole, result_pages
from .present import details, recommendation_data, shown_result
from .qr import qr_svg
from .store import delete_response, get_response_or_404, ladder_state


@bp.get("/<token>")
def show(token: str):
    """Show the scores, charts and advice of one result."""
    response = get_response_or_404(token)
    q = get_library().questionnaires.get(response.questionnaire)
    if q is None:
        not_found("result")
    select_second_language()
    result_url = external_url(".show", token=token)
    title_text = perspective_texts(q, response.perspective or "self")["title"]
    reader = reader_of(q.audience, response.perspective)
    state = ladder_state(response) if q.kind == "competence-ladder" else ()
    key = ("result", token, current_lang(), second_lang(), result_url, state)
    pages = result_pages()

    def body() -> str:
        return pages.get_or_render(
            key, lambda: _render_body(response, result_url, title_text, reader)
        )

    def page() -> str:
        return render_template(
            "results/show.html",
            body=Markup(body()),
            q=q,
            response=response,
            result_url=result_url,
            reader=reader,
            title=qt(q.id, title_text),
            title_text=title_text,
        )

    if session.get("_flashes"):
        return pages.fill(page())
    return pages.fill(pages.get_or_render(("page", request.path, *key), page))


def render_shared(response, url: str, key: tuple) -> Markup:
    """A result's kept part, read-only, for a programme's coordinator it is shared with: as
    its owner reads it, without anything that names its private link."""
    q = get_library().questionnaires[response.questionnaire]
    title_text = perspective_texts(q, response.perspective or "self")["title"]
    reader = reader_of(q.audience, response.perspective)
    state = ladder_state(response) if q.kind == "competence-ladder" else ()
    full_key = (*key, response.token, current_lang(), url, state)
    return Markup(
        result_pages().get_or_render(
            full_key, lambda: _render_body(response, url, title_text, reader, shared=True)
        )
    )


def _render_body(
    response, result_url: str, title_text: str, reader: str, shared: bool = False
) -> str:
    """Score a result and render the part of its page that is kept (see results/pages.py)."""
    shown = shown_result(response)
    recs = []
    if shown.result is not None:
        recs = [
            recommendation_data(shown.q, r, external=False)
            for r in shown.result.recommendations
            if reader in r.readers
        ]
    return render_template(
        f"results/{shown.q.kind}.html",
        shown=shown,
        q=shown.q,
        result=shown.result,
        recs=recs,
        charts=charts_for(shown, reader),
        details=details(shown),
        ladder=ladder_page_data(shown)
        if shown.q.kind == "competence-ladder" and shown.result
        else None,
        result_url=result_url,
        reader=reader,
        score_range=score_range,
        title_text=title_text,
        qr=None if shared else qr_svg(result_url),
        csrf_token=csrf_hole,
        shared=shared,
    )


# Plotly adds style elements to the page, so this one view allows inline styles.
EXPLORE_CSP = dict(CSP, **{"style-src": ["'self'", "'unsafe-inline'"]})


@bp.get("/<token>/explore")
@talisman(content_security_policy=EXPLORE_CSP)
def explore(token: str):
    """The result's charts drawn with Plotly, for pointing at a mark to see its value."""
    shown = shown_result(get_response_or_404(token))
    if shown is None or shown.result is None:
        not_found("result")
    charts = charts_for(shown, reader_of(shown.q.audience, shown.response.perspective))
    if shown.q.kind == "competence-ladder":
        charts = {"ladder": ladder_page_data(shown)["chart"]}
    return render_template(
        "results/explore.html",
        token=token,
        figures={key: plotly.figure(chart) for key, chart in charts.items()},
        titles={key: chart.title for key, chart in charts.items()},
        title=_("Explore the charts"),
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
