"""Time a programme's dashboard and export at 500 internships and 5,000 results; print figures.

Run with `make bench` (SQLite), or `python bench/bench_programme.py [DATABASE_URL] [INTERNSHIPS]`
for PostgreSQL (the URL that tests/postgres.sh prints). The programme is inserted in bulk:
each internship has a trainee and a mentor who agreed, and ten results (the trainee's learning
style, ladder ratings of both in each of the three phases, the mentor's leadership styles, the
process evaluation of both). Then the dashboard is requested through the app: "cold" renders
it from the database, "kept" is the same request again (the page kept by results/pages.py), and
"after a new result" renders it again because the programme's state changed (the progress
list shows one page of 50; the figures check and score only the results not seen before);
"no result scored yet" renders another page after forgetting every checked and scored result.
The programme's psychometrics report is timed made and kept. The CSV and Excel
exports are streamed to nowhere, timed, and the rise of the process's resident memory measured.
Nothing here asserts; tests/test_programmes.py checks the figures.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.engine import check_answers, load_library
from quizapp.extensions import db
from quizapp.models import AdminLink, Attachment, Internship, Programme, Response, new_token, utcnow
from quizapp.programmes import cohort as cohort_module

QUESTIONNAIRES = Path(__file__).resolve().parent.parent / "questionnaires"
PHASES = ("start", "middle", "end")


def answers_for(q, rng: random.Random) -> dict:
    """A valid answer set of any kind: a shuffled ranking, a random option or step, a comment."""
    steps = [s.value for s in q.stages]
    answers = {}
    for item in q.items:
        if item.kind == "rank":
            answers[item.id] = rng.sample([o.id for o in item.options], len(item.options))
        elif item.kind == "choice":
            answers[item.id] = rng.choice(item.options).id
        elif item.kind == "stage":
            answers[item.id] = rng.choice(steps)
        elif rng.random() < 0.3:
            answers[item.id] = "A comment of a few words about this point."
    problems = check_answers(q, answers)
    assert not problems, (q.id, problems)
    return answers


def fill(internships: int, library) -> str:
    """Insert a programme of `internships` internships, ten results each; its admin token."""
    rng = random.Random(13)
    now = utcnow()
    programme = Programme(
        name="Bench",
        languages=["en"],
        start_on=(now - timedelta(days=90)).date(),
        middle_on=(now - timedelta(days=45)).date(),
        end_on=(now - timedelta(days=5)).date(),
        min_group=5,
    )
    link = AdminLink(label="Bench")
    programme.admin_links.append(link)
    db.session.add(programme)
    db.session.commit()
    rows = [
        {
            "trainee_token": new_token(),
            "mentor_token": new_token(),
            "programme_id": programme.id,
            "label": f"Internship {n + 1}",
            "trainee_opened": now,
            "mentor_opened": now,
            "trainee_agreed": now,
            "mentor_agreed": now,
            "created": now - timedelta(days=100) + timedelta(seconds=n),
        }
        for n in range(internships)
    ]
    db.session.execute(db.insert(Internship), rows)
    ids = list(
        db.session.execute(
            db.select(Internship.id).where(Internship.programme_id == programme.id)
        ).scalars()
    )
    qs = {q.kind: q for q in library.questionnaires.values()}
    plan = [("trainee", "learning-style", None, None), ("mentor", "leadership", None, None)]
    plan += [
        (role, "competence-ladder", phase, "self" if role == "trainee" else "mentor")
        for phase in PHASES
        for role in ("trainee", "mentor")
    ]
    plan += [("trainee", "evaluation", None, None), ("mentor", "evaluation", None, None)]
    responses, owners = [], []
    for n, iid in enumerate(ids):
        for k, (role, kind, phase, perspective) in enumerate(plan):
            q = qs[kind]
            responses.append(
                {
                    "token": new_token(),
                    "questionnaire": q.id,
                    "version": q.version,
                    "lang": "en",
                    "answers": answers_for(q, rng),
                    "phase": phase,
                    "perspective": perspective,
                    "created": now - timedelta(days=95) + timedelta(minutes=n * 10 + k),
                }
            )
            owners.append((iid, role))
    made = []
    for start in range(0, len(responses), 1000):
        chunk = responses[start : start + 1000]
        made += db.session.execute(
            db.insert(Response).returning(Response.id, sort_by_parameter_order=True), chunk
        ).scalars()
    db.session.execute(
        db.insert(Attachment),
        [
            {"internship_id": iid, "response_id": rid, "role": role, "created": now}
            for (iid, role), rid in zip(owners, made, strict=True)
        ],
    )
    db.session.commit()
    return link.token


def timed(client, path: str) -> float:
    """Milliseconds for one request (the whole body read)."""
    start = time.perf_counter()
    response = client.get(path)
    response.get_data()
    assert response.status_code == 200, (path, response.status_code)
    return (time.perf_counter() - start) * 1000


def resident_mb() -> float:
    """The process's resident memory now (Linux /proc), in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


