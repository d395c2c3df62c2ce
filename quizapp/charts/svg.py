"""Draw chart descriptions as inline SVG on the server: real text, a title and a description.

Sizes are in SVG units on a canvas `WIDTH` wide, laid out for a phone: the page scales the
drawing to its column, so a font of 13 units shows at 12 px or more on a 320 px phone and
slightly larger elsewhere. Every label is measured (text.py) and wrapped to fit its place.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .spec import (
    ACCENT,
    ACCENT_FILL,
    BAND_SHADES,
    FAINT,
    GRID,
    INK,
    MUTED,
    SOFT,
    BandScale,
    Bars,
    Histogram,
    Kite,
    Label,
    RegionGrid,
    ShareBars,
    label_lines,
)
from .text import LINE_HEIGHT, text_width, wrap

WIDTH = 300
LABEL = 13  # labels and ticks
SMALL = 12  # secondary labels
NAME = 12  # names inside grid cells
GAP = 6


def _num(value: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _signed(value: int) -> str:
    """A whole number with its sign, and a true minus sign: "−24", "0", "+6"."""
    return f"{value:+d}".replace("-", "\u2212") if value else "0"


class Lines:
    """A label broken into lines that fit a width; second-language lines are italic."""

    def __init__(self, label: Label, size: float, width: float, bold: bool = False, lang=None):
        self.size, self.bold = size, bold
        self.lines: list[tuple[str, str | None]] = []
        for text, second in label_lines(label):
            for line in wrap(text, size, width, bold and not second, second or lang):
                self.lines.append((line, second))

    @property
    def height(self) -> float:
        """The height of the block."""
        return len(self.lines) * self.size * LINE_HEIGHT

    @property
    def width(self) -> float:
        """The width of the widest line."""
        return max(
            (text_width(t, self.size, self.bold and lang is None) for t, lang in self.lines),
            default=0.0,
        )

    def svg(self, x: float, top: float, anchor: str = "start", cls: str = "") -> str:
        """A <text> whose first line's box starts at `top`."""
        step = _num(self.size * LINE_HEIGHT)
        spans = []
        for n, (line, lang) in enumerate(self.lines):
            extra = f' lang="{lang}" font-style="italic" font-weight="400"' if lang else ""
            dy = step if n else _num(self.size * 0.93)
            spans.append(f'<tspan x="{_num(x)}" dy="{dy}"{extra}>{escape(line)}</tspan>')
        weight = ' font-weight="700"' if self.bold else ""
        klass = f' class="{cls}"' if cls else ""
        return (
            f'<text x="{_num(x)}" y="{_num(top)}" font-size="{_num(self.size)}"'
            f' text-anchor="{anchor}"{weight}{klass}>{"".join(spans)}</text>'
        )


