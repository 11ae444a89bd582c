"""The disclosure as typed, immutable values.

Everything the loaders read ends up here, and everything the checks, the charts and the
exports use starts here. Money is ``Decimal`` with its unit attached; a blank cell is
``None`` (not reported), never zero.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import StrEnum
from collections.abc import Mapping, Sequence


class MoneyUnit(StrEnum):
    YUAN = "元"
    WAN_YUAN = "万元"


class Format(StrEnum):
    DOCX = "docx"
    TXT = "txt"
    PDF = "pdf"
    XLSX = "xlsx"


class TableKind(StrEnum):
    SUMMARY = "summary"  # 收支总表
    INCOME = "income"  # 收入总表
    EXPENDITURE = "expenditure"  # 支出总表
    FISCAL_SUMMARY = "fiscal_summary"  # 财政拨款收支总表
    GENERAL_PUBLIC = "general_public"  # 一般公共预算(财政拨款)支出表
    BASIC_ECONOMIC = "basic_economic"  # 一般公共预算(财政拨款)基本支出表
    GOV_FUND = "gov_fund"  # 政府性基金预算(财政拨款)支出表
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算(财政拨款)支出表
    THREE_PUBLIC = "three_public"  # 财政拨款"三公"经费支出表
    PROCUREMENT = "procurement"  # 政府采购预算表
    ASSETS = "assets"  # 固定资产占用情况表
    PERFORMANCE = "performance"  # 项目绩效目标表 (goals or indicators part)
    ORGANISATION = "organisation"  # 机构设置 table
    # Further tables some provinces print (recognised so they are not mistaken for the
    # standard ones above; none of them is required):
    FISCAL_EXPENDITURE = "fiscal_expenditure"  # 财政拨款支出表 (all appropriation funds, by function)
    FISCAL_BASIC_ECONOMIC = "fiscal_basic_economic"  # 财政拨款基本支出表 (by economic class)
    GENERAL_PUBLIC_ECONOMIC = "general_public_economic"  # 一般公共预算支出表（按经济分类）
    GENERAL_PUBLIC_BASIC = "general_public_basic"  # 一般公共预算基本支出表（按功能分类）
    PROJECT = "project"  # 项目支出表 (projects, or project expenditure by class)
    RUNNING_COSTS = "running_costs"  # 机关运行经费支出表
    # 部门预算支出经济分类预算表 / 支出总表（按经济分类）: all funds' spending (basic and project)
    # by economic class (301, 30101 …); not the functional 支出总表, and not basic spending only.
    EXPENDITURE_ECONOMIC = "expenditure_economic"
    # Tables kept as printed, for what they list (no rule reads their figures):
    SERVICES = "services"  # 政府购买服务预算表 / 明细表
    CARRYOVER = "carryover"  # (财政拨款)上年结转资金支出表: last year's funds carried over
    MEETINGS = "meetings"  # 会议费明细表
    TRAINING = "training"  # 培训费明细表
    CONTENTS = "contents"  # 报表目录: the document's tables, which are empty and why
    UNKNOWN = "unknown"


# Tables whose rows are classes of the functional or economic classification (科目 with
# codes and levels): the loaders split their codes and read their levels.
CLASSIFIED_TABLES: tuple[TableKind, ...] = (
    TableKind.INCOME,
    TableKind.EXPENDITURE,
    TableKind.GENERAL_PUBLIC,
    TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL,
    TableKind.BASIC_ECONOMIC,
    TableKind.FISCAL_EXPENDITURE,
    TableKind.FISCAL_BASIC_ECONOMIC,
    TableKind.GENERAL_PUBLIC_ECONOMIC,
    TableKind.GENERAL_PUBLIC_BASIC,
    TableKind.PROJECT,
    TableKind.RUNNING_COSTS,
    TableKind.EXPENDITURE_ECONOMIC,
    TableKind.CARRYOVER,
)

# The standard tables in their usual order; completeness checks and the UI use it.
STANDARD_TABLES: tuple[TableKind, ...] = (
    TableKind.SUMMARY,
    TableKind.INCOME,
    TableKind.EXPENDITURE,
    TableKind.FISCAL_SUMMARY,
    TableKind.GENERAL_PUBLIC,
    TableKind.BASIC_ECONOMIC,
    TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL,
    TableKind.THREE_PUBLIC,
)

TABLE_LABELS: Mapping[TableKind, str] = {
    TableKind.SUMMARY: "收支总表",
    TableKind.INCOME: "收入总表",
    TableKind.EXPENDITURE: "支出总表",
    TableKind.FISCAL_SUMMARY: "财政拨款收支总表",
    TableKind.GENERAL_PUBLIC: "一般公共预算支出表",
    TableKind.BASIC_ECONOMIC: "一般公共预算基本支出表",
    TableKind.GOV_FUND: "政府性基金预算支出表",
    TableKind.STATE_CAPITAL: "国有资本经营预算支出表",
    TableKind.THREE_PUBLIC: "“三公”经费支出表",
    TableKind.PROCUREMENT: "政府采购预算表",
    TableKind.ASSETS: "固定资产占用情况表",
    TableKind.PERFORMANCE: "项目绩效目标表",
    TableKind.ORGANISATION: "机构设置表",
    TableKind.FISCAL_EXPENDITURE: "财政拨款支出表",
    TableKind.FISCAL_BASIC_ECONOMIC: "财政拨款基本支出表",
    TableKind.GENERAL_PUBLIC_ECONOMIC: "一般公共预算支出表（按经济分类）",
    TableKind.GENERAL_PUBLIC_BASIC: "一般公共预算基本支出表（按功能分类）",
    TableKind.PROJECT: "项目支出表",
    TableKind.RUNNING_COSTS: "机关运行经费支出表",
    TableKind.EXPENDITURE_ECONOMIC: "支出经济分类表",
    TableKind.SERVICES: "政府购买服务表",
    TableKind.CARRYOVER: "上年结转资金支出表",
    TableKind.MEETINGS: "会议费明细表",
    TableKind.TRAINING: "培训费明细表",
    TableKind.CONTENTS: "报表目录",
    TableKind.UNKNOWN: "未识别的表格",
}


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in a money unit, as printed (the scale of the Decimal is kept)."""

    amount: Decimal
    unit: MoneyUnit

    def _same_unit(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.unit != self.unit:
            raise ValueError(f"money units differ: {self.unit} and {other.unit}")

    def __add__(self, other: Money) -> Money:
        self._same_unit(other)
        return Money(self.amount + other.amount, self.unit)

    def __sub__(self, other: Money) -> Money:
        self._same_unit(other)
        return Money(self.amount - other.amount, self.unit)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.unit)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.unit)

    def __lt__(self, other: Money) -> bool:
        self._same_unit(other)
        return self.amount < other.amount

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.unit == other.unit and self.amount == other.amount

    def __hash__(self) -> int:
        return hash((self.amount, self.unit))

    @property
    def quantum(self) -> Decimal:
        """One unit of the last printed digit (0.01 for "1065.08", 1 for "9501164")."""
        exponent = self.amount.as_tuple().exponent
        return Decimal(1).scaleb(min(int(exponent), 0))

    def plain(self) -> str:
        """The decimal string as printed, without separators ("14348853.34")."""
        return format(self.amount, "f")

    def format(self, with_unit: bool = True, places: int | None = None) -> str:
        """Chinese display form: "1,065.08 万元"."""
        amount = self.amount
        with localcontext() as context:
            # Enough digits to round any printed amount (a 40-digit figure is absurd,
            # but a document can print it and a page must still show it).
            context.prec = max(context.prec, Decimal(amount).adjusted() + 2 + max(places or 0, 2))
            if places is None and int(amount.as_tuple().exponent) < -2 and amount == amount.quantize(Decimal("0.01")):
                places = 2  # "2.250000" printed by some tables reads as 2.25
            if places is not None:
                amount = amount.quantize(Decimal(1).scaleb(-places))
        text = f"{amount:,f}"
        return f"{text} {self.unit}" if with_unit else text

    def to(self, unit: MoneyUnit) -> Money:
        """Convert exactly between 元 and 万元 (no rounding)."""
        if unit == self.unit:
            return self
        factor = Decimal(10000)
        if unit == MoneyUnit.WAN_YUAN:
            return Money(self.amount / factor, unit)
        return Money(self.amount * factor, unit)

    def __str__(self) -> str:
        return self.format()


