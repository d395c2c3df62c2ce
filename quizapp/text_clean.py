"""Clean a name someone typed before it is shown or printed.

Names (on a printout today; on invitations and internships soon) are shown to other people.
Control characters could hide or reorder what they see: a right-to-left override turns
"Sam" + U+202E + "gnp.exe" into something else on screen, and a NUL byte breaks some
databases and log files. Those are removed; every letter of every script is kept.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
_SPACES = re.compile(r"\s+")

NAME_LENGTH = 60


def clean_name(value: object, limit: int = NAME_LENGTH) -> str:
    """Return a name fit to show: no control or bidi characters, single spaces, at most `limit`.

    The text is put in NFC form first, so that a letter with an accent counts as one.
    """
    text = unicodedata.normalize("NFC", str(value or ""))
    text = _SPACES.sub(" ", _UNSAFE.sub("", text)).strip()
    return text[:limit].rstrip()


# In a longer text (a comment, a SWOT board) line breaks stay; tabs become spaces.
_UNSAFE_IN_TEXT = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")


def clean_text(value: object) -> str:
    """Return a typed text fit to store and show: line breaks kept (as \\n), tabs as spaces,
    other control and bidi characters removed, no spaces at the ends. Never cut: a text that
    is too long is refused with a message, so nothing typed is lost."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n")
    text = text.replace("\r", "\n").replace("\t", " ")
    return _UNSAFE_IN_TEXT.sub("", text).strip()
