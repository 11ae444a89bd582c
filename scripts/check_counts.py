"""Error and warning counts of the check per city (and per rule) over a snapshot's blocks,
with the current code: recognition re-run on ``<label>.blocks.pickle``, then the check.

    python scripts/check_counts.py SNAPDIR [--rules] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MANIFEST = ROOT.parent / "shared" / "corpus" / "manifest.csv"


def main() -> None:
    from budget.checks import run
    from budget.model import Format, Source
    from loaders.recognize import build

    parser = argparse.ArgumentParser()
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--rules", action="store_true", help="also the error and warning counts per rule")
    parser.add_argument("--json", type=Path, default=None, help="write every finding (rule, severity, file) here")
    args = parser.parse_args()
    cities = {row["file"]: row["city"] for row in csv.DictReader(MANIFEST.open(encoding="utf-8"))}
    per_city: dict[str, Counter[str]] = defaultdict(Counter)
    per_rule: Counter[tuple[str, str]] = Counter()
    dump = []
    for path in sorted(args.snapshot.glob("*.blocks.pickle")):
        label = path.name.removesuffix(".blocks.pickle")
        city = cities.get(label.removeprefix("corpus__"))
        if city is None:
            continue  # a fixture
        try:
            doc = build(pickle.loads(path.read_bytes()), Source(label, Format.PDF, ""))
        except Exception:
            per_city[city]["refused"] += 1
            continue
        report = run(doc)
        per_city[city]["docs"] += 1
        for finding in report.findings:
            per_city[city][finding.severity.value] += 1
            per_rule[(finding.rule, finding.severity.value)] += 1
            dump.append({"file": label, "rule": finding.rule, "severity": finding.severity.value})
    total: Counter[str] = Counter()
    for city, counts in sorted(per_city.items()):
        total.update(counts)
        print(
            f"{city:4} docs {counts['docs']:3}  error {counts['error']:5}"
            f"  warning {counts['warning']:5}  info {counts['info']:4}"
        )
    print(
        f"all  docs {total['docs']:3}  error {total['error']:5}  warning {total['warning']:5}  info {total['info']:4}"
    )
    if args.rules:
        for (rule_id, severity), count in sorted(per_rule.items(), key=lambda kv: -kv[1]):
            print(f"  {count:5}  {severity:7}  {rule_id}")
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
