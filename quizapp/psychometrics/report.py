"""The psychometrics report of one questionnaire and version, from any set of stored responses.

Pure: responses in, plain data out; no Flask, no database. A response is anything with the
attributes of a `Response` row (`id`, `lang`, `answers`, `perspective`, `phase`, `series`,
`created`) and, where known, `internship_id` and `role` (the internship it belongs to, see
`page.stored_rows`). The responses are read once, as a stream: of each one only the few
numbers a statistic needs are kept, never its answers. Scores come from the engine, so the
report scores exactly as the result pages do. docs/psychometrics.md explains every analysis,
its minimum sample and the source of that minimum.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from ..engine import (
    Questionnaire,
    check_answers,
    no_stage_meaning,
    scale_score,
    score,
    score_range,
)
from ..engine.checks import scale_items
from ..engine.scoring import stage_value
from ..stats import (
    LADDER_WEIGHTS,
    Running,
    bootstrap_interval,
    pearson,
    spearman,
    spearman_brown,
    terciles,
    weighted_kappa_table,
)

# The smallest sample from which each estimate is shown (docs/psychometrics.md: sources).
MINIMUM = {
    "scores": 10,  # responses: means and SDs
    "options": 30,  # responses: how often each option is chosen, the first-listed option
    "thirds": 100,  # responses: local terciles
    "split_half": 200,  # responses: split-half reliability
    "retest": 50,  # people who answered twice
    "agreement": 50,  # trainee-mentor pairs, per competence
}
# From this many responses local thirds could replace a file's cut points (our choice).
NORMS = 1000
# Test-retest pairs a person's first answer with their next one at least this many days
# later: an answer given again within the week is more likely a second try than a retest
# (our choice).
RETEST_DAYS = 7
CHOSEN = "chosen"  # the column of choice and ladder items in ItemOptions
# The same weights as the programme's dashboard (stats.LADDER_WEIGHTS): linear.
KAPPA_WEIGHTS = LADDER_WEIGHTS


@dataclass(frozen=True)
class Plan:
    """Which analyses apply to a kind of questionnaire, on which scores, and which do not."""

    thirds: tuple[str, ...] = ()
    reliability: tuple[str, ...] = ()
    agreement: bool = False
    # (analysis, reason): the page says why in words (templates/psychometrics/_report.html)
    not_applicable: tuple[tuple[str, str], ...] = ()


PLANS = {
    "learning-style": Plan(
        thirds=("AC-CE", "AE-RO"),
        reliability=("AC-CE", "AE-RO"),
        not_applicable=(
            ("mode_reliability", "ipsative_modes"),
            ("factor_analysis", "ipsative_modes"),
            ("agreement", "one_rater"),
        ),
    ),
    "leadership": Plan(
        reliability=("best-fit", "adaptability"),
        not_applicable=(
            ("style_reliability", "ipsative_styles"),
            ("thirds", "own_bands"),
            ("agreement", "one_rater"),
        ),
    ),
    "competence-ladder": Plan(
        agreement=True,
        not_applicable=(
            ("split_half", "separate_competences"),
            ("retest", "change_expected"),
            ("thirds", "criterion_steps"),
            ("first_listed", "ordered_options"),
        ),
    ),
    "checklist": Plan(
        not_applicable=(
            ("reliability", "separate_lines"),
            ("first_listed", "ordered_options"),
            ("agreement", "different_questions"),
        ),
    ),
}
OTHER_KIND = Plan(not_applicable=(("reliability", "unknown_kind"),))


@dataclass(frozen=True)
class Needs:
    """A sample size against the minimum an estimate is shown from."""

    have: int
    minimum: int

    @property
    def met(self) -> bool:
        """Whether the estimate is shown."""
        return self.have >= self.minimum

    @property
    def more(self) -> int:
        """How many more are needed (0 once met)."""
        return max(0, self.minimum - self.have)


@dataclass(frozen=True)
class ScoreRow:
    """Mean and SD of one score among the responses of one form (who answered)."""

    scale: str
    form: str
    n: int
    mean: float | None
    sd: float | None
    low: float | None
    high: float | None
    needs: Needs


@dataclass(frozen=True)
class BandShare:
    """How many responses fall in one band of a questionnaire's own cut points."""

    band: str
    min: float | None
    max: float | None
    count: int


