# One obvious way to run, test, lint and benchmark notehouse. Every target creates .venv itself.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
VAULT  ?= examples/vault
WAREHOUSE ?= warehouse
SIZES  ?= 1000,10000

.PHONY: run test test-fast lint format bench bench-compare seeds clean system-deps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

## Build the bundled example vault into warehouse/, print rows per table and issues, name the dashboard.
run: $(STAMP)
	$(VENV)/bin/notehouse build $(VAULT) --warehouse $(WAREHOUSE)
	$(VENV)/bin/notehouse query "select severity, stage, count(*) as issues from parse_issues where run_id = (select max_by(run_id, started_at) from runs) group by all order by 1, 2" --warehouse $(WAREHOUSE)
	@echo "dashboard: $(abspath $(WAREHOUSE))/dashboard/index.html (open it in a browser; it needs no network)"

## Run the whole test suite (unit, doctests, golden, end to end). First .ci/system-deps: as root
## on Debian it installs Chromium and a CJK font (the browser test's needs); otherwise it stops
## at once with the apt-get command to run.
test: system-deps $(STAMP)
	$(PY) -m pytest

system-deps:
	.ci/system-deps

## Unit, golden and doctests only (about 30 s): the quick loop while editing an extractor.
test-fast: $(STAMP)
	$(PY) -m pytest tests/unit tests/golden transforms pipelines

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## Build generated vaults (bench/vaults/, made on first use) next to the read floor; print and
## record the table in bench/results/. The full run: make bench SIZES=1000,10000,100000
bench: $(STAMP)
	$(PY) -m bench.run --sizes $(SIZES)

## Full builds of this tree and of commit AGAINST, alternating, side by side in one run:
## make bench-compare AGAINST=fa30d10 SIZES=100000
AGAINST ?= HEAD
bench-compare: $(STAMP)
	$(PY) -m bench.compare --against $(AGAINST) --sizes $(SIZES)

## The seed acceptance check from ../shared.
seeds: $(STAMP)
	PATH="$(abspath $(VENV))/bin:$$PATH" $(PY) ../shared/tools/check_seeds.py

clean:
	rm -rf $(WAREHOUSE)/notehouse.duckdb $(WAREHOUSE)/parquet $(WAREHOUSE)/marts $(WAREHOUSE)/.builds
