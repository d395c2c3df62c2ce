"""The psychometrics report: statistics of stored responses per questionnaire and version."""

from .report import MINIMUM, NORMS, Report, report, summary

__all__ = ["MINIMUM", "NORMS", "Report", "report", "summary"]
