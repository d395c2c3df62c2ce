"""Language choice and translation of texts that come from data files."""

from __future__ import annotations

from urllib.parse import urlencode

from babel import Locale
from babel.lists import format_list
from flask import current_app, g, request
from flask_babel import (
    force_locale,
    format_date,
    format_datetime,
    format_decimal,
    get_locale,
    get_translations,
)
from jinja2 import pass_context
from markupsafe import Markup, escape

from .charts.text import soft_hyphens
from .languages import Review, display_name, questionnaire_languages, review_of
from .textdata import MENTOR_SUFFIX, READERS

LANG_COOKIE = "lang"


def languages() -> tuple[str, ...]:
    """Return the codes of the languages served (quizapp/languages.py decides which)."""
    return current_app.config["LANGUAGES"]


def language_of(tag: str | None) -> str | None:
    """The shipped language a language tag names, or None.

    Case and region do not matter: "nl", "NL", "nl-BE" and "nl_be" all name Dutch. A shipped
    code with a region of its own (for example "pt-BR" in LANGUAGES) is matched whole first.
    """
    if not tag:
        return None
    shipped = {code.replace("_", "-").lower(): code for code in languages()}
    tag = tag.strip().replace("_", "-").lower()
    return shipped.get(tag) or shipped.get(tag.split("-", 1)[0])


def select_locale() -> str:
    """Pick the language: ?lang=, then the cookie, then Accept-Language, then English.

    Accept-Language is read in the browser's order of preference, each tag by its language:
    "nl-BE, en;q=0.5" gives Dutch, although English is shipped under exactly that name.
    """
    for candidate in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        lang = language_of(candidate)
        if lang:
            return lang
    for tag, _quality in request.accept_languages:
        lang = language_of(tag)
        if lang:
            return lang
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def select_second_language() -> None:
    """Read ?lang2= for a two-language sheet: another shipped language than the page's."""
    lang2 = language_of(request.args.get("lang2"))
    if lang2 and lang2 != current_lang():
        g.lang2 = lang2


def remember_language(response):
    """Store a language chosen with ?lang= in a cookie for a year."""
    lang = language_of(request.args.get("lang"))
    if lang and request.cookies.get(LANG_COOKIE) != lang:
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


def _translations_dir() -> str:
    return current_app.config["BABEL_TRANSLATION_DIRECTORIES"]


def language_reviews() -> list[Review]:
    """Each served language with its review status (translations/languages.toml)."""
    return [review_of(_translations_dir(), lang) for lang in languages()]


def questionnaire_languages_named():
    """The languages the questionnaires were written in, named and listed in the page's language
    (in both languages on a two-language sheet)."""

    def named() -> str:
        here = get_locale()
        written = questionnaire_languages(_translations_dir())
        names = [Locale.parse(lang).get_display_name(here) for lang in written]
        return format_list(names, locale=here)

    lang2 = second_lang()
    if lang2 is None:
        return named()
    first = named()
    with force_locale(lang2):
        return Both(first, named(), lang2)


def questionnaire_translated() -> bool:
    """Whether this page (or its second language) shows a questionnaire in translation."""
    written = questionnaire_languages(_translations_dir())
    return any(lang not in written for lang in (current_lang(), second_lang()) if lang)


def switch_url(lang: str) -> str:
    """Return the current page's URL in another language (no other query arguments echoed)."""
    return f"{request.path}?{urlencode({'lang': lang})}"


class Both:
    """A text in two languages, for the two-language print sheet.

    In HTML it shows the first language with the second after it, marked with its `lang`;
    as plain text (attributes, chart labels) it is "first / second".
    """

    def __init__(self, first: str, second: str, lang: str):
        self.first, self.second, self.lang = first, second, lang

    def __html__(self) -> Markup:
        if self.first == self.second:
            return escape(self.first)
        return Markup('{} <span class="lang2" lang="{}">{}</span>').format(
            self.first, self.lang, self.second
        )

    def __str__(self) -> str:
        return self.first if self.first == self.second else f"{self.first} / {self.second}"


