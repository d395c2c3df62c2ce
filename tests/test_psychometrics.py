"""The psychometrics report: figures checked against an independent computation in the test,
the minimum samples at N - 1 and N, who counts as the same person, and the page and CLI."""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from datetime import timedelta
from fractions import Fraction

import pytest

from quizapp.extensions import db
from quizapp.internships.store import create_internship
from quizapp.models import Response
from quizapp.psychometrics import MINIMUM, report, summary
from quizapp.psychometrics.page import build_reports, render_reports, stored_rows
from quizapp.psychometrics.report import NORMS, RETEST_DAYS, halves
from quizapp.results.store import create_invitation, create_response

from .generate import (
    START,
    Row,
    ladder_answers,
    leadership_answers,
    learning_answers,
    learning_rows,
    preferences,
    true_levels,
)
from .test_register import INFORMAL, words

# --- an independent computation of the figures, written without the engine or quizapp.stats


def difference(item_list, answers: dict, plus: str, minus: str) -> int:
    """Points of `plus` minus points of `minus` over ranked items (4 for first ... 1 for last)."""
    total = 0
    for item in item_list:
        for place, option_id in enumerate(answers[item.id]):
            scale = next(o.scale for o in item.options if o.id == option_id)
            total += (4 - place) * ((scale == plus) - (scale == minus))
    return total


def linear_kappa(pairs: list[tuple[int, int]]) -> Fraction:
    """Cohen's linear weighted kappa in exact fractions, from a 4 x 4 table of steps 1..4."""
    n = len(pairs)
    table = [
        [sum(1 for a, b in pairs if (a, b) == (i, j)) for j in range(1, 5)] for i in range(1, 5)
    ]
    rows = [sum(r) for r in table]
    cols = [sum(table[i][j] for i in range(4)) for j in range(4)]
    observed = sum(Fraction(abs(i - j) * table[i][j], n) for i in range(4) for j in range(4))
    expected = sum(
        Fraction(abs(i - j) * rows[i] * cols[j], n * n) for i in range(4) for j in range(4)
    )
    return 1 - observed / expected


@pytest.fixture
def ls(library):
    return library.questionnaires["learning-styles"]


@pytest.fixture
def lead(library):
    return library.questionnaires["leadership-styles"]


@pytest.fixture
def ladder(library):
    return library.questionnaires["competence-ladder"]


