"""Views: home, about, privacy and the handbook summaries."""

from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy import text

from ..errors import not_found
from ..extensions import db
from ..i18n import qt
from ..library import get_library, minutes_for
from ..urls import back_path
from . import bp


@bp.get("/")
def home():
    """List the questionnaires: who each is for and how long it takes."""
    questionnaires = list(get_library().questionnaires.values())
    return render_template(
        "main/home.html",
        questionnaires=questionnaires,
        minutes={q.id: minutes_for(q) for q in questionnaires},
    )


@bp.get("/about")
def about():
    """Say where the content comes from."""
    return render_template("main/about.html", library=get_library())


@bp.get("/privacy")
def privacy():
    """Say what is stored and for how long."""
    days = current_app.config["RESULT_RETENTION_DAYS"]
    return render_template(
        "main/privacy.html",
        days=days,
        draft_days=current_app.config["DRAFT_DAYS"],
        database=db.engine.dialect.name,
    )


@bp.get("/handbook")
def handbook():
    """List the handbook sections."""
    return render_template("main/handbook.html", handbook=get_library().handbook)


@bp.get("/handbook/<section_id>")
def handbook_section(section_id: str):
    """Show our summary of one handbook section, with its source.

    The page links to the previous and next sections and, with ?from=, back to the page of
    ours the reader came from (a result, a comparison, a questionnaire): see urls.back_path.
    """
    library = get_library()
    section = library.handbook.section(section_id)
    if section is None:
        not_found("section", section_id[:20])
    used_by = [
        q
        for q in library.questionnaires.values()
        if section_id in q.model.handbook or any(r.section == section_id for r in q.recommendations)
    ]
    sections = library.handbook.sections
    n = sections.index(section)
    back = back_path(request.args.get("from"))
    return render_template(
        "main/section.html",
        section=section,
        handbook=library.handbook,
        used_by=used_by,
        previous=sections[n - 1] if n > 0 else None,
        next=sections[n + 1] if n + 1 < len(sections) else None,
        back=back,
        # Previous and next keep the way back.
        keep={"from": back[0]} if back else {},
        title=qt("handbook", section.title),
    )


@bp.get("/robots.txt")
def robots():
    """Keep crawlers away from private links and the API."""
    lines = [
        "User-agent: *",
        "Disallow: /r/",
        "Disallow: /i/",
        "Disallow: /p/",
        "Disallow: /j/",
        "Disallow: /api/",
        "Disallow: /q/*/enter",
        "Disallow: /q/*/continue/",
        "",
    ]
    return "\n".join(lines), 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/healthz")
def healthz():
    """Tell a load balancer or monitor whether the app can reach its database."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}
