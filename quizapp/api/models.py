"""The JSON API's requests and answers as pydantic models.

The same models check every request body, check every answer before it leaves the app, and
give the OpenAPI document its schemas (openapi.py): the description cannot drift from what
the API does. Types that the questionnaire files define (kinds, audiences, scoring methods,
conditions) come from the engine's own schema.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from flask import current_app
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..context import PERSPECTIVES, PHASES
from ..engine import schema as engine

Kind = engine.Questionnaire.model_fields["kind"].annotation
Audience = engine.Questionnaire.model_fields["audience"].annotation
ItemKind = engine.Item.model_fields["kind"].annotation
Method = engine.Scale.model_fields["method"].annotation
Perspective = Literal[PERSPECTIVES]
Phase = Literal[PHASES]


def _languages(schema: dict) -> None:
    """The language codes of the running app (its LANGUAGES setting), not a fixed list."""
    schema["enum"] = list(current_app.config["LANGUAGES"])


Lang = Annotated[str, Field(json_schema_extra=_languages, description="Language code")]
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]

ANSWER_SCHEMA = {
    "description": (
        "For a rank item: every option id, the one most like you first. For a choice item:"
        " the id of the chosen option. For a stage item (competence ladder): the step 1-4,"
        " the id of a no-rating option, or null when there is nothing to rate."
    ),
    "anyOf": [
        {"type": "array", "items": {"type": "string"}},
        {"type": "string"},
        {"type": "integer", "minimum": 1, "maximum": 4},
        {"type": "null"},
    ],
}
# Answers are checked item by item against the questionnaire (engine.check_answers), which
# names the item and the problem; the schema says what shapes an answer can have.
Answer = Annotated[Any, WithJsonSchema(ANSWER_SCHEMA)]


class Model(BaseModel):
    """Every field documented, nothing else accepted or sent."""

    model_config = ConfigDict(extra="forbid")


class Problem(Model):
    item: str | None = Field(description="The item (question) the problem is about, if any")
    code: str = Field(description="What is wrong, for programs, e.g. tied or unknown_language")
    message: str = Field(description="What is wrong, in words, in the request's language")
    # Details some problems carry, for programs (the message says the same in words).
    field: str | None = Field(default=None, description="unknown_field: the field")
    lang: str | None = Field(default=None, description="unknown_language: the language")
    option: str | None = Field(default=None, description="unknown_option, tied: the option")
    part: str | None = Field(default=None, description="The part of the questionnaire")
    place: int | None = Field(default=None, description="tied: the place given twice")
    stage: int | None = Field(default=None, description="unknown_stage: the step given")
    stages: list[int] | None = Field(default=None, description="The steps there are")
    minimum: int | None = Field(default=None, description="group_too_small: the smallest group")
    max_length: int | None = Field(default=None, description="too_long: the most characters")


class Problems(Model):
    """Problems with the request, each naming the item it concerns."""

    problems: list[Problem]


class QuestionnaireSummary(Model):
    id: str
    version: int
    kind: Kind
    audience: Audience
    minutes: int = Field(description="About how long it takes, the optional part left out")
    optional_minutes: int | None = Field(
        description="About how long the optional part takes; null without one"
    )
    title: str
    summary: str
    url: Url
    form_url: Url


class QuestionnaireList(Model):
    questionnaires: list[QuestionnaireSummary]


class Option(Model):
    id: str
    text: str
    scale: str | None = Field(description="The scale this option scores; null on the ladder")
    points: int | None = Field(default=None, description="Points, where options carry points")


class Item(Model):
    id: str
    kind: ItemKind
    stem: str
    tags: list[str]
    options: list[Option]


class Part(Model):
    id: str
    title: str
    instructions: str
    optional: bool
    items: list[Item]


class TheoryModel(Model):
    name: str
    source: str
    handbook: list[str] = Field(description="Handbook sections the questionnaire is based on")


class Tag(Model):
    id: str
    name: str


class Scale(Model):
    id: str
    method: Method
    name: str
    min: float
    max: float
    of: list[str] | None = None
    part: str | None = None
    tag: str | None = None
    with_points: list[int] | None = Field(
        default=None, description="count_points: the points of the options it counts"
    )


class Band(Model):
    id: str
    min: float | None
    max: float | None
    text: str | None = Field(description="What a score in this band means, if it says")


class Axis(Model):
    score: str
    bands: list[Band]


class ClassOfClassification(Model):
    id: str
    bands: list[str]
    name: str


class Classification(Model):
    id: str
    name: str
    source: str
    axes: list[Axis]
    classes: list[ClassOfClassification]


class RecommendationRule(Model):
    id: str
    section: str
    title: str
    own: bool = Field(description="True: our own advice, related to the handbook section")
    source: str | None = Field(description="Where the advice comes from, besides the handbook")
    when: engine.Condition | None = Field(description="When it is given; null: always")


class Questionnaire(QuestionnaireSummary):
    instructions: str
    model: TheoryModel
    rank_points: list[int] | None
    tags: list[Tag]
    parts: list[Part]
    scales: list[Scale]
    classifications: list[Classification]
    recommendations: list[RecommendationRule]


class NewResponse(Model):
    """A set of answers to score and store. `perspective` and `phase` are for the
    competence ladder only."""

    answers: dict[str, Answer] = Field(description="One entry per item (question), by its id")
    lang: Lang | None = Field(default=None, description="Language of the result's texts")
    perspective: Perspective = Field(default="self", description="Who rates (ladder only)")
    phase: Phase | None = Field(default=None, description="When in the internship (ladder only)")

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is not None and value not in current_app.config["LANGUAGES"]:
            raise ValueError("unknown language")
        return value


class Recommendation(Model):
    id: str | None
    section: str
    title: str
    text: str
    own: bool = Field(description="True: our own advice, related to the handbook section")
    source: str | None = Field(description="Where the advice comes from, besides the handbook")
    section_title: str
    url: Url


class Result(Model):
    token: str
    questionnaire: str
    version: int
    lang: Lang
    created: datetime
    perspective: Perspective | None
    phase: Phase | None
    answers: dict[str, Answer]
    result_url: Url
    error: str | None = Field(
        default=None, description="Set when the answers no longer fit the questionnaire"
    )
    scores: dict[str, float | None] | None = None
    profile: dict[str, str | list[str] | None] | None = Field(
        default=None, description="Class per classification; leadership adds style lists"
    )
    matrix: dict[str, dict[str, int]] | None = Field(
        default=None, description="Leadership: styles chosen per development level"
    )
    best_fit: dict[str, str] | None = Field(
        default=None, description="Leadership: the style the model advises per development level"
    )
    recommendations: list[Recommendation] | None = None


class Created(Model):
    token: str
    result_url: Url
    result: Result


T = TypeVar("T", bound=BaseModel)


def checked(model: type[T], data: dict) -> dict:
    """Return `data` after checking it against the model, as a client reads it (JSON)."""
    model.model_validate_json(json.dumps(data), strict=True)
    return data


Role = Literal["trainee", "mentor"]


class NewInternship(Model):
    """A new internship: every label is optional (first names only; all can be deleted)."""

    trainee_name: str | None = Field(default=None, max_length=60)
    mentor_name: str | None = Field(default=None, max_length=60)
    company: str | None = Field(default=None, max_length=120)
    starts: date | None = Field(default=None, description="First day, YYYY-MM-DD")
    ends: date | None = Field(default=None, description="Last day, YYYY-MM-DD")


class InternshipCreated(Model):
    trainee_token: str = Field(description="The trainee's private token: send it to them")
    mentor_token: str = Field(description="The mentor's private token: send it to them")
    trainee_url: Url
    mentor_url: Url


class AttachResult(Model):
    """A result to add to the internship, by its private token."""

    token: str = Field(min_length=1, max_length=64, pattern="^[A-Za-z0-9_-]+$")


class InternshipResult(Model):
    questionnaire: str
    kind: Kind
    role: Role = Field(description="Who added it")
    created: datetime
    phase: Phase | None
    token: str | None = Field(description="The result's token: only for the role that added it")


class Labels(Model):
    trainee_name: str | None
    mentor_name: str | None
    company: str | None
    starts: date | None
    ends: date | None


class PlanCompetence(Model):
    item: str
    trainee_step: int | None
    mentor_step: int | None
    flag: Literal["differ", "not_observed", "not_applicable"] | None = Field(
        description="Why the two latest ratings are a topic, if they are"
    )
    fitting_style: str | None = Field(
        description="The leadership style that fits the step (our own rule, after handbook 4.3)"
    )
    advice: Literal["fits", "more_direction", "more_room"] | None = Field(
        description="How the fitting style compares with the styles the mentor uses most"
    )


class PlanAgendaRow(Model):
    part: str
    item: str
    trainee: int | None
    mentor: int | None
    outcome: Literal["meet", "talk"] | None


class Missing(Model):
    role: Role
    kind: Kind


class InternshipView(Model):
    """An internship as one role sees it: its labels, results and the plan."""

    role: Role
    url: Url
    labels: Labels
    results: list[InternshipResult]
    missing: list[Missing]
    usual_styles: list[str] = Field(description="The styles the mentor says they use most")
    competences: list[PlanCompetence]
    learning_styles: dict[str, str | None] = Field(description="Learning style by role")
    intake: list[PlanAgendaRow]


class NewProgramme(Model):
    """A programme: its name, partners, languages, the first day of each rating phase, and the
    smallest group its figures describe (at least COHORT_MIN_GROUP, never below 5)."""

    name: str = Field(min_length=1, max_length=120, pattern=r"\S")
    sending: str | None = Field(default=None, max_length=120, description="Sending organisation")
    receiving: str | None = Field(
        default=None, max_length=120, description="Receiving organisation"
    )
    languages: list[Lang] = Field(default_factory=list, max_length=10)
    start: date = Field(description="First day of the start phase, YYYY-MM-DD")
    middle: date = Field(description="First day of the middle phase, after start")
    end: date = Field(description="First day of the end phase, after middle")
    min_group: int | None = Field(
        default=None,
        ge=5,
        le=1000,
        description="Smallest group a figure describes; default and lowest: COHORT_MIN_GROUP",
    )
    admin_label: str | None = Field(
        default=None, max_length=60, description="A name for the first admin link"
    )

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        if any(lang not in current_app.config["LANGUAGES"] for lang in value):
            raise ValueError("unknown language")
        return value

    @field_validator("min_group")
    @classmethod
    def _not_below_the_setting(cls, value: int | None) -> int | None:
        if value is not None and value < current_app.config["COHORT_MIN_GROUP"]:
            raise ValueError("below COHORT_MIN_GROUP")
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> NewProgramme:
        if not self.start < self.middle < self.end:
            raise ValueError("dates out of order")
        return self


class ProgrammeCreated(Model):
    admin_token: str = Field(description="The coordinator's private token: keep it")
    admin_url: Url
    join_url: Url = Field(description="Send it to trainees and mentors to join")


class NewProgrammeInternship(Model):
    """An internship the coordinator adds, with an optional label (how they know it)."""

    label: str | None = Field(default=None, max_length=60)


class ProgrammeInternship(Model):
    label: str | None
    trainee_url: Url = Field(description="The trainee's private link: send it to them")
    mentor_url: Url = Field(description="The mentor's private link: send it to them")


class ProgrammeView(Model):
    """A programme's settings and how many have joined."""

    name: str
    sending: str | None
    receiving: str | None
    languages: list[Lang]
    start: date
    middle: date
    end: date
    min_group: int
    join_url: Url | None = Field(description="null while joining is closed")
    internships: int
    agreed: dict[str, int] = Field(description="How many trainees and mentors agreed")


