"""Paper forms: the scoring sheet read back from the rendered page gives the engine's scores."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from quizapp.engine import score
from quizapp.quiz.paper import key_columns

from .helpers import best_fit_answers, leadership_answers, learning_answers


class Tables(HTMLParser):
    """Collect every table of a page as (attributes, rows of cell texts)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append((dict(attrs), []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            # soft hyphens only mark where a long word may break
            text = "".join(self._cell).replace("\xad", "")
            self.tables[-1][1][-1].append(" ".join(text.split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str, **attrs) -> list[list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return [
        rows
        for a, rows in parser.tables
        if all(
            a.get(k) == v or (k == "class" and v in a.get(k, "").split()) for k, v in attrs.items()
        )
    ]


def in_band(text: str, value: float) -> bool:
    """Does a printed band ("≤ 5", "6 – 14", "≥ 15") hold the value?"""
    if text.startswith("≤"):
        return value <= float(text[1:])
    if text.startswith("≥"):
        return value >= float(text[1:])
    lo, hi = (float(x) for x in text.split("–"))
    return lo <= value <= hi


def classify_by_sheet(grid: list[list[str]], y: float, x: float | None = None) -> str:
    header, *rows = grid
    for row in rows:
        if in_band(row[0], y):
            if x is None:
                return row[1]
            column = next(i for i, band in enumerate(header[1:], start=1) if in_band(band, x))
            return row[column]
    raise AssertionError("no band")


def scale_rows(html: str, q) -> dict[str, str]:
    """The scoring sheet's "how to work it out" per scale, by the scale's id.

    The sheet names each scale (with its column letters where it has some), never by a raw id.
    """
    by_name = {s.name: s.id for s in q.scales}
    rows = {}
    for row in tables(html, **{"class": "scales"})[0][1:]:
        name = re.sub(r" \(\S+\)$", "", row[0])
        rows[by_name[name]] = row[1]
    return rows


def hand_score_learning(html: str, answers: dict, q) -> dict:
    """Score as a person would with the printed sheet."""
    [points] = tables(html, **{"class": "points"})
    place_points = {int(place): int(p) for place, p in points[1:]}
    scores = {}
    cycle, contexts = tables(html, **{"class": "key"})
    header = cycle[0][1:]
    totals = dict.fromkeys(header, 0)
    number = {str(n): item.id for n, item in enumerate(q.items, start=1)}
    for row in cycle[1:-1]:
        ranking = answers[number[row[0]]]
        for column, letter in zip(header, row[1:], strict=True):
            totals[column] += place_points[ranking.index(letter) + 1]
    scores.update(totals)
    how_to = scale_rows(html, q)
    for name, how in how_to.items():
        match = re.fullmatch(r"(\S+) minus (\S+)\.", how)
        if match:
            scores[name] = scores[match.group(1)] - scores[match.group(2)]
    if "cx01" in answers:
        header = contexts[0][1:]
        places = dict.fromkeys(header, 0)
        for row in contexts[1:-1]:
            for column, letter in zip(header, row[1:], strict=True):
                places[column] += answers[number[row[0]]].index(letter) + 1
        a, b = (
            int(x)
            for x in re.search(r"W = \(12 × S − (\d+)\) / (\d+)", how_to["flexibility"]).groups()
        )
        s = sum(t * t for t in places.values())
        scores["flexibility"] = round(1 - (12 * s - a) / b, 3)
    return scores


@pytest.mark.parametrize(
    ("orders", "contexts"),
    [
        (["AE", "AC", "CE", "RO"], None),
        (["RO", "CE", "AE", "AC"], ["CE", "RO", "AC", "AE"]),
        (
            [["AC", "CE", "RO", "AE"]] * 6 + [["CE", "AC", "AE", "RO"]] * 6,
            [["CE", "RO", "AC", "AE"]] * 7 + [["RO", "CE", "AC", "AE"]],
        ),
        (
            [["AE", "RO", "AC", "CE"], ["CE", "AE", "RO", "AC"], ["AC", "AE", "CE", "RO"]] * 4,
            [["CE", "RO", "AC", "AE"], ["AE", "AC", "RO", "CE"]] * 4,
        ),
    ],
)
def test_learning_style_sheet_gives_engine_scores(client, library, orders, contexts):
    q = library.questionnaires["learning-styles"]
    html = client.get("/q/learning-styles/paper?lang=en").get_data(as_text=True)
    answers = learning_answers(q, orders, contexts)
    engine = score(q, answers)
    by_hand = hand_score_learning(html, answers, q)
    expected = {k: v for k, v in engine.scores.items() if v is not None}
    assert by_hand == expected
    region, style, flexibility = tables(html, **{"class": "grid-key"})
    names = {c.id: c.name for c in q.classification("region").classes}
    names.update({c.id: c.name for c in q.classification("style").classes})
    names.update({c.id: c.name for c in q.classification("flexibility-band").classes})
    if "flexibility" in by_hand:
        assert (
            classify_by_sheet(flexibility, by_hand["flexibility"])
            == names[engine.profile["flexibility-band"]]
        )
    assert (
        classify_by_sheet(region, by_hand["AC-CE"], by_hand["AE-RO"])
        == names[engine.profile["region"]]
    )
    assert (
        classify_by_sheet(style, by_hand["AC-CE"], by_hand["AE-RO"])
        == names[engine.profile["style"]]
    )


@pytest.mark.parametrize(
    "styles", ["best", "S1", "S4", ["S1", "S2", "S3", "S4"] * 3, ["S2"] * 6 + ["S3"] * 6]
)
def test_leadership_sheet_gives_engine_scores(client, library, styles):
    q = library.questionnaires["leadership-styles"]
    html = client.get("/q/leadership-styles/paper?lang=en").get_data(as_text=True)
    answers = best_fit_answers(q) if styles == "best" else leadership_answers(q, styles)
    [key] = tables(html, **{"class": "key"})
    header = key[0]
    circled = []  # (group, column, points) of each circled letter
    number = {str(n): item.id for n, item in enumerate(q.items, start=1)}
    for row in key[1:-1]:
        item, group = number[row[0]], row[1]
        for column, cell in zip(header[2:], row[2:], strict=True):
            letter, points = re.fullmatch(r"(\w+) \(([+-]\d+)\)", cell).groups()
            if letter == answers[item]:
                circled.append((group, column, int(points)))
    by_hand = {}
    for name, how in scale_rows(html, q).items():
        if match := re.fullmatch(r"How many letters you circled in column (\S+)\.", how):
            by_hand[name] = sum(1 for _, c, _p in circled if c == match.group(1))
        elif how == "Add the points of all the letters you circled.":
            by_hand[name] = sum(p for *_, p in circled)
        elif match := re.fullmatch(
            r"How many of the letters you circled(?: in the rows of group (\S+))? have the"
            r" points (.+)\.",
            how,
        ):
            group, wanted = match.group(1), {int(p) for p in match.group(2).split(" or ")}
            by_hand[name] = sum(1 for g, _c, p in circled if p in wanted and group in (None, g))
        else:
            raise AssertionError(how)
    engine = score(q, answers)
    assert by_hand == engine.scores
    best_fit, points = tables(html, **{"class": "grid-key"})
    for grid, classification, value in [
        (best_fit, "best-fit-band", by_hand["best-fit"]),
        (points, "adaptability-band", by_hand["adaptability"]),
    ]:
        name = next(
            c.name
            for c in q.classification(classification).classes
            if c.id == engine.profile[classification]
        )
        assert classify_by_sheet(grid, value) == name


def test_paper_forms_render_for_each_questionnaire(client, library):
    for qid, q in library.questionnaires.items():
        html = client.get(f"/q/{qid}/paper?lang=nl").get_data(as_text=True)
        assert '<html lang="nl">' in html
        assert html.count('class="paper-item"') == len(q.items)
    mentor = client.get("/q/competence-ladder/paper?as=mentor&lang=en").get_data(as_text=True)
    item = library.questionnaires["competence-ladder"].items[0]
    assert item.options[0].text_mentor.replace("'", "&#39;") in mentor
    # the learning styles have a mentor's wording (for the mentor's own style); leadership has none
    own = client.get("/q/learning-styles/paper?as=mentor&lang=en").get_data(as_text=True)
    assert "A colleague shows me a new machine that I will use soon. I ..." in own
    assert client.get("/q/leadership-styles/paper?as=mentor").status_code == 404


def test_typing_in_paper_answers(client, library):
    q = library.questionnaires["learning-styles"]
    data = {}
    for item in q.part("cycle").items:
        for place, option in enumerate(item.options, start=1):
            data[f"{item.id}:{option.id}"] = str(place)
    response = client.post("/q/learning-styles/enter", data=data)
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[1]
    stored = client.get(f"/api/v1/results/{token}").get_json()
    assert stored["answers"] == {i.id: ["a", "b", "c", "d"] for i in q.part("cycle").items}
    assert stored["scores"]["flexibility"] is None


def test_typing_in_a_partly_filled_optional_part_is_422(client, library):
    q = library.questionnaires["learning-styles"]
    data = {}
    for item in q.items[:13]:
        for place, option in enumerate(item.options, start=1):
            data[f"{item.id}:{option.id}"] = str(place)
    response = client.post("/q/learning-styles/enter?lang=en", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert html.count("Please answer this question too, or skip the whole optional part.") == 14
    # every place typed in is shown again, in its box
    typed = re.findall(r'class="place-input" type="text" name="[^"]+" [^>]*value="\d"', html)
    assert len(typed) == 13 * 4


def test_typing_in_mentor_ladder(client, library):
    q = library.questionnaires["competence-ladder"]
    data = {item.id: "2" for item in q.items}
    data.update({"as": "mentor", "phase": "end", "teamwork": "not-observed"})
    response = client.post("/q/competence-ladder/enter", data=data)
    assert response.status_code == 302
    result = client.get("/api/v1/results/" + response.headers["Location"].rsplit("/", 1)[1])
    data = result.get_json()
    assert (data["perspective"], data["phase"]) == ("mentor", "end")
    assert data["scores"]["stage-2"] == 13
    assert data["scores"]["teamwork"] is None


def test_typing_in_without_csrf_token_keeps_the_answers(app, library):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    q = library.questionnaires["leadership-styles"]
    data = {item.id: "b" for item in q.items}
    response = client.post("/q/leadership-styles/enter?lang=en", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "please send the page again" in html
    assert len(re.findall(r"\bchecked\b", html)) == 12
    assert client.get("/api/v1/questionnaires").status_code == 200


@pytest.mark.parametrize("qid", ["learning-styles", "leadership-styles", "competence-ladder"])
def test_paper_and_typing_in_show_no_internal_ids(client, library, qid):
    """Questions are numbered 1..n on paper, in its key and when typing in; scores go by their
    names (with their column letters where they have some), never by an id."""
    q = library.questionnaires[qid]
    html = client.get(f"/q/{qid}/paper?lang=en").get_data(as_text=True)
    numbers = [str(n) for n in range(1, len(q.items) + 1)]
    stems = re.findall(r'<p class="paper-stem"><strong>(\d+)\.</strong>', html)
    assert stems == numbers
    keyed = [row[0] for key in tables(html, **{"class": "key"}) for row in key[1:]]
    if q.kind != "competence-ladder":
        assert [k for k in keyed if k != "Total"] == numbers
    codes = {c for part in q.parts for c in key_columns(q, part)}
    expected = [s.name + (f" ({s.id})" if s.id in codes else "") for s in q.scales]
    assert [row[0] for row in tables(html, **{"class": "scales"})[0][1:]] == expected
    for grid in tables(html, **{"class": "grid-key"}):
        assert grid[0][0] not in {s.id for s in q.scales}
    enter = client.get(f"/q/{qid}/enter?lang=en").get_data(as_text=True)
    shown = re.findall(r'<span class="qnum">([^<]+)</span>', enter)
    label = "Competence" if q.kind == "competence-ladder" else "Question"
    assert [re.sub(r" of \d+$", "", n) for n in shown] == [f"{label} {n}" for n in numbers]
