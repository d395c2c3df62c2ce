"""Random and hostile input never breaks the API or the forms: always a 4xx, never a 500."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import learning_answers

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=20,
)
QIDS = st.sampled_from(["learning-styles", "leadership-styles", "competence-ladder", "nope"])
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(qid=QIDS, body=JSON)
def test_any_json_body(client, qid, body):
    response = client.post(
        f"/api/v1/questionnaires/{qid}/responses",
        data=json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code in (201, 400, 404, 422)
    data = response.get_json()
    if response.status_code != 201:
        assert all({"item", "code", "message"} <= set(p) for p in data["problems"])


@FUZZ
@given(
    qid=QIDS,
    answers=st.dictionaries(
        st.sampled_from(["ls01", "cx01", "sit01", "knowledge", "teamwork", "x"]), JSON, max_size=6
    ),
    lang=st.sampled_from(["en", "nl", "xx", 3, None]),
    extra=st.booleans(),
)
def test_answers_objects(client, qid, answers, lang, extra):
    body = {"answers": answers, "lang": lang}
    if extra:
        body["perspective"] = "mentor"
    response = client.post(f"/api/v1/questionnaires/{qid}/responses", json=body)
    assert response.status_code in (201, 404, 422)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_raw_bytes(client, raw):
    response = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        data=raw,
        content_type="application/json",
    )
    assert response.status_code in (400, 422)


@FUZZ
@given(
    content_type=st.sampled_from(
        ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "", "text/json"]
    ),
    raw=st.binary(max_size=100),
)
def test_anything_but_json_is_415(client, content_type, raw):
    response = client.post(
        "/api/v1/questionnaires/learning-styles/responses", data=raw, content_type=content_type
    )
    assert response.status_code == 415
    assert response.get_json()["problems"][0]["code"] == "unsupported_media_type"


@FUZZ
@given(
    form=st.dictionaries(st.text(max_size=12), st.text(max_size=6), max_size=8),
    qid=QIDS,
    number=st.integers(0, 8),
)
def test_any_form_post(client, form, qid, number):
    for url in (f"/q/{qid}/{number}", f"/q/{qid}/enter"):
        response = client.post(url, data=form)
        assert response.status_code in (200, 302, 400, 404, 422)


@FUZZ
@given(
    value=st.text(max_size=12) | st.integers(-(10**6), 10**6).map(str) | st.just("9" * 5000),
    qid=QIDS,
)
def test_any_value_in_every_field_of_a_page(client, library, value, qid):
    """Each field of a page gets the same odd value: always a page again, never a 500."""
    q = library.questionnaires.get(qid)
    fields = [f"{i.id}:{o.id}" for i in q.items for o in i.options] if q else []
    fields += [i.id for i in q.items] if q else []
    form = dict.fromkeys([*fields, "phase", "action", "submission"], value)
    for url in (f"/q/{qid}/1", f"/q/{qid}/enter"):
        response = client.post(url, data=form)
        assert response.status_code in (302, 400, 404, 413, 422), (url, value[:20])


def test_one_valid_body_from_the_fuzz_domain_is_accepted(client, library):
    q = library.questionnaires["learning-styles"]
    body = json.dumps({"answers": learning_answers(q, ["AE", "AC", "CE", "RO"])})
    response = client.post(
        "/api/v1/questionnaires/learning-styles/responses",
        data=body,
        content_type="application/json",
    )
    assert response.status_code == 201
