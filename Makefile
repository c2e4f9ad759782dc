# Two entry points that work on a fresh machine with Python 3.11+, pip and make:
#   make run   - set up a virtualenv and show the bundled collection's events for Iran
#   make test  - set up a virtualenv with the dev tools and run lint, types and tests

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench bench-extract golden clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[fast]"
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/chrono show --actor Iran

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check chrono tests bench
	$(BIN)/ruff format --check chrono tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

golden: $(VENV)/.dev-installed  ## rewrite the golden files from the current output
	CHRONO_UPDATE_GOLDEN=1 $(BIN)/pytest -q -k golden

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/run.py

bench-extract: $(VENV)/.dev-installed  ## chrono extract against the keyed articles, and its time
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
