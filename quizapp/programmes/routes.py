"""Views: create a programme; its dashboard, internships, evaluation, report, settings and
export behind an admin link; joining it through the join link."""

from __future__ import annotations

import csv
import io
import os
from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    session,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
from flask_wtf import FlaskForm
from markupsafe import Markup

from ..context import set_context
from ..errors import Refused, refusals
from ..i18n import current_lang
from ..internships.routes import TOKEN_IN_LINK, kind_name, phase_name
from ..internships.store import find_role
from ..library import get_library
from ..limits import DELETIONS, INVITATIONS
from ..models import Attachment, new_token, utcnow
from ..psychometrics.page import build_reports, report_context
from ..quiz.routes import SEND_AGAIN, SUBMISSION_KEY
from ..results.pages import csrf_hole, form_key, result_pages
from ..results.routes import render_shared
from ..text_clean import clean_text
from ..urls import base_url, external_url
from . import data, export, forms
from .anonymity import hide_small
from .charts import (
    evaluation_matrix,
    ladder_matrix,
    leadership_charts,
    learning_chart,
    medians_chart,
    phase_label,
    role_group,
)
from .cohort import KAPPA_WEIGHTS, cohort
from .evaluation import summary
from .progress import (
    PER_PAGE,
    ROLES,
    SCHEDULE,
    in_label_order,
    page_count,
    progress,
    remind_summary,
)
from .store import (
    SWOT_FIELDS,
    active_links,
    add_admin_link,
    add_internship,
    bring_in,
    close_join_link,
    create_programme,
    delete_programme,
    find_joining,
    get_admin_or_404,
    internship_in,
    join_as,
    key_hash,
    min_group,
    programme_fields,
    remove_internship,
    renew_join_link,
    revoke_admin_link,
    save_swot,
    set_label,
    shared_attachment,
    swot_of,
    update_programme,
)

# Coordinators' pages under /p/<admin token>, joining under /j/<join token>.
bp = Blueprint("programmes", __name__)
SWOT_LENGTH = 4000


def _key(posted: str | None) -> str:
    """A form's key: the one it was sent with, or a new one for a new form."""
    return posted if posted and SUBMISSION_KEY.fullmatch(posted) else new_token()


def _checked_post() -> None:
    """A POST without a valid CSRF token (a stale page, a lost session): answer 400."""
    if not FlaskForm().validate_on_submit():
        abort(400)


def library_by_id() -> dict:
    """The questionnaires by id."""
    return get_library().questionnaires


def kinds_by_id() -> dict[str, str]:
    """The kind of each questionnaire, by id."""
    return {qid: q.kind for qid, q in library_by_id().items()}


def first_of_kind(kind: str):
    """The first questionnaire of a kind, or None."""
    return next((q for q in library_by_id().values() if q.kind == kind), None)


@bp.context_processor
def programme_helpers() -> dict:
    """What the programme pages use."""
    return {
        "kind_name": kind_name,
        "phase_name": phase_name,
        "phase_label": phase_label,
        "role_group": role_group,
        "schedule": SCHEDULE,
        "kappa_words": kappa_words,
        "form_key": form_key,
        "swot_name": swot_name,
        "swot_hint": swot_hint,
    }


# The four parts of the SWOT board: each one's name and what it is for.
SWOT_PARTS = {
    "strengths": (_l("Strengths"), _l("What went well in the programme?")),
    "weaknesses": (_l("Weaknesses"), _l("What did not go well, or was missing?")),
    "opportunities": (
        _l("Opportunities"),
        _l("Chances for the next internships, such as new places or partners."),
    ),
    "threats": (
        _l("Threats"),
        _l("What could get in the way next time, from outside the programme?"),
    ),
}


def swot_name(name: str) -> str:
    """The name of a part of the SWOT board."""
    return str(SWOT_PARTS[name][0])


def swot_hint(name: str) -> str:
    """What a part of the SWOT board is for."""
    return str(SWOT_PARTS[name][1])


def kappa_words(kappa: float | None) -> str:
    """A kappa in words, after Landis and Koch (1977), or why there is none."""
    if kappa is None:
        return _("cannot be worked out: all ratings on one step")
    for limit, words in (
        (0, _("less than chance")),
        (0.2, _("slight")),
        (0.4, _("fair")),
        (0.6, _("moderate")),
        (0.8, _("substantial")),
    ):
        if kappa < limit or (limit > 0 and kappa <= limit):
            return words
    return _("almost perfect")


