"""The 语料库 page: frames from the corpus queries' results (budget.application.corpus_queries).

Pure Python. Amounts arrive as exact Decimals in 万元 (the corpus's unit) and leave in
the page's display unit (元 / 万元 / 亿元), converted exactly and still Decimal (the table
sorts them as numbers, the downloads write them exactly); shares and changes are computed
here from the exact amounts, and floats appear only as chart geometry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from collections.abc import Sequence

import pandas as pd

from budget.model import Disclosure, Money, MoneyUnit
from budget.vocabulary import share
from budget.views.compare import headline_amounts
from budget.views.display import DEFAULT_UNIT, DisplayUnit, in_unit

CORPUS_UNIT = MoneyUnit.WAN_YUAN  # every amount the corpus queries return

MEASURE_LABELS: dict[str, str] = {
    "expenditure_total": "支出总计",
    "income_total": "收入总计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "three_public": "“三公”经费",
    "overseas": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
    "running_costs": "机关运行经费",
    "procurement": "政府采购",
}
BASIS_CHOICES: dict[str, str] = {
    "amount": "金额",
    "share": "占支出总计",
    "change": "较上年增减额",
    "rate": "较上年增减率",
}
SEVERITY_LABELS = {"errors": "错误", "warnings": "警告", "infos": "提示"}
# Cells whose words are ours (translated on screen), not the document's.
WORD_COLUMNS = ("预算/决算", "类型", "原文金额单位", "项目")


def basis_label(basis: str, unit: DisplayUnit = DEFAULT_UNIT) -> str:
    """The header and axis title of a ranking's figure ("金额（万元）", "占本单位支出总计")."""
    return {
        "amount": f"金额（{unit}）",
        "share": "占本单位支出总计",
        "change": f"较上年增减额（{unit}）",
        "rate": "较上年增减率",
    }[basis]


def unit_columns(unit: DisplayUnit = DEFAULT_UNIT) -> tuple[tuple[str, str], ...]:
    """The table of units: (query column, header) in reading order."""
    return (
        ("unit_name", "单位"),
        ("year", "年度"),
        ("stage", "预算/决算"),
        ("kind", "类型"),
        ("region", "地区"),
        *((m, f"{MEASURE_LABELS[m]}（{unit}）") for m in MEASURE_LABELS),
        *SEVERITY_LABELS.items(),
        ("money_unit", "原文金额单位"),
        ("name", "文件"),
    )


# What the table can be sorted by (the sort picker's words: no unit, it changes nothing).
SORT_LABELS: dict[str, str] = {column: MEASURE_LABELS.get(column, header) for column, header in unit_columns()}


def shown(value: Decimal | None, unit: DisplayUnit) -> Decimal | None:
    """An exact corpus amount (万元) in the display unit, still exact."""
    return None if value is None else in_unit(Money(value, CORPUS_UNIT), unit)


