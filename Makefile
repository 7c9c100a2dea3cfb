# Two commands are the whole set-up: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint validate bench soak clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/closethecamps run --root .

lint: $(STAMP)
	$(BIN)/ruff check bot tests bench tools
	$(BIN)/ruff format --check bot tests bench tools
	$(BIN)/mypy

# The suite starts a few hundred Python processes (daemons, commands). Without cached
# bytecode each one compiles bot/ anew, about 0.9 s of CPU; some environments set
# PYTHONDONTWRITEBYTECODE, so the tests write the cache whatever the caller's setting.
test: lint
	sh ci/install-test-deps.sh
	$(BIN)/python -m compileall -q bot
	$(BIN)/closethecamps validate --root .
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/closethecamps validate --root .

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/run_all.py

soak: $(STAMP)
	SOAK_KILLS=30 SOAK_MENTIONS=200 $(BIN)/python -m pytest -s tests/runtime/test_soak.py

clean:
	rm -rf $(VENV) var .mypy_cache .pytest_cache .ruff_cache
