"""Paper questionnaires with a hand-scoring sheet, and typing paper answers in afterwards.

Both come from the same questionnaire file as the web form and the engine, so the paper key
cannot drift from the scores the app computes.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ..context import PHASES, perspective_fits, perspective_texts
from ..engine import Problem, check_answers, score_range
from ..errors import Refused, not_found, refusals
from ..i18n import band_range, current_lang, qt, reader_of
from ..library import get_questionnaire_or_404
from ..limits import RESULTS
from ..messages import problem_message
from ..models import new_token
from ..results.store import create_response, find_submitted, submission_hash
from . import bp
from .pages import read_item
from .routes import ALREADY_SENT, SEND_AGAIN, SUBMISSION_KEY


def kendall_constants(q, part_id: str) -> tuple[int, int, int, int]:
    """Return p, n and the two constants of Kendall's W for a part: W = (12 S - a) / b."""
    part = q.part(part_id)
    p, n = len(part.items), len(part.items[0].options)
    return p, n, 3 * p * p * n * (n + 1) ** 2, p * p * (n**3 - n)


def key_columns(q, part) -> list[str]:
    """The scales a part's options are keyed to, in the order the scales are defined."""
    keyed = {o.scale for item in part.items for o in item.options}
    return [s.id for s in q.scales if s.id in keyed]


@bp.get("/<qid>/paper")
def paper(qid: str):
    """A printable blank form with its instructions and a hand-scoring sheet."""
    q = get_questionnaire_or_404(qid)
    perspective = request.args.get("as", "self")
    if perspective == "coordinator" or not perspective_fits(q, perspective):
        not_found("questionnaire")  # a coordinator answers online, from the programme's dashboard
    return render_template(
        "quiz/paper.html",
        q=q,
        perspective=perspective,
        texts=perspective_texts(q, perspective),
        reader=reader_of(q.audience, perspective),
        key_columns=key_columns,
        score_range=score_range,
        kendall=kendall_constants,
        band_range=band_range,
        title=qt(q.id, perspective_texts(q, perspective)["title"]),
    )


@bp.route("/<qid>/enter", methods=["GET", "POST"])
def enter(qid: str):
    """Type in the answers of a paper form, all on one page, to get the result and charts."""
    q = get_questionnaire_or_404(qid)
    perspective = request.values.get("as", "self")
    if perspective == "coordinator" or not perspective_fits(q, perspective):
        not_found("questionnaire")  # a coordinator answers online, from the programme's dashboard
    form = FlaskForm()
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    status, headers = 200, {}
    # The form carries its own submission key: sending it twice stores one result.
    submission = request.form.get("submission", "")
    if not SUBMISSION_KEY.fullmatch(submission):
        submission = new_token()
    key_hash = submission_hash("form", submission)
    done = find_submitted(key_hash) if request.method == "POST" else None
    if done is not None:
        flash(ALREADY_SENT, "info")
        return redirect(url_for("results.show", token=done.token))
    phase = request.form.get("phase") or None
    if request.method == "POST" and phase is not None and phase not in PHASES:
        values = {k: v for k, v in request.form.items() if k != "csrf_token"}
        flash(_("Choose when in the internship this rating is, or leave it empty."), "error")
        status = 422
    elif request.method == "POST" and not form.validate_on_submit():
        values = {k: v for k, v in request.form.items() if k != "csrf_token"}
        flash(SEND_AGAIN, "error")
        status = 400
    elif request.method == "POST":
        values = {k: v for k, v in request.form.items() if k != "csrf_token"}
        answers = {}
        no_rating = tuple(n.id for n in q.no_rating)
        for part in q.parts:
            read = {item.id: read_item(item, request.form, no_rating) for item in part.items}
            untouched = all(p is not None and p.code == "missing" for _, p in read.values())
            if part.optional and untouched:
                continue  # an optional part left blank on paper is skipped
            for item_id, (answer, problem) in read.items():
                if problem is None:
                    if answer is not None:  # a comment left empty is no answer
                        answers[item_id] = answer
                else:
                    if part.optional and problem.code == "missing":
                        problem = Problem(item_id, "missing_in_optional_part")
                    errors[item_id] = problem_message(problem)
        if not errors and not check_answers(q, answers):
            try:
                with refusals(), RESULTS:
                    response = create_response(
                        q,
                        answers,
                        current_lang(),
                        perspective=perspective if q.mentor else None,
                        phase=phase,
                        submission_key=key_hash,
                    )
                return redirect(url_for("results.show", token=response.token))
            except Refused as refused:
                # Shown again with everything typed in, to send later.
                flash(refused.message, "error")
                status, headers = refused.status, refused.headers
    return (
        render_template(
            "quiz/enter.html",
            q=q,
            form=form,
            submission=submission,
            values=values,
            errors=errors,
            perspective=perspective,
            texts=perspective_texts(q, perspective),
            reader=reader_of(q.audience, perspective),
            phases=PHASES,
            title=qt(q.id, perspective_texts(q, perspective)["title"]),
        ),
        422 if errors else status,
        headers,
    )
