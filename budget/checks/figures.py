"""The table figure a claim of the narrative names, or why it has none.

``book(ctx)`` is every figure the tables print once (收支总表 收入总计, 财政拨款收入,
“三公”经费 and its items, 机关运行经费, 政府采购 and its parts, 资产总额 …), each with
where it is printed. ``resolve(ctx, claim)`` takes a claim's subject to those figures,
to the 科目 lines of the classified tables, or to the projects of the 绩效目标表, and
says which text rule compares them; when nothing in the tables is that figure it says
why (a last year's figure, a limit, a fee the tables print only in part …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from budget import economic
from budget.checks.amounts import add_up, compare_sum, zero
from budget.checks.core import Context, Location
from budget.checks.places import (
    asset_location,
    asset_total,
    column_label,
    keys_of,
    level_of,
    line_location,
    main_value,
    row_label,
    side_line,
    squash,
)
from budget.checks.places import DERIVED_PUBLIC_PLACE, three_public_cell
from budget.model import COLUMN_LABELS, TABLE_LABELS, Line, Money, ProcurementLine, Table, TableKind
from budget.narrative import Claim, Kind, Role, Subject, read_claims
from budget.narrative.text import last_match, sentence_span
from budget.narrative.claims import PROJECT_PARTS


class Bound(StrEnum):
    EXACT = "exact"  # the text figure is the table figure
    UPPER = "upper"  # the text figure may be smaller (the table figure is a limit)
    LOWER = "lower"  # the text figure may be larger (the table prints a part of it)
    ANY = "any"  # one of the figures of a table row named like the subject


@dataclass(frozen=True, slots=True)
class TableFigure:
    label: str  # where the table prints it, in words: "收支总表 收入总计"
    value: Money | None
    location: Location
    bound: Bound = Bound.EXACT
    line: Line | None = None  # the table line, for 科目 figures
    derived: bool = False  # computed by us from the codes, not printed: a breach is a warning


@dataclass(frozen=True, slots=True)
class Resolved:
    """The table figures a claim's amount may be compared with (it agrees if it agrees
    with any), the rule that compares them, or why there is nothing to compare."""

    rule: str | None
    figures: tuple[TableFigure, ...] = ()
    reason: str | None = None
    key: str | None = None
    unread: str | None = None  # the table that prints it is there, but the figure was not read


def claims(ctx: Context) -> tuple[Claim, ...]:
    """The narrative's claims, read once per run."""
    return ctx.memo("claims", lambda c: read_claims(c.doc))  # type: ignore[return-value]


# ---------------------------------------------------------------- the figures book


def _line_figure(ctx: Context, table: Table | None, line: Line | None, key: str, label: str) -> TableFigure | None:
    if table is None or line is None or key not in line.values:
        return None
    return TableFigure(label, line.values[key], line_location(ctx, table, line, key))


def _table_location(ctx: Context, table: Table | None, kind: TableKind) -> Location:
    return Location(table=kind.value, table_index=ctx.table_index(table) if table else None)


def _fund_figure(ctx: Context, kind: TableKind, label: str) -> TableFigure | None:
    table = ctx.doc.table(kind)
    if table is None:
        return None
    total = table.total_line()
    has_amounts = any(v is not None for ln in table.lines for v in ln.values.values())
    if table.empty or not has_amounts:  # printed empty: nothing of this fund
        return TableFigure(f"{label}（空表）", zero(table.money_unit or ctx.unit), _table_location(ctx, table, kind))
    return _line_figure(ctx, table, total, "total", f"{label} 合计")


THREE_PUBLIC_ITEMS = (
    ("overseas", "因公出国（境）费"),
    ("vehicles", "公务用车购置及运行费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行（维护）费"),
    ("reception", "公务接待费"),
)


def _three_public_figures(ctx: Context) -> dict[str, TableFigure]:
    tp = ctx.doc.three_public
    if tp is None:
        return {}
    found = {}
    for key, label in THREE_PUBLIC_ITEMS:
        found[key] = TableFigure(f"“三公”经费表 {label}", getattr(tp, key), three_public_cell(ctx, label))
    total = tp.total
    if total is None or not tp.total_printed:
        total = add_up([p for p in (tp.overseas, tp.vehicles, tp.reception) if p is not None])
        found["tp_total"] = TableFigure("“三公”经费表各项之和", total, three_public_cell(ctx, "合计"))
    else:
        found["tp_total"] = TableFigure("“三公”经费表 合计", total, three_public_cell(ctx, "合计"))
    if tp.running_costs is not None:
        found["running_costs"] = TableFigure(
            "“三公”经费和机关运行经费表 机关运行经费", tp.running_costs, three_public_cell(ctx, "机关运行经费")
        )
    return found


PROCUREMENT_PARTS = (("goods", "A", "货物"), ("works", "B", "工程"), ("services", "C", "服务"))
PROCUREMENT_KEYS = ("procurement", "goods", "works", "services")


def _procurement_parts(lines: tuple[ProcurementLine, ...], total: Money) -> dict[str, Money] | None:
    """Goods, works and services as the table gives them: by the 品目 codes of all its items
    (A…, B…, C…), or by its rows of those names (无锡's 货物 | 服务 over their units and items)
    when they add up to the total."""
    items = [p for p in lines if not p.is_total and p.amount is not None]
    codes = [(p.catalogue_code or "")[:1].upper() for p in items]
    if items and all(code in ("A", "B", "C") for code in codes):
        unit = total.unit
        parts: dict[str, Money] = {}
        for key, prefix, _ in PROCUREMENT_PARTS:
            amounts = [
                p.amount for p, code in zip(items, codes, strict=True) if code == prefix and p.amount is not None
            ]
            summed = add_up(amounts)
            parts[key] = summed if summed is not None else zero(unit)
        return parts
    key_of = {label: key for key, _, label in PROCUREMENT_PARTS}
    named = {}
    for p in lines:
        word = squash(p.item).removesuffix("类")
        if word in key_of and p.amount is not None:
            named[key_of[word]] = p.amount
    if not named or not compare_sum(total, list(named.values())).equal:
        return None
    return {key: named.get(key, zero(total.unit)) for key, _, _ in PROCUREMENT_PARTS}


