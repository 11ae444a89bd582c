"""What a table is (its title, its header words) and what each column holds."""

from __future__ import annotations

import functools
import re

from budget.model import TableKind
from loaders.recognize.text import is_number, squash

# ---------------------------------------------------------------- classification

# Local numbering in front of a title says nothing about the table: "预算01表", "公开02表",
# "表3", "附表1-2", "表一", "（三）" — and it must not be read as part of the title words.
# A table's local number. Arabic and Chinese numerals are separate runs, and a Chinese
# one stops before 般: in 表3一般公共预算支出表 / 表三一般… the 一 belongs to the title.
TABLE_NUMBER = re.compile(
    r"^(?:(?:预算|公开|部门|单位|收支)?\d{1,2}(?:[-－—.．]\d{1,2})?表|附?表\s*(?:\d+|[一二三四五六七八九十]+(?!般))(?:[-－—.．]\d+)?[：:、.．]?"
    r"|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])\s*"
)

_TITLE_RULES: tuple[tuple[TableKind, tuple[str, ...], tuple[str, ...]], ...] = (
    # kind, all of these words, none of these words (titles are squashed first); the
    # first rule that fits wins, so the more specific ones come first.
    (TableKind.THREE_PUBLIC, ("三公",), ()),
    (TableKind.PERFORMANCE, ("绩效",), ()),
    (TableKind.PROCUREMENT, ("政府采购",), ()),
    (TableKind.SERVICES, ("政府购买服务",), ()),
    (TableKind.ASSETS, ("资产",), ()),
    (TableKind.ORGANISATION, ("机构设置",), ()),
    (TableKind.RUNNING_COSTS, ("机关运行经费",), ()),
    # a 会议费 / 培训费 table of its own (陕西's 会议费明细表, 培训费明细表); a title naming both
    # is the second line of a 三公 title set over two ("…“三公”经费、" / "会议费、培训费表"),
    # whose header says what it is (the 支出 rule below leaves it to the header)
    # the spending of last year's funds carried over (陕西's 财政拨款上年结转资金支出表, 财拨结转支出表):
    # not this year's 财政拨款支出表 or 支出总表; "（不含上年结转）" in a title qualifies the others
    (TableKind.CARRYOVER, ("结转", "支出"), ("不含",)),
    (TableKind.MEETINGS, ("会议费",), ("培训费",)),
    (TableKind.TRAINING, ("培训费",), ("会议费",)),
    # the funds of a 财政专户 (Yunnan's 财政专户管理资金收入支出决算表): no standard table of its
    # own, and not the 收支总表 its words would make it; kept as a table not understood
    (TableKind.UNKNOWN, ("财政专户",), ()),
    (TableKind.GOV_FUND, ("政府性基金预算财政拨款",), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营预算财政拨款",), ()),
    (TableKind.GOV_FUND, ("基金", "收支"), ()),
    (TableKind.GOV_FUND, ("基金", "收入支出"), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营", "收支"), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营", "收入支出"), ()),
    # a fund's own 收入支出 table (年初结转 | 本年收入 | 本年支出 | 年末结转 by 科目, as the
    # fund tables beside it) is that fund's, not the 收支总表 or 财政拨款收支总表 of all
    (TableKind.GENERAL_PUBLIC, ("一般公共预算", "收入支出"), ("总表",)),
    (TableKind.GENERAL_PUBLIC, ("一般公共预算", "收支"), ("总表",)),
    (TableKind.FISCAL_SUMMARY, ("财政拨款收支",), ()),
    (TableKind.FISCAL_SUMMARY, ("财政拨款收入支出",), ()),
    (TableKind.SUMMARY, ("收支",), ()),
    (TableKind.SUMMARY, ("收入支出",), ()),
    # "项目" alone in a basic table's title names its items ("基本支出预算表（人员类、运转类
    # 公用经费项目）", "基本支出项目明细表"), not the 项目支出; a title naming both 基本支出 and
    # 项目支出 is read without them (see ``classify_title``)
    (TableKind.GENERAL_PUBLIC_BASIC, ("基本支出", "功能"), ("项目支出", "经济")),
    (TableKind.FISCAL_BASIC_ECONOMIC, ("财政拨款", "基本支出"), ("项目支出", "一般公共预算", "公共财政")),
    (TableKind.BASIC_ECONOMIC, ("基本支出",), ("项目支出",)),
    (TableKind.PROJECT, ("项目支出",), ()),
    (TableKind.PROJECT, ("专项业务经费",), ()),
    (TableKind.GOV_FUND, ("基金",), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营",), ()),
    (TableKind.GENERAL_PUBLIC_ECONOMIC, ("一般公共预算", "经济"), ()),
    (TableKind.GENERAL_PUBLIC_ECONOMIC, ("公共财政", "经济"), ()),
    # spending of all funds by economic class ("部门预算支出经济分类预算表", "支出总表（按经济分类）");
    # a fund's, the basic or the project spending by economic class is matched above
    (TableKind.EXPENDITURE_ECONOMIC, ("支出", "经济分类"), ("功能", "一般公共预算", "公共财政", "财政拨款", "收入")),
    (TableKind.EXPENDITURE_ECONOMIC, ("支出", "经济科目"), ("功能", "一般公共预算", "公共财政", "财政拨款", "收入")),
    (TableKind.GENERAL_PUBLIC, ("一般公共预算",), ()),
    (TableKind.GENERAL_PUBLIC, ("公共财政",), ("收入",)),
    (TableKind.FISCAL_EXPENDITURE, ("财政拨款", "支出"), ("收入",)),
    (TableKind.INCOME, ("收入",), ()),
    # a 会议费 / 培训费 table is no 支出总表 (often the second line of a 三公 title, or a
    # table its header names)
    (TableKind.EXPENDITURE, ("支出",), ("会议费", "培训费")),
)
# Shortened words some provinces print in titles ("财拨结转支出表").
_TITLE_SHORT = (("财拨", "财政拨款"),)


@functools.lru_cache(maxsize=4096)  # asked of every line between two grids and of every title
def title_words(title: str) -> str:
    """The words of a title without its local number ("预算01表收支总表" -> "收支总表")."""
    words = squash(title)
    stripped = TABLE_NUMBER.sub("", words, count=1) or words
    for short, word in _TITLE_SHORT:
        stripped = stripped.replace(short, word)
    return stripped


# Both parts of spending named in one title ("一般公共预算支出预算表（基本支出和项目支出）",
# "部门基本支出和项目支出预算表"): its columns are 基本支出 | 项目支出, it is the table of
# spending the rest of the title names (一般公共预算, 财政拨款, all funds), neither part's own.
_BOTH_PARTS = re.compile(r"基本支出|项目支出")


# A title led by the unit's name and the year ("德江县机关事务中心2025年部门收支总表", Guizhou):
# the name may hold a table's words (政府采购中心, 国有资产服务中心, 绩效评价中心), so what
# follows the year is read first when what precedes it ends as an organisation's name does.
_UNIT_BEFORE_YEAR = re.compile(
    r"^(?P<unit>.{2,40}?(?:局|委员会|委|办公室|办|厅|院|中心|所|站|馆|处|会|社|队|学校|学院|大学|园|场|台|室|部|政府|镇|乡|街道))"
    r"(?:19|20)\d{2}年度?"
)


@functools.lru_cache(maxsize=4096)
def classify_title(title: str) -> TableKind | None:
    words = title_words(title)
    if not words:
        return None
    named = _UNIT_BEFORE_YEAR.match(words)
    if named and (kind := _classify_words(words[named.end() :])) is not None:
        return kind
    return _classify_words(words)


def _classify_words(words: str) -> TableKind | None:
    if "基本支出" in words and "项目支出" in words:
        words = _BOTH_PARTS.sub("支出", words)
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


def is_unit_list(labels: list[str], rows: list[list[str]]) -> bool:
    """A list of the units a 部门 budgets for ("纳入本部门预算编制范围的二级预算单位共有N
    个" over 序号 | 单位名称 | 拟变动情况): a column of unit names, perhaps their codes,
    numbers and remarks, no 科目 and no amount — the 机构设置 of the 部门, as a list."""
    roles = [column_role(label) for label in labels]
    if "unit" not in roles or any(role in ("code", "name") for role in roles):
        return False
    money = [i for i, role in enumerate(roles) if role == "money"]
    return any(any(row) for row in rows) and not any(
        is_number(row[i]) for row in rows for i in money if i < len(row) and row[i]
    )


# ---------------------------------------------------------------- column roles

# What a header part means as a money column: word -> canonical key. The most specific
# word comes first ("一般公共预算财政拨款" is the fund, "事业单位经营收入" is not 事业收入).
_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("上年结转", "carried_in"),
    ("上年结余", "carried_in"),
    ("年初结转", "carried_in"),
    ("上年实户资金", "carried_in_cash"),
    ("结转下年", "carried_out"),
    ("年末结转", "carried_out"),
    ("年终结转", "carried_out"),
    ("结余分配", "surplus_distribution"),
    ("弥补收支差额", "fund_offset"),
    ("非财政拨款结余", "non_appropriation_surplus"),
    # "非财政拨款资金", "上年非财政拨款资金结余": the funds that are not appropriations (before "财政拨款")
    ("非财政拨款", "non_appropriation"),
    # 预算管理一体化 project categories (项目支出 = 特定目标类 + 其他运转类项目): parts of 项目支出
    ("特定目标类", "project.specific"),
    ("其他运转类", "project.other_running"),
    ("人员经费", "personnel"),
    ("人员支出", "personnel"),
    ("人员类", "personnel"),
    ("公用经费", "public"),
    ("公用支出", "public"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("专项业务经费", "project"),
    ("经营支出", "operating_expense"),
    ("上缴上级", "to_superior"),
    ("上解上级", "to_superior"),
    ("对附属单位", "to_subsidiary"),
    ("财政专户", "special_account"),
    ("专户管理", "special_account"),
    ("经营收入", "operating"),
    ("经营服务收入", "operating"),
    ("事业收入", "business"),
    ("上级补助", "superior_grant"),
    ("附属单位上缴", "subsidiary"),
    ("其他收入", "other"),
    ("其它收入", "other"),
    ("其他资金", "other"),
    ("单位资金", "unit_funds"),
    ("一般公共预算", "general_public"),
    ("公共财政", "general_public"),
    ("公共预算", "general_public"),
    ("政府性基金", "gov_fund"),
    ("基金预算", "gov_fund"),
    ("国有资本经营", "state_capital"),
    ("财政拨款", "appropriation"),
    ("中小企业", "sme_reserve"),
    ("小型、微型", "small_micro_reserve"),
    ("政府采购", "procurement"),
    ("增减", "change"),
    ("增长", "change"),
    ("变动", "change"),
    ("变化", "change"),
    ("同比", "change"),
    ("增幅", "change"),
    ("比上年", "change"),
    ("小计", "subtotal"),
    ("合计", "total"),
    ("总计", "total"),
    ("预算数", "amount"),
    ("决算数", "amount"),
    ("执行数", "amount"),
    ("金额", "amount"),
)
# A part that only says "how much" ("预算", "2026年预算", "本年预算", "数额").
_AMOUNT_PART = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)?(?:本年|当年|本年度|年初|全年|调整)?(?:预算|决算|数额|资金)(?:数|金额|额|安排数?)?$"
)
# A carry-over named with its fund or more words between ("上年财政拨款结转", "年初财政拨款结转和结余").
_CARRIED_IN = re.compile(r"(?:上年|年初).{0,8}结[转余]")
_CARRIED_OUT = re.compile(r"(?:年末|年终).{0,8}结[转余]")
# Groups whose parts are not the table's own amounts of this year: qualified keys.
_QUALIFYING = {"carried_in", "carried_out", "procurement", "change"}
_PRIOR = re.compile(r"上年(?:预算|执行|决算|数|年初)|上年度")