def total_of(amounts: list[Money | None] | tuple[Money | None, ...]) -> Money | None:
    """Sum of the reported amounts; None when nothing was reported."""
    present = [a for a in amounts if a is not None]
    if not present:
        return None
    result = present[0]
    for amount in present[1:]:
        result = result + amount
    return result


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    format: Format
    sha256: str


@dataclass(frozen=True, slots=True)
class Unit:
    """The budget unit or department the disclosure is about."""

    code: str | None
    name: str
    year: int | None
    money_unit: MoneyUnit
    kind: str  # "单位" or "部门"
    stage: str = "预算"  # "预算" (budget) or "决算" (final accounts)


# Canonical column keys of the classified tables (header text -> key lives in loaders).
COLUMN_LABELS: Mapping[str, str] = {
    "total": "合计",
    "current": "本年收入小计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "operating_expense": "经营支出",
    "to_superior": "上缴上级支出",
    "to_subsidiary": "对附属单位补助支出",
    "appropriation": "财政拨款收入",
    "special_account": "财政专户收入",
    "business": "事业收入",
    "operating": "经营收入",
    "superior_grant": "上级补助收入",
    "subsidiary": "附属单位上缴收入",
    "other": "其他收入",
    "carried_in": "上年结转",
    "general_public": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "amount": "预算数",
}


