"""A programme's data out: one row per result, as CSV, Excel or JSON, with a codebook.

Each row is one result of a role that agreed (and each coordinator's own result): pseudonymous
ids, questionnaire and version, language, role, phase, the day, the raw answer to every item
and the scores. No tokens and no names; the only words about who it is are the label the
coordinator gave the internship, if any.

The ids are HMAC-SHA256 of the row's own id with the programme's secret: stable within the
programme (a person's results share their internship's id and role), different in every other
programme, and not reversible to a token or a database id without the secret, which is never
shown.

Nothing is held in memory whole: CSV is written row by row from a server-side cursor (data.
stream_entries), Excel into a temporary file by openpyxl in write-only mode.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from ..engine import check_answers, score, score_range
from ..i18n import qt
from .data import Entry, phase_of

ID_LENGTH = 12  # hex digits: 48 bits, no clash expected below millions of rows
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIXED = (
    "response",
    "internship",
    "label",
    "role",
    "questionnaire",
    "version",
    "lang",
    "phase",
    "date",
)


def pseudonym(secret: str, kind: str, row_id: int) -> str:
    """A row's id in the export: stable within the programme, not reversible without its
    secret."""
    digest = hmac.new(secret.encode(), f"{kind}:{row_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:ID_LENGTH]


@dataclass(frozen=True)
class Column:
    """One column of the export and its line in the codebook."""

    name: str
    questionnaire: str | None
    what: str  # "info", "answer", "score" or "class"
    item: object = None
    scale: object = None
    classification: object = None


def columns(library: dict) -> list[Column]:
    """Every column: the fixed ones, then per questionnaire its items, scores and classes."""
    found = [Column(name, None, "info") for name in FIXED]
    for q in library.values():
        found += [Column(f"{q.id}.{item.id}", q.id, "answer", item=item) for item in q.items]
        found += [Column(f"{q.id}.score.{s.id}", q.id, "score", scale=s) for s in q.scales]
        found += [
            Column(f"{q.id}.class.{c.id}", q.id, "class", classification=c)
            for c in q.classifications
        ]
    return found


def answer_text(item, answer) -> object:
    """An answer as one cell: a ranking as option ids in order, most like first ("b>a>d>c")."""
    if answer is None:
        return None
    if item.kind == "rank" and isinstance(answer, list):
        return ">".join(str(a) for a in answer)
    return answer


def safe_text(value):
    """A typed text that a spreadsheet program will not run as a formula: a ' in front of one
    that starts with =, +, -, @ or a control character."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def record(entry: Entry, programme, library: dict, labels: dict[int, str | None]) -> dict:
    """One result as the export gives it (JSON-ready; the CSV and Excel rows are made from
    it)."""
    q = library.get(entry.questionnaire)
    scores, classes = {}, {}
    if q is not None and not check_answers(q, entry.answers):
        result = score(q, entry.answers)
        scores = {s.id: result.scores.get(s.id) for s in q.scales}
        classes = {c.id: result.profile.get(c.id) for c in q.classifications}
    answers = {}
    if q is not None:
        for item in q.items:
            if item.id in entry.answers:
                answers[item.id] = entry.answers[item.id]
    coordinator = entry.role == "coordinator"
    return {
        "response": pseudonym(programme.secret, "response", entry.response_id),
        "internship": None
        if coordinator
        else pseudonym(programme.secret, "internship", entry.internship_id),
        "label": None if coordinator else labels.get(entry.internship_id),
        "role": entry.role,
        "questionnaire": entry.questionnaire,
        "version": entry.version,
        "lang": entry.lang,
        "phase": phase_of(entry, programme),
        "date": entry.day.isoformat(),
        "answers": answers,
        "scores": scores,
        "classes": classes,
    }


def whole(value):
    """A score that is a whole number as an int, so that CSV and Excel both read 4, not 4.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def row(rec: dict, cols: list[Column], for_csv: bool = False) -> list:
    """A record as the cells of one row, in the order of the columns. In CSV a typed text is
    made safe for spreadsheet programs (safe_text); Excel cells hold it as text anyway."""
    cells = []
    for col in cols:
        typed = col.name == "label" or (col.what == "answer" and col.item.kind == "text")
        if col.what == "info":
            value = rec[col.name]
        elif col.questionnaire != rec["questionnaire"]:
            value = None
        elif col.what == "answer":
            value = answer_text(col.item, rec["answers"].get(col.item.id))
        elif col.what == "score":
            value = whole(rec["scores"].get(col.scale.id))
        else:
            value = rec["classes"].get(col.classification.id)
        cells.append(safe_text(value) if for_csv and typed else value)
    return cells


def records(programme, library, entries, coordinators, labels) -> Iterator[dict]:
    """Every record: the participants' results, then the coordinators' own."""
    for entry in entries:
        yield record(entry, programme, library, labels)
    for entry in coordinators:
        yield record(entry, programme, library, labels)


def csv_lines(cols: list[Column], recs: Iterator[dict]) -> Iterator[str]:
    """The CSV file line by line: a byte-order mark (so spreadsheet programs read UTF-8),
    the header, then one line per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([c.name for c in cols])
    yield "\ufeff" + flush()
    for rec in recs:
        writer.writerow(["" if v is None else v for v in row(rec, cols, for_csv=True)])
        yield flush()


