"""Several disclosures side by side: frames for the 对比 page and its downloads.

Pure Python (no Streamlit). Every amount is converted exactly (``Money.to``, Decimal
division by 10,000) to 万元, so a 元 document and a 万元 document line up; the page
shows them in its display unit with two decimals, the export keeps every decimal;
nothing goes through float except bar lengths. When the two documents are the
same unit in two years, the change is computed exactly and rounded only for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Sequence

import pandas as pd

from budget.views.display import DEFAULT_UNIT, DisplayUnit, figure, geometry
from budget.views.overview import by_class, overview
from budget.model import Disclosure, Money, MoneyUnit
from budget.vocabulary import squash

DISPLAY_UNIT = MoneyUnit.WAN_YUAN

# (key, label) of the headline rows, in reading order.
HEADLINE_ITEMS: tuple[tuple[str, str], ...] = (
    ("income_total", "收入总计"),
    ("expenditure_total", "支出总计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
    ("three_public", "“三公”经费"),
    ("overseas", "　因公出国（境）费"),
    ("vehicles", "　公务用车购置及运行费"),
    ("vehicle_purchase", "　　其中：公务用车购置费"),
    ("vehicle_operation", "　　其中：公务用车运行维护费"),
    ("reception", "　公务接待费"),
    ("procurement", "政府采购"),
)

# The overview's headline labels for the keys it computes (one reading of each figure).
_OVERVIEW_LABELS = {
    "income_total": "收入总计",
    "expenditure_total": "支出总计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "three_public": "“三公”经费",
    "procurement": "政府采购",
}
_THREE_PUBLIC_KEYS = ("overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")

# Row-label columns. Not "项目"/"科目名称": components.tables widens those, and the
# document columns (long unit names) need the room to fit side by side.
ITEM = ""  # the headline and documents tables: a blank corner, like a spreadsheet
CLASS_CODE, CLASS_NAME = "科目编码", "功能分类"

CHANGE = "change"  # column of the amounts frame: later − earlier (Money | None)
RATE = "rate"  # column of the amounts frame: change / earlier in percent (Decimal | None)


Entry = tuple[str, Disclosure]  # (file name, parsed disclosure)


# ---------------------------------------------------------------- which documents


@dataclass(frozen=True)
class YearChange:
    """Two disclosures of one unit in two years: the change is later − earlier."""

    unit_name: str
    earlier: str  # column label of the earlier document
    later: str
    earlier_year: int
    later_year: int

    @property
    def caption(self) -> str:
        return (
            f"两份文档同为“{self.unit_name}”：增减额 = {self.later_year}年 − {self.earlier_year}年，"
            f"增减率以较早的 {self.earlier_year}年 为基数。"
        )


def _same_name(a: str, b: str) -> bool:
    return squash(a) == squash(b)


def _is_year_pair(entries: Sequence[Entry]) -> bool:
    if len(entries) != 2:
        return False
    (_, a), (_, b) = entries
    return (
        _same_name(a.unit.name, b.unit.name)
        and a.unit.year is not None
        and b.unit.year is not None
        and a.unit.year != b.unit.year
    )


def ordered(entries: Sequence[Entry]) -> list[Entry]:
    """The documents in display order: as loaded, except a same-unit pair earlier first."""
    entries = list(entries)
    if _is_year_pair(entries):
        entries.sort(key=lambda e: e[1].unit.year or 0)  # a year pair has both years
    return entries


def labels(entries: Sequence[Entry]) -> list[str]:
    """One column label per document: "unit name 2024年" ("2024年" alone when every
    document is of the same unit), the file name added when two documents would
    otherwise share a label (the .docx and .pdf of one budget)."""
    one_unit = all(_same_name(d.unit.name, entries[0][1].unit.name) for _, d in entries)

    def of(d: Disclosure) -> str:
        year = f"{d.unit.year}年" if d.unit.year else "年度不详"
        return year if one_unit else f"{d.unit.name} {year}"

    base = [of(d) for _, d in entries]
    out = []
    for label, (name, _) in zip(base, entries, strict=False):
        out.append(f"{label}（{name}）" if base.count(label) > 1 else label)
    # Identical file names too: number them so every column is distinct.
    return [f"{label} #{i + 1}" if out.count(label) > 1 else label for i, label in enumerate(out)]


def year_change(entries: Sequence[Entry]) -> YearChange | None:
    entries = ordered(entries)
    if not _is_year_pair(entries):
        return None
    (_, early), (_, late) = entries
    first, second = labels(entries)
    return YearChange(early.unit.name, first, second, early.unit.year or 0, late.unit.year or 0)


# ---------------------------------------------------------------- amounts


def converted(money: Money | None) -> Money | None:
    """The amount in the display unit, exactly (None stays None: not reported)."""
    return None if money is None else money.to(DISPLAY_UNIT)


def amount_text(money: Money | None, unit: DisplayUnit = DEFAULT_UNIT) -> str:
    """Display text: two decimals in the page's display unit; "—" when not reported."""
    return figure(money, unit, with_unit=False)


