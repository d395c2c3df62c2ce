"""Schemathesis against the running app, from its own OpenAPI document: every check, every
phase (examples, coverage, fuzzing, and the stateful phase that follows the document's links:
create a result, read it, delete it). It must find no failure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .browser import LiveServer

ST = Path(sys.executable).with_name("st")
CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_no_failure(app, tmp_path):
    with LiveServer(app) as server:
        run = subprocess.run(
            [
                str(ST),
                "--config-file",
                str(CONFIG),
                "run",
                f"{server.url}/api/v1/openapi.json",
                "--checks",
                "all",
                "--report",
                "junit",
                "--report-dir",
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=tmp_path,  # its cache goes there, not into the checkout
        )
    summary = run.stdout[run.stdout.rfind("SUMMARY") :]
    assert run.returncode == 0, run.stdout[-6000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in summary, summary
    cases = re.search(r"(\d+) generated, (\d+) passed", summary)
    assert cases, summary
    assert cases.group(1) == cases.group(2), summary
    assert int(cases.group(1)) >= 500, summary
    print(f"schemathesis: {cases.group(1)} cases, 0 failures")
