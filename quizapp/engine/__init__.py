"""The questionnaire engine: definitions, checks and scoring, free of Flask."""

from .checklist import AgendaRow, agenda
from .checks import check_questionnaire, score_range
from .ladder import compare_ratings, comparison_flag, no_stage_meaning
from .loader import DefinitionError, Library, load_handbook, load_library
from .schema import Handbook, Questionnaire
from .scoring import (
    Problem,
    Result,
    check_answers,
    check_item_answer,
    kendall_w,
    scale_score,
    score,
)
from .timing import time_estimate

__all__ = [
    "AgendaRow",
    "DefinitionError",
    "Handbook",
    "Library",
    "Problem",
    "Questionnaire",
    "Result",
    "agenda",
    "check_answers",
    "check_item_answer",
    "check_questionnaire",
    "compare_ratings",
    "comparison_flag",
    "kendall_w",
    "load_handbook",
    "load_library",
    "no_stage_meaning",
    "scale_score",
    "score",
    "score_range",
    "time_estimate",
]
