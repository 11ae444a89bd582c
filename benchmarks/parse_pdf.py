"""PDF parse time as a ratio to PDFium's bare character extraction of the same file,
both measured in this run. Goal: load <= 2x bare on every file.

``bare`` is what any reader of the text must do at least, written plainly with
pypdfium2's public API: open the document, and on every page its text and every
character's box. ``load`` is everything a user waits for: ``loaders.load`` (characters,
rulings, tables, paragraphs, and recognition into the model).

The files: the two Shanghai fixtures, seed.pdf, and corpus files from three other
cities (each a different producer and layout). Times are this process's CPU time (the
reader runs on one thread; wall time on these shared machines measures the
neighbours too), taken for the two in turns, run after run, and their medians
compared.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders import load, pdf  # noqa: E402

SHARED = ROOT.parent / "shared"
FILES = [
    SHARED / "fixtures" / "real" / "putuo_wanli_2024_dept.pdf",
    SHARED / "fixtures" / "real" / "putuo_fuliyuan_2024_unit.pdf",
    SHARED / "fixtures" / "seed.pdf",
    SHARED / "corpus" / "shenzhen_01.pdf",
    SHARED / "corpus" / "guangzhou_04.pdf",
    SHARED / "corpus" / "xian_01.pdf",
]
RUNS = 7


def bare(data: bytes) -> int:
    """Open, and every page's text and every character's box; the character count."""
    document = pdfium.PdfDocument(data)
    count = 0
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        n = textpage.count_chars()
        for i in range(n):
            textpage.get_charbox(i)
        count += n
        textpage.close()
        page.close()
    document.close()
    return count


def measure(path: Path) -> tuple[int, int, float, float, float]:
    data = path.read_bytes()
    chars = bare(data)  # warm up: imports, caches, the file in memory
    load(data, path.name)
    bare_times, read_times, load_times = [], [], []
    for _ in range(RUNS):
        start = time.process_time()
        pdf.read(data)
        read_times.append(time.process_time() - start)
        start = time.process_time()
        bare(data)
        bare_times.append(time.process_time() - start)
        start = time.process_time()
        load(data, path.name)
        load_times.append(time.process_time() - start)
    document = pdfium.PdfDocument(data)
    pages = len(document)
    document.close()
    return pages, chars, *(statistics.median(t) for t in (bare_times, read_times, load_times))


def main() -> None:
    print(f"{'file':30s} {'pages':>5s} {'chars':>6s} {'bare ms':>8s} {'read ms':>8s} {'load ms':>8s} {'ratio':>6s}")
    worst = 0.0
    for path in FILES:
        pages, chars, base, reader, ours = measure(path)
        worst = max(worst, ours / base)
        row = f"{path.name:30s} {pages:5d} {chars:6d} {base * 1000:8.1f} {reader * 1000:8.1f} {ours * 1000:8.1f}"
        print(f"{row} {ours / base:5.2f}x")
    print("read: loaders.pdf.read alone (the blocks, before recognition)")
    print(f"worst ratio {worst:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
