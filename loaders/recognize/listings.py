"""The listing tables: procurement, assets, organisations, the list of tables."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from budget.model import (
    AssetLine,
    Money,
    MoneyUnit,
    Organisation,
    ProcurementLine,
    Table,
    TableKind,
    aligned,
)
from loaders.recognize.classify import classify_title, column_role, is_total_name, title_words
from loaders.recognize.text import (
    BLANKS,
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


# A 政府采购品目 code as the catalogue prints it, with or without its name: "A02021119条码扫描器",
# "A-货物", "C99其他服务", a bare "A" (goods), "B" (works), "C" (services).
_CATALOGUE = re.compile(r"^([ABC]\d*)(?![A-Za-z])[-－—_\s]*(.*)$")


def _first_column(table: Table, *choices: tuple[str, ...], avoid: tuple[str, ...] = ()) -> int | None:
    """The column of the first choice some label holds every word of (choices in order of
    preference, whatever tier of the header the words sit on); labels with a word of
    ``avoid`` are passed over."""
    for words in choices:
        for i, label in enumerate(table.columns):
            if all(w in label for w in words) and not any(a in label for a in avoid):
                return i
    return None


def _procurement_columns(table: Table) -> dict[str, int | None]:
    def one(*choices: str, avoid: tuple[str, ...] = ()) -> int | None:
        return _first_column(table, *((c,) for c in choices), avoid=avoid)

    return {
        # 项目编号 / 科目编码 / 单位编码 hold codes, not names
        "project": one("项目名称", "采购项目", "项目来源", "专项名称", "项目", avoid=("编号", "编码")),
        "project_amount": _first_column(table, ("项目", "预算资金")),
        # the item itself before its class: 采购品目名称 before 采购品目大类
        "item": one("物品", "品目名称", "目录", "品目", "类别", avoid=("大类",)),
        "measure": one("计量"),
        "quantity": one("数量"),
        "price": one("单价"),
        # the whole amount, wherever the header puts it: 合计 under 政府采购金额, 总计 beside
        # 资金来源 | 财政拨款 | 其他资金, 预算金额 alone
        "amount": one("合计", "总计", "金额", avoid=("中小",)),
        "sme": one("中小"),
    }


def _catalogue_columns(table: Table) -> list[int]:
    """Columns a 品目 code may be printed in: 采购目录, 采购类别, 品目, a 项目编号 of A/B/C."""
    return [
        i
        for i, label in enumerate(table.columns)
        if any(w in label for w in ("目录", "类别", "品目", "编号")) and not any(w in label for w in ("科目", "单位"))
    ]


def _subtotals(amounts: list[Money | None], named: list[bool], marked: list[bool]) -> list[bool]:
    """Which rows that name no item are the sum of the items below them (a class of 品目, a
    unit, a 全额 funding group over its unit): their amount is reached exactly by adding the
    rows that follow and are not themselves sums, within those rows' rounding. Decided from
    the bottom up, so that a row naming no item that sums nothing (公安其他业务经费（内容涉密）,
    printed without a 品目) counts as an item of the group above it."""
    out = list(marked)
    for r in range(len(amounts) - 1, -1, -1):
        amount = amounts[r]
        if named[r] or marked[r] or amount is None:
            continue
        total, count = Decimal(0), 0
        for s in range(r + 1, len(amounts)):
            part = amounts[s]
            if out[s] or part is None:
                continue
            total += part.to(amount.unit).amount
            count += 1
            if abs(total - amount.amount) <= count * max(part.quantum, amount.quantum) / 2:
                out[r] = True
                break
            if total > amount.amount:
                break
    return out


def _continued(tables: list[Table]) -> tuple[Table | None, list[tuple[str, ...]]]:
    """The first 政府采购预算表 and its body rows with those of the tables that continue it: a
    table printed over several pages, its title and header repeated on each (西安's over 12
    pages, the 合计 on the first and the items on all)."""
    at = next((i for i, t in enumerate(tables) if t.kind == TableKind.PROCUREMENT), None)
    if at is None:
        return None, []
    first = tables[at]
    rows = list(first.rows)
    for table in tables[at + 1 :]:
        if table.kind != TableKind.PROCUREMENT or table.columns != first.columns:
            break
        rows += table.rows
    return first, rows


def procurement(tables: list[Table], doc_unit: MoneyUnit) -> tuple[ProcurementLine, ...]:
    """The lines of the 政府采购预算表. The printed 合计 is the total (is_total); so is each row
    that sums the items under it (小计, a class, a unit), so that no amount is counted twice;
    the items are the rest. (``row`` counts on through the pages a table continues on.)"""
    table, body = _continued(tables)
    if table is None:
        return ()
    unit = table.money_unit or doc_unit
    power = _power(table.printed_unit)

    def money(text: str) -> Money | None:
        return scaled(parse_amount(text, unit), power)

    cols = _procurement_columns(table)
    codes = _catalogue_columns(table)
    width = len(table.columns)

    def get(row: tuple[str, ...], key: str) -> str:
        i = cols[key]
        return row[i] if i is not None and i < len(row) else ""

    rows = [(r, tuple(aligned(row, width))) for r, row in enumerate(body) if any(row)]

    # the cells that name a row: those before its amount
    def named_by(row: tuple[str, ...]) -> list[str]:
        return [c for c in row[: cols["amount"]] if squash(c) not in BLANKS and parse_number(c) is None]

    names = [named_by(row) for _, row in rows]
    marked = [any(is_total_name(c) or squash(c).endswith("小计") for c in name) for name in names]
    has_items = cols["item"] is not None and any(get(row, "item") for _, row in rows)
    named = [not has_items or bool(get(row, "item")) for _, row in rows]
    amounts = [money(get(row, "amount")) for _, row in rows]
    totals = _subtotals(amounts, named, marked)

    lines = []
    project = None
    project_amount = None
    for k, (r, row) in enumerate(rows):
        if get(row, "project") or totals[k]:  # a project spans its items, not a total or group
            project = get(row, "project") or None
            project_amount = money(get(row, "project_amount"))
        code, item = None, get(row, "item")
        for i in codes:
            match = _CATALOGUE.match(squash(row[i])) if i < len(row) else None
            if match:
                code = match.group(1)
                item = match.group(2) if i == cols["item"] and match.group(2) else item
                break
        if not item:  # a total, a group or a table of classes only: its name
            item = squash(names[k][-1]) if names[k] and (totals[k] or not named[k]) else squash(project or "")
        lines.append(
            ProcurementLine(
                project=project,
                item=item,
                catalogue_code=code,
                measure=get(row, "measure") or None,
                quantity=parse_number(get(row, "quantity")),
                unit_price=money(get(row, "price")),
                amount=amounts[k],
                project_amount=project_amount,
                sme_reserve=money(get(row, "sme")),
                is_total=totals[k],
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
