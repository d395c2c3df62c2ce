"""Throughput and CPU per request of the main pages under gunicorn, beside bare Flask.

    python bench/serve.py [--seconds 8] [--connections 8] [--workers 2] [--app-dir DIR]

Serves the app (from this checkout, or from --app-dir for a before/after run) and a bare Flask
hello-world with the same gunicorn settings (sync workers), loads each page with wrk, and
prints requests per second, the ratio to hello-world, CPU milliseconds per request (all worker
processes' user + system time over the requests served) and p99 latency. Then it starts a
fresh single worker and times its first result request. wrk shares the machine's cores with
the server, so compare rows of one run with each other. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
TICK = os.sysconf("SC_CLK_TCK")
ENCODINGS = "gzip, deflate, br, zstd"  # what a current browser sends


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    """Wait until a URL answers."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


def cpu_seconds(master: int) -> float:
    """User + system CPU time of a gunicorn master's worker processes."""
    total = 0
    for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICK


class Gunicorn:
    """A gunicorn serving `module:app` from `cwd`, sync workers on a free port."""

    def __init__(self, target: str, cwd: Path, env: dict, workers: int, config: bool = True):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                target,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
                *(["--config", str(HERE / "gunicorn_bench.py")] if config else []),
            ],
            cwd=cwd,
            env={**os.environ, **env, "PYTHONPATH": str(cwd)},
        )

    def stop(self) -> None:
        """Stop the server."""
        self.proc.terminate()
        self.proc.wait(timeout=10)


def load(url: str, seconds: int, connections: int, master: int) -> dict:
    """Run wrk against a URL; return rps, p99 and CPU ms per request."""
    before = cpu_seconds(master)
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--latency",
            "-H",
            f"Accept-Encoding: {ENCODINGS}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    used = cpu_seconds(master) - before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99": float(p99.group(1)) * scale,
        "cpu_ms": 1000 * used / max(requests, 1),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def first_request(app_dir: Path, env: dict, path: str) -> float:
    """Milliseconds for the first request to a result page in a fresh single worker."""
    server = Gunicorn("wsgi:app", app_dir, env, workers=1)
    try:
        # wait until the port takes connections and the worker has booted (its CPU time
        # stops growing), without sending it a request
        end = time.monotonic() + 60
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", server.port)) == 0:
                    break
            time.sleep(0.05)
        last = -1.0
        while time.monotonic() < end:
            time.sleep(0.3)
            used = cpu_seconds(server.proc.pid)
            if used > 0 and used == last:
                break
            last = used
        start = time.perf_counter()
        request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": ENCODINGS})
        with urllib.request.urlopen(request) as response:
            response.read()
        return (time.perf_counter() - start) * 1000
    finally:
        server.stop()


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--app-dir", type=Path, default=HERE.parent)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: run `make bench` (installs it)")
    app_dir = args.app_dir.resolve()
    tmp = Path(tempfile.mkdtemp())
    env = {
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite'}",
        "SECRET_KEY": "bench",
        "RATELIMIT_ENABLED": "0",
    }
    seeded = subprocess.run(
        [sys.executable, str(HERE / "seed.py")],
        cwd=app_dir,
        env={**os.environ, **env, "PYTHONPATH": str(app_dir)},
        capture_output=True,
        text=True,
        check=True,
    )
    pages = {"home": "/", "questionnaire page": "/q/learning-styles/1"}
    pages.update(json.loads(seeded.stdout))
    print(
        f"app: {app_dir} ({args.workers} sync workers, wrk {args.connections} connections,"
        f" {args.seconds} s per page)"
    )
    hello = Gunicorn("hello:app", HERE, {}, args.workers, config=False)
    app = Gunicorn("wsgi:app", app_dir, env, args.workers)
    rows = []
    try:
        wait_for(hello.url + "/")
        wait_for(app.url + "/")
        for path in pages.values():  # warm every worker's caches a little, as in use
            for _ in range(4 * args.workers):
                urllib.request.urlopen(app.url + path).read()
        base = load(hello.url + "/", args.seconds, args.connections, hello.proc.pid)
        rows.append(("bare Flask hello-world", base))
        for name, path in pages.items():
            rows.append((name, load(app.url + path, args.seconds, args.connections, app.proc.pid)))
    finally:
        hello.stop()
        app.stop()
    print(f"{'page':<26} {'rps':>8} {'x hello':>8} {'CPU ms/req':>11} {'p99 ms':>8} {'errors':>7}")
    for name, row in rows:
        ratio = row["rps"] / base["rps"]
        print(
            f"{name:<26} {row['rps']:>8.0f} {ratio:>8.3f} {row['cpu_ms']:>11.2f}"
            f" {row['p99']:>8.1f} {row['errors']:>7}"
        )
    first = first_request(app_dir, env, pages["learning-style result"])
    print(f"first result request in a fresh worker: {first:.0f} ms")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
