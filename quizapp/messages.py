"""Words for answer problems, in the user's language."""

from __future__ import annotations

from flask_babel import gettext as _

from .engine import Problem
from .i18n import languages


def short(value: object, limit: int = 40) -> str:
    """Return a value to quote in a message, cut to a readable length."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem_message(problem: Problem) -> str:
    """Return a plain-language message for one answer problem."""
    code, detail = problem.code, problem.detail
    if code == "missing":
        return _("Please answer this question.")
    if code == "missing_in_optional_part":
        return _("Please answer this question too, or skip the whole optional part.")
    if code == "incomplete_ranking":
        return _("Give every ending its own place.")
    if code == "tied":
        if "place" in detail:
            return _(
                "Two endings have the same place (%(place)s). Give each ending its own place.",
                place=detail["place"],
            )
        return _(
            "Option %(option)s is ranked twice. Rank each option once.", option=detail["option"]
        )
    if code == "unknown_option":
        return _("There is no option %(option)s in this question.", option=short(detail["option"]))
    if code == "unknown_item":
        return _("There is no question with this id in this questionnaire.")
    if code == "not_a_ranking":
        return _("Give a list of all option ids, the one most like you first.")
    if code == "not_an_option_id":
        return _("Give the id of one option as text.")
    if code == "not_a_place":
        return _("Choose a place from the list.")
    if code == "not_an_option":
        return _("Choose one of the answers shown.")
    if code == "answers_not_an_object":
        return _("`answers` must be an object with one entry per question.")
    if code == "unknown_questionnaire":
        return _("There is no questionnaire with this id.")
    if code == "malformed_json":
        return _("The request body must be a JSON object.")
    if code == "unknown_language":
        return _(
            "Unknown language %(lang)s. Use one of: %(langs)s.",
            lang=detail["lang"],
            langs=", ".join(languages()),
        )
    if code == "unknown_field":
        return _("Unknown field %(field)s. Send only `answers` and `lang`.", field=detail["field"])
    if code == "unknown_token":
        return _("There is no result with this link. It may have been deleted.")
    if code == "unknown_perspective":
        return _(
            "`perspective` must be self or mentor (coordinator only for the process evaluation)."
        )
    if code == "unknown_phase":
        return _("`phase` must be start, middle or end.")
    if code == "not_a_stage":
        return _(
            "Give a step from %(low)s to %(high)s, or null when there is nothing to rate.",
            low=min(detail["stages"]),
            high=max(detail["stages"]),
        )
    if code == "unknown_stage":
        return _(
            "There is no step %(stage)s. Give a step from %(low)s to %(high)s, or null.",
            stage=detail["stage"],
            low=min(detail["stages"]),
            high=max(detail["stages"]),
        )
    if code == "unsupported_media_type":
        return _("Send the request body as JSON, with the header Content-Type: application/json.")
    if code == "bad_idempotency_key":
        return _("Idempotency-Key must be 16 to 64 letters, digits, - or _ (a UUID fits).")
    if code == "idempotency_key_reused":
        return _(
            "This Idempotency-Key was used for other answers. Make a new key for each set of"
            " answers."
        )
    if code == "unknown_internship":
        return _("There is no internship plan with this link. It may have been deleted.")
    if code == "bad_field":
        return _("The field %(field)s cannot be used as it is.", field=detail.get("field"))
    if code == "other_role":
        return _("This result was made by the other role, so it cannot be added for this one.")
    if code == "already_attached":
        return _("This result already belongs to an internship plan.")
    if code == "too_large":
        return _("The request is too large.")
    if code == "not_text":
        return _("Give the comment as text, or leave it out.")
    if code == "too_long":
        return _(
            "This comment is too long: at most %(num)d characters, please.",
            num=detail["max_length"],
        )
    if code == "unknown_programme":
        return _("There is no programme with this admin link. It may have been revoked.")
    if code == "bad_dates":
        return _("The phase dates must follow each other: start, then middle, then end.")
    if code == "group_too_small":
        return _(
            "The smallest group must be at least %(num)d people, to keep figures anonymous.",
            num=detail["minimum"],
        )
    return _("This answer cannot be used.")
