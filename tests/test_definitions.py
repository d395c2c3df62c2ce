"""Questionnaire files: loading, schema errors that name file and item, the check command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from quizapp.engine import DefinitionError, load_library, score_range

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def qdir(tmp_path):
    """A copy of the questionnaire folder to break."""
    target = tmp_path / "questionnaires"
    shutil.copytree(ROOT / "questionnaires", target)
    return target


def edit(qdir, name, change):
    path = qdir / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def problems(qdir) -> list[str]:
    with pytest.raises(DefinitionError) as exc:
        load_library(qdir)
    return exc.value.problems


def test_shipped_files_load(library):
    assert sorted(library.questionnaires) == [
        "competence-ladder",
        "expectations",
        "leadership-styles",
        "learning-styles",
        "process-evaluation",
    ]
    assert len(library.handbook.sections) == 16


def test_score_ranges(library):
    q = library.questionnaires["learning-styles"]
    assert score_range(q, "CE") == (12, 48)
    assert score_range(q, "AE-RO") == (-36, 36)
    lead = library.questionnaires["leadership-styles"]
    assert score_range(lead, "adaptability") == (-24, 24)
    assert score_range(lead, "best-fit") == (0, 12)
    assert score_range(lead, "best-fit-D1") == (0, 3)
    assert score_range(lead, "poor-fit-D4") == (0, 3)
    assert score_range(lead, "S1") == (0, 12)


def _first_item(d):
    return d["parts"][0]["items"][0]


def _scale(d, scale_id):
    return next(s for s in d["scales"] if s["id"] == scale_id)


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "learning-styles",
            lambda d: d["parts"][0]["items"][1].update(id="ls01"),
            "learning-styles.yaml: item ls01: duplicate item id",
        ),
        (
            "learning-styles",
            lambda d: _first_item(d)["options"][0].update(scale="XX"),
            "learning-styles.yaml: item ls01 option a: unknown scale XX",
        ),
        (
            "learning-styles",
            lambda d: _first_item(d)["options"][0].pop("scale"),
            "learning-styles.yaml: item ls01 option a: option without a scale",
        ),
        (
            "learning-styles",
            lambda d: _first_item(d)["options"][1].update(id="a"),
            "learning-styles.yaml: part cycle item ls01: duplicate option id a",
        ),
        (
            "learning-styles",
            lambda d: d["classifications"][0]["axes"][0]["bands"][1].update(min=-50),
            "learning-styles.yaml: classification region axis AC-CE: band mid min -50 is out of"
            " range -36..36",
        ),
        (
            "learning-styles",
            lambda d: d["classifications"][0]["axes"][0]["bands"][2].update(min=6),
            "learning-styles.yaml: classification region axis AC-CE: band abstract min 6 must"
            " follow band mid max 4 by one (whole-number score)",
        ),
        (
            "learning-styles",
            lambda d: d["classifications"][0]["classes"].pop(),
            "learning-styles.yaml: classification region: no class for bands abstract, active",
        ),
        (
            "learning-styles",
            lambda d: d["recommendations"][0].update(section="9.9"),
            "learning-styles.yaml: recommendation whole-cycle: unknown handbook section 9.9",
        ),
        (
            "learning-styles",
            lambda d: d["recommendations"][1].update(when={"score": "nope", "max": 1}),
            "learning-styles.yaml: recommendation start-watching: condition names unknown"
            " score nope",
        ),
        (
            "learning-styles",
            lambda d: d.update(colour="red"),
            "learning-styles.yaml: colour: Extra inputs are not permitted",
        ),
        (
            "leadership-styles",
            lambda d: _first_item(d)["options"][0].update(points=1),
            "leadership-styles.yaml: item sit01: option points must be +2, +1, -1 and -2",
        ),
        (
            "leadership-styles",
            lambda d: _first_item(d).update(tags=["D2"]),
            "leadership-styles.yaml: tags: each development level must describe equally many"
            " situations; now D1 2, D2 4, D3 3, D4 3",
        ),
        (
            "leadership-styles",
            lambda d: _scale(d, "best-fit").update(with_points=[3]),
            "leadership-styles.yaml: scale best-fit: no option has +3 points",
        ),
        (
            "leadership-styles",
            lambda d: _scale(d, "best-fit").pop("with_points"),
            "leadership-styles.yaml: scale best-fit: `with_points` goes with method count_points,"
            " and it needs one",
        ),
        (
            "leadership-styles",
            lambda d: d["recommendations"][5].update(when={"rarely_used": "best-fit"}),
            "leadership-styles.yaml: recommendation rare-S1: condition rarely_used names"
            " best-fit, not a style of a leadership file",
        ),
        (
            "competence-ladder",
            lambda d: d.pop("comparison"),
            "competence-ladder.yaml: comparison: a competence ladder needs `comparison`"
            " (title, differ_by, source)",
        ),
        (
            "competence-ladder",
            lambda d: d["comparison"].update(differ_by=4),
            "competence-ladder.yaml: comparison: differ_by 4 is more than the ladder's 3 steps",
        ),
        (
            "competence-ladder",
            lambda d: d["no_rating"][0].update(means="unknown"),
            "competence-ladder.yaml: no_rating not-observed means: Input should be"
            " 'not_observed' or 'not_applicable'",
        ),
        (
            "learning-styles",
            lambda d: d.pop("timing"),
            "learning-styles.yaml: timing: Field required",
        ),
    ],
)
def test_schema_errors_name_file_item_and_problem(qdir, name, change, expected):
    edit(qdir, name, change)
    assert expected in problems(qdir)


def test_leadership_key_must_be_balanced(qdir):
    def swap(d):
        item = _first_item(d)
        best = next(o for o in item["options"] if o["points"] == 2)
        second = next(o for o in item["options"] if o["points"] == 1)
        best["points"], second["points"] = 1, 2

    edit(qdir, "leadership-styles", swap)
    [message] = [p for p in problems(qdir) if "key" in p]
    assert message.startswith("leadership-styles.yaml: key: each style must be the +2 answer")


def test_broken_yaml(qdir):
    (qdir / "learning-styles.yaml").write_text("id: [unclosed", encoding="utf-8")
    assert problems(qdir)[0].startswith("learning-styles.yaml: cannot read:")


def test_check_command_passes(runner):
    result = runner.invoke(args=["questionnaires", "check"])
    assert result.exit_code == 0
    assert "5 questionnaires and the handbook are valid." in result.output


def test_check_command_fails_with_messages(app, qdir):
    edit(qdir, "learning-styles", lambda d: _first_item(d)["options"][0].update(scale="XX"))
    edit(qdir, "learning-styles", lambda d: _first_item(d).update(stem="A brand new stem ..."))
    app.config["QUESTIONNAIRE_DIR"] = str(qdir)
    result = app.test_cli_runner().invoke(args=["questionnaires", "check"])
    assert result.exit_code == 1
    assert "learning-styles.yaml: item ls01 option a: unknown scale XX" in result.output
    assert "no nl translation" in result.output
    assert "item ls01 stem" in result.output
