"""Which languages the app serves: the configuration, checked against the catalogues.

The one place that lists languages. By default every language with a catalogue in
translations/ is offered, plus the source language (English); `LANGUAGES=en,nl` narrows the
list. A catalogue with empty or fuzzy entries is not served (a warning at start-up says how many
texts it lacks) unless `LANGUAGES_PREVIEW` names it, so that translators can read their texts
on the pages before they are done.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class CatalogueStatus:
    """How complete one language's catalogue is."""

    lang: str
    total: int
    empty: int
    fuzzy: int

    @property
    def complete(self) -> bool:
        return self.empty == 0 and self.fuzzy == 0

    @property
    def summary(self) -> str:
        """One line for the check and the start-up warning."""
        if self.complete:
            return f"{self.lang}: complete ({self.total} texts)"
        return f"{self.lang}: {self.empty} of {self.total} texts untranslated, {self.fuzzy} fuzzy"


def catalogue_path(directory: str | Path, lang: str) -> Path:
    """The .po file of a language."""
    return Path(directory) / lang / "LC_MESSAGES" / "messages.po"


def catalogued(directory: str | Path) -> list[str]:
    """The languages with a catalogue in the translations folder, by code."""
    return sorted(p.parent.parent.name for p in Path(directory).glob("*/LC_MESSAGES/messages.po"))


@lru_cache(maxsize=64)
def _status(path: Path, lang: str, _mtime_ns: int) -> CatalogueStatus:
    with open(path, "rb") as fh:
        messages = [m for m in read_po(fh) if m.id]
    empty = sum(
        1 for m in messages if not m.string or (isinstance(m.string, tuple) and not all(m.string))
    )
    fuzzy = sum(1 for m in messages if m.fuzzy and m.string)
    return CatalogueStatus(lang, len(messages), empty, fuzzy)


def catalogue_status(directory: str | Path, lang: str) -> CatalogueStatus:
    """Count the untranslated and fuzzy texts of a language (read once per version of the file)."""
    path = catalogue_path(directory, lang)
    return _status(path, lang, path.stat().st_mtime_ns)


def configured(directory: str | Path, setting=None) -> tuple[str, ...]:
    """The languages the configuration asks for: LANGUAGES, or the source and every catalogue."""
    if setting:
        return tuple(dict.fromkeys(setting))
    return (SOURCE_LANGUAGE, *(lang for lang in catalogued(directory) if lang != SOURCE_LANGUAGE))


def served(directory: str | Path, setting=None, preview=(), warn=None) -> tuple[str, ...]:
    """The languages to offer: those asked for whose catalogue is complete, and the previews."""
    offered = []
    for lang in dict.fromkeys((*configured(directory, setting), *preview)):
        if lang == SOURCE_LANGUAGE:
            offered.append(lang)
        elif not catalogue_path(directory, lang).is_file():
            if warn:
                warn(f"language {lang} is not served: translations/{lang} has no catalogue")
        elif lang in preview or catalogue_status(directory, lang).complete:
            offered.append(lang)
        elif warn:
            warn(
                f"language {lang} is not served: {catalogue_status(directory, lang).summary}"
                f" (LANGUAGES_PREVIEW={lang} shows it anyway)"
            )
    return tuple(offered)


@lru_cache(maxsize=64)
def display_name(lang: str) -> str:
    """A language's name in itself, first letter capitalised ("Français", "Nederlands")."""
    locale = Locale.parse(lang.replace("-", "_"))
    name = locale.get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def configure(app) -> None:
    """Replace the LANGUAGES setting by the languages served; remember what was asked for."""
    directory = app.config["BABEL_TRANSLATION_DIRECTORIES"]
    setting, preview = app.config["LANGUAGES"], tuple(app.config["LANGUAGES_PREVIEW"])
    app.config["LANGUAGES_CONFIGURED"] = configured(directory, setting)
    app.config["LANGUAGES"] = served(directory, setting, preview, warn=app.logger.warning)


@dataclass(frozen=True)
class Review:
    """Whether a language has been read in context on its pages (translations/languages.toml)."""

    lang: str
    review: str  # "source", "translated" or "reviewed"
    by: str | None = None  # a role: "developers" or "second-translator"
    on: date | None = None
    pending: tuple[str, ...] = ()  # parts translated after the review ("programmes")


@lru_cache(maxsize=8)
def _reviews(path: Path, _mtime_ns: int) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def review_file(directory: str | Path) -> dict:
    """translations/languages.toml, read once per version of the file."""
    path = Path(directory) / "languages.toml"
    return _reviews(path, path.stat().st_mtime_ns) if path.is_file() else {}


def review_of(directory: str | Path, lang: str) -> Review:
    """A language's review status; a language the file does not name counts as translated."""
    entry = review_file(directory).get(lang, {})
    on = entry.get("reviewed_on")
    return Review(
        lang,
        entry.get("review", "source" if lang == SOURCE_LANGUAGE else "translated"),
        entry.get("reviewed_by"),
        date.fromisoformat(on) if isinstance(on, str) else on,
        tuple(entry.get("pending", ())),
    )


def questionnaire_languages(directory: str | Path) -> tuple[str, ...]:
    """The languages the questionnaires were written in (validated, unlike translations)."""
    return tuple(review_file(directory).get("questionnaire_languages", (SOURCE_LANGUAGE,)))
