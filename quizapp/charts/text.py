"""Measure and wrap chart labels, so that no label runs out of its chart.

Widths come from metrics.py (the widest of two common fonts), so a label measured here is never
narrower than it is drawn. A word too long for its line is hyphenated with the dictionary of its
language (pyphen), and only cut without a dictionary break as a last resort.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from . import metrics

LINE_HEIGHT = 1.22  # lines of a label, in font sizes
_EXTRA = dict(zip(metrics.EXTRA, range(len(metrics.EXTRA)), strict=True))
_FALLBACK = 0.65  # an unknown character (CJK, emoji ...) counted as a wide letter


def char_width(ch: str, bold: bool = False) -> float:
    """The advance width of one character, in ems."""
    table = metrics.BOLD if bold else metrics.REGULAR
    code = ord(ch)
    if metrics.FIRST <= code <= metrics.LAST:
        value = table[code - metrics.FIRST]
    elif ch in _EXTRA:
        value = table[metrics.LAST - metrics.FIRST + 1 + _EXTRA[ch]]
    else:
        return 1.0 if code >= 0x1100 else _FALLBACK
    return value / 1000 if value else _FALLBACK


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a one-line text at a font size, in the same units as the size."""
    return sum(char_width(ch, bold) for ch in text) * size


@lru_cache(maxsize=16)
def _dictionary(lang: str | None) -> pyphen.Pyphen | None:
    found = pyphen.language_fallback(lang or "en") or pyphen.language_fallback("en")
    return pyphen.Pyphen(lang=found) if found else None


def _split_word(word: str, size: float, width: float, bold: bool, lang: str | None) -> list[str]:
    """Break one word that is too wide into hyphenated pieces that fit."""
    pieces: list[str] = []
    dictionary = _dictionary(lang)
    rest = word
    while not _fits(rest, size, width, bold) and len(rest) > 1:
        breaks = dictionary.iterate(rest) if dictionary is not None else ()
        head, tail = next(
            ((left, right) for left, right in breaks if _fits(left + "-", size, width, bold)),
            (None, None),
        )
        if head is None:
            # No dictionary break fits: cut after the last letter that fits.
            cut = 1
            while cut + 1 < len(rest) and _fits(rest[: cut + 1] + "-", size, width, bold):
                cut += 1
            head, tail = rest[:cut], rest[cut:]
        pieces.append(head + "-")
        rest = tail
    pieces.append(rest)
    return pieces


def _fits(text: str, size: float, width: float, bold: bool) -> bool:
    return text_width(text, size, bold) <= width


def wrap(
    text: str, size: float, width: float, bold: bool = False, lang: str | None = None
) -> list[str]:
    """Break a text into lines no wider than `width` (greedy, by words, hyphenating long words)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _fits(candidate, size, width, bold):
            line = candidate
            continue
        if line:
            lines.append(line)
        if _fits(word, size, width, bold):
            line = word
            continue
        *full, line = _split_word(word, size, width, bold, lang)
        lines.extend(full)
    if line or not lines:
        lines.append(line)
    return lines


def block_width(lines: list[str], size: float, bold: bool = False) -> float:
    """The width of the widest line."""
    return max((text_width(line, size, bold) for line in lines), default=0.0)


def soft_hyphens(text: str, lang: str | None, min_length: int = 10) -> str:
    """Put soft hyphens into long words, so a narrow HTML column breaks them properly."""
    dictionary = _dictionary(lang)
    if dictionary is None:
        return text
    # Only runs of letters: punctuation after a word ("Conocimientos:") and the parts of a
    # compound with a hyphen ("savoir-faire") are left as they are.
    return re.sub(
        rf"\w{{{min_length},}}",
        lambda word: dictionary.inserted(word.group(), hyphen="\u00ad"),
        text,
    )


def warm_up(langs) -> None:
    """Load the hyphenation dictionaries of these languages now rather than on first use."""
    for lang in langs:
        _dictionary(lang)
