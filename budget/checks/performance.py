"""Performance goals (绩效目标表): indicators a reviewer would send back."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher

from budget.checks.amounts import exceeds
from budget.checks.core import DEFAULT_TEMPLATE, Category, Context, Finding, Location, Need, Severity, folded, rule
from budget.checks.places import money, squash
from budget.model import Disclosure, Indicator, Money, MoneyUnit, PerformanceProject, Table, TableKind

OPERATORS = (
    "大于等于|小于等于|不低于|不高于|不少于|不多于|不超过|不大于|不小于|大于|小于|低于|高于|超过|达到|至少|至多|"
    "≥|≤|≧|≦|>=|<=|＞=|＜=|>|<|＞|＜|=|＝"
)
NUMBER = r"\d+(?:\.\d+)?"
# "≥90%", "4次", "≤20万元", and ranges "90%-95%" / "3至5天"
TARGET = re.compile(
    rf"^(?P<op>{OPERATORS})?\s*(?P<num>{NUMBER})\s*(?:[%％]?\s*[-~～—至到]\s*{NUMBER})?\s*"
    r"(?P<unit>[^\d\s]*(?:[mM][23]|[kK][mM]2)|[^\d\s]*)$"  # "83300.27m2", "5km2": a unit with its power
)
UPPER = {"≤", "≦", "<=", "＜=", "<", "＜", "小于等于", "不高于", "不多于", "不超过", "不大于", "小于", "低于", "至多"}
LOWER = {"≥", "≧", ">=", "＞=", ">", "＞", "大于等于", "不低于", "不少于", "不小于", "大于", "高于", "超过", "至少"}


@dataclass(frozen=True, slots=True)
class Target:
    operator: str | None
    number: Decimal
    unit: str


def parse_target(text: str | None) -> Target | None:
    match = TARGET.match(squash(text or ""))
    if match is None:
        return None
    return Target(match.group("op"), Decimal(match.group("num")), match.group("unit"))


def _location(project: PerformanceProject, ind: Indicator | None, column: str = "指标值") -> Location:
    return Location(
        table=TableKind.PERFORMANCE.value,
        project=project.name,
        row=(ind.level3 or ind.level2 or "") if ind else "绩效目标",
        column=column if ind else None,
        quote=(ind.target if column == "指标值" else ind.description) if ind else None,
        table_index=project.table,
        row_index=ind.row if ind else None,
    )


def _projects(ctx: Context) -> tuple[PerformanceProject, ...]:
    return ctx.doc.performance


GOALS = Need(lambda ctx: ctx.doc.performance, "文件中没有项目绩效目标表")
# A "project" named by a table's title, a header label or nothing is a form the reader did
# not read whole ("预算12表 项目支出", "主管部门"), or a form for the whole department, its
# special funds or all its projects, titled by the year ("2026年部门整体支出", "2019年专项
# 资金整体支出", "2026年项目支出"): its goals and levels are not judged as one project's
# (its indicators, where read, still are).
NOT_A_PROJECT_NAME = re.compile(
    r"^$|^(?:预算|公开|部门|单位)?\d{1,2}表|^表\d|绩效目标表|^\d年|^\d{4}\s*年度?(?:部门|单位|专项|项目支出$)"
    r"|^(?:主管部门|项目名称|单位名称|实施单位|预算单位)$"
)


def _read_whole(project: PerformanceProject) -> bool:
    return not NOT_A_PROJECT_NAME.search(squash(project.name))


# "人民监督员案件监督补贴（元/件）", "会议召开率（%）": the unit is in the indicator's name
NAME_UNIT = re.compile(r"[（(]\s*[^（）()\d]{1,6}\s*[)）]$")
# ... or the name is a count of its own unit: "培训人次 | 265", "单位职工人数 | 346", "开展活动场次 | 4"
COUNT_NAME = re.compile(r"(?:人次|人数|次数|天数|户数|个数|件数|台数|场次|期数|批次)$")
OPERATOR_ONLY = re.compile(rf"^(?:{OPERATORS})$")  # "＝", "≤": the figure went to another cell


# Words of the header block and column headers of a performance form, not indicators.
FORM_HEADER = re.compile(
    r"^(?:项目名称|项目单位|主管部门|实施单位|项目负责人|联系电话|年度资金申请总额|年度资金总额|资金总额|项目资金|"
    r"其中[:：]?财政拨款|当年财政拨款|上年结转|其他资金|项目总目标|总体目标|年度目标|年度绩效目标|绩效目标|实施期限|"
    r"项目期|项目属性|一级指标|二级指标|三级指标|指标名称|指标值|指标内容|指标值确定依据|绩效指标|备注|"
    r"(?:项目)?(?:中期|长期)?目标|产出指标|效益指标|满意度指标|成本指标|实施期资金总额|年度资金|"
    r"(?:预算)?执行率(?:分值)?(?:[（(]\d+分[)）])?)[:：]?$"
)
PLACEHOLDER_NAME = re.compile(r"^[.。…·、\s]+$")  # "......": a template row left unfilled


def _empty_category(ind: Indicator) -> bool:
    """A 二级 category row whose 三级 only repeats it ("生态效益指标 | 生态效益 | blank"): the
    form's category not used, not an indicator left without a target."""
    level2 = squash(ind.level2 or "").removesuffix("指标")
    level3 = squash(ind.level3 or "").removesuffix("指标")
    return bool(level2) and level3 == level2 and not squash(ind.target or "")


