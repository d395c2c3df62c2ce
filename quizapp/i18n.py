"""Language choice and translation of texts that come from data files."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, g, request
from flask_babel import format_date, get_locale, pgettext

LANG_COOKIE = "lang"
LANG_NAMES = {"en": "English", "nl": "Nederlands"}


def languages() -> tuple[str, ...]:
    """Return the codes of the shipped languages."""
    return current_app.config["LANGUAGES"]


def select_locale() -> str:
    """Pick the language: ?lang=, then the cookie, then Accept-Language, then English."""
    langs = languages()
    for candidate in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in langs:
            return candidate
    return request.accept_languages.best_match(langs) or current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_language(response):
    """Store a language chosen with ?lang= in a cookie for a year."""
    lang = request.args.get("lang")
    if lang in languages() and request.cookies.get(LANG_COOKIE) != lang:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


def current_lang() -> str:
    """Return the language of this request as a code such as 'nl'."""
    return str(get_locale())


def switch_url(lang: str) -> str:
    """Return the current page's URL in another language (no other query arguments echoed)."""
    return f"{request.path}?{urlencode({'lang': lang})}"


def qt(context: str, text: str | None) -> str:
    """Translate a text from a data file; the file's id is the message context."""
    if not text:
        return ""
    return pgettext(context, text)


def template_globals() -> dict:
    """Values every template can use."""
    return {
        "qt": qt,
        "format_date": format_date,
        "current_lang": current_lang,
        "switch_url": switch_url,
        "lang_names": LANG_NAMES,
        "languages": languages,
    }


def cache_key_lang() -> str:
    """Return the language for per-language caches (set once per request)."""
    if "lang" not in g:
        g.lang = current_lang()
    return g.lang
