# sitrep: `make run` sets everything up and codes the examples; `make test` sets up and tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup run test lint eval bench serve clean assets browser

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP) assets
	$(BIN)/sitrep setup

run: setup
	$(BIN)/sitrep ingest examples/ --db $(DB)
	$(BIN)/sitrep events --db $(DB) --format table
	$(BIN)/sitrep serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup browser
	$(BIN)/ruff check sitrep tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

# The page's third-party files, pinned by package-lock.json (vis-timeline's standalone build
# bundles its peers, hence --legacy-peer-deps), copied into the package: no CDN at run time.
VENDOR := sitrep/web/static/vendor/.installed
assets: $(VENDOR)

$(VENDOR): package.json package-lock.json $(STAMP)
	npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund
	$(BIN)/python -m sitrep.web.assets node_modules
	touch $@

# The browser tests drive Debian's chromium.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	command -v chromium >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

eval: setup
	$(BIN)/sitrep eval seed ../shared/seed
	$(BIN)/sitrep eval events ../shared/data/plover_gsr.jsonl
	$(BIN)/sitrep eval incidents ../shared/data/muc_dev.jsonl
	$(BIN)/sitrep eval places ../shared/data/geovirus.jsonl
	$(BIN)/sitrep eval times ../shared/data/meantime.jsonl
	$(BIN)/sitrep eval entities ../shared/data/re3d.jsonl
	$(BIN)/sitrep eval clusters ../shared/data/ecbplus.jsonl

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/throughput.py --short --docs 1000
	$(BIN)/python bench/throughput.py --workers 2 --docs 120
	$(BIN)/python bench/places.py

serve: setup
	$(BIN)/sitrep serve --db $(DB) --host $(HOST) --port $(PORT)

clean:
	rm -rf $(VENV) node_modules sitrep/web/static/vendor .pytest_cache .ruff_cache
