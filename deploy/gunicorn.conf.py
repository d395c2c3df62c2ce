"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Every value can be changed by an environment variable (in /etc/quizapp/quizapp.env with the
shipped systemd unit). See README.md, "Running it for a school".
"""

import multiprocessing
import os

env = os.environ.get

# Behind the reverse proxy on the same machine; the proxy terminates TLS.
bind = env("QUIZAPP_BIND", "127.0.0.1:8000")
# Processes and threads: the work is short database requests, so a few threads per process.
workers = int(env("QUIZAPP_WORKERS", str(min(2 * multiprocessing.cpu_count() + 1, 8))))
worker_class = "gthread"
threads = int(env("QUIZAPP_THREADS", "4"))
# A request that takes longer than this is stopped and its worker restarted.
timeout = int(env("QUIZAPP_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then, so that no slow leak grows.
max_requests = 5000
max_requests_jitter = 500
# Each worker opens its own database connections (no connection shared across a fork).
preload_app = False

# Access log without query strings, referrers or user agents: %(U)s is the path only, so
# ?lang= or anything a person put after "?" never reaches the log.
accesslog = env("QUIZAPP_ACCESS_LOG", "-")
errorlog = env("QUIZAPP_ERROR_LOG", "-")
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
loglevel = "info"

# Only the proxy on this machine may say which scheme the visitor used.
forwarded_allow_ips = env("QUIZAPP_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Compile templates, load catalogues and open the database before the first request,
    so a new or restarted worker answers as fast as a warm one (see quizapp.warm_up)."""
    from quizapp import warm_up

    app = worker.wsgi
    warm_up(getattr(app, "app", app))
