"""The one timing helper every benchmark uses: a median over repeated runs, since
these machines are noisy and a single run says little."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], runs: int, warmup: bool = True) -> float:
    if warmup:
        action()  # imports, regex and parse caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
