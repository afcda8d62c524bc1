# Two entry points: `make run` (install, then print the chronologies of the samples) and
# `make test` (install with the dev tools, then lint and test). Both create .venv if missing.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Stamps are named after a hash of pyproject.toml: a second run skips pip entirely, and a
# changed dependency list (or a fresh clone, whatever its file times) installs again.
HASH := $(shell $(PYTHON) -c "import hashlib; print(hashlib.sha256(open('pyproject.toml', 'rb').read()).hexdigest()[:12])")
RUN_STAMP := $(VENV)/.installed-$(HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(HASH)
LINT_PATHS := annales tests $(wildcard benchmarks) $(wildcard scripts)

# The TEI tests check the export with xmllint (Debian's libxml2-utils) and the web workbench's
# tests drive Debian's chromium (Playwright never downloads a browser), which a fresh machine lacks.
# Each installed only when missing; as root directly (CI), otherwise through sudo. The package
# lists are fetched only when the install cannot find the package.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q

.PHONY: run test lint clean test-tools

run: $(RUN_STAMP)
	$(BIN)/annales analyze samples/*.txt --format text

test: $(DEV_STAMP) test-tools
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/pytest

test-tools:
	@command -v xmllint >/dev/null || $(APT_INSTALL) libxml2-utils || \
		{ $(SUDO) apt-get update -q && $(APT_INSTALL) libxml2-utils; }
	@command -v chromium >/dev/null || $(APT_INSTALL) chromium || \
		{ $(SUDO) apt-get update -q && $(APT_INSTALL) chromium; }

lint: $(DEV_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	rm -f $(VENV)/.installed-*
	touch $@

# The dev install includes the plain one, so it marks both as done.
$(DEV_STAMP): | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(RUN_STAMP) $@

clean:
	rm -rf build dist .pytest_cache .ruff_cache .hypothesis
