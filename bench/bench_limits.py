"""How many results one client can store per second, without and with the rate limits.

Run with `make bench`. One client posts complete answer sets to the API as fast as it can for
a few seconds against a live server on loopback, first with RATELIMIT_ENABLED off (as before
the limits), then with the default limits; it prints stored results per second and how many
requests were refused. Nothing here asserts.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.engine import load_library
from quizapp.extensions import db
from tests.browser import LiveServer

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 5.0
URL = "/api/v1/questionnaires/learning-styles/responses"


def run(enabled: bool, tmp: str) -> None:
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / f'limits-{enabled}.sqlite'}",
            "RATELIMIT_ENABLED": enabled,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        db.create_all()
    q = load_library(ROOT / "questionnaires").questionnaires["learning-styles"]
    body = {"answers": {i.id: [o.id for o in i.options] for i in q.items}}
    stored = refused = 0
    with LiveServer(app) as server, requests.Session() as client:
        end = time.perf_counter() + SECONDS
        while time.perf_counter() < end:
            status = client.post(server.url + URL, json=body).status_code
            stored += status == 201
            refused += status == 429
    limits = app.config["RATE_LIMIT_RESULTS"] if enabled else "none"
    print(
        f"limits {limits:<28} {stored / SECONDS:7.1f} results stored per second"
        f" ({stored} stored, {refused} refused with 429 in {SECONDS:.0f} s)"
    )
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        run(False, tmp)
        run(True, tmp)


if __name__ == "__main__":
    main()
