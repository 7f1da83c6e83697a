# Two entry points: `make demo` (set up, run the main job) and `make test` (set up, run the tests).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint browser evaluate bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,distributed]'
	touch $(STAMP)

demo: setup
	rm -f eventwire-demo.duckdb
	$(BIN)/eventwire demo --db eventwire-demo.duckdb

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Browser tests drive Debian's chromium with Playwright (no browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium could not be installed: the browser tests will skip"

test: setup lint browser
	$(BIN)/pytest -q

evaluate: setup
	$(BIN)/eventwire evaluate

# the issue-14 figures: pipeline/spaCy ratio, per-stage profile, --workers speed-up, Ray scaling
bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/profile_ingest.py
	$(BIN)/python bench/workers.py
	$(BIN)/python bench/ray_scaling.py

clean:
	rm -rf $(VENV) *.duckdb build dist src/*.egg-info
