# Two commands on a fresh Debian/Ubuntu machine:
#   make site   build the whole site with every check (into site/)
#   make test   run every test
# Both create the project's virtual environment from the locks and install the
# system packages the project needs when they are missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The same site built with ProperDocs, the drop-in fork of MkDocs 1.x (README: "The stack's future").
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed

.PHONY: site test quick lint engines serve preview bench bench-build system-packages clean

site: $(STAMP) system-packages
	$(BIN)/python -m scripts build

test: lint $(STAMP) $(PD_STAMP) system-packages
	$(BIN)/python -m pytest

# The fast lane while editing: lint and every test that needs no whole-site
# build, browser or server (pytest -m "not slow"); well under a minute.
quick: lint
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks

# Build the real site with MkDocs and with ProperDocs and compare every file.
engines: $(STAMP) $(PD_STAMP)
	$(BIN)/python -m tests.support.engines

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Live preview of English and one language, fast enough to follow your edits:
#   make preview          English only
#   make preview L=ar     English and Arabic
preview: $(STAMP)
	$(BIN)/python -m scripts preview $(if $(L),--lang $(L))

# Link-checker benchmark (not a test): ours vs LinkChecker and linkinator.
bench: $(STAMP)
	$(BIN)/python -m scripts build
	npm ci --prefix benchmarks --no-audit --no-fund
	$(BIN)/python -m benchmarks.generate_site /tmp/links-bench
	$(BIN)/python -m benchmarks.links_benchmark --synthetic /tmp/links-bench --timeout 900

# Build and check cost at scale (not a test): every stage, plain mkdocs build,
# LinkChecker and linkinator, preview rebuild; synthetic corpus and the real site.
#   make bench-build                 1,000 pages x 6 languages, 3 rounds
#   make bench-build PAGES=30 N=1    a quick look
bench-build: $(STAMP)
	npm ci --prefix benchmarks --no-audit --no-fund
	$(BIN)/python -m benchmarks.build_benchmark $(if $(PAGES),--pages $(PAGES)) $(if $(N),--repeat $(N))

system-packages:
	@sh tools/system-packages.sh

$(STAMP): requirements/site.txt requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/site.txt -r requirements/dev.txt
	@# The build tool (scripts/) as an editable package: importable by the hooks, tests and benchmarks from any folder.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(PD_STAMP): requirements/properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements/properdocs.txt
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

clean:
	rm -rf site site-* .site-build-* reports
