"""Time the psychometrics report on 5,000 and 50,000 learning-style answers; print the figures.

Run with `make bench`, or `python bench/bench_psychometrics.py [DATABASE_URL] [COUNT ...]` (e.g.
the PostgreSQL URL that tests/postgres.sh prints). The answers come from the seeded generator
of the tests (tests/generate.py: lasting preferences plus noise), one in ten people answers a
second time 30 days later, and they are inserted in bulk. For each count it prints the time
(on the clock, and the CPU time of the process, which a busy machine does not inflate)
of the report streamed from the database (the query, the engine's scoring, the statistics and
their bootstrap intervals), how far the resident memory of the process rose at its peak during
it (Linux: a fresh process for each count; its peak, VmHWM, is reset through
/proc/self/clear_refs just before the report), and the time to render the page. Nothing
here asserts; tests/test_psychometrics.py checks the figures.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_app, database_url
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


def _kib(field: str) -> int:
    """A memory figure of this process from /proc/self/status (Linux), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise LookupError(field)


def measure(url: str) -> tuple[float, float, int, str, int, float, int]:
    """In a fresh process: the report of everything stored, timed, its peak memory, the page.

    Returns the seconds the report took (on the clock, and of this process's CPU), how far
    the process's peak resident memory rose during it (bytes), the split-half figures, the
    retest pairs, the seconds to render the page and the page's size (bytes).
    """
    app = bench_app(url)
    with app.app_context():
        q = app.extensions["quizapp.library"].questionnaires["learning-styles"]
        Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
        before = _kib("VmRSS")
        start, cpu = time.perf_counter(), time.process_time()
        result = report(stored_rows(q.id, q.version), q, q.version)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        rise = _kib("VmHWM") - before
        db.session.rollback()  # end the read transaction, as a request would
        start = time.perf_counter()
        with app.test_request_context("/?lang=nl"):
            html = render_reports([result], standalone=True)
        rendered = time.perf_counter() - start
    split = ", ".join(f"{s.scale} {s.reliability:.2f}" for s in result.split_half)
    return took, cpu, rise * 1024, split, result.retest.pairs, rendered, len(html)


def main() -> None:
    args = sys.argv[1:]
    url = args.pop(0) if args and "://" in args[0] else None
    counts = [int(a) for a in args] or [5_000, 50_000]
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url(url, tmp, "psychometrics.sqlite")
        app = bench_app(url)
        for count in counts:
            with app.app_context():
                q = app.extensions["quizapp.library"].questionnaires["learning-styles"]
                db.drop_all()
                db.create_all()
                start = time.perf_counter()
                fill(q, count)
                filled = time.perf_counter() - start
                dialect = db.engine.dialect.name
                db.session.remove()
            # A new process for each count, so that its peak memory is the report's alone.
            with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                took, cpu, rise, split, pairs, rendered, size = pool.submit(measure, url).result()
            print(
                f"psychometrics on {dialect}: {count:,} learning-style answers (inserted in"
                f" {filled:.1f} s): report {took:.2f} s, {cpu:.2f} s CPU"
                f" ({1e6 * cpu / count:.0f} µs CPU per answer), peak memory"
                f" +{rise / 2**20:.1f} MiB, page {rendered:.2f} s"
                f" ({size / 1024:.0f} KiB); split-half {split}; {pairs:,} retest pairs"
            )
        with app.app_context():
            db.drop_all()
            db.engine.dispose()


if __name__ == "__main__":
    main()
