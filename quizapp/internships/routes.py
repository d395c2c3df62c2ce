"""Views: start an internship, its shared plan per role, adding and withdrawing results, links,
the agendas for the introductory and the evaluation interview, and deleting it."""

from __future__ import annotations

import re
from datetime import date

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..context import set_context
from ..engine import no_stage_meaning
from ..errors import refusals
from ..extensions import db
from ..i18n import current_lang, select_second_language
from ..library import get_library
from ..limits import DELETIONS, INVITATIONS
from ..models import new_token, utcnow
from ..programmes.store import decide, key_hash, min_group, set_agreement, share
from ..quiz.pages import OPTION_ID as SUBMISSION_KEY
from ..results.pages import csrf_hole, result_pages
from ..results.store import find_response
from ..urls import external_url
from . import bp
from .plan import CONTRIBUTIONS, build_plan, evaluation_agenda, moved, over_time_chart
from .store import (
    ROLES,
    attach,
    attachment_of,
    clean_labels,
    create_internship,
    delete_internship,
    fits_role,
    get_role_or_404,
    mark_opened,
    other,
    plan_state,
    renew_link,
    withdraw,
)

TOKEN_IN_LINK = re.compile(r"([A-Za-z0-9_-]{20,64})/?\s*$")
SEND_AGAIN_DECISION = _l(
    "This page was open for a long time, or the browser lost its session. Please choose again."
)


@bp.context_processor
def plan_helpers() -> dict:
    """What the internship pages use to show a plan."""
    library = get_library().questionnaires
    by_kind = {}
    for q in library.values():
        by_kind.setdefault(q.kind, q)
    return {
        "plan_contributions": CONTRIBUTIONS,
        "questionnaires_by_kind": by_kind,
        "leadership_q": by_kind.get("leadership"),
        "moved": moved,
        "no_step_text": no_step_text,
        "phase_name": phase_name,
        "kind_name": kind_name,
    }


def kind_name(kind: str) -> str:
    """What a kind of questionnaire is called in the plan's list."""
    return {
        "learning-style": _("Learning style"),
        "competence-ladder": _("Competence ladder"),
        "checklist": _("Expectations"),
        "leadership": _("Leadership styles"),
        "evaluation": _("Process evaluation"),
    }.get(kind, kind)


def no_step_text(q, answer) -> str:
    """Why a competence has no step, in words both roles can read."""
    meaning = no_stage_meaning(q, answer)
    if meaning == "not_applicable":
        return _("not part of this internship")
    return _("not seen yet")


def phase_name(phase: str | None) -> str:
    """A rating's moment in the internship, in words."""
    return {"start": _("start"), "middle": _("middle"), "end": _("end")}.get(phase, "")


def _date(value: str | None) -> date | None:
    """A date typed as YYYY-MM-DD (what a date field sends), or None."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _labels_from(form) -> dict:
    return {
        "trainee_name": form.get("trainee_name"),
        "mentor_name": form.get("mentor_name"),
        "company": form.get("company"),
        "starts": _date(form.get("starts")),
        "ends": _date(form.get("ends")),
    }


def _posted_form() -> FlaskForm:
    """The CSRF-checked form of a POST, or answer 400."""
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400)
    return form


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Start an internship: optional labels, then the two private links."""
    form = FlaskForm()
    role = request.values.get("as", "trainee")
    if role not in ROLES:
        role = "trainee"
    if request.method == "POST" and form.validate_on_submit():
        with refusals(), INVITATIONS:
            internship = create_internship(**_labels_from(request.form))
        flash(_("Your internship plan is ready. Keep your private link, and send the other one."))
        return redirect(url_for(".plan", token=internship.token_of(role)))
    return render_template(
        "internships/new.html", form=form, role=role, title=_("Start an internship plan")
    )


