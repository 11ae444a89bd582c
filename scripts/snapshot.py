"""Snapshots of what the loaders and the check give, to compare two versions of the code.

    python scripts/snapshot.py take OUT [DIR ...] [--blocks] [--jobs N]
    python scripts/snapshot.py diff A B

``take`` writes, for every file under each DIR (default: the fixtures and the corpus in
../shared), ``<name>.model.json`` (contract JSON of the parsed disclosure) and
``<name>.check.json`` (the check report), or ``<name>.error.txt`` when the file is
refused; ``--blocks`` also pickles the reader's blocks (``<name>.blocks.pickle``) so
that recognition can be re-run without reading the PDF again. ``diff`` lists every
file whose model or check differs between two snapshots, with the first differing
lines. This is how a change that should not change behaviour (an engine swap, a code
move) is shown not to, and how one that should is shown to change only what it meant to.
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
SHARED = (ROOT.parent / "shared").resolve()  # a worktree reaches it through a link
sys.path.insert(0, str(ROOT))


def _files(directories: list[Path]) -> list[Path]:
    found = []
    for directory in directories:
        found += sorted(
            p
            for p in directory.rglob("*")
            if p.is_file() and p.suffix.lower() in {".pdf", ".docx", ".txt", ".xlsx", ".xls"}
        )
    return found


def _label(path: Path) -> str:
    """A file name unique across the directories (fixtures/real/x.pdf -> real__x.pdf)."""
    try:
        relative = path.resolve().relative_to(SHARED)
    except ValueError:
        relative = Path(path.name)
    return "__".join(relative.parts)


def _take_one(job: tuple[str, str, bool]) -> tuple[str, float, str]:
    from budget.export import reports
    from budget.checks import run
    from budget.export.contract import disclosure_to_dict
    from budget.model import Source
    from loaders import LoadError, load
    from loaders.detect import read_blocks, sniff
    from loaders.recognize import build

    path, out, blocks = Path(job[0]), Path(job[1]), job[2]
    label = _label(path)
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        if blocks:  # read once, keep the blocks, recognise them (what load() does)
            fmt = sniff(data)
            read = read_blocks(data, fmt)
            (out / f"{label}.blocks.pickle").write_bytes(pickle.dumps(read))
            disclosure = build(read, Source(path.name, fmt, hashlib.sha256(data).hexdigest()))
        else:
            disclosure = load(data, path.name)
    except LoadError as error:
        (out / f"{label}.error.txt").write_text(error.one_line() + "\n", encoding="utf-8")
        return label, time.perf_counter() - start, "refused"
    model = disclosure_to_dict(disclosure)
    (out / f"{label}.model.json").write_text(json.dumps(model, ensure_ascii=False, indent=1), encoding="utf-8")
    report = json.loads(reports.to_json(run(disclosure)))
    (out / f"{label}.check.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return label, time.perf_counter() - start, "ok"


def take(out: Path, directories: list[Path], blocks: bool, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = _files(directories)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for label, seconds, status in pool.map(_take_one, [(str(f), str(out), blocks) for f in files]):
            print(f"{seconds:6.1f}s  {status:8s} {label}", flush=True)
    print(f"{len(files)} files in {time.perf_counter() - started:.0f} s -> {out}")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def diff(a: Path, b: Path) -> int:
    names = sorted(
        {p.name for p in a.iterdir() if not p.name.endswith(".pickle")}
        | {p.name for p in b.iterdir() if not p.name.endswith(".pickle")}
    )
    changed = 0
    for name in names:
        left, right = a / name, b / name
        if _digest(left) == _digest(right):
            continue
        changed += 1
        state = "differs" if left.exists() and right.exists() else f"only in {a if left.exists() else b}"
        print(f"== {name}: {state}")
        if left.exists() and right.exists():
            lines = list(
                difflib.unified_diff(left.read_text().splitlines(), right.read_text().splitlines(), lineterm="", n=1)
            )
            for line in lines[2:40]:
                print("   ", line[:200])
            if len(lines) > 40:
                print(f"    … {len(lines) - 40} more diff lines")
    print(f"{changed} of {len(names)} snapshot files differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    take_cmd = commands.add_parser("take")
    take_cmd.add_argument("out", type=Path)
    take_cmd.add_argument("dirs", type=Path, nargs="*", default=[SHARED / "fixtures", SHARED / "corpus"])
    take_cmd.add_argument("--blocks", action="store_true")
    take_cmd.add_argument("--jobs", type=int, default=2)
    diff_cmd = commands.add_parser("diff")
    diff_cmd.add_argument("a", type=Path)
    diff_cmd.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "take":
        take(args.out, args.dirs, args.blocks, args.jobs)
        return 0
    return diff(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
