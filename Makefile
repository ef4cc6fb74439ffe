# Community Planning Toolkit: the two commands a newcomer needs.
#   make run   set up everything and serve the demo toolkit at http://127.0.0.1:8000 (SQLite)
#   make test  set up everything and run every check and test, on SQLite and on PostgreSQL
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/toolkit
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
export DJANGO_ALLOW_ASYNC_UNSAFE := true

.PHONY: run test setup lock demo lint stack stack-stop test-sqlite test-postgres services system-packages format clean

run: setup demo  ## Serve the demo toolkit on SQLite
	$(BIN)/python manage.py runserver 127.0.0.1:8000

demo:
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --editor

setup: $(STAMP)

$(STAMP): requirements/development.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/development.txt
	touch $(STAMP)

lock: setup  ## Re-lock every version after editing requirements/*.in
	cd requirements && ../$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file production.txt production.in
	cd requirements && ../$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file development.txt development.in

system-packages:  ## Chromium (browser tests), Java (HTML checker), Pango and fonts (PDFs), the stack's nginx and Varnish, wrk
	@command -v chromium >/dev/null && command -v java >/dev/null && ldconfig -p | grep -q libpangoft2 \
		&& test -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
		&& test -x /usr/sbin/nginx && test -x /usr/sbin/varnishd && command -v wrk >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless \
		libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation nginx-light varnish wrk >/dev/null; }

services:  ## Start PostgreSQL and Redis if they are not running
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp --logfile /tmp/toolkit-redis.log
	@for i in $$(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache  # the layers in .importlinter: apps import only those below them
	$(BIN)/ruff format --check .
	find toolkit -path '*/templates/*' -name '*.html' -print0 | xargs -0 $(BIN)/djhtml --check  # template indentation, as pre-commit
	DJANGO_SETTINGS_MODULE=toolkit.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=toolkit.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# test_database_down starts a PostgreSQL server of its own whatever the suite: it runs in the
# PostgreSQL suite only, with Redis, as production has it.
test-sqlite: setup system-packages
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest --ignore=toolkit/tests/test_database_down.py

test-postgres: setup system-packages services
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(BIN)/pytest

# The two suites run side by side (one per core); each one's output is printed when it ends.
test: lint  ## Every check and test, on SQLite and on PostgreSQL + Redis
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

stack: setup system-packages  ## nginx + Varnish + gunicorn + task worker on loopback (see deploy/stack.py)
	$(BIN)/python deploy/stack.py start

stack-stop:  ## Stop every process `make stack` started
	$(PYTHON) deploy/stack.py stop

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-media .pytest_cache .ruff_cache
