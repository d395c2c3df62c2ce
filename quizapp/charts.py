"""Plotly figures from a scored result: data in, figure dict out.

Figures are drawn with plotly.js's basic bundle (scatter only), so every chart here is a
scatter trace plus layout shapes and annotations.
"""

from __future__ import annotations

import plotly.graph_objects as go

from .engine import Questionnaire, score_range

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}
INK = "#1f2937"
ACCENT = "#0b6e4f"
GRID = "#9ca3af"


def _layout(**extra) -> dict:
    layout = {
        "font": FONT,
        "margin": {"l": 40, "r": 40, "t": 20, "b": 40},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "showlegend": False,
        "dragmode": False,
        "template": "none",
    }
    layout.update(extra)
    return layout


def kite(labels: dict[str, str], scores: dict[str, int], top: int) -> dict:
    """The four mode scores on crossed axes: CE up, RO right, AC down, AE left."""
    ce, ro, ac, ae = (scores[m] for m in ("CE", "RO", "AC", "AE"))
    rings = []
    for r in range(12, top + 1, 12):
        rings.append(
            {
                "type": "path",
                "path": f"M 0 {r} L {r} 0 L 0 {-r} L {-r} 0 Z",
                "line": {"color": GRID, "width": 1, "dash": "dot"},
                "layer": "below",
            }
        )
    axes = [
        {"type": "line", "x0": -top, "x1": top, "y0": 0, "y1": 0, "line": {"color": GRID}},
        {"type": "line", "x0": 0, "x1": 0, "y0": -top, "y1": top, "line": {"color": GRID}},
    ]
    pad = top * 1.06
    spots = {
        "CE": (0, pad, "center", "bottom"),
        "RO": (pad, 0, "left", "middle"),
        "AC": (0, -pad, "center", "top"),
        "AE": (-pad, 0, "right", "middle"),
    }
    notes = [
        {
            "x": x,
            "y": y,
            "text": f"<b>{labels[m]}</b> {scores[m]}",
            "showarrow": False,
            "xanchor": xanchor,
            "yanchor": yanchor,
        }
        for m, (x, y, xanchor, yanchor) in spots.items()
    ]
    notes += [
        {
            "x": r * 0.5,
            "y": r * 0.5,
            "text": str(r),
            "showarrow": False,
            "font": {"size": 10, "color": GRID},
        }
        for r in (24, 48)
        if r <= top
    ]
    fig = go.Figure(
        go.Scatter(
            x=[0, ro, 0, -ae, 0],
            y=[ce, 0, -ac, 0, ce],
            mode="lines+markers",
            fill="toself",
            fillcolor="rgba(11,110,79,0.25)",
            line={"color": ACCENT, "width": 3},
            marker={"size": 8, "color": ACCENT},
            text=[f"{labels[m]}: {scores[m]}" for m in ("CE", "RO", "AC", "AE", "CE")],
            hoverinfo="text",
        ),
        layout=_layout(
            xaxis={"range": [-top * 1.9, top * 1.9], "visible": False, "fixedrange": True},
            yaxis={
                "range": [-top * 1.25, top * 1.25],
                "visible": False,
                "fixedrange": True,
                "scaleanchor": "x",
            },
            shapes=rings + axes,
            annotations=notes,
            height=380,
        ),
    )
    return fig.to_plotly_json()


def grid(
    q: Questionnaire,
    classification_id: str,
    scores: dict,
    names: dict[str, str],
    axis_titles: tuple[str, str],
    you: str,
) -> dict:
    """A two-axis classification grid with its regions and where this person stands.

    Every band is drawn the same size (as in Kolb's own grid, whose bands are normative
    thirds); the point sits inside its band in proportion to its score, and each band's
    range is written on the axis. The y axis is the classification's first axis (AC-CE:
    concrete at the top), the x axis its second (AE-RO: active on the left).
    """
    c = q.classification(classification_id)
    y_axis, x_axis = c.axes
    y_map = _band_scale(y_axis.bands, score_range(q, y_axis.score))
    x_map = _band_scale(x_axis.bands, score_range(q, x_axis.score))
    y_index = {b.id: i for i, b in enumerate(y_axis.bands)}
    x_index = {b.id: i for i, b in enumerate(x_axis.bands)}
    shapes, notes = [], []
    for cls in c.classes:
        yi, xi = y_index[cls.bands[0]], x_index[cls.bands[1]]
        shapes.append(
            {
                "type": "rect",
                "x0": xi,
                "x1": xi + 1,
                "y0": yi,
                "y1": yi + 1,
                "layer": "below",
                "line": {"color": GRID, "width": 1},
                "fillcolor": "rgba(0,0,0,0)",
            }
        )
        notes.append(
            {
                "x": xi + 0.5,
                "y": yi + 0.22,
                "text": names[cls.id],
                "showarrow": False,
                "font": {"size": 11, "color": "#374151"},
            }
        )
    y, x = scores[y_axis.score], scores[x_axis.score]
    fig = go.Figure(
        go.Scatter(
            x=[x_map(x)],
            y=[y_map(y)],
            mode="markers+text",
            text=[you],
            textposition="bottom center",
            marker={
                "size": 15,
                "color": ACCENT,
                "symbol": "diamond",
                "line": {"color": INK, "width": 2},
            },
            hovertext=[f"{x_axis.score} {x}, {y_axis.score} {y}"],
            hoverinfo="text",
        ),
        layout=_layout(
            xaxis=_band_axis(x_axis.bands, axis_titles[1]),
            yaxis=_band_axis(y_axis.bands, axis_titles[0]),
            shapes=shapes,
            annotations=notes,
            height=400,
            margin={"l": 70, "r": 10, "t": 10, "b": 60},
        ),
    )
    return fig.to_plotly_json()