def _procurement_figures(ctx: Context) -> dict[str, TableFigure]:
    lines = ctx.doc.procurement
    # the printed 合计: the greatest of the total rows (the others are 小计 of a class or a unit)
    total = max((p.amount for p in lines if p.is_total and p.amount is not None), default=None)
    if total is None:
        return {}  # no printed total: not worked out from lines that may hold subtotals
    table = ctx.doc.table(TableKind.PROCUREMENT)
    where = _table_location(ctx, table, TableKind.PROCUREMENT)
    found = {"procurement": TableFigure("政府采购预算表 合计", total, where)}
    parts = _procurement_parts(lines, total)
    coded = parts is not None and all(p.catalogue_code for p in lines if not p.is_total and p.amount is not None)
    for key, prefix, label in PROCUREMENT_PARTS if parts is not None else ():
        assert parts is not None  # (the loop runs only then)
        how = f"{label}类（目录编码 {prefix} 开头）合计" if coded else f"{label}类"
        found[key] = TableFigure(f"政府采购预算表 {how}", parts[key], where)
    return found


def _asset_figures(ctx: Context) -> dict[str, TableFigure]:
    line = asset_total(ctx)
    if line is None:
        return {}
    return {"assets": TableFigure(f"固定资产占用情况表 {squash(line.item)}", line.value, asset_location(ctx, line))}


def _bounded(figure: TableFigure | None, bound: Bound) -> TableFigure | None:
    return replace(figure, bound=bound) if figure is not None else None


def _fund_income(ctx: Context, fiscal: Table | None, word: str) -> TableFigure | None:
    """A fund's income as the 财政拨款收支总表 prints it (its income side)."""
    line = side_line(fiscal, "income", word)
    if fiscal is None or line is None:
        return None
    value = main_value(line)
    key = next((k for k, v in line.values.items() if v is value), "total")
    return TableFigure(f"财政拨款收支总表 {squash(line.name)}", value, line_location(ctx, fiscal, line, key))


def _book(ctx: Context) -> dict[str, TableFigure]:
    doc = ctx.doc
    summary = doc.table(TableKind.SUMMARY)
    income = doc.table(TableKind.INCOME)
    expenditure = doc.table(TableKind.EXPENDITURE)
    fiscal = doc.table(TableKind.FISCAL_SUMMARY)
    economic = doc.table(TableKind.BASIC_ECONOMIC)
    general = doc.table(TableKind.GENERAL_PUBLIC)
    income_line = income.total_line() if income else None
    expenditure_line = expenditure.total_line() if expenditure else None
    economic_line = economic.total_line() if economic else None
    general_line = general.total_line() if general else None
    fiscal_total = side_line(fiscal, "income", "收入总计")

    def first(*figures: TableFigure | None) -> TableFigure | None:
        return next((f for f in figures if f is not None), None)

    candidates = {
        "income_total": first(
            _line_figure(ctx, summary, side_line(summary, "income", "收入总计"), "total", "收支总表 收入总计"),
            _line_figure(ctx, income, income_line, "total", "收入总表 合计"),
        ),
        "expenditure_total": first(
            _line_figure(ctx, summary, side_line(summary, "expenditure", "支出总计"), "total", "收支总表 支出总计"),
            # the expenditure table leaves out what is carried to next year: the total is at least this
            _bounded(_line_figure(ctx, expenditure, expenditure_line, "total", "支出总表 合计"), Bound.LOWER),
        ),
        "current_income": _line_figure(
            ctx, summary, side_line(summary, "income", "本年收入合计"), "total", "收支总表 本年收入合计"
        ),
        "current_expenditure": _line_figure(
            ctx, summary, side_line(summary, "expenditure", "本年支出合计"), "total", "收支总表 本年支出合计"
        ),
        "appropriation_income": first(
            _line_figure(ctx, income, income_line, "appropriation", "收入总表 财政拨款收入合计"),
            _line_figure(ctx, fiscal, fiscal_total, "total", "财政拨款收支总表 收入总计"),
        ),
        # "本年财政拨款收入17921.44万元" (北京): this year's, without the carry-over in 收入总计
        "appropriation_current_income": _line_figure(
            ctx, fiscal, side_line(fiscal, "income", "本年收入合计"), "total", "财政拨款收支总表 本年收入合计"
        ),
        "appropriation_expenditure": _line_figure(
            ctx, fiscal, side_line(fiscal, "expenditure", "支出总计"), "total", "财政拨款收支总表 支出总计"
        ),
        "appropriation_total": _line_figure(ctx, fiscal, fiscal_total, "total", "财政拨款收支总表 收入总计"),
        "general_public": _fund_figure(ctx, TableKind.GENERAL_PUBLIC, "一般公共预算支出表"),
        "general_public_income": _fund_income(ctx, fiscal, "一般公共预算"),
        "gov_fund_income": _fund_income(ctx, fiscal, "政府性基金"),
        "general_public_basic": first(
            _line_figure(ctx, general, general_line, "basic", "一般公共预算支出表 基本支出合计"),
            _line_figure(ctx, economic, economic_line, "total", "基本支出表 合计"),
        ),
        "general_public_project": _line_figure(
            ctx, general, general_line, "project", "一般公共预算支出表 项目支出合计"
        ),
        "gov_fund": _fund_figure(ctx, TableKind.GOV_FUND, "政府性基金预算支出表"),
        "state_capital": _fund_figure(ctx, TableKind.STATE_CAPITAL, "国有资本经营预算支出表"),
        "special_account": _line_figure(ctx, income, income_line, "special_account", "收入总表 财政专户收入合计"),
        "business": _line_figure(ctx, income, income_line, "business", "收入总表 事业收入合计"),
        "operating": _line_figure(ctx, income, income_line, "operating", "收入总表 经营收入合计"),
        "superior_grant": _line_figure(ctx, income, income_line, "superior_grant", "收入总表 上级补助收入合计"),
        "subsidiary": _line_figure(ctx, income, income_line, "subsidiary", "收入总表 附属单位上缴收入合计"),
        "other": _line_figure(ctx, income, income_line, "other", "收入总表 其他收入合计"),
        "carried_in": _line_figure(ctx, income, income_line, "carried_in", "收入总表 上年结转合计"),
        "basic": _line_figure(ctx, expenditure, expenditure_line, "basic", "支出总表 基本支出合计"),
        "project": _line_figure(ctx, expenditure, expenditure_line, "project", "支出总表 项目支出合计"),
        "personnel": _line_figure(ctx, economic, economic_line, "personnel", "基本支出表 人员经费合计"),
        "public": _line_figure(ctx, economic, economic_line, "public", "基本支出表 公用经费合计"),
    }
    found = {k: v for k, v in candidates.items() if v is not None}
    found.update(_three_public_figures(ctx))
    if "running_costs" not in found and "public" in found:
        public = found["public"]
        found["running_costs"] = TableFigure(
            f"{public.label}（机关运行经费不超过此数）", public.value, public.location, Bound.UPPER
        )
    if "running_costs" not in found:
        derived = _derived_running_limit(ctx)
        if derived is not None:
            found["running_costs"] = derived
    limit = found.get("expenditure_total")
    if limit is not None:
        found["performance_money"] = TableFigure(
            f"{limit.label}（绩效目标涉及的资金不超过此数）", limit.value, limit.location, Bound.UPPER
        )
    if "project" in found:
        project = found["project"]
        found["performance_project_money"] = TableFigure(
            f"{project.label}（绩效目标涉及的项目资金不超过此数）", project.value, project.location, Bound.UPPER
        )
    found.update(_procurement_figures(ctx))
    if "procurement" not in found:
        # No 政府采购预算表, and the 支出总表 prints the year's 政府采购项目 as a column of its own
        # (深圳's): its total is the procurement budget the text states.
        column = _line_figure(ctx, expenditure, expenditure_line, "procurement", "支出总表 政府采购项目合计")
        if column is not None:
            found["procurement"] = column
    found.update(_asset_figures(ctx))
    return found


