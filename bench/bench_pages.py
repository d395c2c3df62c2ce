"""Time the engine and the main pages in-process and print the figures.

Run with `make bench`. Numbers are wall-clock on this machine (2 cores shared with whatever
else runs), so compare runs with each other, not with a budget. Nothing here asserts.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.engine import check_answers, score
from quizapp.extensions import db


def timed(fn, repeat: int) -> list[float]:
    """Run fn `repeat` times; return the durations in milliseconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def line(name: str, ms: list[float]) -> str:
    """Format one row of figures."""
    ms = sorted(ms)
    p95 = ms[int(len(ms) * 0.95) - 1]
    mean, p50 = statistics.mean(ms), ms[len(ms) // 2]
    return f"{name:<44} n={len(ms):<5} mean={mean:7.2f} ms  p50={p50:7.2f} ms  p95={p95:7.2f} ms"


def answers_for(q) -> dict:
    """A valid answer set for any questionnaire."""
    answers = {}
    for item in q.items:
        if item.kind == "rank":
            answers[item.id] = [o.id for o in item.options]
        elif item.kind == "choice":
            answers[item.id] = item.options[0].id
        else:
            answers[item.id] = item.options[1].value
    return answers


def main() -> None:
    """Print the figures."""
    tmp = tempfile.mkdtemp()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite",
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
    library = app.extensions["quizapp.library"]
    print("engine (check + score one answer set)")
    for qid, q in library.questionnaires.items():
        answers = answers_for(q)
        print(
            line(f"  {qid}", timed(lambda q=q, a=answers: (check_answers(q, a), score(q, a)), 2000))
        )
    client = app.test_client()
    print("pages (Flask test client, in-process)")
    for path in (
        "/",
        "/q/learning-styles",
        "/q/learning-styles/1",
        "/q/competence-ladder/1",
        "/handbook/2.5",
        "/q/learning-styles/paper",
        "/api/v1/questionnaires/learning-styles",
    ):
        client.get(path)
        print(line(f"  GET {path}", timed(lambda p=path: client.get(p), 200)))
    for qid, q in library.questionnaires.items():
        body = {"answers": answers_for(q)}
        url = f"/api/v1/questionnaires/{qid}/responses"
        print(line(f"  POST {url}", timed(lambda u=url, b=body: client.post(u, json=b), 100)))
        token = client.post(url, json=body).get_json()["token"]
        first = timed(lambda t=token: client.get(f"/r/{t}"), 1)
        print(line(f"  GET /r/<{qid}> first view (scored and rendered)", first))
        print(
            line(
                f"  GET /r/<{qid}> again (the kept page)",
                timed(lambda t=token: client.get(f"/r/{t}"), 100),
            )
        )
        print(
            line(
                f"  GET /api/v1/results/<{qid}>",
                timed(lambda t=token: client.get(f"/api/v1/results/{t}"), 100),
            )
        )


if __name__ == "__main__":
    main()
