"""Re-run recognition and the check on a snapshot's pickled blocks, in seconds.

    python scripts/recheck.py SNAPDIR [--city 深圳] [--file NAME] [--docs] [--json OUT]

SNAPDIR holds ``<label>.blocks.pickle`` files (``scripts/snapshot.py take OUT --blocks``).
Each corpus file's blocks go through ``loaders.recognize.build`` and ``budget.checks.run``
with the code of this checkout; the per-city table of issue 8 is printed (docs, refused,
read, consistent, median ARITH errors), and with ``--docs`` one line per document.
A document is *read* when its unit name and year are found and it has >= 3 functional
and >= 3 economic rows; *consistent* when read and no ARITH-ROW / ARITH-HIER /
ARITH-TOTALS finding is an error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

ARITH = ("ARITH-ROW", "ARITH-HIER", "ARITH-TOTALS")
# Contract keys added on this branch (docs/contract.md): left out of the fixture diff.
ADDED = ("parts", "functional_table", "economic_table")


FUNDS = ("general_public", "gov_fund", "state_capital")
SOURCES = ("appropriation", "special_account", "business", "operating", "superior_grant", "subsidiary", "other")
EXPENDITURE_PARTS = ("project", "operating_expense", "to_superior", "to_subsidiary")


def proposed_row_groups(line):
    """A row-sum grouping that reads the funds of an income table as its appropriation and
    基本支出 printed as 人员经费 + 公用经费 — for measuring only (--proposed-rows, which also
    counts 上年结余 as a carry-over): the check's own rules live in budget/checks/."""
    keys = set(line.values)

    def present(parts):
        return tuple(p for p in parts if p in keys)

    sources = SOURCES if "appropriation" in keys else (*FUNDS, *SOURCES[1:])
    groups = []
    if "basic" in keys:
        groups.append(("total", present(("basic", *EXPENDITURE_PARTS))))
    else:
        groups.append(("total", present(("personnel", "public", *EXPENDITURE_PARTS))))
    groups.append(("basic", present(("personnel", "public"))))
    groups.append(("total", present(("current", "carried_in"))))
    groups.append(("current", present(sources)))
    if "current" not in keys:
        groups.append(("total", present((*sources, "carried_in"))))
    if "appropriation" in keys:
        groups.append(("appropriation", present(FUNDS)))
    elif not present(SOURCES[1:]) and "carried_in" not in keys:
        groups.append(("total", present(FUNDS)))
    for whole, parts in groups:
        if whole in keys and len(parts) >= 2:
            yield whole, parts


def one(path: Path, name: str) -> dict:
    from budget.checks import run
    from budget.checks.core import Severity
    from budget.model import Format, Source
    from loaders import LoadError
    from loaders.recognize import build

    blocks = pickle.loads(path.read_bytes())
    start = time.perf_counter()
    try:
        d = build(blocks, Source(name, Format.PDF, hashlib.sha256(name.encode()).hexdigest()))
    except LoadError as error:
        return {"file": name, "status": "refused", "reason": error.message, "arith": None}
    report = run(d)
    arith = [f for f in report.findings if f.severity == Severity.ERROR and f.rule in ARITH]
    read = bool(d.unit.name) and bool(d.unit.year) and len(d.functional) >= 3 and len(d.economic) >= 3
    return {
        "file": name,
        "status": "read" if read else "unread",
        "arith": len(arith),
        "unit": d.unit.name,
        "year": d.unit.year,
        "functional": len(d.functional),
        "economic": len(d.economic),
        "kinds": [t.kind.value for t in d.tables],
        "errors": [f"{f.rule} {f.message}" for f in arith[:5]],
        "seconds": round(time.perf_counter() - start, 3),
    }


