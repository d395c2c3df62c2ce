"""Private by default: pages with a private link or someone's answers are neither cached nor
indexed."""

from __future__ import annotations

from flask import Flask, request

# Pages that show a result, an invitation, a comparison, or answers being given.
PRIVATE_ENDPOINTS = {
    "api.create",
    "api.result",
    "api.delete",
    "quiz.page",
    "quiz.enter",
    "quiz.invitation_used",
    "quiz.later",
    "quiz.resume",
    "main.healthz",
}
PRIVATE_PATHS = (
    "/r/",
    "/i/",
    "/p/",
    "/j/",
    "/api/v1/results/",
    "/api/v1/internships/",
    "/api/v1/programmes",
)


def is_private() -> bool:
    """Tell whether this request's answer is private (also for its error pages)."""
    endpoint = request.endpoint or ""
    return (
        endpoint in PRIVATE_ENDPOINTS
        or endpoint.startswith(("results.", "internships.", "programmes."))
        or request.path.startswith(PRIVATE_PATHS)
        # a handbook page that links back to a private result or comparison
        or request.args.get("from", "").startswith(PRIVATE_PATHS)
    )


def private_headers(response):
    """Keep private answers out of caches (shared or the browser's) and out of search engines."""
    if is_private():
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def init_app(app: Flask) -> None:
    """Add the headers to every answer."""
    app.after_request(private_headers)
