# The two commands of the README: `make serve` and `make test`. Both bootstrap a virtualenv in .venv on first use:
# `make serve` installs only what the server needs; `make test` adds the test tools (the vendors' SDKs, pytest, ruff,
# mypy, ...). Each step says what it does, and pip shows each package as it comes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve test lint bundle bundle-check dataset dataset-check bench clean

$(STAMP): pyproject.toml
	@echo "targ: [1/3] creating the virtualenv $(VENV) ($(PYTHON))"
	@$(PYTHON) -m venv $(VENV)
	@echo "targ: [2/3] updating pip in $(VENV)"
	@$(PIP) install --quiet --upgrade pip
	@echo "targ: [3/3] installing targ and the server's dependencies in $(VENV) (first run only)"
	@$(PIP) install --progress-bar on -e .
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml
	@echo "targ: installing the test tools in $(VENV) (first run only)"
	@$(PIP) install --progress-bar on -e '.[test]'
	@touch $(TEST_STAMP)

serve: $(STAMP)
	$(BIN)/targ serve $(ARGS)

test: $(TEST_STAMP) bundle-check dataset-check lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/python -m mypy

bundle: $(TEST_STAMP)
	$(BIN)/python tools/compile_specs.py

bundle-check: $(TEST_STAMP)
	$(BIN)/python tools/compile_specs.py --check

dataset: $(TEST_STAMP)
	$(BIN)/python tools/make_dataset.py --seed 0

dataset-check: $(TEST_STAMP)
	$(BIN)/python tools/make_dataset.py --seed 0 --check

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build src/*.egg-info
