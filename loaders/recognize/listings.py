"""The listing tables: procurement, assets, organisations."""

from __future__ import annotations

from budget.model import AssetLine, MoneyUnit, Organisation, ProcurementLine, Table
from loaders.recognize.classify import column_role, is_total_name
from loaders.recognize.text import money_unit_in, parse_amount, parse_number, squash

# ---------------------------------------------------------------- other tables


def _column(table: Table, *words: str) -> int | None:
    for i, label in enumerate(table.columns):
        if all(w in label for w in words):
            return i
    return None


def procurement(table: Table | None, doc_unit: MoneyUnit) -> tuple[ProcurementLine, ...]:
    if table is None:
        return ()
    unit = table.money_unit or doc_unit
    cols = {
        "project": _column(table, "项目名称") if _column(table, "项目名称") is not None else _column(table, "项目"),
        "project_amount": _column(table, "预算资金"),
        "item": _column(table, "物品") if _column(table, "物品") is not None else _column(table, "品目"),
        "code": _column(table, "目录"),
        "measure": _column(table, "计量"),
        "quantity": _column(table, "数量"),
        "price": _column(table, "单价"),
        "amount": _column(table, "合计") if _column(table, "合计") is not None else _column(table, "金额"),
        "sme": _column(table, "中小"),
    }

    def get(row: tuple[str, ...], key: str) -> str:
        i = cols[key]
        return row[i] if i is not None and i < len(row) else ""

    lines = []
    project = None
    project_amount = None
    for r, row in enumerate(table.rows):
        if not any(row):
            continue
        if get(row, "project"):
            project = get(row, "project")
            project_amount = parse_amount(get(row, "project_amount"), unit)
        is_total = is_total_name(" ".join(row[:2])) or squash(project or "").endswith("小计")
        lines.append(
            ProcurementLine(
                project=project,
                item=get(row, "item"),
                catalogue_code=get(row, "code") or None,
                measure=get(row, "measure") or None,
                quantity=parse_number(get(row, "quantity")),
                unit_price=parse_amount(get(row, "price"), unit),
                amount=parse_amount(get(row, "amount"), unit),
                project_amount=project_amount,
                sme_reserve=parse_amount(get(row, "sme"), unit),
                is_total=is_total,
                row=len(table.header) + r,
            )
        )
    return tuple(lines)


def assets(table: Table | None, doc_unit: MoneyUnit) -> tuple[AssetLine, ...]:
    if table is None:
        return ()
    unit = (
        money_unit_in("单位：" + "".join(table.columns).split("单位")[-1].lstrip(":："))
        if "单位" in "".join(table.columns)
        else None
    )
    unit = unit or table.money_unit or doc_unit
    value_col = _column(table, "价值") if _column(table, "价值") is not None else _column(table, "金额")
    quantity_col = _column(table, "数量")
    lines = []
    for r, row in enumerate(table.rows):
        if not row or not row[0]:
            continue
        lines.append(
            AssetLine(
                item=row[0],
                quantity=parse_number(row[quantity_col])
                if quantity_col is not None and quantity_col < len(row)
                else None,
                value=parse_amount(row[value_col], unit) if value_col is not None and value_col < len(row) else None,
                row=len(table.header) + r,
            )
        )
    return tuple(lines)


def organisations(table: Table | None) -> tuple[Organisation, ...]:
    if table is None:
        return ()
    cols = {
        k: _column(table, w) for k, w in (("name", "名称"), ("nature", "性质"), ("rank", "规格"), ("funding", "经费"))
    }
    if cols["name"] is None:  # a list of units under "单位" / "预算单位"
        cols["name"] = next((i for i, label in enumerate(table.columns) if column_role(label) == "unit"), None)
    out = []
    for row in table.rows:

        def get(key: str, row: tuple[str, ...] = row) -> str | None:
            i = cols[key]
            return (row[i] or None) if i is not None and i < len(row) else None

        name = get("name")
        if name:
            out.append(Organisation(name, get("nature"), get("rank"), get("funding")))
    return tuple(out)