@dataclass(frozen=True, slots=True)
class Line:
    """One row of a table with amounts: a classified row, a total row or a listed item.

    ``values`` maps a canonical column key (see ``COLUMN_LABELS``) to the amount; a key
    that is absent means the table has no such column, ``None`` means the cell is blank.
    """

    name: str
    values: Mapping[str, Money | None]
    code: str | None = None
    level: int | None = None  # 1 类, 2 款, 3 项 (functional); 1 类, 2 款 (economic)
    row: int = 0  # index into the table's rows, for locating findings
    is_total: bool = False  # the 合计 / 总计 row
    side: str | None = None  # "income" / "expenditure" in two-sided summary tables
    page: int | None = None
    # The 预算单位 a row belongs to, in a table printed per unit (a 部门 with its 单位);
    # a row that names a unit and has no code is that unit's subtotal (``name`` = unit).
    unit: str | None = None

    def get(self, key: str) -> Money | None:
        return self.values.get(key)

    @property
    def total(self) -> Money | None:
        return self.values.get("total")

    @property
    def basic(self) -> Money | None:
        return self.values.get("basic")

    @property
    def project(self) -> Money | None:
        return self.values.get("project")

    @property
    def personnel(self) -> Money | None:
        return self.values.get("personnel")

    @property
    def public(self) -> Money | None:
        return self.values.get("public")


@dataclass(frozen=True, slots=True)
class Table:
    """A table as found in the document: its raw cells and, when recognised, its lines."""

    kind: TableKind
    title: str
    header: tuple[tuple[str, ...], ...]  # header rows as printed (merged cells once)
    rows: tuple[tuple[str, ...], ...]  # body rows as printed
    columns: tuple[str, ...] = ()  # one label per body column ("本年收入/小计")
    column_keys: tuple[str | None, ...] = ()  # canonical key per column, None if not money
    lines: tuple[Line, ...] = ()  # parsed rows with amounts (recognised tables only)
    empty: bool = False  # printed with no data (空表)
    note: str | None = None  # "注：…" printed with the table
    money_unit: MoneyUnit | None = None
    unit_line: str | None = None  # "216001… 预算年度：2023 单位：万元"
    # The unit as printed when the contract has none for it ("千元", "亿元"): the amounts
    # were scaled exactly into ``money_unit`` (千元 -> 元 x1000, 亿元 -> 万元 x10000).
    printed_unit: str | None = None
    page: int | None = None  # first page (PDF)
    pages: tuple[int, ...] = ()  # every page it is printed on (PDF)

    @property
    def label(self) -> str:
        return TABLE_LABELS[self.kind]

    def total_line(self) -> Line | None:
        for line in self.lines:
            if line.is_total and line.side in (None, "expenditure"):
                return line
        return None

    def coded_lines(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.code)


_FIGURE = re.compile(r"^[-+]?[\d,]+(?:\.\d+)?%?$")


def aligned(row: Sequence[str], width: int) -> list[str]:
    """A row as wide as the table. A short row that starts with a label — a PDF's 合计 or
    总计 whose label spans the code and name columns — is padded right after the label,
    so its figures stand under their headers as printed; any other short row at the end."""
    pad = width - len(row)
    if pad <= 0:
        return list(row)
    first = row[0].strip() if row else ""
    if first and not _FIGURE.match(first.replace(" ", "")) and any(_FIGURE.match(c.strip()) for c in row[1:]):
        return [row[0], *([""] * pad), *row[1:]]
    return [*row, *([""] * pad)]