@dataclass(frozen=True)
class Thirds:
    """The local terciles of one score, its distribution, and the file's bands beside them."""

    scale: str
    n: int
    low: int  # the score's possible range
    high: int
    histogram: tuple[tuple[int, int], ...]  # (score, how many), scores that occur, ascending
    cuts: tuple[float, float] | None  # quantiles 1/3 and 2/3 (definition 7)
    counts: tuple[int, int, int]  # at or below the first cut, between, above the second
    classification: str | None  # whose bands `bands` are
    bands: tuple[BandShare, ...]
    needs: Needs

    @property
    def norms_need(self) -> Needs:
        """The sample from which the thirds could replace the file's cut points."""
        return Needs(self.n, NORMS)


@dataclass(frozen=True)
class ItemOptions:
    """How often each option of one item was chosen, by one form.

    `columns` are the places of a ranking ("1" = ranked first), "chosen" for a choice, or the
    steps and the no-rating options of a ladder item; `counts[option]` follows them.
    """

    item: str
    form: str
    kind: str
    columns: tuple[str, ...]
    options: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    answered: int


@dataclass(frozen=True)
class FirstListed:
    """How often the option listed first (second, ...) was ranked first or chosen, by one form."""

    form: str
    answers: int  # item answers counted (rankings or choices)
    by_position: tuple[int, ...]  # ranked first / chosen, by place in the list
    expected: float  # the share expected if the order of the list made no difference
    needs: Needs

    @property
    def share(self) -> float | None:
        """The share of answers that put the first-listed option first."""
        return self.by_position[0] / self.answers if self.answers else None

    @property
    def deviation(self) -> float | None:
        """The share minus the expected share (in proportions; the page shows points)."""
        return None if self.share is None else self.share - self.expected


@dataclass(frozen=True)
class SplitHalf:
    """Split-half reliability of one score: odd against even items, stepped up."""

    scale: str
    n: int
    items: tuple[int, int]  # items in the two halves
    halves_r: float | None
    reliability: float | None
    interval: tuple[float, float] | None
    needs: Needs


@dataclass(frozen=True)
class RetestScore:
    """One score at the first and the second time."""

    scale: str
    r: float | None
    rho: float | None
    interval: tuple[float, float] | None


@dataclass(frozen=True)
class SameClass:
    """How many people were in the same class both times."""

    classification: str
    same: int
    both: int


@dataclass(frozen=True)
class Retest:
    """Test-retest: the first two answers of each person who answered twice."""

    pairs: int
    days: tuple[float, int, int] | None  # median, shortest, longest interval in days
    scores: tuple[RetestScore, ...]
    same_class: tuple[SameClass, ...]
    needs: Needs


@dataclass(frozen=True)
class Agreement:
    """Trainee-mentor agreement on one competence (one pair per trainee)."""

    item: str
    pairs: int
    kappa: float | None
    interval: tuple[float, float] | None
    exact: int  # pairs on the same step
    apart: int  # pairs `differ_by` steps or more apart (the comparison page's topic)
    needs: Needs


