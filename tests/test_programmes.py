"""Programmes: a cohort built through the forms and the API, its dashboard checked against our
own computation, the anonymity rule, the export read back with openpyxl and csv, consent,
sharing, admin and join links, the evaluation summary, the SWOT board, deletion and purge."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import random
import re
from datetime import date, timedelta
from html import unescape

import pytest
from openpyxl import load_workbook

from quizapp.extensions import db
from quizapp.models import (
    AdminLink,
    Attachment,
    Internship,
    Programme,
    Response,
    new_token,
    utcnow,
)

from .helpers import learning_answers
from .test_ladder import IDS

TODAY = date.today()
DATES = {
    "start": TODAY - timedelta(days=90),
    "middle": TODAY - timedelta(days=45),
    "end": TODAY - timedelta(days=1),
}
MODES = ["CE", "RO", "AC", "AE"]
K = 5


def create_programme(client, **fields) -> str:
    """Start a programme by the form; return its admin path."""
    data = {
        "name": "Garages abroad 2026",
        "sending": "ROC Noord",
        "receiving": "Autohaus Süd",
        "languages": ["en", "nl"],
        "start": DATES["start"].isoformat(),
        "middle": DATES["middle"].isoformat(),
        "end": DATES["end"].isoformat(),
        "key": new_token(),
        **fields,
    }
    made = client.post("/p/new", data=data)
    assert made.status_code == 302, made.get_data(as_text=True)[-3000:]
    return made.headers["Location"]


def page(client, path: str, lang: str = "en") -> str:
    """A page's HTML, without the soft hyphens that break long words on a phone."""
    response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
    assert response.status_code == 200, path
    return response.get_data(as_text=True).replace("\xad", "")


def download(client, path: str) -> bytes:
    """A streamed download, read to the end and closed (which ends its request and gives its
    database connection back)."""
    with client.get(path) as response:
        assert response.status_code == 200, path
        return response.data


def take_link(client, path: str, agree: bool = True) -> str:
    """Open a role link for the first time, decide by the form; return the new plan path."""
    html = page(client, path)
    assert "What the coordinator will see" in html
    key = re.search(r'name="key" value="([^"]+)"', html).group(1)
    data = {"key": key, **({"agree": "yes"} if agree else {})}
    decided = client.post(path + "/decide", data=data)
    assert decided.status_code == 302
    return decided.headers["Location"]


def api_result(client, qid: str, answers: dict, **extra) -> str:
    made = client.post(
        f"/api/v1/questionnaires/{qid}/responses", json={"answers": answers, **extra}
    )
    assert made.status_code == 201, made.get_data(as_text=True)
    return made.get_json()["token"]


def add_to_plan(client, plan: str, token: str) -> None:
    """Add a result to a plan through the API (its role token)."""
    role_token = plan.rsplit("/", 1)[1]
    added = client.post(f"/api/v1/internships/{role_token}/results", json={"token": token})
    assert added.status_code == 204, added.get_data(as_text=True)


def mode_orders(rng: random.Random, base: list[str]) -> list[list[str]]:
    """Twelve rankings of the four modes: the person's own order, with some noise."""
    orders = []
    for _ in range(12):
        order = list(base)
        if rng.random() < 0.25:
            rng.shuffle(order)
        orders.append(order)
    return orders


# Our own scoring of the learning style, written here from the questionnaire file's numbers
# (rank points 4-3-2-1; band limits; the nine styles), not with the app's engine.
def region_by_hand(q, answers: dict) -> str:
    totals = dict.fromkeys(MODES, 0)
    for item in q.part("cycle").items:
        for place, option_id in enumerate(answers[item.id]):
            totals[item.option(option_id).scale] += 4 - place
    ac_ce, ae_ro = totals["AC"] - totals["CE"], totals["AE"] - totals["RO"]
    row = "concrete" if ac_ce <= -5 else "abstract" if ac_ce >= 5 else "mid"
    col = "reflective" if ae_ro <= -6 else "active" if ae_ro >= 6 else "mid"
    return {
        ("concrete", "reflective"): "Imagining",
        ("concrete", "mid"): "Experiencing",
        ("concrete", "active"): "Initiating",
        ("mid", "reflective"): "Reflecting",
        ("mid", "mid"): "Balancing",
        ("mid", "active"): "Acting",
        ("abstract", "reflective"): "Analyzing",
        ("abstract", "mid"): "Thinking",
        ("abstract", "active"): "Deciding",
    }[(row, col)]


def hidden_by_hand(counts: list[int], k: int = K) -> list[int | None]:
    """The small-cell rule as the dashboard states it, written out again here."""
    shown = [None if 0 < c < k else c for c in counts]
    if shown.count(None) == 1:
        hidden = shown.index(None)
        others = sorted((c, i) for i, c in enumerate(counts) if c and i != hidden)
        if others:
            shown[others[0][1]] = None
    return shown