def test_learning_style_figures_match_an_independent_computation(app, ls):
    rows = learning_rows(ls, 240, seed=3, spread=1.0, first_bonus=0.3)
    with app.app_context():
        for row in rows:
            create_response(ls, row.answers, row.lang, perspective="self")
        r = report(stored_rows("learning-styles", 2), ls, 2)
    answers = [row.answers for row in rows]
    cycle = ls.part("cycle").items

    assert r.n == 240
    assert r.unscorable == 0
    assert dict(r.by_lang) == {"en": 120, "nl": 120}
    assert r.by_form == (("trainee", 240),)

    ac_ce = [difference(cycle, a, "AC", "CE") for a in answers]
    ae_ro = [difference(cycle, a, "AE", "RO") for a in answers]
    ce = [
        sum(4 - a[i.id].index(next(o.id for o in i.options if o.scale == "CE")) for i in cycle)
        for a in answers
    ]
    scores = {(row.scale, row.form): row for row in r.scores}
    for scale, values in (("AC-CE", ac_ce), ("AE-RO", ae_ro), ("CE", ce)):
        row = scores[scale, "trainee"]
        assert row.n == 240
        assert row.mean == pytest.approx(statistics.fmean(values))
        assert row.sd == pytest.approx(statistics.stdev(values))
        assert (row.low, row.high) == (min(values), max(values))
    flexibility = scores["flexibility", "trainee"]
    assert flexibility.n == 80  # only every third person answered the optional part

    # local thirds: quantiles 1/3 and 2/3, inclusive method (definition 7)
    for thirds, values in zip(r.thirds, (ac_ce, ae_ro), strict=True):
        lower, upper = statistics.quantiles(values, n=3, method="inclusive")
        assert thirds.cuts == pytest.approx((lower, upper))
        assert thirds.counts == (
            sum(v <= lower for v in values),
            sum(lower < v <= upper for v in values),
            sum(v > upper for v in values),
        )
        assert dict(thirds.histogram) == Counter(values)
        assert thirds.norms_need.more == NORMS - 240
    concrete, mid, abstract = r.thirds[0].bands  # the file's cut points: <= -5, -4..4, >= 5
    assert (concrete.count, mid.count, abstract.count) == (
        sum(v <= -5 for v in ac_ce),
        sum(-4 <= v <= 4 for v in ac_ce),
        sum(v >= 5 for v in ac_ce),
    )

    # the ending listed first, ranked first: 12 cycle items each, 8 context items every third
    ranked = [(i, a[i.id]) for a in answers for i in ls.items if i.id in a]
    first = r.first_listed[0]
    assert first.answers == len(ranked) == 240 * 12 + 80 * 8
    assert first.by_position == tuple(
        sum(ranking[0] == item.options[k].id for item, ranking in ranked) for k in range(4)
    )
    assert first.expected == pytest.approx(0.25)
    assert first.share == pytest.approx(first.by_position[0] / first.answers)
    assert first.share > 0.3  # the generator favours the first ending
    assert first.deviation == pytest.approx(first.share - 0.25)
    ls01 = next(o for o in r.options if o.item == "ls01")
    places = Counter((a["ls01"][p], p + 1) for a in answers for p in range(4))
    assert ls01.columns == ("1", "2", "3", "4")
    assert ls01.counts == tuple(
        tuple(places[o, p] for p in range(1, 5)) for o in ("a", "b", "c", "d")
    )

    # split-half: odd against even items of the cycle, stepped up with Spearman-Brown
    odd, even = cycle[0::2], cycle[1::2]
    assert halves(ls, "AC-CE") == (tuple(i.id for i in odd), tuple(i.id for i in even))
    for split, (plus, minus) in zip(r.split_half, (("AC", "CE"), ("AE", "RO")), strict=True):
        r_half = statistics.correlation(
            [difference(odd, a, plus, minus) for a in answers],
            [difference(even, a, plus, minus) for a in answers],
        )
        assert split.n == 240
        assert split.items == (6, 6)
        assert split.halves_r == pytest.approx(r_half)
        assert split.reliability == pytest.approx(2 * r_half / (1 + r_half))
        low, high = split.interval
        assert low < split.reliability < high
    # the same answers give the same interval (a seeded bootstrap)
    assert report(rows, ls).split_half == r.split_half


@pytest.mark.parametrize(("spread", "low", "high"), [(1.0, 0.8, 0.95), (0.0, -0.3, 0.3)])
def test_split_half_reliability_follows_the_structure_built_into_the_answers(ls, spread, low, high):
    # A lasting preference (spread 1) makes both halves agree; random rankings (spread 0) not.
    r = report(learning_rows(ls, 400, seed=5, spread=spread), ls)
    for split in r.split_half:
        assert low < split.reliability < high
        if spread == 0:
            assert split.interval[0] < 0 < split.interval[1]
        else:
            assert split.interval[0] > 0.8


def test_first_listed_share_without_a_bias_is_close_to_a_quarter(ls):
    first = report(learning_rows(ls, 400, seed=8), ls).first_listed[0]
    assert first.share == pytest.approx(0.25, abs=0.015)


def test_leadership_figures_match_an_independent_computation(lead):
    rng = random.Random(4)
    rows = [
        Row(id=k, answers=leadership_answers(lead, rng, 0.5), perspective=None) for k in range(60)
    ]
    r = report(rows, lead)
    answers = [row.answers for row in rows]
    best = {i.id: max(i.options, key=lambda o: o.points).id for i in lead.items}
    best_fit = [sum(a[i] == best[i] for i in best) for a in answers]
    points = [sum(lead.item(i).option(a[i]).points for i in a) for a in answers]
    scores = {row.scale: row for row in r.scores}
    assert r.by_form == (("mentor", 60),)  # the mentors' questionnaire: every answer is theirs
    assert scores["best-fit"].mean == pytest.approx(statistics.fmean(best_fit))
    assert scores["best-fit"].sd == pytest.approx(statistics.stdev(best_fit))
    assert scores["adaptability"].mean == pytest.approx(statistics.fmean(points))
    first = r.first_listed[0]
    assert first.answers == 60 * 12
    assert first.by_position[0] == sum(
        a[i.id] == i.options[0].id for a in answers for i in lead.items
    )
    sit01 = next(o for o in r.options if o.item == "sit01")
    assert sit01.columns == ("chosen",)
    assert sit01.counts == tuple((sum(a["sit01"] == o for a in answers),) for o in "abcd")
    assert r.thirds == ()
    assert [s.scale for s in r.split_half] == ["best-fit", "adaptability"]
    assert all(not s.needs.met and s.needs.more == 140 for s in r.split_half)
    assert ("thirds", "own_bands") in r.not_applicable


