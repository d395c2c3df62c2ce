"""Time `flask results purge` on 100,000 expired results and print the figure.

Run with `make bench`, or `python bench/bench_purge.py [DATABASE_URL] [COUNT]` for another
database (e.g. the PostgreSQL URL that tests/postgres.sh prints). The results are inserted in
bulk with 10,000 invitations between them, then purged with the command's code. Nothing here
asserts; the tests check that the purge deletes the right rows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_app, database_url
from quizapp.extensions import db
from quizapp.models import Invitation, Response, new_token, utcnow
from quizapp.results.store import purge_expired


def fill(count: int) -> None:
    """Insert `count` expired results, and an invitation for every tenth, in bulk."""
    created = utcnow() - timedelta(days=800)
    answers = {"ls01": ["a", "b", "c", "d"], "ls02": ["b", "a", "d", "c"]}
    for start in range(0, count, 10_000):
        rows = [
            {
                "token": new_token(),
                "questionnaire": "learning-styles",
                "version": 1,
                "lang": "en",
                "answers": answers,
                "created": created,
            }
            for _ in range(min(10_000, count - start))
        ]
        db.session.execute(db.insert(Response), rows)
    ids = list(db.session.execute(db.select(Response.id).order_by(Response.id)).scalars())
    invitations = [
        {
            "token": new_token(),
            "compare_token": new_token(),
            "from_id": ids[i],
            "perspective": "mentor",
            "answer_id": ids[i + 1],
            "created": created,
        }
        for i in range(0, len(ids) - 1, 10)
    ]
    db.session.execute(db.insert(Invitation), invitations)
    db.session.commit()


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else None
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        app = bench_app(database_url(url, tmp, "purge.sqlite"))
        with app.app_context():
            db.drop_all()
            db.create_all()
            start = time.perf_counter()
            fill(count)
            filled = time.perf_counter() - start
            start = time.perf_counter()
            deleted = purge_expired()
            took = time.perf_counter() - start
            left = db.session.execute(db.select(db.func.count(Response.id))).scalar()
            print(
                f"purge on {db.engine.dialect.name}: {deleted:,} expired results deleted in"
                f" {took:.2f} s ({deleted / took:,.0f} per second; {left} left;"
                f" filling took {filled:.1f} s)"
            )
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


if __name__ == "__main__":
    main()