def fixtures(snap: Path) -> int:
    """Rebuild every fixture from its blocks and compare model and check JSON with SNAP's."""
    import difflib

    from budget.export import reports
    from budget.checks import run
    from budget.model import Format, Source
    from budget.export.contract import disclosure_to_dict
    from loaders.recognize import build

    changed = 0
    for path in sorted(snap.glob("fixtures__*.blocks.pickle")):
        label = path.name.removesuffix(".blocks.pickle")
        before = json.loads((snap / f"{label}.model.json").read_text(encoding="utf-8"))
        source = before["source"]
        d = build(pickle.loads(path.read_bytes()), Source(source["name"], Format(source["format"]), source["sha256"]))
        model = disclosure_to_dict(d)
        for key in ADDED:  # keys this branch added to the contract: not a change of what was read
            model.pop(key, None)
        model["unit"].pop("stage", None)
        after = {"model": model, "check": json.loads(reports.to_json(run(d)))}
        for part in ("model", "check"):
            old = json.dumps(
                json.loads((snap / f"{label}.{part}.json").read_text(encoding="utf-8")), ensure_ascii=False, indent=1
            )
            new = json.dumps(after[part], ensure_ascii=False, indent=1)
            if old != new:
                changed += 1
                print(f"== {label} {part} differs")
                for line in list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1))[2:60]:
                    print("   ", line[:200])
    print(f"{changed} fixture snapshot(s) differ")
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("snap")
    parser.add_argument("--city")
    parser.add_argument("--file")
    parser.add_argument("--docs", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--fixtures", action="store_true", help="diff the fixtures' model/check JSON against SNAP")
    parser.add_argument("--proposed-rows", action="store_true", help="measure with proposed_row_groups (see there)")
    args = parser.parse_args()
    if args.proposed_rows:
        from budget.checks import arithmetic

        arithmetic._row_groups = proposed_row_groups
        # "上年结余、结转" (Shenzhen) is a carry-over too
        arithmetic.CARRIED_IN = re.compile(r"上年结转|上年结余|年初.*结转|年初.*结余")
    snap = Path(args.snap)
    if args.fixtures:
        sys.exit(fixtures(snap))
    with open(SHARED / "corpus" / "manifest.csv", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    results: dict[str, list[dict]] = {}
    for row in manifest:
        if args.city and row["city"] != args.city:
            continue
        if args.file and args.file not in row["file"]:
            continue
        path = snap / f"corpus__{row['file']}.blocks.pickle"
        if not path.exists():
            result = {"file": row["file"], "status": "refused", "reason": "(no blocks)", "arith": None}
        else:
            result = one(path, row["file"])
        results.setdefault(row["city"], []).append(result)
    totals = [0, 0, 0, 0]
    print(f"{'city':<6} docs refused read consistent medianARITH")
    for city, docs in results.items():
        refused = sum(1 for d in docs if d["status"] == "refused")
        read = sum(1 for d in docs if d["status"] == "read")
        consistent = sum(1 for d in docs if d["status"] == "read" and d["arith"] == 0)
        med = statistics.median([d["arith"] for d in docs if d["arith"] is not None] or [0])
        print(f"{city:<6} {len(docs):>4} {refused:>7} {read:>4} {consistent:>10} {med:>11}")
        for i, n in enumerate((len(docs), refused, read, consistent)):
            totals[i] += n
    print(f"{'total':<6} {totals[0]:>4} {totals[1]:>7} {totals[2]:>4} {totals[3]:>10}")
    if args.docs:
        for city, docs in results.items():
            for d in docs:
                if d["status"] == "refused":
                    print(f"{city} {d['file']}: refused {d['reason']}")
                    continue
                flag = "OK " if d["status"] == "read" and d["arith"] == 0 else "-- "
                print(
                    f"{flag}{city} {d['file']}: {d['status']} arith={d['arith']} unit={d['unit']!r} year={d['year']} "
                    f"fn={d['functional']} ec={d['economic']} {d['seconds']}s"
                )
                for e in d["errors"][:3]:
                    print(f"      {e}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
