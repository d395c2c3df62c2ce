"""Pydantic models for questionnaire files and the handbook file.

The models check one file on its own: ids, references between items, scales,
classifications and recommendations, cut points against score ranges. Nothing here
imports Flask.
"""

from __future__ import annotations

import itertools
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1)]

KINDS = ("learning-style", "leadership", "competence-ladder", "checklist", "evaluation")


class Strict(BaseModel):
    """Base model that rejects unknown keys, so a typo in a file is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    """One answer option: the scale it counts for and, for choice items, its points.

    Options of a stage item carry a `value` (the stage) and a mentor's wording instead; so do
    the options of a checklist, where `value` orders the answers (higher: more).
    """

    id: Id
    text: Text
    scale: Id | None = None
    points: int | None = None
    value: int | None = None
    text_mentor: Text | None = None

    def text_for(self, mentor: bool) -> str:
        """The option's wording for a mentor, where it has one, or for the trainee."""
        return self.text_mentor if mentor and self.text_mentor else self.text


class Item(Strict):
    """One question: rank all options, choose one, or (`text`) write an optional comment.

    A text item has no options: its answer is a text of at most `max_length` characters, and it
    may always be left empty.
    """

    id: Id
    kind: Literal["rank", "choice", "stage", "text"]
    stem: Text
    stem_mentor: Text | None = None
    explanation: Text | None = None
    tags: tuple[Id, ...] = ()
    options: tuple[Option, ...] = ()
    max_length: int | None = Field(default=None, ge=1, le=4000)

    @model_validator(mode="after")
    def _unique_options(self) -> Item:
        if self.kind == "text":
            if self.options:
                raise ValueError("a text item has no options")
            if self.max_length is None:
                raise ValueError("a text item needs max_length")
            return self
        if self.max_length is not None:
            raise ValueError("max_length only goes with text items")
        if len(self.options) < 2:
            raise ValueError("an item needs at least 2 options")
        ids = [o.id for o in self.options]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate option id {', '.join(dupes)}")
        return self

    def stem_for(self, mentor: bool) -> str:
        """The question's wording for a mentor, where it has one, or for the trainee."""
        return self.stem_mentor if mentor and self.stem_mentor else self.stem

    def option(self, option_id: str) -> Option | None:
        """Return the option with this id, or None."""
        return self.options_by_id.get(option_id) if isinstance(option_id, str) else None

    @cached_property
    def options_by_id(self) -> dict[str, Option]:
        """The options by id, made once: scoring looks options up for every answer."""
        return {o.id: o for o in self.options}


class Tag(Strict):
    """A label that groups items, such as a development level."""

    id: Id
    name: Text
    description: Text | None = None


class Scale(Strict):
    """A score to compute, with the method that computes it."""

    id: Id
    method: Literal[
        "rank_sum",
        "count",
        "points",
        "count_points",
        "difference",
        "kendall_flexibility",
        "mean",
        "count_value",
    ]
    name: Text
    short: Text | None = None
    description: Text | None = None
    of: tuple[Id, Id] | None = None
    part: Id | None = None
    tag: Id | None = None
    value: int | None = None
    with_points: tuple[int, ...] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _method_arguments(self) -> Scale:
        if self.method == "difference" and self.of is None:
            raise ValueError("method difference needs `of: [A, B]`")
        if self.method == "kendall_flexibility" and self.part is None:
            raise ValueError("method kendall_flexibility needs `part`")
        if self.method != "difference" and self.of is not None:
            raise ValueError("`of` only goes with method difference")
        if self.method not in ("points", "count_points", "mean") and self.tag is not None:
            raise ValueError("`tag` only goes with methods points, count_points and mean")
        if (self.method == "count_points") != (self.with_points is not None):
            raise ValueError("`with_points` goes with method count_points, and it needs one")
        if (self.method == "count_value") != (self.value is not None):
            raise ValueError("`value` goes with method count_value, and it needs one")
        if self.method == "difference" and self.part is not None:
            raise ValueError("`part` does not go with method difference")
        return self


class Band(Strict):
    """A range of one score, limits inclusive; a missing limit is open.

    `text` is the sentence that describes a score in this band, so the words that describe a
    score always come from the band that classifies it.
    """

    id: Id
    min: float | None = None
    max: float | None = None
    text: Text | None = None

    def holds(self, value: float) -> bool:
        """Tell whether the value falls in this band."""
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class Axis(Strict):
    """One score cut into bands."""

    score: Id
    bands: tuple[Band, ...] = Field(min_length=2)


class ClassDef(Strict):
    """One class of a classification: a combination of bands, with its texts."""

    id: Id
    bands: tuple[Id, ...]
    name: Text
    short: Text | None = None
    description: Text | None = None
    at_work: Text | None = None