class Canvas:
    """An SVG document under construction, in one language (for hyphenation)."""

    def __init__(self, chart_id: str, title: Label, description: Label, kind: str, lang: str):
        self.chart_id, self.kind, self.lang = chart_id, kind, lang
        self.title, self.description = title, description
        self.parts: list[str] = []

    def add(self, markup: str, *values) -> None:
        """Add an element; the values are numbers and colours of our own, never user text."""
        self.parts.append(markup.format(*values) if values else markup)

    def lines(self, label: Label, size: float, width: float, bold: bool = False) -> Lines:
        """A label broken into lines in the canvas's language."""
        return Lines(label, size, width, bold, self.lang)

    def text(self, lines: Lines, x: float, top: float, anchor: str = "start", cls="") -> None:
        """Add a block of text."""
        self.parts.append(lines.svg(x, top, anchor, cls))

    def tick(self, x: float, y: float, value) -> None:
        """A muted axis number centred on x, its baseline at y."""
        self.add(
            '<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}">{}</text>',
            _num(x),
            _num(y),
            LABEL,
            MUTED,
            value,
        )

    def score_ticks(self, chart: BandScale | Histogram, axis_y: float, x_of, number) -> None:
        """Tick marks and numbers under a score axis, every `chart.tick_step` from its low end."""
        first = chart.low + (-chart.low) % chart.tick_step
        for value in range(first, chart.high + 1, chart.tick_step):
            x = x_of(value)
            self.add('<path d="M{} {}v4" stroke="{}"/>', _num(x), _num(axis_y), INK)
            self.tick(x, axis_y + 4 + LABEL, number(value))

    def value_bar(self, left: float, middle: float, length: float, thick: int, value) -> None:
        """A horizontal bar from `left`, centred on the height `middle`, its value at the end."""
        self.add(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
            _num(left),
            _num(middle - thick / 2),
            _num(max(length, 0.01)),
            thick,
            ACCENT,
            INK,
        )
        self.add(
            '<text x="{}" y="{}" font-size="{}" font-weight="700">{}</text>',
            _num(left + length + 4),
            _num(middle + LABEL * 0.36),
            LABEL,
            escape(value),
        )

    def dashed(self, x: float, top: float, bottom: float) -> None:
        """A dashed vertical line: a cut point or an expected value."""
        self.add(
            '<path d="M{} {}V{}" stroke="{}" stroke-width="1.5" stroke-dasharray="4 3"/>',
            _num(x),
            _num(top),
            _num(bottom),
            INK,
        )

    def done(self, height: float, width: float = WIDTH) -> Markup:
        """Return the finished SVG."""
        title_id, desc_id = f"{self.chart_id}-t", f"{self.chart_id}-d"
        title = escape(" / ".join(t for t, _ in label_lines(self.title)))
        desc = escape(" / ".join(t for t, _ in label_lines(self.description)))
        w, h = _num(width), _num(height)
        return Markup(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-{self.kind}"'
            f' id="{self.chart_id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img"'
            f' aria-labelledby="{title_id} {desc_id}"><title id="{title_id}">{title}</title>'
            f'<desc id="{desc_id}">{desc}</desc>{"".join(self.parts)}</svg>'
        )


def kite(chart: Kite, chart_id: str, lang: str = "en") -> Markup:
    """The four scores on crossed axes (top, right, bottom, left), joined into a kite."""
    canvas = Canvas(chart_id, chart.title, chart.description, "kite", lang)
    blocks = []
    for label, value in zip(chart.labels, chart.values, strict=True):
        lines = canvas.lines(label, LABEL, 92, bold=True)
        lines.lines.append((str(value), None))
        blocks.append(lines)
    top, right, bottom, left = blocks
    radius = min(118.0, (WIDTH - left.width - right.width - 4 * GAP) / 2)
    used = left.width + right.width + 4 * GAP + 2 * radius
    cx = (WIDTH - used) / 2 + left.width + 2 * GAP + radius
    cy = top.height + GAP + radius
    height = cy + radius + GAP + bottom.height + 2
    scale = radius / chart.scale_max
    for ring in chart.rings:
        r = ring * scale
        canvas.add(
            '<path d="M{} {}L{} {}L{} {}L{} {}Z" fill="none" stroke="{}" stroke-dasharray="2 3"/>',
            _num(cx),
            _num(cy - r),
            _num(cx + r),
            _num(cy),
            _num(cx),
            _num(cy + r),
            _num(cx - r),
            _num(cy),
            GRID,
        )
    canvas.add(
        '<path d="M{} {}H{}M{} {}V{}" stroke="{}"/>',
        _num(cx - radius),
        _num(cy),
        _num(cx + radius),
        _num(cx),
        _num(cy - radius),
        _num(cy + radius),
        GRID,
    )
    for ring in chart.rings[1::2]:
        r = ring * scale
        canvas.add(
            '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
            _num(cx + r / 2 + 3),
            _num(cy + r / 2 + SMALL),
            SMALL,
            MUTED,
            ring,
        )
    t, r, b, l_ = (v * scale for v in chart.values)
    points = [(cx, cy - t), (cx + r, cy), (cx, cy + b), (cx - l_, cy)]
    canvas.add(
        '<polygon points="{}" fill="{}" stroke="{}" stroke-width="2.5" stroke-linejoin="round"/>',
        " ".join(f"{_num(x)},{_num(y)}" for x, y in points),
        ACCENT_FILL,
        ACCENT,
    )
    for x, y in points:
        canvas.add('<circle cx="{}" cy="{}" r="3.5" fill="{}"/>', _num(x), _num(y), ACCENT)
    canvas.text(top, cx, 0, "middle")
    canvas.text(bottom, cx, cy + radius + GAP, "middle")
    canvas.text(left, cx - radius - GAP, cy - left.height / 2, "end")
    canvas.text(right, cx + radius + GAP, cy - right.height / 2, "start")
    return canvas.done(height)


