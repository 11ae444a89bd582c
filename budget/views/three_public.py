"""The 三公经费 page: table figures next to what the narrative says about them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from budget.checks import QUOTE_MOST, CheckReport, Finding
from budget.checks.amounts import finer
from budget.checks.quotes import Quote
from budget.checks.text import Passage, passage
from budget.economic import derived_public_with_project
from budget.model import Disclosure, Money, TableKind
from budget.views.check import findings_at, ran, verdict
from budget.views.messages import message, units
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
class TextAgainstTable:
    """A table figure next to what the narrative says about it, judged by the check."""

    # 项目, 表内金额, 说明中金额, 核对 (the check's verdict), 检查说明 (its message), 容差 (labels)
    # + table, quoted, tolerance (Money) columns
    frame: pd.DataFrame
    sentence: str | None  # the narrative sentence the figures come from
    extra: tuple[Quote, ...]  # quoted items that match no table figure


# The rules that judge a quoted figure of each comparison (a wrong unit is TEXT-UNIT's).
THREE_PUBLIC_RULES = ("TEXT-3PUB", "TEXT-UNIT")
RUNNING_RULES = ("TEXT-RUNNING", "TEXT-UNIT")


def _at_quote(q: Quote) -> Callable[[Finding], bool]:
    """A text finding about this quoted figure: its sentence, the figure marked in it."""

    def where(f: Finding) -> bool:
        loc = f.location
        if loc.section_index != q.section_index:
            return False
        if loc.quote == q.sentence:
            return loc.mark == (q.start, q.end)
        # a sentence the engine shortened to a window around the figure (budget.checks.QUOTE_MOST)
        return len(q.sentence) > QUOTE_MOST and f.params.get("stated") == q.printed

    return where


def _said(finding: Finding | None, tolerance: Money | None, lang: str = "zh") -> str:
    """The check's message on the figure (in ``lang``), with the rounding tolerance it allowed."""
    if finding is None:
        return ""
    if lang == "en":
        return message(finding, lang) + (f" (tolerance ±{units(tolerance.format(), lang)})" if tolerance else "")
    return finding.message + (f"（容差 ±{tolerance.format()}）" if tolerance is not None else "")


def _rounds_to(table: Money, quoted: Money | None) -> bool:
    """The table figure, rounded as the narrative prints its own, is the quoted one."""
    if quoted is None:
        return False
    exponent = quoted.amount.as_tuple().exponent
    if not isinstance(exponent, int):  # not a finite figure
        return False
    return table.to(quoted.unit).amount.quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP) == quoted.amount


def _compare_row(
    label: str,
    table: Money | None,
    quoted: Quote | None,
    report: CheckReport,
    rules: tuple[str, ...],
    bound: bool = False,
    lang: str = "zh",
) -> dict:
    """One row: the figures and the check's verdict on them (never the page's own).
    ``bound``: the table figure is an upper bound the check holds the quote to (机关运行经费
    within the basic table's 公用经费), so a smaller figure reads 未超过, not 一致."""
    amount = quoted.amount if quoted is not None else None
    finding = None
    if table is not None and quoted is not None:
        found = findings_at(report, rules, _at_quote(quoted))
        finding = found[0] if found else None
        status = verdict(finding) if ran(report, rules[0]) else "未核对"
        differs = amount is not None and amount.to(table.unit).amount != table.amount
        if status == "一致" and bound and differs and not _rounds_to(table, amount):
            status = "未超过"
        elif status == "一致" and differs:
            # the check found them in agreement within rounding (the narrative's 80.77 万元
            # for the table's 807,650.00 元): say the figures were rounded
            status = "一致（四舍五入）"
    elif quoted is None:
        status = "说明未提及"
    else:
        status = "表中未列示"
    tolerance = finding.params.get("tolerance") if finding is not None else None
    within = None
    if isinstance(tolerance, Decimal) and table is not None and amount is not None:
        # the engine compares in the finer of the two units (budget.checks.amounts.compare)
        within = Money(tolerance, finer([table.unit, amount.unit]))
    return {
        "项目": label,
        "table": table,
        "quoted": amount,
        "tolerance": within,
        "表内金额": money_label(table),
        "说明中金额": money_label(amount),
        "核对": status,
        "检查说明": _said(finding, within, lang),
        "容差": f"±{within.format()}" if within is not None else "",
    }