def _derived_running_limit(ctx: Context) -> TableFigure | None:
    """No table prints 机关运行经费 or 公用经费 (深圳): the limit the codes give, as
    XREF-RUNNING reads it (``economic.derived_public_with_project``)."""
    limit = economic.derived_public_with_project(ctx.doc)
    table = economic.economic_table(ctx.doc)
    if limit is None or table is None:
        return None
    total = table.total_line()
    key = "basic" if total is not None and "basic" in total.values else "total"
    location = line_location(ctx, table, total, key) if total is not None else _table_location(ctx, table, table.kind)
    return TableFigure(DERIVED_PUBLIC_PLACE, limit, location, Bound.UPPER, derived=True)


def book(ctx: Context) -> dict[str, TableFigure]:
    return ctx.memo("book", _book)  # type: ignore[return-value]


# ---------------------------------------------------------------- 科目 lines

FUNCTIONAL_TABLES = (TableKind.GENERAL_PUBLIC, TableKind.EXPENDITURE, TableKind.GOV_FUND, TableKind.STATE_CAPITAL)

# 类 names that changed; a document using the old name is still matched (and warned about).
RENAMED_CLASSES = {
    "医疗卫生与计划生育支出": "卫生健康支出",
    "医疗卫生支出": "卫生健康支出",
    "文化体育与传媒支出": "文化旅游体育与传媒支出",
    "国土海洋气象等支出": "自然资源海洋气象等支出",
}
WIDTH = str.maketrans("()", "（）")


def name_key(name: str | None) -> str:
    """A 科目 name as compared: no spaces, full-width brackets, the current 类 name, and
    the trailing 支出 optional (“教育（类）” names 教育支出)."""
    text = squash(name or "").translate(WIDTH)
    text = RENAMED_CLASSES.get(text, text).replace("的", "")
    return text[:-2] if text.endswith("支出") and len(text) > 3 else text


def _coded(table: Table) -> list[Line]:
    return [ln for ln in table.lines if ln.code and ln.code.isdigit() and not ln.is_total]


def _by_levels(lines: list[Line], levels: tuple[str | None, str | None, str | None]) -> list[Line]:
    """Lines named by 类 / 款 / 项 names, each level inside the one above."""
    found: list[Line] = []
    parents: list[Line | None] = [None]
    for depth, name in enumerate(levels, start=1):
        if name is None:
            continue
        wanted = name_key(name)
        found = [
            ln
            for ln in lines
            if level_of(ln) == depth
            and name_key(ln.name) == wanted
            and any(p is None or (p.code and ln.code and ln.code.startswith(p.code)) for p in parents)
        ]
        if not found and depth == 1:
            found = []  # the 类 may be named otherwise: look for the 款 / 项 under any 类
            parents = [None]
            continue
        if not found:
            return []
        parents = list(found)
    return found


