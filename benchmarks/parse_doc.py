"""Load time of seed.doc (legacy Word, tests/fixtures/doc) against seed.docx, the same
document, both measured in this run, with the bare cost of each container beside them:
olefile opening the .doc and reading its three streams, lxml parsing the .docx's
word/document.xml.

Times are this process's CPU time (wall time on these shared machines measures the
neighbours too), the medians of runs taken in turns.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

import olefile
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders import doc, docx, load  # noqa: E402

DOCX = ROOT.parent / "shared" / "fixtures" / "seed.docx"
if not DOCX.exists():
    DOCX = ROOT / "samples" / "seed.docx"
DOC = ROOT / "tests" / "fixtures" / "doc" / "seed.doc"
RUNS = 60


def main() -> None:
    binary, openxml = DOC.read_bytes(), DOCX.read_bytes()

    def ole_streams() -> None:
        ole = olefile.OleFileIO(io.BytesIO(binary))
        for name in ("WordDocument", "1Table", "Data"):
            ole.openstream(name).read()

    def xml_parse() -> None:
        with zipfile.ZipFile(io.BytesIO(openxml)) as archive:
            etree.fromstring(archive.read("word/document.xml"))

    actions = {
        "olefile: open + 3 streams (.doc)": ole_streams,
        "lxml parse of document.xml": xml_parse,
        "loaders.doc.read (blocks)": lambda: doc.read(binary),
        "loaders.docx.read (blocks)": lambda: docx.read(openxml),
        "loaders.load(seed.doc)": lambda: load(binary, "seed.doc"),
        "loaders.load(seed.docx)": lambda: load(openxml, "seed.docx"),
    }
    for action in actions.values():
        action()  # warm up: imports, caches
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(RUNS):
        for name, action in actions.items():
            start = time.process_time()
            action()
            times[name].append(time.process_time() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, seconds in median.items():
        print(f"{name:34s} : {seconds * 1000:7.2f} ms")
    reader = median["loaders.doc.read (blocks)"] / median["loaders.docx.read (blocks)"]
    whole = median["loaders.load(seed.doc)"] / median["loaders.load(seed.docx)"]
    print(f"reader .doc / .docx                : {reader:5.2f}x")
    print(f"load   .doc / .docx                : {whole:5.2f}x")


if __name__ == "__main__":
    main()