def _render_form(template: str, status: int = 200, headers=None, **context):
    return render_template(template, **context), status, headers or {}


DEFAULTS = {**dict.fromkeys(forms.FIELDS, ""), "languages": []}


@bp.route("/p/new", methods=["GET", "POST"])
def new():
    """Start a programme: its settings, then the coordinator's private admin link."""
    form = FlaskForm()
    key = _key(request.form.get("key"))
    values = dict(DEFAULTS, languages=[current_lang()])
    errors: dict[str, str] = {}
    status, headers = 200, {}
    if request.method == "POST":
        values = forms.form_values(request.form)
        if not form.validate_on_submit():
            flash(SEND_AGAIN, "error")
            status = 400
        else:
            model, errors = forms.check(values)
            status = 422 if errors else status
            if model is not None:
                try:
                    with refusals(), INVITATIONS:
                        link = create_programme(
                            programme_fields(forms.settings(model)),
                            model.admin_label or _("First coordinator"),
                            key_hash("new", key),
                        )
                    flash(
                        _(
                            "The programme is ready. Keep this page's address: it is your"
                            " private admin link."
                        ),
                        "success",
                    )
                    return redirect(url_for(".dashboard", token=link.token))
                except Refused as refused:
                    flash(refused.message, "error")
                    status, headers = refused.status, refused.headers
    return _render_form(
        "programmes/new.html",
        status,
        headers,
        values=values,
        errors=errors,
        key=key,
        reader="coordinator",
        floor=min_group(),
        title=_("Start a programme"),
    )


def _page(token: str, name: str, render, *state) -> Markup:
    """A coordinator's page, kept once rendered (results/pages.py) under everything it shows:
    the programme's state, the language, the day (phases fall due) and the links' address."""
    pages = result_pages()
    if session.get("_flashes"):
        return pages.fill(render())
    key = ("programme", name, token, current_lang(), base_url(), date.today(), *state)
    return pages.fill(pages.get_or_render(key, render))


def _common(programme, link, kept: bool = False) -> dict:
    """What every coordinator's page shows; a kept page leaves its CSRF tokens open."""
    common = {
        "programme": programme,
        "link": link,
        "token": link.token,
        "reader": "coordinator",
        "k": min_group(programme),
    }
    return dict(common, csrf_token=csrf_hole) if kept else common


@bp.get("/p/<token>")
def dashboard(token: str):
    """The dashboard: progress per internship (a page of PER_PAGE of them, in label order),
    and the cohort, anonymous."""
    programme, link = get_admin_or_404(token)
    asked = request.args.get("page", "1")
    if not asked.isdecimal() or len(asked) > 6:
        abort(404)
    number = int(asked)

    def render() -> str:
        k = min_group(programme)
        library = library_by_id()
        entries = data.entries(programme, answers=False)
        rows = in_label_order(
            progress(data.members(programme), entries, kinds_by_id(), programme, date.today())
        )
        pages = page_count(len(rows))
        if not 1 <= number <= pages:
            abort(404)
        figures = cohort(entries, library, programme, k, data.answers_of)
        ladder_q = first_of_kind("competence-ladder")
        return render_template(
            "programmes/dashboard.html",
            **_common(programme, link, kept=True),
            rows=rows,
            page_rows=rows[(number - 1) * PER_PAGE : number * PER_PAGE],
            page=number,
            pages=pages,
            first=(number - 1) * PER_PAGE + 1,
            remind=remind_summary(rows),
            cohort=figures,
            charts=_cohort_charts(figures, library, ladder_q, k),
            ladder_q=ladder_q,
            lead_q=first_of_kind("leadership"),
            learning_q=first_of_kind("learning-style"),
            kappa_weights=KAPPA_WEIGHTS,
            title=programme.name,
        )

    return _page(token, "dashboard", render, number, data.state(programme))


def role_links(members) -> dict[tuple[int, str], str]:
    """The role links still to send: a link shows until its person opens it (and so takes it
    over with a new link of their own, see store.decide)."""
    return {
        (m.id, role): external_url("internships.plan", token=m.token_of(role))
        for m in members
        for role in ("trainee", "mentor")
        if not m.opened(role)
    }