@dataclass
class Report:
    """Everything the psychometrics page shows of one questionnaire and version."""

    questionnaire: str
    version: int
    scored_with: int  # the version of the file that scored them (the current one)
    kind: str
    audience: str
    n: int = 0
    unscorable: int = 0
    by_lang: tuple[tuple[str, int], ...] = ()
    by_form: tuple[tuple[str, int], ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    scores: tuple[ScoreRow, ...] = ()
    thirds: tuple[Thirds, ...] = ()
    options: tuple[ItemOptions, ...] = ()
    first_listed: tuple[FirstListed, ...] = ()
    split_half: tuple[SplitHalf, ...] = ()
    retest: Retest | None = None
    agreement: tuple[Agreement, ...] = ()
    not_applicable: tuple[tuple[str, str], ...] = ()
    differ_by: int | None = None


def plan_of(q: Questionnaire) -> Plan:
    """The analyses that apply to a questionnaire's kind."""
    return PLANS.get(q.kind, OTHER_KIND)


def form_of(q: Questionnaire, row) -> str:
    """Who answered: "mentor" for the mentor's form, else the questionnaire's audience."""
    return "mentor" if row.perspective == "mentor" else q.audience


def halves(q: Questionnaire, scale_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The items of a score in odd and even places of the file (1st, 3rd, ... and 2nd, ...)."""
    scale = q.scale(scale_id)
    counted = q.scale(scale.of[0]) if scale.method == "difference" else scale
    ids = tuple(item.id for item in scale_items(q, counted))
    return ids[0::2], ids[1::2]


class _Union:
    """Groups of keys that belong together (union-find), e.g. a series and an internship."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, key):
        """The representative of a key's group."""
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, keys) -> None:
        """Put keys into one group."""
        keys = list(keys)
        for key in keys[1:]:
            self.parent[self.find(key)] = self.find(keys[0])


def _person_keys(row, form: str) -> tuple:
    """What links answers of one person: a series (per rater) or a role in an internship."""
    keys = []
    if row.series:
        keys.append(("series", row.series, form))
    internship = getattr(row, "internship_id", None)
    if internship is not None:
        keys.append(("internship", internship, getattr(row, "role", None) or form))
    return tuple(keys)


def _trainee_keys(row) -> tuple:
    """What links a trainee's own ratings with their mentor's: a series or an internship."""
    keys = []
    if row.series:
        keys.append(("series", row.series))
    internship = getattr(row, "internship_id", None)
    if internship is not None:
        keys.append(("internship", internship))
    return tuple(keys)


def _day(value) -> date | None:
    return value.date() if value is not None else None


@dataclass
class _Builder:
    """The state of one pass over the responses."""

    q: Questionnaire
    version: int
    plan: Plan = field(init=False)
    n: int = 0
    unscorable: int = 0
    by_lang: Counter = field(default_factory=Counter)
    by_form: Counter = field(default_factory=Counter)
    first_day: date | None = None
    last_day: date | None = None
    running: dict = field(default_factory=dict)  # (form, scale) -> Running
    option_counts: Counter = field(default_factory=Counter)  # (form, item, option, column)
    answered: Counter = field(default_factory=Counter)  # (form, item)
    first_by_position: Counter = field(default_factory=Counter)  # (form, place in list)
    first_answers: Counter = field(default_factory=Counter)  # form -> item answers counted
    first_expected: Counter = field(default_factory=Counter)  # form -> Σ 1/options
    histograms: dict = field(default_factory=dict)  # scale -> Counter of scores
    split: dict = field(default_factory=dict)  # scale -> Counter of (odd, even)
    people: list = field(default_factory=list)  # (keys, created, id, scores, classes)
    ratings: list = field(default_factory=list)  # (keys, form, phase, created, id, steps)

    halves: dict = field(init=False)  # scale -> (odd item ids, even item ids)
    positions: dict = field(init=False)  # item -> option -> place in the list (0 = first)
    unordered: set = field(init=False)  # items whose options have no order of their own

    def __post_init__(self):
        q = self.q
        self.plan = plan_of(q)
        self.halves = {s: halves(q, s) for s in self.plan.reliability}
        self.histograms = {s: Counter() for s in self.plan.thirds}
        self.split = {s: Counter() for s in self.plan.reliability}
        self.positions = {i.id: {o.id: k for k, o in enumerate(i.options)} for i in q.items}
        self.unordered = {
            item.id
            for item in q.items
            if item.kind in ("rank", "choice") and all(o.value is None for o in item.options)
        }

    def add(self, row) -> None:
        """Take one response into every statistic."""
        q = self.q
        answers = row.answers
        if check_answers(q, answers):
            self.unscorable += 1
            return
        self.n += 1
        form = form_of(q, row)
        self.by_lang[row.lang] += 1
        self.by_form[form] += 1
        day = _day(row.created)
        if day is not None:
            self.first_day = min(self.first_day or day, day)
            self.last_day = max(self.last_day or day, day)
        result = score(q, answers)
        for scale in q.scales:
            value = result.scores.get(scale.id)
            if value is not None:
                self.running.setdefault((form, scale.id), Running()).add(value)
        self._count_options(form, answers)
        if self.plan.agreement:
            self._keep_rating(row, form)
        if form != q.audience:
            return  # thirds, reliability and retest: the questionnaire's own audience only
        for scale_id, histogram in self.histograms.items():
            histogram[result.scores[scale_id]] += 1
        for scale_id, (odd, even) in self.halves.items():
            self.split[scale_id][
                self._half(scale_id, odd, answers), self._half(scale_id, even, answers)
            ] += 1
        keys = _person_keys(row, form)
        if keys and self.plan.reliability:
            self.people.append(
                (
                    keys,
                    row.created,
                    row.id,
                    tuple(result.scores[s] for s in self.plan.reliability),
                    tuple(result.profile.get(c.id) for c in q.classifications),
                )
            )

    def _keep_rating(self, row, form: str) -> None:
        """Keep a ladder rating's steps for trainee-mentor agreement."""
        keys = _trainee_keys(row)
        if keys:
            steps = tuple(stage_value(row.answers.get(item.id)) for item in self.q.items)
            self.ratings.append((keys, form, row.phase, row.created, row.id, steps))

    def _half(self, scale_id: str, items: tuple[str, ...], answers: dict):
        return scale_score(self.q, scale_id, {k: answers[k] for k in items if k in answers})

    def _count_options(self, form: str, answers: dict) -> None:
        q, counts = self.q, self.option_counts
        for item in q.items:
            if item.id not in answers:
                continue
            answer = answers[item.id]
            self.answered[form, item.id] += 1
            if item.kind == "rank":
                for place, option_id in enumerate(answer, start=1):
                    counts[form, item.id, option_id, str(place)] += 1
                first = answer[0]
            elif item.kind == "choice":
                counts[form, item.id, answer, CHOSEN] += 1
                first = answer
            else:
                counts[form, item.id, _stage_option(q, answer), CHOSEN] += 1
                continue
            if item.id in self.unordered:
                self.first_by_position[form, self.positions[item.id][first]] += 1
                self.first_answers[form] += 1
                self.first_expected[form] += 1 / len(item.options)

    def finish(self) -> Report:
        """The report of everything taken in."""
        q = self.q
        forms = [f for f in (q.audience, "mentor", "trainee") if self.by_form[f]]
        forms = list(dict.fromkeys(forms))
        report = Report(
            questionnaire=q.id,
            version=self.version,
            scored_with=q.version,
            kind=q.kind,
            audience=q.audience,
            n=self.n,
            unscorable=self.unscorable,
            by_lang=tuple(sorted(self.by_lang.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_form=tuple((f, self.by_form[f]) for f in forms),
            first_day=self.first_day,
            last_day=self.last_day,
            not_applicable=self.plan.not_applicable,
            differ_by=q.comparison.differ_by if q.comparison else None,
        )
        report.scores = tuple(self._score_rows(forms))
        report.options = tuple(self._item_options(forms))
        report.first_listed = tuple(self._first_listed(forms))
        report.thirds = tuple(self._thirds(s) for s in self.plan.thirds)
        report.split_half = tuple(self._split_half(s) for s in self.plan.reliability)
        if self.plan.reliability:
            report.retest = self._retest()
        if self.plan.agreement:
            report.agreement = tuple(self._agreement())
        return report

    def _score_rows(self, forms):
        for scale in self.q.scales:
            for form in forms:
                running = self.running.get((form, scale.id), Running())
                needs = Needs(running.n, MINIMUM["scores"])
                shown = needs.met
                yield ScoreRow(
                    scale.id,
                    form,
                    running.n,
                    running.mean if shown else None,
                    running.sd if shown else None,
                    running.low if shown else None,
                    running.high if shown else None,
                    needs,
                )

    def _item_options(self, forms):
        q = self.q
        for form in forms:
            for item in q.items:
                if item.kind == "rank":
                    columns = tuple(str(p) for p in range(1, len(item.options) + 1))
                else:
                    columns = (CHOSEN,)
                if item.kind == "stage":
                    options = tuple(str(o.value) for o in item.options)
                    options += tuple(n.id for n in q.no_rating)
                else:
                    options = tuple(o.id for o in item.options)
                counts = tuple(
                    tuple(self.option_counts[form, item.id, o, c] for c in columns) for o in options
                )
                yield ItemOptions(
                    item.id, form, item.kind, columns, options, counts, self.answered[form, item.id]
                )

    def _first_listed(self, forms):
        if not self.unordered:
            return
        width = max(len(self.q.item(i).options) for i in self.unordered)
        for form in forms:
            answers = self.first_answers[form]
            yield FirstListed(
                form,
                answers,
                tuple(self.first_by_position[form, p] for p in range(width)),
                self.first_expected[form] / answers if answers else 0.0,
                Needs(self.by_form[form], MINIMUM["options"]),
            )

    def _thirds(self, scale_id: str) -> Thirds:
        q = self.q
        histogram = self.histograms[scale_id]
        n = sum(histogram.values())
        needs = Needs(n, MINIMUM["thirds"])
        cuts = terciles(histogram) if needs.met else None
        counts = (0, 0, 0)
        if cuts is not None:
            lower, upper = cuts
            counts = (
                sum(c for v, c in histogram.items() if v <= lower),
                sum(c for v, c in histogram.items() if lower < v <= upper),
                sum(c for v, c in histogram.items() if v > upper),
            )
        classification, bands = None, ()
        for c in q.classifications:
            axis = next((a for a in c.axes if a.score == scale_id), None)
            if axis is not None:
                classification = c.id
                bands = tuple(
                    BandShare(
                        b.id, b.min, b.max, sum(k for v, k in histogram.items() if b.holds(v))
                    )
                    for b in axis.bands
                )
                break
        low, high = (int(v) for v in score_range(q, scale_id))
        return Thirds(
            scale_id,
            n,
            low,
            high,
            tuple(sorted(histogram.items())) if needs.met else (),
            cuts,
            counts,
            classification,
            bands if needs.met else (),
            needs,
        )

    def _split_half(self, scale_id: str) -> SplitHalf:
        table = self.split[scale_id]
        n = sum(table.values())
        needs = Needs(n, MINIMUM["split_half"])
        odd, even = self.halves[scale_id]
        r = reliability = interval = None
        if needs.met:
            r = pearson(table)
            reliability = spearman_brown(r)
            interval = bootstrap_interval(table, lambda t: spearman_brown(pearson(t)))
        return SplitHalf(scale_id, n, (len(odd), len(even)), r, reliability, interval, needs)

    def _retest(self) -> Retest:
        union = _Union()
        for keys, *_ in self.people:
            union.join(keys)
        groups = defaultdict(list)
        for keys, created, rid, values, classes in self.people:
            groups[union.find(keys[0])].append((created, rid, values, classes))
        pairs = [p for p in (_retest_pair(answers) for answers in groups.values()) if p]
        needs = Needs(len(pairs), MINIMUM["retest"])
        if not needs.met:
            return Retest(len(pairs), None, (), (), needs)
        days = sorted((second[0].date() - first[0].date()).days for first, second in pairs)
        scores = []
        for k, scale_id in enumerate(self.plan.reliability):
            table = Counter((a[2][k], b[2][k]) for a, b in pairs)
            scores.append(
                RetestScore(
                    scale_id, pearson(table), spearman(table), bootstrap_interval(table, pearson)
                )
            )
        same = []
        for k, c in enumerate(self.q.classifications):
            both = [(a[3][k], b[3][k]) for a, b in pairs if a[3][k] and b[3][k]]
            if both:
                same.append(SameClass(c.id, sum(1 for x, y in both if x == y), len(both)))
        return Retest(
            len(pairs), (median(days), days[0], days[-1]), tuple(scores), tuple(same), needs
        )

    def _agreement(self):
        union = _Union()
        for keys, *_ in self.ratings:
            union.join(keys)
        trainees = defaultdict(list)
        for keys, form, phase, created, rid, steps in self.ratings:
            trainees[union.find(keys[0])].append((form, phase, created, rid, steps))
        pairs = [p for p in (_latest_pair(r) for r in trainees.values()) if p is not None]
        lowest = min(s.value for s in self.q.stages)
        categories = len(self.q.stages)
        for k, item in enumerate(self.q.items):
            steps = [(a[k], b[k]) for a, b in pairs if a[k] is not None and b[k] is not None]
            needs = Needs(len(steps), MINIMUM["agreement"])
            table = Counter((a - lowest, b - lowest) for a, b in steps)
            kappa = interval = None
            if needs.met:
                kappa = weighted_kappa_table(table, categories, KAPPA_WEIGHTS)
                interval = bootstrap_interval(
                    table, lambda t: weighted_kappa_table(t, categories, KAPPA_WEIGHTS)
                )
            yield Agreement(
                item.id,
                len(steps),
                kappa,
                interval,
                sum(1 for a, b in steps if a == b) if needs.met else 0,
                sum(1 for a, b in steps if abs(a - b) >= self.q.comparison.differ_by)
                if needs.met
                else 0,
                needs,
            )


def _retest_pair(answers: list) -> tuple[tuple, tuple] | None:
    """A person's first answer and their next one at least RETEST_DAYS days later, or None."""
    answers = sorted(answers, key=lambda a: (a[0], a[1]))
    first = answers[0]
    later = (a for a in answers[1:] if (a[0].date() - first[0].date()).days >= RETEST_DAYS)
    second = next(later, None)
    return None if second is None else (first, second)


def _latest_pair(ratings: list) -> tuple[tuple, tuple] | None:
    """The trainee's own steps and the mentor's, from the latest phase both rated in.

    In each phase (no phase counts as one) the latest rating of each side counts; of the
    phases both sides rated in, the one whose later rating is the most recent gives the pair.
    """
    latest: dict = {}
    for form, phase, created, rid, steps in sorted(ratings, key=lambda r: (r[2], r[3])):
        latest[form, phase] = (created, rid, steps)
    best = None
    for (form, phase), own in latest.items():
        if form != "trainee" or ("mentor", phase) not in latest:
            continue
        mentor = latest["mentor", phase]
        when = max(own[:2], mentor[:2])
        if best is None or when > best[0]:
            best = (when, own[2], mentor[2])
    return None if best is None else (best[1], best[2])


def _stage_option(q: Questionnaire, answer) -> str:
    """The column of a ladder answer: its step, or the no-rating option it means."""
    meaning = no_stage_meaning(q, answer)
    if meaning is None:
        return str(answer)
    return next((n.id for n in q.no_rating if n.means == meaning), str(answer))


def report(rows: Iterable, q: Questionnaire, version: int | None = None) -> Report:
    """The psychometrics report of responses to one questionnaire and version.

    `rows` is streamed once (a query with yield_per is fine). Answers that the current file
    cannot score (an old version with other items) are counted as unscorable and left out.
    """
    builder = _Builder(q, q.version if version is None else version)
    for row in rows:
        builder.add(row)
    return builder.finish()


def _fixed(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _interval(pair: tuple[float, float] | None) -> str:
    return "" if pair is None else f" [95% {pair[0]:.2f} to {pair[1]:.2f}]"


def summary(r: Report) -> list[str]:
    """The key figures of a report as lines of plain English text (for the command line)."""
    langs = ", ".join(f"{lang} {n}" for lang, n in r.by_lang)
    lines = [f"{r.questionnaire} version {r.version}: {r.n} answers ({langs or 'none'})"]
    if r.unscorable:
        lines.append(f"  {r.unscorable} answers do not fit the current file and are left out")
    plan = PLANS.get(r.kind, OTHER_KIND)
    for row in r.scores:
        if row.needs.met and row.scale in plan.reliability + plan.thirds:
            lines.append(
                f"  {row.scale} ({row.form}): mean {_fixed(row.mean)}, SD {_fixed(row.sd)},"
                f" n {row.n}"
            )
    for t in r.thirds:
        if t.cuts is None:
            lines.append(f"  local thirds of {t.scale}: {t.needs.more} more answers needed")
        else:
            lines.append(
                f"  local thirds of {t.scale}: cut points {t.cuts[0]:+.1f} and {t.cuts[1]:+.1f}"
                f" ({t.counts[0]} / {t.counts[1]} / {t.counts[2]})"
            )
    for f in r.first_listed:
        if f.needs.met and f.answers:
            lines.append(
                f"  first-listed option first ({f.form}): {f.share:.1%} of {f.answers}"
                f" answered questions (expected {f.expected:.1%}, {100 * f.deviation:+.1f} points)"
            )
    for s in r.split_half:
        if s.needs.met:
            lines.append(
                f"  split-half {s.scale}: {_fixed(s.reliability)}{_interval(s.interval)}"
                f" (halves r {_fixed(s.halves_r)}, n {s.n})"
            )
        else:
            lines.append(f"  split-half {s.scale}: {s.needs.more} more answers needed")
    if r.retest is not None:
        t = r.retest
        if t.needs.met:
            lines.append(f"  test-retest: {t.pairs} people, median {t.days[0]:g} days apart")
            lines += [
                f"    {s.scale}: r {_fixed(s.r)}{_interval(s.interval)}, rho {_fixed(s.rho)}"
                for s in t.scores
            ]
        else:
            lines.append(f"  test-retest: {t.pairs} people, {t.needs.more} more needed")
    shown = [a for a in r.agreement if a.needs.met]
    lines += [
        f"  agreement {a.item}: weighted kappa {_fixed(a.kappa)}{_interval(a.interval)},"
        f" {a.pairs} pairs"
        for a in shown
    ]
    waiting = [a for a in r.agreement if not a.needs.met]
    if waiting:
        lines.append(
            f"  agreement: {len(waiting)} competences with fewer than"
            f" {waiting[0].needs.minimum} pairs (at most {max(a.pairs for a in waiting)})"
        )
    return lines
