"""Finding messages in English: one English template per rule template, filled with the same fields.

The check renders every finding's message in Chinese (the JSON contract's ``message``).
A finding keeps what rendered it: its rule, the template's name and fields (``params``,
and ``fields`` for a message the rule rendered itself) and the notes appended
(``notes``). ``message(finding, "en")`` renders the English template of the same
(rule, template name) with the same fields.

A field is either the document's words or ours. Fields the Chinese template quotes
(“{section}”, “{indicator}” …) are the document's: they stay as printed. The others are
built by the rules from our words (column and table names, "空白", the reasons a table
may be misread) around the document's names and figures: ``phrase`` puts our words in
English and keeps every other run of text as printed, so a row name or a 科目 name is
never translated. Amounts keep the figure and put the unit in English as the pages do
("1,065.08 10k yuan").

``quote`` is applied to every piece of document text kept as printed (the identity by
default); the tests pass a marker to prove that no Chinese is left outside such pieces.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from budget.checks import CATALOGUE
from budget.checks.core import DEFAULT_TEMPLATE, Finding, Rule
from budget.checks.places import DERIVED_PUBLIC_PLACE
from budget.checks.text import STATED_UNCOMPARED
from budget.model import TABLE_LABELS, UNNAMED_PROJECT, TableKind
from budget.views.labels import translate

Quote = Callable[[str], str]
CJK = re.compile(r"[\u3400-\u9fff]")


def _same(text: str) -> str:
    return text


# ---------------------------------------------------------------- the templates

_TEXT_TEMPLATES = {
    DEFAULT_TEMPLATE: "“{section}” says “{label}{printed}”; {figure} is {value}, a difference of {difference}",
    "split": (
        "“{section}” splits {figure} {value} into {parts}: the sum agrees with the table, but the table has no "
        "such items"
    ),
    "bound": "“{section}” says “{label}{printed}”, more than {figure} {value}, by {difference}",
    "lower": (
        "“{section}” says “{label}{printed}”, less than {figure} {value} (the table gives only a part), by {difference}"
    ),
    "last_year": (
        "“{section}” says “{label}{printed}”; {figure} is {value}, exactly last year's figure in the text {last}: "
        "check whether the table gives last year's figures"
    ),
    "budgeted": (
        "“{section}” says “{label}{printed}”; {figure} is {value}, exactly the budget figure in the text "
        "{budgeted}: check whether the budget column was read"
    ),
}
_ROUNDING = (
    "{place}: {what} {actual}, {parts} = {expected}, a difference of {difference}, within the rounding tolerance "
    "±{tolerance} of {items} items"
)
_SAME = "{place} {actual}, but {other_place} {expected}, a difference of {difference}"
_PART = "{place} {actual} is more than {whole_place} {expected}, by {difference}"
_READ = "{table} may be misread: "
_NOT_COUNTED = ", so this table's checks do not count as errors"

# (rule id, template name) -> English, for every template of every rule in the catalogue
TEMPLATES: dict[tuple[str, str], str] = {
    (
        "ARITH-ROW",
        DEFAULT_TEMPLATE,
    ): "{table} {row}: {whole} {actual}, {parts} = {expected}, a difference of {difference}",
    ("ARITH-ROW", "rounding"): _ROUNDING,
    ("ARITH-ROW", "cell"): (
        "{table} {row} {column} may be wrong: {count} checks fail because of it, all by {difference} ({where})"
    ),
    ("ARITH-HIER", DEFAULT_TEMPLATE): (
        "{table} {row}: {column} {actual}, sub-items {parts} = {expected}, a difference of {difference}"
    ),
    ("ARITH-HIER", "rounding"): _ROUNDING,
    ("ARITH-TOTALS", "rounding"): _ROUNDING,
    ("ARITH-3PUB", "rounding"): _ROUNDING,
    ("ARITH-PROC", "rounding"): _ROUNDING,
    ("ARITH-ASSETS", "rounding"): _ROUNDING,
    ("ARITH-TOTALS", DEFAULT_TEMPLATE): "{table}: {what} {actual}, {parts} = {expected}, a difference of {difference}",
    ("ARITH-3PUB", DEFAULT_TEMPLATE): (
        "'Three public' expenses table: {what} {actual}, {parts} = {expected}, a difference of {difference}"
    ),
    ("ARITH-PROC", DEFAULT_TEMPLATE): (
        "Government procurement table {row}: amount {actual}, {parts} = {expected}, a difference of {difference}"
    ),
    ("ARITH-ASSETS", DEFAULT_TEMPLATE): (
        "Fixed assets table: total assets {actual}, {parts} = {expected}, a difference of {difference}"
    ),
    ("XREF-SUMMARY", DEFAULT_TEMPLATE): _SAME,
    ("XREF-SUMMARY", "not_in_expenditure"): (
        "The summary table lists “{name}” {amount}; the expenditure table has no such class"
    ),
    ("XREF-SUMMARY", "not_in_summary"): (
        "Expenditure table {row} total {amount}: the summary table does not list this class"
    ),
    ("XREF-SUMMARY", "misnamed"): (
        "The summary table lists “{name}” {amount}; in the expenditure table this amount is {row}: the class names "
        "differ"
    ),
    ("XREF-INCOME", DEFAULT_TEMPLATE): _SAME,
    ("XREF-FISCAL", DEFAULT_TEMPLATE): _SAME,
    ("XREF-PART", DEFAULT_TEMPLATE): _PART,
    ("XREF-PART", "not_in_expenditure"): (
        "General public budget expenditure table {row} total {amount}: the expenditure table has no such item"
    ),
    ("XREF-RUNNING", DEFAULT_TEMPLATE): _PART,
    ("XREF-3PUB-ECON", DEFAULT_TEMPLATE): _PART,
    ("XREF-INSURANCE", DEFAULT_TEMPLATE): _SAME,
    ("XREF-INSURANCE", "rounding"): _ROUNDING,
    ("XREF-NAMES", DEFAULT_TEMPLATE): "{place} has “{actual}”, {other_place} has “{expected}”",
    ("XREF-UNIT", DEFAULT_TEMPLATE): "The header of {table} says “{written}”, but this document is “{expected}”",
    **{
        (rule, name): text
        for rule in ("TEXT-TOTALS", "TEXT-RUNNING", "TEXT-3PUB", "TEXT-PROC", "TEXT-ASSETS")
        for name, text in _TEXT_TEMPLATES.items()
    },
    ("TEXT-UNIT", DEFAULT_TEMPLATE): (
        "“{section}” says “{label}{printed}”; {figure} is {value}: the money unit is wrong (it should be {unit})"
    ),
    ("TEXT-KIND", DEFAULT_TEMPLATE): "“{section}” {verb} “{word}”, but this document is a {kind} budget",
    ("TEXT-LEVEL", DEFAULT_TEMPLATE): "“{section}” says “{word}”, but this document is a {level} budget",
    ("TEXT-COUNTS", DEFAULT_TEMPLATE): (
        "“{section}” says “{sentence}”: the parts listed after 'of which' come to {parts}, more than the whole, {whole}"
    ),
    ("TEXT-YEAR", DEFAULT_TEMPLATE): (
        "“{section}” compares with {written}, but this budget is for {year}: the year before is {expected}"
    ),
    ("TEXT-ITEMS", DEFAULT_TEMPLATE): (
        "“{section}” gives “{name}” as {printed}; {figure} is {value}, a difference of {difference}"
    ),
    ("TEXT-ITEMS", "unit"): (
        "“{section}” says “{label}{printed}”; {figure} is {value}: the money unit is wrong (it should be {unit})"
    ),
    ("TEXT-NAMES", DEFAULT_TEMPLATE): "“{section}” writes “{written}”; in {table} this item is “{expected}”",
    ("TEXT-NAMES", "not_found"): "“{name}” in “{section}” matches no item of the expenditure tables",
    ("TEXT-SHARE", DEFAULT_TEMPLATE): (
        "“{name}” {amount}: the text says {printed}% of the whole; the {items} items listed add up to {base}, so it is "
        "{expected}%"
    ),
    ("TEXT-SHARE", "whole"): (
        "“{name}” {amount}: the text says {printed}%; {whole}, the amount it is listed under, is {base}, so it is "
        "{expected}%"
    ),
    ("TEXT-PERCENT", DEFAULT_TEMPLATE): (
        "“{name}”: last year {last}, this year {this}: {direction} of {expected}%, but the text says {word} of "
        "{printed}%"
    ),
    ("TEXT-PERCENT", "zero_base"): (
        "“{name}”: last year is 0, so no percentage change can be computed; the text says {word} of {printed}%"
    ),
    ("TEXT-DIRECTION", DEFAULT_TEMPLATE): (
        "“{name}”: last year {last}, this year {this}: {expected}, but the text says {actual}"
    ),
    ("TEXT-DIRECTION", "zero"): (
        "“{name}” says “{word}{printed}”: the amount did not change, so it should say “unchanged” or “the same as "
        "last year”"
    ),
    ("TEXT-CHANGE", DEFAULT_TEMPLATE): (
        "“{name}”: this year {this} − last year {last} = {expected}; the text says {word} of {printed}"
    ),
    ("TEXT-REASON", DEFAULT_TEMPLATE): "“{name}” shows {direction}, but the reason given is “{reason}”",
    ("TEXT-REASON", "unchanged"): (
        "“{name}” shows {direction} of {change}, but the reason given is “{reason}”: no change means no increase or "
        "decrease"
    ),
    ("TEXT-REASON-COPY", DEFAULT_TEMPLATE): "The reason for the change of “{name}” is about “{other}”: “{reason}”",
    ("COMPLETE-TABLES", DEFAULT_TEMPLATE): "{table} is missing",
    ("COMPLETE-TABLES", "unrecognised"): (
        "No {table} found ({unknown} other tables were not recognised; it may be listed under a local title, please "
        "check)"
    ),
    ("COMPLETE-TABLES", "as_text"): (
        "{table} has its title printed (“{title}”), but no table was read (usually an empty table), please check"
    ),
    ("COMPLETE-TABLES", "later"): "{table} is missing, and the text does not say the unit has no such budget",
    ("COMPLETE-TABLES", "later_explained"): "{table} is not printed; the text says there is no such budget",
    ("COMPLETE-EMPTY", DEFAULT_TEMPLATE): "{table} has no data and no note saying why it is empty",
    ("COMPLETE-EMPTY", "noted"): "{table} has amounts, but its note says “{note}”",
    ("COMPLETE-SECTIONS", DEFAULT_TEMPLATE): "No section “{part}” found",
    ("COMPLETE-OVERVIEW", DEFAULT_TEMPLATE): "“{section}” does not state the total income and expenditure",
    ("COMPLETE-3PUB-REASON", DEFAULT_TEMPLATE): (
        "“{section}” does not say how the 'three public' expenses changed from last year, or why"
    ),
    ("FORM-NUMBERING", DEFAULT_TEMPLATE): "The heading “{heading}” is out of sequence: it should be “{expected}”",
    ("FORM-NUMBERING", "goal_twice"): "“{project}”: a performance goal number is repeated: “{text}”",
    ("FORM-NUMBERING", "goal_gap"): (
        "“{project}”: performance goal numbers are out of sequence: “{number}” where “{expected}” should be"
    ),
    ("FORM-DUPLICATE", DEFAULT_TEMPLATE): "“{place}”: “{text}” repeats “{word}”",
    ("FORM-DUPLICATE", "punctuation"): "“{place}”: the punctuation “{text}” is doubled",
    ("FORM-BRACKETS", DEFAULT_TEMPLATE): "“{place}”: {problem}",
    ("FORM-BRACKETS", "repeated"): "{problem}, {count} times: {places}",
    ("FORM-TRUNCATED", DEFAULT_TEMPLATE): "“{place}”: a sentence is not finished: “{text}”",
    ("FORM-PLACEHOLDER", DEFAULT_TEMPLATE): "“{place}” has the placeholder “{text}”",
    ("FORM-CODE", DEFAULT_TEMPLATE): "{table} item “{code} {name}”: the code is incomplete or not under its parent",
    ("FORM-CODE-NAME", DEFAULT_TEMPLATE): (
        "{table} code {code} is named “{name}”; in the classification {code} is “{expected}”"
    ),
    ("FORM-DOT", DEFAULT_TEMPLATE): "“{place}” has “{dot}” between two Chinese characters: “{text}”",
    ("FORM-GARBLED", DEFAULT_TEMPLATE): "“{place}” has garbled text “{text}”",
    ("FORM-LEFTOVER", DEFAULT_TEMPLATE): "“{place}” has template text left in it: “{text}”",
    ("FORM-UNPUNCTUATED", DEFAULT_TEMPLATE): "“{place}”: this sentence has no final punctuation: “{text}”",
    ("FORM-CODE-PRINTED", DEFAULT_TEMPLATE): (
        "{table} code printed as “{printed}” (read as “{code} {name}”): the code has the wrong digits or parts"
    ),
    ("PERF-EMPTY", DEFAULT_TEMPLATE): "“{project}”: the indicator “{indicator}” has no target value",
    ("PERF-EMPTY", "placeholder"): (
        "“{project}”: {count} indicators are only the placeholder “……”, with no indicator or target value"
    ),
    (
        "PERF-QUANT",
        DEFAULT_TEMPLATE,
    ): "“{project}”: the target of indicator “{indicator}” is “{target}”, not quantified",
    ("PERF-QUANT", "deadline_rate"): (
        "“{project}”: the indicator “{indicator}” is a deadline, but its target is “{target}”: a deadline is a date "
        "or a period"
    ),
    ("PERF-QUANT", "no_unit"): "“{project}”: the target “{target}” of indicator “{indicator}” has no unit",
    ("PERF-QUANT", "repeated"): "{count} indicators have the same target “{target}”, not quantified: {places}",
    (
        "PERF-QUANT",
        "no_unit_repeated",
    ): "{count} indicators have a bare number as their target, without a unit: {places}",
    ("PERF-QUANT", "deadline_rate_repeated"): (
        "{count} deadline indicators have a percentage as their target (a deadline is a date or a period): {places}"
    ),
    ("PERF-COST", "repeated"): "{count} cost indicators have targets without {missing}: {places}",
    ("PERF-COST", "floor_repeated"): (
        "{count} cost indicators have a floor as their target: a cost indicator is a cap (≤): {places}"
    ),
    ("PERF-COST", DEFAULT_TEMPLATE): (
        "“{project}”: the target of cost indicator “{indicator}” is “{target}”, without {missing}"
    ),
    ("PERF-COST", "floor"): (
        "“{project}”: the target of cost indicator “{indicator}” is “{target}”, a floor: a cost indicator is a cap (≤)"
    ),
    ("PERF-COST-CAP", DEFAULT_TEMPLATE): (
        "“{project}”: cost indicator “{indicator}” caps at {cap}, more than {source} {amount}"
    ),
    ("PERF-LEVELS", DEFAULT_TEMPLATE): "“{project}” has no {missing}",
    ("PERF-LEVELS", "none"): "“{project}” has no performance indicators",
    ("PERF-LEVELS", "unlevelled"): "“{project}”: the indicator “{indicator}” has no level 1 or level 2 category",
    ("PERF-LEVELS", "some_unlevelled"): (
        "“{project}”: {count} indicators have no level 1 or level 2 category: {places}"
    ),
    ("PERF-LEVELS", "form_unlevelled"): (
        "“{project}”: none of its {count} indicators has a level 1 or level 2 category (the form classifies none)"
    ),
    ("PERF-LEVELS", "no_level_columns"): (
        "the performance forms of {projects} projects have no level 1 and level 2 columns: {count} indicators are not"
        " classified as output, cost, benefit or satisfaction: {places}"
    ),
    ("PERF-LEVELS", "goals_only"): (
        "the performance tables of {projects} projects list only their goals and budgets, with no indicators"
        " (output, cost, benefit, satisfaction): {places}"
    ),
    ("PERF-LEVELS", "forms_unlevelled"): (
        "“{project}” and the other projects of its form ({projects} in all): none of their {count} indicators has a"
        " level 1 or level 2 category (the form classifies none)"
    ),
    ("PERF-SATISFACTION", DEFAULT_TEMPLATE): (
        "“{project}”: the satisfaction indicator “{indicator}” is {target}, below {threshold}%"
    ),
    ("PERF-NAME-DESC", DEFAULT_TEMPLATE): (
        "“{project}”: the indicator's description is the same as its name “{indicator}”"
    ),
    ("PERF-COPY", DEFAULT_TEMPLATE): "“{project}”: {what} is the same as, or nearly the same as, {other}",
    ("PERF-GOALS", DEFAULT_TEMPLATE): "“{project}” states no performance goals",
    ("PERF-PERIOD", DEFAULT_TEMPLATE): (
        "The performance form's period is “{period}”, which does not include the budget year {year}"
    ),
    ("PERF-FUNDS", DEFAULT_TEMPLATE): (
        "In a performance form, “of which: appropriation” {part} is more than “{label}” {whole}"
    ),
    ("READ-TABLE", DEFAULT_TEMPLATE): _READ
    + "{failed} / {checked} checks within the table fail ({where})"
    + _NOT_COUNTED,
    ("READ-TABLE", "unread"): _READ + "the table prints {printed} amounts, but of the rows read {what}" + _NOT_COUNTED,
    ("READ-TABLE", "three_public"): (
        _READ + "some 'three public' figures read are not printed in the table ({fields})" + _NOT_COUNTED
    ),
    ("READ-TABLE", "budget_row"): _READ + "the budget row was read as the final accounts ({fields})" + _NOT_COUNTED,
    ("READ-TABLE", "economic_rows"): (
        _READ + "the table read has {rows} rows of economic items (302xx, 303xx): it is most likely a page of the "
        "basic expenditure table" + _NOT_COUNTED
    ),
    ("READ-UNIT", DEFAULT_TEMPLATE): (
        "{tables}: printed in {printed}, converted to {unit} (× {factor}, not rounded); the amounts shown and "
        "reported are the converted ones"
    ),
    ("READ-UNIT", "all"): (
        "Every table was printed in {printed} and converted to {unit} (× {factor}, not rounded); the amounts "
        "shown and reported are the converted ones"
    ),
}

NOTES_EN: Mapping[str, str] = {
    "exceeds": ", beyond the rounding tolerance ±{tolerance} of {items} items",
    "coarse": " (the total is rounded to whole yuan while the items give fen: the total should be the items' sum)",
    "signal": " ({signal})",
    "last_digit": " (off by one unit of the last digit: most likely cut off instead of rounded)",
    "one_unit": " (off by one unit of the last digit)",
    "name_cut": " (the table's name is the start of the text's: most likely the column is too narrow, the name cut)",
    "blank": " (one side was read blank: please check the original table)",
    "text_states": (
        " (the text's {stated} agrees with the sum of the items: most likely the table's total is misprinted)"
    ),
    "repeats": " ({count} times in the same place)",
    "this_base": " ({printed}% is exactly the change over this year's amount: a change is over last year's amount)",
    "ratio": " ({printed} is exactly the ratio of the two years' amounts, not the change)",
    "fraction": " ({printed} is the change as a fraction, not multiplied by 100)",
    "truncated": " ({printed}%: the percentage was cut off and padded with zeros; the trailing zeros are not computed)",
}

# The head of an identity a wrong cell breaks (ARITH-ROW "cell" lists them).
HEADS: Mapping[str, str] = {
    "ARITH-ROW": "{table} {row}: {whole} {actual}",
    "ARITH-HIER": "{table} {row}: {column} {actual}",
}

# ---------------------------------------------------------------- our words

# Words the rules put around document text, beyond the interface's (budget.views.labels).
WORDS: Mapping[str, str] = {
    "空白": "blank",
    UNNAMED_PROJECT: "(no project name printed)",
    "千元": "thousand yuan",
    "下级科目": "sub-items",
    "（无分项）": "(no items)",
    "无分项": "no items",
    "数量": "quantity",
    "单价": "unit price",
    "金额": "amount",
    "合计": "total",
    "资产总额": "total assets",
    "现行科目名称": "the current classification name",
    "编制说明": "Explanation",
    "正文": "Text",
    "绩效目标": "performance goals",
    "指标描述": "indicator description",
    "增加": "an increase",
    "减少": "a decrease",
    "持平": "unchanged",
    "增长": "an increase",
    "下降": "a decrease",
    "自称": "calls itself",
    "写": "says",
    "单位": "unit",
    "部门": "department",
    "省级": "provincial",
    "市级": "city",
    "区级": "district",
    "县级": "county",
    "运算符（≤）": "an operator (≤)",
    "金额单位（万元/元）": "a money unit (10k yuan / yuan)",
    "产出指标": "output indicators",
    "效益指标": "impact indicators",
    "满意度指标": "satisfaction indicators",
    "数量指标": "quantity indicators",
    "质量指标": "quality indicators",
    "时效指标": "timeliness indicators",
    "成本指标": "cost indicators",
    "绩效目标表所列项目金额": "the project amount in the performance form",
    "政府采购预算表所列该项目预算": "the project's budget in the procurement table",
    "支出总表项目支出合计": "the expenditure table's total project expenditure",
    "本项目的绩效目标": "this project's performance goals",
    "“三公”经费表": "'Three public' expenses table",
    "“三公”经费表各项之和": "the sum of the 'three public' expenses table's items",
    "“三公”经费和机关运行经费表": "'Three public' and running costs table",
    "公务用车运行（维护）费": "Vehicle running (maintenance)",
    "公务用车运行费": "Vehicle running",
    "基本支出表": "Basic expenditure table",
    "各单位合计": "summed over the units",
    "加年初结转和结余": "plus carry-over from last year",
    "加结转下年": "plus carried over to next year",
    "空表": "empty table",
    "绩效目标涉及的资金不超过此数": "the funds of the performance goals may not exceed this",
    "绩效目标涉及的项目资金不超过此数": "the project funds of the performance goals may not exceed this",
    "项目金额": "project amount",
    "货物": "goods",
    "工程": "works",
    "服务": "services",
    "公用经费合计": "total public costs",
    "机关运行经费不超过此数": "running costs may not exceed this",
    DERIVED_PUBLIC_PLACE: (
        "the limit derived from the economic classification (the basic table prints no public costs: basic "
        "expenditure outside classes 301 and 303 plus project expenditure of classes 302 and 310)"
    ),
    "上年实户资金余额": "Cash balance from last year",
    "用事业基金弥补收支差额": "Institution fund used to cover the gap",
    "结转下年": "Carried over to next year",
    "结余分配": "Surplus distribution",
    "非财政拨款结余": "Non-appropriation surplus",
    "单位资金": "Unit funds",
    "没有一个金额": "none has an amount",
    # the required parts of the explanation (COMPLETE-SECTIONS)
    "职责": "Responsibilities",
    "机构设置": "Organisation",
    "总体情况": "Overview",
    "机关运行经费": "Administrative running costs",
    "“三公”经费": "'Three public' expenses",
    "政府采购": "Government procurement",
    "国有资产": "State assets",
    "名词解释": "Glossary",
    "分项栏都是空白或零，可能没有读到分项所在的栏": (
        "the items are all blank or zero: their columns may not have been read"
    ),
    "合计栏读为空白，可能没有读到合计所在的栏": "the total was read blank: its column may not have been read",
    "相差恰为本行未识别各栏之和，可能有的栏没有读到": (
        "the difference is exactly the sum of the row's unrecognised columns: a column may not have been read"
    ),
    "合计栏空白而分项有数": "the total is blank while the items have figures",
    "相差恰为未识别各栏之和（有的栏没有读到）": (
        "the difference is exactly the sum of the unrecognised columns (a column was not read)"
    ),
}

# Our sentences with document text or numbers in them: pattern -> English with \g<name>;
# the groups are rendered again (``phrase``), so a name in them stays as printed.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), english)
    for pattern, english in (
        (
            r"^相差恰为本行另一栏的 (?P<n>.+)，可能漏读了这一栏$",
            "the difference is exactly the row's other figure \\g<n>: that column may have been missed",
        ),
        (
            r"^相差恰为下面没有读成一行的“(?P<q>.+)”，可能这几行读错了位$",
            "the difference is exactly “\\g<q>” below, which was not read as a row: these rows may be shifted",
        ),
        (
            r"^只有 (?P<n>\d+) 行有金额（印有金额的有 (?P<m>\d+) 行）$",
            "only \\g<n> have amounts (\\g<m> rows print amounts)",
        ),
        (
            r"^有 (?P<n>\d+) 格把一栏的金额和下一栏的名称读成了一格$",
            "\\g<n> cells hold one column's amount and the next column's name",
        ),
        (
            r"^有 (?P<n>\d+) 处把两行读成了一行（如科目编码“(?P<q>.+)”），其后的名称与金额可能错了行$",
            "two rows were read as one in \\g<n> places (such as code “\\g<q>”): the names and amounts after "
            "them may be in the wrong rows",
        ),
        (r"^有 (?P<n>\d+) 行把科目编码读成了金额$", "\\g<n> rows have a code read as an amount"),
        (r"^有 (?P<n>\d+) 行把金额读进了名称$", "\\g<n> rows have an amount read into the name"),
        (r"^不成立最多的是(?P<worst>.+?)(?P<rest>(?:；.*)?)$", "most failures in \\g<worst>\\g<rest>"),
        (
            r"^(?P<n>\d+) 行恰好相差(?P<col>.+?)栏的数（合计栏可能是小计栏）$",
            "\\g<n> rows differ by exactly the \\g<col> column (the total column may be a subtotal)",
        ),
        (
            r"^(?P<n>\d+) 行(?P<rest>合计栏空白而分项有数|相差恰为未识别各栏之和（有的栏没有读到）)$",
            "\\g<n> rows: \\g<rest>",
        ),
        (r"^(?P<col>[^、；\s]+?)栏 (?P<n>\d+)/(?P<m>\d+)$", "the \\g<col> column \\g<n>/\\g<m>"),
        (r"^“(?P<a>.+)”与“(?P<b>.+)”全角半角不配对$", "“\\g<a>” and “\\g<b>” do not match (full and half width)"),
        (r"^多了“(?P<a>.+)”$", "an extra “\\g<a>”"),
        (
            r"^把“(?P<a>.+)”当作(?:大于|小于)号（应写“(?P<b>.)或(?P<c>.)”）$",
            "“\\g<a>” typed for a comparison sign (write “\\g<b>” or “\\g<c>”)",
        ),
        (r"^“(?P<a>.+)”没有对应的“(?P<b>.+)”$", "“\\g<a>” has no matching “\\g<b>”"),
        (r"^指标“(?P<q>.*)”的描述$", "the description of indicator “\\g<q>”"),
        (r"^本项目指标“(?P<q>.*)”$", "this project's indicator “\\g<q>”"),
        (r"^(?P<p>.+)指标“(?P<q>.*)”$", "the indicator “\\g<q>” of “\\g<p>”"),
        (r"^(?P<p>.+)的绩效目标$", "the performance goals of “\\g<p>”"),
        (r"^(?P<a>运算符（≤）)和(?P<b>金额单位（万元/元）)$", "\\g<a> and \\g<b>"),
        (r"^(?P<p>.+)绩效目标表$", "the performance form of “\\g<p>”"),
        (
            r"^(?P<x>货物|工程|服务)类（目录编码 (?P<c>[A-C]) 开头）合计$",
            "total \\g<x> (catalogue codes starting \\g<c>)",
        ),
        (r"^第 (?P<n>\d+) 个金额栏$", "amount column \\g<n>"),
        (r"^第 (?P<n>\d+) 行$", "row \\g<n>"),
        (r"^(?P<t>[^（）、]+)（第 (?P<n>\d+) 页）$", "\\g<t> (page \\g<n>)"),  # READ-UNIT's tables
        (r"^数量 (?P<q>\S+) × 单价 (?P<p>\S+)$", "quantity \\g<q> × unit price \\g<p>"),
    )
)
# group names whose text is the document's (kept as printed), the others are ours or figures
_DOCUMENT_GROUPS = frozenset({"q", "p"})

# The separators the rules join our words and the document's with, the loosest first.
_SEPARATORS = ("；", "、", " + ", " = ", " × ", "，", "：", " ")
_SEPARATORS_EN = {"、": ", ", "；": "; ", "，": ", ", "：": ": "}
_BRACKETED = re.compile(r"^(?P<head>.*?)（(?P<inner>[^（）]+)）$")
_COLUMN = re.compile(r"^(?P<name>.+)栏$")
_CODE = re.compile(r"^\d{3,}$")


def _ours(text: str) -> str | None:
    """Our word in English, or None when it is not one of ours."""
    hit = WORDS.get(text)
    if hit is not None:
        return hit
    english = translate(text, "en")
    return english if english != text and not CJK.search(english) else None


def phrase(text: str, quote: Quote = _same) -> str:
    """A field the rules built in Chinese, in English: our words translated, the document's
    names and figures as printed (each run of them passed through ``quote``)."""
    if not CJK.search(text):
        return text
    whole = _word(text, quote, whole=True)
    if whole is not None:
        return whole
    separator = next((sep for sep in _SEPARATORS if sep in text), None)
    if separator is None:
        return _word(text, quote) or ""
    out = []
    named = False  # the word after a 科目 code is its name, as printed
    for piece in text.split(separator):
        if named and CJK.search(piece) and piece != "空白":
            out.append(_name(piece, quote))
        else:
            out.append(phrase(piece, quote))
        named = separator == " " and bool(_CODE.match(piece))
    return _SEPARATORS_EN.get(separator, separator).join(out)


def _name(text: str, quote: Quote) -> str:
    """A row's name as printed, with a qualifier of ours after it in English ("（基本支出）")."""
    bracketed = _BRACKETED.match(text)
    inner = _ours(bracketed.group("inner")) if bracketed is not None else None
    if bracketed is not None and inner is not None:
        return f"{quote(bracketed.group('head'))} ({inner})"
    return quote(text)