def export(client, path: str) -> tuple[float, float, int]:
    """Seconds, the most the resident memory rose above its level before (MB, sampled every
    10 ms) and bytes of one streamed download. A download held in memory would raise it by
    about the file's size or more; a streamed one by little."""
    before = resident_mb()
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], resident_mb())

    watcher = threading.Thread(target=sample)
    watcher.start()
    start = time.perf_counter()
    size = 0
    with client.get(path, buffered=False) as response:
        for chunk in response.response:
            size += len(chunk)
    took = time.perf_counter() - start
    done.set()
    watcher.join()
    return took, max(peak[0], resident_mb()) - before, size


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else None
    internships = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    library = load_library(QUESTIONNAIRES)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{Path(tmp) / 'programme.sqlite'}",
                "RATELIMIT_ENABLED": False,
                "SERVER_NAME": "localhost",
            }
        )
        with app.app_context():
            db.drop_all()
            db.create_all()
            start = time.perf_counter()
            token = fill(internships, library)
            filled = time.perf_counter() - start
            results = db.session.execute(db.select(db.func.count(Response.id))).scalar()
            db.session.remove()
        client = app.test_client()
        timed(client, "/?lang=en")  # load the questionnaires and templates once
        admin = f"/p/{token}?lang=en"
        cold = timed(client, admin)
        kept = [timed(client, admin) for _ in range(20)]
        evaluation_cold = timed(client, f"/p/{token}/evaluation?lang=en")
        with app.app_context():
            # one more result changes the programme's state: the page is made again
            q = next(q for q in library.questionnaires.values() if q.kind == "learning-style")
            response = Response(
                questionnaire=q.id,
                version=q.version,
                lang="en",
                answers=answers_for(q, random.Random(1)),
            )
            db.session.add(response)
            db.session.flush()
            first = db.session.execute(
                db.select(Internship.id).order_by(Internship.id).limit(1)
            ).scalar()
            db.session.add(Attachment(internship_id=first, response_id=response.id, role="trainee"))
            db.session.commit()
            db.session.remove()
        again = timed(client, admin)
        # a process past its first request (templates compiled, connections open, as
        # quizapp.warm_up leaves a gunicorn worker) with no result checked and scored yet
        cohort_module._kept.clear()
        unkept = timed(client, f"/p/{token}?lang=en&page=2")
        report = f"/p/{token}/psychometrics?lang=en"
        report_cold = timed(client, report)
        report_kept = statistics.median(timed(client, report) for _ in range(5))
        csv_s, csv_mb, csv_bytes = export(client, f"/p/{token}/export.csv")
        xlsx_s, xlsx_mb, xlsx_bytes = export(client, f"/p/{token}/export.xlsx")
        name = "postgresql" if url and url.startswith("postgres") else "sqlite"
        print(
            f"programme on {name}: {internships} internships, {results:,} results"
            f" (inserted in {filled:.1f} s)"
        )
        print(f"  dashboard cold (rendered from the database): {cold:.0f} ms")
        print(
            f"  dashboard kept (same state, 20 requests): median {statistics.median(kept):.1f} ms,"
            f" max {max(kept):.1f} ms"
        )
        print(f"  dashboard after one new result (rendered again): {again:.0f} ms")
        print(f"  dashboard with no result scored yet, in a warm process: {unkept:.0f} ms")
        print(f"  evaluation summary cold: {evaluation_cold:.0f} ms")
        print(
            f"  psychometrics report: made {report_cold / 1000:.1f} s,"
            f" kept median {report_kept:.1f} ms"
        )
        print(
            f"  export CSV: {csv_s:.2f} s, {csv_bytes / 1e6:.1f} MB,"
            f" memory rose at most {csv_mb:.1f} MB"
        )
        print(
            f"  export Excel: {xlsx_s:.2f} s, {xlsx_bytes / 1e6:.1f} MB,"
            f" memory rose at most {xlsx_mb:.1f} MB"
        )
        with app.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


if __name__ == "__main__":
    main()
