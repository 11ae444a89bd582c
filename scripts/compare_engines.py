"""The PDF reader's blocks and model through the current engine against those of
another engine, file by file.

    python scripts/compare_engines.py SNAPSHOT [DIR|FILE ...] [--jobs N] [--lines N]

SNAPSHOT is a directory taken with ``scripts/snapshot.py take OUT --blocks`` at the
commit of the other engine (pdfplumber's, before PDFium: /work/snap/base): it holds
every file's blocks as that reader gave them. Each PDF under the DIRs (default: the
fixtures and the corpus in ../shared) is read again here, and

- ``same``: the blocks are identical;
- ``model same``: the blocks differ, the model (both recognised by the current code)
  does not;
- ``model differs``: the model differs. The differing model lines are listed, each
  pair classified where the difference is of one known kind: ``newlines`` (the same
  text, a cell's lines broken differently), ``spaces`` (the same text but for spaces),
  ``other``.

Recognising both block lists with the same code isolates the engine: whatever
recognition has changed since the snapshot applies to both sides. Every difference
must be named and justified as a fix (issue 10).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
sys.path.insert(0, str(ROOT))

from scripts.snapshot import _files  # noqa: E402


def _label(path: Path) -> str:
    """The snapshot's name for a file (fixtures/real/x.pdf -> fixtures__real__x.pdf)."""
    try:
        relative = path.resolve().relative_to(SHARED)
    except ValueError:
        relative = Path(path.name)
    return "__".join(relative.parts)


def _model(blocks, name: str, data: bytes) -> str:
    """The model JSON the current recognition makes of ``blocks`` (or the refusal)."""
    from budget.export.contract import disclosure_to_dict
    from budget.model import Format, Source
    from loaders import LoadError
    from loaders.recognize import build

    try:
        disclosure = build(blocks, Source(name, Format.PDF, hashlib.sha256(data).hexdigest()))
    except LoadError as error:
        return "refused: " + error.one_line()
    return json.dumps(disclosure_to_dict(disclosure), ensure_ascii=False, indent=1)


def _kind(old: str, new: str) -> str:
    if old.replace("\\n", "") == new.replace("\\n", ""):
        return "newlines"
    if old.replace(" ", "") == new.replace(" ", ""):
        return "spaces"
    return "other"


def compare_one(job: tuple[str, str, int]) -> tuple[str, str, float, list[str]]:
    from loaders import LoadError, pdf

    path, snapshot, lines = Path(job[0]), Path(job[1]), job[2]
    label = _label(path)
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        new: list | str = pdf.read(data)
    except LoadError as error:
        new = "refused: " + error.one_line()
    seconds = time.perf_counter() - start
    stored = snapshot / f"{label}.blocks.pickle"
    if stored.exists():
        old: list | str = pickle.loads(stored.read_bytes())
    else:  # the reader itself refused the file
        old = "refused: " + (snapshot / f"{label}.error.txt").read_text(encoding="utf-8").strip()
    if old == new:
        return label, "same", seconds, []
    a = old if isinstance(old, str) else _model(old, path.name, data)
    b = new if isinstance(new, str) else _model(new, path.name, data)
    if a == b:
        return label, "model same", seconds, []
    diff = [line for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0) if line[:1] in "-+"]
    removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    report = []
    for before, after in zip(removed, added, strict=False):
        report.append(f"[{_kind(before, after)}] {before[:100]}  ->  {after[:100]}")
    report += [f"[removed] {line[:100]}" for line in removed[len(added) :]]
    report += [f"[added] {line[:100]}" for line in added[len(removed) :]]
    return (
        label,
        "model differs",
        seconds,
        report[:lines] + ([f"… {len(report) - lines} more"] if len(report) > lines else []),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("dirs", type=Path, nargs="*", default=[SHARED / "fixtures", SHARED / "corpus"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lines", type=int, default=12, help="differing model lines shown per file")
    args = parser.parse_args()
    files = [f for d in args.dirs for f in ([d] if d.is_file() else _files([d])) if f.suffix.lower() == ".pdf"]
    counts: dict[str, int] = {}
    kinds: dict[str, int] = {}
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        jobs = [(str(f), str(args.snapshot), args.lines) for f in files]
        for label, status, seconds, report in pool.map(compare_one, jobs):
            counts[status] = counts.get(status, 0) + 1
            print(f"{seconds:6.2f}s  {status:14s} {label}", flush=True)
            for line in report:
                print(f"          {line}")
                kind = line[1 : line.index("]")] if line.startswith("[") else ""
                if kind:
                    kinds[kind] = kinds.get(kind, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"{len(files)} PDFs in {time.perf_counter() - started:.0f} s: {summary}")
    if kinds:
        print("model lines (as shown): " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    return 0 if set(counts) <= {"same", "model same"} else 1


if __name__ == "__main__":
    sys.exit(main())
