# Two commands for a fresh machine: `make report` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTES ?= interviews
OUT ?= reports

.PHONY: install test lint eval report charts lab clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name csf-analysis --display-name "csf-analysis (.venv)" >/dev/null
	$(BIN)/python -m csf_analysis.notebook_hygiene >/dev/null
	touch $(STAMP)

test: install
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory eval

# ruff (pyflakes, pycodestyle, import order, bugbear) and mypy on the package.
lint: install
	$(BIN)/ruff check csf_analysis tests benchmarks
	$(BIN)/mypy

# The category evaluation: accuracy floors and label drift (skipped without ../shared).
eval: install
	@mkdir -p .csf-cache; $(BIN)/python -m benchmarks.category_eval --check > .csf-cache/eval.txt; \
	status=$$?; tail -n 3 .csf-cache/eval.txt; echo "(full output: .csf-cache/eval.txt)"; exit $$status

report: install
	$(BIN)/csf-analysis report $(NOTES) --out $(OUT)

charts: install
	$(BIN)/csf-analysis charts $(NOTES) --out $(OUT)/figures

# The notebooks' python3 kernel is the first python on PATH: make it the project's.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

clean:
	rm -rf $(VENV) .csf-cache
