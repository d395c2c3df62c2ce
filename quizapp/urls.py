"""Links that leave the page (private links, QR codes, the API): built from PUBLIC_BASE_URL.

Without PUBLIC_BASE_URL they use the request's address, which TRUSTED_HOSTS should then limit:
otherwise a forged Host header would end up in a private link or its QR code.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, url_for
from werkzeug.exceptions import HTTPException


def external_url(endpoint: str, **values) -> str:
    """Return the full address of a page, for links people copy, print or scan."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def base_url() -> str:
    """Return the address of the app itself, without a trailing slash."""
    return external_url("main.home").rstrip("/")


# Pages a handbook section may link back to, by endpoint.
BACK_TO = frozenset(
    {
        "results.show",
        "results.compare",
        "quiz.start",
        "main.home",
        "main.about",
        "main.handbook",
        "main.handbook_section",
    }
)


def back_path(value: str | None) -> tuple[str, str] | None:
    """Return (path, endpoint) of a page of ours to go back to, from a ?from= value.

    Only a path (no scheme, host or query) that this app serves with one of the BACK_TO
    endpoints is taken: a link to another site, or to anything else, gives None. So ?from=
    can never send a reader away from the app (no open redirect).
    """
    if not value or len(value) > 200 or not value.startswith("/") or value.startswith("//"):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.query or parts.fragment or "\\" in value:
        return None
    try:
        endpoint, _values = current_app.url_map.bind("localhost").match(parts.path, method="GET")
    except HTTPException:
        return None
    return (parts.path, endpoint) if endpoint in BACK_TO else None