class Classification(Strict):
    """A grid of one or more axes that turns scores into a class."""

    id: Id
    name: Text
    source: Text
    axes: tuple[Axis, ...] = Field(min_length=1)
    classes: tuple[ClassDef, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _classes_cover_grid(self) -> Classification:
        for n, axis in enumerate(self.axes):
            ids = [b.id for b in axis.bands]
            if len(set(ids)) != len(ids):
                raise ValueError(f"axis {n + 1} repeats a band id")
        for cls in self.classes:
            if len(cls.bands) != len(self.axes):
                raise ValueError(
                    f"class {cls.id} names {len(cls.bands)} bands,"
                    f" the grid has {len(self.axes)} axes"
                )
            for axis, band in zip(self.axes, cls.bands, strict=True):
                if band not in {b.id for b in axis.bands}:
                    raise ValueError(
                        f"class {cls.id} names unknown band {band} on axis {axis.score}"
                    )
        cells = [cls.bands for cls in self.classes]
        for combo in itertools.product(*[[b.id for b in a.bands] for a in self.axes]):
            found = cells.count(combo)
            if found != 1:
                what = "no class" if found == 0 else f"{found} classes"
                raise ValueError(f"{what} for bands {', '.join(combo)}")
        return self


class Condition(Strict):
    """A condition on scores or classes; all given keys must hold."""

    score: Id | None = None
    min: float | None = None
    max: float | None = None
    answered: Id | None = None
    rarely_used: Id | None = None
    class_: Id | None = Field(default=None, alias="class")
    in_: tuple[Id, ...] | None = Field(default=None, alias="in")
    all: tuple[Condition, ...] | None = None
    any: tuple[Condition, ...] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _well_formed(self) -> Condition:
        if (self.class_ is None) != (self.in_ is None):
            raise ValueError("a class condition needs both `class` and `in`")
        if (self.min is not None or self.max is not None) and self.score is None:
            raise ValueError("`min` and `max` need `score`")
        if self.score is not None and self.min is None and self.max is None:
            raise ValueError(f"condition on score {self.score} needs `min` or `max`")
        if not self.model_fields_set:
            raise ValueError("empty condition")
        return self


class Sourced(Strict):
    """Advice with its provenance: a handbook section, or our own advice related to one.

    `own: true` marks advice that is ours (the page says so, and names `section` only as
    related reading); `source` names literature the advice comes from instead of the handbook.
    """

    section: Id
    title: Text
    text: Text
    own: bool = False
    source: Text | None = None


class Recommendation(Sourced):
    """Advice given when its condition holds, to the readers it names.

    On a questionnaire a mentor answers for themselves, advice about "this trainee" is for the
    trainee's result only (`readers: [trainee]`), and advice for the mentor's own result says so.
    """

    id: Id
    when: Condition | None = None
    readers: tuple[Literal["trainee", "mentor"], ...] = ("trainee", "mentor")


class Range(Strict):
    """Whole numbers from `min` to `max`, limits inclusive; a missing limit is open."""

    min: int | None = None
    max: int | None = None

    def holds(self, value: int | None) -> bool:
        """Tell whether the value falls in the range (never for a missing value)."""
        if value is None:
            return False
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class AgendaRule(Sourced):
    """Checklist: what a pair of answers (the trainee's and the mentor's) puts on the agenda.

    The first rule of a part whose ranges hold for both answers decides; "meet" means the two
    expectations meet, "talk" that they are a topic for the conversation.
    """

    trainee: Range
    mentor: Range
    outcome: Literal["meet", "talk"]


class Part(Strict):
    """A group of items shown together, which may be optional.

    `title_mentor` and `instructions_mentor` word the part for a mentor; `agenda` (checklists
    only) turns the trainee's and the mentor's answers into an agenda.
    """

    id: Id
    title: Text
    title_mentor: Text | None = None
    instructions: Text | None = None
    instructions_mentor: Text | None = None
    optional: bool = False
    items: tuple[Item, ...] = Field(min_length=1)
    agenda: tuple[AgendaRule, ...] = ()

    def title_for(self, mentor: bool) -> str:
        """The part's title for a mentor, where it has one, or for the trainee."""
        return self.title_mentor if mentor and self.title_mentor else self.title

    def instructions_for(self, mentor: bool) -> str | None:
        """The part's instructions for a mentor, where it has them, or for the trainee."""
        return (
            self.instructions_mentor if mentor and self.instructions_mentor else self.instructions
        )


class Stage(Strict):
    """One step of the competence ladder, with the leadership style that fits it.

    `short` is a neutral label (no "I", no "the trainee"), so the same chart reads well for the
    trainee, the mentor and the comparison both read.
    """

    value: int = Field(ge=1, le=9)
    name: Text
    short: Text
    description: Text
    style: Id | None = None


class NoRating(Strict):
    """An answer without a stage: "not observed yet" or "not part of this internship"."""

    id: Id
    means: Literal["not_observed", "not_applicable"]
    text: Text
    text_mentor: Text

    def text_for(self, mentor: bool) -> str:
        """The answer's wording for a mentor or for the trainee."""
        return self.text_mentor if mentor else self.text


class Advice(Sourced):
    """A piece of advice for the competences on one stage."""


class StageAdvice(Strict):
    """Advice for the competences that stand on one stage."""

    stage: int
    advice: tuple[Advice, ...] = Field(min_length=1)


class ComparisonAdvice(Sourced):
    """Advice for a competence on which two raters differ, one saw nothing, or they disagree
    on whether it is part of the internship."""

    id: Id
    when: Literal["differ", "not_observed", "not_applicable"]


class Comparison(Strict):
    """The comparison of two ratings: its neutral title (trainee and mentor both read it), and
    how far apart two ratings of one competence must be to be a topic, and why."""

    title: Text
    differ_by: int = Field(ge=1)
    source: Text


class Timing(Strict):
    """The assumptions behind a questionnaire's time estimate."""

    words_per_minute: int = Field(ge=50, le=600)
    seconds_per_item: int = Field(ge=1, le=600)
    source: Text


class MentorTexts(Strict):
    """The mentor's wording of a questionnaire's top-level texts.

    `about` says whom a mentor's answers are about: the trainee (the mentor rates the
    trainee, as on the competence ladder) or the mentor (the mentor answers for themselves, as
    in the learning-style questionnaire or the expectations checklist).
    """

    title: Text
    summary: Text
    instructions: Text
    about: Literal["trainee", "self"] = "trainee"


class CoordinatorTexts(Strict):
    """The coordinator's wording of a questionnaire's top-level texts (the process evaluation,
    which the coordinator of a programme answers for the whole programme)."""

    title: Text
    summary: Text
    instructions: Text


class Model(Strict):
    """The published model a questionnaire follows."""

    name: Text
    source: Text
    handbook: tuple[Id, ...] = ()


class Questionnaire(Strict):
    """A whole questionnaire file."""

    id: Id
    version: int = Field(ge=1)
    kind: Literal["learning-style", "leadership", "competence-ladder", "checklist", "evaluation"]
    audience: Literal["trainee", "mentor"]
    timing: Timing
    title: Text
    summary: Text
    instructions: Text
    model: Model
    rank_points: tuple[int, ...] | None = None
    items_per_page: int = Field(default=4, ge=1, le=50)
    rarely_used_max: int | None = Field(default=None, ge=0)
    tags: tuple[Tag, ...] = ()
    parts: tuple[Part, ...] = Field(min_length=1)
    scales: tuple[Scale, ...] = ()
    classifications: tuple[Classification, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    mentor: MentorTexts | None = None
    coordinator: CoordinatorTexts | None = None
    stages: tuple[Stage, ...] = ()
    no_rating: tuple[NoRating, ...] = ()
    stage_advice: tuple[StageAdvice, ...] = ()
    comparison_advice: tuple[ComparisonAdvice, ...] = ()
    comparison: Comparison | None = None
    style_note: Text | None = None

    def stage(self, value: int) -> Stage | None:
        """Return the stage with this value, or None."""
        return next((s for s in self.stages if s.value == value), None)

    @property
    def items(self) -> tuple[Item, ...]:
        """All items of all parts, in order."""
        return tuple(item for part in self.parts for item in part.items)

    def item(self, item_id: str) -> Item | None:
        """Return the item with this id, or None."""
        return next((i for i in self.items if i.id == item_id), None)

    def part(self, part_id: str) -> Part | None:
        """Return the part with this id, or None."""
        return next((p for p in self.parts if p.id == part_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        """Return the scale with this id, or None."""
        return next((s for s in self.scales if s.id == scale_id), None)

    def classification(self, classification_id: str) -> Classification | None:
        """Return the classification with this id, or None."""
        return next((c for c in self.classifications if c.id == classification_id), None)


class Section(Strict):
    """One section of the handbook, summarised in our own words."""

    id: Id
    chapter: Id
    title: Text
    summary: Text
    points: tuple[Text, ...] = ()


class Chapter(Strict):
    """A chapter of the handbook."""

    id: Id
    title: Text


class HandbookSource(Strict):
    """Where the handbook comes from."""

    title: Text
    note: Text


class Handbook(Strict):
    """The handbook file: its source, chapters and sections."""

    source: HandbookSource
    chapters: tuple[Chapter, ...]
    sections: tuple[Section, ...] = Field(min_length=1)

    def section(self, section_id: str) -> Section | None:
        """Return the section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)