def linear_kappa_by_hand(pairs: list[tuple[int, int]], steps: int = 4) -> float:
    """Cohen's weighted kappa with weights |i - j|, as in the textbook."""
    n = len(pairs)
    a = [sum(1 for x, _ in pairs if x == i) / n for i in range(1, steps + 1)]
    b = [sum(1 for _, y in pairs if y == j) / n for j in range(1, steps + 1)]
    observed = sum(abs(x - y) for x, y in pairs) / n
    expected = sum(
        abs(i - j) * a[i - 1] * b[j - 1] for i in range(1, steps + 1) for j in range(1, steps + 1)
    )
    return 1 - observed / expected


def counts_in_table(html: str, caption: str) -> dict[str, str]:
    """A two-column table (label, count) read back by its caption."""
    table = html.split(f'<caption class="visually-hidden">{caption}</caption>', 1)[1]
    table = table.split("</table>", 1)[0]
    rows = re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table, re.S)
    return {
        unescape(re.sub(r"<[^>]+>", "", k)).replace("\xad", ""): unescape(re.sub(r"<[^>]+>", "", v))
        for k, v in rows
    }


@pytest.fixture
def cohort(app, library):
    """A programme of twelve internships: six added by the coordinator's form, four through
    the API, two through the join link. All trainees but one agree, all mentors agree; they
    add their results through the API. Returns what the test needs to check."""
    qs = library.questionnaires
    rng = random.Random(2026)
    coordinator = app.test_client()
    admin = create_programme(coordinator)
    admin_token = admin.rsplit("/", 1)[1]
    role_links = []
    for n in range(6):
        made = coordinator.post(
            f"{admin}/internships", data={"label": f"Form {n + 1}", "key": new_token()}
        )
        html = page(coordinator, made.headers["Location"])
        links = re.findall(r'value="http://localhost(/i/[\w-]+)"', html)
        role_links.append(links)
    for n in range(4):
        made = coordinator.post(
            f"/api/v1/programmes/{admin_token}/internships", json={"label": f"API {n + 1}"}
        )
        assert made.status_code == 201
        body = made.get_json()
        role_links.append(
            [
                body["trainee_url"].removeprefix("http://localhost"),
                body["mentor_url"].removeprefix("http://localhost"),
            ]
        )
    settings = page(coordinator, f"{admin}/settings")
    join = re.search(r'id="join-url"[^>]*value="http://localhost([^"]+)"', settings).group(1)
    people = []
    for n in range(12):
        trainee, mentor = app.test_client(), app.test_client()
        if n < 10:
            trainee_link, mentor_link = role_links[n]
            plan_t = take_link(trainee, trainee_link, agree=n != 3)
        else:
            joined = trainee.post(
                join,
                data={
                    "as": "trainee",
                    "agree": "yes",
                    "label": f"Joined {n - 9}",
                    "key": new_token(),
                },
            )
            assert joined.status_code == 302
            plan_t = joined.headers["Location"]
            html = page(trainee, plan_t)
            mentor_link = re.search(
                r'id="other-link"[^>]*value="http://localhost([^"]+)"', html
            ).group(1)
        plan_m = take_link(mentor, mentor_link)
        people.append(
            {
                "trainee": trainee,
                "mentor": mentor,
                "plans": {"trainee": plan_t, "mentor": plan_m},
                "agreed": n != 3,
            }
        )
    learning_q, ladder_q, lead_q = (
        qs["learning-styles"],
        qs["competence-ladder"],
        qs["leadership-styles"],
    )
    made = {"learning": [], "start": [], "end": [], "leadership": []}
    for n, person in enumerate(people):
        base = MODES[n % 4 :] + MODES[: n % 4]
        if n % 3 == 1:
            base = list(reversed(base))
        answers = learning_answers(learning_q, mode_orders(rng, base))
        add_to_plan(
            person["trainee"],
            person["plans"]["trainee"],
            api_result(person["trainee"], "learning-styles", answers),
        )
        made["learning"].append((n, answers))
        for role, client in (("trainee", person["trainee"]), ("mentor", person["mentor"])):
            steps = {i: rng.choice([1, 2, 2, 3, 3, 4]) for i in IDS}
            steps["research"] = "not-observed" if n % 4 == 0 else steps["research"]
            token = api_result(
                client,
                "competence-ladder",
                steps,
                phase="start",
                perspective="mentor" if role == "mentor" else "self",
            )
            add_to_plan(client, person["plans"][role], token)
            made["start"].append((n, role, steps))
    for n, person in enumerate(people[:7]):
        for role, client in (("mentor", person["mentor"]), ("trainee", person["trainee"])):
            steps = {i: rng.choice([2, 3, 3, 4]) for i in IDS}
            token = api_result(
                client,
                "competence-ladder",
                steps,
                phase="end",
                perspective="mentor" if role == "mentor" else "self",
            )
            add_to_plan(client, person["plans"][role], token)
            made["end"].append((n, role, steps))
    for n, person in enumerate(people[:4]):
        styles = [rng.choice(["S1", "S2", "S3", "S4"]) for _ in lead_q.items]
        answers = {
            i.id: next(o.id for o in i.options if o.scale == s)
            for i, s in zip(lead_q.items, styles, strict=True)
        }
        add_to_plan(
            person["mentor"],
            person["plans"]["mentor"],
            api_result(person["mentor"], "leadership-styles", answers),
        )
        made["leadership"].append((n, answers))
    return {
        "admin": admin,
        "coordinator": coordinator,
        "people": people,
        "made": made,
        "qs": qs,
        "ladder": ladder_q,
        "learning": learning_q,
    }