@dataclass(frozen=True, slots=True)
class Section:
    """A narrative section: a heading and the text under it (paragraphs joined by \\n)."""

    heading: str
    text: str
    level: int = 1  # 1 for 一、… headings, 2 for （一）/1、 sub-headings
    page: int | None = None
    # Where the text turns a page (PDF): (offset into ``text``, page) for the first
    # paragraph and each one printed on a page after the one before; what page_at reads.
    turns: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page the character at ``offset`` of ``text`` is printed on (the heading's
        page when the paragraphs' pages are not known)."""
        found = self.page
        for start, page in self.turns:
            if start > offset:
                break
            found = page
        return found


@dataclass(frozen=True, slots=True)
class ThreePublic:
    """三公经费 as printed; ``total_printed`` says whether the total was in the table."""

    total: Money | None
    overseas: Money | None
    vehicles: Money | None
    vehicle_purchase: Money | None
    vehicle_operation: Money | None
    reception: Money | None
    running_costs: Money | None = None  # 机关运行经费 when printed in the same table
    total_printed: bool = True


@dataclass(frozen=True, slots=True)
class Indicator:
    level1: str | None
    level2: str | None
    level3: str | None
    description: str | None
    target: str | None
    basis: str | None
    row: int = 0
    # The comparison a form prints in a column of its own (指标值类型, 指标性质): "≥", "＝",
    # "定性"; the target carries an operator too, a written (定性) value does not.
    comparison: str | None = None


# What a form that prints no project name is called in messages and on screen (the
# loaders keep its name empty rather than take the table's own title for one).
UNNAMED_PROJECT = "（未注明项目名称）"


@dataclass(frozen=True, slots=True)
class PerformanceProject:
    name: str  # as printed; empty when the form names no project
    goals: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    amount: Money | None = None  # the project's budget when the table prints it
    table: int | None = None  # index of the indicator table in Disclosure.tables
    page: int | None = None

    @property
    def label(self) -> str:
        """The name to show a reader: the printed one, or that there is none."""
        return self.name or UNNAMED_PROJECT


@dataclass(frozen=True, slots=True)
class ProcurementLine:
    project: str | None  # 政府采购项目来源 / 项目名称
    item: str  # 采购物品名称 / 采购品目
    catalogue_code: str | None
    measure: str | None  # 计量单位
    quantity: Decimal | None
    unit_price: Money | None
    amount: Money | None  # 政府采购金额 合计
    project_amount: Money | None = None  # the source project's budget
    sme_reserve: Money | None = None  # 预留中小微企业份额
    is_total: bool = False
    row: int = 0


@dataclass(frozen=True, slots=True)
class AssetLine:
    item: str
    quantity: Decimal | None
    value: Money | None
    row: int = 0


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    nature: str | None  # 行政 / 事业
    rank: str | None  # 单位规格
    funding: str | None  # 经费保障形式


@dataclass(frozen=True, slots=True)
class Disclosure:
    source: Source
    unit: Unit
    tables: tuple[Table, ...]
    sections: tuple[Section, ...]
    functional: tuple[Line, ...] = ()  # coded rows of the expenditure table, in order
    economic: tuple[Line, ...] = ()  # coded rows of the basic-expenditure table
    three_public: ThreePublic | None = None
    performance: tuple[PerformanceProject, ...] = ()
    procurement: tuple[ProcurementLine, ...] = ()
    assets: tuple[AssetLine, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what the loader could not place
    # Where ``functional`` and ``economic`` were read: an index into ``tables`` (None when
    # there are no such rows). ``functional`` comes from the 支出总表 when it lists coded
    # rows, else from the 一般公共预算支出表 (some provinces print the 支出总表 by unit or
    # crossed with the economic classes); ``economic`` from the basic-expenditure table.
    functional_table: int | None = None
    economic_table: int | None = None
    # The files a disclosure was read from when it is published in several (情况说明 and
    # 报表 apart, a separate 绩效目标表): their sources in order; empty for one file.
    parts: tuple[Source, ...] = ()

    def table(self, kind: TableKind) -> Table | None:
        """The first table of a kind (standard tables appear once)."""
        for table in self.tables:
            if table.kind == kind:
                return table
        return None

    def tables_of(self, kind: TableKind) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if t.kind == kind)

    def money(self, amount: Decimal | int | str) -> Money:
        return Money(Decimal(amount), self.unit.money_unit)

    @property
    def text(self) -> str:
        return "\n".join(f"{s.heading}\n{s.text}" for s in self.sections)
