"""The questionnaire engine: definitions, checks and scoring, free of Flask."""

from .checks import check_questionnaire, score_range
from .loader import DefinitionError, Library, load_handbook, load_library
from .schema import Handbook, Questionnaire
from .scoring import Problem, Result, check_answers, check_item_answer, kendall_w, score

__all__ = [
    "DefinitionError",
    "Handbook",
    "Library",
    "Problem",
    "Questionnaire",
    "Result",
    "check_answers",
    "check_item_answer",
    "check_questionnaire",
    "kendall_w",
    "load_handbook",
    "load_library",
    "score",
    "score_range",
]