def _values(q, item) -> str:
    """What the values of an answer column mean."""
    if item.kind == "text":
        return _(
            "Text as typed; a ' is put in front of a text that starts with =, +, - or @ in the"
            " CSV file, so that spreadsheet programs do not run it as a formula."
        )
    options = "; ".join(f"{o.id} = {qt(q.id, o.text)}" for o in item.options)
    if item.kind == "rank":
        return _(
            "The option ids in the order given, most like first (a>b>c>d): %(options)s",
            options=options,
        )
    if item.kind == "stage":
        steps = "; ".join(f"{s.value} = {qt(q.id, s.short)}" for s in q.stages)
        none = "; ".join(f"{n.id} = {qt(q.id, n.text)}" for n in q.no_rating)
        return _("The step: %(steps)s; or %(none)s; empty: not rated", steps=steps, none=none)
    return _("The option chosen: %(options)s", options=options)


def codebook(cols: list[Column], library: dict) -> list[list[str]]:
    """One line per column, in the page's language: its name, questionnaire, what kind of
    column it is, what it holds and what its values mean."""
    kinds = {
        "info": _("about the result"),
        "answer": _("answer"),
        "score": _("score"),
        "class": _("class"),
    }
    fixed = {
        "response": (
            _("Pseudonymous id of the result"),
            _("12 letters and digits, the same in every download of this programme"),
        ),
        "internship": (
            _("Pseudonymous id of the internship: with the role, it stands for one person"),
            _("12 letters and digits; empty for a coordinator's own results"),
        ),
        "label": (
            _("The label the coordinator gave the internship"),
            _("Text; empty without a label"),
        ),
        "role": (_("Who answered"), _("trainee, mentor or coordinator")),
        "questionnaire": (_("The questionnaire"), _("Its id, as in the column names")),
        "version": (_("The version of the questionnaire"), _("A whole number")),
        "lang": (_("The language the questionnaire was answered in"), _("A language code")),
        "phase": (
            _("The rating phase"),
            _(
                "start, middle or end: the phase the rater chose, else the last phase that"
                " had begun on the day the result was made"
            ),
        ),
        "date": (_("The day the result was made"), _("YYYY-MM-DD (UTC)")),
    }
    lines = [[_("column"), _("questionnaire"), _("kind"), _("what it is"), _("values")]]
    for col in cols:
        q = library.get(col.questionnaire) if col.questionnaire else None
        if col.what == "info":
            lines.append([col.name, "", kinds["info"], *fixed[col.name]])
        elif col.what == "answer":
            what = qt(q.id, col.item.stem)
            lines.append([col.name, q.id, kinds["answer"], what, _values(q, col.item)])
        elif col.what == "score":
            lo, hi = score_range(q, col.scale.id)
            values = _("From %(low)s to %(high)s", low=f"{lo:g}", high=f"{hi:g}")
            lines.append([col.name, q.id, kinds["score"], qt(q.id, col.scale.name), values])
        else:
            c = col.classification
            values = "; ".join(f"{x.id} = {qt(q.id, x.name)}" for x in c.classes)
            lines.append([col.name, q.id, kinds["class"], qt(q.id, c.name), values])
    return [[str(v) for v in line] for line in lines]


def _text_cell(sheet, value):
    """A cell that holds text as text, even when it starts with "=" (never a formula)."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def write_workbook(cols, recs: Iterator[dict], book_lines: list[list[str]], sheet_names) -> str:
    """Write the Excel file (write-only mode: rows go to disk as they come) into a temporary
    file; return its path (the caller deletes it)."""
    book = Workbook(write_only=True)
    data = book.create_sheet(sheet_names[0])
    data.append([_text_cell(data, c.name) for c in cols])
    for rec in recs:
        data.append([_text_cell(data, v) for v in row(rec, cols)])
    info = book.create_sheet(sheet_names[1])
    for line in book_lines:
        info.append([_text_cell(info, v) for v in line])
    handle, path = tempfile.mkstemp(suffix=".xlsx", prefix="quizapp-export-")
    os.close(handle)
    book.save(path)
    return path
