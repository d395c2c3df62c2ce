"""A live server and headless Debian Chromium for browser tests (no browser download)."""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

from werkzeug.serving import make_server

from quizapp.languages import configured

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VENDOR = Path(__file__).resolve().parent.parent / "quizapp" / "static" / "vendor"
# Every language the default configuration serves (English and each catalogue), for the
# browser checks that run in each language.
LANGUAGES = list(configured(Path(__file__).resolve().parent.parent / "translations"))


class LiveServer:
    """Serve an app on a free loopback port in a background thread."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


def tab_until(page, js_test: str, limit: int = 80) -> None:
    """Press Tab until `js_test` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {js_test}; }})()"):
            return
    raise AssertionError(f"no focusable element matched {js_test}")


def post_json(live, qid: str, body: dict) -> str:
    """Store answers through the API of the live server; return the new result's token."""
    request = urllib.request.Request(
        f"{live.url}/api/v1/questionnaires/{qid}/responses",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def make_comparison(live, browser, answers: dict, mentor_step: int) -> str:
    """A trainee's rating (by the API) and a mentor's through the invitation; the comparison URL."""
    token = post_json(live, "competence-ladder", {"answers": answers})
    page = browser.new_page()
    page.goto(f"{live.url}/r/{token}?lang=en")
    page.get_by_role("button", name="Make an invitation link").click()
    invite = page.locator("#invite-url").input_value()
    mentor = browser.new_page()
    mentor.goto(invite + "?lang=en")
    mentor.goto(f"{live.url}/q/competence-ladder/1")
    for number in range(1, 5):
        for item in mentor.locator("fieldset.stage").all():
            item.locator(f"input[value='{mentor_step}']").check()
        mentor.get_by_role("button", name="See my result" if number == 4 else "Next").click()
    compare = mentor.get_by_role("link", name="See both ratings side by side").first
    url = live.url + compare.get_attribute("href")
    mentor.close()
    page.close()
    return url