def exact_text(money: Money | None) -> str:
    """The exact converted figure, every decimal kept (9,501,164 元 -> "950.1164 万元")."""
    if money is None:
        return "—"
    value = money.amount.normalize()
    places = max(2, -int(value.as_tuple().exponent))
    return money.format(places=places)


def rate_text(rate: Decimal | None) -> str:
    if rate is None:
        return "—"
    rounded = rate.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{rounded:+.2f}%" if rounded else "0.00%"


def headline_amounts(d: Disclosure) -> dict[str, Money | None]:
    """The headline figures of one disclosure by key, in the document's own units."""
    # Figures the document prints: 人员 / 公用 worked out from the codes are the 总览's and
    # 基本与项目's, said there; a comparison row has no room to say so.
    headlines = {h.label: (None if h.derived else h.amount) for h in overview(d).headlines}
    amounts = {key: headlines[label] for key, label in _OVERVIEW_LABELS.items()}
    for key in _THREE_PUBLIC_KEYS:
        amounts[key] = getattr(d.three_public, key) if d.three_public else None
    return amounts


@dataclass(frozen=True)
class SideBySide:
    """Rows of figures, one column per document (all in ``DISPLAY_UNIT``).

    ``amounts`` has the row columns (``ITEM``, or ``CLASS_CODE`` and ``CLASS_NAME``), one
    ``Money | None`` column per document label and, for a year pair, ``change`` (Money)
    and ``rate`` (Decimal percent, exact). ``frame`` is the same as display text.
    """

    amounts: pd.DataFrame
    row_columns: tuple[str, ...]
    documents: tuple[str, ...]
    change: YearChange | None

    @property
    def frame(self) -> pd.DataFrame:
        return self.shown(DEFAULT_UNIT)

    def shown(self, unit: DisplayUnit) -> pd.DataFrame:
        """The figures as text, two decimals in ``unit``."""
        out = self.amounts[list(self.row_columns)].copy()
        for label in self.documents:
            out[f"{label}（{unit}）"] = [amount_text(m, unit) for m in self.amounts[label]]
        if self.change is not None:
            out[f"增减额（{unit}）"] = [_signed(m, unit) for m in self.amounts[CHANGE]]
            out["增减率"] = [rate_text(r) for r in self.amounts[RATE]]
        return out


def _signed(money: Money | None, unit: DisplayUnit) -> str:
    text = amount_text(money, unit)
    return f"+{text}" if money is not None and money.amount > 0 else text


def _with_change(rows: list[dict], change: YearChange | None) -> None:
    if change is None:
        return
    for row in rows:
        early, late = row[change.earlier], row[change.later]
        difference = None if early is None or late is None else late - early
        row[CHANGE] = difference
        row[RATE] = None if difference is None or early.amount == 0 else difference.amount / early.amount * 100


def _side_by_side(
    rows: list[dict], row_columns: tuple[str, ...], documents: list[str], change: YearChange | None
) -> SideBySide:
    _with_change(rows, change)
    columns = [*row_columns, *documents] + ([CHANGE, RATE] if change else [])
    return SideBySide(pd.DataFrame(rows, columns=columns), row_columns, tuple(documents), change)


