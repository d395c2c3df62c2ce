"""Chart figures for each kind of result, cached per result and language."""

from __future__ import annotations

import json
from collections import OrderedDict

from flask_babel import force_locale

from .. import charts
from ..engine import score_range
from ..engine.leadership import best_fit, readiness_matrix, style_ids
from ..i18n import Both, text
from ..i18n import qt as both_qt
from .present import ShownResult


def _label(value) -> str:
    """A chart label: one language, or both on two lines on a two-language sheet."""
    if isinstance(value, Both) and value.first != value.second:
        return f"{value.first}<br><i>{value.second}</i>"
    return str(value)


def _(string: str, **variables) -> str:
    """Translate a chart label (see `_label`)."""
    return _label(text(string, **variables))


def qt(context: str, string: str | None) -> str:
    """Translate a chart label from a data file (see `_label`)."""
    return _label(both_qt(context, string))


_CACHE: OrderedDict[tuple, dict[str, dict]] = OrderedDict()
_CACHE_SIZE = 512


def figures_for(shown: ShownResult, lang: str, lang2: str | None = None) -> dict[str, dict]:
    """Return the figures of a result by chart id; answers never change, so cache them."""
    answers = json.dumps(shown.response.answers, sort_keys=True)
    key = (shown.q.id, shown.q.version, answers, lang, lang2)
    figures = _CACHE.get(key)
    if figures is None:
        with force_locale(lang):
            figures = BUILDERS[shown.q.kind](shown)
        _CACHE[key] = figures
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return figures


def _learning_style(shown: ShownResult) -> dict[str, dict]:
    q, scores = shown.q, shown.result.scores
    labels = {m: qt(q.id, q.scale(m).short or q.scale(m).name) for m in ("CE", "RO", "AC", "AE")}
    region = q.classification("region")
    names = {c.id: qt(q.id, c.name) for c in region.classes}
    return {
        "kite": charts.kite(labels, scores, top=48),
        "grid": charts.grid(
            q,
            "region",
            scores,
            names,
            (_("Thinking minus feeling (AC-CE)"), _("Doing minus watching (AE-RO)")),
            _("You"),
        ),
    }


def _leadership(shown: ShownResult) -> dict[str, dict]:
    q, scores = shown.q, shown.result.scores
    styles = style_ids(q)
    names = {s: qt(q.id, q.scale(s).name) for s in styles}
    band = q.classification("adaptability-band")
    lo, hi = score_range(q, "adaptability")
    matrix = readiness_matrix(q, shown.response.answers)
    fits = best_fit(q)
    return {
        "range": charts.style_bars(
            [names[s] for s in styles], [scores[s] for s in styles], top=len(q.items)
        ),
        "adaptability": charts.band_scale(
            scores["adaptability"],
            lo,
            hi,
            band.axes[0].bands,
            {c.bands[0]: qt(q.id, c.short or c.name) for c in band.classes},
            _("Your score"),
            _("The bands are our own, not norms."),
        ),
        "matrix": charts.choice_matrix(
            [qt(q.id, t.name) for t in q.tags],
            [names[s] for s in styles],
            [[matrix[t.id][s] for s in styles] for t in q.tags],
            [styles.index(fits[t.id]) for t in q.tags],
        ),
    }


def ladder_figure(q, ratings: list[tuple[str, dict]], connect: bool = False) -> dict:
    """The ladder chart of one or more scored ratings, given as (name, scores)."""
    stages = [f"{s.value}. {qt(q.id, s.short)}" for s in q.stages]
    return charts.ladder(
        [qt(q.id, item.stem) for item in q.items],
        stages,
        [{"name": name, "values": [scores.get(i.id) for i in q.items]} for name, scores in ratings],
        connect=connect,
    )


def _competence_ladder(shown: ShownResult) -> dict[str, dict]:
    return {"ladder": ladder_figure(shown.q, [(_("This rating"), shown.result.scores)])}


BUILDERS = {
    "learning-style": _learning_style,
    "leadership": _leadership,
    "competence-ladder": _competence_ladder,
}