def region_grid(chart: RegionGrid, chart_id: str, lang: str = "en") -> Markup:
    """A grid of named regions with the point where this person stands."""
    canvas = Canvas(chart_id, chart.title, chart.description, "grid", lang)
    y_title = canvas.lines(chart.y_title, SMALL, WIDTH, bold=True)
    y_ticks = [canvas.lines(t, LABEL, 70) for t in chart.y_ticks]
    left = max(t.width for t in y_ticks) + GAP
    cols, rows = len(chart.x_ticks), len(chart.y_ticks)
    cell_w = (WIDTH - left - 1) / cols
    names = [[canvas.lines(name, NAME, cell_w - 6) for name in row] for row in chart.cells]
    name_h = max(n.height for row in names for n in row)
    you = canvas.lines(chart.marker_label, LABEL, cell_w / 2 - 14, bold=True)
    zone = max(you.height, 18.0) + 12
    cell_h = 4 + name_h + zone
    top = y_title.height + GAP
    canvas.text(y_title, 0, 0)
    marker_x = left + chart.col * cell_w + 11 + chart.fx * (cell_w - 22)
    zone_top = top + chart.row * cell_h + 4 + name_h
    marker_y = zone_top + zone / 2 + (chart.fy - 0.5) * (zone - max(you.height, 18.0) - 2)
    for r in range(rows):
        y = top + r * cell_h
        canvas.text(y_ticks[r], left - GAP, y + (cell_h - y_ticks[r].height) / 2, "end")
        for c in range(cols):
            x = left + c * cell_w
            here = (r, c) == (chart.row, chart.col)
            canvas.add(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
                _num(x),
                _num(y),
                _num(cell_w),
                _num(cell_h),
                SOFT if here else "#fff",
                GRID,
            )
            canvas.text(names[r][c], x + cell_w / 2, y + 4, "middle", "region-name")
    bottom = top + rows * cell_h + 3
    x_ticks = [canvas.lines(t, LABEL, cell_w - 4) for t in chart.x_ticks]
    for c, tick in enumerate(x_ticks):
        canvas.text(tick, left + (c + 0.5) * cell_w, bottom, "middle")
    bottom += max(t.height for t in x_ticks) + GAP
    x_title = canvas.lines(chart.x_title, SMALL, WIDTH - left, bold=True)
    canvas.text(x_title, left + (WIDTH - left) / 2, bottom, "middle")
    canvas.add(
        '<path class="marker" d="M{} {}l8 8l-8 8l-8 -8z" fill="{}" stroke="{}" stroke-width="2"/>',
        _num(marker_x),
        _num(marker_y - 8),
        ACCENT,
        INK,
    )
    on_right = chart.fx <= 0.5
    canvas.text(
        you,
        marker_x + (11 if on_right else -11),
        marker_y - you.height / 2,
        "start" if on_right else "end",
    )
    return canvas.done(bottom + x_title.height + 2)


def bars(chart: Bars, chart_id: str, lang: str = "en") -> Markup:
    """Horizontal bars with their values at the end, first label on top."""
    canvas = Canvas(chart_id, chart.title, chart.description, "bars", lang)
    labels = [canvas.lines(label, LABEL, 118) for label in chart.labels]
    left = max(lab.width for lab in labels) + GAP
    value_w = text_width(str(chart.scale_max), LABEL, True) + GAP
    span = WIDTH - left - value_w - 4
    unit = span / chart.scale_max
    hidden = canvas.lines(chart.hidden_label, SMALL, span) if None in chart.values else None
    heights = [max(lab.height, 20.0, hidden.height if hidden else 0) + 10 for lab in labels]
    axis_y = sum(heights) + 2
    step = chart.tick_step or (3 if chart.scale_max > 8 else 1)
    for tick in range(0, chart.scale_max + 1, step):
        x = left + tick * unit
        canvas.add(
            '<path d="M{} 0V{}" stroke="{}"/>',
            _num(x),
            _num(axis_y),
            GRID if tick == 0 else FAINT,
        )
        canvas.tick(x, axis_y + LABEL + 2, tick)
    y = 0.0
    for lines, value, h in zip(labels, chart.values, heights, strict=True):
        canvas.text(lines, left - GAP, y + (h - lines.height) / 2, "end")
        if value is None:  # a count that is not shown: say so where its bar would be
            canvas.text(hidden, left + 4, y + (h - hidden.height) / 2, cls="hidden-count")
            y += h
            continue
        canvas.value_bar(left, y + h / 2, value * unit, 18, str(value))
        y += h
    return canvas.done(axis_y + LABEL + 6)