def is_indicator(ind: Indicator) -> bool:
    """A row of the indicators part: not a header-block line read as one, not an empty
    category row (a 二级 with no 三级 indicator under it)."""
    names = [squash(n or "") for n in (ind.level1, ind.level2, ind.level3)]
    if any(n and FORM_HEADER.match(n) for n in names[2:]) or (names[2] == "" and FORM_HEADER.match(names[1] or "-")):
        return False
    if names[0] and FORM_HEADER.match(names[0]) and names[0] not in ("产出指标", "效益指标", "满意度指标", "成本指标"):
        return False  # "实施期资金总额： | 360.77 | 执行率分值（10分）": the next form's header block
    if _empty_category(ind):
        return False
    if squash(ind.target or "") and FORM_HEADER.match(squash(ind.target or "")):
        return False  # the column-header row
    return bool(names[2] or squash(ind.description or "") or squash(ind.target or ""))


def _indicators(ctx: Context) -> Iterator[tuple[PerformanceProject, Indicator]]:
    for project in _projects(ctx):
        for ind in project.indicators:
            if is_indicator(ind):
                yield project, ind


def _written_targets(ctx: Context) -> Iterator[tuple[PerformanceProject, Indicator, str]]:
    """Every indicator with a target written, and that target without whitespace."""
    for project, ind in _indicators(ctx):
        target = squash(ind.target or "")
        if target:
            yield project, ind, target


def _name(ind: Indicator) -> str:
    return squash(ind.level3 or ind.level2 or "")


# A defect repeated over a document's forms is one defect: the same words ("长期") written as
# the target of 78 projects' indicators, every cost target written without its "≤". The officer
# fixes it once, as a habit of the forms, so it is one finding with the count and the places,
# every place one of its consequences (kept in the report, out of the count). Different words
# each need their own value and stay findings of their own.
FOLD_PLACES = 5


def _places(group: list[Finding], with_target: bool) -> str:
    """The first places of a folded defect, the document's words only (“project”“indicator”（target）):
    the count says how many there are."""
    named = []
    for f in group[:FOLD_PLACES]:
        place = f"“{f.params.get('project', f.location.project)}”“{f.params.get('indicator', f.location.row)}”"
        named.append(place + (f"（{f.params.get('target')}）" if with_target else ""))
    return "、".join(named)


def _fold(group: list[Finding], template: str, with_target: bool) -> Finding:
    first = group[0]
    params = {**first.params, "count": len(group), "places": _places(group, with_target)}
    return replace(first, template=template, params=params, consequences=tuple(group))


@rule(
    "PERF-EMPTY",
    "每个指标都填写了指标值",
    Category.PERFORMANCE,
    Severity.ERROR,
    "“{project}”的指标“{indicator}”没有填写指标值",
    "为每个三级指标填写可衡量的指标值。",
    templates={"placeholder": "“{project}”的 {count} 个指标只有占位的“……”，没有填写指标和指标值"},
    needs=(GOALS,),
)
def empty_targets(ctx: Context) -> Iterator[Finding]:
    placeholders: dict[int, list[tuple[PerformanceProject, Indicator]]] = {}
    for project, ind in _indicators(ctx):
        if squash(ind.target or "") or not squash(ind.level3 or ""):
            continue
        if PLACEHOLDER_NAME.match(squash(ind.level3 or "")):
            placeholders.setdefault(id(project), []).append((project, ind))
            continue
        yield Finding(location=_location(project, ind), params={"project": project.label, "indicator": _name(ind)})
    for rows in placeholders.values():
        # one unfilled form is one defect, not one per row of its template
        project, ind = rows[0]
        params = {"project": project.label, "count": len(rows)}
        yield Finding(location=_location(project, ind), params=params, template="placeholder")


# A target that is a date, a deadline or a number with its unit inside words is quantified:
# "2021年1月1日至2021年12月31日", "12月15日", "年底前完成", "在20个工作日内", "均大于95%",
# "日均300人左右", "暂停业务天数0", "上涨5%-10%".
DATE_TARGET = re.compile(
    r"(?:19|20)\d{2}\s*[年.．/-]\s*\d{1,2}(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*日|(?:年底|年末|月底|季度末|\d{1,2}月底?)前"
)
NUMBER_WITH_UNIT = re.compile(
    rf"(?<![\d.])(?!(?:19|20)\d{{2}}\s*年){NUMBER}\s*(?:[%％‰]|人次|小时|工作日|个工作日|平方米|公里|万人|万元|亿元|元|"
    r"[个次人天日月年件项台套份户家所辆篇条期场批张本册部处座名位吨亩米类])"
)
TRAILING_NUMBER = re.compile(rf"^[\u4e00-\u9fff]{{1,8}}{NUMBER}$")  # "暂停业务天数0": the count named before it
# Cells that are no value to quantify: "定性"/"定量" is the indicator's nature, printed in a
# column of its own (the value is in another); "无"/"不适用" says the indicator does not apply;
# "是"/"否" answers a yes-or-no indicator ("是否可持续使用").
DEADLINE_NAME = re.compile(r"(?:时限|期限)$")  # "…完成时限": by when, not how much ("…及时率" is a rate)
# "/" or a dash fills a row the form does not use (西安 "指标 | / | /").
NOT_A_VALUE = {"定性", "定量", "无", "不适用", "不涉及", "是", "否", "/", "／", "-", "—", "——", "--"}
# A count in Chinese numerals: "一支" (应急救援队伍), "两次", "一批"
CHINESE_COUNT = re.compile(
    r"^(?:约|不少于|至少)?[一二两三四五六七八九十百千]+[个支次项台套件人名家所处场期批本册篇条户辆类座]$"
)
ITEMS = re.compile(r"[、；;]")  # "≥45、≥1000": one figure per item the indicator names


