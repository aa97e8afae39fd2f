# One command for each habit. Each target sets up what it needs (a .venv made on first use).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
PORT ?= 5000

.PHONY: run test lint bench browser-deps ocr-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Telusur needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## make run: set up, build the demo corpus over loopback and serve it at http://127.0.0.1:$(PORT)
run: $(STAMP)
	$(BIN)/telusur demo --port $(PORT)

## make test: set up (with Debian's chromium and tesseract-ocr-ind) and run the whole suite
test: $(STAMP) browser-deps ocr-deps
	$(BIN)/python -m pytest

## make lint: ruff and mypy over the four packages
lint: $(STAMP)
	$(BIN)/ruff check corpus crawler index web tests bench
	$(BIN)/mypy corpus crawler index web

## make bench: every benchmark under bench/ on ../shared data (skips cleanly when absent)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench

# Browser tests drive Debian's chromium through Playwright; `playwright install` cannot download
# here, so the distribution's browser is installed when missing (needs root, as on CI).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium missing and not root; browser tests will be skipped"; fi; \
	fi

# OCR of scanned PDFs is optional: Telusur uses Debian's tesseract with its Indonesian data when
# it is installed, and flags scans as needing OCR otherwise. The OCR tests need it; installed
# when missing (needs root, as on CI).
ocr-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>&1 | grep -qx ind \
	    || ! tesseract --list-langs 2>&1 | grep -qx osd; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's tesseract-ocr, tesseract-ocr-ind and tesseract-ocr-osd for the OCR tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd >/dev/null) \
	      || echo "warning: could not install tesseract; OCR tests will be skipped"; \
	  else echo "warning: tesseract with Indonesian data missing and not root; OCR tests will be skipped"; fi; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
