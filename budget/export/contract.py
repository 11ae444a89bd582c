"""The disclosure as the contract's JSON (docs/contract.md): amounts as decimal strings
exactly as printed, blanks as null."""

from __future__ import annotations

import json
from typing import Any

from budget.model import Disclosure, Line, Money, Source, Table


def amount(value: Money | None) -> str | None:
    return None if value is None else value.plain()


def _classified(line: Line, keys: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"code": line.code, "name": line.name, "level": line.level}
    for key in keys:
        out[key] = amount(line.values.get(key))
    extra = {k: amount(v) for k, v in line.values.items() if k not in keys}
    if extra:
        out["other"] = extra
    if line.unit is not None:  # only in tables printed per 预算单位
        out["unit"] = line.unit
    return out


def _table(table: Table) -> dict[str, Any]:
    return {
        "kind": table.kind.value,
        "title": table.title,
        "rows": [list(r) for r in table.header + table.rows],
        "empty": table.empty,
        "note": table.note,
        "money_unit": table.money_unit.value if table.money_unit else None,
        "page": table.page,
    }


def _source(source: Source) -> dict[str, Any]:
    return {"name": source.name, "format": source.format.value, "sha256": source.sha256}


def disclosure_to_dict(d: Disclosure) -> dict[str, Any]:
    tp = d.three_public
    return {
        "source": _source(d.source),
        "unit": {
            "code": d.unit.code,
            "name": d.unit.name,
            "year": d.unit.year,
            "money_unit": d.unit.money_unit.value,
            "kind": d.unit.kind,
            "stage": d.unit.stage,
        },
        "parts": [_source(p) for p in d.parts],
        "functional_table": d.functional_table,
        "economic_table": d.economic_table,
        "functional": [_classified(line, ("total", "basic", "project")) for line in d.functional],
        "economic": [_classified(line, ("total", "personnel", "public")) for line in d.economic],
        "three_public": None
        if tp is None
        else {
            "total": amount(tp.total),
            "overseas": amount(tp.overseas),
            "vehicles": amount(tp.vehicles),
            "vehicle_purchase": amount(tp.vehicle_purchase),
            "vehicle_operation": amount(tp.vehicle_operation),
            "reception": amount(tp.reception),
            "running_costs": amount(tp.running_costs),
            "total_printed": tp.total_printed,
            "money_unit": next((m.unit.value for m in (tp.total, tp.vehicles, tp.reception, tp.overseas) if m), None),
        },
        "performance": [
            {
                "project": p.name,
                "goals": list(p.goals),
                "amount": amount(p.amount),
                "indicators": [
                    {
                        "level1": i.level1,
                        "level2": i.level2,
                        "level3": i.level3,
                        "description": i.description,
                        "target": i.target,
                        "basis": i.basis,
                        "comparison": i.comparison,
                    }
                    for i in p.indicators
                ],
            }
            for p in d.performance
        ],
        "procurement": [
            {
                "project": p.project,
                "item": p.item,
                "catalogue_code": p.catalogue_code,
                "measure": p.measure,
                "quantity": None if p.quantity is None else format(p.quantity, "f"),
                "unit_price": amount(p.unit_price),
                "amount": amount(p.amount),
                "project_amount": amount(p.project_amount),
                "sme_reserve": amount(p.sme_reserve),
                "is_total": p.is_total,
            }
            for p in d.procurement
        ],
        "assets": [
            {
                "item": a.item,
                "quantity": None if a.quantity is None else format(a.quantity, "f"),
                "value": amount(a.value),
            }
            for a in d.assets
        ],
        "tables": [_table(t) for t in d.tables],
        "sections": [{"heading": s.heading, "text": s.text, "page": s.page} for s in d.sections],
        "notes": list(d.notes),
    }


def to_json(d: Disclosure) -> str:
    return json.dumps(disclosure_to_dict(d), ensure_ascii=False, indent=2)


def to_bytes(d: Disclosure) -> bytes:
    """The model as a UTF-8 download (the same JSON as ``parse --json``)."""
    return to_json(d).encode("utf-8")
