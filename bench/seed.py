"""Fill a fresh database with one result of each kind and print their paths as JSON.

Used by bench/serve.py: `DATABASE_URL=sqlite:///... python bench/seed.py`. It uses only the
app's own storage functions, so it also seeds older checkouts for a before/after run.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Response
from quizapp.results.store import create_invitation, create_response


def answers_for(q, n: int = 0) -> dict:
    """A valid answer set for any questionnaire; `n` varies it."""
    answers = {}
    for k, item in enumerate(q.items):
        if item.kind == "rank":
            ids = [o.id for o in item.options]
            shift = (k + n) % len(ids)
            answers[item.id] = ids[shift:] + ids[:shift]
        elif item.kind == "choice":
            answers[item.id] = item.options[(k + n) % len(item.options)].id
        else:
            answers[item.id] = 1 + (k + n) % 4
    return answers


def main() -> None:
    """Seed and print {name: path}."""
    app = create_app()
    paths = {}
    with app.app_context():
        db.create_all()
        library = app.extensions["quizapp.library"]
        qs = library.questionnaires
        ls = create_response(qs["learning-styles"], answers_for(qs["learning-styles"]), "en")
        lead = create_response(qs["leadership-styles"], answers_for(qs["leadership-styles"]), "en")
        ladder_q = qs["competence-ladder"]
        one = create_response(ladder_q, answers_for(ladder_q), "en", perspective="self")
        first = create_response(ladder_q, answers_for(ladder_q), "en", perspective="self")
        latest = first
        for n in range(1, 20):
            latest = create_response(
                ladder_q,
                answers_for(ladder_q, n),
                "en",
                perspective="self",
                series_from=first.token,
            )
        # spread the twenty ratings over twenty weeks, oldest first
        for n, response in enumerate(
            db.session.execute(db.select(Response).filter_by(series=first.series)).scalars()
        ):
            response.created = response.created - timedelta(weeks=20 - n)
        db.session.commit()
        invitation = create_invitation(one, "mentor")
        create_response(ladder_q, answers_for(ladder_q, 2), "en", invitation=invitation)
        paths = {}
        try:  # older checkouts have no internships
            from quizapp.internships.store import attach, create_internship
        except ImportError:
            attach = None
        if attach is not None:
            plan = create_internship(trainee_name="Sam", mentor_name="Ilse", company="Garage")
            for response, role in ((ls, "trainee"), (one, "trainee"), (lead, "mentor")):
                attach(plan, role, response)
            mentor = create_response(ladder_q, answers_for(ladder_q, 1), "en", perspective="mentor")
            attach(plan, "mentor", mentor)
            paths["internship plan"] = f"/i/{plan.mentor_token}"
        paths = {
            "learning-style result": f"/r/{ls.token}",
            "leadership result": f"/r/{lead.token}",
            "ladder, 1 rating": f"/r/{one.token}",
            "ladder, 20 ratings": f"/r/{latest.token}",
            "comparison": f"/r/compare/{invitation.compare_token}",
            **paths,
        }
    json.dump(paths, sys.stdout)


if __name__ == "__main__":
    main()
