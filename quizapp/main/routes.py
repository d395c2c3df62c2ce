"""Views: home, about, privacy and the handbook summaries."""

from __future__ import annotations

from flask import abort, current_app, render_template
from sqlalchemy import text

from ..extensions import db
from ..i18n import qt
from ..library import get_library, minutes_for
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
    return render_template("main/privacy.html", days=days, database=db.engine.dialect.name)


@bp.get("/handbook")
def handbook():
    """List the handbook sections."""
    return render_template("main/handbook.html", handbook=get_library().handbook)


@bp.get("/handbook/<section_id>")
def handbook_section(section_id: str):
    """Show our summary of one handbook section, with its source."""
    library = get_library()
    section = library.handbook.section(section_id)
    if section is None:
        abort(404)
    used_by = [
        q
        for q in library.questionnaires.values()
        if section_id in q.model.handbook or any(r.section == section_id for r in q.recommendations)
    ]
    return render_template(
        "main/section.html",
        section=section,
        handbook=library.handbook,
        used_by=used_by,
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
        "",
    ]
    return "\n".join(lines), 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/healthz")
def healthz():
    """Tell a load balancer or monitor whether the app can reach its database."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}
