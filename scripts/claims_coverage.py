"""Claim coverage of the narrative over a snapshot (or the corpus): how many money figures
printed in the narrative sections become a claim with a subject, and how many of those
are compared with a table figure, checked, or stated not comparable with the reason.

    python scripts/claims_coverage.py SNAPDIR [--unplaced N] [--city 深圳]

SNAPDIR holds ``<label>.blocks.pickle`` files (scripts/snapshot.py take OUT --blocks):
recognition is re-run on the reader's blocks with the current code, in milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MANIFEST = ROOT.parent / "shared" / "corpus" / "manifest.csv"


def main() -> None:
    from budget.checks.coverage import CHECKED, MATCHED, STATED, UNPLACED, Coverage, coverage
    from budget.model import Format, Source
    from loaders.recognize import build

    parser = argparse.ArgumentParser()
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--unplaced", type=int, default=0, help="print this many unplaced figures")
    parser.add_argument("--city", default=None)
    args = parser.parse_args()
    cities = {}
    if MANIFEST.exists():
        cities = {row["file"]: row["city"] for row in csv.DictReader(MANIFEST.open(encoding="utf-8"))}
    per_city: dict[str, Coverage] = defaultdict(Coverage)
    total = Coverage()
    for path in sorted(args.snapshot.glob("*.blocks.pickle")):
        label = path.name.removesuffix(".blocks.pickle")
        city = cities.get(label.removeprefix("corpus__"))
        if city is None:
            continue  # a fixture
        if args.city and city != args.city:
            continue
        blocks = pickle.loads(path.read_bytes())
        try:
            doc = build(blocks, Source(label, Format.PDF, ""))
        except Exception as error:  # a refused file: no narrative to measure
            print(f"{label}: {type(error).__name__}", file=sys.stderr)
            continue
        found = coverage(doc)
        per_city[city].add(found)
        total.add(found)

    def line(name: str, c: Coverage) -> str:
        claimed = c.claimed / c.printed if c.printed else 0
        placed = c.placed / c.claimed if c.claimed else 0
        o = c.outcomes
        return (
            f"{name:6} printed {c.printed:5}  claimed {c.claimed:5} ({claimed:6.1%})"
            f"  placed {c.placed:5} ({placed:6.1%})  matched {o[MATCHED]:5} checked {o[CHECKED]:5}"
            f" stated {o[STATED]:5} unplaced {o[UNPLACED]:4}"
        )

    for city, c in sorted(per_city.items()):
        print(line(city, c))
    print(line("total", total))
    print("\nnot comparable, by reason:")
    for reason, count in total.reasons.most_common():
        print(f"  {count:5}  {reason}")
    for claim, printed in total.unplaced[: args.unplaced]:
        subject = claim.subject.name if claim.subject else "-"
        start = max(0, claim.start - 30)
        print(f"  [{subject}] {printed}  …{claim.paragraph[start : claim.start + 30]}…")


if __name__ == "__main__":
    main()