def _cohort_charts(figures, library, ladder_q, k) -> dict:
    charts = {}
    for role, dist in figures.learning.items():
        if dist is not None and dist.group.shown:
            q = first_of_kind("learning-style")
            charts[f"learning-{role}"] = learning_chart(dist, q, role, k)
    by_key = {(g.phase, g.role): g for g in figures.ladder}
    for group in figures.ladder:
        if group.group.shown:
            charts[f"ladder-{group.phase}-{group.role}"] = ladder_matrix(group, ladder_q, k)
    for phase in ("start", "middle", "end"):
        chart = medians_chart(
            by_key.get((phase, "trainee")), by_key.get((phase, "mentor")), ladder_q, phase
        )
        if chart is not None:
            charts[f"medians-{phase}"] = chart
    lead = figures.leadership
    if lead is not None and lead.group.shown:
        q = first_of_kind("leadership")
        for name, chart in leadership_charts(lead, q, k).items():
            charts[f"leadership-{name}"] = chart
    return charts


@bp.post("/p/<token>/internships")
def add(token: str):
    """Add an internship (with an optional label); its page shows the two links to send."""
    programme, _link = get_admin_or_404(token)
    _checked_post()
    with refusals(), INVITATIONS:
        internship = add_internship(
            programme,
            request.form.get("label"),
            key_hash("internship", _key(request.form.get("key"))),
        )
    flash(_("The internship is added. Send each person their link."), "success")
    return redirect(url_for(".internship", token=token, iid=internship.id))


@bp.get("/p/<token>/i/<int:iid>")
def internship(token: str, iid: int):
    """One internship: its label, the links still to send, its progress, shared results."""
    programme, link = get_admin_or_404(token)
    found = internship_in(programme, iid)
    if found is None:
        abort(404)
    member = next(m for m in data.members(programme) if m.id == iid)
    entries = [e for e in data.entries(programme) if e.internship_id == iid]
    row = progress([member], entries, kinds_by_id(), programme, date.today())[0]
    return render_template(
        "programmes/internship.html",
        **_common(programme, link),
        row=row,
        links={role: url for (_id, role), url in role_links([member]).items()},
        library=library_by_id(),
        key=new_token(),
        title=_("Internship: %(label)s", label=found.label or _("no label")),
    )


@bp.post("/p/<token>/i/<int:iid>/label")
def label(token: str, iid: int):
    """Change the coordinator's label of an internship."""
    programme, _link = get_admin_or_404(token)
    _checked_post()
    found = internship_in(programme, iid)
    if found is None:
        abort(404)
    set_label(found, request.form.get("label"))
    flash(_("The label is saved."), "success")
    return redirect(url_for(".internship", token=token, iid=iid))


@bp.post("/p/<token>/i/<int:iid>/remove")
def remove(token: str, iid: int):
    """Take an internship out of the programme; its plan stays with its trainee and mentor."""
    programme, _link = get_admin_or_404(token)
    _checked_post()
    found = internship_in(programme, iid)
    if found is not None:
        remove_internship(found)
    flash(_("The internship is no longer part of the programme."), "success")
    return redirect(url_for(".dashboard", token=token))


@bp.get("/p/<token>/shared/<int:aid>")
def shared(token: str, aid: int):
    """A result its owner shares with the coordinator, as its owner sees it (read only)."""
    programme, link = get_admin_or_404(token)
    attachment = shared_attachment(programme, aid)
    if attachment is None:
        abort(404)
    body = render_shared(
        attachment.response,
        external_url(".shared", token=token, aid=aid),
        ("shared", token, aid),
    )
    label_text = attachment.internship.label
    return render_template(
        "programmes/shared.html",
        **_common(programme, link),
        body=body,
        role=attachment.role,
        internship=attachment.internship,
        internship_label=label_text,
        title=_("A shared result"),
    )


def _evaluation_summary(programme):
    return summary(
        data.entries(programme),
        data.coordinator_entries(programme),
        library_by_id(),
        min_group(programme),
    )


