"""Views: the start page and the pages of a questionnaire."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..context import (
    PHASES,
    clear_context,
    get_context,
    perspective_fits,
    perspective_texts,
    set_context,
)
from ..engine import check_answers
from ..errors import Refused, refusals
from ..i18n import current_lang, reader_of
from ..internships.store import find_role
from ..library import get_questionnaire_or_404, minutes_for
from ..limits import RESULTS
from ..messages import problem_message
from ..models import new_token
from ..programmes.store import find_admin
from ..results.store import (
    InvitationUsed,
    create_response,
    find_invitation,
    find_submitted,
    submission_hash,
)
from . import bp
from .pages import OPTION_ID, form_values, paginate, read_item

SEND_AGAIN = _l(
    "This page was open for a long time, or the browser lost its session. Your answers are"
    " still here: please send the page again."
)
ALREADY_SENT = _l("These answers were already sent. This is the result they made.")
UNREADABLE = _l(
    "This page was sent in a way we cannot read. Please check your answers and use the"
    " buttons below the questions."
)
ACTIONS = ("next", "back", "skip", "finish")
# A submission key in a form: what new_token() makes.
SUBMISSION_KEY = OPTION_ID


def _draft_key(qid: str) -> str:
    return f"{qid}@{get_context(qid)['perspective']}"


def _draft(qid: str) -> dict:
    """Return the answers given so far in this browser session."""
    return session.get("drafts", {}).get(_draft_key(qid), {})


def _save_draft(qid: str, answers: dict) -> None:
    drafts = dict(session.get("drafts", {}))
    drafts[_draft_key(qid)] = answers
    session["drafts"] = drafts


def _drop_draft(qid: str, sent_key: str | None = None) -> None:
    """Forget the draft; remember the key it was sent with, so Back and reload find the result."""
    key = _draft_key(qid)
    for name in ("drafts", "keys"):
        values = dict(session.get(name, {}))
        values.pop(key, None)
        session[name] = values
    sent = dict(session.get("sent", {}))
    if sent_key:
        sent[key] = sent_key
    else:
        sent.pop(key, None)
    session["sent"] = sent


def _submission_key(qid: str, posted: str | None = None) -> str:
    """Return the key that makes this draft's final submission count once.

    It is made with the draft and sent as a hidden field on every page; a page posted after
    the browser lost its session brings its key back.
    """
    keys = dict(session.get("keys", {}))
    draft_key = _draft_key(qid)
    if draft_key not in keys:
        keys[draft_key] = posted if posted and SUBMISSION_KEY.fullmatch(posted) else new_token()
        session["keys"] = keys
    return keys[draft_key]


def _sent_result(key: str | None):
    """Return the result already stored with this form submission key, or None."""
    if not key or not SUBMISSION_KEY.fullmatch(key):
        return None
    return find_submitted(submission_hash("form", key))


def _already_sent(q, response):
    """A page of a questionnaire that was already sent: say so and link to the result."""
    return render_template(
        "quiz/already_sent.html",
        q=q,
        response=response,
        texts=perspective_texts(q, get_context(q.id)["perspective"]),
    )


@bp.get("/<qid>")
def start(qid: str):
    """Show what the questionnaire is, who it is for and how long it takes."""
    q = get_questionnaire_or_404(qid)
    who = request.args.get("as")
    # A coordinator answers from the programme's dashboard, which sets the context.
    if who in ("self", "mentor") and perspective_fits(q, who):
        set_context(qid, perspective=who)
    context = get_context(qid)
    if not _draft(qid):
        _drop_draft(qid)  # coming back to the start begins a new questionnaire
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
    posted_key = request.form.get("submission")
    done = _sent_result(posted_key if request.method == "POST" else None)
    if done is not None:
        # Sent again (double click, reload, Back then send): the answers made this result.
        _drop_draft(qid, posted_key)
        flash(ALREADY_SENT, "info")
        return redirect(url_for("results.show", token=done.token))
    if request.method == "GET" and not answers:
        done = _sent_result(session.get("sent", {}).get(_draft_key(qid)))
        if done is not None:
            return _already_sent(q, done)
    submission = _submission_key(qid, posted_key)
    values = form_values(current.items, answers)
    errors: dict[str, str] = {}
    status, headers = 200, {}
    action = request.form.get("action", "next")
    if request.method == "POST" and (
        action not in ACTIONS or request.form.get("phase", PHASES[0]) not in PHASES
    ):
        values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "action")}
        flash(UNREADABLE, "error")
        status = 422
    elif request.method == "POST" and not form.validate_on_submit():
        # A lost session or a stale page: show the answers again, to send once more.
        values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "action")}
        flash(SEND_AGAIN, "error")
        status = 400
    elif request.method == "POST":
        values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "action")}
        if "phase" in request.form:
            set_context(qid, phase=request.form["phase"])
        no_rating = tuple(n.id for n in q.no_rating)
        for item in current.items:
            answer, problem = read_item(item, request.form, no_rating)
            if problem is None and answer is None and item.kind == "text":
                answers.pop(item.id, None)  # a comment left empty
            elif problem is None:
                answers[item.id] = answer
            else:
                answers.pop(item.id, None)
                if problem.code != "missing" or action in ("next", "finish"):
                    errors[item.id] = problem_message(problem)
        _save_draft(qid, answers)
        if action == "back" and not errors:
            return redirect(url_for(".page", qid=qid, number=max(1, number - 1)))
        try:
            if action == "skip":
                return _finish(q, pages, answers, skip_part=current.part.id)
            if not errors:
                if action == "finish" or number == len(pages):
                    return _finish(q, pages, answers)
                return redirect(url_for(".page", qid=qid, number=number + 1))
        except Refused as refused:
            # Too many results from this address, or the database is down: the answers are
            # in the draft and on the page; send again later.
            flash(refused.message, "error")
            status, headers = refused.status, refused.headers
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
            submission=submission,
            answered=sum(1 for i in current.part.items if i.id in answers),
            context=get_context(qid),
            texts=perspective_texts(q, get_context(qid)["perspective"]),
            reader=reader_of(q.audience, get_context(qid)["perspective"]),
            phases=PHASES,
            comment_note=comment_note(get_context(qid)) if q.kind == "evaluation" else "link",
        ),
        status,
        headers,
    )


def _without_skipped_parts(q, answers: dict, skip_part: str | None = None) -> dict:
    """Drop the answers of an optional part that was skipped or left unfinished."""
    for part in q.parts:
        if part.optional and (part.id == skip_part or not _complete(part, answers)):
            answers = {k: v for k, v in answers.items() if k not in {i.id for i in part.items}}
    return answers


def _finish(q, pages, answers: dict, skip_part: str | None = None):
    """Store the answers and show the result, or go back to the first unanswered page."""
    answers = _without_skipped_parts(q, answers, skip_part)
    problems = check_answers(q, answers)
    if problems:
        first = problems[0].item
        number = next((p.number for p in pages if first in {i.id for i in p.items}), 1)
        flash(_("Some questions still need an answer."), "error")
        return redirect(url_for(".page", qid=q.id, number=number))
    context = get_context(q.id)
    key = _submission_key(q.id)
    invitation = None
    if context.get("invite"):
        invitation = find_invitation(context["invite"])
        if invitation is None or invitation.answer_id is not None:
            return redirect(url_for(".invitation_used", qid=q.id))
    internship = find_role(context["internship"]) if context.get("internship") else None
    programme = None
    if context.get("programme") and context["perspective"] == "coordinator":
        programme = find_admin(context["programme"])
    try:
        with refusals(), RESULTS:
            response = create_response(
                q,
                answers,
                current_lang(),
                perspective=context["perspective"] if q.mentor else None,
                phase=context.get("phase"),
                series_from=context.get("series_from"),
                invitation=invitation,
                submission_key=submission_hash("form", key),
                internship=internship,
                programme=programme,
            )
    except InvitationUsed:
        return redirect(url_for(".invitation_used", qid=q.id))
    _drop_draft(q.id, key)
    clear_context(q.id)
    if internship is not None:
        flash(_("Your result is added to the internship plan."), "success")
        return redirect(url_for("internships.plan", token=context["internship"]))
    if programme is not None:
        flash(_("Your evaluation is added to the programme."), "success")
        return redirect(url_for("programmes.evaluation", token=context["programme"]))
    return redirect(url_for("results.show", token=response.token))


def comment_note(context: dict) -> str:
    """Who reads the comments of a questionnaire being answered (see _macros.text_item)."""
    if context.get("perspective") == "coordinator" and context.get("programme"):
        return "coordinators"
    found = find_role(context["internship"]) if context.get("internship") else None
    if found is not None and found[0].programme_id is not None and found[0].agreed(found[1]):
        return "programme"
    return "link"


@bp.route("/<qid>/invitation-used", methods=["GET", "POST"])
def invitation_used(qid: str):
    """The invitation was used by someone else while this person rated: keep their answers.

    Their answers stay in the draft. They can keep the rating as a result of their own (from
    which they can invite the other person again), or ask for a new link.
    """
    q = get_questionnaire_or_404(qid)
    context = get_context(qid)
    answers = dict(_draft(qid))
    if not context.get("invite") or check_answers(q, _without_skipped_parts(q, answers)):
        return redirect(url_for(".start", qid=qid))
    form = FlaskForm()
    if request.method == "POST" and form.validate_on_submit():
        set_context(qid, invite=None, series_from=None)
        return _finish(q, paginate(q), answers)
    return render_template(
        "quiz/invitation_used.html",
        q=q,
        form=form,
        mentor_view=context["perspective"] == "mentor",
        title=_("This link was used meanwhile"),
    ), 409


def _complete(part, answers: dict) -> bool:
    return all(item.id in answers for item in part.items)
