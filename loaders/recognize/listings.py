"""The listing tables: procurement, assets, organisations, the list of tables."""

from __future__ import annotations

from dataclasses import replace

from budget.model import AssetLine, Money, MoneyUnit, Organisation, ProcurementLine, Table, TableKind
from loaders.recognize.classify import classify_title, column_role, is_total_name, title_words
from loaders.recognize.text import (
    PRINTED_UNITS,
    money_unit_in,
    parse_amount,
    parse_number,
    printed_unit_in,
    scaled,
    squash,
)

# ---------------------------------------------------------------- other tables


def _column(table: Table, *words: str) -> int | None:
    for i, label in enumerate(table.columns):
        if all(w in label for w in words):
            return i
    return None


def _power(printed: str | None) -> int:
    """The power of ten amounts printed in ``printed`` are scaled by (千元 -> 元: 3)."""
    return PRINTED_UNITS[printed][1] if printed in PRINTED_UNITS else 0


def procurement(table: Table | None, doc_unit: MoneyUnit) -> tuple[ProcurementLine, ...]:
    if table is None:
        return ()
    unit = table.money_unit or doc_unit
    power = _power(table.printed_unit)

    def money(text: str) -> Money | None:
        return scaled(parse_amount(text, unit), power)

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
            project_amount = money(get(row, "project_amount"))
        is_total = is_total_name(" ".join(row[:2])) or squash(project or "").endswith("小计")
        lines.append(
            ProcurementLine(
                project=project,
                item=get(row, "item"),
                catalogue_code=get(row, "code") or None,
                measure=get(row, "measure") or None,
                quantity=parse_number(get(row, "quantity")),
                unit_price=money(get(row, "price")),
                amount=money(get(row, "amount")),
                project_amount=project_amount,
                sme_reserve=money(get(row, "sme")),
                is_total=is_total,
                row=len(table.header) + r,
            )
        )
    return tuple(lines)


def assets(table: Table | None, doc_unit: MoneyUnit) -> tuple[AssetLine, ...]:
    if table is None:
        return ()
    stated = (
        "单位：" + "".join(table.columns).split("单位")[-1].lstrip(":：") if "单位" in "".join(table.columns) else ""
    )
    unit = money_unit_in(stated) if stated else None
    power = _power(printed_unit_in(stated) if unit else table.printed_unit)
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
                value=scaled(parse_amount(row[value_col], unit), power)
                if value_col is not None and value_col < len(row)
                else None,
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


# ---------------------------------------------------------------- the list of tables


def _directory_columns(table: Table) -> tuple[int, int, int] | None:
    """(name, empty?, reason) columns of a list of the document's tables that says which
    are empty and why ("报表名称 | 是否空表 | 表格为空的理由", "内容 | 是否空表 | 公开空表理由")."""
    labels = [squash(label) for label in table.columns]
    flag = next((i for i, label in enumerate(labels) if "是否空表" in label), None)
    reason = next((i for i, label in enumerate(labels) if i != flag and ("理由" in label or "原因" in label)), None)
    name = next(
        (i for i, label in enumerate(labels) if i not in (flag, reason) and ("名称" in label or label == "内容")), None
    )
    return (name, flag, reason) if None not in (name, flag, reason) else None  # type: ignore[return-value]


def directory_notes(tables: list[Table]) -> list[Table]:
    """The document's list of tables (报表目录) is one; an empty table it marks empty ("是")
    with a reason ("不涉及") is shown with that note (空表列示: the reason is printed, in the
    list): the table of the listed title's kind, or of its very title, gets it added to its
    own note."""
    out = list(tables)
    for i, table in enumerate(tables):
        columns = _directory_columns(table) if table.kind == TableKind.UNKNOWN else None
        if columns is None:
            continue
        out[i] = replace(out[i], kind=TableKind.CONTENTS)
        name_at, flag_at, reason_at = columns
        for row in table.rows:
            cells = [squash(c) for c in row] + [""] * (max(columns) + 1 - len(row))
            name, flag, reason = cells[name_at], cells[flag_at], cells[reason_at]
            if flag != "是" or not reason or not name:
                continue
            target = _listed(out, name)
            if target is None:
                continue
            note = out[target].note
            listed = f"（{table.title or '报表目录'}：{name}为空表，理由：{reason}）"
            out[target] = replace(out[target], note=f"{note}{listed}" if note else listed)
    return out


def _listed(tables: list[Table], name: str) -> int | None:
    """The empty table a listed title names: the one of that title, else the one empty
    table of the title's kind."""
    words = title_words(name)
    same = [i for i, t in enumerate(tables) if t.empty and t.title and words in title_words(t.title)]
    if same:
        return same[0]
    kind = classify_title(name)
    of_kind = [i for i, t in enumerate(tables) if t.empty and kind is not None and t.kind == kind]
    return of_kind[0] if len(of_kind) == 1 else None
