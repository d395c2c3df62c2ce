"""Write metrics.py: the advance width of each character, for laying out chart labels.

Not imported by the app. Run it again (with fontTools installed: `pip install fonttools`) to
change the fonts or the characters:

    python quizapp/charts/make_metrics.py > quizapp/charts/metrics.py

Each width is the widest of DejaVu Sans and Liberation Sans (the fonts Debian's Chromium falls
back to) in thousandths of an em, rounded up. Phone fonts (Roboto, San Francisco, Segoe UI) are
narrower, so a label that fits by these widths fits on a phone too.
"""

from __future__ import annotations

import math
import sys

from fontTools.ttLib import TTFont

FONTS = {
    "regular": [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ],
    "bold": [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ],
}
FIRST, LAST = 0x20, 0x24F  # Basic Latin to Latin Extended-B
EXTRA = "\u00ad\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u2212\u2264\u2265\u00d7"


def widths(paths: list[str], chars: str) -> list[int]:
    """The widest advance of each character over the fonts, in thousandths of an em."""
    fonts = [TTFont(p) for p in paths]
    out = []
    for ch in chars:
        best = 0.0
        for font in fonts:
            glyph = font.getBestCmap().get(ord(ch))
            if glyph is not None:
                advance = font["hmtx"][glyph][0] / font["head"].unitsPerEm
                best = max(best, advance)
        out.append(math.ceil(best * 1000) if best else 0)
    return out


def main() -> None:
    """Print the module."""
    chars = "".join(chr(c) for c in range(FIRST, LAST + 1)) + EXTRA
    print('"""Character widths for chart label layout; made by make_metrics.py, do not edit."""')
    print()
    print(f"FIRST = {FIRST:#x}")
    print(f"LAST = {LAST:#x}")
    print(f"EXTRA = {EXTRA!r}")
    for weight, paths in FONTS.items():
        values = widths(paths, chars)
        print(f"{weight.upper()} = (")
        for i in range(0, len(values), 16):
            print("    " + ", ".join(str(v) for v in values[i : i + 16]) + ",")
        print(")")


if __name__ == "__main__":
    sys.exit(main())
