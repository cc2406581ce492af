# Two commands for a new user: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CASE   ?= cases/collectif-alsace.yaml

.PHONY: demo demo-pdf test test-rapide install install-test clean bench system-deps templates docs

# Debian packages for PDF output (LibreOffice) and the fonts the default templates name
# (Liberation Serif/Sans, metric-compatible with Times New Roman/Arial), plus pdftoppm for previews.
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-liberation2 poppler-utils

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Installation stamps: pip runs again only when pyproject.toml changed (or the venv is new).
$(VENV)/.installe: pyproject.toml | $(BIN)/python
	@echo "Installation de cspdocs dans $(VENV) (journal : $(VENV)/pip.log)"
	@$(BIN)/pip install -q -e . > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	@touch $@

$(VENV)/.installe-test: pyproject.toml | $(BIN)/python
	@echo "Installation de cspdocs et des outils de test dans $(VENV) (journal : $(VENV)/pip.log)"
	@$(BIN)/pip install -q -e '.[test]' > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	@touch $@ $(VENV)/.installe

install: $(VENV)/.installe
install-test: $(VENV)/.installe-test

CASES  := cases/individuel.yaml cases/collectif-alsace.yaml cases/pse.yaml cases/mayotte.yaml cases/csv/collectif-csv.yaml cases/csv/campagne-tableur.yaml

# What a user sees: each example case generated with its warnings (grouped by rule) and its summary,
# as of the day its documents are handed over (--au, issue 10), as a user prepares them: nothing is
# dated after the fact, no plan has slipped (collectif-alsace records its handovers and an acceptance
# of 20 March in its journal). Then the worked example of cases/suivi/ at its three as-of dates.
DEMO  := cases/individuel.yaml@2026-05-11 cases/collectif-alsace.yaml@2026-03-20 cases/pse.yaml@2026-06-12 \
         cases/mayotte.yaml@2026-04-20 cases/csv/collectif-csv.yaml@2026-06-23 cases/csv/campagne-tableur.yaml@2026-06-19
SUIVI := cases/suivi/1-avant-remise.yaml@2026-09-10 cases/suivi/2-pendant-delai.yaml@2026-09-25 \
         cases/suivi/3-apres-rupture.yaml@2026-11-20

demo: install
	@mkdir -p output
	@for item in $(DEMO); do \
	  c=$${item%@*}; au=$${item#*@}; n=$$(basename $$c .yaml); \
	  echo "== $$c"; \
	  $(BIN)/cspdocs compute $$c --format json --au $$au > output/$$n.json || exit 1; \
	  $(BIN)/cspdocs generate $$c -o output --au $$au --quiet 2>&1 || exit 1; \
	  echo "Contrat JSON : output/$$n.json"; \
	done
	@for item in $(SUIVI); do \
	  c=$${item%@*}; au=$${item#*@}; \
	  echo "== $$c : suivi de la procédure au $$au"; \
	  $(BIN)/cspdocs suivi $$c --au $$au --format tableau || exit 1; \
	  $(BIN)/cspdocs generate $$c -o output --au $$au --quiet 2>&1 || exit 1; \
	done
	@echo "Ensuite : $(BIN)/cspdocs compute $(CASE) (dates, montants et leur raisonnement) ;"
	@echo "l'état et les actions dues à une date : $(BIN)/cspdocs suivi cases/suivi/2-pendant-delai.yaml --au 2026-09-25 ;"
	@echo "ce que signifie un code d'avertissement (R-45, A3…) : $(BIN)/cspdocs regles R-45"

# Same as demo, with each document also in PDF, a dossier.pdf per employee and a dossier-global.pdf
# per case (LibreOffice and the fonts: make system-deps).
demo-pdf: install
	@mkdir -p output
	@for item in $(DEMO) $(SUIVI); do \
	  c=$${item%@*}; au=$${item#*@}; \
	  echo "== $$c"; \
	  $(BIN)/cspdocs generate $$c -o output --au $$au --pdf --dossier-global --quiet 2>&1 || exit 1; \
	done

# The whole suite (3.5 to 8 minutes on 2 idle cores, by machine, LibreOffice tests included); pytest prints its duration.
test: install-test
	@echo "Suite complète (3 min 30 s à 8 min sur 2 cœurs libres selon la machine) ; sous-ensemble rapide : make test-rapide"
	$(BIN)/python -m pytest -q --durations=5

# About a minute of CPU: everything except LibreOffice, fuzzing, the full lint matrix and the PDF pipeline.
RAPIDE_EXCLUS := tests/pdf/test_pdf_libreoffice.py tests/pdf/test_generate_pdf.py tests/pdf/test_generate_pdf_errors.py \
                 tests/cli/test_fuzz_cli.py tests/engine/test_fuzz_engine.py tests/render/test_fuzz_render.py tests/case/test_fuzz_loader.py \
                 tests/mentions/test_lint.py tests/engine/test_properties.py
test-rapide: install-test
	$(BIN)/python -m pytest -q -x -m "not libreoffice" $(addprefix --ignore=,$(RAPIDE_EXCLUS))

# Rewrite the French reference in docs/ from the package's data (a test checks it is up to date).
docs: install
	$(BIN)/python -c "from pathlib import Path; from cspdocs.reference import write_docs; [print(p) for p in write_docs(Path('docs'))]"

# Under 5 minutes: generate, its floors and ratios, the PDF stage, lint and the engine in one run (bench_render.py
# and bench_pdf.py remain for the details of rendering and of the PDF conversion).
# The package's modules are compiled first, as a regular install leaves them (pip compiles what it installs;
# an editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile them at every command).
bench: install
	@$(BIN)/python -m compileall -q cspdocs
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
