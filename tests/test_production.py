"""The shipped production set-up, for real: gunicorn with deploy/gunicorn.conf.py (2 worker
processes) against PostgreSQL and Redis, with a short concurrent scenario through it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from quizapp.engine import load_library

from .helpers import learning_answers
from .servers import PostgresServer, RedisServer, free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
URL = "/api/v1/questionnaires/learning-styles/responses"

pytestmark = pytest.mark.postgres


def at_once(count: int, send):
    """Call send(i) from `count` threads at the same moment; return the answers."""
    barrier = threading.Barrier(count)

    def run(i):
        barrier.wait()
        return send(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """gunicorn serving the app as the README's production steps do; yields (url, env, log)."""
    logs = tmp_path_factory.mktemp("gunicorn")
    log, errors = logs / "access.log", logs / "error.log"
    with PostgresServer() as postgres, RedisServer() as redis_server:
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": postgres.url,
            "RATELIMIT_STORAGE_URI": redis_server.url,
            "RATE_LIMIT_RESULTS": "10 per minute",
            "SECRET_KEY": "production-test",
            "TRUSTED_HOSTS": "127.0.0.1",
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            "QUIZAPP_BIND": f"127.0.0.1:{port}",
            "QUIZAPP_WORKERS": "2",
            "QUIZAPP_ACCESS_LOG": str(log),
            "QUIZAPP_ERROR_LOG": str(errors),
        }
        env.pop("TEST_DATABASE_URL", None)
        subprocess.run(
            [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_for_port(port, timeout=60)
                with requests.get(url + "/healthz", timeout=120) as health:
                    assert health.status_code == 200
            except (TimeoutError, requests.RequestException, AssertionError):
                raise AssertionError(errors.read_text()[-2000:]) from None
            yield url, redis_server, postgres, log
        finally:
            server.terminate()
            server.wait(timeout=40)


def count_results(postgres) -> int:
    engine = create_engine(postgres.url)
    with engine.connect() as conn:
        number = conn.execute(text("SELECT count(*) FROM responses")).scalar()
    engine.dispose()
    return number


@pytest.fixture(scope="module")
def answers():
    q = load_library(ROOT / "questionnaires").questionnaires["learning-styles"]
    return learning_answers(q, ["AE", "AC", "CE", "RO"])


def test_limits_are_shared_by_the_workers(production, answers):
    url, redis_server, postgres, _ = production
    redis_server.flush()
    before = count_results(postgres)
    replies = at_once(20, lambda _i: requests.post(url + URL, json={"answers": answers}))
    codes = sorted(r.status_code for r in replies)
    assert codes == [201] * 10 + [429] * 10
    assert all(1 <= int(r.headers["Retry-After"]) <= 60 for r in replies if r.status_code == 429)
    assert count_results(postgres) - before == 10


def test_one_idempotency_key_sent_at_once_stores_one_result(production, answers):
    url, redis_server, postgres, _ = production
    redis_server.flush()
    before = count_results(postgres)
    key = {"Idempotency-Key": "production-scenario-key-0001"}
    replies = at_once(
        8, lambda _i: requests.post(url + URL, json={"answers": answers}, headers=key)
    )
    assert {r.status_code for r in replies} == {201}
    assert len({r.json()["token"] for r in replies}) == 1
    assert count_results(postgres) - before == 1
    token = replies[0].json()["token"]
    assert replies[0].json()["result_url"] == f"{url}/r/{token}"


def test_pages_headers_and_a_log_without_query_strings(production, answers):
    url, redis_server, _, log = production
    redis_server.flush()
    token = requests.post(url + URL, json={"answers": answers}).json()["token"]
    page = requests.get(f"{url}/r/{token}?lang=nl&name=Secret%20Name")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert requests.get(url + "/", headers={"Host": "evil.example"}).status_code == 400
    time.sleep(0.5)  # the access log is written after the answer
    lines = log.read_text().splitlines()
    mine = [line for line in lines if f"/r/{token}" in line]
    assert mine, lines[-5:]
    assert f'"GET /r/{token} HTTP/1.1" 200' in mine[0]
    assert "Secret" not in log.read_text()
    assert "lang=nl" not in log.read_text()
