"""How long a questionnaire takes: reading its texts plus a choice time per item."""

from __future__ import annotations

from collections.abc import Callable

from .schema import Part, Questionnaire

INTRO = ""  # the key of the texts read before the first part


def _part_texts(part: Part, mentor: bool, no_rating: tuple) -> list[str]:
    texts = [part.title_for(mentor), part.instructions_for(mentor)]
    for item in part.items:
        texts += [item.stem_for(mentor), item.explanation]
        texts += [o.text_for(mentor) for o in item.options]
        if item.kind == "stage":
            texts += [n.text_mentor if mentor else n.text for n in no_rating]
    return [t for t in texts if t]


def reader_texts(q: Questionnaire, perspective: str = "self") -> dict[str, list[str]]:
    """The source texts a rater reads, by part id (INTRO: the instructions before the parts).

    The mentor's wording is used when the perspective is "mentor" and the file has one.
    """
    mentor = perspective == "mentor" and q.mentor is not None
    texts = {INTRO: [q.mentor.instructions if mentor else q.instructions]}
    for part in q.parts:
        texts[part.id] = _part_texts(part, mentor, q.no_rating)
    return texts


def count_words(text: str) -> int:
    """Count the words of a text: the runs of characters between spaces."""
    return len(text.split())


def whole_minutes(minutes: float) -> int:
    """Round minutes half up to whole minutes, at least 1."""
    return max(1, int(minutes + 0.5))


def time_estimate(
    q: Questionnaire, perspective: str, translate: Callable[[str], str]
) -> dict[str, int | None]:
    """Minutes for the required parts and for the optional parts (None when there are none).

    Reading time is the number of words of the texts in the reader's language (`translate`
    turns a source text into it) at `timing.words_per_minute`; every item adds
    `timing.seconds_per_item` for choosing.
    """
    texts = reader_texts(q, perspective)
    timing = q.timing
    minutes = {"required": 0.0, "optional": 0.0}
    for key, part_texts in texts.items():
        part = q.part(key) if key != INTRO else None
        words = sum(count_words(translate(t)) for t in part_texts)
        items = len(part.items) if part else 0
        share = "optional" if part is not None and part.optional else "required"
        minutes[share] += words / timing.words_per_minute + items * timing.seconds_per_item / 60
    has_optional = any(p.optional for p in q.parts)
    return {
        "required": whole_minutes(minutes["required"]),
        "optional": whole_minutes(minutes["optional"]) if has_optional else None,
    }