def test_the_dashboard_matches_our_own_computation(app, cohort):
    html = page(cohort["coordinator"], cohort["admin"])
    agreed = [n for n, p in enumerate(cohort["people"]) if p["agreed"]]
    # Learning styles of the trainees who agreed (11), counted in steps of five: the first 10.
    learning = [(n, a) for n, a in cohort["made"]["learning"] if n in agreed]
    assert len(learning) == 11
    counted = learning[:10]
    styles = [c.name for c in cohort["learning"].classification("region").classes]
    counts = [
        sum(1 for _n, a in counted if region_by_hand(cohort["learning"], a) == s) for s in styles
    ]
    expected = hidden_by_hand(counts)
    table = counts_in_table(html, "Learning styles: Trainees")
    assert list(table) == styles
    assert list(table.values()) == [("fewer than 5" if c is None else str(c)) for c in expected]
    assert "Counts 10 of 11 people." in unescape(html)
    # Steps per competence, start phase, trainees: the first rating of 10 of the 11.
    starts = [s for n, role, s in cohort["made"]["start"] if role == "trainee" and n in agreed][:10]
    matrix = html.split('id="chart-ladder-start-trainee"', 1)[1].split("</table>", 1)[0]
    row = re.search(r"Professional knowledge.*?</tr>", matrix, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    by_step = [sum(1 for s in starts if s["knowledge"] == step) for step in (1, 2, 3, 4)] + [0]
    want = hidden_by_hand(by_step)
    got = [
        "hidden" if "hidden-count" in c else re.search(r'class="count">(\d+)<', c).group(1)
        for c in cells
    ]
    assert got == ["hidden" if w is None else str(w) for w in want]
    # Agreement: one pair per internship (the end phase where both rated, else the start);
    # every pair of an agreed trainee; steps of five pairs, in the order the pairs came in.
    ratings = {
        (n, role, phase): s for phase in ("start", "end") for n, role, s in cohort["made"][phase]
    }
    pairs = []
    order = []
    for n in agreed:
        phase = "end" if (n, "trainee", "end") in ratings else "start"
        order.append((phase == "start", n, phase))
    # pairs come in when their later rating was made: all start pairs were made before any end
    # pair, and within a phase in the order of the internships
    for _later, n, phase in sorted(order, key=lambda x: (not x[0], x[1])):
        t, m = ratings[(n, "trainee", phase)], ratings[(n, "mentor", phase)]
        pairs.append((t["knowledge"], m["knowledge"]))
    kappa = linear_kappa_by_hand(pairs[: len(pairs) // K * K])
    agreement = html.split('class="data stack agreement-table"', 1)[1].split("</table>", 1)[0]
    row = re.search(r"Professional knowledge</th>(.*?)</tr>", agreement, re.S).group(1)
    assert f"{len(pairs) // K * K} of {len(pairs)}" in row
    assert f"{kappa:.2f}" in row
    # Only four mentors added leadership styles: not shown, and the page says why.
    assert "Mentors so far: 4. 1 more needed." in unescape(html)
    assert 'id="chart-leadership-range"' not in html


def test_a_role_that_did_not_agree_shows_nothing(app, cohort):
    html = page(cohort["coordinator"], cohort["admin"])
    row = re.search(r'<tr><th scope="row"><a [^>]*>Form 4</a>.*?</tr>', html, re.S).group(0)
    assert "has not agreed: nothing shown" in row
    # and its results are in no figure: the trainees' start group holds the eleven others
    assert "Counts 10 of 11 people." in unescape(html)


def test_the_export_matches_the_database(app, cohort, tmp_path):
    client = cohort["coordinator"]
    with client.get(cohort["admin"] + "/export.xlsx") as workbook:
        assert workbook.status_code == 200
        (tmp_path / "x.xlsx").write_bytes(workbook.data)
    book = load_workbook(tmp_path / "x.xlsx", read_only=True)
    assert book.sheetnames == ["results", "codebook"]
    rows = list(book["results"].iter_rows(values_only=True))
    # a write-only sheet leaves out empty cells at the end of a row
    header = list(rows[0])
    data = [list(r) + [None] * (len(header) - len(r)) for r in rows[1:]]
    text = download(client, cohort["admin"] + "/export.csv").decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == header
    assert len(lines) - 1 == len(data)
    for line, row in zip(lines[1:], data, strict=True):
        assert line == ["" if v is None else str(v) for v in row]
    col = {name: i for i, name in enumerate(header)}
    with app.app_context():
        programme = db.session.execute(db.select(Programme)).scalar_one()
        secret = programme.secret
        expected = db.session.execute(
            db.select(Response, Attachment, Internship)
            .join(Attachment, Attachment.response_id == Response.id)
            .join(Internship, Internship.id == Attachment.internship_id)
            .where(Internship.programme_id == programme.id)
            .order_by(Response.created, Response.id)
        ).all()
        expected = [
            (r, a, i)
            for r, a, i in expected
            if (i.trainee_agreed if a.role == "trainee" else i.mentor_agreed)
        ]
        tokens = (
            {r.token for r, _a, _i in expected}
            | {t for _r, _a, i in expected for t in (i.trainee_token, i.mentor_token)}
            | {link.token for link in db.session.execute(db.select(AdminLink)).scalars()}
        )
        # learning 12, ladder 24 + 14, leadership 4; less the three of the trainee who did not agree
        assert len(data) == len(expected) == 12 + 24 + 14 + 4 - 3
        for row, (response, attachment, internship) in zip(data, expected, strict=True):
            code = hmac.new(secret.encode(), f"response:{response.id}".encode(), hashlib.sha256)
            assert row[col["response"]] == code.hexdigest()[:12]
            code = hmac.new(secret.encode(), f"internship:{internship.id}".encode(), hashlib.sha256)
            assert row[col["internship"]] == code.hexdigest()[:12]
            assert row[col["label"]] == internship.label
            assert row[col["role"]] == attachment.role
            assert row[col["questionnaire"]] == response.questionnaire
            assert row[col["version"]] == response.version
            assert row[col["lang"]] == response.lang
            assert row[col["date"]] == response.created.date().isoformat()
            assert row[col["phase"]] == (response.phase or "end")
            for item, answer in response.answers.items():
                cell = row[col[f"{response.questionnaire}.{item}"]]
                if isinstance(answer, list):
                    assert cell == ">".join(answer)
                else:
                    assert cell == answer
        assert not tokens & {str(v) for r in data for v in r}
        # the ladder's scores are there too: the number of competences on step 4
        ladder = next(r for r, _a, _i in expected if r.questionnaire == "competence-ladder")
        row = data[[r.id for r, _a, _i in expected].index(ladder.id)]
        on_top = sum(1 for v in ladder.answers.values() if v == 4)
        assert row[col["competence-ladder.score.stage-4"]] == on_top
    codebook = list(book["codebook"].iter_rows(values_only=True))
    assert [line[0] for line in codebook[1:]] == header
    assert codebook[1][3] == "Pseudonymous id of the result"


def test_the_api_gives_the_same_rows(app, cohort):
    client = cohort["coordinator"]
    token = cohort["admin"].rsplit("/", 1)[1]
    first = client.get(f"/api/v1/programmes/{token}/responses").get_json()
    assert first["total"] == 12 + 24 + 14 + 4 - 3
    assert (first["page"], first["pages"], first["next"]) == (1, 1, None)
    text = download(client, cohort["admin"] + "/export.csv").decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text)))
    assert [r["response"] for r in first["responses"]] == [line["response"] for line in lines]
    assert client.get(f"/api/v1/programmes/{token}/responses?page=0").status_code == 422
    assert client.get("/api/v1/programmes/nope/responses").status_code == 404
    book = client.get(f"/api/v1/programmes/{token}/codebook?lang=nl").get_json()
    assert book["columns"][0]["column"] == "response"
    view = client.get(f"/api/v1/programmes/{token}").get_json()
    assert (view["internships"], view["agreed"]) == (12, {"trainee": 11, "mentor": 12})


