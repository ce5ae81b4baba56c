# The two commands of the README: `make serve` and `make test`. Both bootstrap a virtualenv in .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint bundle bundle-check dataset dataset-check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/targ serve $(ARGS)

test: $(STAMP) bundle-check dataset-check lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/python -m mypy

bundle: $(STAMP)
	$(BIN)/python tools/compile_specs.py

bundle-check: $(STAMP)
	$(BIN)/python tools/compile_specs.py --check

dataset: $(STAMP)
	$(BIN)/python tools/make_dataset.py --seed 0

dataset-check: $(STAMP)
	$(BIN)/python tools/make_dataset.py --seed 0 --check

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build src/*.egg-info
