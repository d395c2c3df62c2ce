"""The translatable texts of the data files, for extraction and for completeness checks.

Every text in `questionnaires/*.yaml` is an English source string; its message context is
the questionnaire id (or "handbook"), so translators can word it for its readers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from jinja2.ext import babel_extract

from .engine.loader import singular

TEXT_KEYS = frozenset(
    {
        "title",
        "summary",
        "explanation",
        "text_mentor",
        "stem_mentor",
        "title_mentor",
        "instructions_mentor",
        "instructions",
        "stem",
        "text",
        "name",
        "short",
        "description",
        "at_work",
        "source",
        "note",
        "style_note",
        "points",
    }
)
HANDBOOK_CONTEXT = "handbook"


def _walk(node, trail: list[str], in_text: bool) -> Iterator[tuple[int, str, str]]:
    if isinstance(node, yaml.MappingNode):
        label = next((v.value for k, v in node.value if k.value == "id"), None)
        here = [*trail[:-1], f"{trail[-1]} {label}"] if trail and label else trail
        for key, value in node.value:
            yield from _walk(value, [*here, singular(key.value)], key.value in TEXT_KEYS)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _walk(child, trail, in_text)
    elif in_text and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
        yield node.start_mark.line + 1, " ".join(trail), node.value


# A questionnaire a mentor answers for themselves (`mentor: {about: self}`) shows its
# interpretations to a mentor too. Those texts (what a class, a band or a score means) are put
# in the catalogue a second time, with the context "<id>/mentor", so that each language can
# word them for a mentor ("u" in Dutch); see i18n.qr.
MENTOR_SUFFIX = "/mentor"
MENTOR_VARIANT_KEYS = ("description", "at_work")


def _about_self(root) -> bool:
    mentor = next((v for k, v in root.value if k.value == "mentor"), None)
    if not isinstance(mentor, yaml.MappingNode):
        return False
    return any(k.value == "about" and v.value == "self" for k, v in mentor.value)


def _has_mentor_variant(where: str) -> bool:
    words = where.split()
    return words[-1] in MENTOR_VARIANT_KEYS or (words[-1] == "text" and "band" in words)


def file_context(path: Path, root) -> str:
    """Return the message context of a data file."""
    if Path(path).name == "handbook.yaml":
        return HANDBOOK_CONTEXT
    ids = [v.value for k, v in root.value if k.value == "id"] if root is not None else []
    return ids[0] if ids else Path(path).stem


def _texts(path, root) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(line, where, text, message contexts) of every text of a parsed data file."""
    if root is None:
        return []
    context = file_context(path, root)
    mentor = context + MENTOR_SUFFIX if _about_self(root) else None
    return [
        (
            line,
            where,
            text,
            (context, mentor) if mentor and _has_mentor_variant(where) else (context,),
        )
        for line, where, text in _walk(root, [], False)
    ]


def file_texts(path: Path) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """Return a data file's texts as (line, where, text, message contexts)."""
    with open(path, encoding="utf-8") as fh:
        return _texts(path, yaml.compose(fh))


def extract_yaml(fileobj, keywords, comment_tags, options):
    """Babel extractor for data files: yields (line, 'pgettext', (context, text), [where])."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    for line, where, text, contexts in _texts(getattr(fileobj, "name", "x.yaml"), root):
        for context in contexts:
            yield line, "pgettext", (context, text), [where]


# Who a page speaks to (see i18n.say). Each is also the message context of the texts written
# for that reader, so Dutch can say "je" to a trainee and "u" to a mentor or a coordinator.
READERS = ("trainee", "mentor", "coordinator")
# The readers of a template that does not say otherwise: the pages of trainees and mentors.
PARTICIPANTS = ("trainee", "mentor")
SAY_FUNCTIONS = ("say", "nsay")
# A template that other readers read too says so in a comment: {#- readers: mentor coordinator -#}
READERS_MARK = re.compile(rb"\{#-?\s*readers:\s*([a-z ,]+?)\s*-?#\}")


def template_readers(source: bytes) -> tuple[str, ...]:
    """The readers a template's say() texts are written for: its `readers:` comment, or the
    participants (trainee and mentor)."""
    found = READERS_MARK.search(source)
    if found is None:
        return PARTICIPANTS
    readers = tuple(r for r in re.split(r"[ ,]+", found.group(1).decode()) if r)
    unknown = [r for r in readers if r not in READERS]
    if unknown:
        raise ValueError(f"unknown reader {unknown[0]!r} in a readers: comment")
    return readers


def extract_jinja(fileobj, keywords, comment_tags, options):
    """Babel extractor for templates: Jinja's own, plus every say()/nsay() text once per reader.

    A say() text becomes one pgettext entry per reader of the template (the reader is the
    message context), so translators write a "je" version for trainees and a "u" version for
    mentors and coordinators.
    """
    source = fileobj.read()
    readers = template_readers(source)
    functions = [*keywords, *SAY_FUNCTIONS]
    for line, function, message, comments in babel_extract(
        io.BytesIO(source), functions, comment_tags, options
    ):
        # Jinja gives a tuple when a call has more arguments (variables as keywords).
        texts = (message,) if isinstance(message, str) else tuple(message)
        if function == "say":
            for reader in readers:
                yield line, "pgettext", (reader, texts[0]), comments
        elif function == "nsay":
            for reader in readers:
                yield line, "npgettext", (reader, *texts[:2]), comments
        else:
            yield line, function, message, comments


def extract_python(fileobj, keywords, comment_tags, options):
    """Babel extractor for Python: Babel's own, plus every say_to(reader, "...") text once per
    reader (see i18n.say_to), as extract_jinja does for templates: for the reader named, or for
    the participants when the reader is a variable."""
    from babel.messages.extract import extract_python as babel_extract_python

    functions = [*keywords, "say_to"]
    for line, function, message, comments in babel_extract_python(
        fileobj, functions, comment_tags, options
    ):
        if function == "say_to":
            texts = (message,) if isinstance(message, str) else tuple(message)
            named = texts[0] if len(texts) > 1 and texts[0] in READERS else None
            text = next((t for t in texts[1:] if t), None) if len(texts) > 1 else texts[0]
            for reader in (named,) if named else PARTICIPANTS:
                yield line, "pgettext", (reader, text), comments
        else:
            yield line, function, message, comments
