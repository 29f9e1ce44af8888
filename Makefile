# customs-facilitation: `make report` builds the report, `make test` checks everything.
# Each target sets up the virtual environment from the lock first if it is missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_VENV := .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed
LAB_KERNEL := $(LAB_VENV)/share/jupyter/kernels/python3/kernel.json
LAB_SETTINGS := $(LAB_VENV)/share/jupyter/lab/settings/overrides.json
KERNEL_CONFIG := etc/ipython/ipython_kernel_config.py

.DEFAULT_GOAL := help
CLI := $(BIN)/customs-facilitation

.PHONY: help setup review-setup validate check audit curated lint report test test-fast refresh review bundle lab catalogs \
  lab-setup lock clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

# Installing. uv (one binary from PyPI at the version pinned in requirements-uv.lock, which make lock
# keeps current; fetched once into build/ by pip) installs each lock into a fresh venv in under half
# of pip's time; where uv cannot be had or fails, pip installs the same lock as it always did. Either
# way the venv holds exactly the lock's pins (benchmarks/bench_setup.py times both and compares what
# they installed). INSTALLER=pip skips uv.
INSTALLER ?= uv
UV_LOCK := requirements-uv.lock
UV_VERSION := $(shell sed -n 's/^uv==//p' $(UV_LOCK) 2> /dev/null)
UV_DIR := build/uv-$(UV_VERSION)
UV := $(UV_DIR)/bin/uv

# uv into build/ with Python's own pip, or a throwaway venv's where Python has none; true if uv is there.
GET_UV = { test -n "$(UV_VERSION)" && { test -x $(UV) || { tmp=$(UV_DIR).tmp$$$$; rm -rf $$tmp; mkdir -p $$tmp && \
  { $(PYTHON) -m pip --version > /dev/null 2>&1 && pip="$(PYTHON) -m pip" || \
    { $(PYTHON) -m venv $$tmp/venv && pip=$$tmp/venv/bin/pip; }; } && \
  PIP_ROOT_USER_ACTION=ignore $$pip install --quiet --disable-pip-version-check --target $$tmp/uv -r $(UV_LOCK) && \
  { test -x $(UV) || { rm -rf $(UV_DIR) && mv $$tmp/uv $(UV_DIR); }; }; rm -rf $$tmp; test -x $(UV); }; }; }