def _decimal(value) -> Decimal | None:
    """A Decimal from a query cell, with as many decimals as the exact value needs and at
    least two (DECIMAL(38,10) "1452.2100000000" -> 1452.21, 950.1164 stays); None for
    NULL (not reported)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        return None
    normal = number.normalize()
    return normal if int(normal.as_tuple().exponent) < -2 else number.quantize(Decimal("0.01"))


def _rounded(value: Decimal | None, places: str = "0.01") -> Decimal | None:
    return None if value is None else value.quantize(Decimal(places), ROUND_HALF_UP)


def _percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None:
        return None
    return share(Money(part, CORPUS_UNIT), Money(whole, CORPUS_UNIT))  # a ratio: any one unit


def _rate(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    if value is None or previous is None or previous == 0:
        return None
    try:
        return ((value - previous) / previous * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    except InvalidOperation:
        return None


def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


# ---------------------------------------------------------------- the table of units


def units_frame(rows: pd.DataFrame, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """The table of units as shown: Chinese headers, amounts as exact Decimals in the
    display unit, finding counts as integers, a blank figure as None."""
    out = pd.DataFrame(index=rows.index)
    for column, header in unit_columns(unit):
        values = rows[column] if column in rows.columns else pd.Series([None] * len(rows), index=rows.index)
        if column in MEASURE_LABELS:
            out[header] = [_decimal(shown(_decimal(v), unit)) for v in values]
        elif column == "year":
            out[header] = pd.array([_year(v) for v in values], dtype="Int64")
        elif column in SEVERITY_LABELS:
            out[header] = pd.array([int(v) if v is not None and not pd.isna(v) else 0 for v in values], dtype="Int64")
        else:
            out[header] = [None if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in values]
    return out.reset_index(drop=True)


# ---------------------------------------------------------------- rankings


def metric_value(basis: str, amount: Decimal | None, whole: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """The figure a ranking shows, exactly: the amount, its share of 支出总计 (percent,
    0.1), the change on last year (万元) or the change rate (percent, 0.1)."""
    if basis == "amount":
        return amount
    if basis == "share":
        return _percent(amount, whole)
    if basis == "change":
        return None if amount is None or previous is None else amount - previous
    if basis == "rate":
        return _rate(amount, previous)
    raise ValueError(f"unknown basis {basis!r}")


def ranking_frame(rows: pd.DataFrame, basis: str, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """Ranked rows: 名次, 单位, 年度, 预算/决算, 地区, the metric, and the exact figures
    behind it (this year, 支出总计, last year)."""
    frame = pd.DataFrame(
        {
            "名次": range(1, len(rows) + 1),
            "单位": [str(v) for v in rows["unit_name"]],
            "年度": pd.array([_year(v) for v in rows["year"]], dtype="Int64"),
            "预算/决算": list(rows["stage"]),
            "地区": [None if v is None else str(v) for v in rows["region"]],
        }
    )
    amounts = [_decimal(shown(_decimal(v), unit)) for v in rows["amount"]]
    wholes = [_decimal(shown(_decimal(v), unit)) for v in rows["whole"]]
    previous = [_decimal(shown(_decimal(v), unit)) for v in rows["previous"]]
    frame[basis_label(basis, unit)] = [
        metric_value(basis, a, w, p) for a, w, p in zip(amounts, wholes, previous, strict=True)
    ]
    if basis != "amount":
        frame[f"本年（{unit}）"] = amounts
    if basis == "share":
        frame[f"支出总计（{unit}）"] = wholes
    if basis in ("change", "rate"):
        frame[f"上年（{unit}）"] = previous
    return frame


def chart_label(unit_name: str, year, stage: str) -> str:
    return f"{unit_name}（{_year(year) or '年度不详'}{stage}）"


def ranking_bars(rows: pd.DataFrame, basis: str, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """Bars for the ranking chart: label, value (float: bar length only), text (two decimals)."""
    frame = ranking_frame(rows, basis, unit)
    column = basis_label(basis, unit)
    labels = [chart_label(n, y, s) for n, y, s in zip(rows["unit_name"], rows["year"], rows["stage"], strict=True)]
    return pd.DataFrame(
        {
            "label": labels,
            "value": [float(v) if v is not None else 0.0 for v in frame[column]],
            "text": [metric_text(basis, v) for v in frame[column]],
        }
    )


def metric_text(basis: str, value: Decimal | None) -> str:
    if value is None:
        return "—"
    if basis in ("share", "rate"):
        return f"{value:+.1f}%" if basis == "rate" else f"{value:.1f}%"
    rounded = _rounded(value)
    assert rounded is not None
    return f"{rounded:+,.2f}" if basis == "change" else f"{rounded:,.2f}"


def histogram_frame(bins: pd.DataFrame, basis: str, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """The distribution's bins (bar geometry in the display unit) with a readable range."""
    percent = basis in ("share", "rate")
    scale = 1.0 if percent else float(in_unit(Money(Decimal(1), CORPUS_UNIT), unit))
    suffix = "%" if percent else f" {unit}"
    low, high = bins["low"].astype(float) * scale, bins["high"].astype(float) * scale
    return pd.DataFrame(
        {
            "low": low,
            "high": high,
            "units": bins["units"].astype(int),
            "label": [f"{lo:,.2f}–{hi:,.2f}{suffix}" for lo, hi in zip(low, high, strict=True)],
        }
    )


