"""Time of the pre-publication check on a parsed document, as a ratio to a baseline.

The check (all rules of the catalogue) runs many times on the parsed seed; its median
is reported next to the median of a baseline measured in the same run: one plain pass
over the model that touches every amount and every character of the narrative. Goal:
the check takes ≤ 50 ms after parsing.
Run: .venv/bin/python benchmarks/check.py [--runs N] [--file PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402
from budget.checks import CATALOGUE, run  # noqa: E402
from budget.model import Disclosure  # noqa: E402
from loaders import load  # noqa: E402

GOAL_SECONDS = 0.050
SEED = ROOT.parent / "shared" / "fixtures" / "seed.docx"


def baseline(doc: Disclosure) -> int:
    """One pass over the model: every amount summed, every narrative character seen."""
    total = 0
    for table in doc.tables:
        for line in table.lines:
            for value in line.values.values():
                if value is not None:
                    total += int(value.amount)
    for section in doc.sections:
        total += len(section.heading) + sum(1 for _ in section.text)
    for project in doc.performance:
        total += sum(len(i.description or "") for i in project.indicators)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=101)
    parser.add_argument("--file", type=Path, default=SEED if SEED.exists() else ROOT / "samples" / "seed.docx")
    args = parser.parse_args()
    doc = load(args.file.read_bytes(), args.file.name)
    check = median_seconds(lambda: run(doc), args.runs)
    base = median_seconds(lambda: baseline(doc), args.runs)
    ok = check <= GOAL_SECONDS
    print(
        f"check  {args.file.name}: {len(CATALOGUE)} rules, median {check * 1000:.2f} ms over {args.runs} runs "
        f"(goal ≤ {GOAL_SECONDS * 1000:.0f} ms: {'ok' if ok else 'SLOW'})"
    )
    print(f"baseline (one pass over the model): median {base * 1000:.3f} ms; ratio check/baseline {check / base:.1f}×")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
