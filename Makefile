# The two commands a newcomer runs (README): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/bid-demo.sqlite
export QT_QPA_PLATFORM ?=

$(BIN)/bid-desktop: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

.PHONY: demo test lint bench
demo: $(BIN)/bid-desktop
	@test -f $(DEMO_DB) || $(BIN)/bid-desktop demo --db $(DEMO_DB) --scale event --stations 4
	$(BIN)/bid-desktop --db $(DEMO_DB)

test: $(BIN)/bid-desktop
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(BIN)/bid-desktop
	$(BIN)/ruff check bid_desktop tests bench
	$(BIN)/ruff format --check bid_desktop tests bench
	$(BIN)/mypy

bench: $(BIN)/bid-desktop
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run_all
