"""One plain description per chart: its data, labels, scales and marks, nothing about drawing.

Every drawing (server SVG, the HTML dot tables, an interactive Plotly view) reads these, so a
chart is described once. A label is a string, or a two-language text (anything with `first`,
`second` and `lang`, such as `quizapp.i18n.Both`) that is drawn as two lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

Label = Any  # str, or an object with .first, .second and .lang

INK = "#1f2937"
MUTED = "#4b5563"
ACCENT = "#0b6e4f"
ACCENT_FILL = "rgba(11,110,79,0.22)"
SOFT = "#e6f4ee"
GRID = "#9ca3af"
FAINT = "#e5e7eb"
BAND_SHADES = ("#f3f4f6", "#e5e7eb", "#d1d5db", "#c4c9d1")
# Marks of the series of a dot table: shape and colour differ, so they read in black and white.
MARKS = (
    ("circle", "#0b6e4f"),
    ("square", "#b45309"),
    ("diamond", "#1d4ed8"),
    ("triangle", "#7c3aed"),
)


def label_lines(label: Label) -> list[tuple[str, str | None]]:
    """The languages of a label as (text, lang): one entry, or two on a two-language sheet."""
    if hasattr(label, "first"):
        if label.first == label.second:
            return [(str(label.first), None)]
        return [(str(label.first), None), (str(label.second), label.lang)]
    return [(str(label), None)]


def plain(label: Label) -> str:
    """A label as one line of plain text ("first / second" on a two-language sheet)."""
    return " / ".join(text for text, _ in label_lines(label))


@dataclass(frozen=True)
class Kite:
    """Four scores on crossed axes, joined into a kite: top, right, bottom, left."""

    kind: ClassVar[str] = "kite"

    title: Label
    description: Label
    labels: tuple[Label, Label, Label, Label]
    values: tuple[int, int, int, int]
    scale_max: int
    rings: tuple[int, ...]


@dataclass(frozen=True)
class RegionGrid:
    """A grid of named regions (rows top to bottom, columns left to right) and one point.

    The point stands in cell (row, col); `fx` and `fy` (0..1) place it inside the cell, from
    the left and from the top, in proportion to the scores within their bands.
    """

    kind: ClassVar[str] = "grid"

    title: Label
    description: Label
    x_title: Label
    y_title: Label
    x_ticks: tuple[Label, ...]
    y_ticks: tuple[Label, ...]
    cells: tuple[tuple[Label, ...], ...]
    row: int
    col: int
    fx: float
    fy: float
    marker_label: Label


@dataclass(frozen=True)
class Bars:
    """Horizontal bars, first label on top, on a scale from 0 to `scale_max`.

    A value of None is a count that is not shown (a programme's anonymity rule): its bar is
    left out and `hidden_label` ("fewer than 5") written in its place. `tick_step` sets the
    distance between the scale's ticks (default: 3 on scales above 8, else 1).
    """

    kind: ClassVar[str] = "bars"

    title: Label
    description: Label
    labels: tuple[Label, ...]
    values: tuple[int | None, ...]
    scale_max: int
    hidden_label: Label = ""
    tick_step: int | None = None


@dataclass(frozen=True)
class Band:
    """A named stretch of a scale, limits inclusive (whole numbers)."""

    low: int
    high: int
    name: Label


@dataclass(frozen=True)
class BandScale:
    """One score on its whole range, with its bands shaded and named."""

    kind: ClassVar[str] = "band"

    title: Label
    description: Label
    low: int
    high: int
    tick_step: int
    bands: tuple[Band, ...]
    value: int
    marker_label: Label
    signed: bool = False  # write +6 and −6 (for scores around zero), not 6


@dataclass(frozen=True)
class Matrix:
    """Counts in a grid of rows by columns; in each row one column can be marked.

    A count of None is not shown (a programme's anonymity rule): the cell says `hidden_label`.
    """

    kind: ClassVar[str] = "matrix"

    title: Label
    description: Label
    corner: Label
    row_labels: tuple[Label, ...]
    col_labels: tuple[Label, ...]
    counts: tuple[tuple[int, ...], ...]
    marked: tuple[int | None, ...]
    marked_label: Label
    count_max: int
    row_notes: tuple[Label, ...] = ()
    hidden_label: Label = ""  # written for a count of None (not shown: anonymity rule)


@dataclass(frozen=True)
class Series:
    """One set of marks in a dot table: a name, a value (or None) per row, and its mark."""

    name: Label
    values: tuple[int | None, ...]
    shape: str
    colour: str
    number: int | None = None  # drawn inside the mark (ratings over time)


@dataclass(frozen=True)
class DotTable:
    """Rows against numbered columns, one mark per series in the column of its value.

    `row_notes` says, per row, why a series has no value (for example "not seen yet"); a
    `row_flags` entry marks a row as a topic (for example "two steps apart").
    """

    kind: ClassVar[str] = "dots"

    title: Label
    description: Label
    corner: Label
    row_labels: tuple[Label, ...]
    columns: tuple[int, ...]
    column_names: tuple[Label, ...]
    series: tuple[Series, ...]
    row_notes: tuple[tuple[Label, ...], ...] = ()
    row_flags: tuple[Label | None, ...] = ()


@dataclass(frozen=True)
class Histogram:
    """How many have each whole-number score, as columns, with vertical lines at cut points.

    `counts` runs from `low` to `high`, one per score; each cut has a label, written above
    the chart on its own line (the first cut's label first).
    """

    kind: ClassVar[str] = "histogram"

    title: Label
    description: Label
    low: int
    high: int
    counts: tuple[int, ...]
    tick_step: int
    cuts: tuple[float, ...]
    cut_labels: tuple[Label, ...]
    x_title: Label
    signed: bool = False


@dataclass(frozen=True)
class ShareBars:
    """Horizontal bars of shares in percent, with a dashed line at the share expected.

    `value_labels` are the shares as the page's language writes them ("27,3 %").
    """

    kind: ClassVar[str] = "shares"

    title: Label
    description: Label
    labels: tuple[Label, ...]
    values: tuple[float, ...]
    value_labels: tuple[str, ...]
    scale_max: int
    tick_step: int
    reference: float
    reference_label: Label