def _word(text: str, quote: Quote, whole: bool = False) -> str | None:
    if not CJK.search(text):
        return text
    ours = _ours(text)
    if ours is not None:
        return ours
    for pattern, english in PHRASES:
        match = pattern.match(text)
        if match is not None:
            return match.expand(_groups(english, match, quote))
    bracketed = _BRACKETED.match(text)
    if bracketed is not None and _ours(bracketed.group("inner")) is not None:
        head = bracketed.group("head")
        return (phrase(head, quote) + " " if head else "") + f"({_ours(bracketed.group('inner'))})"
    if text.endswith("合计") and _ours(text[:-2]) is not None:  # "公用经费合计": a column's total
        return f"total {str(_ours(text[:-2])).lower()}"
    column = _COLUMN.match(text)
    if column is not None and _ours(column.group("name")) is not None:
        return f"{_ours(column.group('name'))} column"
    return None if whole else quote(text)


def _groups(english: str, match: re.Match[str], quote: Quote) -> str:
    """The pattern's English with each group rendered (escaped for ``expand``)."""
    for name, value in match.groupdict().items():
        value = value or ""
        rendered = quote(value) if name in _DOCUMENT_GROUPS else phrase(value, quote)
        english = english.replace(f"\\g<{name}>", rendered.replace("\\", "\\\\"))
    return english


