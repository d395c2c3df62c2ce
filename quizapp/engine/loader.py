"""Load questionnaire files and the handbook file, with errors that name file and item."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .checks import check_questionnaire
from .schema import Handbook, Questionnaire

HANDBOOK_FILE = "handbook.yaml"


class DefinitionError(Exception):
    """One or more definition files are broken; `problems` lists them, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Library:
    """All questionnaires by id, in file-name order, and the handbook."""

    questionnaires: dict[str, Questionnaire]
    handbook: Handbook


def _read_yaml(path: Path) -> tuple[object, list[str]]:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except (OSError, yaml.YAMLError) as exc:
        return None, [f"{path.name}: cannot read: {exc}"]


def _where(data: object, loc: tuple) -> str:
    """Turn a pydantic error location into words, naming items by their id."""
    words = []
    node = data
    for key in loc:
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            label = node.get("id") if isinstance(node, dict) else None
            words[-1] = f"{words[-1]} {label}" if label else f"{words[-1]}[{key + 1}]"
        elif isinstance(node, dict):
            node = node.get(key)
            words.append(singular(str(key)))
        else:
            words.append(str(key))
    return " ".join(words)


def singular(key: str) -> str:
    """Return the singular of a plural key of the file format (items -> item)."""
    return {
        "items": "item",
        "options": "option",
        "parts": "part",
        "scales": "scale",
        "classes": "class",
        "bands": "band",
        "axes": "axis",
        "sections": "section",
        "recommendations": "recommendation",
        "classifications": "classification",
        "tags": "tag",
        "chapters": "chapter",
    }.get(key, key)


def _parse(model, path: Path, data: object) -> tuple[object, list[str]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = _where(data, err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            problems.append(
                f"{path.name}: {where}: {message}" if where else f"{path.name}: {message}"
            )
        return None, problems


def load_handbook(directory: Path) -> Handbook:
    """Load and validate the handbook file."""
    path = Path(directory) / HANDBOOK_FILE
    data, problems = _read_yaml(path)
    handbook, more = _parse(Handbook, path, data) if not problems else (None, [])
    if problems or more:
        raise DefinitionError(problems + more)
    return handbook


def load_library(directory: Path) -> Library:
    """Load every questionnaire file and the handbook; raise DefinitionError on any problem."""
    directory = Path(directory)
    handbook = load_handbook(directory)
    found: dict[str, Questionnaire] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == HANDBOOK_FILE:
            continue
        data, read_problems = _read_yaml(path)
        if read_problems:
            problems += read_problems
            continue
        q, parse_problems = _parse(Questionnaire, path, data)
        if parse_problems:
            problems += parse_problems
            continue
        problems += [f"{path.name}: {p}" for p in check_questionnaire(q, handbook)]
        if q.id != path.stem:
            problems.append(f"{path.name}: id {q.id} must match the file name")
        if q.id in found:
            problems.append(f"{path.name}: questionnaire id {q.id} is used twice")
        found[q.id] = q
    if problems:
        raise DefinitionError(problems)
    return Library(found, handbook)
