"""The check's precision audit: findings read against their documents, counted per rule family.

    python scripts/audit_precision.py dump SNAPDIR OUT.json       # every error and warning, current code
    python scripts/audit_precision.py reported SNAPDIR OUT.json   # the same from a snapshot's check JSON
    python scripts/audit_precision.py score AUDIT.csv [--now OUT.json]

``dump`` re-runs recognition and the check on a snapshot's pickled blocks
(``scripts/snapshot.py take OUT --blocks``) and writes each error- and warning-level finding
of the corpus files (file, city, rule, severity, where, message, quote). ``score`` reads an
audit (benchmarks/audit/findings.csv: the same columns plus ``verdict`` true / false /
unverified and a note, filled in by reading the document where each finding points) and
prints, per family (ARITH, XREF, TEXT, COMPLETE, FORM, PERF, READ) and severity, how many
findings were read, how many are real and the precision; with ``--now`` a dump of the
current code, the same for the audited findings the check still reports.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MANIFEST = ROOT.parent / "shared" / "corpus" / "manifest.csv"
T = TypeVar("T")


def dump(snapshot: Path, out: Path) -> None:
    from budget.checks import run
    from budget.model import Format, Source
    from loaders.recognize import build

    cities = {row["file"]: row["city"] for row in csv.DictReader(MANIFEST.open(encoding="utf-8"))}
    found = []
    for path in sorted(snapshot.glob("*.blocks.pickle")):
        name = path.name.removesuffix(".blocks.pickle").removeprefix("corpus__")
        if name not in cities:
            continue  # a fixture
        doc = build(pickle.loads(path.read_bytes()), Source(name, Format.PDF, ""))
        for finding in run(doc).findings:
            if finding.severity.value not in ("error", "warning"):
                continue
            for f in _places(finding, [c for c in finding.consequences if c.rule == finding.rule], finding.params):
                loc = f.location
                found.append(
                    {
                        "file": name,
                        "city": cities[name],
                        "rule": f.rule,
                        "severity": finding.severity.value,
                        "where": f"{loc.table or loc.section or ''} {loc.row or ''}".strip()[:60],
                        "message": f.message[:160].replace("\n", " "),
                        "quote": (loc.quote or "")[:300],
                    }
                )
    out.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(found)} findings -> {out}")


def _places(finding: T, same_rule: list[T], params: Mapping[str, object]) -> list[T]:
    """The places a finding reports: a defect folded over several places (its count and places
    in ``params``, each place a consequence of the same rule) reports each; another finding
    itself and the failures of its rule it folded in."""
    if "places" in params and "count" in params and same_rule:
        return same_rule
    return [finding, *same_rule]


def reported(snapshot: Path, out: Path) -> None:
    """``dump``'s list from the check JSON a snapshot holds (``scripts/snapshot.py take OUT``,
    no blocks needed): what the code that took it reported."""
    cities = {row["file"]: row["city"] for row in csv.DictReader(MANIFEST.open(encoding="utf-8"))}
    found = []
    for path in sorted(snapshot.glob("corpus__*.check.json")):
        name = path.name.removesuffix(".check.json").removeprefix("corpus__")
        for finding in json.loads(path.read_text(encoding="utf-8"))["findings"]:
            if finding["severity"] not in ("error", "warning"):
                continue
            same_rule = [c for c in finding.get("consequences", ()) if c["rule"] == finding["rule"]]
            for f in _places(finding, same_rule, finding.get("params", {})):
                loc = f["location"]
                found.append(
                    {
                        "file": name,
                        "city": cities.get(name, ""),
                        "rule": f["rule"],
                        "severity": finding["severity"],
                        "where": f"{loc.get('table') or loc.get('section') or ''} {loc.get('row') or ''}".strip()[:60],
                        "message": f["message"][:160].replace("\n", " "),
                        "quote": (loc.get("quote") or "")[:300],
                    }
                )
    out.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(found)} findings -> {out}")


def family(rule: str) -> str:
    return rule.split("-")[0]


def table(rows: list[dict[str, str]], title: str) -> None:
    counts: Counter[tuple[str, str, str]] = Counter((family(r["rule"]), r["severity"], r["verdict"]) for r in rows)
    print(title)
    print(f"  {'family':9} {'severity':8} {'read':>5} {'real':>5} {'false':>6} {'unverified':>10} {'precision':>9}")
    for fam, severity in sorted({(f, s) for f, s, _ in counts}, key=lambda k: (k[1], k[0])):
        real, false, unsure = (counts[fam, severity, v] for v in ("true", "false", "unverified"))
        share = f"{real / (real + false):.0%}" if real + false else "-"
        print(f"  {fam:9} {severity:8} {real + false + unsure:5} {real:5} {false:6} {unsure:10} {share:>9}")
    for severity in ("error", "warning"):
        real = sum(1 for r in rows if r["severity"] == severity and r["verdict"] == "true")
        false = sum(1 for r in rows if r["severity"] == severity and r["verdict"] == "false")
        if real + false:
            print(f"  all {severity}s: {real} / {real + false} real, precision {real / (real + false):.0%}")


def score(audit: Path, now: Path | None) -> None:
    with audit.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table(rows, f"{audit.name}: every audited finding (as the check reported them when read)")
    if now is not None:
        current: dict[tuple[str, str], list[str]] = {}
        for d in json.loads(now.read_text(encoding="utf-8")):
            current.setdefault((d["file"], d["rule"]), []).append(d["message"])
        # the same finding, its message perhaps with a note appended since (a cause, a count)
        still = [r for r in rows if any(m.startswith(r["message"]) for m in current.get((r["file"], r["rule"]), ()))]
        table(still, f"the audited findings the current code still reports ({now.name})")


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    dump_cmd = commands.add_parser("dump")
    dump_cmd.add_argument("snapshot", type=Path)
    dump_cmd.add_argument("out", type=Path)
    reported_cmd = commands.add_parser("reported")
    reported_cmd.add_argument("snapshot", type=Path)
    reported_cmd.add_argument("out", type=Path)
    score_cmd = commands.add_parser("score")
    score_cmd.add_argument("audit", type=Path)
    score_cmd.add_argument("--now", type=Path, default=None)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.snapshot, args.out)
    elif args.command == "reported":
        reported(args.snapshot, args.out)
    else:
        score(args.audit, args.now)


if __name__ == "__main__":
    main()