def headline_table(entries: Sequence[Entry]) -> SideBySide:
    """收入总计 … 政府采购 (with the 三公 items), one column per document, in 万元."""
    entries = ordered(entries)
    documents = labels(entries)
    figures = [headline_amounts(d) for _, d in entries]
    rows = []
    for key, label in HEADLINE_ITEMS:
        row: dict = {ITEM: label}
        for document, amounts in zip(documents, figures, strict=False):
            row[document] = converted(amounts[key])
        rows.append(row)
    return _side_by_side(rows, (ITEM,), documents, year_change(entries))


def class_table(entries: Sequence[Entry]) -> SideBySide:
    """Functional 类 totals matched by code (names as printed, from the first document
    that has the 类), ordered by code; a 类 a document does not have is blank there."""
    entries = ordered(entries)
    documents = labels(entries)
    names: dict[str, str] = {}
    totals: dict[str, dict[str, Money | None]] = {}
    for document, (_, d) in zip(documents, entries, strict=False):
        for row in by_class(d).itertuples(index=False):
            names.setdefault(row.code, row.name)
            totals.setdefault(row.code, {})[document] = converted(row.total)
    rows = []
    for code in sorted(names):
        cells: dict = {CLASS_CODE: code, CLASS_NAME: names[code]}
        for document in documents:
            cells[document] = totals[code].get(document)
        rows.append(cells)
    return _side_by_side(rows, (CLASS_CODE, CLASS_NAME), documents, year_change(entries))


def documents_frame(entries: Sequence[Entry]) -> pd.DataFrame:
    """Who and what each document is: one column per document."""
    entries = ordered(entries)
    rows = {
        "单位": [d.unit.name for _, d in entries],
        "年度": [f"{d.unit.year}年" if d.unit.year else "未识别" for _, d in entries],
        "预算类型": [f"{d.unit.kind}预算" for _, d in entries],
        "金额单位（原文）": [str(d.unit.money_unit) for _, d in entries],
        "文件": [name for name, _ in entries],
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=labels(entries))
    return frame.rename_axis(ITEM).reset_index()


def class_bar_frame(classes: SideBySide, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """Long form for a grouped bar chart: series (document), category (类), value
    (float, geometry only), label (two decimals in ``unit``) and exact (every decimal)."""
    rows = []
    for record in classes.amounts.to_dict("records"):
        for document in classes.documents:
            money = record[document]
            rows.append(
                {
                    "series": document,
                    "category": record[CLASS_NAME],
                    "value": geometry(money, unit),
                    "label": amount_text(money, unit) if money is not None else "",
                    "exact": exact_text(money) if money is not None else "",
                }
            )
    return pd.DataFrame(rows, columns=["series", "category", "value", "label", "exact"])


def export_frame(headlines: SideBySide, classes: SideBySide) -> pd.DataFrame:
    """Both tables in one sheet for CSV/XLSX: amounts as exact Decimals in 万元."""
    parts = []
    for group, table in (("主要数字", headlines), ("功能分类（类）", classes)):
        frame = table.amounts.copy()
        if ITEM in frame.columns:
            frame.insert(0, CLASS_CODE, "")
        frame = frame.rename(columns={ITEM: "名称", CLASS_NAME: "名称"})
        frame.insert(0, "分组", group)
        frame["名称"] = frame["名称"].str.strip("\u3000")
        parts.append(frame)
    frame = pd.concat(parts, ignore_index=True)
    renames = {document: f"{document}（{DISPLAY_UNIT}）" for document in headlines.documents}
    if headlines.change is not None:
        renames[CHANGE] = f"增减额（{DISPLAY_UNIT}）"
        renames[RATE] = "增减率（%）"
        frame[RATE] = [None if r is None else r.quantize(Decimal("0.01"), ROUND_HALF_UP) for r in frame[RATE]]
    return frame.rename(columns=renames)