def test_the_export_streams_and_makes_typed_text_safe(app, library):
    """A comment that starts with = is text in both files, never a formula."""
    client = app.test_client()
    admin = create_programme(client)
    made = client.post(f"{admin}/internships", data={"label": "=HYPERLINK(1)", "key": new_token()})
    links = re.findall(
        r'value="http://localhost(/i/[\w-]+)"', page(client, made.headers["Location"])
    )
    trainee = app.test_client()
    plan = take_link(trainee, links[0])
    q = library.questionnaires["process-evaluation"]
    answers = {p.items[0].id: "good" for p in q.parts}
    answers["matching-comment"] = "=1+1 and -2"
    add_to_plan(trainee, plan, api_result(trainee, "process-evaluation", answers))
    with client.get(admin + "/export.csv") as response:
        assert response.is_streamed
        text = response.data.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["process-evaluation.matching-comment"] == "'=1+1 and -2"
    assert row["label"] == "'=HYPERLINK(1)"
    assert row["process-evaluation.matching"] == "good"


def small_programme(app, size: int, min_group: int | None = None):
    """A programme made through the API with `size` internships whose trainees and mentors
    agreed; returns (coordinator client, admin path, [(trainee client, plan path)])."""
    coordinator = app.test_client()
    body = {
        "name": "Kitchens 2026",
        "start": DATES["start"].isoformat(),
        "middle": DATES["middle"].isoformat(),
        "end": DATES["end"].isoformat(),
        **({"min_group": min_group} if min_group else {}),
    }
    made = coordinator.post("/api/v1/programmes", json=body)
    assert made.status_code == 201, made.get_data(as_text=True)
    token = made.get_json()["admin_token"]
    trainees = []
    for n in range(size):
        links = coordinator.post(
            f"/api/v1/programmes/{token}/internships", json={"label": f"K{n + 1}"}
        ).get_json()
        trainee = app.test_client()
        plan = take_link(trainee, links["trainee_url"].removeprefix("http://localhost"))
        trainees.append((trainee, plan))
    return coordinator, f"/p/{token}", trainees


