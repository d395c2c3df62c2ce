"""Names shown to others lose control characters, bidi overrides and NUL; letters stay."""

from __future__ import annotations

import pytest

from quizapp.text_clean import BIDI_CONTROLS, clean_name


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Sam de Vries", "Sam de Vries"),
        ("Sam\u202egnp.exe", "Samgnp.exe"),
        ("\u2067ليلى\u2069", "ليلى"),
        ("Ana\x00ïs", "Anaïs"),
        ("  Jan \t\n Jansen  ", "Jan Jansen"),
        ("Zoe\u0308", "Zoë"),  # combining diaeresis becomes one letter
        ("\u200f\u200e\u061c", ""),
        (None, ""),
        ("Ø" * 80, "Ø" * 60),
    ],
)
def test_clean_name(typed, shown):
    assert clean_name(typed) == shown


def test_every_bidi_control_is_removed():
    assert clean_name(f"a{BIDI_CONTROLS}b") == "ab"