# ---------------------------------------------------------------- a draft against the corpus


@dataclass(frozen=True)
class Draft:
    """A document of this session, as the corpus queries compare it (never stored)."""

    name: str
    unit_name: str
    year: int | None
    stage: str
    amounts: dict[str, Money | None]  # every headline figure in its printed unit

    def amount(self, measure: str) -> Decimal | None:
        """The figure in the corpus's unit (万元), as the corpus queries compare it."""
        money = self.amounts.get(measure)
        return None if money is None else money.to(CORPUS_UNIT).amount


def draft_of(name: str, d: Disclosure, stage: str, running_costs: Money | None) -> Draft:
    amounts = headline_amounts(d)
    amounts["running_costs"] = running_costs
    return Draft(name, d.unit.name, d.unit.year, stage, amounts)


def draft_metric(draft: Draft, measure: str, basis: str, previous: Decimal | None) -> Decimal | None:
    return metric_value(basis, draft.amount(measure), draft.amount("expenditure_total"), previous)


@dataclass(frozen=True)
class Standing:
    """Where a draft's figure stands among the matching corpus units (for one sentence)."""

    name: str
    value: str  # the draft's figure as shown ("" when it has none)
    total: int = 0
    place: int = 0
    below: int = 0
    above: int = 0
    median: str = "—"


def standing_of(
    draft: Draft, basis: str, value: Decimal | None, standing: dict, unit: DisplayUnit = DEFAULT_UNIT
) -> Standing:
    """The draft's figure (``value`` in 万元, or a percent) and its place, in the display unit."""
    if value is None:
        return Standing(draft.name, "")
    percent = basis in ("share", "rate")
    total = int(standing["total"])
    median = standing["median"]
    median_value = None if median is None or pd.isna(median) else Decimal(str(round(median, 4)))
    if not percent:
        value, median_value = shown(value, unit), shown(median_value, unit)
    above = int(standing["above"]) if total else 0
    return Standing(
        draft.name,
        metric_text(basis, value),
        total,
        above + 1,
        int(standing["below"]) if total else 0,
        above,
        "—" if median_value is None else metric_text(basis, median_value),
    )


