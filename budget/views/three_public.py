"""The 三公经费 page: table figures next to what the narrative says about them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from budget.checks.amounts import compare

from budget.checks.quotes import Quote
from budget.checks.text import Passage, passage
from budget.model import Disclosure, Money, TableKind
from budget.vocabulary import money_label, squash

THREE_PUBLIC_ITEMS: tuple[tuple[str, str], ...] = (
    ("total", "“三公”经费合计"),
    ("overseas", "因公出国（境）费"),
    ("vehicles", "公务用车购置及运行（维护）费"),
    ("vehicle_purchase", "其中：公务用车购置费"),
    ("vehicle_operation", "其中：公务用车运行（维护）费"),
    ("reception", "公务接待费"),
)


# The narrative figures of the comparisons below are the ones the TEXT-3PUB and
# TEXT-RUNNING rules compare (budget.checks.text.passage): one reading for the page and
# the 发布前检查, so they never disagree on what the narrative says.
_BOOK_KEYS = {"tp_total": "total"}  # the rule's figure key -> ThreePublic field


@dataclass(frozen=True)
class Comparison:
    """A table figure next to what the narrative says about it."""

    frame: pd.DataFrame  # 项目, 表内金额, 说明中金额, 是否一致 (labels) + amount columns
    sentence: str | None  # the narrative sentence the figures come from
    extra: tuple[Quote, ...]  # quoted items that match no table figure


def _compare_row(label: str, table: Money | None, quoted: Money | None) -> dict:
    if table is not None and quoted is not None:
        # Within rounding (the narrative's 80.77 万元 for the table's 807,650.00 元) is
        # agreement, as the check counts it; the page says it was rounded.
        comparison = compare(table, quoted)
        status = "一致" if comparison.equal else "一致（四舍五入）" if comparison.rounding else "不一致"
    elif quoted is None:
        status = "说明未提及"
    else:
        status = "表中未列示"
    return {
        "项目": label,
        "table": table,
        "quoted": quoted,
        "表内金额": money_label(table),
        "说明中金额": money_label(quoted),
        "核对": status,
    }


def three_public_comparison(d: Disclosure) -> Comparison:
    """The 三公 items as in the table, next to the figures quoted in the narrative."""
    tp = d.three_public
    said = passage(d, "TEXT-3PUB")
    quoted: dict[str, Money] = {}
    extra: list[Quote] = []
    for key, q in said.quotes:
        if key is None:
            extra.append(q)
        else:
            quoted.setdefault(_BOOK_KEYS.get(key, key), q.amount)
    rows = [_compare_row(label, getattr(tp, key) if tp else None, quoted.get(key)) for key, label in THREE_PUBLIC_ITEMS]
    return Comparison(_comparison_frame(rows), _passage_text(said), tuple(extra))


def _passage_text(said: Passage) -> str | None:
    return "\n".join(said.paragraphs) if said.paragraphs else None


def _comparison_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["项目", "table", "quoted", "表内金额", "说明中金额", "核对"])


def running_costs_comparison(d: Disclosure) -> Comparison:
    """机关运行经费 and its items as quoted in the narrative, next to table figures:
    the total against the 三公 table's 机关运行经费 (when printed) or the basic table's
    公用经费; each item against the economic 款 of the same name."""
    said = passage(d, "TEXT-RUNNING")
    total = next((q for key, q in said.quotes if key == "running_costs"), None)
    economic = d.table(TableKind.BASIC_ECONOMIC)
    economic_total = economic.total_line() if economic else None
    table_total: Money | None
    if d.three_public and d.three_public.running_costs is not None:
        table_total, total_label = d.three_public.running_costs, "机关运行经费（三公经费表）"
    else:
        table_total = economic_total.public if economic_total else None
        total_label = "机关运行经费（对照基本支出表公用经费）"
    rows = [_compare_row(total_label, table_total, total.amount if total else None)]
    by_name = {squash(line.name): line for line in d.economic if line.code}
    extra = []
    for key, q in said.quotes:
        line = by_name.get(squash(q.label)) if key == "economic" else None
        if line is None:
            if q is not total:
                extra.append(q)
            continue
        figure = line.public if line.public is not None else line.total
        rows.append(_compare_row(f"{line.code} {line.name}", figure, q.amount))
    for q in extra:
        rows.append(_compare_row(q.label, None, q.amount))
    return Comparison(_comparison_frame(rows), _passage_text(said), tuple(extra))