def rate_start(trainee, plan: str, step: int) -> None:
    """The trainee rates every competence on one step, in the start phase."""
    answers = dict.fromkeys(IDS, step)
    add_to_plan(trainee, plan, api_result(trainee, "competence-ladder", answers, phase="start"))


def test_a_group_below_the_minimum_shows_no_figure_and_says_how_many_more(app):
    coordinator, admin, trainees = small_programme(app, 5)
    for trainee, plan in trainees[:4]:
        rate_start(trainee, plan, 2)
    html = unescape(page(coordinator, admin))
    assert 'id="chart-ladder-start-trainee"' not in html
    assert "Not shown yet: this figure needs at least 5 people" in html
    assert "Trainees so far: 4. 1 more needed." in html
    # the fifth rating makes a group of five: the figure appears, all five on step 2
    rate_start(*trainees[4], 3)
    html = page(coordinator, admin)
    assert 'id="chart-ladder-start-trainee"' in html
    matrix = html.split('id="chart-ladder-start-trainee"', 1)[1].split("</table>", 1)[0]
    row = re.search(r"Professional knowledge.*?</tr>", matrix, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    # 4 on step 2 and 1 on step 3: the 1 is hidden, and with it the next smallest (the 4)
    assert [
        "hidden" if "hidden-count" in c else re.search(r'"count">(\d+)<', c).group(1) for c in cells
    ] == ["0", "hidden", "hidden", "0", "0"]


@pytest.fixture
def lax_app(tmp_path):
    """An app whose configuration asks for groups of 2 (too small: it gets 5)."""
    from .conftest import fresh_app

    lax = fresh_app(tmp_path, SERVER_NAME="localhost", COHORT_MIN_GROUP=2)
    yield lax
    with lax.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_minimum_group_is_never_below_five(lax_app):
    from quizapp.programmes.store import min_group

    with lax_app.app_context():
        assert min_group() == 5
    client = lax_app.test_client()
    refused = client.post(
        "/p/new",
        data={
            "name": "Tiny",
            "start": DATES["start"].isoformat(),
            "middle": DATES["middle"].isoformat(),
            "end": DATES["end"].isoformat(),
            "min_group": "3",
            "key": new_token(),
        },
    )
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert "Give a whole number of at least 5" in html
    assert 'value="Tiny"' in html  # what was typed is kept
    body = {"name": "Tiny", "start": "2026-01-01", "middle": "2026-02-01", "end": "2026-03-01"}
    assert client.post("/api/v1/programmes", json={**body, "min_group": 4}).status_code == 422
    assert client.post("/api/v1/programmes", json={**body, "min_group": 5}).status_code == 201


def test_a_programme_may_ask_for_larger_groups(app):
    coordinator, admin, trainees = small_programme(app, 5, min_group=6)
    for trainee, plan in trainees:
        rate_start(trainee, plan, 2)
    html = unescape(page(coordinator, admin))
    assert 'id="chart-ladder-start-trainee"' not in html
    assert "Trainees so far: 5. 1 more needed." in html


def test_a_double_click_on_create_makes_one_programme(app):
    client = app.test_client()
    key = new_token()
    first = create_programme(client, key=key)
    second = create_programme(client, key=key)
    assert first == second
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Programme.id))).scalar() == 1


def test_create_clicked_at_once_from_two_tabs_makes_one_programme(app):
    import requests

    from .browser import LiveServer
    from .test_exactly_once import send_at_once

    data = {
        "name": "Raced",
        "start": DATES["start"].isoformat(),
        "middle": DATES["middle"].isoformat(),
        "end": DATES["end"].isoformat(),
        "key": new_token(),
    }
    with LiveServer(app) as server:
        sessions = [requests.Session() for _ in range(8)]
        answers = send_at_once(sessions, server.url + "/p/new", data)
    assert {a.status_code for a in answers} == {302}
    assert len({a.headers["Location"] for a in answers}) == 1
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Programme.id))).scalar() == 1
        assert db.session.execute(db.select(db.func.count(AdminLink.id))).scalar() == 1


def swot_form(html: str) -> dict:
    return {"revision": re.search(r'name="revision" value="(\d+)"', html).group(1)}


