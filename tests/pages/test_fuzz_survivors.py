"""Every page on documents the fuzz suite made that a loader still reads: damaged Word
XML, workbook parts and text structure (tests/fuzz/formats.py, replayed from fixed
seeds), each uploaded and walked page by page with no traceback and no error."""

from __future__ import annotations

import functools

import pytest

from loaders import LoadError, load
from tests.fuzz import formats
from tests.fuzz.mutate import Seeded
from tests.pages.conftest import PAGES, new_app, open_all, open_page, upload

FAMILIES = {"docx": formats.word_xml, "xlsx": formats.sheet_xml, "txt": formats.text_file}
PER_FAMILY = 2


@functools.cache
def survivors(suffix: str) -> tuple[tuple[str, bytes], ...]:
    """The first inputs of the family, from seed 0 on, that load. Found when a test of the
    family first runs (not at collection, where every xdist worker would look for all)."""
    mutation, found, seed = FAMILIES[suffix], [], 0
    while len(found) < PER_FAMILY and seed < 200:
        data = mutation(Seeded(seed))
        seed += 1
        try:
            load(data, f"f.{suffix}")
        except LoadError:
            continue
        found.append((f"survivor-{suffix}-{seed - 1}.{suffix}", data))
    return tuple(found)


@pytest.mark.slow
@pytest.mark.parametrize("index", range(PER_FAMILY))
@pytest.mark.parametrize("suffix", list(FAMILIES))
def test_every_page_runs_on_a_fuzz_survivor(suffix, index):
    kept = survivors(suffix)
    assert len(kept) == PER_FAMILY, (suffix, [name for name, _ in kept])  # as many as before, from seeds < 200
    name, data = kept[index]
    at = upload(new_app(), (name, data))
    assert not at.exception and not at.sidebar.error, [e.value for e in at.sidebar.error]
    for page in PAGES:  # 发布前检查 among them (app.py's list): once, as a reader opens it
        open_page(at, page)  # asserts no exception
        open_all(at)  # what a closed part, project or table holds too
        assert not at.error, (page, [e.value for e in at.error])