# ---------------------------------------------------------------- rendering

_RULES: Mapping[str, Rule] = {r.id: r for r in CATALOGUE}
_FORMATTER = string.Formatter()


def field_names(template: str) -> list[str]:
    """The fields a ``str.format`` template fills."""
    return [name for _, name, _, _ in _FORMATTER.parse(template) if name]


def document_fields(rule_id: str, name: str) -> frozenset[str]:
    """The fields the Chinese template quotes (“{section}”): the document's words, as printed."""
    rule = _RULES.get(rule_id)
    if rule is None:
        return frozenset()
    template = rule.templates.get(name, rule.template)
    quoted = re.findall(r"“([^“”]*)”", template)
    listed = LISTS & set(field_names(template))
    return (
        frozenset(field for part in quoted for field in field_names(part)) - _OURS_QUOTED.get(rule_id, frozenset())
        | listed
    )


# Fields that list the document's places as printed (a folded defect's “project”“indicator”).
LISTS = frozenset({"places"})


# Quoted in the Chinese template, yet our words: the direction the figures give.
_OURS_QUOTED: Mapping[str, frozenset[str]] = {
    "TEXT-DIRECTION": frozenset({"expected", "actual"}),
    "COMPLETE-SECTIONS": frozenset({"part"}),  # the part required, named by us
}


