"""Hostile files and files just under and just over the default limits: load + check
time (CPU and wall) and peak memory above the start, one line each.

Goal: every hostile file refused (or read, where it is a legitimate document) in under
a second and 300 MB; a file just under a limit read in time linear in its size.
Run: .venv/bin/python benchmarks/hostile.py [NAME_FRAGMENT ...]
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from budget.checks import run  # noqa: E402
from loaders import LoadError, limits, load  # noqa: E402
from loaders.blocks import Paragraph  # noqa: E402
from loaders.docx import read as read_docx  # noqa: E402
from tests import hostile  # noqa: E402

_STATUS = Path("/proc/self/status")


def _kb(field: str) -> int:
    return int(re.search(rf"{field}:\s+(\d+)", _STATUS.read_text()).group(1))  # type: ignore[union-attr]


def measure(build: Callable[[], bytes], name: str) -> tuple[str, float, float, float]:
    data = build()
    Path("/proc/self/clear_refs").write_text("5")
    start = _kb("VmRSS")
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        d = load(data, name)
        report = run(d)
        outcome = f"read ({len(d.tables)} tables, {len(report.findings)} findings)"
    except LoadError as error:
        outcome = "refused: " + error.english[:70]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return outcome, cpu, wall, (_kb("VmHWM") - start) / 1024


def _seed_paragraphs() -> int:
    return sum(1 for b in read_docx(hostile.seed_docx()) if isinstance(b, Paragraph))


def near_limits() -> list[tuple[str, Callable[[], bytes], str]]:
    lim = limits.current()
    p = lim.paragraphs - _seed_paragraphs()
    rows = lim.table_rows
    chars = lim.paragraph_chars
    per = 40_000  # characters per paragraph for the document_chars case
    many = lim.document_chars // per
    objects, pages = lim.pdf_page_objects, lim.pdf_pages
    stream = lim.pdf_stream_bytes // limits.MiB
    return [
        (f"paragraphs: {lim.paragraphs:,} in all", lambda: hostile.paragraphs(p), "u.docx"),
        (f"paragraphs: {lim.paragraphs + 1:,} in all", lambda: hostile.paragraphs(p + 1), "o.docx"),
        (f"table rows: {rows - 1:,}", lambda: hostile.filled_rows(rows - 1, columns=5), "u.xlsx"),
        (f"table rows: {rows + 1:,}", lambda: hostile.filled_rows(rows + 1, columns=5), "o.xlsx"),
        (f"paragraph of {chars:,} characters", lambda: hostile.long_paragraph(chars), "u.docx"),
        (f"paragraph of {chars + 1:,} characters", lambda: hostile.long_paragraph(chars + 1), "o.docx"),
        (
            f"document of {many} x {per:,} characters",
            lambda: hostile.edit_document(
                hostile.seed_docx(),
                hostile.before_section_end(
                    "".join(f"<w:p><w:r><w:t>{hostile.varied(per, seed=i)}</w:t></w:r></w:p>" for i in range(many - 1))
                ),
            ),
            "u.docx",
        ),
        (f"PDF page of {objects - 1:,} text objects", lambda: hostile.tiny_text_objects(objects - 1), "u.pdf"),
        (f"PDF page of {objects + 1:,} text objects", lambda: hostile.tiny_text_objects(objects + 1), "o.pdf"),
        (f"PDF of {pages:,} pages", lambda: hostile.many_pages(pages), "u.pdf"),
        (f"PDF of {pages + 1:,} pages", lambda: hostile.many_pages(pages + 1), "o.pdf"),
        (
            f"PDF stream inflating to {stream - 1} MB",
            lambda: hostile.flate_bomb_pdf((stream - 1) * limits.MiB),
            "u.pdf",
        ),
        (
            f"PDF stream inflating to {stream + 1} MB",
            lambda: hostile.flate_bomb_pdf((stream + 1) * limits.MiB),
            "o.pdf",
        ),
    ]


def main() -> None:
    wanted = sys.argv[1:]
    cases = [(h.name, h.build, h.file_name) for h in hostile.HOSTILE] + near_limits()
    print(f"{'CPU s':>7}{'wall s':>8}{'peak MB':>9}  {'file':<46} outcome")
    for name, build, file_name in cases:
        if wanted and not any(w in name for w in wanted):
            continue
        outcome, cpu, wall, peak = measure(build, file_name)
        print(f"{cpu:7.2f}{wall:8.2f}{peak:9.0f}  {name:<46} {outcome}", flush=True)


if __name__ == "__main__":
    main()