# A compared figure inside words ("全年累计断水断电时长≤24h", "每期不少于4课时", "故障恢复时间小于60分钟",
# "≥50＊50"), or a figure with a unit written in symbols or letters ("288164㎡", "15℃_19℃",
# "≤5mg/m3"): the target is a number to check against, whatever words go round it.
COMPARED_NUMBER = re.compile(rf"(?:{OPERATORS})\s*{NUMBER}")
SYMBOL_UNIT = re.compile(
    rf"(?<![A-Za-z\d.]){NUMBER}\s*(?:[㎡㎥℃]|°C|(?:mg|kg|km|m|h|kWh|kw|kW|MB|GB|Mbps|M)(?![A-Za-z]))"
)
TIME_UNIT = re.compile(rf"(?<![\d.]){NUMBER}\s*(?:分钟|秒|课时|学时|(?:万)?千瓦时|立方米|平方公里|千米|千克|公斤)")


def quantified_in_words(target: str) -> bool:
    return bool(
        DATE_TARGET.search(target)
        or NUMBER_WITH_UNIT.search(target)
        or TRAILING_NUMBER.match(target)
        or CHINESE_COUNT.match(target)
        or SYMBOL_UNIT.search(target)
        or TIME_UNIT.search(target)
    )


def _parsed_items(target: str) -> list[Target] | None:
    """Each item's figure of a target listing several ("≥45、≥1000"), None unless every item is one."""
    items = [part for part in ITEMS.split(target) if part]
    parsed = [parse_target(part) for part in items]
    return [t for t in parsed if t is not None] if len(items) > 1 and all(parsed) else None


@rule(
    "PERF-QUANT",
    "指标值量化（运算符、数值、计量单位）",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”的指标“{indicator}”指标值为“{target}”，没有量化",
    "指标值应写成可考核的数值，如“≥90%”“≤20万元”“4次”；“效果明显”“较上年提升”等定性表述无法考核。",
    templates={
        "no_unit": "“{project}”的指标“{indicator}”指标值“{target}”缺少计量单位",
        "deadline_rate": "“{project}”的指标“{indicator}”是时限，指标值却写“{target}”：时限应写日期或期限",
        "repeated": "{count} 个指标的指标值都写“{target}”，没有量化：{places}",
        "no_unit_repeated": "{count} 个指标的指标值只有数字，缺少计量单位：{places}",
        "deadline_rate_repeated": "{count} 个时限指标的指标值写成了百分比，时限应写日期或期限：{places}",
    },
    needs=(GOALS,),
)
def quantified_targets(ctx: Context) -> Iterator[Finding]:
    return folded(_unquantified(ctx), _quant_pattern, _quant_folded)


def _quant_pattern(finding: Finding) -> Hashable | None:
    # the same words are one defect; every bare number (no unit) one; every deadline as a rate one
    if finding.template == DEFAULT_TEMPLATE:
        return (DEFAULT_TEMPLATE, finding.params["target"])
    return finding.template


def _quant_folded(group: list[Finding]) -> Finding:
    if group[0].template == DEFAULT_TEMPLATE:
        return _fold(group, "repeated", with_target=False)
    return _fold(group, f"{group[0].template}_repeated", with_target=True)


def _unquantified(ctx: Context) -> Iterator[Finding]:
    for project, ind, target in _written_targets(ctx):
        if OPERATOR_ONLY.match(target) or target in NOT_A_VALUE:
            continue
        if is_cost(ind):
            continue  # PERF-COST judges a cost target (one defect, one finding)
        parsed = parse_target(target)
        items = _parsed_items(target) if parsed is None else None
        if items is not None:
            # several figures: quantified, each needs its unit
            parsed = next((t for t in items if not t.unit), items[0])
        if parsed is not None and parsed.unit in ("%", "％") and DEADLINE_NAME.search(_name(ind)):
            # 西安: 时效指标 "合同支付完成时限 100%": a deadline is a date or a period, not a rate
            yield Finding(
                location=_location(project, ind),
                params={"project": project.label, "indicator": _name(ind), "target": target},
                template="deadline_rate",
            )
            continue
        if (parsed is None or not parsed.unit) and quantified_in_words(target):
            continue
        if parsed is None and COMPARED_NUMBER.search(target):
            # a comparison with a number inside words ("全年累计断水断电时长≤24h"); a bare "≥90"
            # (parsed, without its unit) is still a number without its unit
            continue
        if parsed is not None and not parsed.unit and (NAME_UNIT.search(_name(ind)) or COUNT_NAME.search(_name(ind))):
            continue
        if squash(ind.comparison or "") == "定性":
            continue  # the form declares the indicator qualitative (指标值类型 / 指标性质 "定性"): words are its value
        if parsed is None:
            yield Finding(
                location=_location(project, ind),
                params={"project": project.label, "indicator": _name(ind), "target": target},
            )
        elif not parsed.unit:
            yield Finding(
                location=_location(project, ind),
                params={"project": project.label, "indicator": _name(ind), "target": target},
                template="no_unit",
            )