def _document(name: str, text: str, quote: Quote) -> str:
    """The document's words as printed; a text piece's place is its section heading (or 正文)
    or its project and row, and "正文", the goals' row "绩效目标" and the name of a form that
    prints none are ours."""
    if text == UNNAMED_PROJECT:
        return WORDS[text]
    if name == "place":
        if text in ("正文", "编制说明"):
            return WORDS[text]
        head, _, tail = text.rpartition(" ")
        if head and tail == "绩效目标":
            return f"{quote(head)} {WORDS[tail]}"
    if name in ("section",) and text in ("正文", "编制说明"):
        return WORDS[text]
    return quote(text)


# Fields that list the document's rows by name (the parts of a total read from the rows'
# names, the row a total is printed on): each name as printed, our qualifier in English.
NAMED: Mapping[str, frozenset[str]] = {
    "ARITH-TOTALS": frozenset({"what", "parts"}),
    "ARITH-ASSETS": frozenset({"parts"}),
    "ARITH-PROC": frozenset({"parts"}),
}


def named(text: str, quote: Quote = _same) -> str:
    """Rows named as printed with their figures ("本年收入合计 1.00 + 其他收入 2.00")."""
    whole = _word(text, quote, whole=True) if text in WORDS or any(p.match(text) for p, _ in PHRASES) else None
    if whole is not None:
        return whole
    out = []
    for piece in text.split(" + "):
        name, space, figure = piece.rpartition(" ")
        if not space or (CJK.search(figure) and figure != "空白"):
            name, figure = piece, ""
        out.append(_name(name, quote) + (f" {phrase(figure, quote)}" if figure else ""))
    return " + ".join(out)


