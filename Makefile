VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
PORT ?= 5000
export FLASK_APP := portal:create_app

.PHONY: install static setup run serve test test-postgres bench clean screenshots

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Fingerprinted and gzipped copies of static/ and their manifest (Flask-Static-Digest); made afresh each time,
# unless STATIC_READY says a step before made them (two suites running side by side must not remake them).
static: install
	[ -n "$$STATIC_READY" ] || $(FLASK) digest clean >/dev/null
	[ -n "$$STATIC_READY" ] || $(FLASK) digest compile >/dev/null

setup: static
	$(FLASK) db upgrade
	$(FLASK) reference load
	$(FLASK) careers load
	$(FLASK) passport load-catalogue
	$(FLASK) locations load-demo
	$(FLASK) demo load --if-empty
	$(FLASK) search rebuild

# Links in emails that commands send (job alerts, passport reminders) point at the site being run here.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: setup
	$(FLASK) demo accounts
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# The production server (settings in gunicorn.conf.py); BIND=0.0.0.0:8000 to listen beyond this machine.
serve: static
	$(FLASK) db upgrade
	BIND=$${BIND:-127.0.0.1:$(PORT)} $(VENV)/bin/gunicorn --config gunicorn.conf.py

test: static
	$(PY) -m pytest -q

test-postgres: static
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(PY) -m pytest -q

bench: install
	$(PY) bench/search.py
	$(PY) bench/contention.py
	$(PY) bench/careers.py

clean:
	[ ! -x $(FLASK) ] || $(FLASK) digest clean >/dev/null
	rm -rf $(VENV) instance .pytest_cache

screenshots: install
	$(FLASK) admin reset-two-step admin@proudtocare.example
	$(PY) -m tests.browser.screenshots http://127.0.0.1:$(PORT)
