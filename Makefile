# customs-facilitation: `make report` builds the report, `make test` checks everything.
# Each target sets up the virtual environment from the lock first if it is missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_VENV := .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed
KERNEL_CONFIG := etc/ipython/ipython_kernel_config.py

.DEFAULT_GOAL := help
.PHONY: help setup validate report test lab lock clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

# A venv built from the lock; the stamp is written last, so a failed install is retried.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON))"; exit 1; }
	rm -rf $(VENV) && $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	mkdir -p $(VENV)/etc/ipython && echo "c.IPKernelApp.log_level = 'ERROR'" > $(VENV)/$(KERNEL_CONFIG)
	touch $@

setup: $(STAMP) ## create or refresh the virtual environment (.venv) from requirements.lock

validate: $(STAMP) ## check the curated data in data/ against its schema and rules
	$(BIN)/python -m customs_facilitation validate

report: validate ## build the report (sets up the environment first if needed)

test: $(STAMP) ## run every test: units, data checks, doctests, notebook regressions (nbval)
	$(BIN)/python -m pytest --color=no

$(LAB_STAMP): requirements-lab.lock pyproject.toml
	rm -rf $(LAB_VENV) && $(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-lab.lock
	$(LAB_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

lab: $(LAB_STAMP) ## open JupyterLab on the project (its own environment, .venv-lab)
	$(LAB_VENV)/bin/jupyter lab notebooks/

lock: ## re-resolve the pins of pyproject.toml into requirements.lock and requirements-lab.lock
	rm -rf build/lockenv && $(PYTHON) -m venv build/lockenv
	build/lockenv/bin/pip install --quiet pip setuptools wheel && build/lockenv/bin/pip install --quiet -e '.[report,test]'
	{ echo '# Exact versions of everything the report and the tests need. Regenerate: make lock'; \
	  build/lockenv/bin/pip freeze --all --exclude-editable | grep -v '^customs'; } > requirements.lock
	build/lockenv/bin/pip install --quiet -e '.[report,test,lab]' -c requirements.lock
	{ echo '# requirements.lock plus JupyterLab, for make lab only. Regenerate: make lock'; \
	  build/lockenv/bin/pip freeze --all --exclude-editable | grep -v '^customs'; } > requirements-lab.lock
	rm -rf build/lockenv

clean: ## remove generated files (build/ and caches; keeps the environments)
	rm -rf build .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './.venv*' -prune -exec rm -rf {} +