def _value(name: str, value: object, document: frozenset[str], quote: Quote, rule: str = "") -> str:
    """One field in English: the document's words as printed, ours translated, numbers as the Chinese prints them."""
    if isinstance(value, str):
        if name in NAMED.get(rule, ()):
            return named(value, quote)
        return _document(name, value, quote) if name in document else phrase(value, quote)
    if isinstance(value, Decimal | int | float):
        return str(value)
    if isinstance(value, Iterable):
        return " + ".join(_value(name, v, document, quote, rule) for v in value)
    return str(value)


def english(finding: Finding, quote: Quote = _same) -> str | None:
    """The finding's message in English, or None when its rule or template has none."""
    template = TEMPLATES.get((finding.rule, finding.template))
    if template is None:
        return None
    fields: dict[str, object] = {**finding.params, **finding.fields}
    document = document_fields(finding.rule, finding.template)
    values = {}
    for name in field_names(template):
        if name == "where" and "linked" in fields:
            values[name] = "; ".join(_head(f, quote) for f in fields["linked"])  # type: ignore[attr-defined]
        else:
            values[name] = _value(name, fields.get(name, ""), document, quote, finding.rule)
    text = template.format(**values)
    for note, note_fields in finding.notes:
        note_template = NOTES_EN[note]
        text += note_template.format(
            **{k: _value(k, note_fields.get(k, ""), frozenset(), quote) for k in field_names(note_template)}
        )
    return text


