"""Hypothesis budgets: small and deterministic inside `make test`, large and random in
`make fuzz` (HYPOTHESIS_PROFILE=fuzz; FUZZ_EXAMPLES sets the inputs per test)."""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, settings

from tests.fuzz import harness

_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "default", max_examples=6, deadline=None, derandomize=True, suppress_health_check=_RELAXED, database=None
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1200")),
    deadline=None,
    suppress_health_check=_RELAXED,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
_STARTED = time.time()


def pytest_sessionfinish(session):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    harness.write_stats(worker)


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    lines = harness.summary(_STARTED)
    if lines:
        terminalreporter.section("fuzz inputs per family (load + check budget: 2 s, 500 MB)")
        for line in lines:
            terminalreporter.write_line(line)
