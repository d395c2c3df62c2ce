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


def defaults(instance_path: str) -> dict:
    """Return the configuration, read from the environment with safe local defaults."""
    env = os.environ.get
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": env(
            "DATABASE_URL", f"sqlite:///{Path(instance_path) / 'quizapp.sqlite'}"
        ),
        "QUESTIONNAIRE_DIR": env("QUESTIONNAIRE_DIR", str(PROJECT_ROOT / "questionnaires")),
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        "LANGUAGES": ("en", "nl"),
        "BABEL_DEFAULT_LOCALE": "en",
        "RESULT_RETENTION_DAYS": int(env("RESULT_RETENTION_DAYS", "730")),
        "MAX_CONTENT_LENGTH": int(env("MAX_CONTENT_LENGTH", str(64 * 1024))),
        "FORCE_HTTPS": env("FORCE_HTTPS", "0") == "1",
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env("FORCE_HTTPS", "0") == "1",
        "WTF_CSRF_TIME_LIMIT": None,
        # Compressed HTML and JSON: zstd or brotli where the browser takes them, else gzip.
        "COMPRESS_ALGORITHM": ["zstd", "br", "gzip"],
        "COMPRESS_BR_LEVEL": 4,
        "COMPRESS_LEVEL": 6,
        "COMPRESS_MIMETYPES": ["text/html", "application/json", "text/plain", "image/svg+xml"],
    }