_PRIOR_BALANCE = re.compile(r"上年(?:结转|结余|实户)")


@functools.lru_cache(maxsize=4096)  # a header's words recur in every table of its kind
def _word_key(part: str, kind: TableKind) -> str | None:
    if _PRIOR.search(part) and not _PRIOR_BALANCE.search(part):
        return "prior"
    if part.startswith("其中"):
        key = _word_key(part[2:].lstrip(":："), kind) if len(part) > 3 else None
        if key in ("basic", "project", "personnel", "public"):
            return key  # "其中：基本支出 | 项目支出" lists the parts themselves
        return f"of_which.{key}" if key else "of_which"
    if "本年收入合计" in part or "本年支出合计" in part:
        return "total"
    if "本年收入" in part:
        return "current" if kind == TableKind.INCOME else "income"  # a fund table's income beside its spending
    if "本年支出" in part:
        return "total"
    if "实户" not in part and "非财政拨款" not in part:
        if _CARRIED_IN.search(part):
            return "carried_in"
        if _CARRIED_OUT.search(part):
            return "carried_out"
    for word, key in _COLUMN_WORDS:
        if word in part:
            if key == "appropriation" and kind not in _SOURCE_TABLES:
                continue  # "财政拨款" over the funds of a fiscal table names no column of its own
            return key
    if _AMOUNT_PART.match(part):
        return "amount"
    return None


