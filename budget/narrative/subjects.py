"""What a figure of the narrative is about: its subject, read from the words before it.

The words are a 科目 (``“教育支出（类）普通教育（款）小学教育（项）”``, ``行政运行（2010301）``,
``“X-Y-Z”科目``, ``2014099其他信访事务支出``), a concept the tables print once (收入预算,
财政拨款收入, “三公”经费 and its items, 机关运行经费, 政府采购 and its parts, 固定资产 …) or
some other named thing (a project, a fee, a unit of the department). Recognition is by
general patterns, never by one document's sentence; every pattern here is anchored or
bounded so that reading stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from budget.narrative.text import squash


class Kind(StrEnum):
    CONCEPT = "concept"  # a figure the tables print once: totals, 三公, 机关运行经费 …
    CLASSIFIED = "classified"  # a 科目 of the functional or economic classification
    NAMED = "named"  # anything else with a name: a project, a fee, a unit …


@dataclass(frozen=True, slots=True)
class Subject:
    kind: Kind
    name: str  # the words as written, without spaces and filler
    key: str | None = None  # CONCEPT: the figure's key ("income_total", "overseas" …)
    code: str | None = None  # CLASSIFIED: the code when written ("2010301", "301")
    levels: tuple[str | None, str | None, str | None] = (None, None, None)  # 类, 款, 项 names

    @property
    def scheme(self) -> str | None:
        """ "functional" or "economic" when the code says which (2xx / 3xx, 5xx)."""
        if self.code:
            return "functional" if self.code[0] == "2" else "economic"
        return None

    def same(self, other: Subject | None) -> bool:
        if other is None:
            return False
        if self.key or other.key:
            return self.key == other.key
        if self.code and other.code:
            return self.code == other.code
        return self.name == other.name


# ---------------------------------------------------------------- the vocabulary

# (key, pattern) most specific first; searched in the label (its end anchored where a
# bare word would also end a 科目 name: "支出$" is the total, "教育支出" is not).
CONCEPTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("vehicles", r"公务用车(购置)?(及|和|与|、)运(行|维)|公务用车费|车辆购置及运行"),
        ("vehicle_purchase", r"公务用车购置|车辆购置费|购置公务用车"),
        ("vehicle_operation", r"公务用车运(行|维)|公车运行"),
        ("overseas", r"因公出国|出国[（(]境[)）]"),
        ("reception", r"公务接待"),
        ("tp_total", r"三公"),
        (
            "carried_in_part",
            r"^(上年|年初)结转(结余)?的|^(上年|年初)结转(结余)?中的?|结转结余的"
            r"|(一般公共预算|政府性基金|国有资本经营|财政拨款|财政专户|单位资金).{0,8}(结转(和|及|、)?结余|结余(和|及|、)?结转)",
        ),
        ("running_costs", r"机关运行(经)?费|行政经费|运行经费$"),
        # the three kinds of a 政府采购 total, however a place words them: 货物类(采购预算),
        # (拟)采购货物(支出), 货物采购(预算), 采购货物类, 政府采购货物(预算)
        ("goods", r"^(拟|计划)?(采购)?货物类|^(拟|计划)?采购货物|^货物采购|政府采购货物"),
        ("works", r"^(拟|计划)?(采购)?工程类|^(拟|计划)?采购工程|^工程采购|政府采购工程"),
        ("services", r"^(拟|计划)?(采购)?服务类|^(拟|计划)?采购服务|^服务采购|政府采购服务"),
        ("sme", r"中小(微)?企业|预留"),
        # not an expense named after the work (深圳's "市本级政府采购业务费", "政府采购管理费用")
        ("procurement", r"政府采购(?!.*费用?$)"),
        ("asset_purchase", r"(拟|计划|安排)?(购置|新增|新购|配置)(固定资产|资产|车辆|公务用车|设备)"),
        ("assets", r"固定资产(金额|总额|总值|原值|价值|账面)?|资产总(额|值)|^资产原值"),
        ("performance_money", r"^涉及|涉及.{0,12}(资金|拨款|金额)$|绩效目标.{0,12}(资金|金额)$"),
        ("general_public_basic", r"(一般公共预算|财政拨款)(财政)?(拨款)?(安排的?)?基本支出"),
        ("general_public_project", r"(一般公共预算|财政拨款)(财政)?(拨款)?(安排的?)?项目支出"),
        ("general_public", r"一般公共预算"),
        ("gov_fund", r"政府性基金"),
        ("state_capital", r"国有资本经营"),
        ("appropriation_total", r"财政拨款(预算)?收[、,，]?支(预算)?总|财政拨款(预算)?总(计|额|预算|收[、,，]?支)"),
        ("appropriation_income", r"财政拨款(预算)?(收入|拨款)(预算)?$|财政拨款$|财政拨款收入"),
        ("appropriation_expenditure", r"财政拨款(预算)?支出"),
        ("special_account", r"财政专户|^专户"),
        ("operating", r"^(事业单位)?经营(服务)?收入(资金)?$"),
        ("business", r"^(财政专户管理)?事业收入(资金)?$"),
        ("superior_grant", r"上级补助"),
        ("subsidiary", r"附属单位上缴"),
        ("other", r"^其他收入(资金)?$|^其他资金$"),
        ("carried_in", r"^(上年|年初)结转(结余|资金|收入)?$|^上年结余$|^(上年|年初)结转和结余$"),
        ("carried_out", r"^(年终|年末)结转(结余|资金)?$|^结转下年$"),
        ("current_income", r"本年收入(合计|小计)?$"),
        ("current_expenditure", r"本年支出(合计|小计)?$"),
        ("basic", r"基本支出"),
        ("project", r"^项目支出|^项目经费$"),
        ("personnel", r"^(基本支出中的?)?人员(经费|支出)$"),
        ("public", r"^(基本支出中的?)?公用(经费|支出)$"),  # 日常公用经费: often one organisation's, or 机关运行经费
        (
            "income_total",
            r"^(部门|单位)?(收入预算|预算收入)(总额|总计|合计)?$|^(部门|单位)?(预算)?收入(总计|总额|合计|总预算)|^总收入"
            r"|收[、,，]?支(预算)?总(额|计|预算)|收支预算$|^(本年|全年|当年)?收入$",
        ),
        (
            "expenditure_total",
            r"^(部门|单位)?(支出预算|预算支出)(总额|总计|合计)?$|^(部门|单位)?(预算)?支出(总计|总额|合计|总预算)|^总支出"
            r"|^(本年|全年|当年)?支出$",
        ),
    )
)

# 三公 items, running costs and procurement parts: the words are ordinary words outside
# their passage ("服务类" is a procurement part only where procurement is the topic).
TOPIC_KEYS = {
    "goods": "procurement",
    "works": "procurement",
    "services": "procurement",
    "sme": "procurement",
}

# ---------------------------------------------------------------- 科目 written with marks

LEVEL_MARK = re.compile(r"[（(]\s*(\d{0,7})\s*([类款项])\s*[)）]")
CODE_AFTER = re.compile(r"[（(]\s*(\d{3}|\d{5}|\d{7})\s*[)）](?:支出)?$")
CODE_BEFORE = re.compile(r"^(\d{3}|\d{5}|\d{7})(?![\d.])\s*(?=[\u4e00-\u9fff])")
SUBJECT_WORD = re.compile(r"科目$")
DASHES = re.compile(r"\s*[-－—–]+\s*")
QUOTES = re.compile(r"[“”\"‘’']")
CJK = re.compile(r"[\u4e00-\u9fff]")
ITEM_NUMBER = re.compile(r"[（(]\d{1,2}[)）]")  # "（19）": an item's number, never a code (3, 5, 7 digits)
LEADING = re.compile(r"^[\d.、．，,；;：:\s①-⑳]+")


def _levels(label: str) -> Subject | None:
    """``X（类）Y（款）Z（项）`` and ``X（204类）Y（06款）Z（01项）``: names and codes by level."""
    marks = list(LEVEL_MARK.finditer(label))
    if not marks:
        return None
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    start = 0
    for mark in marks:
        name = LEADING.sub("", squash(QUOTES.sub("", label[start : mark.start()])))
        level = mark.group(2)
        if name:
            names[level] = name
        if mark.group(1):
            codes[level] = mark.group(1)
        start = mark.end()
    if not names:
        return None
    code = None
    if codes.get("类"):
        code = codes["类"] + codes.get("款", "")[-2:] + codes.get("项", "")[-2:]
        if len(code) not in (3, 5, 7):
            code = None
    levels = (names.get("类"), names.get("款"), names.get("项"))
    last = next(n for n in reversed(levels) if n)
    return Subject(Kind.CLASSIFIED, last, code=code, levels=levels)


def _dashed(label: str) -> Subject | None:
    """``“一般公共服务支出-人大事务-行政运行”科目``: the levels joined by dashes."""
    parts = [squash(p) for p in DASHES.split(label) if squash(p)]
    if len(parts) < 2 or len(parts) > 3:
        return None
    levels = (parts + [None, None])[:3]
    return Subject(Kind.CLASSIFIED, parts[-1], levels=(levels[0], levels[1], levels[2]))


def classified(label: str) -> Subject | None:
    """A 科目 when the words mark it as one (level marks, a code, 科目), else None."""
    text = QUOTES.sub("", label).strip()
    marked = SUBJECT_WORD.search(text) is not None
    text = SUBJECT_WORD.sub("", text).strip()
    found = _levels(text)
    if found is not None:
        return found
    after = CODE_AFTER.search(text)
    if after:
        # "…住房补贴随之增加（19）机关事业单位基本养老保险缴费支出（2080505）" (a sentence without its
        # full stop before the next item): the name begins after the item's number
        name = squash(ITEM_NUMBER.split(text[: after.start()])[-1])
        # "资本性支出（基本建设）（309）": an aside before the code belongs to the name
        return Subject(Kind.CLASSIFIED, name, code=after.group(1)) if CJK.search(name) else None
    before = CODE_BEFORE.match(text)
    if before:
        name = squash(text[before.end() :])
        return Subject(Kind.CLASSIFIED, name, code=before.group(1)) if CJK.search(name) else None
    if marked:
        return _dashed(text) or (Subject(Kind.CLASSIFIED, squash(text)) if CJK.search(text) else None)
    return None


def concept(label: str) -> str | None:
    for key, pattern in CONCEPTS:
        if pattern.search(label):
            return key
    return None


def subject_of(label: str) -> Subject | None:
    """The subject the cleaned words before a figure name, or None when they name nothing."""
    if not label or not CJK.search(label):
        return None
    found = classified(label)
    if found is not None:
        return found
    name = squash(QUOTES.sub("", label))
    if PROJECT_OWN.search(name) or (FEE.search(name) and not concept_only(name)):
        return Subject(Kind.NAMED, name)  # "一般公共预算会议费预算支出": a fee, not a total
    key = concept(ASIDE.sub("", name))  # "(原…经营收入支出)" names no concept
    if key is not None:
        return Subject(Kind.CONCEPT, name, key=key)
    return Subject(Kind.NAMED, name)


# "拟安排该项目一般公共预算": a project's money; "上级下达资金——政府性基金预算": a kind of project money
PROJECT_OWN = re.compile(r"该项目|本项目|此项目|[\u4e00-\u9fff]{2,}(?:——|—|－－|--)")
ASIDE = re.compile(r"[（(][^（）()]{4,}[)）]")


# Fees named with the fund they are paid from: a fee, whatever budget words go with it.
FEE = re.compile(r"(?:会议|培训|差旅|委托业务|印刷|邮电|水电|物业管理|租赁|劳务|咨询|手续|工会|福利)费")


def concept_only(name: str) -> bool:
    """A fee word inside a concept's name (机关运行经费 lists 培训费 …) does not make it a fee."""
    return bool(re.search(r"三公|机关运行|公务接待|公务用车|因公出国", name))
