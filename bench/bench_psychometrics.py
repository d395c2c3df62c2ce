"""Time the psychometrics report on 5,000 and 50,000 learning-style answers; print the figures.

Run with `make bench`, or `python bench/bench_psychometrics.py [DATABASE_URL] [COUNT ...]` (e.g.
the PostgreSQL URL that tests/postgres.sh prints). The answers come from the seeded generator
of the tests (tests/generate.py: lasting preferences plus noise), one in ten people answers a
second time 30 days later, and they are inserted in bulk. For each count it prints the time
of the report streamed from the database (the query, the engine's scoring, the statistics and
their bootstrap intervals), the peak of the memory Python allocated during it (tracemalloc, in
a second run, since tracing slows Python down), and the time to render the page. Nothing here
asserts; tests/test_psychometrics.py checks the figures.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Response, new_token, utcnow
from quizapp.psychometrics import report
from quizapp.psychometrics.page import render_reports, stored_rows
from tests.generate import learning_answers, preferences

BATCH = 5000


def fill(q, count: int, seed: int = 1) -> None:
    """Insert `count` answers in bulk: every tenth person answers twice, 30 days apart."""
    rng = random.Random(seed)
    now = utcnow()
    rows = []
    person = 0
    while len(rows) < count:
        person += 1
        prefer = preferences(rng, 1.0)
        times = (60, 30) if person % 10 == 0 else (60,)
        for days in times[: count - len(rows)]:
            rows.append(
                {
                    "token": new_token(),
                    "questionnaire": q.id,
                    "version": q.version,
                    "lang": ("en", "nl")[person % 2],
                    "answers": learning_answers(q, rng, prefer, contexts=person % 3 == 0),
                    "perspective": "self",
                    "series": f"bench-{person}",
                    "created": now - timedelta(days=days),
                }
            )
    for start in range(0, count, BATCH):
        db.session.execute(db.insert(Response), rows[start : start + BATCH])
    db.session.commit()


def run(q, version: int):
    """The report of everything stored."""
    result = report(stored_rows(q.id, version), q, version)
    db.session.rollback()  # end the read transaction, as a request would
    return result


def main() -> None:
    args = sys.argv[1:]
    url = args.pop(0) if args and "://" in args[0] else None
    counts = [int(a) for a in args] or [5_000, 50_000]
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{Path(tmp) / 'psychometrics.sqlite'}",
            }
        )
        with app.app_context():
            q = app.extensions["quizapp.library"].questionnaires["learning-styles"]
            for count in counts:
                db.drop_all()
                db.create_all()
                start = time.perf_counter()
                fill(q, count)
                filled = time.perf_counter() - start
                start = time.perf_counter()
                result = run(q, q.version)
                took = time.perf_counter() - start
                tracemalloc.start()
                run(q, q.version)
                _size, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                start = time.perf_counter()
                with app.test_request_context("/?lang=nl"):
                    html = render_reports([result], standalone=True)
                rendered = time.perf_counter() - start
                split = ", ".join(f"{s.scale} {s.reliability:.2f}" for s in result.split_half)
                print(
                    f"psychometrics on {db.engine.dialect.name}: {result.n:,} learning-style"
                    f" answers (inserted in {filled:.1f} s): report {took:.2f} s"
                    f" ({1e6 * took / result.n:.0f} µs per answer), peak Python memory"
                    f" {peak / 2**20:.1f} MiB, page {rendered:.2f} s ({len(html) / 1024:.0f} KiB);"
                    f" split-half {split}; {result.retest.pairs:,} retest pairs"
                )


if __name__ == "__main__":
    main()