# A 二级 that names an output, benefit or satisfaction category ("数量指标") under a 一级 "成本":
# the 一级 carried over from the rows above (a cell spanning the form's left column), not a cost.
OTHER_LEVEL2 = re.compile(r"数量|质量|时效|效益|满意")


def is_cost(ind: Indicator) -> bool:
    if "成本" in (ind.level2 or ""):
        return True
    return "成本" in (ind.level1 or "") and not OTHER_LEVEL2.search(ind.level2 or "")


def _is_satisfaction(ind: Indicator) -> bool:
    return "满意" in (ind.level1 or "") or "满意" in (ind.level2 or "")


MONEY_UNITS = {"万元": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}
# "78万", "≤7.3万/年", "19.53亿元" in a cost target: money too, in its other units
MONEY_WORDS = {*MONEY_UNITS, "万", "亿元", "千元"}
LABELLED = re.compile(r"^[\u4e00-\u9fff]{1,8}[:：]?(?=\d)")  # "财政资金370万元", "总成本：20万元"
# The money unit printed with the indicator's name: "办案邮寄(万元)", "（元/件）", "(台/元)", "（万/年）"
NAME_MONEY = re.compile(r"[（(][^（）()]*(?:万元|元|万/|亿元)[^（）()]*[)）]")
# A target in words with its cap and its amount: "实际购房金额的50%，最高100万元", "2%，且≤2000万元/项目"
WORDS_CAP = re.compile(rf"(?:{OPERATORS}|最高|以内|以下|控制在)")
WORDS_MONEY = re.compile(rf"{NUMBER}\s*(?:万元|元|万|亿元)")
NOT_MONEY_COST = re.compile(r"社会成本|生态")
PARTS = re.compile(r"[；;]")  # "≤42.38万元；≤88.65万元": one cell, one target per item of the name


def _cost_missing(ind: Indicator, target: str) -> str | None:
    """What a cost target lacks of a money cap ("运算符（≤）", "金额单位（万元/元）", both), "floor"
    for a cap turned round (≥), None when it is a cap or no money at all (a rate "≤100%", a count)."""
    parsed = parse_target(target)
    if parsed is None and (labelled := LABELLED.match(target)) is not None:
        # 西安 "财政资金370万元": the amount named before it; in money, without its ≤
        parsed = parse_target(target[labelled.end() :])
    if parsed is None:
        # in words: a cap if it says one, money if it names an amount in money
        lacking = [] if WORDS_CAP.search(target) else ["运算符（≤）"]
        if not WORDS_MONEY.search(target) and not NAME_MONEY.search(_name(ind)):
            lacking.append("金额单位（万元/元）")
        return "和".join(lacking) or None
    # a cost per year, person or square metre ("≤58.8万元/年", "≤30元/人") is written in money too
    unit = re.split(r"[/／]", parsed.unit, maxsplit=1)[0]
    in_money = unit in MONEY_WORDS or (not unit and bool(NAME_MONEY.search(_name(ind))))
    if parsed.operator in LOWER and in_money:
        return "floor"  # a cost of at least so much ("≥25万元")
    lacking = [] if parsed.operator is not None else ["运算符（≤）"]
    if not in_money and not (unit and NOT_MONEY_COST.search(ind.level2 or "")):
        # an economic cost is money ("成本控制率≤100%" is no cost); a social or ecological
        # cost may be measured in its own unit ("生态环境成本指标 | 植被破坏面积 | ≤0.5亩")
        lacking.append("金额单位（万元/元）")
    return "和".join(lacking) or None


@rule(
    "PERF-COST",
    "成本指标写明上限（运算符和金额单位）",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”的成本指标“{indicator}”指标值为“{target}”，缺少{missing}",
    "成本指标应写成金额上限，如“≤20万元”；单位可写在指标名称中，如“培训费（万元）≤20”。",
    templates={
        "floor": "“{project}”的成本指标“{indicator}”指标值为“{target}”，写成了下限：成本指标应是上限（≤）",
        "repeated": "{count} 个成本指标的指标值缺少{missing}：{places}",
        "floor_repeated": "{count} 个成本指标的指标值写成了下限，成本指标应是上限（≤）：{places}",
    },
    needs=(GOALS,),
)
def cost_targets(ctx: Context) -> Iterator[Finding]:
    return folded(_uncapped(ctx), lambda f: (f.template, f.params.get("missing")), _cost_folded)


def _cost_folded(group: list[Finding]) -> Finding:
    return _fold(group, "floor_repeated" if group[0].template == "floor" else "repeated", with_target=True)


def _uncapped(ctx: Context) -> Iterator[Finding]:
    for project, ind, target in _written_targets(ctx):
        if not is_cost(ind) or OPERATOR_ONLY.match(target) or target in NOT_A_VALUE:
            continue
        missing = [m for m in (_cost_missing(ind, part) for part in PARTS.split(target) if part) if m]
        if not missing:
            continue
        params = {"project": project.label, "indicator": _name(ind), "target": target}
        if missing[0] == "floor":
            yield Finding(location=_location(project, ind), template="floor", params=params)
        else:
            yield Finding(location=_location(project, ind), params={**params, "missing": missing[0]})