@pytest.mark.parametrize(
    ("analysis", "minimum"),
    [("scores", 10), ("options", 30), ("thirds", 100), ("split_half", 200)],
)
def test_each_estimate_appears_from_its_minimum_sample(ls, analysis, minimum):
    assert MINIMUM[analysis] == minimum
    rows = learning_rows(ls, minimum, seed=2)

    def estimate(r):
        return {
            "scores": next(s for s in r.scores if s.scale == "AC-CE"),
            "options": r.first_listed[0],
            "thirds": r.thirds[0],
            "split_half": r.split_half[0],
        }[analysis]

    below, at = estimate(report(rows[:-1], ls)), estimate(report(rows, ls))
    assert (below.needs.met, below.needs.more) == (False, 1)
    assert (at.needs.met, at.needs.more) == (True, 0)
    value = {"scores": "mean", "options": "share", "thirds": "cuts", "split_half": "reliability"}
    if analysis != "options":
        assert getattr(below, value[analysis]) is None
    assert getattr(at, value[analysis]) is not None


def person_rows(ls, people: int, days_apart: int, seed: int = 6) -> list[Row]:
    """Two answers per person, linked by a series, `days_apart` days apart."""
    rng = random.Random(seed)
    rows = []
    for k in range(people):
        prefer = preferences(rng, 1.0)
        for time in (0, 1):
            rows.append(
                Row(
                    id=len(rows) + 1,
                    answers=learning_answers(ls, rng, prefer),
                    series=f"person{k}",
                    created=START + timedelta(days=time * (days_apart + k % 5)),
                )
            )
    return rows


def test_retest_pairs_each_persons_first_answer_with_one_a_week_or_more_later(ls):
    rows = person_rows(ls, 49, days_apart=14)
    r = report(rows, ls)
    assert (r.retest.pairs, r.retest.needs.met, r.retest.needs.more) == (49, False, 1)
    assert r.retest.scores == ()
    # a 50th person: twice within the week (not a retest), then again ten days after the first
    prefer = preferences(random.Random(9), 1.0)
    for n, day in enumerate((0, RETEST_DAYS - 1, 10)):
        rows.append(
            Row(
                id=1000 + n,
                answers=learning_answers(ls, random.Random(n), prefer),
                series="late",
                created=START + timedelta(days=day),
            )
        )
    r = report(rows, ls)
    assert (r.retest.pairs, r.retest.needs.met) == (50, True)
    days = [14 + k % 5 for k in range(49)] + [10]
    assert r.retest.days == (statistics.median(days), 10, 18)
    by_person: dict = {}
    for row in sorted(rows, key=lambda row: row.created):
        by_person.setdefault(row.series, []).append(row)
    pairs = [(p[0], p[1] if len(p) == 2 else p[2]) for p in by_person.values()]
    cycle = ls.part("cycle").items
    first = [difference(cycle, a.answers, "AC", "CE") for a, _ in pairs]
    second = [difference(cycle, b.answers, "AC", "CE") for _, b in pairs]
    ac_ce = r.retest.scores[0]
    assert ac_ce.scale == "AC-CE"
    assert ac_ce.r == pytest.approx(statistics.correlation(first, second))
    assert ac_ce.interval[0] < ac_ce.r < ac_ce.interval[1]
    assert [c.classification for c in r.retest.same_class] == ["region", "style"]
    assert all(c.both == 50 for c in r.retest.same_class)


