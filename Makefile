# OSM Roundtrip — developer tasks. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN := osm_roundtrip
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export QT_QPA_PLATFORM ?= offscreen

# Debian packages needed by the tests, the demo and the benchmarks.
DEB_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth osmium-tool gdal-bin python3-venv \
	python3-lxml python3-requests pyqt5-dev-tools qttools5-dev-tools debootstrap
# What goes into the plugin (and what pylupdate5 scans): no tests, tools or benchmarks.
PLUGIN_SOURCES := __init__.py $(shell find plugin ui -name '*.py' -o -name '*.ui' | sort)
TS_FILES := i18n/$(PLUGIN)_en.ts i18n/$(PLUGIN)_de.ts i18n/$(PLUGIN)_fr.ts
QM_FILES := $(TS_FILES:.ts=.qm)
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
# The iD tagging schema (tag rules of the validator): fetched at the version pinned in
# tools/id_schema.py into a cache outside the repository, bundled into the zip with its licence
# (the tag editor's presets, fields and their English, German and French names too).
SCHEMA_DIR = $(shell python3 tools/id_schema.py --print-dir)

.PHONY: help system venv nominatim schema roots test test-host lint format zip deploy transup transcompile demo screens bench sandbox clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | sort | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-13s %s\n", $$1, $$2}'

system: ## Install the Debian packages that are missing (nothing when all are there)
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: system $(VENV)/.installed ## Create the virtual environment with the pinned test tools

$(VENV)/.installed: requirements-dev.txt
	@[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

test: venv transcompile nominatim schema roots ## Install what is needed, run the whole suite on QGIS 3.22, 3.40 and 3.44, then lint
	$(SUDO) $(PY) tools/matrix/run.py
	$(MAKE) --no-print-directory lint

test-host: venv transcompile nominatim schema ## Run the whole test suite on the host's QGIS only
	$(PY) -m pytest

roots: system ## Build (once, cached outside the repository) or check the Debian roots of the other QGIS versions
	@$(SUDO) python3 tools/matrix/roots.py ensure >/dev/null

nominatim: system ## Build (once, cached outside the repository) the local Nominatim database
	@tools/nominatim/ensure.sh >/dev/null

schema: ## Fetch (once, cached outside the repository) the pinned iD tagging schema
	@python3 tools/id_schema.py >/dev/null

lint: venv ## Lint and check formatting with ruff, and check the plugin for Qt6 (QGIS 4)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) tools/qt6_check.py
	$(PY) tools/qt6_ui_check.py

format: venv ## Reformat the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

transup: venv ## Refresh i18n/*.ts from the .py and .ui sources (pylupdate5)
	$(PY) tools/pylupdate.py $(PLUGIN_SOURCES) -ts $(TS_FILES)

transcompile: system $(QM_FILES) ## Compile the translations into .qm files

i18n/%.qm: i18n/%.ts
	lrelease -silent $< -qm $@

zip: transcompile schema ## Build dist/osm_roundtrip.zip for "Install from ZIP"
	@rm -rf build/zip dist/$(PLUGIN).zip && mkdir -p build/zip/$(PLUGIN) dist
	@cp -r --parents metadata.txt LICENSE README.md $(PLUGIN_SOURCES) icons $(QM_FILES) build/zip/$(PLUGIN)/
	@mkdir -p build/zip/$(PLUGIN)/data/id-tagging-schema/translations
	@cp $(SCHEMA_DIR)/deprecated.json $(SCHEMA_DIR)/presets.json $(SCHEMA_DIR)/fields.json \
		$(SCHEMA_DIR)/preset_categories.json $(SCHEMA_DIR)/LICENSE.md \
		$(SCHEMA_DIR)/VERSION build/zip/$(PLUGIN)/data/id-tagging-schema/
	@cp $(SCHEMA_DIR)/translations/*.json build/zip/$(PLUGIN)/data/id-tagging-schema/translations/
	@find build/zip -name '__pycache__' -prune -exec rm -rf {} +
	@cd build/zip && python3 -c "import shutil; shutil.make_archive('../../dist/$(PLUGIN)', 'zip', '.', '$(PLUGIN)')"
	@echo "dist/$(PLUGIN).zip"

deploy: transcompile ## Symlink the plugin into the default QGIS profile
	mkdir -p $(QGIS_PROFILE_DIR)
	ln -sfn $(CURDIR) $(QGIS_PROFILE_DIR)/$(PLUGIN)
	@echo "Linked $(QGIS_PROFILE_DIR)/$(PLUGIN) -> $(CURDIR); enable it in Plugins > Manage and Install Plugins."

demo: venv nominatim schema zip ## Offline demo on the bundled data: real QGIS with the plugin, writes demo/screenshot.png
	$(PY) tools/demo.py --zip dist/$(PLUGIN).zip --out demo

screens: venv nominatim roots zip ## PNGs of every screen on QGIS 3.22 and 3.40, English and German, in build/screens/ (SCREENS="--only review")
	$(SUDO) $(PY) tools/screens.py --root trixie $(SCREENS)

bench: venv nominatim schema ## Run every benchmark and print its figures (fails if a target is missed)
	@status=0; for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || status=1; done; exit $$status

sandbox: venv ## Run the local OSM API sandbox in the foreground (http://127.0.0.1:8111)
	$(PY) -m tools.osm_sandbox --seed tests/data/liechtenstein.osm.pbf --port 8111

clean: ## Remove build products (keeps the virtual environment)
	rm -rf build dist demo i18n/*.qm
