# Framing Lab: two commands.
#   make lab    set up (first time only) and open JupyterLab on the first lesson
#   make test   set up (first time only) and run every test
# Set-up is a local virtual environment in .venv with the kit installed from this folder.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.framelab-installed
FIRST_LESSON := notebooks/00_jupyter_and_python_basics.ipynb
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)
NBGRADER_SERVER_EXTENSIONS := formgrader validate_assignment assignment_list course_list

.PHONY: lab test setup lint bench exercises dashboard site clean-venv

lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/$(FIRST_LESSON) $(LAB_FLAGS)

test: setup
	$(BIN)/python -m ruff check src tests bench
	@bash tests/e2e/ensure_browser.sh
	$(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml src/framelab/lab_overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Framing Lab needs Python 3.10 or newer; this is " + sys.version.split()[0] + ". Set PYTHON=python3.12 (or similar) and try again.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@# nbgrader is for making the exercises; keep its menus and server parts out of students' JupyterLab
	-@$(BIN)/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader >/dev/null 2>&1
	-@for ext in $(NBGRADER_SERVER_EXTENSIONS); do \
	  $(BIN)/jupyter server extension disable --sys-prefix nbgrader.server_extensions.$$ext >/dev/null 2>&1; done
	@# the kit's JupyterLab settings: save widget state with notebooks, no Jupyter news prompt
	$(BIN)/python -m framelab.labsettings
	@touch $(STAMP)

site: setup
	$(BIN)/python -m framelab.site

exercises: setup
	$(BIN)/python -m framelab.exercises

dashboard: setup
	$(BIN)/python -m pip install --quiet -e ".[classroom]"
	$(BIN)/voila --no-browser notebooks/classroom_dashboard.ipynb

bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lint: setup
	$(BIN)/python -m ruff check src tests bench

clean-venv:
	rm -rf $(VENV)
