"""Shared fixtures: the real documents in ../shared/fixtures, parsed once per session."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import io
import os
import pickle
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from loaders import load

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT.parent / "shared" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "samples" / "seed.docx"
SAMPLES = ROOT / "samples"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``python -m budget ARGS`` in this process: budget.application.cli's main with its
    output captured, as subprocess.run(..., capture_output=True, text=True) would return it
    (argparse's exit becomes the return code). The same parser, commands and exit statuses
    without a new interpreter importing everything (about 0.5 s of CPU a call); a few tests
    still start the real process for what only it shows (the status the shell sees, stderr
    of a refused file, a pool of processes)."""
    from budget.application.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["python", "-m", "budget", *args], code, out.getvalue(), err.getvalue())


# Parsed documents shared by the test processes of one run: a pickle per document in a
# directory the first process (the xdist controller, or pytest alone) creates and removes
# at its end, so a PDF that tests in both workers (or in several modules) read is parsed
# once per run. The key is the bytes' sha256, the file name and a hash of the code that
# makes a Disclosure (loaders/, budget/): nothing outlives the run or reaches the repo.
_SHARED_PARSES = "budgetlens_parses"  # the key in xdist's workerinput
_parses: Path | None = None


@functools.cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for folder in ("loaders", "budget"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def pytest_configure(config):
    global _parses
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and _SHARED_PARSES in workerinput:
        _parses = Path(workerinput[_SHARED_PARSES])
    elif _parses is None:
        _parses = Path(tempfile.mkdtemp(prefix="budgetlens-parses-"))
        config.add_cleanup(lambda: shutil.rmtree(_parses, ignore_errors=True))  # type: ignore[arg-type]


@pytest.hookimpl(optionalhook=True)  # pytest-xdist: hand the controller's directory to each worker
def pytest_configure_node(node):
    node.workerinput[_SHARED_PARSES] = str(_parses)


def _shared_load(data: bytes, name: str):
    """load(data, name), read from the run's shared directory when another test process
    already parsed the same bytes under the same name with the same code. A refusal
    (LoadError) is not kept: it is raised again by the next load."""
    if _parses is None:  # imported outside a pytest run
        return load(data, name)
    key = hashlib.sha256(data + b"\0" + name.encode()).hexdigest()
    path = _parses / f"{key}-{_code_hash()}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    disclosure = load(data, name)
    partial = path.with_suffix(f".{os.getpid()}.tmp")  # written aside, then renamed: no torn reads
    partial.write_bytes(pickle.dumps(disclosure, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(partial, path)
    return disclosure


@functools.cache
def read(path: Path):
    """The document at ``path`` (a fixture, a corpus file) loaded under its file name once
    per run: in this process from memory, in the other test processes from the run's
    shared pickle. A Disclosure is immutable (frozen dataclasses and tuples), so every
    test can share the one read. Tests of the loader itself (limits, refusals, timing)
    call loaders.load."""
    return _shared_load(Path(path).read_bytes(), Path(path).name)


def parsed(name: str):
    """The fixture ``name`` ("seed.pdf", "real/putuo_wanli_2024_dept.pdf"), read once per run."""
    return read(FIXTURES / name)


def corpus_document(name: str):
    """The corpus file ``name`` ("xian_10.pdf"), read once per run."""
    return read(CORPUS / name)


def demo_corpus() -> Path:
    """The demo corpus exactly as `make run` builds it (every file in samples/ ingested), built
    once per run in the run's shared directory and read by every test process that needs it
    (the 语料库 page's AppTests, the browser test's server): the app opens it read-only. The
    first process to ask builds it under a lock (written aside, then renamed); the others
    wait for it."""
    from budget.application import corpus as ingest

    if _parses is None:  # imported outside a pytest run
        raise RuntimeError("demo_corpus() needs a pytest run")
    path = _parses / "demo_corpus.duckdb"
    with open(_parses / "demo_corpus.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            report = ingest.ingest(SAMPLES, partial, jobs=2)
            assert report.ingested == 7 and report.skipped == 0, [f.line() for f in report.files]
            os.replace(partial, path)
    return path


@functools.cache
def pdf_blocks(name: str) -> tuple:
    """The PDF reader's blocks of the fixture ``name``, read once per test process (the
    blocks are frozen dataclasses; a tuple, so no test can change what others see)."""
    from loaders import pdf

    return tuple(pdf.read(fixture_bytes(name)))


@pytest.fixture(scope="session")
def fuliyuan():
    return parsed("real/putuo_fuliyuan_2024_unit.pdf")


@pytest.fixture(scope="session")
def wanli():
    return parsed("real/putuo_wanli_2024_dept.pdf")


@pytest.fixture(scope="session")
def seed_pdf():
    return parsed("seed.pdf")


@pytest.fixture(scope="session")
def seed_docx():
    return parsed("seed.docx")


@pytest.fixture(scope="session")
def seed_txt():
    return parsed("seed.txt")


@pytest.fixture(scope="session")
def seed(seed_docx):
    """The seed as the rule and view tests call it: the parsed seed.docx."""
    return seed_docx


@pytest.fixture(scope="session")
def server():
    """The app served once per test process for the browser tests (its URL): every one
    uses its own browser contexts, so its own sessions. tests/test_browser_corpus.py
    serves the demo corpus on a server of its own."""
    from tests.test_browser import UPLOAD_LIMIT_MB, streamlit_server

    with streamlit_server("--server.maxUploadSize", str(UPLOAD_LIMIT_MB)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One system Chromium per test process for the browser tests (each test opens and
    closes its own contexts): launching one costs about a second of CPU."""
    from playwright.sync_api import expect, sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    expect.set_options(timeout=60_000)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# Tests that xdist keeps on one worker (node id prefix -> group): the browser tests in two
# groups, one a worker, each sharing that worker's server and Chromium (above):
# tests/test_browser.py (about 110 s at load 2) and the two-users, markup and 语料库 tests
# (about 80 s). In one group they were one worker's 190 s while the other ran every other
# test and then waited; a second server and Chromium cost about 4 s of CPU.
# tests/pages/test_corpus.py keeps its corpus fixtures on one worker, and so do the
# modules whose module fixtures ingest or read documents (0.4-1 s each, measured as setup
# on both workers when their tests were spread over the two), and tests/loaders/
# test_aligned_forms.py, whose tests share each corpus file's two readings (ruled and with
# its paths removed, about 1.5 s of CPU a file) in one process. Every other test is its own
# unit, as with --dist load. (xdist's own --dist loadgroup renames item._nodeid, which
# pytest 9 ignores.)
GROUPS = {
    "tests/test_browser.py::": "browser",
    "tests/test_browser_": "browser-users-corpus",
    "tests/pages/test_corpus.py::": "pages-corpus",
    "tests/budget/application/test_corpus.py::": "ingest",
    "tests/budget/application/test_corpus_queries.py::": "corpus-queries",
    "tests/budget/application/test_survey.py::": "survey",
    "tests/loaders/test_aligned.py::": "aligned",
    "tests/loaders/test_aligned_forms.py::": "aligned-forms",
}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: unknown under -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":  # an explicit --dist other than load is obeyed
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Grouped(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((group for prefix, group in GROUPS.items() if nodeid.startswith(prefix)), nodeid)

    # Units in the order pytest_collection_modifyitems left them (the two browser groups
    # first, one to each worker), not xdist's largest group first: that gave one worker
    # pages-corpus (16 quick tests) and the other tests/test_browser.py, and the second
    # browser group only once one of them was nearly done.
    config.option.loadscopereorder = False
    return Grouped(config, log)


def pytest_collection_modifyitems(config, items):
    """Modules with slow tests run first (the browser ones, then CLI and worker processes), each kept
    whole (its module fixtures are set up once): with two xdist workers the longest
    tests then start at once and the short ones fill in around them, instead of one
    browser test starting last and running alone."""
    browser = {item.module for item in items if item.get_closest_marker("browser")}
    slow = {item.module for item in items if item.get_closest_marker("slow")}
    # stable: the order within each group is kept
    items.sort(key=lambda item: (item.module not in browser, item.module not in slow))