_UNIT_CODE = re.compile(r"(?:单位|部门)(?:编码|代码|编号)$")
_UNIT_NAME = re.compile(r"^(?:预算|二级预算|资金使用)?(?:单位|部门)(?:[（(](?:单位|部门|项目)[）)])?(?:名称)?$")
_TEXT = re.compile(r"备注|说明|简介|(?<!特定)目标|内容|依据|序号|行次|栏次|计量单位|规格|型号|年度$|^年份$|^时间$|指标")


_TRAILING_BRACKET = re.compile(r"(?<=.)[（(][^（()）]*[）)]$")


@functools.lru_cache(maxsize=4096)  # asked of every label, several times per table
def column_role(label: str) -> str:
    """What a column holds, from its header: "code" (a classification code), "name",
    "unit_code", "unit" (the 预算单位 a row is about), "text" (notes, goals) or "money"."""
    last = squash(label.split("/")[-1])
    last = _TRAILING_BRACKET.sub("", last)  # "支出功能分类科目（按大类）"
    if _UNIT_CODE.search(last):
        return "unit_code"
    if "编码" in last or "代码" in last or last in {"类", "款", "项", "科目编码", "款项"}:
        return "code"
    if _UNIT_NAME.match(last) or last in {"单位(项目)名称", "部门(单位)名称"}:
        return "unit"
    if (
        "名称" in last
        or last in {"项目", "科目"}
        or last.endswith(("科目", "功能分类", "经济分类", "类别"))  # "支出类别" (基本支出, 项目支出) too
    ):
        return "name"
    if _TEXT.search(last):
        return "text"
    return "money"


