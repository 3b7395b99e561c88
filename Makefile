# The two commands a newcomer runs (README): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/bid-demo.sqlite
export QT_QPA_PLATFORM ?=

# packaging/check-system prints the one apt-get line when Python's venv or Qt's libraries are
# missing, before anything is installed; packaging/constraints.txt pins every version.
$(BIN)/bid-desktop: pyproject.toml packaging/constraints.txt
	@sh packaging/check-system $(PY)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c packaging/constraints.txt -e ".[test]"
	touch $@

.PHONY: demo test lint bench
demo: $(BIN)/bid-desktop
	@sh packaging/check-system $(PY)  # a screen needs more of Qt's libraries than the tests
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
