"""The same chart descriptions as Plotly figures (plain dicts), for views where interaction pays.

Only plotly.js's basic bundle (scatter and bar) is needed. The tests check every figure against
`plotly.graph_objects`; the app itself never imports plotly.
"""

from __future__ import annotations

from .spec import (
    ACCENT,
    ACCENT_FILL,
    BAND_SHADES,
    GRID,
    INK,
    BandScale,
    Bars,
    DotTable,
    Kite,
    Label,
    Matrix,
    RegionGrid,
    label_lines,
)

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}
SYMBOLS = {"circle": "circle", "square": "square", "diamond": "diamond", "triangle": "triangle-up"}


def _text(label: Label) -> str:
    """A label for Plotly: one line, or both languages on two lines."""
    lines = label_lines(label)
    return "<br>".join(f"<i>{t}</i>" if lang else t for t, lang in lines)


def _layout(chart, **extra) -> dict:
    layout = {
        "font": FONT,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "showlegend": False,
        "dragmode": False,
        "title": {"text": _text(chart.title), "x": 0, "xanchor": "left"},
    }
    layout.update(extra)
    return layout


def _hidden(**extra) -> dict:
    axis = {"visible": False, "fixedrange": True}
    axis.update(extra)
    return axis


def kite(chart: Kite) -> dict:
    """Four scores joined into a kite."""
    top = chart.scale_max
    t, r, b, l_ = chart.values
    xs, ys = [0, r, 0, -l_, 0], [t, 0, -b, 0, t]
    names = [_text(label) for label in chart.labels]
    spots = [(0, top * 1.08, "bottom"), (top * 1.08, 0, "middle")]
    spots += [(0, -top * 1.08, "top"), (-top * 1.08, 0, "middle")]
    anchors = ["center", "left", "center", "right"]
    notes = [
        {
            "x": x,
            "y": y,
            "text": f"<b>{n}</b> {v}",
            "showarrow": False,
            "yanchor": ya,
            "xanchor": xa,
        }
        for (x, y, ya), xa, n, v in zip(spots, anchors, names, chart.values, strict=True)
    ]
    rings = [
        {
            "type": "path",
            "path": f"M 0 {ring} L {ring} 0 L 0 {-ring} L {-ring} 0 Z",
            "line": {"color": GRID, "width": 1, "dash": "dot"},
        }
        for ring in chart.rings
    ]
    trace = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines+markers",
        "fill": "toself",
        "fillcolor": ACCENT_FILL,
        "line": {"color": ACCENT, "width": 3},
        "text": [f"{n}: {v}" for n, v in zip(names + names[:1], [*chart.values, t], strict=True)],
        "hoverinfo": "text",
    }
    return {
        "data": [trace],
        "layout": _layout(
            chart,
            xaxis=_hidden(range=[-top * 1.9, top * 1.9]),
            yaxis=_hidden(range=[-top * 1.3, top * 1.3], scaleanchor="x"),
            shapes=rings,
            annotations=notes,
            height=400,
        ),
    }


def region_grid(chart: RegionGrid) -> dict:
    """Named regions and the point where this person stands."""
    rows, cols = len(chart.y_ticks), len(chart.x_ticks)
    shapes = [
        {
            "type": "rect",
            "x0": c,
            "x1": c + 1,
            "y0": r,
            "y1": r + 1,
            "line": {"color": GRID},
            "fillcolor": "#e6f4ee" if (r, c) == (chart.row, chart.col) else "white",
            "layer": "below",
        }
        for r in range(rows)
        for c in range(cols)
    ]
    notes = [
        {"x": c + 0.5, "y": r + 0.2, "text": _text(name), "showarrow": False}
        for r, row in enumerate(chart.cells)
        for c, name in enumerate(row)
    ]
    point = {
        "type": "scatter",
        "x": [chart.col + 0.1 + 0.8 * chart.fx],
        "y": [chart.row + 0.45 + 0.45 * chart.fy],
        "mode": "markers+text",
        "text": [_text(chart.marker_label)],
        "textposition": "middle right" if chart.fx <= 0.5 else "middle left",
        "marker": {"size": 15, "symbol": "diamond", "color": ACCENT, "line": {"color": INK}},
        "hoverinfo": "text",
    }
    axis = {"fixedrange": True, "zeroline": False, "showgrid": False}
    return {
        "data": [point],
        "layout": _layout(
            chart,
            xaxis={
                **axis,
                "range": [0, cols],
                "tickvals": [c + 0.5 for c in range(cols)],
                "ticktext": [_text(t) for t in chart.x_ticks],
                "title": {"text": _text(chart.x_title)},
            },
            yaxis={
                **axis,
                "range": [rows, 0],
                "tickvals": [r + 0.5 for r in range(rows)],
                "ticktext": [_text(t) for t in chart.y_ticks],
                "title": {"text": _text(chart.y_title)},
            },
            shapes=shapes,
            annotations=notes,
            height=420,
            margin={"l": 70, "r": 10, "t": 40, "b": 60},
        ),
    }


