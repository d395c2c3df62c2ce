"""Configuration defaults; every setting can be overridden by an environment variable."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Content Security Policy: everything from this server, no inline scripts or styles.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": ["'self'", "data:"],
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def _secret_key(instance_path: str) -> str:
    """Return SECRET_KEY from the environment, or a random key kept in the instance folder.

    A local install needs no set-up and no secret ever lives in the code; production sets
    SECRET_KEY explicitly.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def _list(value: str | None) -> list[str] | None:
    """Read a comma-separated list; None when it is not set."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def defaults(instance_path: str) -> dict:
    """Return the configuration, read from the environment with safe local defaults."""
    env = os.environ.get
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": env(
            "DATABASE_URL", f"sqlite:///{Path(instance_path) / 'quizapp.sqlite'}"
        ),
        # A connection that died (database restarted) is noticed and replaced before use.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "QUESTIONNAIRE_DIR": env("QUESTIONNAIRE_DIR", str(PROJECT_ROOT / "questionnaires")),
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        # The languages offered (quizapp/languages.py): unset, every complete catalogue in
        # translations/ and English; LANGUAGES_PREVIEW also serves an incomplete one.
        "LANGUAGES": _list(env("LANGUAGES")),
        "LANGUAGES_PREVIEW": _list(env("LANGUAGES_PREVIEW")) or [],
        "BABEL_DEFAULT_LOCALE": "en",
        "RESULT_RETENTION_DAYS": int(env("RESULT_RETENTION_DAYS", "730")),
        # Answers saved with "continue later" are kept this long, then deleted by the purge.
        "DRAFT_DAYS": int(env("DRAFT_DAYS", "30")),
        "MAX_CONTENT_LENGTH": int(env("MAX_CONTENT_LENGTH", str(64 * 1024))),
        "FORCE_HTTPS": env("FORCE_HTTPS", "0") == "1",
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env("FORCE_HTTPS", "0") == "1",
        "WTF_CSRF_TIME_LIMIT": None,
        # Rendered result pages kept per worker (results/pages.py): how many, how long.
        "RESULT_CACHE_SIZE": int(env("RESULT_CACHE_SIZE", "256")),
        "RESULT_CACHE_SECONDS": int(env("RESULT_CACHE_SECONDS", "600")),
        # Compressed HTML and JSON: zstd or brotli where the browser takes them, else gzip.
        "COMPRESS_ALGORITHM": ["zstd", "br", "gzip"],
        "COMPRESS_BR_LEVEL": 4,
        "COMPRESS_LEVEL": 6,
        "COMPRESS_MIMETYPES": ["text/html", "application/json", "text/plain", "image/svg+xml"],
        # Host names the app answers to (Flask checks the Host header); unset: any.
        "TRUSTED_HOSTS": _list(env("TRUSTED_HOSTS")),
        # The address every link to a result, invitation or comparison starts with, e.g.
        # https://selfassessment.example.org; unset: the address of the request.
        "PUBLIC_BASE_URL": env("PUBLIC_BASE_URL", "").rstrip("/") or None,
        # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none).
        "TRUSTED_PROXIES": int(env("TRUSTED_PROXIES", "0")),
        # Rate limits per client address (Flask-Limiter); counts kept in memory or Redis.
        "RATELIMIT_ENABLED": env("RATELIMIT_ENABLED", "1") == "1",
        "RATELIMIT_STORAGE_URI": env("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_STRATEGY": "moving-window",
        "RATELIMIT_KEY_PREFIX": "quizapp",
        "RATE_LIMIT_RESULTS": env("RATE_LIMIT_RESULTS", "30 per minute;1000 per day"),
        "RATE_LIMIT_INVITATIONS": env("RATE_LIMIT_INVITATIONS", "20 per minute;300 per day"),
        "RATE_LIMIT_DRAFTS": env("RATE_LIMIT_DRAFTS", "30 per minute;1000 per day"),
        "RATE_LIMIT_DELETIONS": env("RATE_LIMIT_DELETIONS", "20 per minute;300 per day"),
        # Seconds a client is asked to wait when the database cannot be reached.
        "RETRY_AFTER_UNAVAILABLE": 30,
        # The smallest group a programme's dashboard shows a figure for (never below 5:
        # programmes/anonymity.py). A programme may ask for more, never for less.
        "COHORT_MIN_GROUP": max(5, int(env("COHORT_MIN_GROUP", "5"))),
    }