def test_two_coordinators_saving_the_swot_at_once_lose_nothing(app):
    import requests

    from .browser import LiveServer

    client = app.test_client()
    admin = create_programme(client)
    html = page(client, admin + "/evaluation")
    base = swot_form(html)
    with LiveServer(app) as server:
        sessions = [requests.Session() for _ in range(2)]
        barrier_data = [
            dict(
                base,
                strengths=f"Strength from coordinator {n}",
                weaknesses="",
                opportunities="",
                threats="",
            )
            for n in range(2)
        ]
        import threading
        from concurrent.futures import ThreadPoolExecutor

        barrier = threading.Barrier(2)

        def send(pair):
            session, data = pair
            barrier.wait()
            return session.post(server.url + admin + "/swot", data=data, allow_redirects=False)

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(send, zip(sessions, barrier_data, strict=True)))
    codes = sorted(a.status_code for a in answers)
    assert codes == [302, 409]
    saved = next(d for a, d in zip(answers, barrier_data, strict=True) if a.status_code == 302)
    lost = next(d for a, d in zip(answers, barrier_data, strict=True) if a.status_code == 409)
    refused = next(a for a in answers if a.status_code == 409).text
    # the refused coordinator's text is still in the form, and the saved board is shown too
    assert f">{lost['strengths']}</textarea>" in refused
    assert saved["strengths"] in refused
    with app.app_context():
        programme = db.session.execute(db.select(Programme)).scalar_one()
        assert (programme.swot_strengths, programme.swot_revision) == (saved["strengths"], 1)
    # a double click: the same text sent twice from the same page counts as saved
    again = client.post(admin + "/swot", data=saved)
    assert again.status_code == 302


def test_a_stale_swot_page_keeps_the_text(app):
    client = app.test_client()
    admin = create_programme(client)
    stale = swot_form(page(client, admin + "/evaluation"))
    texts = {"weaknesses": "", "opportunities": "", "threats": ""}
    assert (
        client.post(admin + "/swot", data=dict(stale, strengths="First", **texts)).status_code
        == 302
    )
    late = client.post(admin + "/swot", data=dict(stale, strengths="Second", **texts))
    assert late.status_code == 409
    html = late.get_data(as_text=True)
    assert ">Second</textarea>" in html
    assert "First" in html
    fresh = swot_form(html)
    assert (
        client.post(
            admin + "/swot", data=dict(fresh, strengths="First. Second", **texts)
        ).status_code
        == 302
    )
    assert "First. Second" in page(client, admin + "/report")


def test_admin_links_the_last_cannot_be_revoked(app):
    client = app.test_client()
    admin = create_programme(client)
    settings = page(client, admin + "/settings")
    assert "This is the only admin link, so it cannot be revoked" in settings
    assert "/revoke" not in settings
    with app.app_context():
        own = db.session.execute(db.select(AdminLink.id)).scalar_one()
    kept = client.post(f"{admin}/links/{own}/revoke", follow_redirects=True)
    assert "it is the only admin link left" in kept.get_data(as_text=True)
    client.post(f"{admin}/links", data={"label": "Anna (receiving)"})
    settings = page(client, admin + "/settings")
    second = re.findall(r'value="http://localhost(/p/[\w-]+)"', settings)
    other = next(path for path in second if path != admin)
    # the co-coordinator revokes the first link: it stops working, theirs goes on
    revoked = client.post(f"{other}/links/{own}/revoke")
    assert revoked.status_code == 302
    assert client.get(admin).status_code == 404
    assert client.get(admin + "/psychometrics").status_code == 404
    assert client.get(other).status_code == 200
    assert client.get(other + "/psychometrics").status_code == 200


def test_a_renewed_join_link_stops_the_old_one(app):
    client = app.test_client()
    admin = create_programme(client)
    old = re.search(
        r'id="join-url"[^>]*value="http://localhost([^"]+)"', page(client, admin + "/settings")
    ).group(1)
    assert client.get(old).status_code == 200
    client.post(admin + "/join", data={})
    new = re.search(
        r'id="join-url"[^>]*value="http://localhost([^"]+)"', page(client, admin + "/settings")
    ).group(1)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    client.post(admin + "/join", data={"action": "close"})
    assert client.get(new).status_code == 404


def test_sharing_a_result_shows_it_until_taken_back(app):
    coordinator, admin, trainees = small_programme(app, 1)
    trainee, plan = trainees[0]
    token = api_result(trainee, "competence-ladder", dict.fromkeys(IDS, 3), phase="start")
    add_to_plan(trainee, plan, token)
    internship = re.search(r'href="(/p/[\w-]+/i/\d+)"', page(coordinator, admin)).group(1)
    assert "/shared/" not in page(coordinator, internship)
    shared = trainee.post(f"{plan}/share/{token}", data={"action": "share"})
    assert shared.status_code == 302
    link = re.search(r'href="(/p/[\w-]+/shared/\d+)"', page(coordinator, internship)).group(1)
    assert coordinator.get(link).status_code == 200
    trainee.post(f"{plan}/share/{token}", data={"action": "stop"})
    assert "/shared/" not in page(coordinator, internship)
    assert coordinator.get(link).status_code == 404
    # taking the agreement back removes the trainee from the dashboard
    trainee.post(f"{plan}/agreement", data={"action": "withdraw"})
    assert "has not agreed: nothing shown" in page(coordinator, admin)