ExportValue = Annotated[
    Any,
    WithJsonSchema(
        {
            "description": "The raw answer: a ranking (list of option ids), an option id, a"
            " step, a no-rating id or a text",
            "anyOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "string"},
                {"type": "integer"},
                {"type": "null"},
            ],
        }
    ),
]


class ExportRecord(Model):
    response: str = Field(description="Pseudonymous id of the result")
    internship: str | None = Field(description="Pseudonymous id of the internship")
    label: str | None = Field(description="The coordinator's label of the internship")
    role: Literal["trainee", "mentor", "coordinator"]
    questionnaire: str
    version: int
    lang: str
    phase: Phase
    date: date
    answers: dict[str, ExportValue]
    scores: dict[str, float | None]
    classes: dict[str, str | None]


class ExportPage(Model):
    """One page of a programme's results (the same rows as the CSV and Excel export)."""

    responses: list[ExportRecord]
    page: int
    pages: int
    total: int
    next: Url | None


class CodebookLine(Model):
    column: str
    questionnaire: str
    kind: str
    meaning: str
    values: str


class Codebook(Model):
    """What every column of the export holds, in the request's language."""

    columns: list[CodebookLine]


SCHEMA_MODELS = (
    Problems,
    QuestionnaireList,
    Questionnaire,
    NewResponse,
    Result,
    Created,
    NewInternship,
    InternshipCreated,
    AttachResult,
    InternshipView,
    NewProgramme,
    ProgrammeCreated,
    NewProgrammeInternship,
    ProgrammeInternship,
    ProgrammeView,
    ExportPage,
    Codebook,
)