@bp.get("/p/<token>/psychometrics")
def psychometrics(token: str):
    """The psychometrics report (quizapp/psychometrics) of the programme's results that its
    pages may count: those of the roles that agreed. Below the programme's minimum group
    nothing is shown; the page is kept under the programme's state, as the dashboard is."""
    programme, link = get_admin_or_404(token)

    def render() -> str:
        k = min_group(programme)
        people = sum(m.agreed(role) for m in data.members(programme) for role in ROLES)
        shown, waiting = [], []
        if people >= k:
            counted = Attachment.id.in_(data.counted_attachments(programme))
            for r in build_reports(None, None, counted):
                if r.n >= k:
                    shown.append(r)
                elif r.n:
                    waiting.append((library_by_id()[r.questionnaire], r))
        # Who answered in which language (or wording) could single one person out: small
        # counts are hidden by the dashboard's rule (anonymity.hide_small).
        small_counts = {
            (r.questionnaire, r.version): {
                "lang": hide_small([n for _, n in r.by_lang], k),
                "form": hide_small([n for _, n in r.by_form], k),
            }
            for r in shown
        }
        return render_template(
            "programmes/psychometrics.html",
            **_common(programme, link),
            **report_context(shown),
            people=people,
            waiting=waiting,
            small_counts=small_counts,
            title=pgettext("psychometrics", "Psychometrics report"),
        )

    return _page(token, "psychometrics", render, data.state(programme))


@bp.get("/p/<token>/evaluation")
def evaluation(token: str):
    """The process evaluation (handbook 3.2) summarised per point, and the SWOT board."""
    programme, link = get_admin_or_404(token)
    return _evaluation_page(programme, link, swot_of(programme), programme.swot_revision)


def _evaluation_page(programme, link, texts, revision, status=200, conflict=None):
    found = _evaluation_summary(programme)
    k = min_group(programme)
    charts = {}
    if found is not None:
        for role in ("trainee", "mentor"):
            if found.groups[role].shown:
                charts[f"eval-{role}"] = evaluation_matrix(found, role, k)
    return (
        render_template(
            "programmes/evaluation.html",
            **_common(programme, link),
            summary=found,
            charts=charts,
            swot=texts,
            revision=revision,
            conflict=conflict,
            swot_length=SWOT_LENGTH,
            title=_("Process evaluation"),
        ),
        status,
    )


@bp.post("/p/<token>/evaluate")
def evaluate(token: str):
    """The coordinator fills in the process evaluation for the programme."""
    _programme, _link = get_admin_or_404(token)
    _checked_post()
    q = first_of_kind("evaluation")
    if q is None:
        abort(404)
    set_context(q.id, perspective="coordinator")
    set_context(q.id, programme=token, internship=None, invite=None, series_from=None)
    return redirect(url_for("quiz.start", qid=q.id))


@bp.post("/p/<token>/swot")
def swot(token: str):
    """Save the SWOT board; a stale page or a second coordinator loses nothing."""
    programme, link = get_admin_or_404(token)
    texts = {name: clean_text(request.form.get(name, "")) for name in SWOT_FIELDS}
    revision = request.form.get("revision", "")
    if not FlaskForm().validate_on_submit() or not revision.isdigit():
        flash(SEND_AGAIN, "error")
        return _evaluation_page(programme, link, texts, programme.swot_revision, 400)
    too_long = [name for name, text in texts.items() if len(text) > SWOT_LENGTH]
    if too_long:
        flash(
            _(
                "A part of the board is longer than %(num)d characters. Please shorten it;"
                " nothing was saved yet.",
                num=SWOT_LENGTH,
            ),
            "error",
        )
        return _evaluation_page(programme, link, texts, int(revision), 422)
    if save_swot(programme, int(revision), texts):
        flash(_("The SWOT board is saved."), "success")
        return redirect(url_for(".evaluation", token=token, _anchor="swot"))
    flash(
        _(
            "Another coordinator saved the board while you were writing. Your text is in the"
            " form and is not saved yet; the board as saved now is shown above it. Combine"
            " the two, then save again."
        ),
        "error",
    )
    return _evaluation_page(
        programme, link, texts, programme.swot_revision, 409, conflict=swot_of(programme)
    )


@bp.get("/p/<token>/report")
def report(token: str):
    """The evaluation report to print: the summary per point and the SWOT board."""
    programme, link = get_admin_or_404(token)
    found = _evaluation_summary(programme)
    k = min_group(programme)
    charts = {}
    if found is not None:
        for role in ("trainee", "mentor"):
            if found.groups[role].shown:
                charts[f"eval-{role}"] = evaluation_matrix(found, role, k)
    return render_template(
        "programmes/report.html",
        **_common(programme, link),
        summary=found,
        charts=charts,
        swot=swot_of(programme),
        now=utcnow(),
        title=_("Evaluation report"),
    )


