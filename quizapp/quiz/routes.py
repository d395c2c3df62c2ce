"""Views: the start page and the pages of a questionnaire."""

from __future__ import annotations

from datetime import datetime

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
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
from ..errors import Refused, not_found, refusals
from ..i18n import current_lang, reader_of
from ..internships.store import find_role
from ..library import get_questionnaire_or_404, minutes_for
from ..limits import DRAFTS, RESULTS
from ..messages import problem_message
from ..models import new_token
from ..programmes.store import find_admin
from ..results.qr import qr_svg
from ..results.store import (
    InvitationUsed,
    create_response,
    expiry_of,
    find_invitation,
    find_submitted,
    submission_hash,
)
from ..urls import external_url
from . import bp
from .drafts import create_draft, delete_draft, find_draft, update_draft
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
ACTIONS = ("next", "back", "skip", "finish", "later")
# A submission key in a form: what new_token() makes.
SUBMISSION_KEY = OPTION_ID


def _draft_key(qid: str) -> str:
    return f"{qid}@{get_context(qid)['perspective']}"


def _draft(qid: str) -> dict:
    """Return the answers given so far in this browser session."""
    return session.get("drafts", {}).get(_draft_key(qid), {})


def _saved(qid: str) -> dict | None:
    """The draft kept on the server for this browser's answers ({"token", "expires"}), or None."""
    return session.get("saved", {}).get(_draft_key(qid))


def _saved_until(qid: str) -> datetime | None:
    """Until when this browser's answers are kept on the server, or None if they are not."""
    saved = _saved(qid)
    return datetime.fromisoformat(saved["expires"]) if saved else None


def _remember(name: str, qid: str, value) -> None:
    values = dict(session.get(name, {}))
    values[_draft_key(qid)] = value
    session[name] = values


def _save_draft(qid: str, answers: dict) -> None:
    """Keep the answers in the session, and in the draft on the server if there is one."""
    _remember("drafts", qid, answers)
    saved = _saved(qid)
    if saved is not None:
        draft = find_draft(saved["token"], qid)
        if draft is None:  # expired, or sent from another device
            _forget_saved(qid)
        else:
            update_draft(draft, answers, get_context(qid))


def _save_for_later(qid: str, answers: dict) -> None:
    """Store the answers on the server under a "continue later" link of their own."""
    _save_draft(qid, answers)
    if _saved(qid) is None:
        with DRAFTS:
            draft = create_draft(qid, answers, get_context(qid), _submission_key(qid))
        _remember("saved", qid, {"token": draft.token, "expires": draft.expires_utc.isoformat()})


def _forget_saved(qid: str) -> None:
    saved = dict(session.get("saved", {}))
    saved.pop(_draft_key(qid), None)
    session["saved"] = saved


def _drop_draft(qid: str, sent_key: str | None = None) -> None:
    """Forget the draft; remember the key it was sent with, so Back and reload find the result.

    Once the answers are sent, their copy on the server (continue later) is deleted.
    """
    key = _draft_key(qid)
    saved = _saved(qid)
    if sent_key and saved is not None:
        delete_draft(saved["token"])
    for name in ("drafts", "keys", "saved"):
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
    if not _draft(qid) and _saved(qid) is None:
        _drop_draft(qid)  # coming back to the start begins a new questionnaire
    invitation = find_invitation(context["invite"]) if context.get("invite") else None
    return render_template(
        "quiz/start.html",
        q=q,
        pages=paginate(q),
        draft=_draft(qid) or _saved(qid),
        context=context,
        invitation=invitation,
        invitation_until=expiry_of(invitation.from_response) if invitation else None,
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
        not_found("page")
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
            if action == "later" and not errors:
                with refusals():
                    _save_for_later(qid, answers)
                return redirect(url_for(".later", qid=qid, page=number))
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
            saved_until=_saved_until(qid),
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
        reader=reader_of(q.audience, context["perspective"]),
        title=_("This link was used meanwhile"),
    ), 409


def _complete(part, answers: dict) -> bool:
    return all(item.id in answers for item in part.items)


def _first_open_page(q, answers: dict) -> int:
    """The number of the first page with a required question not answered yet (else the last)."""
    pages = paginate(q)
    for page in pages:
        if not page.part.optional and any(i.id not in answers for i in page.items):
            return page.number
    return pages[-1].number


@bp.get("/<qid>/later")
def later(qid: str):
    """The "continue later" link of this browser's answers, to copy, e-mail or scan."""
    q = get_questionnaire_or_404(qid)
    saved = _saved(qid)
    draft = find_draft(saved["token"], qid) if saved else None
    if draft is None:
        _forget_saved(qid)
        return redirect(url_for(".start", qid=qid))
    context = get_context(qid)
    number = request.args.get("page", type=int)
    if number is None or not 1 <= number <= len(paginate(q)):
        number = _first_open_page(q, draft.answers)
    # The link opens in the language the answers were being given in, on any device.
    link = external_url(".resume", qid=qid, token=draft.token, lang=current_lang())
    return render_template(
        "quiz/later.html",
        q=q,
        link=link,
        qr=qr_svg(link),
        expires=draft.expires_utc,
        number=number,
        texts=perspective_texts(q, context["perspective"]),
        reader=reader_of(q.audience, context["perspective"]),
        title=_("Continue later"),
    )


@bp.get("/<qid>/continue/<token>")
def resume(qid: str, token: str):
    """Bring saved answers back into this browser and go on where they stopped."""
    q = get_questionnaire_or_404(qid)
    draft = find_draft(token, qid)
    if draft is None:
        not_found("draft")
    context = dict(draft.context or {})
    if not perspective_fits(q, context.get("perspective")):
        context["perspective"] = "self"
    set_context(qid, **context)
    _remember("drafts", qid, dict(draft.answers or {}))
    _remember("keys", qid, draft.submission)
    _remember("saved", qid, {"token": draft.token, "expires": draft.expires_utc.isoformat()})
    sent = dict(session.get("sent", {}))
    sent.pop(_draft_key(qid), None)
    session["sent"] = sent
    reader = reader_of(q.audience, context["perspective"])
    if reader == "mentor":
        flash(pgettext("mentor", "Your saved answers are back. Go on where you stopped."), "info")
    else:
        flash(pgettext("trainee", "Your saved answers are back. Go on where you stopped."), "info")
    return redirect(url_for(".page", qid=qid, number=_first_open_page(q, draft.answers or {})))
