# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

DEMO := build/demo_corpus.duckdb

.PHONY: run test fuzz browser bench lint clean demo

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# System Chromium for the browser tests (its headless shell, which they drive; the full
# browser for screenshots by hand) and CJK fonts for readable pages.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 && \
	  fc-list 2>/dev/null | grep -qi "noto.*cjk" || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell \
	    fonts-noto-cjk >/dev/null; }

# The 语料库 page's demo: the public documents shipped in samples/, ingested once (the
# database is git-ignored; written aside, then moved, so a stopped build leaves none).
$(DEMO): $(STAMP) $(wildcard samples/* samples/corpus/*)
	mkdir -p build
	rm -f $(DEMO).tmp
	$(PY) -m budget ingest samples --db $(DEMO).tmp --jobs 2 >/dev/null
	mv $(DEMO).tmp $(DEMO)

demo: $(DEMO)

run: $(STAMP) $(DEMO)
	$(VENV)/bin/streamlit run app.py

# Every test, browser ones included, on TEST_WORKERS xdist processes (the slow modules
# start first; -m "not slow" by hand for a quick run); then, alone, the tests marked timed,
# which bound their own CPU time or a server's latency: on two cores a neighbouring
# worker's load (shared caches, clock, the GIL of a shared server) inflates those by a
# third or more, and the bound would measure the neighbour.
# Bytecode caches (git-ignored __pycache__) are written even where PYTHONDONTWRITEBYTECODE
# is set: a run starts a dozen Python processes (workers, app servers, parse forkservers,
# CLI runs) and each would compile every module of the project again.
# The timed run collects only the test files that name the marker (5 of 99): collecting
# every module again for 50 tests took 2.9 s of CPU (7.7 s with no bytecode cache yet)
# of that serial run, against 1.4 s. -m timed still selects the tests within them.
TEST_WORKERS ?= 2
TIMED_FILES := $(shell grep -rl --include='*.py' 'mark\.timed' tests)
test: $(STAMP) browser
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -n $(TEST_WORKERS) -m "not timed"
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -p no:xdist -m timed $(TIMED_FILES)

# The fuzz suite at its large budget: FUZZ_EXAMPLES inputs for each of its 9 properties
# (formats, recognition, check and pages; `make test` runs each at 6), then the count
# per family. FUZZ_EXAMPLES=1200 is 10,800 inputs, about an hour on two cores.
FUZZ_EXAMPLES ?= 1200
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -n 2 tests/fuzz

# ruff (lint rules and formatting) over the tree, mypy over the domain and the loaders.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)
	for f in parse parse_doc parse_pdf check pages corpus_query hostile; do $(PY) benchmarks/$$f.py || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache
