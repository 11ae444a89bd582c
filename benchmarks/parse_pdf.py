"""Parse time of the 33-page putuo_wanli PDF as a ratio to pdfplumber's bare
``page.extract_text()`` over every page of the same file, both measured in this run
(median of several runs; these machines are noisy).

The parse includes everything a user waits for: opening, tables, paragraphs and
recognition into the model (``loaders.load``).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402
from loaders import load  # noqa: E402

PDF = ROOT.parent / "shared" / "fixtures" / "real" / "putuo_wanli_2024_dept.pdf"


def main() -> None:
    data = PDF.read_bytes()

    def baseline() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()

    def parse() -> None:
        load(data, PDF.name)

    base = median_seconds(baseline, runs=5)
    ours = median_seconds(parse, runs=5)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    print(f"{PDF.name}: {pages} pages")
    print(f"pdfplumber extract_text, all pages : {base * 1000:8.1f} ms")
    print(f"loaders.load (tables, text, model) : {ours * 1000:8.1f} ms")
    print(f"ratio                              : {ours / base:8.2f}x")


if __name__ == "__main__":
    main()
