"""Charts: label layout, the SVG drawings, the dot tables and their Plotly twins."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest

from quizapp.charts import metrics, plotly, spec, svg
from quizapp.charts.text import soft_hyphens, text_width, wrap
from quizapp.i18n import Both

NS = "{http://www.w3.org/2000/svg}"


def test_text_width_adds_the_widths_of_the_letters():
    a, b = metrics.REGULAR[ord("a") - metrics.FIRST], metrics.REGULAR[ord("b") - metrics.FIRST]
    assert text_width("ab", 10) == pytest.approx((a + b) / 100)
    assert text_width("ab", 10, bold=True) > text_width("ab", 10)


@pytest.mark.parametrize(
    ("text", "size", "width", "lang", "lines"),
    [
        (
            "Technical analysis and problem solving",
            13,
            120,
            "en",
            ["Technical analysis", "and problem", "solving"],
        ),
        ("Ervaringsgericht", 13, 74, "nl", ["Ervarings-", "gericht"]),
        ("Experiencing", 13, 74, "en", ["Experien-", "cing"]),
        ("Doing", 13, 300, "en", ["Doing"]),
        ("", 13, 100, "en", [""]),
    ],
)
def test_wrap(text, size, width, lang, lines):
    assert wrap(text, size, width, lang=lang) == lines
    assert all(text_width(line, size) <= width for line in lines)


def test_a_word_without_a_dictionary_break_is_cut_so_that_it_fits():
    lines = wrap("Xxxxxxxxxxxxxxxxxxxxxxxx", 13, 40, lang="en")
    assert "".join(line.rstrip("-") for line in lines) == "Xxxxxxxxxxxxxxxxxxxxxxxx"
    assert all(text_width(line, 13) <= 40 for line in lines)


def test_soft_hyphens_go_into_long_words_only():
    assert soft_hyphens("Onderzoeksvaardigheden en kennis", "nl") == (
        "On\xadder\xadzoeks\xadvaar\xaddig\xadhe\xadden en kennis"
    )


def text_boxes(
    markup: str,
) -> tuple[tuple[float, float], list[tuple[str, float, float, float, float]]]:
    """The canvas size and, per line of text, its estimated box (text, left, top, right, bottom)."""
    root = ET.fromstring(str(markup))
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    boxes = []
    for text in root.iter(f"{NS}text"):
        size = float(text.get("font-size"))
        bold = text.get("font-weight") == "700"
        anchor = text.get("text-anchor", "start")
        spans = list(text.iter(f"{NS}tspan")) or [text]
        y = float(text.get("y"))
        for span in spans:
            content = span.text or ""
            x = float(span.get("x", text.get("x")))
            y += float(span.get("dy", 0))
            w = text_width(content, size, bold and span.get("font-weight") != "400")
            left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
            boxes.append((content, left, y - size * 0.93, left + w, y + size * 0.25))
    return (width, height), boxes


def assert_inside(markup) -> list[str]:
    """Every line of text lies inside the canvas; return the lines."""
    (width, height), boxes = text_boxes(markup)
    for content, left, top, right, bottom in boxes:
        assert left >= -0.5, content
        assert right <= width + 0.5, content
        assert top >= -0.5, content
        assert bottom <= height + 0.5, content
    return [b[0] for b in boxes]


LONG = "Abstracte begripsvorming en onderzoeksvaardigheden"


def kite(values=(48, 36, 24, 12), labels=("Feeling", "Watching", "Thinking", "Doing")):
    return spec.Kite("Your four ways", "Kite chart", labels, values, 48, (12, 24, 36, 48))


@pytest.mark.parametrize(
    "labels",
    [
        ("Feeling", "Watching", "Thinking", "Doing"),
        ("Voelen", "Kijken", "Denken", "Doen"),
        (LONG, LONG, LONG, LONG),
        (Both("Feeling", "Voelen", "nl"),) * 4,
    ],
)
@pytest.mark.parametrize("values", [(48, 36, 24, 12), (12, 12, 12, 12), (48, 48, 48, 48)])
def test_kite_labels_fit(labels, values):
    markup = svg.kite(kite(values, labels), "k", "nl")
    lines = assert_inside(markup)
    top, right, bottom, left = (str(v) for v in values)
    assert [line for line in lines if line.isdigit()][-4:] == [top, bottom, left, right]


def test_kite_polygon_is_in_proportion_to_the_scores():
    root = ET.fromstring(str(svg.kite(kite((48, 36, 24, 12)), "k")))
    points = [
        tuple(map(float, p.split(","))) for p in root.find(f"{NS}polygon").get("points").split()
    ]
    (tx, ty), (rx, ry), (bx, by), (lx, ly) = points
    cx, cy = tx, ry
    assert (bx, ly) == (cx, cy)
    assert (cy - ty) / (rx - cx) == pytest.approx(48 / 36, abs=0.01)
    assert (by - cy) / (cx - lx) == pytest.approx(24 / 12, abs=0.02)
    assert root.find(f"{NS}title").text == "Your four ways"
    assert root.get("role") == "img"


def grid(names, fx=0.0, fy=0.0, row=0, col=2):
    return spec.RegionGrid(
        "Nine styles",
        "Grid",
        "Doing minus watching (AE-RO)",
        "Thinking minus feeling (AC-CE)",
        ("≥ 6", "−5 – 5", "≤ −6"),
        ("≤ −5", "−4 – 4", "≥ 5"),
        tuple(tuple(names[r * 3 : r * 3 + 3]) for r in range(3)),
        row,
        col,
        fx,
        fy,
        "You",
    )


NAMES_NL = ["Initiërend", "Ervaringsgericht", "Verbeeldend", "Handelend", "Evenwichtig"]
NAMES_NL += ["Reflecterend", "Beslissend", "Denkend", "Analyserend"]


@pytest.mark.parametrize(("fx", "fy"), [(0, 0), (1, 1), (0.5, 0.5), (1, 0), (0, 1)])
@pytest.mark.parametrize("names", [NAMES_NL, [LONG] * 9])
def test_grid_labels_fit_wherever_the_point_stands(names, fx, fy):
    lines = assert_inside(svg.region_grid(grid(names, fx, fy), "g", "nl"))
    assert "You" in lines


def test_the_point_label_never_covers_a_cell_name():
    for fx, fy in [(0, 0), (1, 0), (0.5, 0)]:
        _size, boxes = text_boxes(svg.region_grid(grid(NAMES_NL, fx, fy), "g", "nl"))
        you = next(b for b in boxes if b[0] == "You")
        for content, left, top, right, bottom in boxes:
            if content in ("You",) or not content:
                continue
            overlap = (
                min(right, you[3]) - max(left, you[1]) > 0
                and min(bottom, you[4]) - max(top, you[2]) > 0
            )
            assert not overlap, content


@pytest.mark.parametrize(
    "labels", [("Directing", "Coaching", "Supporting", "Delegating"), (LONG,) * 4]
)
def test_bars_fit(labels):
    chart = spec.Bars("Style range", "Bars", labels, (12, 0, 5, 3), 12)
    lines = assert_inside(svg.bars(chart, "b", "en"))
    assert [line for line in lines if line in ("12", "0", "5", "3")][-4:] == ["12", "0", "5", "3"]


def band_chart(value, names=("Low", "Moderate", "High")):
    bands = (spec.Band(-24, 5, names[0]), spec.Band(6, 15, names[1]), spec.Band(16, 24, names[2]))
    return spec.BandScale(
        "Adaptability", "Scale", -24, 24, 6, bands, value, f"Your score: {value:+d}", signed=True
    )


@pytest.mark.parametrize("value", [-24, 0, 5, 6, 24])
@pytest.mark.parametrize("names", [("Low", "Mid", "High"), ("Laag", "Gemiddeld", "Hoog")])
def test_band_scale_fits(value, names):
    lines = assert_inside(svg.band_scale(band_chart(value, names), "a", "nl"))
    assert f"Your score: {value:+d}" in lines


def test_band_names_move_to_a_key_when_they_do_not_fit_their_band():
    inside = assert_inside(svg.band_scale(band_chart(3, ("Low", "Mid", "High")), "a"))
    key = assert_inside(svg.band_scale(band_chart(3, ("Laag", "Gemiddeld", "Hoog")), "a"))
    assert "−24 … +5" not in inside
    assert [line for line in key if "…" in line or line in ("Laag", "Gemiddeld", "Hoog")] == [
        "−24 … +5",
        "Laag",
        "+6 … +15",
        "Gemiddeld",
        "+16 … +24",
        "Hoog",
    ]


def test_two_language_labels_are_two_lines_the_second_in_italic():
    chart = spec.Bars("t", "d", (Both("Directing", "Leidend", "nl"),), (3,), 12)
    root = ET.fromstring(str(svg.bars(chart, "b")))
    spans = list(root.iter(f"{NS}tspan"))
    assert [s.text for s in spans] == ["Directing", "Leidend"]
    assert spans[1].get("font-style") == "italic"
    assert spans[1].get("lang") == "nl"


def dots():
    return spec.DotTable(
        "Ladder",
        "Table",
        "Competence",
        ("Knowledge", "Language"),
        (1, 2, 3, 4),
        ("I don't see it yet", "I see what I miss", "I can, with effort", "It comes naturally"),
        (
            spec.Series("Trainee", (1, None), "circle", spec.ACCENT),
            spec.Series("Mentor", (3, 2), "square", "#b45309"),
        ),
        (("",), ("Trainee: not seen yet",)),
        ("Two steps or more apart", None),
    )


def matrix():
    return spec.Matrix(
        "Choices",
        "Matrix",
        "Kind of trainee",
        ("Beginner", "Independent"),
        ("Directing", "Coaching", "Supporting", "Delegating"),
        ((3, 0, 0, 0), (0, 1, 1, 1)),
        (0, 3),
        "fits best",
        3,
    )


@pytest.mark.parametrize(
    "chart",
    [
        kite(),
        grid(NAMES_NL),
        spec.Bars("t", "d", ("a", "b"), (1, 2), 12),
        band_chart(7),
        dots(),
        matrix(),
    ],
    ids=["kite", "grid", "bars", "band", "dots", "matrix"],
)
def test_every_chart_is_a_valid_plotly_figure(chart):
    figure = plotly.figure(chart)
    go.Figure(figure)  # raises on any property Plotly does not know
    assert figure["layout"]["title"]["text"] == chart.title


def test_plotly_ladder_has_one_trace_per_rater_with_their_steps():
    figure = plotly.figure(dots())
    assert [t["name"] for t in figure["data"]] == ["Trainee", "Mentor"]
    assert [t["x"] for t in figure["data"]] == [[1], [3, 2]]
    assert figure["layout"]["xaxis"]["ticktext"][0] == "1. I don't see it yet"


def histogram(
    cuts=(-3.0, 3.0), counts=None, labels=("First cut point: −3.0", "Second cut point: +3.0")
):
    counts = counts or tuple(max(0, 40 - abs(v) * 3) for v in range(-36, 37))
    return spec.Histogram("Scores", "Columns", -36, 36, counts, 12, cuts, labels, "AC-CE", True)


@pytest.mark.parametrize("cuts", [(-3.0, 3.0), (-36.0, -36.0), (36.0, 36.0), (-1.5, 0.5)])
@pytest.mark.parametrize(
    "labels",
    [
        ("First cut point: −3.0", "Second cut point: +3.0"),
        ("Eerste grens: " + LONG, "Tweede grens"),
    ],
)
def test_histogram_labels_fit_wherever_the_cut_points_fall(cuts, labels):
    lines = assert_inside(svg.histogram(histogram(cuts, labels=labels), "h", "nl"))
    # the axis from −36 to +36, and the counts from 0 to the tallest column (40)
    assert [line for line in lines if line in ("−36", "+36", "40")] == ["40", "−36", "+36"]


def test_histogram_columns_are_in_proportion_to_the_counts():
    counts = (0,) * 30 + (10, 20, 40) + (0,) * 40
    root = ET.fromstring(str(svg.histogram(histogram(counts=counts), "h")))
    heights = [float(r.get("height")) for r in root.iter(f"{NS}rect")]
    assert heights == pytest.approx([30, 60, 120])
    cuts = [p for p in root.iter(f"{NS}path") if p.get("stroke-dasharray")]
    assert len(cuts) == 2


@pytest.mark.parametrize("values", [(25.0, 25.0, 25.0, 25.0), (70.0, 10.0, 10.0, 10.0), (0.0,) * 4])
def test_share_bars_fit(values):
    chart = spec.ShareBars(
        "First",
        "Bars",
        tuple(f"Plaats {k}" for k in range(1, 5)),
        values,
        tuple(f"{v:.1f} %" for v in values),
        80,
        10,
        25.0,
        "Verwacht: 25,0 %",
    )
    lines = assert_inside(svg.share_bars(chart, "s", "nl"))
    assert "Verwacht: 25,0 %" in lines
    assert [line for line in lines if line.endswith(" %") and "Verwacht" not in line] == [
        f"{v:.1f} %" for v in values
    ]