def bars(chart: Bars) -> dict:
    """Horizontal bars, first label on top."""
    labels = [_text(label) for label in chart.labels]
    trace = {
        "type": "bar",
        "orientation": "h",
        "x": list(chart.values),
        "y": labels,
        "text": [str(v) for v in chart.values],
        "textposition": "outside",
        "marker": {"color": ACCENT, "line": {"color": INK, "width": 1}},
        "cliponaxis": False,
    }
    return {
        "data": [trace],
        "layout": _layout(
            chart,
            xaxis={"range": [0, chart.scale_max + 0.8], "fixedrange": True, "dtick": 3},
            yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True},
            height=280,
        ),
    }


def band_scale(chart: BandScale) -> dict:
    """A score on its range with the bands shaded."""
    shapes, notes = [], []
    for n, band in enumerate(chart.bands):
        x0, x1 = band.low - 0.5, band.high + 0.5
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": 0,
                "y1": 1,
                "fillcolor": BAND_SHADES[n % len(BAND_SHADES)],
                "line": {"color": GRID},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": (x0 + x1) / 2,
                "y": 0.95,
                "yanchor": "top",
                "text": _text(band.name),
                "showarrow": False,
            }
        )
    point = {
        "type": "scatter",
        "x": [chart.value],
        "y": [0.35],
        "mode": "markers+text",
        "text": [_text(chart.marker_label)],
        "textposition": "bottom center",
        "marker": {"size": 18, "symbol": "diamond", "color": ACCENT, "line": {"color": INK}},
    }
    return {
        "data": [point],
        "layout": _layout(
            chart,
            xaxis={
                "range": [chart.low - 1, chart.high + 1],
                "dtick": chart.tick_step,
                "fixedrange": True,
                "zeroline": False,
                "showgrid": False,
            },
            yaxis=_hidden(range=[0, 1]),
            shapes=shapes,
            annotations=notes,
            height=220,
        ),
    }


def matrix(chart: Matrix) -> dict:
    """Counts in a grid; the marked column of each row is outlined."""
    xs, ys, sizes, texts = [], [], [], []
    for r, row in enumerate(chart.counts):
        for c, count in enumerate(row):
            xs.append(c)
            ys.append(r)
            sizes.append(12 + 9 * count if count else 0)
            texts.append(str(count))
    shapes = [
        {
            "type": "rect",
            "x0": c - 0.45,
            "x1": c + 0.45,
            "y0": r - 0.45,
            "y1": r + 0.45,
            "line": {"color": INK, "width": 2, "dash": "dash"},
        }
        for r, c in enumerate(chart.marked)
        if c is not None
    ]
    trace = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers+text",
        "text": texts,
        "marker": {"size": sizes, "color": ACCENT_FILL, "line": {"color": ACCENT, "width": 2}},
    }
    rows = len(chart.row_labels)
    return {
        "data": [trace],
        "layout": _layout(
            chart,
            xaxis={
                "tickvals": list(range(len(chart.col_labels))),
                "ticktext": [_text(t) for t in chart.col_labels],
                "side": "top",
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
            },
            yaxis={
                "tickvals": list(range(rows)),
                "ticktext": [_text(t) for t in chart.row_labels],
                "range": [rows - 0.5, -0.5],
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "automargin": True,
            },
            shapes=shapes,
            height=340,
            margin={"l": 10, "r": 10, "t": 90, "b": 10},
        ),
    }


def dot_table(chart: DotTable) -> dict:
    """Rows against numbered columns: one marker per series, slightly apart per series."""
    n = len(chart.series)
    traces = []
    rows = [_text(label) for label in chart.row_labels]
    for k, series in enumerate(chart.series):
        offset = (k - (n - 1) / 2) * (0.5 / max(n, 2))
        kept = [r for r, v in enumerate(series.values) if v is not None]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": _text(series.name),
                "x": [series.values[r] for r in kept],
                "y": [r + offset for r in kept],
                "text": [f"{rows[r]}: {series.values[r]}" for r in kept],
                "hoverinfo": "text+name",
                "marker": {
                    "size": 13,
                    "symbol": SYMBOLS[series.shape],
                    "color": series.colour,
                    "line": {"color": INK, "width": 1},
                },
            }
        )
    return {
        "data": traces,
        "layout": _layout(
            chart,
            xaxis={
                "tickvals": list(chart.columns),
                "ticktext": [
                    f"{c}. {_text(name)}"
                    for c, name in zip(chart.columns, chart.column_names, strict=True)
                ],
                "range": [chart.columns[0] - 0.5, chart.columns[-1] + 0.5],
                "side": "top",
                "fixedrange": True,
            },
            yaxis={
                "tickvals": list(range(len(rows))),
                "ticktext": rows,
                "range": [len(rows) - 0.5, -0.5],
                "fixedrange": True,
                "automargin": True,
            },
            showlegend=n > 1,
            legend={"orientation": "h"},
            height=140 + 30 * len(rows),
            margin={"l": 10, "r": 10, "t": 90, "b": 20},
        ),
    }


FIGURES = {
    Kite: kite,
    RegionGrid: region_grid,
    Bars: bars,
    BandScale: band_scale,
    Matrix: matrix,
    DotTable: dot_table,
}


def figure(chart) -> dict:
    """Return the Plotly figure of a chart description."""
    return FIGURES[type(chart)](chart)
