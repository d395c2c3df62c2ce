# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
VENDOR := quizapp/static/vendor
PLOTLY := node_modules/plotly.js-basic-dist-min/plotly-basic.min.js
MO := translations/nl/LC_MESSAGES/messages.mo
# The suite's PostgreSQL database (tests/postgres.sh); two checkouts on one machine use two names.
QUIZAPP_TEST_DB ?= quizapp_test
export QUIZAPP_TEST_DB

.PHONY: run test install install-test assets translations db system-deps lint check bench clean

run: install assets translations db  ## Set up and serve http://127.0.0.1:5000
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install-test assets translations system-deps  ## Set up and run lint and the whole suite (SQLite, then PostgreSQL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(FLASK) questionnaires check
	$(BIN)/pytest -q -m "not postgres"
	@echo "== the suite again on PostgreSQL (browser tests excluded; gunicorn, Redis, PostgreSQL down) =="
	TEST_DATABASE_URL="$$(bash tests/postgres.sh)" $(BIN)/pytest -q -m "not browser"

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(PLOTLY): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(VENDOR)/plotly-basic.min.js: $(PLOTLY)
	mkdir -p $(VENDOR)
	cp $(PLOTLY) $@

# Precompressed copies (.gz) that WhiteNoise serves; made again whenever a static file changes.
STATIC_SRC := $(wildcard quizapp/static/*.css quizapp/static/*.js quizapp/static/*.svg)
quizapp/static/.compressed: $(STATIC_SRC) $(VENDOR)/plotly-basic.min.js $(VENV)/.installed
	find quizapp/static -name '*.gz' -delete
	$(BIN)/python -m whitenoise.compress --quiet --no-brotli quizapp/static
	touch $@

assets: quizapp/static/.compressed  ## Copy pinned front-end packages into static/, compress

$(MO): translations/nl/LC_MESSAGES/messages.po $(VENV)/.installed
	$(FLASK) translate compile

translations: $(MO)  ## Compile the .po catalogues

db: install  ## Create or upgrade the database
	$(FLASK) db upgrade

system-deps:  ## Debian packages the tests need (Chromium, poppler-utils, Redis; PostgreSQL: tests/postgres.sh)
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null || ! command -v redis-server >/dev/null; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium poppler-utils fonts-liberation redis-server; \
	fi

bench: install-test assets translations  ## Print timings: pages under gunicorn beside bare Flask, purge, limits, psychometrics, a programme of 500 internships on PostgreSQL
	@command -v wrk >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk)
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/bench_pages.py
	$(BIN)/python bench/bench_purge.py
	$(BIN)/python bench/bench_limits.py
	$(BIN)/python bench/bench_psychometrics.py
	$(BIN)/python bench/bench_programme.py "$$(bash tests/postgres.sh)" 500

clean:
	rm -rf $(VENV) node_modules $(VENDOR) translations/*/LC_MESSAGES/*.mo