def band_scale(chart: BandScale, chart_id: str, lang: str = "en") -> Markup:
    """A score on its range, the bands shaded, their names inside them or under the scale."""
    canvas = Canvas(chart_id, chart.title, chart.description, "band", lang)
    number = _signed if chart.signed else str
    pad = text_width(number(chart.low), LABEL) / 2 + 2
    span = WIDTH - 2 * pad
    unit = span / (chart.high - chart.low + 1)

    def x_of(value: float) -> float:
        return pad + (value - chart.low + 0.5) * unit

    marker = canvas.lines(chart.marker_label, LABEL, WIDTH, bold=True)
    band_top = marker.height + 14
    names = [canvas.lines(b.name, SMALL, 1000) for b in chart.bands]
    inside = all(
        n.width <= (b.high - b.low + 1) * unit - 4 and len(n.lines) == 1
        for n, b in zip(names, chart.bands, strict=True)
    )
    name_h = max(n.height for n in names)
    band_h = name_h + 30 if inside else 30
    for n, band in enumerate(chart.bands):
        x0, x1 = x_of(band.low - 0.5), x_of(band.high + 0.5)
        canvas.add(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
            _num(x0),
            _num(band_top),
            _num(x1 - x0),
            _num(band_h),
            BAND_SHADES[n % len(BAND_SHADES)],
            GRID,
        )
        if inside:
            canvas.text(names[n], (x0 + x1) / 2, band_top + 3, "middle", "band-name")
    axis_y = band_top + band_h
    canvas.score_ticks(chart, axis_y, x_of, number)
    bottom = axis_y + 8 + LABEL
    if not inside:
        # The names do not fit inside their bands: a key under the scale, with each range.
        ranges = [f"{number(b.low)} … {number(b.high)}" for b in chart.bands]
        range_w = max(text_width(r, SMALL) for r in ranges) + 2 * GAP
        for n, band in enumerate(chart.bands):
            key = canvas.lines(band.name, SMALL, WIDTH - 18 - range_w)
            canvas.add(
                '<rect x="0" y="{}" width="12" height="12" fill="{}" stroke="{}"/>',
                _num(bottom + 4),
                BAND_SHADES[n % len(BAND_SHADES)],
                GRID,
            )
            canvas.add(
                '<text x="18" y="{}" font-size="{}">{}</text>',
                _num(bottom + 3 + SMALL * 0.93),
                SMALL,
                ranges[n],
            )
            canvas.text(key, 18 + range_w, bottom + 3)
            bottom += key.height + 4
    x = x_of(chart.value)
    mid = band_top + band_h - 13
    canvas.add(
        '<path class="marker" d="M{} {}l9 9l-9 9l-9 -9z" fill="{}" stroke="{}" stroke-width="2"/>',
        _num(x),
        _num(mid - 9),
        ACCENT,
        INK,
    )
    canvas.add(
        '<path d="M{} {}V{}" stroke="{}" stroke-width="1.5"/>',
        _num(x),
        _num(marker.height + 2),
        _num(mid - 9),
        INK,
    )
    half = marker.width / 2
    canvas.text(marker, min(max(x, half), WIDTH - half), 0, "middle")
    return canvas.done(bottom + 2)


