"""The parse budget: a document is read and checked in a worker process, and one that
takes too long or needs too much memory is refused with a sentence, not a hang."""

from __future__ import annotations

import threading
import time

import pytest

from budget.application import worker
from budget.checks import run
from budget.export import reports
from budget.export.contract import disclosure_to_dict
from loaders import limits, load
from tests.conftest import fixture_bytes
from tests.hostile import grid_span, paragraphs

pytestmark = pytest.mark.slow  # parses in worker processes (spawned, with their time and memory budgets)


def test_the_worker_gives_the_model_and_check_of_an_in_process_load():
    data = fixture_bytes("seed.docx")
    parsed = worker.parse(data, "seed.docx")
    here = load(data, "seed.docx")
    assert disclosure_to_dict(parsed.disclosure) == disclosure_to_dict(here)
    assert reports.to_json(parsed.report) == reports.to_json(run(here))
    assert parsed.report.results[0].rule.check is run.__globals__["CATALOGUE"][0].check  # the same rule objects


def test_a_load_error_comes_back_as_its_sentence():
    with pytest.raises(worker.Refused) as refused:
        worker.parse(grid_span("1.5"), "bad.docx")
    assert "跨列数无效" in refused.value.message


def test_a_parse_over_its_time_is_stopped_and_refused():
    with limits.override(parse_seconds=0.05), pytest.raises(worker.Refused) as refused:  # type: ignore[arg-type]
        worker.parse(fixture_bytes("seed.pdf"), "seed.pdf")  # about a second of work
    assert refused.value.message.startswith("解析超时")
    # the worker was killed, and the next document is read as usual
    assert worker.parse(fixture_bytes("seed.txt"), "seed.txt").disclosure.tables


def test_a_parse_over_its_memory_is_refused():
    data = paragraphs(40_000)  # about 30 MB to read
    with limits.override(parse_memory_bytes=4 * limits.MiB), pytest.raises(worker.Refused) as refused:
        worker.parse(data, "long.docx")
    assert "内存" in refused.value.message, refused.value.message


def test_parses_run_side_by_side_and_the_caller_keeps_the_gil():
    """Two documents parse at once in two workers; meanwhile this process keeps running
    (a server thread answering other users is not held up)."""
    results: dict[str, object] = {}

    def parse(name: str) -> None:
        results[name] = worker.parse(fixture_bytes(name), name)

    threads = [threading.Thread(target=parse, args=(name,)) for name in ("seed.docx", "seed.txt")]
    ticks = 0
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        time.sleep(0.01)
        ticks += 1
    elapsed = time.monotonic() - started
    assert set(results) == {"seed.docx", "seed.txt"}
    assert all(isinstance(r, worker.Parsed) for r in results.values())
    # The waiting thread was scheduled throughout (a parse holding the GIL would leave it
    # almost no ticks); a fifth of the ideal leaves room for a loaded machine.
    assert ticks >= 0.2 * elapsed / 0.01


def test_the_worker_checks_with_the_settings_it_is_given():
    """The seed's 见义勇为奖励经费 satisfaction target (≥80%) is below the default 85 %
    floor and not below 80 %: the child checks with the settings the parse carries."""
    from decimal import Decimal

    from budget.checks import Settings

    data = fixture_bytes("seed.docx")

    def satisfaction_findings(parsed):
        return [f for f in parsed.report.findings if f.rule == "PERF-SATISFACTION"]

    default = satisfaction_findings(worker.parse(data, "seed.docx"))
    lenient = worker.parse(data, "seed.docx", Settings(satisfaction_threshold=Decimal(80)))
    assert [f.location.project for f in default] == ["见义勇为奖励经费"]
    assert default[0].expected == Decimal(85)
    assert satisfaction_findings(lenient) == []
    assert lenient.report == worker.checked(lenient.disclosure, Settings(satisfaction_threshold=Decimal(80))).report


def test_a_parse_does_not_run_the_callers_main_script(tmp_path, monkeypatch):
    """Under Streamlit, __main__ is app.py (a module the script runner installs). A
    forkserver child re-runs its parent's __main__ file before its target unless the
    worker hides it: every upload would run the whole app in the child first."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "app_like.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", main)
    parsed = worker.parse(fixture_bytes("seed.txt"), "seed.txt")
    assert parsed.disclosure.tables
    assert sys.modules["__main__"] is main  # the caller's __main__ is back
    assert not marker.exists()  # the child never ran the script