def test_a_series_and_an_internship_role_link_answers_of_one_person(ls):
    rows = learning_rows(ls, 4, seed=1)
    # one person: a series, the same series placed in internship 7, then internship 7 again
    rows[0].series, rows[0].created = "x", START
    rows[1].series, rows[1].internship_id, rows[1].role = "x", 7, "trainee"
    rows[1].created = START + timedelta(days=30)
    rows[2].series, rows[2].internship_id, rows[2].role = "y", 7, "trainee"
    rows[2].created = START + timedelta(days=60)
    # another person in internship 7 in another role is not the same person
    rows[3].series, rows[3].internship_id, rows[3].role = "z", 7, "mentor"
    rows[3].created = START + timedelta(days=60)
    assert report(rows, ls).retest.pairs == 1


def store_ladder_pair(ladder, rng, *, phase="end", internship=None):
    """A trainee's own rating and their mentor's, linked by an invitation or an internship."""
    levels = true_levels(ladder, rng)
    own = ladder_answers(ladder, rng, levels, 0.3)
    mentor = ladder_answers(ladder, rng, levels, 0.3)
    if internship is not None:
        create_response(
            ladder, own, "en", perspective="self", phase=phase, internship=(internship, "trainee")
        )
        create_response(
            ladder,
            mentor,
            "nl",
            perspective="mentor",
            phase=phase,
            internship=(internship, "mentor"),
        )
    else:
        first = create_response(ladder, own, "en", perspective="self", phase=phase)
        invitation = create_invitation(first, "mentor")
        create_response(ladder, mentor, "nl", phase=phase, invitation=invitation)
    return own, mentor


def test_trainee_mentor_kappa_matches_an_independent_computation(app, ladder):
    rng = random.Random(12)
    pairs = []
    with app.app_context():
        for _ in range(56):
            pairs.append(store_ladder_pair(ladder, rng))
        for _ in range(6):
            pairs.append(store_ladder_pair(ladder, rng, internship=create_internship()))
        # a trainee rated at the start and at the end: the end ratings are the pair
        internship = create_internship()
        store_ladder_pair(ladder, rng, phase="start", internship=internship)
        pairs.append(store_ladder_pair(ladder, rng, phase="end", internship=internship))
        # a trainee whose mentor has not rated yet gives no pair
        create_response(
            ladder,
            ladder_answers(ladder, rng, true_levels(ladder, rng), 0),
            "en",
            perspective="self",
        )
        r = report(stored_rows("competence-ladder", 2), ladder, 2)
    assert r.n == 2 * 63 + 2 + 1
    assert dict(r.by_form) == {"trainee": 65, "mentor": 64}
    assert r.split_half == ()
    assert r.retest is None
    for agreement, item in zip(r.agreement, ladder.items, strict=True):
        steps = [
            (own[item.id], mentor[item.id])
            for own, mentor in pairs
            if isinstance(own[item.id], int) and isinstance(mentor[item.id], int)
        ]
        assert agreement.item == item.id
        assert agreement.pairs == len(steps)
        assert agreement.needs.met == (len(steps) >= 50)
        if agreement.needs.met:
            assert agreement.kappa == pytest.approx(float(linear_kappa(steps)))
            assert agreement.exact == sum(a == b for a, b in steps)
            assert agreement.apart == sum(abs(a - b) >= 2 for a, b in steps)
            assert agreement.interval[0] < agreement.kappa < agreement.interval[1]
        else:
            assert agreement.kappa is None
    assert any(a.needs.met for a in r.agreement)


def test_agreement_appears_from_fifty_pairs(ladder):
    rng = random.Random(3)
    rows = []
    for k in range(50):
        levels = true_levels(ladder, rng)
        for perspective in ("self", "mentor"):
            answers = {i.id: levels[i.id] for i in ladder.items}
            rows.append(Row(id=len(rows), answers=answers, perspective=perspective, series=f"t{k}"))
    below = report(rows[:-2], ladder).agreement[0]
    at = report(rows, ladder).agreement[0]
    assert (below.pairs, below.needs.more, below.kappa) == (49, 1, None)
    assert (at.pairs, at.needs.more, at.kappa, at.exact, at.apart) == (50, 0, 1.0, 50, 0)


def test_answers_that_no_longer_fit_are_counted_and_left_out(ls):
    rows = learning_rows(ls, 12, seed=1)
    rows[0].answers = {"ls01": ["a", "b"]}
    rows[1].answers = {"old-item": ["a", "b", "c", "d"]}
    r = report(rows, ls, version=1)
    assert (r.n, r.unscorable, r.version, r.scored_with) == (10, 2, 1, 2)