# $(call venv_from_lock,VENV,LOCK[,EDITABLE]): a fresh VENV holding exactly LOCK's pins, then EDITABLE
# (no dependencies, built with the lock's setuptools). After uv, the modules are compiled as pip compiles
# them (kernels import them compiled even where PYTHONDONTWRITEBYTECODE is set), but for the packages'
# own test suites, which nothing imports: a quarter of the files, and compiling is half of uv's time.
SITE_PACKAGES = $$($(1)/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
venv_from_lock = rm -rf $(1) && \
  if [ "$(INSTALLER)" = uv ] && $(GET_UV) && $(PYTHON) -m venv --without-pip $(1) && \
     echo "uv $(UV_VERSION): $(2) into $(1)" && \
     $(UV) pip sync --quiet --python $(1)/bin/python $(2) && \
     { [ -z "$(3)" ] || $(UV) pip install --quiet --python $(1)/bin/python --no-deps --no-build-isolation $(3); } && \
     { $(1)/bin/python -m compileall -q -j 0 -x /tests/ $(SITE_PACKAGES) > /dev/null || true; }; \
  then :; else \
     { [ "$(INSTALLER)" = pip ] || echo "uv $(UV_VERSION) could not be had or failed: pip installs $(2) instead"; } && \
     echo "pip: $(2) into $(1)" && rm -rf $(1) && $(PYTHON) -m venv $(1) && \
     $(1)/bin/pip install --quiet --disable-pip-version-check -r $(2) && \
     { [ -z "$(3)" ] || $(1)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation $(3); }; \
  fi

# A venv built from the lock; the stamp is written last, so a failed install is retried.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON))"; exit 1; }
	@$(call venv_from_lock,$(VENV),requirements.lock,-e .)
	mkdir -p $(VENV)/etc/ipython && echo "c.IPKernelApp.log_level = 'ERROR'" > $(VENV)/$(KERNEL_CONFIG)
	$(BIN)/python -c 'from customs_facilitation.report.html import vega_bundle; vega_bundle(); \
	  from customs_facilitation.notebook.charts import enable_offline_widget; enable_offline_widget()'
	touch $@

setup: $(STAMP) review-setup ## create or refresh the virtual environment (.venv) from requirements.lock (uv, else pip)

validate: $(STAMP) ## validate the curated data in data/ against its schema and rules
	$(CLI) validate

# The report: one build process for every notebook and parameter set. make calls it when an
# input is newer than the index; the build then reruns only the pages whose inputs changed in
# content (a key per page), one fresh kernel per core, and draws each distinct chart once.
# The report notebooks as the package lists them (NN-topic.ipynb); it needs only the standard library.
NOTEBOOKS := $(shell PYTHONPATH=src $(PYTHON) -m customs_facilitation report list)
PARAM_FILES := $(sort $(wildcard notebooks/params/*.yml))
REPORT_INPUTS := $(shell find data src -type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' -not -name '*.pyc' 2>/dev/null)
REPORT := $(CLI) report

report: build/report/index.html ## build the offline HTML report: build/report/index.html, one page per notebook and parameter set

# The folders are prerequisites too: removing a notebook or a set changes them (and rewrites the index).
build/report/index.html: $(NOTEBOOKS) $(PARAM_FILES) $(REPORT_INPUTS) notebooks notebooks/params $(STAMP)
	@$(REPORT) build

check: $(STAMP) ## run the consistency checks between figures (declared in data/checks.csv)
	$(CLI) check

audit: $(STAMP) ## account for every number in the source texts we hold: curated, or excluded with a reason
	$(CLI) audit

curated: $(STAMP) ## check a curator's change completely: validate, consistency checks, audit and the data tests
	$(CLI) validate
	$(CLI) check > /dev/null || $(CLI) check
	$(CLI) audit > /dev/null || $(CLI) audit
	$(PYTEST) tests/data

lint: $(STAMP) ## ruff: style, import order and line length of the code, tests, benchmarks and notebooks
	$(BIN)/ruff check .

# pytest across the cores (pytest-xdist); each test file stays on one worker, so nbval runs a
# notebook's cells in order in one kernel (xdist's loadgroup does not group under pytest 9.2).
# The report is built first, with every core, and the browser test opens it as built.
# Python keeps its compiled modules and pytest its rewritten tests (__pycache__, ignored by git)
# even where PYTHONDONTWRITEBYTECODE is set: each worker then collects in 1.9 s instead of 2.6 s.
# PYTEST_ARGS adds pytest options (benchmarks/bench_tests.py adds -v --durations=0).
PYTEST_ARGS ?=
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest --color=no -n auto --dist loadfile $(PYTEST_ARGS)

# The consistency checks and the audit run in pytest, not once more before it: tests/data/
# test_curated_data.py fails on what makes `make check` and `make audit` fail (and asserts more).
test: $(STAMP) lab-setup build/report/index.html ## run every test: lint, checks, audit, units, data, doctests, notebooks (nbval), the report and JupyterLab in chromium
	@$(BIN)/ruff check --quiet . || $(BIN)/ruff check .
	$(PYTEST)

test-fast: $(STAMP) ## the quick loop: every test not marked slow (no kernels, builds or browser)
	$(PYTEST) -m "not slow"

# Translations (docs/translating.md): Babel extracts every message the code and the report notebooks mark
# (babel.cfg) into the template, merges it into each language's catalog (a new or changed message empty, not
# guessed) and compiles each catalog to check it; the report reads the .po files themselves.
LOCALE := src/customs_facilitation/locale
catalogs: $(STAMP) ## extract the report's messages and update the translation catalogs (locale/*/LC_MESSAGES/messages.po)
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --omit-header -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -o /dev/null -l zh -i $(LOCALE)/zh/LC_MESSAGES/messages.po

refresh: $(STAMP) ## re-run the notebooks with default parameters and store their outputs (nbval's reference)
	$(CLI) refresh

# Reviewing a change: git shows each notebook as a reader reviews it (customs-facilitation notebook-text):
# each cell's source, its tables' rows, its charts' data rows, its findings and figures; no JSON, no base64.
# .gitattributes marks *.ipynb diff=notebook; review-setup tells git the command (for git diff, log -p and
# show), to name each hunk's cell, and to cache the texts. Git keeps a cached text while the command stays
# the same, so the command carries a checksum of the module that writes the text: new code, new texts.
# (git diff --stat counts the JSON's lines: git's diffstat converts nothing.)
NOTEBOOK_TEXT = NOTEBOOK_TEXT_VERSION=$(firstword $(shell cksum src/customs_facilitation/report/notebook_text.py \
  2> /dev/null)) $(CURDIR)/$(CLI) notebook-text
CELL_LINE := ^\#\# cell [0-9]+ .*$$
GIT_NOTEBOOK_TEXT = -c diff.notebook.textconv='$(NOTEBOOK_TEXT)' -c diff.notebook.xfuncname='$(CELL_LINE)'
REV ?= HEAD

review-setup: ## show notebooks as text in git diff, log -p and show (git config diff.notebook.*; setup does it)
	@if [ "$$(git rev-parse --is-inside-work-tree 2> /dev/null)" = true ]; then \
	  { git config diff.notebook.textconv '$(NOTEBOOK_TEXT)' && git config diff.notebook.cachetextconv true && \
	    git config diff.notebook.xfuncname '$(CELL_LINE)' || echo "git could not be told to show notebooks as text"; }; \
	fi

review: $(STAMP) ## what a change does to each page: the files changed, then each notebook's changes as text (REV=HEAD)
	@git --no-pager $(GIT_NOTEBOOK_TEXT) diff --stat $(REV)
	@git $(GIT_NOTEBOOK_TEXT) diff $(REV) -- notebooks/

bundle: build/customs-facilitation-data.zip ## write the citable data bundle: CSVs, datapackage.json, README, CITATION.cff

build/customs-facilitation-data.zip: $(shell find data -type f) CITATION.cff $(STAMP)
	$(CLI) bundle $@

# JupyterLab's own environment: Lab and the widget frontend, no project code and no test tools.
$(LAB_STAMP): requirements-lab.lock
	@$(call venv_from_lock,$(LAB_VENV),requirements-lab.lock)
	touch $@

# The kernel Lab offers runs .venv's Python, with interactive charts. It is named as the notebooks
# store it ("python3", "Python 3"), so opening and saving a notebook leaves it unchanged.
# (JUPYTER_PATH tells the installer that Lab looks there, which it checks.)
$(LAB_KERNEL): $(STAMP) $(LAB_STAMP)
	JUPYTER_PATH=$(CURDIR)/$(LAB_VENV)/share/jupyter $(BIN)/python -m ipykernel install --prefix $(LAB_VENV) \
	  --name python3 --display-name "Python 3" --env CUSTOMS_FACILITATION_CHARTS interactive

# Lab's settings: no news prompt and no update check (nothing fetched from the internet).
$(LAB_SETTINGS): lab-settings.json $(LAB_STAMP)
	mkdir -p $(@D) && cp $< $@

lab-setup: $(LAB_KERNEL) $(LAB_SETTINGS) ## create or refresh JupyterLab's environment (.venv-lab) and its kernel

# JUPYTER_PORT and JUPYTER_TOKEN pass through; LAB_ARGS adds options (e.g. LAB_ARGS=--no-browser).
LAB_ROOT ?= notebooks
LAB_ARGS ?=
lab: lab-setup ## open JupyterLab on the notebooks (JUPYTER_PORT, JUPYTER_TOKEN, LAB_ARGS); your own go in notebooks/mine/
	@mkdir -p $(LAB_ROOT)/mine
	@$(CLI) translated-notebooks zh $(LAB_ROOT)/zh --notebooks-dir $(LAB_ROOT)
	$(LAB_VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ROOT) $(LAB_ARGS)

lock: ## re-resolve the pins of pyproject.toml into requirements.lock and requirements-lab.lock, and uv's
	rm -rf build/lockenv && $(PYTHON) -m venv build/lockenv
	build/lockenv/bin/pip install --quiet pip setuptools wheel && build/lockenv/bin/pip install --quiet -e '.[report,test,widgets]'
	{ echo '# Exact versions of everything the report, the tests and the kernels need (Python 3.11). Regenerate: make lock'; \
	  build/lockenv/bin/pip freeze --all --exclude-editable | grep -v '^customs'; } > requirements.lock
	rm -rf build/lockenv && $(PYTHON) -m venv build/lockenv
	build/lockenv/bin/pip install --quiet -c requirements.lock pip setuptools wheel \
	  $$($(PYTHON) -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['lab'])")
	{ echo '# JupyterLab and its widget frontend, for make lab only (its kernels run .venv). Regenerate: make lock'; \
	  build/lockenv/bin/pip freeze --all; } > requirements-lab.lock
	build/lockenv/bin/pip install --quiet uv
	{ echo '# The uv that installs the two locks into .venv and .venv-lab (pip where it cannot). Regenerate: make lock'; \
	  build/lockenv/bin/pip freeze | grep '^uv=='; } > $(UV_LOCK)
	rm -rf build/lockenv

clean: ## remove generated files (build/ and caches; keeps the environments)
	rm -rf build .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './.venv*' -prune -exec rm -rf {} +
