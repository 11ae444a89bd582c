"""Every page on documents the fuzz suite made that a loader still reads: damaged Word
XML, workbook parts and text structure (tests/fuzz/formats.py, replayed from fixed
seeds), each uploaded and walked page by page with no traceback and no error."""

from __future__ import annotations

import pytest

from loaders import LoadError, load
from tests.fuzz import formats
from tests.fuzz.mutate import Seeded
from tests.pages.conftest import PAGES, new_app, open_page, upload

FAMILIES = {"docx": formats.word_xml, "xlsx": formats.sheet_xml, "txt": formats.text_file}
PER_FAMILY = 2


def survivors() -> list[tuple[str, bytes]]:
    """The first inputs of each family, from seed 0 on, that load."""
    found = []
    for suffix, mutation in FAMILIES.items():
        kept, seed = 0, 0
        while kept < PER_FAMILY and seed < 200:
            data = mutation(Seeded(seed))
            seed += 1
            try:
                load(data, f"f.{suffix}")
            except LoadError:
                continue
            found.append((f"survivor-{suffix}-{seed - 1}.{suffix}", data))
            kept += 1
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data"), survivors(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_page_runs_on_a_fuzz_survivor(name, data):
    at = upload(new_app(), (name, data))
    assert not at.exception and not at.sidebar.error, [e.value for e in at.sidebar.error]
    for page in [*PAGES, "check"]:
        if page == "check":
            at.switch_page("pages/check.py").run()
        else:
            open_page(at, page)
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.error, (page, [e.value for e in at.error])