@bp.get("/<token>")
def plan(token: str):
    """The shared plan, worded for the role whose link this is.

    Kept once rendered (results/pages.py), keyed by everything it shows: the labels, which
    links were opened and the results in the plan; any change gives a new key. In a programme,
    a link opened for the first time shows first what the coordinator will see (consent).
    """
    internship, role = get_role_or_404(token)
    if internship.programme_id is not None and getattr(internship, f"{role}_opened") is None:
        return _consent_page(internship, role, token, new_token())
    mark_opened(internship, role)
    my_link = external_url(".plan", token=token)
    key = ("plan", token, current_lang(), my_link, plan_state(internship))
    pages = result_pages()

    def page() -> str:
        built = build_plan(internship)
        return render_template(
            "internships/plan.html",
            internship=internship,
            role=role,
            reader=role,
            token=token,
            plan=built,
            evaluation=evaluation_agenda(built),
            over_time=over_time_chart(built),
            other_link=external_url(".plan", token=internship.token_of(other(role)))
            if getattr(internship, f"{other(role)}_opened") is None
            else None,
            my_link=my_link,
            programme=internship.programme,
            k=min_group(internship.programme) if internship.programme else None,
            shared_tokens={a.response.token for a in internship.attachments if a.shared},
            title=_("Internship plan"),
            csrf_token=csrf_hole,
        )

    if session.get("_flashes"):
        return pages.fill(page())
    return pages.fill(pages.get_or_render(key, page))


def _consent_page(internship, role: str, token: str, key: str, status: int = 200):
    return (
        render_template(
            "internships/consent.html",
            internship=internship,
            programme=internship.programme,
            role=role,
            reader=role,
            token=token,
            key=key,
            k=min_group(internship.programme),
            title=_("Before you start: your programme"),
        ),
        status,
    )


@bp.post("/<token>/decide")
def decide_view(token: str):
    """The first opening of a link in a programme: agree (or not), then take a new private link
    of one's own (the coordinator may have seen the one they sent)."""
    internship, role = get_role_or_404(token)
    form = FlaskForm()
    key = request.form.get("key", "")
    if not form.validate_on_submit() or not SUBMISSION_KEY.fullmatch(key):
        flash(SEND_AGAIN_DECISION, "error")
        return _consent_page(internship, role, token, new_token(), 400)
    agree = request.form.get("agree") == "yes"
    if internship.programme_id is None:
        return redirect(url_for(".plan", token=token))
    new = decide(internship, role, agree, key_hash("decide", key))
    if agree:
        flash(_("Thank you. You agreed to what the coordinator sees."), "success")
    flash(
        _(
            "This is your own private link now: the link you were sent no longer works. Keep"
            " this one (bookmark it or copy it below)."
        ),
        "info",
    )
    return redirect(url_for(".plan", token=new))


@bp.post("/<token>/agreement")
def agreement(token: str):
    """Agree later to what the programme's coordinator sees, or take the agreement back."""
    internship, role = get_role_or_404(token)
    _posted_form()
    if internship.programme_id is None:
        abort(404)
    agree = request.form.get("action") == "agree"
    if agree and request.form.get("agree") != "yes":
        flash(_("Tick the box to agree."), "error")
        return redirect(url_for(".plan", token=token, _anchor="programme"))
    set_agreement(internship, role, agree)
    if agree:
        flash(_("You agreed to what the coordinator sees."), "success")
    else:
        flash(
            _("Your agreement is taken back. From now on the coordinator sees nothing of yours."),
            "success",
        )
    return redirect(url_for(".plan", token=token, _anchor="programme"))


@bp.post("/<token>/share/<result>")
def share_result(token: str, result: str):
    """Share one of this role's results with the programme's coordinator, or stop sharing."""
    internship, role = get_role_or_404(token)
    _posted_form()
    attachment = attachment_of(internship, role, result)
    if attachment is None or internship.programme_id is None or not internship.agreed(role):
        abort(404)
    on = request.form.get("action") == "share"
    share(attachment, on)
    if on:
        flash(_("The coordinator can now see this result, until you stop sharing it."), "success")
    else:
        flash(_("The coordinator can no longer see this result."), "success")
    return redirect(url_for(".plan", token=token, _anchor="mine-h"))


@bp.post("/<token>/labels")
def labels(token: str):
    """Change or delete the labels (names, company, dates)."""
    internship, _role = get_role_or_404(token)
    _posted_form()
    for key, value in clean_labels(**_labels_from(request.form)).items():
        setattr(internship, key, value)
    db.session.commit()
    flash(_("The labels are saved."))
    return redirect(url_for(".plan", token=token, _anchor="labels"))


