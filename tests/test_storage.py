"""Storage: the migration that adds the constraints keeps one invitation per result and rater,
goes down again; SQLite settings; the bulk purge deletes exactly the expired rows."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import create_engine, inspect, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Invitation, Response, utcnow
from quizapp.results.store import purge_expired

from .conftest import POSTGRES_URL, drop_tables

BEFORE = "c887ddddc9b0"
EXACTLY_ONCE = "a3f1c9e2d7b4"


def test_migration_keeps_the_answered_invitation_and_goes_down_again(tmp_path):
    url = POSTGRES_URL or f"sqlite:///{tmp_path / 'migrate.sqlite'}"
    engine = create_engine(url)
    drop_tables(engine)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", BEFORE]).exit_code == 0
    now = utcnow()
    with engine.begin() as conn:
        for rid in (1, 2, 3):
            conn.execute(
                text(
                    "INSERT INTO responses (id, token, questionnaire, version, lang, answers,"
                    " created) VALUES (:id, :t, 'competence-ladder', 1, 'en', '{}', :c)"
                ),
                {"id": rid, "t": f"token-{rid}", "c": now},
            )
        # two clicks at once made three invitations for result 1; the second was answered
        for iid, answer in ((1, None), (2, 2), (3, None)):
            conn.execute(
                text(
                    "INSERT INTO invitations (id, token, compare_token, from_id, perspective,"
                    " answer_id, created) VALUES (:id, :t, :ct, 1, 'mentor', :a, :c)"
                ),
                {"id": iid, "t": f"inv-{iid}", "ct": f"cmp-{iid}", "a": answer, "c": now},
            )
        conn.execute(
            text(
                "INSERT INTO invitations (id, token, compare_token, from_id, perspective,"
                " created) VALUES (4, 'inv-4', 'cmp-4', 3, 'mentor', :c)"
            ),
            {"c": now},
        )
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT id FROM invitations ORDER BY id")).scalars().all()
    assert kept == [2, 4]
    indexes = {i["name"] for i in inspect(engine).get_indexes("responses")}
    assert {"ix_responses_created", "ix_responses_submission_key"} <= indexes
    indexes = {i["name"] for i in inspect(engine).get_indexes("invitations")}
    assert {"ix_invitations_from_id", "ix_invitations_answer_id"} <= indexes
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    assert "submission_key" not in {c["name"] for c in inspect(engine).get_columns("responses")}
    with engine.begin() as conn:  # without the constraint, a second invitation fits again
        conn.execute(
            text(
                "INSERT INTO invitations (id, token, compare_token, from_id, perspective,"
                " created) VALUES (5, 'inv-5', 'cmp-5', 1, 'mentor', :c)"
            ),
            {"c": now},
        )
    assert runner.invoke(args=["db", "downgrade", "base"]).exit_code == 0
    with app.app_context():
        db.engine.dispose()
    engine.dispose()


def test_sqlite_connections_use_wal_a_busy_timeout_and_secure_delete(tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}", "SECRET_KEY": "x"}
    )
    with app.app_context():
        pragma = lambda name: db.session.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("busy_timeout") == 10_000
        assert pragma("secure_delete") == 1
        db.engine.dispose()


def test_purge_deletes_expired_results_with_their_invitations_only(app):
    old = utcnow() - timedelta(days=app.config["RESULT_RETENTION_DAYS"] + 1)
    with app.app_context():
        rows = [
            Response(
                questionnaire="competence-ladder",
                version=1,
                lang="en",
                answers={},
                created=old if i < 7 else utcnow(),
            )
            for i in range(10)
        ]
        db.session.add_all(rows)
        db.session.flush()
        ids = [r.id for r in rows]
        db.session.add_all(
            [
                Invitation(from_id=ids[0], perspective="mentor", answer_id=ids[8]),
                Invitation(from_id=ids[8], perspective="mentor", answer_id=ids[1]),
                Invitation(from_id=ids[9], perspective="mentor"),
            ]
        )
        db.session.commit()
        assert purge_expired(batch=3) == 7
        left = db.session.execute(db.select(Response.id).order_by(Response.id)).scalars().all()
        assert left == ids[7:]
        invitations = db.session.execute(db.select(Invitation.from_id)).scalars().all()
        assert invitations == [ids[9]]
