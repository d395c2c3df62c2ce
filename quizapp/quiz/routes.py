"""Views: the start page and the pages of a questionnaire."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..engine import check_answers
from ..i18n import current_lang, reader_of
from ..library import get_questionnaire_or_404, minutes_for
from ..messages import problem_message
from ..results.store import create_response, find_invitation
from . import bp
from .context import (
    PERSPECTIVES,
    PHASES,
    clear_context,
    get_context,
    perspective_texts,
    set_context,
)
from .pages import form_values, paginate, read_item

SEND_AGAIN = _l(
    "This page was open for a long time, or the browser lost its session. Your answers are"
    " still here: please send the page again."
)


def _draft_key(qid: str) -> str:
    return f"{qid}@{get_context(qid)['perspective']}"


def _draft(qid: str) -> dict:
    """Return the answers given so far in this browser session."""
    return session.get("drafts", {}).get(_draft_key(qid), {})


def _save_draft(qid: str, answers: dict) -> None:
    drafts = dict(session.get("drafts", {}))
    drafts[_draft_key(qid)] = answers
    session["drafts"] = drafts


def _drop_draft(qid: str) -> None:
    drafts = dict(session.get("drafts", {}))
    drafts.pop(_draft_key(qid), None)
    session["drafts"] = drafts


@bp.get("/<qid>")
def start(qid: str):
    """Show what the questionnaire is, who it is for and how long it takes."""
    q = get_questionnaire_or_404(qid)
    who = request.args.get("as")
    if who in PERSPECTIVES and (who == "self" or q.mentor is not None):
        set_context(qid, perspective=who)
    context = get_context(qid)
    return render_template(
        "quiz/start.html",
        q=q,
        pages=paginate(q),
        draft=_draft(qid),
        context=context,
        texts=perspective_texts(q, context["perspective"]),
        reader=reader_of(q.audience, context["perspective"]),
        minutes=minutes_for(q, context["perspective"]),
    )


@bp.route("/<qid>/<int:number>", methods=["GET", "POST"])
def page(qid: str, number: int):
    """Show one page of items; on POST keep the valid answers and move on."""
    q = get_questionnaire_or_404(qid)
    pages = paginate(q)
    if not 1 <= number <= len(pages):
        abort(404)
    current = pages[number - 1]
    form = FlaskForm()
    answers = dict(_draft(qid))
    values = form_values(current.items, answers)
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST" and not form.validate_on_submit():
        # A lost session or a stale page: show the answers again, to send once more.
        values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "action")}
        flash(SEND_AGAIN, "error")
        status = 400
    elif request.method == "POST":
        action = request.form.get("action", "next")
        values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "action")}
        if "phase" in request.form:
            phase = request.form["phase"]
            set_context(qid, phase=phase if phase in PHASES else None)
        no_rating = tuple(n.id for n in q.no_rating)
        for item in current.items:
            answer, problem = read_item(item, request.form, no_rating)
            if problem is None:
                answers[item.id] = answer
            else:
                answers.pop(item.id, None)
                if problem.code != "missing" or action in ("next", "finish"):
                    errors[item.id] = problem_message(problem)
        _save_draft(qid, answers)
        if action == "back" and not errors:
            return redirect(url_for(".page", qid=qid, number=max(1, number - 1)))
        if action == "skip":
            return _finish(q, pages, answers, skip_part=current.part.id)
        if not errors:
            if action == "finish":
                return _finish(q, pages, answers)
            if number < len(pages):
                return redirect(url_for(".page", qid=qid, number=number + 1))
            return _finish(q, pages, answers)
    status = 422 if errors else status
    return (
        render_template(
            "quiz/page.html",
            q=q,
            page=current,
            pages=pages,
            values=values,
            errors=errors,
            form=form,
            answered=sum(1 for i in current.part.items if i.id in answers),
            context=get_context(qid),
            texts=perspective_texts(q, get_context(qid)["perspective"]),
            reader=reader_of(q.audience, get_context(qid)["perspective"]),
            phases=PHASES,
        ),
        status,
    )


def _finish(q, pages, answers: dict, skip_part: str | None = None):
    """Store the answers and show the result, or go back to the first unanswered page."""
    for part in q.parts:
        if part.optional and (part.id == skip_part or not _complete(part, answers)):
            answers = {k: v for k, v in answers.items() if k not in {i.id for i in part.items}}
    problems = check_answers(q, answers)
    if problems:
        first = problems[0].item
        number = next((p.number for p in pages if first in {i.id for i in p.items}), 1)
        flash(_("Some questions still need an answer."), "error")
        return redirect(url_for(".page", qid=q.id, number=number))
    context = get_context(q.id)
    invitation = None
    if context.get("invite"):
        invitation = find_invitation(context["invite"])
        if invitation is None or invitation.answer_id is not None:
            clear_context(q.id)
            flash(_("This invitation was already used, so your rating was not stored."), "error")
            return redirect(url_for(".start", qid=q.id))
    response = create_response(
        q,
        answers,
        current_lang(),
        perspective=context["perspective"] if q.mentor else None,
        phase=context.get("phase"),
        series_from=context.get("series_from"),
        invitation=invitation,
    )
    _drop_draft(q.id)
    clear_context(q.id)
    return redirect(url_for("results.show", token=response.token))


def _complete(part, answers: dict) -> bool:
    return all(item.id in answers for item in part.items)
