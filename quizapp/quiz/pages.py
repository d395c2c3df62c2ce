"""Split a questionnaire into pages and read one page of a submitted form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine import Problem, Questionnaire, check_item_answer
from ..engine.schema import Item, Part
from ..text_clean import clean_text


@dataclass(frozen=True)
class Page:
    """One page of the form: some items of one part."""

    number: int
    part: Part
    items: tuple[Item, ...]
    number_in_part: int
    pages_in_part: int


def paginate(q: Questionnaire) -> list[Page]:
    """Return the pages of a questionnaire, numbered from 1."""
    pages: list[Page] = []
    size = q.items_per_page
    for part in q.parts:
        chunks = [part.items[i : i + size] for i in range(0, len(part.items), size)]
        for n, chunk in enumerate(chunks, start=1):
            pages.append(Page(len(pages) + 1, part, chunk, n, len(chunks)))
    return pages


def field_name(item: Item, option_id: str | None = None) -> str:
    """Return the form field name of an item, or of one option of a rank item."""
    return item.id if option_id is None else f"{item.id}:{option_id}"


# A number in a form: ASCII digits only ("²" and "٣" are digits to str.isdigit(), not to int()
# or to us), and short, so no value can make int() slow or fail.
SMALL_NUMBER = re.compile(r"[0-9]{1,3}")
# An option id in a form: what questionnaire files use, and no longer.
OPTION_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")


def small_number(value: str) -> int | None:
    """Return a form value as a small whole number, or None if it is anything else."""
    return int(value) if SMALL_NUMBER.fullmatch(value) else None


def read_item(item: Item, form, no_rating: tuple = ()) -> tuple[object, Problem | None]:
    """Read one item from form data: (answer or None, problem or None).

    Every value is parsed strictly; anything unexpected is a problem for that item, never an
    exception. A text item left empty is no problem and no answer: (None, None).
    """
    if item.kind == "text":
        text = clean_text(form.get(field_name(item), ""))
        problem = check_item_answer(item, text) if text else None
        return (None, problem) if problem or not text else (text, None)
    if item.kind == "stage":
        value = form.get(field_name(item), "")
        if not value:
            return None, Problem(item.id, "missing")
        answer = small_number(value)
        if answer is None:
            if value not in no_rating:
                return None, Problem(item.id, "not_an_option")
            answer = value
        problem = check_item_answer(item, answer, no_rating)
        return (None, problem) if problem else (answer, None)
    if item.kind == "choice":
        value = form.get(field_name(item))
        if not value:
            return None, Problem(item.id, "missing")
        if not OPTION_ID.fullmatch(value):
            return None, Problem(item.id, "not_an_option")
        problem = check_item_answer(item, value)
        return (None, problem) if problem else (value, None)
    places: dict[str, int] = {}
    allowed = range(1, len(item.options) + 1)
    for option in item.options:
        raw = form.get(field_name(item, option.id), "")
        if not raw:
            continue
        place = small_number(raw)
        if place not in allowed:
            return None, Problem(item.id, "not_a_place")
        places[option.id] = place
    if not places:
        return None, Problem(item.id, "missing")
    taken = list(places.values())
    tied = sorted({p for p in taken if taken.count(p) > 1})
    if tied:
        return None, Problem(item.id, "tied", {"place": tied[0]})
    if len(places) < len(item.options):
        return None, Problem(item.id, "incomplete_ranking")
    return sorted(places, key=places.get), None


def form_values(items: tuple[Item, ...], answers: dict) -> dict[str, str]:
    """Turn stored answers back into form field values, to show them again."""
    values = {}
    for item in items:
        answer = answers.get(item.id)
        if answer is None:
            continue
        if item.kind in ("choice", "stage", "text"):
            values[field_name(item)] = str(answer)
        else:
            for place, option_id in enumerate(answer, start=1):
                values[field_name(item, option_id)] = str(place)
    return values
