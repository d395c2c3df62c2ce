"""gunicorn settings for bench/serve.py: sync workers, each warmed up before it takes requests."""


def post_worker_init(worker):
    """Compile templates and load catalogues before the first request (see quizapp.warm_up)."""
    try:
        from quizapp import warm_up
    except ImportError:  # an older checkout, measured for a before/after table
        return
    app = worker.wsgi
    warm_up(getattr(app, "app", app))