def _head(finding: Finding, quote: Quote) -> str:
    """The head of an identity (what ARITH-ROW "cell" lists of each failure it folds in)."""
    head = HEADS.get(finding.rule)
    fields: dict[str, object] = {**finding.params, **finding.fields}
    if head is None:
        return english(finding, quote) or finding.message
    return head.format(**{k: _value(k, fields.get(k, ""), frozenset(), quote) for k in field_names(head)})


_FIGURE_UNIT = re.compile(r"(?<![\w.,])([-+]?\d[\d,]*(?:\.\d+)?) (元|万元|亿元)(?=$|<br>|[\s　（(])")


def units(text: str, lang: str = "zh") -> str:
    """Our formatted figures ("1,065.08 万元") with the unit word in ``lang`` ("1,065.08 10k
    yuan"). Only for the labels we format, never for document text."""
    if lang != "en" or not text:
        return text
    return _FIGURE_UNIT.sub(lambda m: f"{m.group(1)} {translate(m.group(2), 'en')}", text)


def message(finding: Finding, lang: str = "zh", quote: Quote = _same) -> str:
    """The finding's message in ``lang`` (the Chinese message when no English is known)."""
    if lang != "en":
        return finding.message
    return english(finding, quote) or finding.message


def place(finding: Finding, lang: str = "zh") -> str:
    """Where, in words (``budget.export.reports.place``) in ``lang``: "Expenditure table ·
    2040601 · Total · page 3"; rows, projects and sections as printed."""
    if lang != "en":
        from budget.export.reports import place as chinese  # the exports' own (they import this module)

        return chinese(finding)
    loc = finding.location
    parts: list[str] = []
    if loc.table:
        kind = TableKind(loc.table)
        if kind == TableKind.PERFORMANCE and loc.project:
            parts.append(f"{loc.project} — {translate(TABLE_LABELS[kind], 'en')}")
        else:
            parts.append(translate(TABLE_LABELS[kind], "en"))
        if loc.row and loc.row != loc.project:
            parts.append(WORDS["绩效目标"] if loc.row == "绩效目标" else loc.row)
        if loc.column and loc.column != loc.project:
            column = translate(loc.column, "en")  # a column heading, as the tables head it
            parts.append(column if not CJK.search(column) else _ours(loc.column) or loc.column)
        if loc.page:
            parts.append(f"page {loc.page}")
    elif loc.section:
        parts.append(WORDS.get(loc.section.strip(), loc.section.strip()))
        if loc.page:
            parts.append(f"page {loc.page}")
    return " · ".join(parts) or "Whole document"