def column_keys(labels: list[str], kind: TableKind) -> list[str | None]:
    """The canonical key of every money column (None for the others), read from the
    whole header: a subtotal ("小计", "合计", "金额") under a group is the group's own
    figure ("基本支出/小计" is 基本支出, "本年收入/小计" is 本年收入); a group that is not
    this year's own amounts (上年结转, 政府采购, 增减) qualifies the keys under it
    ("carried_in.general_public"); a key printed twice keeps the later years' column
    and qualifies the others, so no column's figures overwrite another's."""
    return list(_column_keys(tuple(labels), kind))


@functools.lru_cache(maxsize=1024)  # tables of a kind repeat their header (one per project, per unit)
def _column_keys(labels: tuple[str, ...], kind: TableKind) -> tuple[str | None, ...]:
    keys: list[str | None] = []
    split = [[squash(p) for p in label.split("/") if squash(p)] for label in labels]
    money = [parts for label, parts in zip(labels, split, strict=True) if column_role(label) == "money" and parts]
    # A group over every amount column ("本年一般公共预算基本支出" over 合计/人员/公用)
    # names the whole table, not a group of columns: its 合计 is the table's total.
    everywhere = set.intersection(*(set(parts[:-1]) for parts in money)) if len(money) > 1 else set()
    for label, parts in zip(labels, split, strict=True):
        if column_role(label) != "money":
            keys.append(None)
            continue
        parts = [p for p in parts[:-1] if p not in everywhere] + parts[-1:]
        found = [(i, k) for i, k in ((i, _word_key(p, kind)) for i, p in enumerate(parts)) if k]
        if not found:
            keys.append(None)
            continue
        i, key = found[-1]
        theme = _THEMES.get(kind, ())
        parents = [k for j, k in found if j < i and k not in ("amount", "subtotal", "total", *theme)]
        if key in ("subtotal", "total", "amount") and parents:
            key = parents[-1]  # the group's own figure
        elif key == "subtotal":
            key = "current" if kind == TableKind.INCOME else "total"
        qualifier = next((q for q in parents if q in _QUALIFYING and q != key), None)
        if qualifier and not key.startswith(qualifier):
            key = f"{qualifier}.{key}"
        keys.append(key)
    return tuple(_distinct(_budget_beside_final(keys, split), list(labels)))


