"""The charts of each kind of result, described once (quizapp.charts.spec), in the page's language.

A label is translated here; on a two-language sheet it carries both languages (`Both`), and
every drawing shows them on two lines.
"""

from __future__ import annotations

from ..charts import spec
from ..engine import score_range
from ..engine.leadership import best_fit, readiness_matrix, style_ids
from ..i18n import band_range, qt, say_to, text
from .present import ShownResult

_ = text


def _share(bands, limits, value: float) -> tuple[int, float]:
    """The band a value falls in, and where in that band (0..1 from its low end)."""
    lo, hi = limits
    for i, band in enumerate(bands):
        if band.holds(value):
            start = lo if band.min is None else band.min - 0.5
            end = hi if band.max is None else band.max + 0.5
            share = 0.5 if end <= start else (value - start) / (end - start)
            return i, min(max(share, 0.0), 1.0)
    return len(bands) - 1, 1.0


def learning_style_charts(shown: ShownResult, reader: str) -> dict:
    """The kite of the four modes and the grid of the nine styles, worded for the reader."""
    q, scores = shown.q, shown.result.scores
    modes = ("CE", "RO", "AC", "AE")  # top, right, bottom, left, as Kolb draws the cycle
    lo, hi = score_range(q, modes[0])
    kite = spec.Kite(
        title=say_to(reader, "Your four ways of learning"),
        description=say_to(
            reader, "Kite chart of your four scores; the table below gives the numbers."
        ),
        labels=tuple(qt(q.id, q.scale(m).short or q.scale(m).name) for m in modes),
        values=tuple(scores[m] for m in modes),
        scale_max=int(hi),
        rings=tuple(range(int(lo), int(hi) + 1, int(lo))) if lo > 0 else (int(hi),),
    )
    region = q.classification("region")
    y_axis, x_axis = region.axes  # rows: the first axis (AC-CE), columns: the second (AE-RO)
    row, fy = _share(y_axis.bands, score_range(q, y_axis.score), scores[y_axis.score])
    col, fx = _share(x_axis.bands, score_range(q, x_axis.score), scores[x_axis.score])
    # Kolb draws the active end on the left: the columns run from the last band to the first.
    cols = list(reversed(x_axis.bands))
    col, fx = len(cols) - 1 - col, 1 - fx
    names = {tuple(c.bands): qt(q.id, c.name) for c in region.classes}
    you_are = next(c for c in region.classes if c.bands == (y_axis.bands[row].id, cols[col].id))
    grid = spec.RegionGrid(
        title=say_to(reader, "Where you stand among the nine learning styles"),
        description=say_to(
            reader,
            "Grid of nine learning styles; you are in %(region)s.",
            region=qt(q.id, you_are.name),
        ),
        x_title=_("Doing minus watching (AE-RO)"),
        y_title=_("Thinking minus feeling (AC-CE)"),
        x_ticks=tuple(band_range(b) for b in cols),
        y_ticks=tuple(band_range(b) for b in y_axis.bands),
        cells=tuple(tuple(names[(yb.id, xb.id)] for xb in cols) for yb in y_axis.bands),
        row=row,
        col=col,
        fx=fx,
        fy=fy,
        marker_label=say_to(reader, "You"),
    )
    return {"grid": grid, "kite": kite}  # in the order of the page


def leadership_charts(shown: ShownResult, reader: str = "mentor") -> dict:
    """How many choices fit best, the style range, and the choices per development level (in
    the order of the page)."""
    q, scores = shown.q, shown.result.scores
    styles = style_ids(q)
    names = [qt(q.id, q.scale(s).name) for s in styles]
    band = q.classification("best-fit-band")
    lo, hi = (int(v) for v in score_range(q, "best-fit"))
    value = scores["best-fit"]
    matrix = readiness_matrix(q, shown.response.answers)
    fits = best_fit(q)
    per_tag = max(sum(1 for i in q.items if t.id in i.tags) for t in q.tags)
    short = {c.bands[0]: qt(q.id, c.short or c.name) for c in band.classes}
    bands = tuple(
        spec.Band(
            lo if b.min is None else int(b.min), hi if b.max is None else int(b.max), short[b.id]
        )
        for b in band.axes[0].bands
    )
    return {
        "fit": spec.BandScale(
            title=_("How many of your choices fit best"),
            description=_(
                "Your number of best-fit choices on the scale from %(low)d to %(high)d;"
                " the table below gives the numbers per development level.",
                low=lo,
                high=hi,
            ),
            low=lo,
            high=hi,
            tick_step=3 if hi > 8 else 1,
            bands=bands,
            value=value,
            marker_label=_("You: %(num)d of %(total)d", num=value, total=hi),
        ),
        "range": spec.Bars(
            title=_("How often you chose each style"),
            description=_(
                "Bar chart of how often you chose each style; the table below gives the numbers."
            ),
            labels=tuple(names),
            values=tuple(scores[s] for s in styles),
            scale_max=len(q.items),
        ),
        "matrix": spec.Matrix(
            title=_("What you chose for each development level"),
            description=_(
                "Times you chose each style, per development level."
                " The style that the model advises is marked."
            ),
            corner=_("Development level"),
            row_labels=tuple(
                _("%(name)s (%(id)s)", name=qt(q.id, t.name), id=t.id) for t in q.tags
            ),
            row_notes=tuple(qt(q.id, t.description) for t in q.tags),
            col_labels=tuple(names),
            counts=tuple(tuple(matrix[t.id][s] for s in styles) for t in q.tags),
            marked=tuple(styles.index(fits[t.id]) if t.id in fits else None for t in q.tags),
            marked_label=_("advised"),
            count_max=per_tag,
        ),
    }


def ladder_chart(q, ratings: list, title, description, notes=None, flags=()) -> spec.DotTable:
    """The competences against the steps, one series of marks per rating given as (name, scores).

    `notes(series_name, item)` says why a rating has no step for a competence (or None).
    """
    many = len(ratings) > 2
    series = []
    for k, (name, scores) in enumerate(ratings):
        shape, colour = spec.MARKS[k % len(spec.MARKS)]
        series.append(
            spec.Series(
                name=name,
                values=tuple(scores.get(i.id) for i in q.items),
                shape="circle" if many else shape,
                colour=colour if not many else spec.ACCENT,
                number=k + 1 if many else None,
            )
        )
    row_notes = ()
    if notes is not None:
        row_notes = tuple(
            tuple(notes(k, item) for k in range(len(ratings)) if ratings[k][1].get(item.id) is None)
            for item in q.items
        )
    return spec.DotTable(
        title=title,
        description=description,
        corner=_("Competence"),
        row_labels=tuple(qt(q.id, i.stem) for i in q.items),
        columns=tuple(s.value for s in q.stages),
        column_names=tuple(qt(q.id, s.short) for s in q.stages),
        series=tuple(series),
        row_notes=row_notes,
        row_flags=tuple(flags),
    )


BUILDERS = {
    "learning-style": learning_style_charts,
    "leadership": leadership_charts,
}


def charts_for(shown: ShownResult, reader: str) -> dict:
    """The charts of a scored result by chart id (the ladder builds its own, see ladder.py)."""
    build = BUILDERS.get(shown.q.kind)
    return build(shown, reader) if build and shown.result is not None else {}