def test_stored_rows_carry_the_internship_and_leave_out_expired_results(app, ls, lead):
    rows = learning_rows(ls, 3, seed=1)
    with app.app_context():
        internship = create_internship()
        placed = create_response(
            ls, rows[0].answers, "nl", perspective="self", internship=(internship, "trainee")
        )
        other = create_response(ls, rows[1].answers, "en", perspective="self")
        old = create_response(ls, rows[2].answers, "en", perspective="self")
        old.created = old.created - timedelta(days=app.config["RESULT_RETENTION_DAYS"] + 1)
        create_response(lead, leadership_answers(lead, random.Random(1), 1), "en")
        db.session.commit()
        stored = list(stored_rows("learning-styles", 2))
        assert [(s.id, s.lang, s.internship_id, s.role) for s in stored] == [
            (placed.id, "nl", internship.id, "trainee"),
            (other.id, "en", None, None),
        ]
        assert stored[0].answers == rows[0].answers
        assert list(stored_rows("learning-styles", 1)) == []
        # one report per questionnaire, the current version where nothing is stored
        reports = build_reports()
        assert [(r.questionnaire, r.version, r.n) for r in reports] == [
            ("competence-ladder", 2, 0),
            ("expectations", 1, 0),
            ("leadership-styles", 2, 1),
            ("learning-styles", 2, 2),
            ("process-evaluation", 1, 0),
        ]
        assert db.session.get(Response, old.id) is not None  # expired rows are left alone


def page_text(app, reports, lang: str) -> str:
    with app.test_request_context(f"/?lang={lang}"):
        return render_reports(reports, standalone=True)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_shows_the_figures_and_what_is_still_needed(app, ls, lead, lang):
    short = report(learning_rows(ls, 199, seed=4), ls)
    full = report(learning_rows(ls, 200, seed=4), ls)
    leadership = report(
        [
            Row(id=k, answers=leadership_answers(lead, random.Random(k), 0.5), perspective=None)
            for k in range(30)
        ],
        lead,
    )
    html = page_text(app, [short, leadership], lang)
    text = words(html)
    if lang == "en":
        assert "Shown from 200 answers: 1 more answer needed." in text
        assert "Shown from 200 answers: 170 more answers needed." in text  # leadership
        assert "The four style counts add up" in text
    else:
        assert "Getoond vanaf 200 antwoorden: nog 1 antwoord nodig." in text
        assert INFORMAL.findall(text) == []  # professionals: "u", never "je"
    assert f'<html lang="{lang}">' in html
    assert "<style>" in html
    assert "/static/app.css" not in html
    html = page_text(app, [full], lang)
    reliability = full.split_half[0].reliability
    written = f"{reliability:.2f}" if lang == "en" else f"{reliability:.2f}".replace(".", ",")
    assert f"<strong>{written}</strong>" in html
    assert "1 more answer needed" not in html
    assert len(re.findall(r'<svg[^>]+class="chart-svg chart-histogram"', html)) == 2
    assert len(re.findall(r'<svg[^>]+class="chart-svg chart-shares"', html)) == 1


def test_cli_writes_the_report_and_prints_its_key_figures(app, runner, lead, tmp_path):
    rng = random.Random(2)
    with app.app_context():
        for _ in range(31):
            create_response(lead, leadership_answers(lead, rng, 0.5), "en")
    out = tmp_path / "report.html"
    result = runner.invoke(
        args=[
            "questionnaires",
            "psychometrics",
            "--questionnaire",
            "leadership-styles",
            "--lang",
            "nl",
            "--out",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        expected = summary(report(stored_rows("leadership-styles", 2), lead))
    assert result.output.splitlines() == [*expected, f"Wrote {out}"]
    assert expected[0] == "leadership-styles version 2: 31 answers (en 31)"
    html = out.read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    assert "Psychometrisch rapport" in html
    for args, message in (
        (["--questionnaire", "nope"], "no questionnaire 'nope'"),
        (["--lang", "xx"], "choose one of " + ", ".join(app.config["LANGUAGES"])),
        (["--version", "2"], "give --questionnaire with --version"),
    ):
        bad = runner.invoke(args=["questionnaires", "psychometrics", *args, "--out", str(out)])
        assert bad.exit_code == 2
        assert message in bad.output