def histogram(chart: Histogram, chart_id: str, lang: str = "en") -> Markup:
    """Columns of counts per score, with dashed lines at the cut points, labelled above."""
    canvas = Canvas(chart_id, chart.title, chart.description, "histogram", lang)
    number = _signed if chart.signed else str
    top = 0.0
    cut_lines = []
    for label in chart.cut_labels:
        lines = canvas.lines(label, SMALL, WIDTH, bold=True)
        cut_lines.append((lines, top))
        top += lines.height + 2
    plot_top, plot_h = top + GAP, 120.0
    axis_y = plot_top + plot_h
    tallest = max(chart.counts, default=0) or 1
    left = text_width(str(tallest), SMALL) + GAP
    pad = text_width(number(chart.high), LABEL) / 2 + 1
    unit = (WIDTH - left - pad) / (chart.high - chart.low + 1)

    def x_of(value: float) -> float:
        return left + (value - chart.low + 0.5) * unit

    # Only the top of the count scale is labelled: a "0" at the axis would sit against the
    # first score's label once a phone enlarges the tick labels.
    for y, value in ((plot_top, tallest),):
        canvas.add(
            '<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="{}">{}</text>',
            _num(left - 3),
            _num(y + SMALL * 0.36),
            SMALL,
            MUTED,
            value,
        )
    canvas.add('<path d="M{} {}H{}" stroke="{}"/>', _num(left), _num(plot_top), WIDTH, FAINT)
    for k, count in enumerate(chart.counts):
        if count:
            h = plot_h * count / tallest
            canvas.add(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                _num(left + k * unit + 0.25),
                _num(axis_y - h),
                _num(max(unit - 0.5, 0.5)),
                _num(h),
                ACCENT,
            )
    canvas.add('<path d="M{} {}H{}" stroke="{}"/>', _num(left), _num(axis_y), WIDTH, INK)
    canvas.score_ticks(chart, axis_y, x_of, number)
    for cut, (lines, y) in zip(chart.cuts, cut_lines, strict=True):
        x = x_of(cut)
        canvas.dashed(x, plot_top - 3, axis_y)
        half = lines.width / 2
        canvas.text(lines, min(max(x, half), WIDTH - half), y, "middle")
    bottom = axis_y + 8 + LABEL
    x_title = canvas.lines(chart.x_title, SMALL, WIDTH - left, bold=True)
    canvas.text(x_title, left + (WIDTH - left) / 2, bottom, "middle")
    return canvas.done(bottom + x_title.height + 2)


def share_bars(chart: ShareBars, chart_id: str, lang: str = "en") -> Markup:
    """Horizontal bars of percentages with their values, and a dashed line at the expected share."""
    canvas = Canvas(chart_id, chart.title, chart.description, "shares", lang)
    labels = [canvas.lines(label, LABEL, 110) for label in chart.labels]
    left = max(lab.width for lab in labels) + GAP
    value_w = max(text_width(v, LABEL, True) for v in chart.value_labels) + GAP
    span = WIDTH - left - value_w - 4
    unit = span / chart.scale_max
    reference = canvas.lines(chart.reference_label, SMALL, WIDTH - left, bold=True)
    ref_x = left + chart.reference * unit
    top = reference.height + 4
    heights = [max(lab.height, 20.0) + 8 for lab in labels]
    axis_y = top + sum(heights) + 2
    for tick in range(0, chart.scale_max + 1, chart.tick_step):
        x = left + tick * unit
        canvas.add(
            '<path d="M{} {}V{}" stroke="{}"/>',
            _num(x),
            _num(top),
            _num(axis_y),
            GRID if not tick else FAINT,
        )
        canvas.tick(x, axis_y + LABEL + 2, tick)
    y = top
    for lines, value, text, h in zip(
        labels, chart.values, chart.value_labels, heights, strict=True
    ):
        canvas.text(lines, left - GAP, y + (h - lines.height) / 2, "end")
        canvas.value_bar(left, y + h / 2, value * unit, 16, text)
        y += h
    canvas.dashed(ref_x, top - 2, axis_y)
    half = reference.width / 2
    canvas.text(reference, min(max(ref_x, left + half), WIDTH - half), 0, "middle")
    return canvas.done(axis_y + LABEL + 6)


DRAW = {
    Kite: kite,
    RegionGrid: region_grid,
    Bars: bars,
    BandScale: band_scale,
    Histogram: histogram,
    ShareBars: share_bars,
}


def render(chart, chart_id: str, lang: str = "en") -> Markup:
    """Draw a chart description as SVG, hyphenating long words by the rules of `lang`."""
    return DRAW[type(chart)](chart, chart_id, lang)
