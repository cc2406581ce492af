# Two commands for a new user: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CASE   ?= cases/collectif-alsace.yaml

.PHONY: demo demo-pdf test install install-test clean bench system-deps templates

# Debian packages for PDF output (LibreOffice) and the fonts the default templates name
# (Liberation Serif/Sans, metric-compatible with Times New Roman/Arial), plus pdftoppm for previews.
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-liberation2 poppler-utils

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

CASES  := cases/individuel.yaml cases/collectif-alsace.yaml cases/pse.yaml cases/mayotte.yaml cases/csv/collectif-csv.yaml

demo: install
	@mkdir -p output
	@for c in $(CASES); do \
	  n=$$(basename $$c .yaml); \
	  $(BIN)/cspdocs compute $$c --format json > output/$$n.json || exit 1; \
	  $(BIN)/cspdocs generate $$c -o output 2>/dev/null || exit 1; \
	  echo "output/$$n.json"; \
	done
	$(BIN)/cspdocs compute $(CASE) --sans-explications

# Same as demo, with each document also in PDF, a dossier.pdf per employee and a dossier-global.pdf
# per case (LibreOffice and the fonts: make system-deps).
demo-pdf: install
	@mkdir -p output
	@for c in $(CASES); do \
	  $(BIN)/cspdocs generate $$c -o output --pdf --dossier-global 2>/dev/null || exit 1; \
	done

test: install-test
	$(BIN)/python -m pytest -q

# Under 5 minutes: the engine, then generate (figures, floors and ratios in one run; bench_render.py
# and bench_pdf.py remain for the details of rendering and of the PDF conversion).
bench: install
	$(BIN)/python benchmarks/bench_compute.py 5000 3
	$(BIN)/python benchmarks/bench_generate.py

# Rebuild the default DOCX templates from their reviewable source (tools/build_templates.py).
templates: install
	$(BIN)/python tools/build_templates.py

system-deps:
	@if command -v soffice >/dev/null 2>&1 && fc-list | grep -q "Liberation Serif"; then \
	  echo "LibreOffice et les polices sont déjà installés."; \
	else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES); \
	fi

clean:
	rm -rf $(VENV) output/ .pytest_cache