def cost_cap(ind: Indicator) -> Money | None:
    parsed = parse_target(ind.target)
    if parsed is None or parsed.unit not in MONEY_UNITS:
        return None
    if parsed.operator is not None and parsed.operator not in UPPER and parsed.operator not in ("=", "＝"):
        return None
    return Money(parsed.number, MONEY_UNITS[parsed.unit])


def project_money(ctx: Context, project: PerformanceProject) -> tuple[Money, str] | None:
    """The project's own budget: printed with the goals, or as a procurement line's source."""
    if project.amount is not None:
        return project.amount, "绩效目标表所列项目金额"
    name = squash(project.name)
    for line in ctx.doc.procurement:
        if line.project and squash(line.project) == name and line.project_amount is not None:
            return line.project_amount, "政府采购预算表所列该项目预算"
    return None


@rule(
    "PERF-COST-CAP",
    "成本上限不超过项目资金",
    Category.PERFORMANCE,
    Severity.ERROR,
    "“{project}”的成本指标“{indicator}”上限 {cap}，超过{source} {amount}",
    "成本指标的上限不能超过项目本身的预算（见政府采购预算表的项目预算、支出总表的项目支出）。",
    needs=(GOALS, Need(lambda ctx: _caps_with_limits(ctx), "没有可与成本指标对照的项目资金")),
)
def cost_caps(ctx: Context) -> Iterator[Finding]:
    for project, ind, cap, limits in _caps_with_limits(ctx):
        for amount, source in limits:
            over = exceeds(cap, amount)
            if over is not None:
                yield Finding(
                    location=_location(project, ind),
                    params={
                        "project": project.label,
                        "indicator": _name(ind),
                        "cap": cap.format(),
                        "source": source,
                        "amount": money(amount),
                    },
                    expected=ctx.amount(amount),
                    actual=ctx.amount(cap),
                    difference=ctx.amount(over.difference),
                    unit=str(ctx.unit),
                )
                break


# A form for the department's (unit's) whole spending ("2026年部门整体支出"): its cost caps
# bound 基本支出 too, so all projects' money is no limit of theirs.
WHOLE_DEPARTMENT = re.compile(r"整体")


def _caps_with_limits(
    ctx: Context,
) -> list[tuple[PerformanceProject, Indicator, Money, list[tuple[Money, str]]]]:
    """Every cost cap with the project money it may not exceed (its own, all projects')."""
    expenditure = ctx.doc.table(TableKind.EXPENDITURE)
    total_line = expenditure.total_line() if expenditure else None
    all_projects = total_line.project if total_line is not None else None
    found = []
    for project, ind in _indicators(ctx):
        cap = cost_cap(ind) if is_cost(ind) else None
        if cap is None:
            continue
        limits = []
        own = project_money(ctx, project)
        if own is not None:
            limits.append(own)
        if all_projects is not None and not WHOLE_DEPARTMENT.search(squash(project.name)):
            limits.append((all_projects, "支出总表项目支出合计"))
        if limits:
            found.append((project, ind, cap, limits))
    return found


LEVEL_HEADER = re.compile(r"^(?:一级|二级)(?:指标)?$")


def _has_level_columns(ctx: Context, project: PerformanceProject) -> bool:
    """The project's form prints 一级/二级 columns (unknown form: assume it does)."""
    if project.table is None or not 0 <= project.table < len(ctx.doc.tables):
        return True
    table = ctx.doc.tables[project.table]
    return any(LEVEL_HEADER.match(squash(cell)) for row in (*table.header, *table.rows) for cell in row)


# A cell heading a form's indicators: 一级指标, 指标名称, 绩效指标, 指标值
INDICATOR_HEADING = re.compile(r"^(?:[一二三]级指标|(?:绩效)?指标(?:名称|内容|值)?)$")


def lists_goals_only(table: Table) -> bool:
    """A list of projects with their goals (项目 | 预算数 | 绩效目标): no cell of its header or
    of its rows (where a form prints its indicators' header, under its header block) heads
    an indicator."""
    return bool(table.header) and not any(
        INDICATOR_HEADING.match(squash(cell)) for row in (*table.header, *table.rows) for cell in row
    )


def listed_with_goals_only(doc: Disclosure, project: PerformanceProject) -> bool:
    """The project is a row of a list of projects with their goals, not a form of indicators."""
    index = project.table
    return index is not None and 0 <= index < len(doc.tables) and lists_goals_only(doc.tables[index])


REQUIRED_LEVEL1 = (("产出", "产出指标"), ("效益", "效益指标"), ("满意", "满意度指标"))
REQUIRED_OUTPUT = (("数量", "数量指标"), ("质量", "质量指标"), ("时效", "时效指标"))