def test_the_evaluation_summary_lists_comments_without_names(app, library):
    coordinator, admin, trainees = small_programme(app, 5)
    q = library.questionnaires["process-evaluation"]
    for n, (trainee, plan) in enumerate(trainees):
        answers = {p.items[0].id: ("good" if n < 3 else "very-good") for p in q.parts}
        answers["timing-comment"] = f"Comment number {n}"
        add_to_plan(trainee, plan, api_result(trainee, "process-evaluation", answers))
    html = unescape(page(coordinator, admin + "/evaluation"))
    for n in range(5):
        assert f"Comment number {n}" in html
    assert "K1" not in html.split("Summary per point", 1)[1]
    # five trainees: 3 good and 2 very good on every point, mean (3*3 + 2*4) / 5 = 3.4
    assert "mean 3.4 of 4" in html
    report = page(coordinator, admin + "/report")
    assert "Comment number 4" in report


def test_purge_deletes_expired_programmes_and_keeps_their_plans(app, runner):
    coordinator, admin, trainees = small_programme(app, 1)
    _trainee, plan = trainees[0]
    with app.app_context():
        programme = db.session.execute(db.select(Programme)).scalar_one()
        programme.created = utcnow() - timedelta(days=app.config["RESULT_RETENTION_DAYS"] + 1)
        db.session.commit()
    result = runner.invoke(args=["results", "purge"])
    assert "Deleted 1 expired programmes." in result.output
    assert coordinator.get(admin).status_code == 404
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Programme.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(AdminLink.id))).scalar() == 0
        internship = db.session.execute(db.select(Internship)).scalar_one()
        assert internship.programme_id is None
    assert app.test_client().get(plan).status_code == 200


def test_coordinator_pages_say_u_never_je(app, cohort):
    """In Dutch a coordinator is addressed with "u": every coordinator's page, with its hidden
    texts and chart labels, has no "je" (tests/test_register.py reads the words)."""
    from .test_register import FORMAL, INFORMAL, offending

    client, admin = cohort["coordinator"], cohort["admin"]
    internship = re.search(r'href="(/p/[\w-]+/i/\d+)"', page(client, admin)).group(1)
    paths = ["/p/new", admin, internship, admin + "/evaluation", admin + "/report"]
    paths += [admin + "/settings", admin + "/delete", admin + "/psychometrics"]
    pages = [page(client, path, "nl") for path in paths]
    assert [hit for html in pages for hit in offending(INFORMAL, html)] == []
    assert all(offending(FORMAL, html) for html in pages[1:3])  # they do speak to the reader


def test_consent_pages_speak_to_their_reader(app):
    from .test_register import FORMAL, INFORMAL, offending

    coordinator, admin, _trainees = small_programme(app, 0)
    token = admin.rsplit("/", 1)[1]
    links = coordinator.post(f"/api/v1/programmes/{token}/internships", json={}).get_json()
    trainee = page(app.test_client(), links["trainee_url"].removeprefix("http://localhost"), "nl")
    mentor = page(app.test_client(), links["mentor_url"].removeprefix("http://localhost"), "nl")
    join = re.search(
        r'id="join-url"[^>]*value="http://localhost([^"]+)"', page(coordinator, admin + "/settings")
    ).group(1)
    joining = {
        role: page(app.test_client(), f"{join}?as={role}", "nl") for role in ("trainee", "mentor")
    }
    assert offending(FORMAL, trainee) == offending(FORMAL, joining["trainee"]) == []
    assert offending(INFORMAL, mentor) == offending(INFORMAL, joining["mentor"]) == []
    assert offending(INFORMAL, trainee)
    assert offending(FORMAL, mentor)


