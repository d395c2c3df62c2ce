"""QR codes for printed results, made on our own server (segno, pure Python)."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=256)
def qr_svg(url: str) -> Markup:
    """Return an inline SVG QR code for a URL, black on white."""
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg role="img" aria-hidden="true" ', 1))