# ---------------------------------------------------------------- why a rule did not run

# The reasons of the rules' needs (``budget.checks.core.Need``), by their Chinese.
REASONS: Mapping[str, str] = {
    "固定资产表没有资产总额行或编号的分类行": (
        "The fixed assets table has no total assets row or numbered asset classes"
    ),
    "基本支出表没有公用经费合计，也不能按经济分类推算（没有按经济分类列示的基本支出和项目支出）": (
        "The basic expenditure table has no total of public costs, and they cannot be derived from the economic "
        "classification (basic and project expenditure are not listed by economic class)"
    ),
    "支出总表不是按功能分类科目列示的，或与一般公共预算支出表的科目大多对不上（可能按单位或经济分类列示）": (
        "The expenditure table is not listed by functional classification, or most of its items do not match the "
        "general public budget table's (it may be listed by unit or by economic classification)"
    ),
    "支出总表没有识别出“类”级科目": "No class-level items were recognised in the expenditure table",
    "收入总表或支出总表没有合计行": "The income or expenditure table has no total row",
    "收支总表的支出栏不是按功能分类的“类”列示": (
        "The summary table's expenditure side is not listed by functional class"
    ),
    "文件中几乎没有文字说明（只有表格部分）": "The document has almost no explanation (only the tables)",
    "文件中没有可核对的收支表格": "The document has no income or expenditure table to check",
    "文件中没有可读的“三公”经费支出表": "The document has no readable 'three public' expenses table",
    "文件中没有固定资产占用情况表": "The document has no fixed assets table",
    "文件中没有带科目编码的表格": "The document has no table with classification codes",
    "文件中没有收支总表或财政拨款收支总表": "The document has no summary table or fiscal appropriation summary",
    "文件中没有政府采购预算表": "The document has no government procurement table",
    "政府采购预算表没有印出合计金额": "The government procurement table prints no total",
    "政府采购预算表没有品目编码，不能按货物、工程、服务分列": (
        "The government procurement table has no catalogue codes to split it into goods, works and services"
    ),
    "文件中没有标准表格": "The document has no standard tables",
    "文件中没有标准表格（只有文字部分，或只有绩效目标表）": (
        "The document has no standard tables (only the explanation, or only performance forms)"
    ),
    "文件中没有识别出文字说明部分": "No explanation was recognised in the document",
    "文件中没有识别出标题": "No headings were recognised in the document",
    "文件中没有项目绩效目标表": "The document has no project performance forms",
    "文件标题没有写明预算级次（市级、区级……）": (
        "The document's title does not name its budget level (city, district …)"
    ),
    "无法判断本文件是单位预算还是部门预算": "Whether this is a unit or a department budget cannot be told",
    "无法识别预算年度": "The budget year cannot be recognised",
    "正文中没有写出这一类金额": "The text gives no amounts of this kind",
    "正文中没有可与表格对照的金额": "The text gives no amounts to compare with the tables",
    "正文没有同时写出本年金额、上年金额和增减额": (
        "The text does not give this year's amount, last year's and the change together"
    ),
    "正文没有同时给出本年、上年金额和增减方向": (
        "The text does not give this year's and last year's amounts with the direction of the change"
    ),
    "正文没有列出一组带占比、合计为 100% 的金额": "The text lists no items with their shares making up 100%",
    "正文没有同时给出本年金额、上年金额（或增减额）和增减百分比": (
        "The text does not give this year's amount, last year's (or the change) and the percentage together"
    ),
    "正文没有给出增减原因": "The text gives no reasons for changes",
    "没有可与成本指标对照的项目资金": "No project funds to compare the cost indicators with",
    "没有找到“三公”经费说明部分": "No section on the 'three public' expenses found",
    "没有找到总体情况（编制说明）部分": "No overview (explanation) section found",
    "绩效目标表没有写明实施期限的年份": "The performance forms give no years of the implementation period",
    "绩效目标表没有列出资金总额和其中财政拨款": (
        "The performance forms do not list total funds and the appropriation in them"
    ),
    "编制说明没有按科目逐项说明": "The explanation does not go through the items one by one",
    "编制说明没有逐项列出科目金额": "The explanation does not list the items' amounts one by one",
    "编制说明没有逐项给出科目的增减原因": "The explanation gives no reasons for the items' changes",
    "表格中没有列出机关运行经费": "The tables do not list administrative running costs",
    "表格没有列出编制单位": "The tables do not name the unit that prepared them",
    "财政拨款收支总表没有支出总计行": "The fiscal appropriation summary has no total expenditure row",
}