@bp.get("/p/<token>/settings")
def settings(token: str):
    """The programme's settings, its admin links and its join link."""
    programme, link = get_admin_or_404(token)
    return _settings_page(programme, link, _settings_values(programme), {})


def _settings_values(programme) -> dict:
    return {
        "name": programme.name,
        "sending": programme.sending or "",
        "receiving": programme.receiving or "",
        "languages": list(programme.languages or ()),
        "start": programme.start_on.isoformat(),
        "middle": programme.middle_on.isoformat(),
        "end": programme.end_on.isoformat(),
        "min_group": str(programme.min_group),
        "admin_label": "",
    }


def _settings_page(programme, link, values, errors, status=200):
    return (
        render_template(
            "programmes/settings.html",
            **_common(programme, link),
            values=values,
            errors=errors,
            links=active_links(programme),
            revoked=[x for x in programme.admin_links if x.revoked is not None],
            join_url=external_url(".join", token=programme.join_token)
            if programme.join_token
            else None,
            admin_url=lambda t: external_url(".dashboard", token=t),
            floor=min_group(),
            title=_("Links and settings"),
        ),
        status,
    )


@bp.post("/p/<token>/settings")
def change(token: str):
    """Change the programme's settings."""
    programme, link = get_admin_or_404(token)
    values = forms.form_values(request.form)
    if not FlaskForm().validate_on_submit():
        flash(SEND_AGAIN, "error")
        return _settings_page(programme, link, values, {}, 400)
    model, errors = forms.check(values)
    if model is None:
        return _settings_page(programme, link, values, errors, 422)
    update_programme(programme, programme_fields(forms.settings(model)))
    flash(_("The settings are saved."), "success")
    return redirect(url_for(".settings", token=token))


@bp.post("/p/<token>/links")
def new_link(token: str):
    """Make an admin link for a co-coordinator."""
    programme, _link = get_admin_or_404(token)
    _checked_post()
    with refusals(), INVITATIONS:
        made = add_admin_link(programme, request.form.get("label") or _("Co-coordinator"))
    flash(_("A new admin link is made. Send it to the other coordinator."), "success")
    return redirect(url_for(".settings", token=token, _anchor=f"link-{made.id}"))


@bp.post("/p/<token>/links/<int:lid>/revoke")
def revoke(token: str, lid: int):
    """Revoke another coordinator's admin link, unless it is the last one."""
    programme, link = get_admin_or_404(token)
    _checked_post()
    if revoke_admin_link(programme, lid):
        if lid == link.id:
            return render_template(
                "programmes/revoked.html", reader="coordinator", title=_("Link revoked")
            )
        flash(_("The link is revoked. It no longer opens the programme."), "success")
    else:
        flash(
            _(
                "This link cannot be revoked: it is the only admin link left, and without it"
                " nobody could open the programme."
            ),
            "error",
        )
    return redirect(url_for(".settings", token=token, _anchor="links"))


@bp.post("/p/<token>/join")
def join_link(token: str):
    """Make a new join link (the old one stops working), or close joining."""
    programme, _link = get_admin_or_404(token)
    _checked_post()
    if request.form.get("action") == "close":
        close_join_link(programme)
        flash(_("Joining is closed. Make a new join link to open it again."), "success")
    else:
        renew_join_link(programme)
        flash(_("There is a new join link. The old one no longer works."), "success")
    return redirect(url_for(".settings", token=token, _anchor="join"))


@bp.route("/p/<token>/delete", methods=["GET", "POST"])
def delete(token: str):
    """Ask, then delete the programme; its internships stay with their people."""
    programme, link = get_admin_or_404(token)
    if request.method == "POST":
        _checked_post()
        with refusals(), DELETIONS:
            delete_programme(programme)
        return render_template(
            "programmes/deleted.html", reader="coordinator", title=_("Programme deleted")
        )
    return render_template(
        "programmes/delete.html",
        **_common(programme, link),
        title=_("Delete this programme"),
    )


def _export_parts(programme):
    library = library_by_id()
    labels = {m.id: m.label for m in data.members(programme)}
    cols = export.columns(library)
    recs = export.records(
        programme,
        library,
        data.stream_entries(programme),
        data.coordinator_entries(programme),
        labels,
    )
    return library, cols, recs