def _translations():
    """The catalogue of the current locale, remembered for the request.

    A result page translates a few hundred texts; looking the catalogue up once per locale
    (force_locale() sets a new locale object, so a forced locale is noticed) instead of once
    per text makes translating about ten times cheaper.
    """
    ctx = g.get("_flask_babel")
    locale = getattr(ctx, "babel_locale", None)
    cached = getattr(ctx, "quizapp_translations", None)
    if cached is not None and locale is not None and cached[0] is locale:
        return cached[1]
    translations = get_translations()
    ctx = g.get("_flask_babel")
    if ctx is not None:
        ctx.quizapp_translations = (ctx.babel_locale, translations)
    return translations


def fast_gettext(string: str, **variables) -> str:
    """flask_babel.gettext, with the catalogue remembered for the request."""
    translated = _translations().ugettext(string)
    return translated % variables if variables else translated


def fast_ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """flask_babel.ngettext, with the catalogue remembered for the request."""
    variables.setdefault("num", num)
    return _translations().ungettext(singular, plural, num) % variables


def fast_pgettext(context: str, string: str, **variables) -> str:
    """flask_babel.pgettext, with the catalogue remembered for the request."""
    translated = _translations().upgettext(context, string)
    return translated % variables if variables else translated


def fast_npgettext(context: str, singular: str, plural: str, num: int, **variables) -> str:
    """flask_babel.npgettext, with the catalogue remembered for the request."""
    variables.setdefault("num", num)
    return _translations().unpgettext(context, singular, plural, num) % variables


def second_lang() -> str | None:
    """Return the second language of a two-language sheet, or None."""
    return g.get("lang2")


def _in_both(translate, *args, **variables):
    """Translate in the page's language and, on a two-language sheet, in the second one."""
    lang2 = second_lang()
    if lang2 is None:
        return translate(*args, **variables)
    first = translate(
        *args, **{k: v.first if isinstance(v, Both) else v for k, v in variables.items()}
    )
    with force_locale(lang2):
        second = translate(
            *args, **{k: v.second if isinstance(v, Both) else v for k, v in variables.items()}
        )
    return Both(first, second, lang2)


def text(string: str, **variables):
    """gettext that also gives the second language on a two-language sheet."""
    return _in_both(fast_gettext, string, **variables)


def ntext(singular: str, plural: str, num: int, **variables):
    """ngettext that also gives the second language on a two-language sheet."""
    return _in_both(fast_ngettext, singular, plural, num, **variables)


def ptext(context: str, string: str, **variables):
    """pgettext that also gives the second language on a two-language sheet."""
    return _in_both(fast_pgettext, context, string, **variables)


def nptext(context: str, singular: str, plural: str, num: int, **variables):
    """npgettext that also gives the second language on a two-language sheet."""
    return _in_both(fast_npgettext, context, singular, plural, num, **variables)


def reader_of(audience: str, perspective: str | None = None) -> str:
    """Who reads a questionnaire's pages: its audience, or the mentor (the coordinator) for a
    mentor's (a coordinator's) answers."""
    return perspective if perspective in ("mentor", "coordinator") else audience


def _page_reader(ctx) -> str:
    reader = ctx.get("reader")
    if reader not in READERS:
        raise RuntimeError(f"say() needs `reader` ({' or '.join(READERS)}) in the template")
    return reader


def say_to(reader: str, string: str, **variables):
    """In Python code: translate a text for a reader ("trainee" or "mentor"), as say() does in
    templates; the extractor (textdata.extract_python) puts it in the catalogue once per reader."""
    if reader not in READERS:
        raise ValueError(f"say_to() needs a reader ({' or '.join(READERS)}), not {reader!r}")
    return ptext(reader, string, **variables)


@pass_context
def say(ctx, string: str, **variables):
    """Translate a text for the page's reader: the template's `reader` is the message context.

    The English is the same for every reader; the extractor (textdata.extract_jinja) puts the
    text in the catalogue once per reader, so each language words it for trainee and mentor.
    """
    return ptext(_page_reader(ctx), string, **variables)


@pass_context
def nsay(ctx, singular: str, plural: str, num: int, **variables):
    """The plural form of `say`."""
    return nptext(_page_reader(ctx), singular, plural, num, **variables)


