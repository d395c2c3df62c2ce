"""quizapp: self-assessments for workplace internships."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app."""
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from . import config, languages

    app.config.from_mapping(config.defaults(app.instance_path))
    if test_config is not None:
        app.config.from_mapping(test_config)
    languages.configure(app)
    if app.testing or app.debug:
        # A misspelt template variable fails loudly in development and tests.
        app.jinja_env.undefined = StrictUndefined

    from . import cli, database, errors, i18n, library, limits, privacy, urls  # noqa: F401
    from .charts import svg
    from .extensions import babel, compress, csrf, db, migrate, talisman
    from .results import pages as result_pages

    db.init_app(app)
    migrate.init_app(app, db, directory=str(config.PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    compress.init_app(app)  # HTML and JSON; WhiteNoise serves static files precompressed
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=config.CSP,
        referrer_policy="no-referrer",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
    library.init_app(app)
    result_pages.init_app(app)
    limits.init_app(app)
    privacy.init_app(app)
    app.after_request(i18n.remember_language)
    app.jinja_env.globals.update(
        i18n.template_globals(),
        draw_chart=svg.render,
        external_url=urls.external_url,
        questionnaire_of_kind=library.questionnaire_of_kind,
    )
    i18n.install_template_gettext(app)
    errors.init_app(app)
    cli.init_app(app)

    from .api import bp as api_bp
    from .internships import bp as internships_bp
    from .main import bp as main_bp
    from .programmes.routes import bp as programmes_bp
    from .quiz import bp as quiz_bp
    from .results import bp as results_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(results_bp)
    app.register_blueprint(internships_bp)
    app.register_blueprint(programmes_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)  # JSON without cookies: nothing to forge
    # The form views check CSRF themselves (FlaskForm), so that a stale page is shown again
    # with its answers instead of an error page.
    csrf.exempt(quiz_bp)

    static = os.path.join(app.root_path, "static")
    app.wsgi_app = WhiteNoise(
        app.wsgi_app, root=static, prefix="static/", max_age=3600, autorefresh=app.debug
    )
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Behind a reverse proxy: the client's address (for rate limits) and scheme (for
        # FORCE_HTTPS) come from the proxy's X-Forwarded-For and X-Forwarded-Proto.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    return app


def warm_up(app: Flask) -> None:
    """Do at start-up what the first request would otherwise wait for.

    Called by the server when a worker starts (gunicorn's `post_worker_init`), not by
    create_app, so command-line tools start quickly. It compiles every template, loads the
    catalogues, date formats and hyphenation dictionaries of the shipped languages and opens
    the database connection, so a new worker answers its first request about as fast as its
    hundredth.
    """
    from flask_babel import force_locale, format_date
    from sqlalchemy.exc import SQLAlchemyError

    from .charts.text import warm_up as load_dictionaries
    from .extensions import db
    from .i18n import fast_gettext
    from .models import utcnow
    from .results.store import find_response

    for name in app.jinja_env.list_templates(filter_func=lambda n: n.endswith(".html")):
        app.jinja_env.get_template(name)
    with app.test_request_context():
        for lang in app.config["LANGUAGES"]:
            with force_locale(lang):
                fast_gettext("Internship self-assessments")
                format_date(utcnow(), "long")
        try:
            find_response("-" * 32)  # opens the connection pool and compiles the lookup
        except SQLAlchemyError:
            app.logger.warning("the database is not reachable yet")
        finally:
            db.session.remove()
    load_dictionaries(app.config["LANGUAGES"])