# budget.checks.reading: a rule's findings in a table read unreliably
_SET_ASIDE = re.compile(r"^(\d+) 项结果出自读取不可靠的表格，已归入 READ-TABLE，不计为错误$")


_LACKS_COLUMN = re.compile(r"^(?P<tables>[^“”]+)没有“(?P<column>[^“”]+)”栏$")


def reason(text: str | None, lang: str = "zh") -> str:
    """Why a rule did not run (``RuleResult.reason``) in ``lang``."""
    if not text or lang != "en":
        return text or ""
    hit = REASONS.get(text)
    if hit is not None:
        return hit
    aside = _SET_ASIDE.match(text)
    if aside is not None:
        return f"{aside.group(1)} results come from a table read unreliably: counted under READ-TABLE, not as errors"
    if text.startswith(STATED_UNCOMPARED):  # budget.checks.text.uncompared: stated, nothing to compare with
        why = reason(text.removeprefix(STATED_UNCOMPARED), lang)
        return "The text gives amounts of this kind, but " + why[:1].lower() + why[1:]
    if text.startswith("规则运行出错："):  # the error itself is the program's, in English already
        return "The rule failed: " + text.removeprefix("规则运行出错：")
    lacking = _LACKS_COLUMN.match(text)  # budget.checks.figures: a table without the figure's column
    if lacking is not None:
        tables = [_ours(table) for table in lacking["tables"].split("、")]
        if all(tables) and (column := _ours(lacking["column"])):
            return f"The {', '.join(str(t) for t in tables)} has no “{column}” column"
    absent = text.removeprefix("文件中没有").split("、")  # budget.checks.unmet: the tables it needs
    if text.startswith("文件中没有") and all(_ours(table) for table in absent):
        return "The document has no " + ", ".join(str(_ours(table)) for table in absent)
    return text