def classified_lines(ctx: Context, subject: Subject, kinds: tuple[TableKind, ...]) -> list[tuple[Table, Line]]:
    """The lines of these tables a 科目 subject names: by code, else by level names, else by name."""
    found: list[tuple[Table, Line]] = []
    for kind in kinds:
        for table in ctx.doc.tables_of(kind):
            lines = _coded(table)
            if not lines:
                continue
            hits: list[Line] = []
            if subject.code:
                hits = [ln for ln in lines if ln.code == subject.code]
            if not hits and any(subject.levels):
                hits = _by_levels(lines, subject.levels)
            if not hits and not subject.code and not any(subject.levels[1:]):
                wanted = name_key(subject.name)
                hits = [ln for ln in lines if name_key(ln.name) == wanted]
            found.extend((table, ln) for ln in hits)
    return found


def _economic_table_is_basic(table: Table) -> bool:
    """A basic-expenditure table (人员经费 / 公用经费) prints only part of a 款's money."""
    return "project" not in table.column_keys and "project" not in {k for ln in table.lines for k in ln.values}


# ---------------------------------------------------------------- resolving a claim

TOTALS_RULE = "TEXT-TOTALS"
THREE_PUBLIC_KEYS = ("tp_total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
RULE_OF_KEY = {
    **dict.fromkeys(THREE_PUBLIC_KEYS, "TEXT-3PUB"),
    "running_costs": "TEXT-RUNNING",
    **dict.fromkeys(PROCUREMENT_KEYS, "TEXT-PROC"),
    "assets": "TEXT-ASSETS",
}
THREE_PUBLIC_ITEM_KEYS = {"overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"}

K = TableKind
TABLES_OF_KEY: dict[str, tuple[TableKind, ...]] = {
    "income_total": (K.SUMMARY, K.INCOME),
    "expenditure_total": (K.SUMMARY, K.EXPENDITURE),
    "current_income": (K.SUMMARY,),
    "current_expenditure": (K.SUMMARY,),
    "appropriation_income": (K.INCOME, K.FISCAL_SUMMARY),
    "appropriation_expenditure": (K.FISCAL_SUMMARY,),
    "appropriation_total": (K.FISCAL_SUMMARY,),
    "general_public": (K.GENERAL_PUBLIC,),
    "general_public_basic": (K.GENERAL_PUBLIC, K.BASIC_ECONOMIC),
    "general_public_project": (K.GENERAL_PUBLIC,),
    "gov_fund": (K.GOV_FUND,),
    "general_public_income": (K.FISCAL_SUMMARY,),
    "gov_fund_income": (K.FISCAL_SUMMARY,),
    "state_capital": (K.STATE_CAPITAL,),
    **dict.fromkeys(("special_account", "business", "operating", "superior_grant", "subsidiary"), (K.INCOME,)),
    "other": (K.INCOME,),
    "carried_in": (K.INCOME,),
    "basic": (K.EXPENDITURE,),
    "project": (K.EXPENDITURE,),
    "personnel": (K.BASIC_ECONOMIC,),
    "public": (K.BASIC_ECONOMIC,),
    **dict.fromkeys(("tp_total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation"), (K.THREE_PUBLIC,)),
    "reception": (K.THREE_PUBLIC,),
    "running_costs": (K.THREE_PUBLIC, K.BASIC_ECONOMIC),
    **dict.fromkeys(PROCUREMENT_KEYS, (K.PROCUREMENT,)),
    "assets": (K.ASSETS,),
    "performance_money": (K.SUMMARY, K.EXPENDITURE),
    "performance_project_money": (K.EXPENDITURE,),
}

# the column a book figure is read from, where a table of the right kind may lack it
COLUMN_OF_KEY = {
    **{k: k for k in ("special_account", "business", "operating", "superior_grant", "subsidiary", "other")},
    **{k: k for k in ("carried_in", "basic", "project", "personnel", "public")},
    "appropriation_income": "appropriation",
    "running_costs": "public",
}


def _has_column(table: Table | None, key: str) -> bool:
    return table is not None and (key in table.column_keys or any(key in ln.values for ln in table.lines))


NOT_IN_TABLES = {
    "carried_in_part": "上年结转中的一部分：表格没有分列",
    "sme": "预留中小企业份额：表格没有列出",
    "asset_purchase": "拟购置资产：表格没有列出",
    "carried_out": "年终结转：收支总表列示时才能核对",
}
FEE = re.compile(r"(会议|培训|差旅|委托业务|印刷|邮电|水电|物业管理|租赁|维修（护）|劳务|咨询|手续|工会|福利)费")
FUND_PREFIX = re.compile(r"^(?:一般公共预算|政府性基金预算?|国有资本经营预算|财政拨款)(?:财政)?(?:拨款)?(?:安排的?)?")
FEE_SUFFIX = re.compile(r"(?:预算)?(?:支出)?(?:预算)?(?:数)?$")
GOVERNMENT_ECONOMIC = re.compile(r"^5\d{2}(\d{2})?$")


CURRENT_OF_TOTAL = {"income_total": "current_income", "expenditure_total": "current_expenditure"}


def _carried(ctx: Context, key: str) -> bool:
    """The summary prints an amount other than zero between this year's 合计 and the 总计 of the
    side (上年结转, 结转下年, 实户资金…): the two are different figures, each a budget's."""
    summary = ctx.doc.table(TableKind.SUMMARY)
    side, word = ("income", "收入") if key == "income_total" else ("expenditure", "支出")
    if summary is None:
        return False
    lines = [ln for ln in summary.lines if ln.side == side]
    names = [squash(ln.name) for ln in lines]
    current = next((i for i, n in enumerate(names) if f"本年{word}合计" in n), None)
    total = next((i for i, n in enumerate(names) if f"{word}总计" in n), None)
    if current is None or total is None or total <= current:
        return False
    return any(ln.total is not None and ln.total.amount != 0 for ln in lines[current + 1 : total])


def _key_figure(ctx: Context, claim: Claim, key: str) -> Resolved:
    figures = book(ctx)
    rule_id = RULE_OF_KEY.get(key, TOTALS_RULE)
    if key in THREE_PUBLIC_ITEM_KEYS and claim.topic == "running":
        named = _economic_by_name(ctx, claim.subject, running=True)
        if named is not None:
            return named
    if key in NOT_IN_TABLES:
        return Resolved(None, reason=NOT_IN_TABLES[key], key=key)
    if key == "performance_money" and claim.subject is not None and "项目" in claim.subject.name:
        key = "performance_project_money"
    appropriation = _about_appropriation(claim)
    within = claim.within
    if within is not None and within.kind != Kind.CONCEPT and key in PART_KEYS:
        return Resolved(None, reason="所列的组成部分：表格没有按此分列", key=key)  # "303 …，其中：人员经费…"
    current = CURRENT_APPROPRIATION.search(squash(claim.paragraph))
    if key == "appropriation_income" and current and figures.get("appropriation_current_income") is not None:
        key = "appropriation_current_income"
    if key in ("income_total", "expenditure_total") and (_appropriation_words(claim) or _appropriation_heading(claim)):
        key = "appropriation_total"  # "财政拨款收入总计、支出总计均为…"
    if key in CURRENT_OF_TOTAL and claim.subject is not None and "总" not in claim.subject.name and _carried(ctx, key):
        # "预算收入105946.48万元 … 预算支出105590.77万元" (西安): without 总计 the words name this
        # year's budget as well as the total with the carry-overs; where the summary prints
        # carry-overs between the two (结转下年, 未安排支出的实户资金), either is what it may mean
        both = tuple(f for f in (figures.get(key), figures.get(CURRENT_OF_TOTAL[key])) if f is not None)
        if len(both) == 2:
            return Resolved(rule_id, both, key=key)
    if key in ("general_public", "gov_fund") and claim.subject is not None and "收入" in claim.subject.name:
        # a fund's income: as its expenditure table totals it, or as the fiscal table's income side prints it
        both = tuple(f for f in (figures.get(key), figures.get(f"{key}_income")) if f is not None)
        if both:
            return Resolved(rule_id, both, key=key)
    if key in ("basic", "project") and appropriation:
        key = f"general_public_{key}"  # "财政拨款支出…，其中：基本支出…" is the appropriation's part
    if key in ("personnel", "public") and not appropriation and not _about_basic(claim):
        figure = figures.get(key)  # the basic table prints the appropriation's part of all funds
        if figure is not None:
            return Resolved(rule_id, (replace(figure, bound=Bound.LOWER),), key=key)
    if key in PROCUREMENT_KEYS and _fund_share(claim):
        return Resolved(None, reason="其中一项资金来源的部分：政府采购预算表只读出各来源的合计", key=key)
    figure = figures.get(key)
    if figure is None:
        kinds = TABLES_OF_KEY.get(key, ())
        present = [k for k in kinds if ctx.doc.table(k) is not None]
        if kinds and not present:
            labels = "、".join(TABLE_LABELS[k] for k in kinds)
            return Resolved(rule_id, reason=f"文件中没有{labels}", key=key)
        if key in PROCUREMENT_KEYS and ctx.doc.procurement:
            if figures.get("procurement") is None:
                return Resolved(rule_id, reason="政府采购预算表没有印出合计金额", key=key)
            return Resolved(rule_id, reason="政府采购预算表没有品目编码，不能按货物、工程、服务分列", key=key)
        column = COLUMN_OF_KEY.get(key)
        if column is not None and present and not any(_has_column(ctx.doc.table(k), column) for k in present):
            labels = "、".join(TABLE_LABELS[k] for k in present)
            return Resolved(rule_id, reason=f"{labels}没有“{COLUMN_LABELS.get(column, column)}”栏", key=key)
        return Resolved(rule_id, key=key, unread="表格中没有读出这一数字")
    return Resolved(rule_id, (figure,), key=key)


def _economic_by_name(
    ctx: Context, subject: Subject | None, running: bool = False, by_name_only: bool = False
) -> Resolved | None:
    """An economic 款 of the basic-expenditure table named like the subject."""
    table = ctx.doc.table(TableKind.BASIC_ECONOMIC)
    if table is None or subject is None:
        return None
    wanted = name_key(FEE_SUFFIX.sub("", FUND_PREFIX.sub("", subject.name)) or subject.name)
    lines = [ln for ln in _coded(table) if name_key(ln.name) == wanted]
    if not lines and by_name_only:
        # 深圳's 基本支出总表 lists the 款 by name only, without codes: one line of that name
        # (a table of several units repeats it under each, and the text may be one unit's)
        named = [ln for ln in table.lines if not ln.code and not ln.is_total and name_key(ln.name) == wanted]
        if len(named) != 1:
            return None
        # its text lists the spending as 在职人员经费、公用经费、对个人和家庭补助、增人增资 …: the
        # reserve 增人增资 lies in the tables' 工资福利 and 对个人和家庭的补助 too, so the text's part
        # is at most the table's line (shenzhen_26 571.04 = 571.04; shenzhen_08 7,486.99 ≤ 7,944.59)
        line = named[0]
        figure = TableFigure(
            f"基本支出表 {row_label(line)}", line.total, line_location(ctx, table, line, "total"), Bound.UPPER, line
        )
        return Resolved("TEXT-ITEMS", (figure,), key="economic")
    if not lines:
        return None
    line = _summed([ln for ln in lines if ln.code == lines[0].code])
    key = "public" if running and line.values.get("public") is not None else "total"
    bound = Bound.EXACT if running or not _economic_table_is_basic(table) else Bound.LOWER
    if running and ctx.doc.unit.kind == "部门":
        # 机关运行经费 is the 行政单位's: a department's table also holds its 事业单位' fees
        bound = Bound.UPPER
    figure = TableFigure(
        f"基本支出表 {row_label(line)}", line.values.get(key), line_location(ctx, table, line, key), bound, line
    )
    return Resolved("TEXT-RUNNING" if running else "TEXT-ITEMS", (figure,), key="economic")


def _summed(lines: list[Line]) -> Line:
    """One 科目 printed on several lines (西安: 30202 印刷费 once for each 政府经济科目 it
    maps to): the first line with the figures of all of them added up."""
    if len(lines) == 1:
        return lines[0]
    values: dict[str, Money | None] = {}
    for line in lines:
        for key, value in line.values.items():
            if value is None:
                values.setdefault(key, None)
            else:
                previous = values.get(key)
                values[key] = value if previous is None else previous + value
    return replace(lines[0], values=values)


def _lines_figures(ctx: Context, hits: list[tuple[Table, Line]], bound: Bound = Bound.EXACT) -> tuple[TableFigure, ...]:
    return tuple(
        TableFigure(
            f"{table.label} {row_label(line)}", line.total, line_location(ctx, table, line, "total"), bound, line
        )
        for table, line in hits
    )


# a list of 科目 given under one part of spending ("②公用经费：①行政运行（2013201）124.00万元")
LISTED_PART = re.compile(r"(人员经费|公用经费|专项业务经费|专项经费|业务经费)[：:]")
LISTED_KEYS = {"人员经费": "personnel", "公用经费": "public"}


def _listed_part(claim: Claim) -> str | None:
    """The part of spending a paragraph lists this 科目 under ("①人员经费：工资福利支出（301）…"),
    when the label comes before the figure in the same paragraph."""
    found = last_match(LISTED_PART, claim.paragraph[: claim.start])
    return found.group(1) if found is not None else None


def _listed_figures(ctx: Context, claim: Claim, subject: Subject, part: str) -> Resolved:
    """A 科目's figure for one part of spending: the basic table's column of that part, or
    not comparable where the tables do not split the 科目 so."""
    key = LISTED_KEYS.get(part)
    if subject.scheme == "economic" and key is not None:
        hits = classified_lines(ctx, subject, (TableKind.BASIC_ECONOMIC,))
        if hits and key in hits[0][1].values:
            table, line = hits[0]
            same = _summed([ln for t, ln in hits if t is table and ln.code == line.code])
            figure = TableFigure(
                f"{table.label} {row_label(same)} {column_label(table, key)}",
                same.values[key],
                line_location(ctx, table, same, key),
                Bound.EXACT,
                same,
            )
            return Resolved("TEXT-ITEMS", (figure,))
    return Resolved(None, reason=f"{part}中的一部分：表格没有按此分列")


def _classified(ctx: Context, claim: Claim, subject: Subject) -> Resolved:
    if subject.code and GOVERNMENT_ECONOMIC.match(subject.code):
        return Resolved(None, reason="政府预算支出经济分类（5xx）：表格按部门预算经济分类列示")
    listed = _listed_part(claim)
    if listed is not None:
        return _listed_figures(ctx, claim, subject, listed)
    if subject.scheme == "economic":
        hits = classified_lines(ctx, subject, (TableKind.BASIC_ECONOMIC,))
        if not hits:
            tables = [t for t in ctx.doc.tables if t.kind == TableKind.BASIC_ECONOMIC]
            if tables and all(_economic_table_is_basic(t) for t in tables):
                # "资本性支出（310）" in the economic breakdown of all appropriations (西安): the
                # basic-expenditure table lists only basic spending, capital spending is projects'
                return Resolved(None, reason="基本支出表只列基本支出：这一经济科目不在其中，无从核对")
            return Resolved("TEXT-NAMES", reason="基本支出表中没有这一经济科目")
        table = hits[0][0]
        basic_only = _economic_table_is_basic(table) and not _about_basic(claim)
        same = [line for t, line in hits if t is table and line.code == hits[0][1].code]
        bound = Bound.LOWER if basic_only else Bound.EXACT
        return Resolved("TEXT-ITEMS", _lines_figures(ctx, [(table, _summed(same))], bound))
    hits = classified_lines(ctx, subject, FUNCTIONAL_TABLES)
    if not hits and subject.scheme is None:
        hits = classified_lines(ctx, subject, (TableKind.BASIC_ECONOMIC,))
        if hits:
            table = hits[0][0]
            bound = Bound.LOWER if _economic_table_is_basic(table) and not _about_basic(claim) else Bound.EXACT
            return Resolved("TEXT-ITEMS", _lines_figures(ctx, hits[:1], bound))
    if not hits:
        amount = claim.amount
        if amount is not None and amount.value == 0:
            return Resolved("TEXT-NAMES", reason="本年为零的科目：表中不列")
        return Resolved("TEXT-NAMES", unread="支出表中找不到这一科目")
    return _functional_figures(ctx, claim, hits)


PART_PASSAGE = re.compile(r"^[（(]?[一二三四五六七八九十\d]{0,3}[)）、.．]?\s*(基本支出|项目支出)")


def _part_of(claim: Claim) -> str | None:
    """The part of spending a 科目 figure is given for: the 基本支出 or 项目支出 it is listed
    under ("（二）项目支出：…其中：…公共安全支出40230.95万元"), or None for the whole."""
    if claim.within is not None and claim.within.key in ("basic", "project"):
        return claim.within.key
    lead = PART_PASSAGE.match(claim.paragraph)
    if lead is not None and "其中" in claim.paragraph[: claim.start]:
        return "basic" if lead.group(1) == "基本支出" else "project"
    return None


def _functional_figures(ctx: Context, claim: Claim, hits: list[tuple[Table, Line]]) -> Resolved:
    part = _part_of(claim)
    if part is None:
        return Resolved("TEXT-ITEMS", _lines_figures(ctx, _preferred(claim, hits)))
    found = tuple(
        TableFigure(
            f"{table.label} {row_label(line)} {column_label(table, key)}",
            line.values.get(key),
            line_location(ctx, table, line, key),
            Bound.EXACT,
            line,
        )
        for table, line in _preferred(claim, hits)
        if (key := keys_of(line).get(part)) is not None
    )
    if not found:
        return Resolved(None, reason="基本支出、项目支出中的科目：表格没有按此分列")
    return Resolved("TEXT-ITEMS", found)


ALL_FUNDS_WORDS = re.compile(r"支出总表|全部支出|部门预算支出|单位预算支出")


def _preferred(claim: Claim, hits: list[tuple[Table, Line]]) -> list[tuple[Table, Line]]:
    """The tables an item is compared with, in order: the appropriation tables first
    (the 编制说明 goes through 财政拨款 item by item) unless the passage speaks of all funds."""
    all_funds = ALL_FUNDS_WORDS.search(f"{claim.heading} {claim.paragraph[: claim.start]}")
    first = TableKind.EXPENDITURE if all_funds else TableKind.GENERAL_PUBLIC
    return sorted(hits, key=lambda hit: (hit[0].kind != first, FUNCTIONAL_TABLES.index(hit[0].kind)))


PART_KEYS = {"personnel", "public", "basic", "project", "carried_in", "current_income", "current_expenditure"}


CURRENT_APPROPRIATION = re.compile(r"本年(?:度)?财政拨款收入")


def _appropriation_words(claim: Claim) -> bool:
    """The sentence speaks of the appropriation before the figure's own words."""
    figure = claim.amount or claim.figures[0]
    sentence, offset = sentence_span(claim.paragraph, figure.start)
    before = sentence[: figure.start - offset]
    return "财政拨款" in before and "非财政拨款" not in before


FUND_WORDS = re.compile(r"一般公共预算|财政拨款|政府性基金|国有资本经营")


def _fund_share(claim: Claim) -> bool:
    """The figure is listed under one source of funds after the whole ("总额6,546.82万元…；其中
    一般公共预算拨款政府采购5,499.84万元：政府采购货物预算564.79万元…", 重庆): that source's
    share, not the table's 合计."""
    figure = claim.amount or claim.figures[0]
    sentence, offset = sentence_span(claim.paragraph, figure.start)
    before = sentence[: figure.start - offset]
    clause = before[before.rfind("其中") :] if "其中" in before else ""
    return bool(FUND_WORDS.search(clause)) and "非财政拨款" not in clause


def _appropriation_heading(claim: Claim) -> bool:
    """The passage is headed as the appropriation's ("（二）财政拨款收支情况")."""
    return "财政拨款" in claim.heading and "非财政拨款" not in claim.heading


APPROPRIATION_KEYS = {"general_public", "appropriation_expenditure", "appropriation_income", "appropriation_total"}


def _about_appropriation(claim: Claim) -> bool:
    """A claim about the appropriation (一般公共预算 / 财政拨款), by the total it is listed
    under or the heading of its passage."""
    within = claim.within
    if within is not None and within.key in APPROPRIATION_KEYS:
        return True
    return bool(re.search(r"财政拨款|一般公共预算", claim.heading))


def _about_basic(claim: Claim) -> bool:
    return "基本支出" in f"{claim.heading} {claim.paragraph[: claim.start]}"


# Named things that are a figure of the tables or a known part of one: "深圳市统计局（本级）预算
# 5,417.80万元，包括在职人员经费…、增人增资…" (深圳's wording of the spending and its parts);
# "单价100万元以上设备0台（套）、0万元" (the purchase plan's money).
NAMED_AS = (
    (re.compile(r"^[)）]?(?:部门|单位)?预算$"), "expenditure_total"),
    (re.compile(r"^以上的?设备$"), "asset_purchase"),
)
PERSONNEL_PART = re.compile(r"^(?:在职人员经费|增人增资(?:支出)?|离退休人员经费)$")


def _named(ctx: Context, claim: Claim, subject: Subject) -> Resolved:
    name = squash(subject.name)
    for pattern, key in NAMED_AS:
        if pattern.match(name):
            return resolve(ctx, replace(claim, subject=replace(subject, kind=Kind.CONCEPT, key=key)))
    if PERSONNEL_PART.match(name):
        return Resolved(None, reason="人员经费中的一部分：表格没有按此分列")
    within = claim.within
    if within is not None and within.kind == Kind.NAMED and NAMED_AS[0][0].match(squash(within.name)):
        # listed under "…（本级）预算…，包括…": a part of the spending, found by its own name
        claim = replace(claim, within=None)
    if FEE.search(subject.name):
        found = _economic_by_name(ctx, subject, running=claim.topic == "running")
        if found is not None:
            return found
        return Resolved(None, reason="费用科目：基本支出表只列其基本支出部分或没有列出")
    if claim.within is None and not PROJECT_LIST.search(claim.heading):
        hits = classified_lines(ctx, subject, FUNCTIONAL_TABLES)
        if hits:
            return _functional_figures(ctx, claim, hits)
        if claim.topic == "running":
            found = _economic_by_name(ctx, subject, running=True)
            if found is not None:
                return found
        economic = _economic_by_name(ctx, subject, by_name_only=claim.organisation is None)
        if economic is not None:
            return economic
    project = _project(ctx, subject)
    if project is not None:
        return project
    if claim.within is not None:
        what = (
            "项目的组成部分：表格只列到项目" if claim.within.kind == Kind.NAMED else "所列的组成部分：表格没有按此分列"
        )
        return Resolved(None, reason=what)
    if PROJECT_LIST.search(claim.heading) and _enumerated_part(claim):
        # "（五）项目支出…具体包括：…支出项目。其中，秀峰、横岗、塘背收费站运营管理费用1,487.40万元，…"
        return Resolved(None, reason="项目的组成部分：表格只列到项目")
    if PERFORMANCE_WORDS.search(f"{claim.context} {claim.heading} {subject.name}"):
        return Resolved(None, reason="绩效目标、自评中的项目金额：表格不列")
    return Resolved(None, reason=None)  # named, but nothing in the tables is that figure


COVERAGE_KEYS = ("other", "carried_in", "superior_grant", "business", "operating", "special_account")
PERFORMANCE_WORDS = re.compile(r"绩效")
PROJECT_LIST = re.compile(r"项目支出.{0,24}(具体)?包括|项目(名称|情况|明细)")  # items there are projects, not 科目


PART_CUE = re.compile(r"其中|主要包括|具体包括|包括[:：]")


def _enumerated_part(claim: Claim) -> bool:
    """The figure is listed in its sentence after 其中 / 主要包括: one part of an item named before."""
    figure = claim.amount or claim.figures[0]
    sentence, offset = sentence_span(claim.paragraph, figure.start)
    return PART_CUE.search(sentence[: figure.start - offset]) is not None


def _project(ctx: Context, subject: Subject) -> Resolved | None:
    wanted = squash(subject.name)
    named = [p for p in ctx.doc.performance if p.amount is not None and squash(p.name) == wanted]
    # Two projects of one name with two amounts (two units' in one list): the text's may be
    # either, so neither is the project's figure.
    if named and len({p.amount for p in named}) == 1:
        project = named[0]
        assert project.amount is not None
        where = Location(table=TableKind.PERFORMANCE.value, project=project.name, table_index=project.table)
        figure = TableFigure(f"{project.name}绩效目标表 项目金额", project.amount, where)
        return Resolved("TEXT-ITEMS", (figure,), key="project")
    rows = named_rows(ctx).get(_row_key(subject.name))
    if rows:
        return Resolved(None, tuple(f for row in rows for f in row), key="row")
    return None


AMOUNT_CELL = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
ROW_NAME_END = re.compile(r"(?:预算|项目|经费)$")


def _row_key(name: str) -> str:
    text = squash(name).translate(WIDTH)
    stripped = ROW_NAME_END.sub("", text)
    return stripped or text


def _named_rows(ctx: Context) -> dict[str, list[tuple[TableFigure, ...]]]:
    """Every table row by its name (the text cells joined): a project, a unit of the
    department, an item of a table the reader did not recognise, with its amounts."""
    index: dict[str, list[tuple[TableFigure, ...]]] = {}
    for table_index, table in enumerate(ctx.doc.tables):
        unit = table.money_unit or ctx.unit
        for row_index, row in enumerate(table.rows):
            names = [squash(c) for c in row if squash(c) and not AMOUNT_CELL.match(squash(c))]
            amounts = [squash(c).replace(",", "") for c in row if AMOUNT_CELL.match(squash(c))]
            if not names or not amounts:
                continue
            where = Location(table=table.kind.value, row=names[-1], table_index=table_index, row_index=row_index)
            figures = tuple(
                TableFigure(f"{table.title or table.label} {names[-1]}", Money(Decimal(a), unit), where, Bound.ANY)
                for a in amounts
            )
            for name in names:
                index.setdefault(_row_key(name), []).append(figures)
    return index


def named_rows(ctx: Context) -> dict[str, list[tuple[TableFigure, ...]]]:
    return ctx.memo("named_rows", _named_rows)  # type: ignore[return-value]


def resolve(ctx: Context, claim: Claim) -> Resolved:
    """What a claim's amount (this year's figure) is compared with, or why nothing."""
    subject = claim.subject
    if subject is None:
        return Resolved(None, reason=None)
    if claim.organisation is not None and subject.kind != Kind.NAMED:
        return Resolved(None, reason="所属单位（或本级）一节中的数：表格列的是整个部门")
    if subject.kind == Kind.CONCEPT and subject.key is not None:
        if claim.within is not None and claim.within.kind == Kind.NAMED and subject.key in PROJECT_PARTS:
            return Resolved(None, reason="项目的组成部分：表格只列到项目")  # the project's own carry-over
        if subject.key in COVERAGE_KEYS and PERFORMANCE_WORDS.search(f"{claim.context} {claim.heading}"):
            # "绩效目标管理全覆盖，涉及…其他资金14,829.50万元": the money the targets cover
            return Resolved(None, reason="绩效目标覆盖的资金：不是收入表的一项")
        return _key_figure(ctx, claim, subject.key)
    if subject.kind == Kind.CLASSIFIED:
        return _classified(ctx, claim, subject)
    return _named(ctx, claim, subject)


def resolutions(ctx: Context) -> tuple[tuple[Claim, Resolved], ...]:
    """Every claim with its resolution, computed once per run."""

    def compute(c: Context) -> tuple[tuple[Claim, Resolved], ...]:
        return tuple((claim, resolve(c, claim)) for claim in claims(c))

    return ctx.memo("resolutions", compute)  # type: ignore[return-value]


WHY_NOT = {
    Role.LAST: "上年数：表格只列本年数（由增减额、增减率核对）",
    Role.BUDGETED: "年初预算数：表格列决算数（由完成率核对）",
    Role.LIMIT: "限额、标准或单价：不是本预算的金额",
    Role.DETAIL: "原因说明中的金额：说明增减的来由，不是表中的一项",
}