def draft_frame(draft: Draft, standings: pd.DataFrame, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """Each headline figure of a draft next to the corpus: its share of the draft's
    支出总计, how many comparable units, its place among them and their median."""
    by_measure = {row["measure"]: row for row in standings.to_dict("records")}
    records = []
    for m, label in MEASURE_LABELS.items():
        value = draft.amount(m)
        if value is None:
            continue
        standing = by_measure.get(m)
        total = standing["total"] if standing else 0
        records.append(
            {
                "项目": label,
                f"本文档（{unit}）": _decimal(shown(value, unit)),
                "占本单位支出总计": _percent(value, draft.amount("expenditure_total")),
                "可比单位数": total,
                "名次（从高到低）": f"{standing['above'] + 1} / {total + 1}" if standing and total else "—",
                f"语料库中位数（{unit}）": _decimal(shown(_decimal(standing["median"]), unit))
                if standing and total
                else None,
            }
        )
    return pd.DataFrame(records)


# ---------------------------------------------------------------- search


def hit_parts(sentence: str, text: str, width: int = 24) -> tuple[str, str, str]:
    """(before, the match, after) of the first occurrence of ``text`` in a sentence,
    whitespace inside the match ignored as the index ignores it; the context cut to
    ``width`` characters each side. Plain text: the page shows the parts in table
    cells, never as markup."""
    squashed = "".join(text.split())
    pattern = r"\s*".join(re.escape(c) for c in squashed)
    match = re.search(pattern, sentence) if squashed else None
    if match is None:
        return sentence[:width], "", ""
    before, found, after = sentence[: match.start()], match.group(0), sentence[match.end() :]
    if len(before) > width:
        before = "…" + before[-width:]
    if len(after) > width:
        after = after[:width] + "…"
    return before, found, after


def search_frame(rows: pd.DataFrame, text: str) -> pd.DataFrame:
    """Hits as a concordance: 前文 | 命中 | 后文 first (the match lines up in one column),
    then where the sentence is."""
    parts = [hit_parts(str(s), text) for s in rows["sentence"]]
    return pd.DataFrame(
        {
            "前文": [p[0] for p in parts],
            "命中": [p[1] for p in parts],
            "后文": [p[2] for p in parts],
            "单位": [str(v) for v in rows["unit_name"]],
            "年度": pd.array([_year(v) for v in rows["year"]], dtype="Int64"),
            "预算/决算": list(rows["stage"]),
            "章节": [str(v) if v is not None else "" for v in rows["section"]],
        }
    )


# ---------------------------------------------------------------- a unit over time


TIMELINE_LABELS = {
    "three_public": "“三公”经费",
    "overseas": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "reception": "公务接待费",
}


@dataclass(frozen=True)
class Timeline:
    classes: pd.DataFrame  # year, stage, series (类 label), amount (Decimal), value (float)
    three_public: pd.DataFrame
    years: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return self.classes.empty and self.three_public.empty


def timeline(rows: pd.DataFrame, stage: str, unit: DisplayUnit = DEFAULT_UNIT) -> Timeline:
    """The rows of one unit for one stage, split into its 类 lines and its 三公 lines."""
    rows = rows[rows["stage"] == stage]

    def part(family: str) -> pd.DataFrame:
        chosen = rows[rows["family"] == family]
        if family == "class":
            labels = [f"{c} {n}" for c, n in zip(chosen["series"], chosen["name"], strict=True)]
        else:
            labels = [TIMELINE_LABELS.get(str(s), str(s)) for s in chosen["series"]]
        amounts = [_decimal(shown(_decimal(v), unit)) for v in chosen["amount"]]
        return pd.DataFrame(
            {
                "year": [int(y) for y in chosen["year"]],
                "series": labels,
                "amount": amounts,
                "value": [float(a) if a is not None else None for a in amounts],
                "text": [metric_text("amount", a) for a in amounts],
            }
        )

    years = tuple(sorted({int(y) for y in rows["year"]}))
    three = part("three_public")
    order = {label: i for i, label in enumerate(TIMELINE_LABELS.values())}
    three = three.sort_values(["series", "year"], key=lambda c: c.map(order) if c.name == "series" else c)
    return Timeline(part("class"), three.reset_index(drop=True), years)


def timeline_table(t: Timeline, unit: DisplayUnit = DEFAULT_UNIT) -> pd.DataFrame:
    """One row per series, one column per year (exact, in the unit the timeline was made in)."""
    frames = [t.three_public, t.classes]
    long = (
        pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(not f.empty for f in frames) else None
    )
    if long is None:
        return pd.DataFrame(columns=["项目"])
    order = list(dict.fromkeys(long["series"]))
    table = pd.DataFrame({"项目": order})
    for year in t.years:
        by_series = {s: a for s, y, a in zip(long["series"], long["year"], long["amount"], strict=True) if y == year}
        table[f"{year}年（{unit}）"] = [by_series.get(s) for s in order]
    return table


# ---------------------------------------------------------------- 预算 against 决算


def stages_frame(
    rows: pd.DataFrame, unit: DisplayUnit = DEFAULT_UNIT, measures: Sequence[str] = tuple(MEASURE_LABELS)
) -> pd.DataFrame | None:
    """Each headline figure of one unit and year: 预算, 决算, 决算 − 预算, 决算 / 预算 (%)."""
    by_stage = dict(zip(rows["stage"], rows.to_dict("records"), strict=True))
    if "预算" not in by_stage or "决算" not in by_stage:
        return None
    budget, final = by_stage["预算"], by_stage["决算"]
    records = []
    for m in measures:
        b, f = _decimal(shown(_decimal(budget.get(m)), unit)), _decimal(shown(_decimal(final.get(m)), unit))
        if b is None and f is None:
            continue
        records.append(
            {
                "项目": MEASURE_LABELS[m],
                f"预算（{unit}）": b,
                f"决算（{unit}）": f,
                f"决算−预算（{unit}）": None if b is None or f is None else f - b,
                "决算/预算": _percent(f, b),
            }
        )
    return pd.DataFrame(records)
