"""What a table is (its title, its header words) and what each column holds."""

from __future__ import annotations

from budget.model import TableKind
from loaders.recognize.text import squash

# ---------------------------------------------------------------- classification

_TITLE_RULES: tuple[tuple[TableKind, tuple[str, ...], tuple[str, ...]], ...] = (
    # kind, all of these words, none of these words (titles are squashed first)
    (TableKind.THREE_PUBLIC, ("三公",), ()),
    (TableKind.PERFORMANCE, ("绩效目标",), ()),
    (TableKind.PROCUREMENT, ("政府采购",), ()),
    (TableKind.ASSETS, ("资产",), ()),
    (TableKind.ORGANISATION, ("机构设置",), ()),
    (TableKind.FISCAL_SUMMARY, ("财政拨款收支",), ()),
    (TableKind.SUMMARY, ("收支",), ()),
    (TableKind.BASIC_ECONOMIC, ("基本支出",), ("项目",)),
    (TableKind.GOV_FUND, ("基金",), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营",), ()),
    (TableKind.GENERAL_PUBLIC, ("一般公共预算",), ()),
    (TableKind.INCOME, ("收入",), ()),
    (TableKind.EXPENDITURE, ("支出",), ()),
)


def classify_title(title: str) -> TableKind | None:
    words = squash(title)
    if not words:
        return None
    for kind, required, excluded in _TITLE_RULES:
        if all(w in words for w in required) and not any(w in words for w in excluded):
            return kind
    return None


def classify_header(labels: list[str]) -> TableKind | None:
    joined = "|".join(squash(label) for label in labels)
    if "一级指标" in joined or "绩效目标" in joined:
        return TableKind.PERFORMANCE
    if "单位性质" in joined or "经费保障形式" in joined:
        return TableKind.ORGANISATION
    if "采购" in joined and "数量" in joined:
        return TableKind.PROCUREMENT
    if "因公出国" in joined or "公务接待" in joined:
        return TableKind.THREE_PUBLIC
    if "人员经费" in joined and "公用经费" in joined and "经济分类" in joined:
        return TableKind.BASIC_ECONOMIC
    return None


# Header word -> canonical column key; the most specific word of a column label wins.
_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("上年结转", "carried_in"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("经营支出", "operating_expense"),
    ("上缴上级", "to_superior"),
    ("上解上级", "to_superior"),
    ("对附属单位", "to_subsidiary"),
    ("财政专户", "special_account"),
    ("财政拨款", "appropriation"),
    ("经营收入", "operating"),
    ("事业收入", "business"),
    ("上级补助", "superior_grant"),
    ("附属单位上缴", "subsidiary"),
    ("其他收入", "other"),
    ("一般公共预算", "general_public"),
    ("政府性基金", "gov_fund"),
    ("基金预算", "gov_fund"),
    ("国有资本经营", "state_capital"),
    ("小计", "current"),
    ("合计", "total"),
    ("预算数", "amount"),
    ("金额", "amount"),
)


def column_key(label: str, kind: TableKind) -> str | None:
    """The canonical key of a money column, from the label's last (most specific) part."""
    parts = [squash(p) for p in label.split("/") if p]
    for part in reversed(parts):
        for word, key in _COLUMN_WORDS:
            if word in part:
                if key == "appropriation" and kind != TableKind.INCOME:
                    continue  # "一般公共预算财政拨款" in other tables is the fund column
                if key == "current" and kind != TableKind.INCOME:
                    key = "total"
                return key
    return None


def is_code_label(label: str) -> bool:
    last = squash(label.split("/")[-1])
    return "编码" in last or "代码" in last or last in {"类", "款", "项", "科目编码"}


def is_name_label(label: str) -> bool:
    last = squash(label.split("/")[-1])
    return "名称" in last or last in {"项目", "科目"}


def is_total_name(text: str) -> bool:
    words = squash(text)
    return "合计" in words or "总计" in words
