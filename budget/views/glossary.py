"""Plain definitions of the budget words a council member meets on the pages.

Shown on hover (the ``help`` of cards and headings) and on the 名词解释 page. Each term
has a Chinese and an English definition; ``definition(term, lang)`` picks one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    term: str  # as printed in budgets
    english: str  # the term in English
    zh: str
    en: str


TERMS: tuple[Term, ...] = (
    Term(
        "功能分类",
        "Functional classification",
        "按政府职能把支出分门别类（如一般公共服务、教育、社会保障和就业），回答“钱用于做什么事”。"
        "科目分三级：类（3 位编码）→ 款（5 位）→ 项（7 位），下级编码以上级编码开头。",
        "Spending grouped by what government does with it (general public services, education, social "
        "security …): the answer to 'what is the money for'. Three levels: class (3-digit code) → "
        "section (5 digits) → item (7 digits); a lower code starts with its parent's code.",
    ),
    Term(
        "经济分类",
        "Economic classification",
        "按支出的经济性质分类（如工资福利支出、商品和服务支出），回答“钱怎么花”。基本支出表按经济分类列示。",
        "Spending grouped by its economic nature (salaries and benefits, goods and services …): the answer "
        "to 'how is the money spent'. The basic expenditure table is laid out by it.",
    ),
    Term(
        "基本支出",
        "Basic expenditure",
        "保障机构正常运转、完成日常工作任务的支出，由人员经费和公用经费组成。",
        "What keeps the organisation running day to day: personnel costs plus running (public) costs.",
    ),
    Term(
        "项目支出",
        "Project expenditure",
        "在基本支出之外，为完成特定行政任务或事业发展目标安排的支出，通常每个项目都要设定绩效目标。",
        "Spending beyond basic expenditure for specific tasks or development goals; each project normally "
        "has performance targets.",
    ),
    Term(
        "人员经费",
        "Personnel costs",
        "基本支出中用于人的部分：工资福利支出和对个人和家庭的补助（如工资、社会保险缴费、住房公积金、退休费）。",
        "The part of basic expenditure spent on people: salaries and benefits, and payments to individuals "
        "and households (wages, social insurance contributions, housing fund, pensions).",
    ),
    Term(
        "公用经费",
        "Public (running) costs",
        "基本支出中用于机构日常运转的商品和服务支出（如办公费、水电费、差旅费、维修费），以及少量资本性支出。",
        "The part of basic expenditure spent on running the office: goods and services such as office "
        "supplies, utilities, travel and repairs, and small capital items.",
    ),
    Term(
        "三公经费",
        "The 'three public' expenses",
        "用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费，是社会关注、要求单独公开的支出。",
        "Three kinds of spending from fiscal appropriations that must be disclosed separately: official "
        "trips abroad, purchase and running of official vehicles, and official receptions.",
    ),
    Term(
        "机关运行经费",
        "Administrative running costs",
        "行政单位和参照公务员法管理的事业单位用一般公共预算安排的基本支出中的日常公用经费，"
        "如办公费、印刷费、水电费、办公用房物业管理费等。它不能超过基本支出中的公用经费。",
        "The everyday running costs (office supplies, printing, utilities, property management …) in the "
        "basic expenditure of administrative bodies, paid from the general public budget. It cannot "
        "exceed the public costs of basic expenditure.",
    ),
    Term(
        "政府采购",
        "Government procurement",
        "单位使用财政性资金购买集中采购目录以内或限额标准以上的货物、工程和服务，需按规定编制采购预算。",
        "Goods, works and services bought with fiscal funds that are on the central procurement catalogue "
        "or above the threshold; they need a procurement budget.",
    ),
    Term(
        "财政拨款",
        "Fiscal appropriation",
        "同级财政安排给单位的资金，包括一般公共预算、政府性基金预算和国有资本经营预算三类拨款。",
        "Money the government at the same level allocates to the unit: from the general public budget, "
        "government funds or state capital operations.",
    ),
    Term(
        "一般公共预算",
        "General public budget",
        "以税收为主体的财政收入安排的预算，用于保障和改善民生、维持国家机构运转等，是最主要的一本预算。",
        "The main budget, funded mostly by taxes, for public services and the running of government.",
    ),
    Term(
        "政府性基金预算",
        "Government fund budget",
        "依法向特定对象征收或以出让土地等方式取得的资金安排的预算，专款专用（如国有土地使用权出让收入安排的支出）。",
        "A budget of money raised for a designated purpose (land-use right sales, special levies); it may "
        "only be spent on that purpose.",
    ),
    Term(
        "国有资本经营预算",
        "State capital operations budget",
        "以国有资本收益安排的预算，用于国有企业改革、发展等。",
        "A budget funded by returns on state capital, spent on the reform and development of state enterprises.",
    ),
    Term(
        "结转结余",
        "Carry-over",
        "以前年度安排但尚未使用完、按规定结转到本年继续使用的资金。",
        "Money allocated in earlier years and not yet spent, carried into this year under the rules.",
    ),
    Term(
        "绩效目标",
        "Performance targets",
        "项目预期达到的产出和效果，分为产出、效益、满意度等指标，每个指标应有可衡量的指标值（如“≥90%”“≤20万元”）。",
        "What a project is expected to deliver, broken into output, cost, impact and satisfaction indicators, "
        "each with a measurable target (such as '≥90%' or '≤200,000 yuan').",
    ),
)

_BY_TERM = {t.term: t for t in TERMS}
# The labels pages use for a term, when they differ from its glossary entry.
_ALIASES = {"“三公”经费": "三公经费", "三公": "三公经费"}


def term(name: str) -> Term | None:
    return _BY_TERM.get(_ALIASES.get(name, name))


def definition(name: str, lang: str = "zh") -> str | None:
    """The plain definition of a budget word, or None when it is not in the glossary."""
    entry = term(name)
    if entry is None:
        return None
    return entry.en if lang == "en" else entry.zh
