"""Parse time of seed.docx as a ratio to a bare lxml parse of its word/document.xml,
both measured in this run (median of many runs; these machines are noisy).

Goal: ratio <= 2.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402
from loaders import load  # noqa: E402

SEED = ROOT.parent / "shared" / "fixtures" / "seed.docx"
if not SEED.exists():
    SEED = ROOT / "samples" / "seed.docx"


def main() -> None:
    data = SEED.read_bytes()

    def baseline() -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            etree.fromstring(archive.read("word/document.xml"))

    def parse() -> None:
        load(data, "seed.docx")

    base = median_seconds(baseline, runs=60)
    ours = median_seconds(parse, runs=60)
    print(f"lxml parse of document.xml : {base * 1000:7.2f} ms")
    print(f"loaders.load(seed.docx)    : {ours * 1000:7.2f} ms")
    print(f"ratio                      : {ours / base:7.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