# A 决算 prints the year's budget beside what was spent (年初预算数 | 调整预算数 | 决算数,
# or 预算数 and 决算数 groups over the same items): the 决算数 is the table's own figure,
# the budget columns are qualified ("budget.initial", "budget.basic") so no rule reads them
# as the amounts. A 决算数 of an earlier year beside this year's 预算数 (a budget's
# "2025年决算数 | 2026年预算数") is the other way round: it is left to the years.
_PLANNED = re.compile(r"^(?:((?:19|20)\d{2})年度?)?(全年|年初|调整后?)?预算(?:数|金额)?$")
_FINAL = re.compile(r"^(?:((?:19|20)\d{2})年度?)?(?:决算|执行)(?:数|金额)?$")
_PLANNED_KEYS = {"年初": "budget.initial", "调整": "budget.adjusted", "调整后": "budget.adjusted"}


def _budget_beside_final(keys: list[str | None], split: list[list[str]]) -> list[str | None]:
    final_years = [int(m.group(1) or 0) for parts in split for p in parts if (m := _FINAL.match(p))]
    if not final_years:
        return keys
    out = list(keys)
    for i, (key, parts) in enumerate(zip(keys, split, strict=True)):
        planned = next((m for p in parts if (m := _PLANNED.match(p))), None)
        if key is None or planned is None or int(planned.group(1) or 0) > max(final_years):
            continue
        if key in ("amount", "total", "subtotal"):
            out[i] = _PLANNED_KEYS.get(planned.group(2) or "", "budget")
        elif not key.startswith("budget"):
            out[i] = f"budget.{key}"
    return out


# What a whole table is about: a group of that name over its columns (一般公共预算基本支出
# over 合计 | 人员经费 | 公用经费) says what the title says, so its 合计 is the table's total.
_THEMES: dict[TableKind, tuple[str, ...]] = {
    TableKind.BASIC_ECONOMIC: ("basic",),
    TableKind.FISCAL_BASIC_ECONOMIC: ("basic",),
    TableKind.GENERAL_PUBLIC_BASIC: ("basic",),
    TableKind.GENERAL_PUBLIC: ("general_public",),
    TableKind.GENERAL_PUBLIC_ECONOMIC: ("general_public",),
    TableKind.GOV_FUND: ("gov_fund",),
    TableKind.STATE_CAPITAL: ("state_capital",),
    TableKind.RUNNING_COSTS: ("general_public",),
}

# Tables whose columns are sources of funds (the appropriation is one of them).
_SOURCE_TABLES = (TableKind.INCOME, TableKind.BASIC_ECONOMIC, TableKind.PROJECT, TableKind.UNKNOWN)


_YEAR_OF = re.compile(r"((?:19|20)\d{2})年")


def _distinct(keys: list[str | None], labels: list[str]) -> list[str | None]:
    if len({key for key in keys if key is not None}) == sum(1 for key in keys if key is not None):
        return list(keys)  # no key printed twice (the common case): nothing to tell apart
    years = [max((int(y) for y in _YEAR_OF.findall(label)), default=0) for label in labels]
    # The two sides of a 收支总表 each have their own columns: the same key on both is no clash.
    sides = [squash(label.split("/")[0]) if squash(label.split("/")[0]) in ("收入", "支出") else "" for label in labels]
    out = list(keys)
    seen: dict[tuple[str, str], int] = {}
    for i, key in enumerate(keys):
        if key is None:
            continue
        scope = (sides[i], key)
        if scope not in seen:
            seen[scope] = i
            continue
        first = seen[scope]
        if years[i] > years[first]:  # "2026年预算数" after "2025年预算数": this year's wins
            out[first] = f"{key}@{years[first]}" if years[first] else f"{key}.2"
            seen[scope] = i
        else:
            n = 2
            while f"{key}.{n}" in out:
                n += 1
            out[i] = f"{key}@{years[i]}" if years[i] and years[i] != years[first] else f"{key}.{n}"
    return out


def column_key(label: str, kind: TableKind) -> str | None:
    """The key of one column read alone (see ``column_keys`` for a whole header)."""
    return column_keys([label], kind)[0]


def is_code_label(label: str) -> bool:
    return column_role(label) == "code"


def is_name_label(label: str) -> bool:
    return column_role(label) in ("name", "unit")


@functools.lru_cache(maxsize=4096)  # asked of every line's name, and of rows and labels
def is_total_name(text: str) -> bool:
    words = squash(text)
    return "合计" in words or "总计" in words