def _row_axis(labels: list[str], **extra) -> dict:
    """A y axis with one row per label, the first label at the top."""
    axis = {
        "tickvals": list(range(len(labels))),
        "ticktext": labels,
        "range": [len(labels) - 0.5, -0.5],
        "fixedrange": True,
        "zeroline": False,
        "automargin": True,
    }
    axis.update(extra)
    return axis


def _band_axis(bands, title: str) -> dict:
    """An axis with one equal cell per band (drawn reversed, as in Kolb's grid)."""
    return {
        "range": [len(bands), 0],
        "title": {"text": title},
        "zeroline": False,
        "showgrid": False,
        "fixedrange": True,
        "tickvals": [i + 0.5 for i in range(len(bands))],
        "ticktext": [band_label(b) for b in bands],
    }


def _band_scale(bands, limits):
    """Map a score to a position: band i covers i..i+1, in proportion within the band."""
    lo, hi = limits

    def position(value: float) -> float:
        for i, band in enumerate(bands):
            start = lo if band.min is None else band.min - 0.5
            end = hi if band.max is None else band.max + 0.5
            if band.holds(value) or value < start:
                share = (
                    0.5 if end <= start else (min(max(value, start), end) - start) / (end - start)
                )
                return i + 0.1 + 0.8 * share
        return len(bands) - 0.1

    return position


def band_label(band) -> str:
    """Write a band's range for people: "≤ 5", "6 – 14" or "≥ 15"."""
    if band.min is None:
        return f"≤ {band.max:g}"
    if band.max is None:
        return f"≥ {band.min:g}"
    return f"{band.min:g} – {band.max:g}"


def style_bars(labels: list[str], counts: list[int], top: int) -> dict:
    """How often each style was chosen, as horizontal bars (first style on top)."""
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=labels,
            orientation="h",
            text=[str(c) for c in counts],
            textposition="outside",
            marker={"color": ACCENT, "line": {"color": INK, "width": 1}},
            hoverinfo="x+y",
            cliponaxis=False,
        ),
        layout=_layout(
            xaxis={
                "range": [0, top + 0.8],
                "dtick": 1 if top <= 12 else None,
                "fixedrange": True,
                "gridcolor": "#e5e7eb",
                "zeroline": True,
                "zerolinecolor": GRID,
            },
            yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True},
            height=260,
            margin={"l": 10, "r": 30, "t": 10, "b": 30},
        ),
    )
    return fig.to_plotly_json()


def band_scale(
    value: int, lo: int, hi: int, bands, names: dict[str, str], you: str, note: str
) -> dict:
    """A score on its whole range, with its bands shaded and named."""
    shades = ["#f3f4f6", "#e5e7eb", "#d1d5db", "#9ca3af"]
    shapes, notes = [], []
    for n, band in enumerate(bands):
        x0 = lo if band.min is None else band.min - 0.5
        x1 = hi if band.max is None else band.max + 0.5
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "fillcolor": shades[n % len(shades)],
                "line": {"color": GRID, "width": 1},
            }
        )
        notes.append(
            {
                "x": (x0 + x1) / 2,
                "y": 0.97,
                "yanchor": "top",
                "text": names[band.id],
                "showarrow": False,
                "font": {"size": 11, "color": INK},
            }
        )
    notes.append(
        {
            "x": 0,
            "y": -0.42,
            "text": note,
            "showarrow": False,
            "xref": "paper",
            "yref": "paper",
            "xanchor": "left",
            "yanchor": "top",
            "font": {"size": 11, "color": "#4b5563"},
        }
    )
    fig = go.Figure(
        go.Scatter(
            x=[value],
            y=[0.4],
            mode="markers+text",
            text=[f"{you}: {value:+d}"],
            textposition="bottom center",
            marker={
                "size": 18,
                "symbol": "diamond",
                "color": ACCENT,
                "line": {"color": INK, "width": 2},
            },
            hoverinfo="text",
        ),
        layout=_layout(
            xaxis={
                "range": [lo - 1, hi + 1],
                "dtick": 6,
                "fixedrange": True,
                "zeroline": False,
                "showgrid": False,
            },
            yaxis={"range": [0, 1], "visible": False, "fixedrange": True},
            shapes=shapes,
            annotations=notes,
            height=190,
            margin={"l": 20, "r": 20, "t": 10, "b": 60},
        ),
    )
    return fig.to_plotly_json()