def number(value: float, pattern: str = "#,##0.##"):
    """A number written the way the page's language writes it (0,79 in Dutch), for a sentence.

    On a two-language sheet it comes in both languages, so each sentence gets its own.
    """
    first = format_decimal(value, pattern)
    lang2 = second_lang()
    if lang2 is None:
        return first
    with force_locale(lang2):
        return Both(first, format_decimal(value, pattern), lang2)


def signed(value: int) -> str:
    """A whole number with its sign ("+3", "-2", "+0"), in the page's language's digits."""
    return format_decimal(value, "+#,##0;-#,##0")


def list_of(items):
    """Names joined as the page's language lists them ("A, B et C"; both languages on two)."""
    items = list(items)
    here = format_list(
        [i.first if isinstance(i, Both) else str(i) for i in items], locale=get_locale()
    )
    lang2 = second_lang()
    if lang2 is None:
        return here
    second = [i.second if isinstance(i, Both) else str(i) for i in items]
    return Both(here, format_list(second, locale=lang2), lang2)


def band_range(band) -> str:
    """A band's range in the page's language: "≤ -5", "-4 – 4" or "≥ 0,5" in Dutch."""
    if band.min is None:
        return f"≤ {format_decimal(band.max)}"
    if band.max is None:
        return f"≥ {format_decimal(band.min)}"
    return f"{format_decimal(band.min)} – {format_decimal(band.max)}"


def qt(context: str, text: str | None):
    """Translate a text from a data file; the file's id is the message context."""
    if not text:
        return ""
    return _in_both(fast_pgettext, context, text)


@pass_context
def qreader(ctx, q, text: str | None):
    """A data-file text about a result, for the page's reader (a Jinja global).

    A mentor who answers a questionnaire for themselves (`mentor: {about: self}`) reads what
    their result means in the mentor's wording, which the catalogue keeps under the context
    "<id>/mentor" (textdata.MENTOR_VARIANT_KEYS); everyone else reads the file's own wording.
    """
    if not text:
        return ""
    if ctx.get("reader") == "mentor" and q.mentor is not None and q.mentor.about == "self":
        return _in_both(fast_pgettext, q.id + MENTOR_SUFFIX, text)
    return qt(q.id, text)


def hyphenated(value):
    """Template filter: a text with soft hyphens in its long words (both languages on two)."""
    if isinstance(value, Both):
        return Both(
            soft_hyphens(value.first, current_lang()),
            soft_hyphens(value.second, value.lang),
            value.lang,
        )
    return soft_hyphens(str(value), current_lang())


def single(value):
    """Template filter: a text in the page's language only, for the site's frame (the header,
    menu and footer are the same on a two-language sheet)."""
    return value.first if isinstance(value, Both) else value


def plain(value) -> str:
    """Template filter: a text as plain text, for attributes ("first / second" on two)."""
    return str(value)


def install_template_gettext(app) -> None:
    """Let templates' _() and ngettext() give both languages on a two-language sheet."""
    app.jinja_env.filters["plain"] = plain
    app.jinja_env.filters["single"] = single
    app.jinja_env.filters["hyphenated"] = hyphenated
    app.jinja_env.install_gettext_callables(
        text, ntext, newstyle=False, pgettext=ptext, npgettext=nptext
    )
    app.jinja_env.globals.update(
        _=text, gettext=text, ngettext=ntext, pgettext=ptext, npgettext=nptext, say=say, nsay=nsay
    )


def template_globals() -> dict:
    """Values every template can use."""
    return {
        "qt": qt,
        "qreader": qreader,
        "number": number,
        "format_decimal": format_decimal,
        "signed": signed,
        "list_of": list_of,
        "second_lang": second_lang,
        "format_date": format_date,
        "format_datetime": format_datetime,
        "current_lang": current_lang,
        "switch_url": switch_url,
        "lang_name": display_name,
        "language_reviews": language_reviews,
        "questionnaire_languages_named": questionnaire_languages_named,
        "questionnaire_translated": questionnaire_translated,
        "languages": languages,
    }
