# govledger: make demo, make test. Everything runs from a local virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format install clean bench bench-pg recall tracker-recall

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash demo/story.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest -n auto

# Bytecode caches written first (a shell may turn them off), as on a clerk's machine, so the
# commands timed as new processes (export, --help, a clerk's command) do not compile each time.
bench: $(STAMP)
	$(BIN)/python -m compileall -q ledger projections commands bench
	$(BIN)/python -m bench $(if $(SIZES),--sizes $(SIZES),) $(if $(RUNS),--runs $(RUNS),)

bench-pg: $(STAMP)
	$(BIN)/python -m compileall -q ledger projections commands bench
	$(BIN)/python -m bench --backend postgres --sizes $(or $(SIZES),100k) $(if $(RUNS),--runs $(RUNS),)

# Recall of the minutes reader against hand-written answer keys (issue 10): the realdocs beside
# the project, plus each directory in GOVLEDGER_CORPUS (colon-separated) that exists.
# MISSES=1 lists every missed and invented item.
RECALL_DIRS := $(wildcard ../shared/data/realdocs/minutes $(subst :, ,$(GOVLEDGER_CORPUS)))

recall: $(STAMP)
	$(BIN)/python -m bench.minutes_recall $(RECALL_DIRS) $(if $(MISSES),--show-misses,)

# The same for the tracker reader (issue 11): the real trackers beside the project and the
# trackers collected in ../shared/corpus/trackers (sources: bench/tracker_sources.md).
# MISSES=1 lists every row missed or invented and every field wrong (expected vs got).
TRACKER_RECALL_DIRS := $(wildcard ../shared/data/realdocs/trackers ../shared/corpus/trackers)

tracker-recall: $(STAMP)
	$(BIN)/python -m bench.tracker_recall $(TRACKER_RECALL_DIRS) $(if $(MISSES),--show-misses,)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis demo.db* demo-export.jsonl demo-pack.html demo-pack.pdf demo-keys demo-checkpoint.txt demo-keyring.json
