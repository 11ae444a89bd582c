"""Work over many files on every core, with a progress bar on the terminal.

Results come back in the order of the inputs, so the per-file lines a command prints
are the same whatever the number of processes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from tqdm import tqdm

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_jobs() -> int:
    return max(os.cpu_count() or 1, 1)


def ordered_map(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    label: str = "文件",
) -> Iterator[Result]:
    """``work`` over ``items`` in ``jobs`` processes (inline for one job or one item);
    ``work`` must be a module-level function and its results picklable. A bar on
    stderr shows the progress when stderr is a terminal."""
    jobs = default_jobs() if jobs is None else max(jobs, 1)
    bar = tqdm(total=len(items), unit=label, disable=not sys.stderr.isatty(), leave=False, file=sys.stderr)
    try:
        results: Iterable[Result]
        if jobs == 1 or len(items) <= 1:
            results = map(work, items)
            for result in results:
                bar.update()
                yield result
            return
        with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
            for result in pool.map(work, items, chunksize=1):
                bar.update()
                yield result
    finally:
        bar.close()
