"""Links that leave the page (private links, QR codes, the API): built from PUBLIC_BASE_URL.

Without PUBLIC_BASE_URL they use the request's address, which TRUSTED_HOSTS should then limit:
otherwise a forged Host header would end up in a private link or its QR code.
"""

from __future__ import annotations

from flask import current_app, url_for


def external_url(endpoint: str, **values) -> str:
    """Return the full address of a page, for links people copy, print or scan."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def base_url() -> str:
    """Return the address of the app itself, without a trailing slash."""
    return external_url("main.home").rstrip("/")
