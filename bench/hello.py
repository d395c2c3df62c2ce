"""The bare Flask hello-world that bench/serve.py measures the app against."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    """Say hello."""
    return "Hello, World!"
