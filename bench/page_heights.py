"""Measure each result page on a 360 px phone in headless Chromium and print the figures.

For every kind of result (learning style, leadership, the competence ladder as trainee and as
mentor, the comparison), in English and Dutch: the page's height, its width (a page wider than
the screen scrolls sideways), and how far down the next step is (the first link or button that
leads on: the competence ladder, rating the trainee, inviting the other rater, the comparison).
Run with `.venv/bin/python bench/page_heights.py`. Nothing here asserts.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.extensions import db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic"]
LADDER = [1, 2, 3, 4, None, 2, 3, 3, 4, 1, 2, 3, 4, 2]
# What leads on from each page (a CSS selector); the first visible match counts.
NEXT_STEP = {
    "learning-style": "a[href*='/q/competence-ladder']",
    "leadership": "a[href*='/q/competence-ladder']",
    "ladder (trainee)": "#invite button, #invite a.button, form[action$='/invite'] button",
    "ladder (mentor)": "a[href*='/r/compare/']",
    "comparison": "a[href^='mailto:'], #talk-h",
}


def post(base: str, qid: str, body: dict) -> str:
    request = urllib.request.Request(
        f"{base}/api/v1/questionnaires/{qid}/responses",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def results(base: str, app, browser) -> dict[str, str]:
    """One result of each kind; the mentor's ladder answers the trainee's invitation."""
    library = app.extensions["quizapp.library"]
    ls = library.questionnaires["learning-styles"]
    lead = library.questionnaires["leadership-styles"]
    ladder_q = library.questionnaires["competence-ladder"]
    order = ["CE", "RO", "AC", "AE"]
    learning = {
        i.id: [next(o.id for o in i.options if o.scale == m) for m in order]
        for i in ls.part("cycle").items
    }
    leadership = {i.id: next(o.id for o in i.options if o.scale == "S3") for i in lead.items}
    ladder = dict(zip([i.id for i in ladder_q.items], LADDER, strict=True))
    own = post(base, "competence-ladder", {"answers": ladder, "phase": "start"})
    page = browser.new_page()
    page.goto(f"{base}/r/{own}?lang=en")
    page.locator("form[action$='/invite'] button").click()
    invite = page.locator("#invite-url").input_value()
    mentor = browser.new_context().new_page()
    mentor.goto(invite + "?lang=en")
    mentor.goto(f"{base}/q/competence-ladder/1")
    for _page in range(4):
        for item in mentor.locator("fieldset.stage").all():
            item.locator("input[value='3']").check()
        mentor.locator("button[value=finish], button[value=next]").first.click()
        mentor.wait_for_load_state()
    mentor_url = mentor.url.split("?")[0]
    compare = mentor.locator("a[href*='/r/compare/']").first.get_attribute("href")
    own2 = post(base, "competence-ladder", {"answers": ladder, "phase": "start"})
    return {
        "learning-style": f"{base}/r/{post(base, 'learning-styles', {'answers': learning})}",
        "leadership": f"{base}/r/{post(base, 'leadership-styles', {'answers': leadership})}",
        "ladder (trainee)": f"{base}/r/{own2}",
        "ladder (mentor)": mentor_url,
        "comparison": base + compare,
    }


MEASURE = """(selector) => {
  const el = [...document.querySelectorAll(selector)].find(e => e.getClientRects().length);
  return {
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    next: el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null,
  };
}"""


def main() -> None:
    tmp = tempfile.mkdtemp()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/heights.sqlite",
            "SECRET_KEY": "heights",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = results(base, app, browser)
        head = ("page at 360 px", "lang", "height", "width at 320", "next step at")
        print("{:<20} {:<4} {:>8} {:>13} {:>13}".format(*head))
        for name, url in pages.items():
            for lang in ("en", "nl"):
                page = browser.new_page(viewport={"width": 360, "height": 740})
                page.goto(f"{url}?lang={lang}")
                m = page.evaluate(MEASURE, NEXT_STEP[name])
                page.set_viewport_size({"width": 320, "height": 740})
                m["width"] = page.evaluate(MEASURE, "body")["width"]
                nxt = "-" if m["next"] is None else f"{m['next']} px"
                print(f"{name:<20} {lang:<4} {m['height']:>5} px {m['width']:>10} px {nxt:>13}")
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
