"""Rendered result pages, kept for a while in each worker.

A stored result's answers never change, so its page only changes with what the key names: the
language (and second language), the address links start with, and the state around it (the
ratings in its series, its invitations). Rendering scores, charts and a few hundred translated
texts costs far more than looking the page up, so a page is rendered once per key and kept in
a bounded LRU with a time limit (cachetools.TTLCache): a page is dropped at once in the worker
that deletes its result, and from every other worker's memory within RESULT_CACHE_SECONDS.

A form's CSRF token differs per visitor, so a kept page holds a placeholder that each request
fills in (Pages.fill). Whole pages (the site's frame included) are kept only for requests
without flashed messages, the one other thing in a page that differs per visitor.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from cachetools import TTLCache
from flask import Flask, current_app
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from ..models import new_token

KEY = "quizapp.result_pages"
CSRF_HOLE = "\x00csrf-token\x00"  # cannot occur in a rendered page
FORM_KEY_HOLE = "\x00form-key\x00"


def _tokens(value) -> set[str]:
    """Every string in a nested tuple (a key's state)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, tuple):
        return set().union(*(_tokens(v) for v in value)) if value else set()
    return set()


class Pages:
    """A bounded, time-limited LRU of rendered pages, safe to share between threads."""

    def __init__(self, size: int, seconds: float):
        self._pages: TTLCache = TTLCache(maxsize=size, ttl=seconds)
        self._lock = threading.Lock()

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> str:
        """The page kept under `key`, rendered now if it is not kept (CSRF holes left open)."""
        with self._lock:
            html = self._pages.get(key)
        if html is None:
            html = render()
            with self._lock:
                self._pages[key] = html
        return html

    @staticmethod
    def fill(html: str) -> Markup:
        """A kept page for this visitor: its CSRF token where the page has a form, and a new
        key in each form that makes something once (see form_key)."""
        if CSRF_HOLE in html:
            html = html.replace(CSRF_HOLE, generate_csrf())
        while FORM_KEY_HOLE in html:
            html = html.replace(FORM_KEY_HOLE, new_token(), 1)
        return Markup(html)

    def forget(self, token: str) -> int:
        """Drop every page whose key names this result's token; return how many."""
        with self._lock:
            stale = [key for key in self._pages if token in _tokens(key)]
            for key in stale:
                del self._pages[key]
        return len(stale)

    def __len__(self) -> int:
        return len(self._pages)


def init_app(app: Flask) -> None:
    """Give the app its page store (RESULT_CACHE_SIZE pages, RESULT_CACHE_SECONDS each)."""
    app.extensions[KEY] = Pages(app.config["RESULT_CACHE_SIZE"], app.config["RESULT_CACHE_SECONDS"])


def result_pages() -> Pages:
    """The page store of the current app."""
    return current_app.extensions[KEY]


def csrf_hole() -> str:
    """Stands for the visitor's CSRF token in a page that is kept (see Pages.get_or_render)."""
    return CSRF_HOLE


def form_key() -> str:
    """Stands for a new form key (sent again, the form makes nothing twice) in a kept page:
    every visitor, and every view of the page, gets its own."""
    return FORM_KEY_HOLE