def test_the_progress_list_comes_in_pages_of_fifty_in_label_order(app):
    coordinator = app.test_client()
    made = coordinator.post(
        "/api/v1/programmes",
        json={"name": "Workshops 2026", **{k: v.isoformat() for k, v in DATES.items()}},
    )
    token = made.get_json()["admin_token"]
    numbers = list(range(1, 56))
    random.Random(5).shuffle(numbers)
    for n in numbers:  # added out of order: the list sorts by label, 2 before 10
        added = coordinator.post(
            f"/api/v1/programmes/{token}/internships", json={"label": f"Shop {n}"}
        )
        assert added.status_code == 201
    admin = f"/p/{token}"

    def labels(html: str) -> list[str]:
        table = html.split('class="data stack progress-table"', 1)[1].split("</table>", 1)[0]
        return re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', table)

    first, second = page(coordinator, admin), page(coordinator, admin + "?page=2")
    assert labels(first) == [f"Shop {n}" for n in range(1, 51)]
    assert labels(second) == [f"Shop {n}" for n in range(51, 56)]
    for html in (first, second):
        text = unescape(html)
        assert "<strong>55</strong> internships" in html
        assert "55 internships have someone to remind." in text
        assert "110 people have not opened their link yet." in text
        assert "Pages with someone to remind: " in text
    # the reminders on a page are those of its own internships
    remind = second.split('class="remind-list"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"<li><a [^>]*>([^<]+)</a>", remind) == [f"Shop {n}" for n in range(51, 56)]
    assert "Internships 51 to 55 of 55, in the order of their labels." in unescape(second)
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second
    assert 'aria-current="page" href="/p/' + token + "?page=2" in second
    for bad in ("0", "3", "x", "-1", "1.5"):
        assert coordinator.get(f"{admin}?page={bad}&lang=en").status_code == 404, bad
    # a new internship changes the kept page
    coordinator.post(f"/api/v1/programmes/{token}/internships", json={"label": "Shop 56"})
    assert labels(page(coordinator, admin + "?page=2"))[-1] == "Shop 56"


def report_section(html: str, q) -> str:
    """One questionnaire's section of a psychometrics page, as text."""
    part = html.split(f'id="{q.id}-v{q.version}"', 1)[1].split("</section>", 1)[0]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))


def test_the_psychometrics_report_counts_only_who_agreed(app, cohort):
    html = page(cohort["coordinator"], cohort["admin"] + "/psychometrics")
    agreed = {n for n, p in enumerate(cohort["people"]) if p["agreed"]}
    assert 3 not in agreed  # the trainee of internship 4 did not agree
    # learning styles: every trainee answered, the eleven who agreed count
    learning = [n for n, _a in cohort["made"]["learning"] if n in agreed]
    text = report_section(html, cohort["learning"])
    assert len(learning) == 11
    assert f"{len(learning)} answers, from" in text
    assert "Shown from 30 answers: 19 more answers needed." in text  # answer options
    assert "Shown from 100 answers: 89 more answers needed." in text  # local thirds
    assert "Shown from 200 answers: 189 more answers needed." in text  # split-half
    # the ladder: both phases, the mentors all agreed, one trainee did not
    ratings = [
        (n, role)
        for phase in ("start", "end")
        for n, role, _s in cohort["made"][phase]
        if role == "mentor" or n in agreed
    ]
    trainees = sum(role == "trainee" for _n, role in ratings)
    text = report_section(html, cohort["ladder"])
    assert f"{len(ratings)} answers, from" in text
    assert f"Trainees {trainees} Mentors {len(ratings) - trainees}" in text
    # one pair per internship whose trainee agreed: 11 pairs, agreement needs 50
    assert "Shown from 50 pairs: 39 more pairs needed." in text
    # four mentors' leadership styles: fewer than the programme's minimum, nothing of them
    lead = cohort["qs"]["leadership-styles"]
    assert f'id="{lead.id}-v{lead.version}"' not in html
    assert "Answers so far: 4. 1 more needed." in unescape(html)
    assert "Computed on " in html


def test_the_psychometrics_report_shows_nothing_below_the_minimum_group(app):
    coordinator, admin, trainees = small_programme(app, 4)
    for trainee, plan in trainees:
        rate_start(trainee, plan, 2)
    html = unescape(page(coordinator, admin + "/psychometrics"))
    assert "People who agreed so far: 4. 1 more needed." in html
    assert "answers, from" not in html
    # five people agreed, four rated: the ladder's report waits for the fifth answer
    coordinator, admin, trainees = small_programme(app, 5)
    for trainee, plan in trainees[:4]:
        rate_start(trainee, plan, 3)
    html = unescape(page(coordinator, admin + "/psychometrics"))
    assert "Answers so far: 4. 1 more needed." in html
    assert "answers, from" not in html
    # the page is kept under the programme's state: the fifth rating makes it again
    rate_start(*trainees[4], 3)
    html = unescape(page(coordinator, admin + "/psychometrics"))
    assert "5 answers, from" in html
    assert "Answers so far" not in html


def test_the_psychometrics_report_hides_a_language_only_a_few_answered_in(app, library):
    """Seven ratings, six in English and one in German: the German count would single one
    trainee out, so it is hidden, and with it the next smallest (English), as on the dashboard;
    the total stays."""
    coordinator, admin, trainees = small_programme(app, 7)
    for n, (trainee, plan) in enumerate(trainees):
        answers = dict.fromkeys(IDS, 2)
        lang = "de" if n == 0 else "en"
        token = api_result(trainee, "competence-ladder", answers, phase="start", lang=lang)
        add_to_plan(trainee, plan, token)
    html = page(coordinator, admin + "/psychometrics")
    text = report_section(html, library.questionnaires["competence-ladder"])
    assert "7 answers, from" in text
    assert "Answers by language Language Answers English fewer than 5 Deutsch fewer than 5" in text
    assert "English 6" not in text
    assert "Deutsch 1" not in text
