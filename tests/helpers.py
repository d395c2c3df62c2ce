"""Builders of answer sets for tests."""

from __future__ import annotations

import re


def ranking_by_modes(item, order: list[str]) -> list[str]:
    """Return a rank item's answer that puts its options in this order of scales."""
    by_scale = {o.scale: o.id for o in item.options}
    return [by_scale[scale] for scale in order]


def learning_answers(q, orders, context_orders=None) -> dict:
    """Answers for the learning-style questionnaire from one mode order per item."""
    cycle = q.part("cycle").items
    if isinstance(orders[0], str):
        orders = [orders] * len(cycle)
    answers = {
        item.id: ranking_by_modes(item, order) for item, order in zip(cycle, orders, strict=True)
    }
    if context_orders is not None:
        contexts = q.part("contexts").items
        if isinstance(context_orders[0], str):
            context_orders = [context_orders] * len(contexts)
        for item, order in zip(contexts, context_orders, strict=True):
            answers[item.id] = ranking_by_modes(item, order)
    return answers


def choice_by_style(item, style: str) -> str:
    """Return the id of a choice item's option keyed to this style."""
    return next(o.id for o in item.options if o.scale == style)


def leadership_answers(q, styles) -> dict:
    """Answers for a leadership questionnaire: one style per item, or one style for all."""
    if isinstance(styles, str):
        styles = [styles] * len(q.items)
    return {
        item.id: choice_by_style(item, style) for item, style in zip(q.items, styles, strict=True)
    }


def best_fit_answers(q) -> dict:
    """Answers that pick the +2 option in every item."""
    return {i.id: next(o.id for o in i.options if o.points == 2) for i in q.items}


def dot_rows(html: str, chart_id: str) -> list[tuple[str, list[list[str]], str]]:
    """Read a dot table (a ladder chart) back from a page.

    One entry per row: the row's label, the names of the marks in each column, and the row's
    flag text ("" if none).
    """
    table = html.split(f'id="{chart_id}"', 1)[1].split("</table>", 1)[0]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.S).group(1)
        label = re.sub(r"<.*", "", head, flags=re.S).replace("\xad", "").strip()
        flag = re.search(r'<span class="row-flag">([^<]*)</span>', head)
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        marks = [re.findall(r'<span class="visually-hidden">([^<]*)</span>', c) for c in cells]
        rows.append((label, marks, flag.group(1) if flag else ""))
    return rows


def empty_database(engine) -> None:
    """Drop every table (and Alembic's version table) so migrations start from nothing, whatever
    tables later features add; reflection orders the drops by foreign key."""
    from sqlalchemy import MetaData

    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)


def deciding_result(client, library) -> str:
    """The token of a learning-style result through the API: the Deciding style (AE, AC first)."""
    q = library.questionnaires["learning-styles"]
    return client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        json={"answers": learning_answers(q, ["AE", "AC", "CE", "RO"])},
    ).get_json()["token"]