@rule(
    "PERF-LEVELS",
    "一级、二级指标齐全",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”缺少{missing}",
    "绩效指标应包括产出（数量、质量、时效）、成本、效益和满意度指标，每个指标都要写明一级、二级分类。",
    templates={
        "none": "“{project}”没有绩效指标",
        "unlevelled": "“{project}”的指标“{indicator}”没有填写一级或二级指标",
        "some_unlevelled": "“{project}”有 {count} 个指标没有填写一级或二级指标：{places}",
        "form_unlevelled": "“{project}”的{count}个指标都没有一级、二级指标（表中没有填写指标分类）",
        "forms_unlevelled": "“{project}”等{projects}个项目的{count}个指标都没有一级、二级指标（表中没有填写指标分类）",
        "goals_only": (
            "{projects} 个项目的绩效目标表只列出项目的目标和金额，"
            "没有列出绩效指标（产出、成本、效益、满意度）：{places}"
        ),
        "no_level_columns": (
            "{projects} 个项目的绩效目标表没有一级、二级指标栏，{count} 个指标没有按产出、成本、效益、满意度分类："
            "{places}"
        ),
    },
    needs=(GOALS,),
)
def indicator_levels(ctx: Context) -> Iterator[Finding]:
    # projects printed in one form (重庆's 一般性项目 form: 序号 | 项目名称 | … one row group per project)
    # whose form classifies none of them: one defect of the form, not one per project
    unfilled: dict[int | str, list[PerformanceProject]] = {}
    columnless: list[PerformanceProject] = []
    goals_only: list[PerformanceProject] = []
    for project in filter(_read_whole, _projects(ctx)):
        inds = project.indicators
        if not inds and listed_with_goals_only(ctx.doc, project):
            goals_only.append(project)
            continue
        if not inds:
            yield Finding(location=_location(project, None), params={"project": project.label}, template="none")
            continue
        unlevelled = [i for i in inds if not squash(i.level1 or "") or not squash(i.level2 or "")]
        if len(unlevelled) == len(inds):
            # A form that classifies none of its indicators: one finding for the form, not one
            # per indicator and a list of every level "missing" besides. A template with no
            # 一级/二级 columns at all (重庆's 专项资金 form: 指标名称 | 指标性质 | 指标值 | 计量单位)
            # is the template, not a form left unfilled.
            if _has_level_columns(ctx, project):
                unfilled.setdefault(project.name if project.table is None else project.table, []).append(project)
            else:
                columnless.append(project)
            continue
        # a 二级 names its 一级 too ("社会效益指标", "服务对象满意度指标"): 西安's "效 | 社会效益指标", its
        # 一级 cell split by a page break ("效" | "益指标" on the next page), has its 效益指标
        level1 = " ".join(f"{i.level1 or ''} {i.level2 or ''}" for i in inds)
        output2 = " ".join(i.level2 or "" for i in inds if "产出" in (i.level1 or ""))
        missing = [label for word, label in REQUIRED_LEVEL1 if word not in level1]
        missing += [label for word, label in REQUIRED_OUTPUT if "产出" in level1 and word not in output2]
        if not any(is_cost(i) for i in inds):
            missing.append("成本指标")
        if missing:
            yield Finding(
                location=_location(project, None), params={"project": project.label, "missing": "、".join(missing)}
            )
        each = [
            Finding(
                location=_location(project, ind, "指标"),
                params={"project": project.label, "indicator": _name(ind)},
                template="unlevelled",
            )
            for ind in unlevelled
        ]
        if len(each) > 1:
            # the rows of one form left without their 一级/二级 cells: one defect of the form
            yield _fold(each, "some_unlevelled", with_target=False)
        else:
            yield from each
    if goals_only:
        # a list of projects and their goals (深圳's and 广州's 重点项目绩效目标 tables), a row a
        # project: the document prints no indicators for any of them, one fact of the document
        places = "、".join(f"“{p.label}”" for p in goals_only[:FOLD_PLACES])
        listed: dict[str, object] = {"projects": len(goals_only), "places": places, "project": goals_only[0].label}
        yield Finding(location=_location(goals_only[0], None), params=listed, template="goals_only")
    if columnless:
        # a template with no 一级/二级 columns (重庆's 专项资金 form: 指标名称 | 指标性质 | 指标值 |
        # 计量单位) cannot classify its indicators: the framework of 财预〔2021〕101号 is missing
        # from the template, one defect of the document however many forms use it
        places = "、".join(f"“{p.label}”" for p in columnless[:FOLD_PLACES])
        template_params = {
            "projects": len(columnless),
            "count": sum(len(p.indicators) for p in columnless),
            "places": places,
            "project": columnless[0].label,
        }
        yield Finding(location=_location(columnless[0], None), params=template_params, template="no_level_columns")
    for form in unfilled.values():
        count = sum(len(p.indicators) for p in form)
        if len(form) == 1:
            params: dict[str, object] = {"project": form[0].label, "count": count}
            yield Finding(location=_location(form[0], None), params=params, template="form_unlevelled")
        else:
            params = {"project": form[0].label, "projects": len(form), "count": count}
            yield Finding(location=_location(form[0], None), params=params, template="forms_unlevelled")


@rule(
    "PERF-SATISFACTION",
    "满意度指标值不低于通常标准",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”的满意度指标“{indicator}”为 {target}，低于 {threshold}%",
    "服务对象满意度指标通常不低于 85%–90%；设得过低的目标起不到约束作用。",
    needs=(GOALS,),
)
def satisfaction(ctx: Context) -> Iterator[Finding]:
    threshold = ctx.settings.satisfaction_threshold
    for project, ind in _indicators(ctx):
        parsed = parse_target(ind.target)
        if not _is_satisfaction(ind) or parsed is None or parsed.unit != "%":
            continue
        if parsed.number < threshold:
            yield Finding(
                location=_location(project, ind),
                params={
                    "project": project.label,
                    "indicator": _name(ind),
                    "target": squash(ind.target or ""),
                    "threshold": threshold,
                },
                expected=threshold,
                actual=parsed.number,
                difference=parsed.number - threshold,
                unit="%",
            )