def choice_matrix(
    row_labels: list[str],
    col_labels: list[str],
    counts: list[list[int]],
    fits: list[int],
) -> dict:
    """Counts in a grid (rows by columns); the fitting column of each row is outlined."""
    xs, ys, sizes, texts = [], [], [], []
    for r, row in enumerate(counts):
        for c, count in enumerate(row):
            xs.append(c)
            ys.append(r)
            sizes.append(12 + 9 * count if count else 0)
            texts.append(str(count))
    shapes = [
        {
            "type": "rect",
            "x0": fit - 0.45,
            "x1": fit + 0.45,
            "y0": r - 0.45,
            "y1": r + 0.45,
            "line": {"color": INK, "width": 2, "dash": "dash"},
            "layer": "below",
        }
        for r, fit in enumerate(fits)
    ]
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=texts,
            textfont={"color": INK, "size": 13},
            marker={
                "size": sizes,
                "color": "rgba(11,110,79,0.35)",
                "line": {"color": ACCENT, "width": 2},
            },
            hoverinfo="text",
        ),
        layout=_layout(
            xaxis={
                "tickvals": list(range(len(col_labels))),
                "ticktext": col_labels,
                "range": [-0.6, len(col_labels) - 0.4],
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "side": "top",
            },
            yaxis=_row_axis(row_labels, showgrid=False),
            shapes=shapes,
            height=300,
            margin={"l": 10, "r": 10, "t": 50, "b": 10},
        ),
    )
    return fig.to_plotly_json()


SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star"]
COLOURS = ["#0b6e4f", "#b45309", "#1d4ed8", "#7c3aed", "#be123c", "#0f766e"]


def ladder(
    competences: list[str], stage_labels: list[str], ratings: list[dict], connect: bool = False
) -> dict:
    """Competences (top to bottom) against the stages, one marker per rating.

    `ratings` is a list of {"name", "values"} with one stage (or None) per competence. Markers
    differ in shape as well as colour, so the chart reads in black and white; with `connect`
    a grey line joins the ratings of each competence, oldest first.
    """
    n = len(ratings)
    offsets = [(k - (n - 1) / 2) * (0.5 / max(n, 2)) for k in range(n)]
    traces = []
    if connect and n > 1:
        xs, ys = [], []
        for row in range(len(competences)):
            for k, rating in enumerate(ratings):
                value = rating["values"][row]
                if value is not None:
                    xs.append(value)
                    ys.append(row + offsets[k])
            xs.append(None)
            ys.append(None)
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                line={"color": GRID, "width": 2},
                showlegend=False,
            )
        )
    for k, rating in enumerate(ratings):
        rows = [r for r, v in enumerate(rating["values"]) if v is not None]
        traces.append(
            go.Scatter(
                x=[rating["values"][r] for r in rows],
                y=[r + offsets[k] for r in rows],
                mode="markers",
                name=rating["name"],
                marker={
                    "size": 13,
                    "symbol": SYMBOLS[k % len(SYMBOLS)],
                    "color": COLOURS[k % len(COLOURS)],
                    "line": {"color": INK, "width": 1},
                },
                text=[f"{competences[r]}: {rating['values'][r]}" for r in rows],
                hoverinfo="text",
            )
        )
    fig = go.Figure(
        traces,
        layout=_layout(
            xaxis={
                "tickvals": list(range(1, len(stage_labels) + 1)),
                "ticktext": stage_labels,
                "range": [0.5, len(stage_labels) + 0.5],
                "fixedrange": True,
                "side": "top",
                "gridcolor": "#e5e7eb",
                "zeroline": False,
            },
            yaxis=_row_axis(competences, gridcolor="#f3f4f6"),
            height=110 + 30 * len(competences),
            showlegend=n > 1,
            legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
            margin={"l": 10, "r": 10, "t": 50, "b": 20},
        ),
    )
    return fig.to_plotly_json()