def _filename(programme, suffix: str) -> str:
    return f"programme-{programme.id}-{date.today().isoformat()}{suffix}"


def _csv_download(body, programme, suffix: str) -> Response:
    """A CSV file to download, named after the programme."""
    name = _filename(programme, suffix)
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/p/<token>/export.csv")
def export_csv(token: str):
    """Every result as CSV, one row each, written as it is read."""
    programme, _link = get_admin_or_404(token)
    _library, cols, recs = _export_parts(programme)
    return _csv_download(stream_with_context(export.csv_lines(cols, recs)), programme, ".csv")


@bp.get("/p/<token>/codebook.csv")
def codebook_csv(token: str):
    """What every column of the export holds, as CSV, in the page's language."""
    programme, _link = get_admin_or_404(token)
    library, cols, _recs = _export_parts(programme)
    lines = export.codebook(cols, library)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    return _csv_download("\ufeff" + out.getvalue(), programme, "-codebook.csv")


@bp.get("/p/<token>/export.xlsx")
def export_xlsx(token: str):
    """Every result as an Excel workbook, with the codebook as its second sheet."""
    programme, _link = get_admin_or_404(token)
    library, cols, recs = _export_parts(programme)
    path = export.write_workbook(
        cols, recs, export.codebook(cols, library), (_("results"), _("codebook"))
    )
    handle = open(path, "rb")  # noqa: SIM115 (closed by send_file)
    os.unlink(path)  # the open file is read to the end; nothing stays on disk
    return send_file(
        handle,
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        as_attachment=True,
        download_name=_filename(programme, ".xlsx"),
    )


@bp.route("/j/<token>", methods=["GET", "POST"])
def join(token: str):
    """Join a programme: see what the coordinator will see, agree, then start an internship
    plan as trainee or mentor, or add the plan you have."""
    programme = find_joining(token)
    if programme is None:
        abort(404)
    form = FlaskForm()
    key = _key(request.form.get("key"))
    values = {
        "as": request.values.get("as"),
        "label": request.form.get("label", ""),
        "plan": request.form.get("plan", ""),
        "agree": request.form.get("agree") == "yes",
    }
    if values["as"] not in ("trainee", "mentor"):
        # First: who are you? The page then speaks to the trainee or to the mentor.
        return render_template(
            "programmes/join_choose.html",
            programme=programme,
            token=token,
            title=_("Join: %(name)s", name=programme.name),
        )
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        if not form.validate_on_submit():
            flash(SEND_AGAIN, "error")
            status = 400
        elif not values["agree"]:
            errors["agree"] = _("Tick the box to agree, or do not join.")
            status = 422
        elif values["plan"].strip():
            found = _plan_from_link(values["plan"])
            if found is None:
                errors["plan"] = _(
                    "No internship plan was found with this link. Copy the whole private link"
                    " of your plan, or leave the field empty to start a new plan."
                )
                status = 422
            else:
                internship, role = found
                if bring_in(programme, internship, role):
                    flash(_("Your internship plan is now part of the programme."), "success")
                    return redirect(url_for("internships.plan", token=internship.token_of(role)))
                errors["plan"] = _("This internship plan already belongs to another programme.")
                status = 409
        else:
            role = values["as"]
            try:
                with refusals(), INVITATIONS:
                    internship = add_internship(programme, values["label"], key_hash("join", key))
                    if internship.agreed(role) is None:
                        join_as(internship, role)
            except Refused as refused:
                flash(refused.message, "error")
                return _join_page(programme, values, errors, key, refused.status)
            flash(
                _(
                    "You joined the programme. This is your internship plan: keep its link,"
                    " and send the other link to your trainee or mentor."
                ),
                "success",
            )
            return redirect(url_for("internships.plan", token=internship.token_of(role)))
    return _join_page(programme, values, errors, key, status)


def _join_page(programme, values, errors, key, status):
    return (
        render_template(
            "programmes/join.html",
            programme=programme,
            values=values,
            errors=errors,
            key=key,
            reader=values["as"],
            k=min_group(programme),
            title=_("Join: %(name)s", name=programme.name),
        ),
        status,
    )


def _plan_from_link(text: str):
    match = TOKEN_IN_LINK.search(text)
    return find_role(match.group(1)) if match else None
