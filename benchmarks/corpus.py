"""The corpus report over ../shared/corpus, city by city (issue 8's table).

    python benchmarks/corpus.py [--jobs N] [--json OUT] [--dir DIR]

Runs ``budget survey`` on every file of the national corpus on all cores and prints,
per city of ``manifest.csv``: documents, refused, read, consistent and the median
number of table-arithmetic errors; then the wall time. Run it before and after every
loader or rule change: a fix for one city must not break another.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from budget.application.survey import Survey, survey  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def city_table(report: Survey, cities: dict[str, str]) -> list[tuple[str, int, int, int, int, float]]:
    groups: dict[str, list] = {}
    for d in report.documents:
        groups.setdefault(cities.get(d.path, "其他"), []).append(d)
    rows = []
    for city, documents in sorted(groups.items(), key=lambda item: -len(item[1])):
        arithmetic = [d.arithmetic_errors + d.unreliable_tables for d in documents if not d.refused] or [0]
        rows.append(
            (
                city,
                len(documents),
                sum(d.refused for d in documents),
                sum(d.read for d in documents),
                sum(d.consistent for d in documents),
                statistics.median(arithmetic),
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the survey JSON here")
    parser.add_argument(
        "--dir", type=Path, default=CORPUS, help="a folder with the same manifest.csv (e.g. altered copies)"
    )
    args = parser.parse_args()
    with open(args.dir / "manifest.csv", encoding="utf-8") as f:
        cities = {row["file"]: row["city"] for row in csv.DictReader(f)}
    paths = sorted(args.dir / name for name in cities)
    report = survey(args.dir, jobs=args.jobs, paths=paths)
    if args.json:
        args.json.write_text(report.to_json(), encoding="utf-8")
    print(f"{'city':6} {'docs':>5} {'refused':>8} {'read':>5} {'consistent':>11} {'median ARITH+READ':>20}")
    rows = city_table(report, cities)
    for city, docs, refused, read, consistent, median in rows:
        print(f"{city:6} {docs:5d} {refused:8d} {read:5d} {consistent:11d} {median:20g}")
    total = [sum(r[i] for r in rows) for i in range(1, 5)]
    print(f"{'total':6} {total[0]:5d} {total[1]:8d} {total[2]:5d} {total[3]:11d}")
    n = max(total[0], 1)
    print(
        f"read {total[2] / n:.0%}, consistent {total[3] / n:.0%}; {report.seconds:.0f} s on {args.jobs or 'all'} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