@bp.post("/<token>/start/<qid>")
def start(token: str, qid: str):
    """Take a questionnaire for this internship: the result joins it as this role's."""
    _internship, role = get_role_or_404(token)
    _posted_form()
    q = get_library().questionnaires.get(qid)
    if q is None:
        abort(404)
    if q.mentor is not None:
        perspective = "mentor" if role == "mentor" else "self"
    elif q.audience != role:
        abort(404)
    else:
        perspective = "self"
    set_context(qid, perspective=perspective)
    set_context(qid, internship=token, invite=None, series_from=None)
    return redirect(url_for("quiz.start", qid=qid))


@bp.post("/<token>/attach")
def attach_result(token: str):
    """Add a result made earlier: its private link, pasted in."""
    internship, role = get_role_or_404(token)
    _posted_form()
    match = TOKEN_IN_LINK.search(request.form.get("link", ""))
    response = find_response(match.group(1)) if match else None
    if response is None:
        flash(
            _("No result was found with this link. Copy the whole private link of the result."),
            "error",
        )
        return redirect(url_for(".plan", token=token, _anchor="add"))
    q = get_library().questionnaires.get(response.questionnaire)
    if q is None or not fits_role(q, response.perspective, role):
        flash(_("This result cannot be added for you: it was made by the other role."), "error")
        return redirect(url_for(".plan", token=token, _anchor="add"))
    if not attach(internship, role, response):
        flash(_("This result already belongs to an internship plan."), "error")
        return redirect(url_for(".plan", token=token, _anchor="add"))
    flash(_("The result is added to the internship plan."))
    return redirect(url_for(".plan", token=token))


@bp.post("/<token>/withdraw/<result>")
def withdraw_result(token: str, result: str):
    """Take one of this role's results out of the internship (the result itself stays)."""
    internship, role = get_role_or_404(token)
    _posted_form()
    attachment = attachment_of(internship, role, result)
    if attachment is None:
        abort(404)
    withdraw(attachment)
    flash(_("The result is taken out of the plan. It still has its own private link."))
    return redirect(url_for(".plan", token=token))


@bp.post("/<token>/renew")
def renew(token: str):
    """Give a role a new private link; the old one stops working at once."""
    internship, role = get_role_or_404(token)
    _posted_form()
    whose = request.form.get("role", role)
    if whose not in ROLES:
        abort(400)
    new_token = renew_link(internship, whose)
    if whose == role:
        flash(_("You have a new private link. The old one no longer works."))
        return redirect(url_for(".plan", token=new_token, _anchor="links"))
    flash(_("The other person has a new link, shown below. Their old one no longer works."))
    return redirect(url_for(".plan", token=token, _anchor="links"))


@bp.route("/<token>/delete", methods=["GET", "POST"])
def delete(token: str):
    """Ask, then delete the internship with every result that belongs to it."""
    internship, role = get_role_or_404(token)
    form = FlaskForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        with refusals(), DELETIONS:
            delete_internship(internship)
        return render_template(
            "internships/deleted.html", reader=role, title=_("Internship plan deleted")
        )
    count = len(internship.attachments)
    return render_template(
        "internships/delete.html",
        token=token,
        count=count,
        form=form,
        reader=role,
        title=_("Delete this internship plan"),
    )


def _agenda_page(token: str, template: str, title: str):
    internship, role = get_role_or_404(token)
    select_second_language()
    built = build_plan(internship)
    return render_template(
        template,
        internship=internship,
        role=role,
        reader=role,
        token=token,
        plan=built,
        evaluation=evaluation_agenda(built),
        my_link=external_url(".plan", token=token),
        now=utcnow(),
        title=title,
    )


@bp.get("/<token>/intake")
def intake(token: str):
    """The agenda for the introductory interview (handbook 2.2), to print on one page."""
    return _agenda_page(token, "internships/intake.html", _("Agenda: introductory interview"))


@bp.get("/<token>/evaluation")
def evaluation(token: str):
    """The agenda for the evaluation interview (handbook 3.1), to print on one page."""
    return _agenda_page(token, "internships/evaluation.html", _("Agenda: evaluation interview"))
