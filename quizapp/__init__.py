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

    from . import config

    app.config.from_mapping(config.defaults(app.instance_path))
    if test_config is not None:
        app.config.from_mapping(test_config)
    if app.testing or app.debug:
        # A misspelt template variable fails loudly in development and tests.
        app.jinja_env.undefined = StrictUndefined

    from . import cli, database, errors, i18n, library, limits, privacy, urls  # noqa: F401
    from .extensions import babel, csrf, db, migrate, talisman

    db.init_app(app)
    migrate.init_app(app, db, directory=str(config.PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy={
            "default-src": "'self'",
            "script-src": "'self'",
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "object-src": "'none'",
            "base-uri": "'none'",
            "form-action": "'self'",
            "frame-ancestors": "'none'",
        },
        referrer_policy="no-referrer",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
    library.init_app(app)
    limits.init_app(app)
    privacy.init_app(app)
    app.after_request(i18n.remember_language)
    app.jinja_env.globals.update(i18n.template_globals(), external_url=urls.external_url)
    i18n.install_template_gettext(app)
    errors.init_app(app)
    cli.init_app(app)

    from .api import bp as api_bp
    from .main import bp as main_bp
    from .quiz import bp as quiz_bp
    from .results import bp as results_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(results_bp)
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