@rule(
    "PERF-NAME-DESC",
    "指标名称与指标描述不雷同",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”的指标描述与指标名称“{indicator}”相同",
    "指标描述应说明指标的含义、口径和计算方法，而不是重复指标名称。",
    needs=(GOALS,),
)
def name_equals_description(ctx: Context) -> Iterator[Finding]:
    for project, ind in _indicators(ctx):
        name, description = _plain(ind.level3), _plain(ind.description)
        if name and name == description:
            yield Finding(
                location=_location(project, ind, "指标描述"), params={"project": project.label, "indicator": _name(ind)}
            )


PUNCT = re.compile(r"[\s。，、；：,.;:！!？?“”\"'（）()]")


def _plain(text: str | None) -> str:
    return PUNCT.sub("", text or "")


@dataclass(frozen=True, slots=True)
class _Text:
    text: str
    project: PerformanceProject
    indicator: Indicator | None


def _texts(ctx: Context) -> list[_Text]:
    found = []
    for project in _projects(ctx):
        for goal in project.goals:
            found.append(_Text(_plain(re.sub(r"^\d+[.、．]", "", goal.strip())), project, None))
        for ind in project.indicators:
            found.append(_Text(_plain(ind.description), project, ind))
    return [t for t in found if len(t.text) >= ctx.settings.copy_min_length]


def _similar(a: str, b: str, ratio: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) / max(len(a), len(b)) < ratio:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= ratio


@rule(
    "PERF-COPY",
    "绩效目标和指标描述不在项目之间照抄",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”的{what}与{other}相同或几乎相同",
    "每个项目的绩效目标和指标描述应针对该项目的内容填写，不应从其他项目或其他指标照抄。",
    needs=(GOALS,),
)
def copied_text(ctx: Context) -> Iterator[Finding]:
    texts = _texts(ctx)
    ratio = ctx.settings.copy_similarity
    # Only texts that share a beginning or an ending can be copies: keeps this linear-ish.
    buckets: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        for key in ("^" + t.text[:6], "$" + t.text[-6:]):
            buckets.setdefault(key, []).append(i)
    reported = set()
    for members in buckets.values():
        for n, j in enumerate(members):
            for i in members[:n]:
                if j in reported or (i, j) in reported:
                    continue
                a, b = texts[i], texts[j]
                if a.project is b.project and (a.indicator is None or b.indicator is None):
                    continue
                if _similar(a.text, b.text, ratio):
                    reported.add(j)
                    yield _copy_finding(a, b)


def _copy_finding(original: _Text, copy: _Text) -> Finding:
    what = f"指标“{_name(copy.indicator)}”的描述" if copy.indicator else "绩效目标"
    if original.project is copy.project:
        other = f"本项目指标“{_name(original.indicator)}”" if original.indicator else "本项目的绩效目标"
    else:
        other = f"{original.project.name}" + (
            f"指标“{_name(original.indicator)}”" if original.indicator else "的绩效目标"
        )
    location = (
        _location(copy.project, copy.indicator, "指标描述")
        if copy.indicator
        else Location(
            table=TableKind.PERFORMANCE.value, project=copy.project.name, row="绩效目标", table_index=copy.project.table
        )
    )
    return Finding(location=location, params={"project": copy.project.label, "what": what, "other": other})


@rule(
    "PERF-GOALS",
    "每个项目写明了绩效目标",
    Category.PERFORMANCE,
    Severity.WARNING,
    "“{project}”没有填写绩效目标",
    "每个项目都应写明年度绩效目标（做什么、达到什么效果）。",
    needs=(GOALS,),
)
def goals_present(ctx: Context) -> Iterator[Finding]:
    for project in filter(_read_whole, _projects(ctx)):
        if not any(squash(g) for g in project.goals) and not _goal_printed(ctx, project):
            yield Finding(location=_location(project, None), params={"project": project.label})


# The goal row of a form and its column labels: "年度总体目标 | 预期目标 | 实际完成情况" over the
# goal's text (a 决算's 绩效自评表: 预期目标（年初设定）, 年度总体目标完成情况)
GOAL_ROW = re.compile(r"^(?:年度|项目|整体)?(?:总体|绩效)?目标(?:完成情况)?$|^年度总体目标|^年度绩效目标|^总体目标")
GOAL_LABEL = re.compile(r"目标|完成情况|年初设定|实际完成")
INDICATORS_ROW = re.compile(r"^(?:年度)?绩效指标$|^一级指标$")
MIN_GOAL = 6  # characters: a goal says what is done and to what effect


def _goal_printed(ctx: Context, project: PerformanceProject) -> bool:
    """The project's form prints a goal the reader did not take as one (a 自评表's goal under
    预期目标): the goal is there, not missing. Looked for in the goal row and the row below it,
    up to the indicators."""
    if project.table is None or not 0 <= project.table < len(ctx.doc.tables):
        return False
    table = ctx.doc.tables[project.table]
    rows = [tuple(squash(c) for c in row) for row in (*table.header, *table.rows)]
    for index, row in enumerate(rows):
        first = next((c for c in row if c), "")
        if not GOAL_ROW.search(first):
            continue
        for below in rows[index : index + 2]:
            if below is not row and any(INDICATORS_ROW.search(c) for c in below if c):
                break
            text = [c for c in below if c and c != first]
            if any(len(c) >= MIN_GOAL and not (len(c) <= 12 and GOAL_LABEL.search(c)) for c in text):
                return True
    return False