def three_public_comparison(d: Disclosure, report: CheckReport, lang: str = "zh") -> TextAgainstTable:
    """The 三公 items as in the table, next to the figures quoted in the narrative, with
    what the check (TEXT-3PUB, run with the parse) says of each (in ``lang``)."""
    tp = d.three_public
    said = passage(d, "TEXT-3PUB")
    quoted: dict[str, Quote] = {}
    extra: list[Quote] = []
    for key, q in said.quotes:
        if key is None:
            extra.append(q)
        else:
            quoted.setdefault(_BOOK_KEYS.get(key, key), q)
    # The narrative may state the two vehicle items and not their sum (重庆's "公务用车运行维护费
    # 112.00万元，公务用车购置费0万元"): the combined line is then stated by its parts, each
    # compared on its own row, not left out of the narrative.
    by_parts = "vehicles" not in quoted and {"vehicle_purchase", "vehicle_operation"} <= quoted.keys()
    rows = []
    for key, label in THREE_PUBLIC_ITEMS:
        row = _compare_row(
            label, getattr(tp, key) if tp else None, quoted.get(key), report, THREE_PUBLIC_RULES, lang=lang
        )
        if key == "vehicles" and by_parts and row["核对"] == "说明未提及":
            row["核对"] = "说明列分项"
        rows.append(row)
    return TextAgainstTable(_comparison_frame(rows), _passage_text(said), tuple(extra))


def _passage_text(said: Passage) -> str | None:
    return "\n".join(said.paragraphs) if said.paragraphs else None


def _comparison_frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["项目", "table", "quoted", "tolerance", "表内金额", "说明中金额", "核对", "检查说明", "容差"]
    return pd.DataFrame(rows, columns=columns)


def running_costs_comparison(d: Disclosure, report: CheckReport, lang: str = "zh") -> TextAgainstTable:
    """机关运行经费 and its items as quoted in the narrative, next to table figures:
    the total against the 三公 table's 机关运行经费 (when printed) or the basic table's
    公用经费; each item against the economic 款 of the same name."""
    said = passage(d, "TEXT-RUNNING")
    total = next((q for key, q in said.quotes if key == "running_costs"), None)
    economic = d.table(TableKind.BASIC_ECONOMIC)
    economic_total = economic.total_line() if economic else None
    table_total: Money | None
    printed = d.three_public.running_costs if d.three_public else None
    bound = printed is None
    if printed is not None:
        table_total, total_label = printed, "机关运行经费（三公经费表）"
    elif economic_total is not None and "public" in economic_total.values:
        table_total = economic_total.public
        total_label = "机关运行经费（不超过基本支出表公用经费）"
    else:
        # no 公用经费 column (深圳): the limit TEXT-RUNNING compares with, from the codes
        table_total = derived_public_with_project(d)
        total_label = "机关运行经费（不超过按经济分类推算的上限）"
    rows = [_compare_row(total_label, table_total, total, report, RUNNING_RULES, bound=bound, lang=lang)]
    by_name = {squash(line.name): line for line in d.economic if line.code}
    extra = []
    for key, q in said.quotes:
        line = by_name.get(squash(q.label)) if key == "economic" else None
        if line is None:
            if q is not total:
                extra.append(q)
            continue
        figure = line.public if line.public is not None else line.total
        rows.append(_compare_row(f"{line.code} {line.name}", figure, q, report, RUNNING_RULES, lang=lang))
    for q in extra:
        rows.append(_compare_row(q.label, None, q, report, RUNNING_RULES, lang=lang))
    return TextAgainstTable(_comparison_frame(rows), _passage_text(said), tuple(extra))