# ---------------------------------------------------------------- the form's header block

TOTAL_LABEL = re.compile(r"^(?:实施期|年度)?资金(?:申请)?总额[:：]?$|^年度资金申请总额[:：]?$")
PART_LABEL = re.compile(r"^其中[:：]?\s*(?:当年)?财政拨款(?:资金)?[:：]?$")
PERIOD_LABEL = re.compile(r"^(?:项目)?(?:实施|执行)?(?:期限|周期|起止时间|实施期)[:：]?$")
YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
AMOUNT_CELL = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:万元|元)?\s*$")


@dataclass(frozen=True, slots=True)
class FormCell:
    """A labelled cell of a form's header block: "实施期限 | 2021年1月至2021年12月"."""

    table_index: int
    row_index: int  # index into the table's rows
    column: int  # of the value
    label: str
    value: str
    label_column: int = 0
    row: tuple[str, ...] = ()


def form_cells(ctx: Context, label: re.Pattern[str]) -> list[FormCell]:
    """Every value printed right after a cell with this label, in any table."""
    found = []
    for table_index, table in enumerate(ctx.doc.tables):
        if table.kind not in (TableKind.PERFORMANCE, TableKind.UNKNOWN):
            continue
        for row_index, row in enumerate(table.rows):
            for column, cell in enumerate(row[:-1]):
                if label.match(squash(cell)):
                    at = next((k for k in range(column + 1, len(row)) if squash(row[k])), column + 1)
                    value = row[at] if at < len(row) else ""
                    found.append(FormCell(table_index, row_index, at, squash(cell), value, column, tuple(row)))
    return found


def _form_location(ctx: Context, cell: FormCell, column: str) -> Location:
    table = ctx.doc.tables[cell.table_index]
    return Location(
        table=table.kind.value,
        row=cell.label,
        column=column,
        quote=cell.value or None,
        page=table.page,
        table_index=cell.table_index,
        row_index=cell.row_index + len(table.header),
    )


def _periods(ctx: Context) -> list[FormCell]:
    return [c for c in form_cells(ctx, PERIOD_LABEL) if YEAR.search(c.value)]


@rule(
    "PERF-PERIOD",
    "项目实施期限包含预算年度",
    Category.PERFORMANCE,
    Severity.WARNING,
    "绩效目标表的实施期限写“{period}”，不含预算年度 {year} 年",
    "项目的实施期限应覆盖本预算年度（跨年度项目写明起止年度）；期限在预算年度之外多半是沿用了往年的表格。",
    needs=(Need(lambda ctx: ctx.doc.unit.year and _periods(ctx), "绩效目标表没有写明实施期限的年份"),),
)
def project_periods(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.unit.year
    assert year is not None
    for cell in _periods(ctx):
        years = [int(y) for y in YEAR.findall(cell.value)]
        if not min(years) <= year <= max(years):
            yield Finding(
                location=_form_location(ctx, cell, "实施期限"),
                expected=Decimal(year),
                actual=Decimal(max(years)),
                params={"period": squash(cell.value), "year": year},
            )


def _amount(cell: str) -> Decimal | None:
    match = AMOUNT_CELL.match(cell)
    return Decimal(match.group(1).replace(",", "")) if match else None


def _fund_pairs(ctx: Context) -> list[tuple[FormCell, FormCell]]:
    """Each "其中：财政拨款" line with the 资金总额 line above it (label in the same column)."""
    totals = form_cells(ctx, TOTAL_LABEL)
    pairs = []
    for part in form_cells(ctx, PART_LABEL):
        above = [
            t
            for t in totals
            if t.table_index == part.table_index
            and t.row_index < part.row_index
            and t.label_column == part.label_column
        ]
        if above:
            pairs.append((max(above, key=lambda t: t.row_index), part))
    return pairs


@rule(
    "PERF-FUNDS",
    "绩效目标表中当年财政拨款不超过资金总额",
    Category.PERFORMANCE,
    Severity.ERROR,
    "绩效目标表中“其中：财政拨款”{part}，大于“{label}”{whole}",
    "“其中：财政拨款”是资金总额的一部分，不能大于年度资金（申请）总额；核对两栏是否填反或抄错。",
    needs=(Need(_fund_pairs, "绩效目标表没有列出资金总额和其中财政拨款"),),
)
def project_funds(ctx: Context) -> Iterator[Finding]:
    unit = ctx.unit
    for total, part in _fund_pairs(ctx):
        for j in range(part.label_column + 1, min(len(total.row), len(part.row))):
            whole, value = _amount(total.row[j]), _amount(part.row[j])
            if whole is None or value is None:
                continue
            over = exceeds(Money(value, unit), Money(whole, unit))
            if over is None:
                continue
            yield Finding(
                location=_form_location(ctx, replace(part, column=j, value=part.row[j]), "其中：财政拨款"),
                expected=whole,
                actual=value,
                difference=over.difference.amount,
                params={"label": total.label.rstrip("：:"), "whole": squash(total.row[j]), "part": squash(part.row[j])},
            )
            break  # one finding per form line
