"""The interface in English: every label, message and export header, by its Chinese text.

The Chinese text is the key (it is what the code and the tests read), the English the
value. ``translate`` also handles the composite labels the frames build: a label with
its unit in brackets ("合计（万元）" -> "Total (10k yuan)") and an indented row label.
Document content — names, cells, sentences, file names — is never looked up here: it
stays as printed in both languages.

Rule titles and guidance are keyed by rule id (``RULES``), so the check's catalogue
stays the one list of rules and the English follows it.
"""

from __future__ import annotations

import re

LANGUAGES: tuple[str, ...] = ("zh", "en")

_WITH_UNIT = re.compile(r"^(?P<label>.+?)（(?P<unit>[^（）]+)）$")
_INDENT = re.compile(r"^[\u3000 ]+")


def translate(text: str, lang: str = "zh") -> str:
    """``text`` in ``lang``; Chinese (and anything without an English entry) unchanged."""
    if lang != "en" or not text:
        return text
    hit = EN.get(text)
    if hit is not None:
        return hit
    indent = _INDENT.match(text)
    if indent:
        # An indented row label ("　其中：…"): keep the indentation as plain spaces.
        return "  " * len(indent.group(0)) + translate(text[indent.end() :], lang)
    parts = _WITH_UNIT.match(text)
    if parts:
        label = translate(parts.group("label"), lang)
        if label != parts.group("label"):
            return f"{label} ({translate(parts.group('unit'), lang)})"
    head, colon, rest = text.partition("：")
    if colon and head in EN:
        # "绩效目标表：某项目", "未运行：原因": our word, then document text as printed.
        return f"{EN[head]}: {rest}"
    for pattern, english in PATTERNS:
        if pattern.match(text):
            return pattern.sub(english, text)
    return text


# A severity naming one finding (a badge, a filter, a row), where the summary counts say
# 错误 / Errors; and the display units as short as the unit switch needs them.
ONE_EN = {"错误": "Error", "警告": "Warning", "提示": "Note"}
SHORT_UNITS_EN = {"元": "yuan", "万元": "10k", "亿元": "100m"}


def one(label: str, lang: str = "zh") -> str:
    """A severity label for one finding ("错误" -> "Error")."""
    return ONE_EN.get(label, translate(label, lang)) if lang == "en" else label


# Column headers whose English differs from the same word elsewhere: "项目" heads a column
# of row labels (支出总计, 因公出国（境）费 …), an item, where the bars' "项目" is project spending.
HEADERS_EN = {"项目": "Item"}


def header(text: str, lang: str = "zh") -> str:
    """A table column header in ``lang``."""
    return HEADERS_EN.get(text) or translate(text, lang) if lang == "en" else text


def short_unit(unit: str, lang: str = "zh") -> str:
    return SHORT_UNITS_EN.get(unit, unit) if lang == "en" else unit


def rule_title(rule_id: str, title: str, lang: str = "zh") -> str:
    """A rule's title in ``lang`` (the catalogue's Chinese title when no English is known)."""
    return RULES.get(rule_id, (title, ""))[0] if lang == "en" else title


def rule_guidance(rule_id: str, guidance: str, lang: str = "zh") -> str:
    if lang != "en":
        return guidance
    return RULES.get(rule_id, ("", guidance))[1] or guidance


# ---------------------------------------------------------------- words

EN: dict[str, str] = {
    # the app and its pages
    "**预算透视** · 预算公开文档的可视化与核对": "**BudgetLens** · explore and check budget disclosures",
    "总览": "Overview",
    "支出结构": "Spending structure",
    "基本与项目": "Basic vs project",
    "三公经费": "'Three public' expenses",
    "绩效目标": "Performance targets",
    "原始表格": "Tables as printed",
    "对比": "Compare",
    "发布前检查": "Pre-publication check",
    "名词解释": "Glossary",
    "这份预算公开文档的基本信息、主要数字及其占比，以及支出按功能分类（类）的去向。": (
        "Who published this budget disclosure and for which year, its headline figures and their shares, "
        "and where the money goes by functional class."
    ),
    (
        "支出按功能分类（类 → 款 → 项）的构成；扇区大小为金额。"
        "点击扇区或图旁列表中的一行查看该科目，点击中心或上方路径返回上一层。"
    ): (
        "Spending by functional classification (class → section → item); the size of a sector is its amount. "
        "Click a sector or a row of the list to open it; click the centre or the path above to go back up."
    ),
    (
        "基本支出保障机构运转（人员经费、公用经费），项目支出用于特定任务。上图按功能分类“类”比较两者，下图把"
        "基本支出按经济分类展开。"
    ): (
        "Basic expenditure keeps the organisation running (personnel and public costs); project expenditure pays "
        "for specific tasks. The bars compare the two per functional class; the treemap opens basic expenditure "
        "by economic classification."
    ),
    (
        "因公出国（境）费、公务用车购置及运行费、公务接待费，以及机关运行经费：表中的数字与情况说明中引用的数"
        "字并列对照。"
    ): (
        "Official trips abroad, official vehicles and official receptions, and administrative running costs: "
        "the table's figures next to the figures the narrative quotes."
    ),
    (
        "每个项目的绩效目标与指标（一级 → 二级 → 三级），标出不规范的指标值；逐项勾选核对，进度保存在本次会话"
        "中，可导出。"
    ): (
        "Each project's performance targets and indicators (level 1 → 2 → 3), with ill-formed target values "
        "flagged; tick them off one by one (kept for this session) and export the result."
    ),
    (
        "文档中找到的每一张表（包括未能识别类型的表），按原样列出（金额加千位分隔符，数字不变），可逐表下载 C"
        "SV / XLSX，或下载整个解析结果（JSON）。"
    ): (
        "Every table found in the document (including those whose kind was not recognised), as printed "
        "(amounts with thousands separators, digits unchanged); download each as CSV / XLSX, or the whole "
        "parsed model as JSON."
    ),
    (
        "逐条核对表内运算、表间关系、正文引用的金额、必备内容、文字规范和绩效目标，列出每个问题的位置和两边的"
        "数字；已解释的问题可标为“已说明”，连同说明一起导出，下一稿可导入沿用。"
    ): (
        "Checks the arithmetic in and between tables, the figures the text quotes, the required content, the "
        "wording and the performance targets, listing each problem's place and both figures. Mark a problem "
        "'Explained' with a note; notes go into the exports and can be imported into the next draft."
    ),
    "预算公开文档里常见的名词，用平实的话解释；各页面上把鼠标移到 ⓘ 标记上也能看到。": (
        "The words budget disclosures use, in plain language; hover over the ⓘ marks on the pages to see them there."
    ),
    # the sidebar and the documents
    "语言 · Language": "语言 · Language",
    "文档": "Documents",
    "上传预算公开文档（可多选）": "Upload budget disclosures (several at once)",
    "支持 Word（.docx/.doc/.wps）、文本（.txt）、PDF、Excel（.xlsx/.xls），单个文件不超过 {limit} MB。": (
        "Word (.docx/.doc/.wps), text (.txt), PDF and Excel (.xlsx/.xls), at most {limit} MB per file."
    ),
    "文档只保存在本次会话的内存中，不写入磁盘、不与他人共享；刷新或关闭页面后需要重新上传。": (
        "Documents stay only in this session's memory: never written to disk, never shared. After a reload "
        "or closing the tab, upload them again."
    ),
    "当前查看的文档": "Document on screen",
    "正在解析和检查文档…": "Reading and checking the document…",
    "检查设置": "Check settings",
    "检查设置（已调整）": "Check settings (changed)",
    "所有页面显示的检查结果（发布前检查、三公经费、支出结构、基本与项目、绩效目标）都按此设置；"
    "调整过的设置记在页面链接中，分享链接时一并带上。": (
        "The findings on every page (pre-publication check, three public expenses, expenditure structure, "
        "basic and project, performance goals) follow these settings; changed settings are kept in the page's "
        "link and travel with it when you share it."
    ),
    "满意度指标值不低于 {value}%": "satisfaction targets at least {value}%",
    "文字相似度达到 {value}% 即视为照抄": "texts {value}% similar count as copied",
    "至少 {value} 字的文字才参与比较": "only texts of at least {value} characters are compared",
    "、": ", ",
    "链接中的检查设置 {name}={value} 无法识别（应为 {lowest}–{highest} 的整数），这一项按默认设置检查；"
    "发链接的人看到的检查结果可能与这里不同。": (
        "The link's check setting {name}={value} is not understood (a whole number from {lowest} to {highest} "
        "is expected): the default is used for it, so the findings may differ from what the sender saw."
    ),
    "检查结果按链接带来的检查设置：{settings}（默认设置下的结果可能不同）。": (
        "The findings follow the check settings the link brought: {settings} (with the defaults they may differ)."
    ),
    "检查结果按调整过的检查设置：{settings}；页面链接已记下这些设置。": (
        "The findings follow changed check settings: {settings}; the page's link carries them."
    ),
    "链接还带有检查设置（{settings}）：上传同一文件后，检查结果按这些设置显示。": (
        "The link also carries check settings ({settings}): once the same file is uploaded, the findings follow them."
    ),
    "满意度指标值不低于（%）": "Satisfaction targets at least (%)",
    "满意度指标的目标值低于此数时提示。通常标准为 85%–90%。": (
        "A satisfaction indicator whose target is below this is flagged. Usual practice is 85%–90%."
    ),
    "文字相似度达到（%）即视为照抄": "Texts this similar (%) count as copied",
    "两段指标或目标文字的相似度达到此数时，提示为照抄。": (
        "Two indicator or goal texts at least this similar are flagged as copied."
    ),
    "参与比较的文字至少（字）": "Compare texts of at least (characters)",
    "更短的文字（如“群众满意度”）重复属于正常，不比较。": (
        "Shorter texts (such as an indicator named “public satisfaction”) repeat legitimately and are not compared."
    ),
    "恢复默认设置": "Restore the defaults",
    "合并为一份文档": "Read as one document",
    "当前文档由 {count} 个文件合并而成：{names}": "This document joins {count} files: {names}",
    "这些文件同一单位、同一年度，是一份公开文件的几个部分：{names}": (
        "These files are parts of one disclosure (same unit, same year): {names}"
    ),
    "示例": "Sample",
    "已上传": "Uploaded",
    "示例：{name}": "Sample: {name}",
    "语料库：{name}": "Corpus: {name}",
    "语料库": "Corpus",
    "无法读取《{name}》：{reason}": "Cannot read “{name}”: {reason}",
    "此链接指向的文档尚未加载": "The document this link points to is not loaded",
    (
        "链接中的文档（编号 {prefix}）不在本次会话中。上传的文档只保存在上传者自己的会话里，链接只记下它的编"
        "号，不包含文档本身，所以这里不显示任何数字。请上传同一份文件（编号相同即为同一文件），页面随即显示链"
        "接所指的内容。"
    ): (
        "The document in this link (number {prefix}) is not in this session. An uploaded document stays only in "
        "the session of whoever uploaded it; the link records its number, not the document, so no figures are "
        "shown here. Upload the same file (same number, same file) and the page shows what the link points to."
    ),
    "不打开此链接的文档，查看示例或已上传的文档": "Skip this link's document: show the sample or my uploads",
    # the page frame
    "显示单位": "Display unit",
    "页面上的金额一律换算为此单位并保留两位小数；精确数字见悬停提示、原始表格和导出文件。": (
        "Every amount on the page is converted to this unit and shown with two decimals; the exact figures are "
        "in the hover tips, the tables as printed and the downloads."
    ),
    "{year}年": "{year}",
    "年度未识别": "year not recognised",
    "{kind}预算": "{kind} budget",
    "{kind}决算": "{kind} final accounts",
    "单位": "Unit",
    "部门": "Department",
    "（未识别单位名称）": "(unit name not recognised)",
    "原文金额单位：{unit}": "printed in {unit}",
    "文件：{name}": "file: {name}",
    "编号 {prefix}": "number {prefix}",
    "这是内置的示例文档。在左侧边栏上传自己的预算公开文档后，各页面即显示该文档。": (
        "This is the built-in sample. Upload your own budget disclosure in the sidebar and every page shows it."
    ),
    "元": "yuan",
    "万元": "10k yuan",
    "亿元": "100m yuan",
    "来源：{table} · {page}": "Source: {table} · {page}",
    "来源：{table}": "Source: {table}",
    "来源：正文 · {page}": "Source: the text · {page}",
    "来源：正文": "Source: the text",
    "第 {page} 页": "page {page}",
    "表格": "table",
    "原文：{figure}": "As printed: {figure}",
    # 总览
    "{label}（{unit}）": "{label} ({unit})",
    "占{whole} {share}": "{share} of {whole}",
    "原文数字：{figure}": "As printed: {figure}",
    "卡片上的数字已换算为{unit}并四舍五入到两位小数。": "The card shows it in {unit}, rounded to two decimals.",
    "收入总计": "Total income",
    "支出总计": "Total expenditure",
    "一般公共预算基本支出": "General public budget basic expenditure",
    "财政拨款基本支出": "Fiscal appropriation basic expenditure",
    "基本支出": "Basic expenditure",
    "项目支出": "Project expenditure",
    "人员经费": "Personnel costs",
    "公用经费": "Public costs",
    "“三公”经费": "'Three public' expenses",
    "政府采购": "Government procurement",
    "钱花在哪里": "Where the money goes",
    "按功能分类“类”汇总的支出合计，及占支出总计的比例。": (
        "Total spending per functional class, and its share of total expenditure."
    ),
    "支出按功能分类": "Spending by functional class",
    "识别结果": "What was recognised",
    "识别的表格": "Tables recognised",
    "未识别的表格": "Tables not recognised",
    "空表": "Empty tables",
    "绩效项目 / 指标": "Projects / indicators",
    "解析说明（{count} 条）": "Reading notes ({count})",
    "文档中没有找到这个数字。": "Not found in the document.",
    "没有可显示的功能分类数据。": "No functional classification data to show.",
    # 支出结构
    "口径": "Measure",
    "合计": "Total",
    "图": "Chart",
    "表": "Table",
    "全部科目": "All",
    "选中的科目（点击图中扇区也可选择）": "Selected (or click a sector in the chart)",
    "明细：{sector}（{count} 行）": "Rows: {sector} ({count})",
    "这份文档没有{measure}的功能分类数据。": "This document has no functional classification data for {measure}.",
    "“{sector}”在{measure}口径下没有金额，图中显示其上级“{shown}”；切换回其他口径时仍回到该科目。": (
        "“{sector}” has no amount under {measure}; the chart shows its parent “{shown}”. Switch back to another "
        "measure and it opens again."
    ),
    "点选一行即打开该科目；图中放不下标签的小扇区也列在这里。": (
        "Pick a row to open it; small sectors whose labels do not fit in the chart are listed here too."
    ),
    "功能分类支出旭日图：类、款、项三层，扇区大小为金额": (
        "Sunburst of spending by functional classification: class, section, item; sector size is the amount"
    ),
    "科目": "Item",
    "科目编码": "Code",
    "科目名称": "Name",
    "金额": "Amount",
    "占比": "Share",
    # 基本与项目
    "各类支出中的基本支出与项目支出": "Basic and project expenditure per class",
    "基本支出的经济分类构成": "What basic expenditure buys (economic classification)",
    (
        "基本支出 → 人员经费 / 公用经费 → 经济分类“类” → “款”（一般公共预算基本支出表，或经济分类支出表的基本支出列）；"
        "方块面积与金额成正比，百分比为占基本支出的比例，点击方块可放大。"
    ): (
        "Basic expenditure → personnel / public costs → economic class → section (basic expenditure table, or "
        "the basic expenditure column of the economic classification table); "
        "each tile's area is proportional to its amount, the percentage is its share of basic expenditure; "
        "click a tile to zoom in."
    ),
    "这份文档没有可用的基本支出经济分类数据。": (
        "This document has no usable economic classification of basic expenditure."
    ),
    "这份文档的经济分类表没有分列人员经费和公用经费：图中的人员经费（301 工资福利支出、303 对个人和家庭的补助）"
    "和公用经费（302 商品和服务支出及其余各类）是按科目编码推算的，不是文档印出的数字。": (
        "This document's economic classification table does not split personnel and public costs: the chart's "
        "personnel costs (301 salaries and benefits, 303 payments to individuals and households) and public "
        "costs (302 goods and services and every other class) are derived from the codes, not printed in the "
        "document."
    ),
    "按科目编码推算，文档未印出": "Derived from the codes, not printed",
    "表中各类相加": "Sum of the table's classes",
    "文档没有列出这一项的表格：数字取自正文的说明，{figure}。": (
        "The document has no table of this figure: it is taken from the text, {figure}."
    ),
    "表的合计行没有这一项：按表中各类相加，{figure}。": (
        "The table's total row does not carry it: the sum of the table's classes, {figure}."
    ),
    "文档没有分列人员经费和公用经费：301 工资福利支出、303 对个人和家庭的补助计为人员经费，"
    "其余各类计为公用经费，按基本支出各科目相加。": (
        "The document does not split personnel and public costs: 301 salaries and benefits and 303 payments "
        "to individuals and households count as personnel costs, every other class as public costs, summed "
        "over the basic expenditure rows."
    ),
    "人员经费（按科目推算）": "Personnel costs (derived from the codes)",
    "公用经费（按科目推算）": "Public costs (derived from the codes)",
    "这份文档的基本支出表没有分列人员经费和公用经费：图中直接按经济分类“类” → “款”展开。": (
        "This document's basic expenditure table does not split personnel and public costs: the chart opens "
        "the economic classes and sections directly."
    ),
    "图中每个方块都列在这里（小方块的标签在图中可能放不下）。": (
        "Every tile of the chart is listed here (a small tile's label may not fit in the chart)."
    ),
    "基本": "Basic",
    "项目": "Project",
    "基本支出与项目支出": "Basic and project expenditure",
    "基本支出经济分类": "Basic expenditure by economic classification",
    # 三公经费
    "机关运行经费": "Administrative running costs",
    "未识别到“三公”经费支出表。": "No 'three public' expenses table was recognised.",
    "情况说明原文": "The narrative, as printed",
    "说明中另列：{label} {amount}（表中无对应项）": (
        "The narrative also lists: {label} {amount} (no such item in the table)"
    ),
    "情况说明中未找到机关运行经费的金额。": "The narrative gives no amount for administrative running costs.",
    "表内金额": "In the table",
    "说明中金额": "In the narrative",
    "核对": "Check",
    "一致": "Consistent",
    "一致（四舍五入）": "Consistent (rounded)",
    "说明未提及": "Not in the narrative",
    "说明列分项": "Narrative gives its parts",
    "表中未列示": "Not in the table",
    "未核对": "Not checked",
    "发布前检查（{severity}）：": "Pre-publication check ({severity}):",
    "图中上级科目至少按下级之和绘制，标签仍显示文档中的数字。": (
        "The chart draws a parent at least as large as the sum of its items; the labels keep the document's figures."
    ),
    "图中上级项目至少按下级之和绘制，标签仍显示文档中的数字。": (
        "The chart draws a parent at least as large as the sum of its items; the labels keep the document's figures."
    ),
    "检查说明": "What the check says",
    "容差": "Tolerance",
    "“三公”经费合计": "'Three public' expenses, total",
    "因公出国（境）费": "Official trips abroad",
    "公务用车购置及运行（维护）费": "Official vehicles: purchase and running",
    "其中：公务用车购置费": "of which: vehicle purchase",
    "其中：公务用车运行（维护）费": "of which: vehicle running and maintenance",
    "公务接待费": "Official receptions",
    "机关运行经费（三公经费表）": "Administrative running costs (three public table)",
    "机关运行经费（不超过基本支出表公用经费）": "Administrative running costs (at most the basic table's public costs)",
    "机关运行经费（不超过按经济分类推算的上限）": (
        "Administrative running costs (at most the limit derived from the economic classification)"
    ),
    "未超过": "Within",
    # 绩效目标
    "共 **{projects}** 个项目、**{indicators}** 项指标；标出的问题 **{flags}** 处（一项指标可有几处）。": (
        "**{projects}** projects, **{indicators}** indicators; **{flags}** problems flagged "
        "(an indicator may have several)."
    ),
    "{count} 项指标": "{count} indicators",
    "已核对 {done}": "{done} ticked",
    "这份文档的绩效目标表只列出项目和绩效目标的文字，没有一级、二级、三级指标，无法逐项核对；原表如下。": (
        "This document's performance table lists its projects and their goals in words, with no level 1, 2 and 3 "
        "indicators, so there is nothing to tick off; the table as printed:"
    ),
    "这份文档中没有识别到项目绩效目标表。": "No project performance table was recognised in this document.",
    "这份文件中没有预算表格，只有文字说明。有些地方把情况说明和预算报表分成两个文件发布："
    "如果还有报表文件，请在左侧一并上传（可多选），两部分会合为一份文档。": (
        "This file has no budget tables, only the narrative. Some places publish the narrative and"
        " the tables as two files: if there is a file of tables, upload it too (several at once, on"
        " the left) and the two are read as one document."
    ),
    "这份文件中没有收支总表等标准预算表格，可能只是预算公开文件的一部分："
    "如果其余部分另行发布，请在左侧一并上传（可多选），各部分会合为一份文档。": (
        "This file has none of the standard budget tables (the income and expenditure summary and"
        " the others): it may be one part of a disclosure. If the other parts are published apart,"
        " upload them too (several at once, on the left) and they are read as one document."
    ),
    "这份文档没有项目绩效目标表；正文中关于绩效目标的说明如下。": (
        "This document prints no project performance table; what its narrative says of the performance targets:"
    ),
    "已核对 {done} / {total} 项指标": "{done} / {total} indicators ticked",
    "（未填写）": "(not filled in)",
    "成本与预算": "Cost and budget",
    "- 项目预算：{amount}": "- Project budget: {amount}",
    "- 成本上限（{indicator}）：{amount}": "- Cost cap ({indicator}): {amount}",
    "绩效表未列示": "not in the performance table",
    "同名项目的政府采购预算": "Procurement budget of the project with this name",
    "（无指标值）": "(no target value)",
    "（未填指标名称）": "(indicator name missing)",
    "（未填一级指标）": "(level 1 missing)",
    "（未填二级指标）": "(level 2 missing)",
    "依据：{basis}": "Basis: {basis}",
    "导出核对结果": "Export the review",
    "绩效指标核对": "Performance indicator review",
    "指标值缺失": "target value missing",
    "定性指标值，无法衡量": "qualitative target, cannot be measured",
    "指标值缺少计量单位": "target value has no unit",
    "成本指标应写成金额上限（如 ≤20万元）": "a cost indicator should be an amount cap (such as ≤200,000 yuan)",
    "缺少一级指标": "level 1 missing",
    "缺少二级指标": "level 2 missing",
    "缺少三级指标名称": "level 3 name missing",
    "缺少指标描述": "description missing",
    "指标描述与指标名称相同": "description repeats the name",
    "缺少指标值确定依据": "basis of the target missing",
    "一级指标": "Level 1",
    "二级指标": "Level 2",
    "三级指标": "Level 3",
    "指标描述": "Description",
    "指标值": "Target",
    "确定依据": "Basis",
    "已核对": "Ticked",
    "是": "Yes",
    "否": "No",
    "采购物品": "Item bought",
    "目录编码": "Catalogue code",
    "数量": "Quantity",
    "计量单位": "Unit of measure",
    "采购金额": "Procurement amount",
    "项目预算": "Project budget",
    # 原始表格
    "下载完整解析结果（JSON）": "Download the parsed model (JSON)",
    "未识别": "not recognised",
    "\u3000（空表）": " (empty)",
    "（无标题）": "(no title)",
    "下载 CSV": "Download CSV",
    "下载 XLSX": "Download XLSX",
    # 对比
    (
        "在左侧边栏一次上传两份或更多预算公开文档（如同一单位的不同年度，或不同单位），这里就会把它们的主要数"
        "字和功能分类支出并列对比。"
    ): (
        "Upload two or more budget disclosures in the sidebar (one unit in several years, or several units) "
        "and their headline figures and functional spending are compared here side by side."
    ),
    "{count} 份文档并列；金额先精确换算为同一单位，再保留两位小数显示；下载的表格保留全部小数。": (
        "{count} documents side by side; amounts are converted exactly to one unit and shown with two "
        "decimals; the download keeps every decimal."
    ),
    "两份文档同为“{unit}”：增减额 = {later}年 − {earlier}年，增减率以较早的 {earlier}年 为基数。": (
        "Both documents are “{unit}”: change = {later} − {earlier}, the rate relative to {earlier}."
    ),
    "主要数字": "Headline figures",
    "功能分类（类）": "Functional classes",
    "按“类”编码对应；某份文档没有的类显示为 —。单位：{unit}。": (
        "Matched by class code; a class a document does not have shows —. Unit: {unit}."
    ),
    "预算对比": "Budget comparison",
    "年度": "Year",
    "预算类型": "Kind",
    "金额单位（原文）": "Printed unit",
    "文件": "File",
    "功能分类": "Functional class",
    "增减额": "Change",
    "增减率": "Change rate",
    "分组": "Group",
    "名称": "Name",
    "公务用车购置及运行费": "Official vehicles: purchase and running",
    "其中：公务用车运行维护费": "of which: vehicle running and maintenance",
    # 发布前检查
    "错误": "Errors",
    "警告": "Warnings",
    "提示": "Notes",
    "已处理": "Reviewed",
    "待处理的错误；共 {total} 项，已处理的不计。": "Errors still to do; {total} in all, reviewed ones not counted.",
    "待处理的警告；共 {total} 项，已处理的不计。": "Warnings still to do; {total} in all, reviewed ones not counted.",
    "待处理的提示（如四舍五入差），共 {total} 项。": (
        "Notes still to do (such as rounding differences); {total} in all."
    ),
    "标为“已说明”{explained} 项、“已改正”{fixed} 项。": "{explained} marked 'Explained', {fixed} marked 'Fixed'.",
    "共 {rules} 条规则：通过 {passed} 条，发现问题 {failed} 条，未运行 {not_run} 条。": (
        "{rules} rules: {passed} passed, {failed} found problems, {not_run} did not run."
    ),
    "通过的规则中有 {noted} 条只留下提示（如四舍五入差）。": (
        " Of those passed, {noted} left notes only (rounding and the like)."
    ),
    "为什么有 {count} 条规则未运行？": "Why did {count} rules not run?",
    (
        "规则要核对的表格或内容在这份文档中没有找到（例如没有政府采购预算表，或没有识别出正文标题），就无法运"
        "行。**未运行不等于通过**：请确认文档是否本来就没有这部分内容，还是没有被识别出来（可在“原始表格”页查"
        "看识别结果）。"
    ): (
        "A rule cannot run when the table or text it checks is not in this document (no procurement table, "
        "say, or no headings recognised). **Not run is not passed**: check whether the document really lacks "
        "that part or it was not recognised (see 'Tables as printed')."
    ),
    "编号": "Id",
    "原因": "Reason",
    "导入上一稿的检查报告（JSON 或 XLSX），沿用其中的处理状态和说明": (
        "Import the previous draft's check report (JSON or XLSX) to keep its statuses and notes"
    ),
    (
        "每个问题有稳定的编号（规则 + 位置的摘要）：上一稿已说明或已改正的问题，在本稿中位置不变时自动带上原"
        "来的状态和说明；本稿中已经处理过的问题不会被覆盖。"
    ): (
        "Each problem has a stable id (its rule and a digest of its place): a problem explained or fixed in the "
        "previous draft keeps its status and note when it is in the same place in this draft; notes already "
        "made on this draft are not overwritten."
    ),
    "上一稿的检查报告": "Previous check report",
    "已导入《{name}》中的 {count} 条处理记录，其中 {matched} 条对应本稿的问题；其余的问题在本稿中已不存在。": (
        "Imported {count} reviewed problems from “{name}”; {matched} of them are in this draft, the others no "
        "longer are."
    ),
    "无法导入：{reason}": "Cannot import: {reason}",
    "不是检查报告：既不是 JSON 也不是 XLSX 文件。": "Not a check report: neither a JSON nor an XLSX file.",
    "不是检查报告：JSON 中没有 findings。": "Not a check report: the JSON has no findings.",
    "不是检查报告：无法打开这个 XLSX 文件。": "Not a check report: this XLSX file cannot be opened.",
    "不是检查报告：XLSX 中没有“全部问题”工作表。": "Not a check report: the XLSX has no 'All findings' sheet.",
    "级别": "Severity",
    "规则": "Rule",
    "类别": "Category",
    "全部规则": "All rules",
    "只看待处理": "Only what is to do",
    "按文档位置": "By place in the document",
    "逐条列表": "One by one",
    "处理状态": "Status",
    "处理状态（本组 {count} 处）": "Status (all {count} of this group)",
    "说明（导出时一并带出）": "Note (goes into the exports)",
    "例如：差额为本年新购置资产，已在说明中解释": (
        "e.g. the difference is this year's new assets, explained in the text"
    ),
    "{count} 处": "{count} places",
    "每一处的原文": "Each place as printed",
    "另外 {count} 处": "{count} more places",
    "怎么改：{guidance}": "How to fix: {guidance}",
    "没有符合筛选条件的问题。": "No problem matches the filters.",
    "{part}（{count} 处，待处理 {todo}）": "{part} ({count}, {todo} to do)",
    "问题": "Problem",
    "状态": "Status",
    "说明": "Note",
    "怎么改": "How to fix",
    "检查内容": "What is checked",
    "本文件结果": "Result for this file",
    "导出": "Export",
    "下载 JSON": "Download JSON",
    "下载检查表（XLSX）": "Download the check form (XLSX)",
    "下载报告（HTML）": "Download the report (HTML)",
    "下载的 JSON 或 XLSX 可在下一稿的检查中导入，已说明的问题会沿用原来的状态和说明。": (
        "Import the downloaded JSON or XLSX when checking the next draft: explained problems keep their "
        "status and note."
    ),
    "我们怎么检查": "How we check",
    (
        "每条规则是一个独立的检查：表内运算、表间核对、文字与表格一致、完整性、文字规范和绩效目标"
        "。金额一律按十进制精确计算；多个四舍五入的数相加，与合计相差不超过“项数 × 末位半个单"
        "位”时只作提示。正文用万元、表格用元时先精确换算，再按正文数字的精度比较。"
    ): (
        "Each rule is one independent check: arithmetic within tables, reconciliation between tables, text "
        "against tables, completeness, wording and performance targets. Amounts are computed exactly in "
        "decimal; when rounded figures add up to within 'number of items × half the last digit' of their "
        "total, it is only a note. When the text uses 10k yuan and the tables yuan, the figures are converted "
        "exactly first and compared at the text's precision."
    ),
    "规则版本 {ruleset}": "Ruleset {ruleset}",
    "待处理": "To do",
    "已说明": "Explained",
    "已改正": "Fixed",
    "通过": "Passed",
    "未通过": "Failed",
    "未运行": "Not run",
    "表内运算": "Arithmetic",
    "表间核对": "Between tables",
    "文字与表格一致": "Text vs tables",
    "完整性": "Completeness",
    "文字规范": "Wording",
    "表格读取": "Reading the tables",
    "全文": "Whole document",
    "正文": "Text",
    "（未注明项目名称）": "(no project name printed)",
    # the report exports
    "检查表": "Check form",
    "全部问题": "All findings",
    "发布前检查表：{subject}": "Pre-publication check: {subject}",
    "文件 {name}  SHA-256 {sha}  规则版本 {ruleset}": "File {name}  SHA-256 {sha}  ruleset {ruleset}",
    "序号": "No.",
    "检查项目": "Item checked",
    "符合要求": "Meets requirements",
    "问题数": "Open problems",
    "规则名称": "Rule",
    "位置": "Place",
    "问题说明": "Problem",
    "应为": "Expected",
    "实为": "Actual",
    "差额": "Difference",
    "负责人": "Owner",
    "备注": "Note",
    "结果": "Result",
    "未运行原因": "Why not run",
    "规则通过": "Rules passed",
    "原文": "As printed",
    "规则版本": "Ruleset",
    "职责": "Responsibilities",
    "机构设置": "Organisation",
    "总体情况": "Overview",
    "国有资产": "State assets",
    "其他": "Other",
    # 语料库
    "{first}–{last} 年": "{first}–{last}",
    "{year} 年": "{year}",
    "年度不详": "year unknown",
    (
        "服务器上的已公开预算文档 {documents} 份、{units} 个单位（{span}）。金额精确换算为{unit}，"
        "屏幕上保留两位小数，下载的表格保留全部小数。点击任一行行首的方框，即可打开该文档的各页。"
    ): (
        "{documents} published budget documents of {units} units on this server ({span}). Amounts are converted "
        "exactly to {unit} and shown with two decimals; the downloads keep every decimal. Tick the box at the start "
        "of a row to open that document's pages."
    ),
    "单位一览": "Units",
    "排名与分布": "Rankings",
    "全文检索": "Search",
    "单位时间线": "Unit over time",
    "预算与决算": "Budget vs final accounts",
    "我的文档": "My drafts",
    "筛选：{chosen}": "Filter: {chosen}",
    "筛选：全部文档": "Filter: all documents",
    "全部": "All",
    "类型": "Kind",
    "地区": "Region",
    "预算/决算": "Budget / final",
    "预算": "Budget",
    "决算": "Final accounts",
    "原文金额单位": "Printed unit",
    "排序": "Sort by",
    "从大到小": "Largest first",
    "，显示前 {count} 份": ", the first {count} shown",
    "共 {count} 份文档{shown}；表头可再排序，— = 文档未列示。": (
        "{count} documents{shown}; click a header to sort again; — = not in the document."
    ),
    "语料库单位一览": "Corpus units",
    "指标": "Figure",
    "占支出总计": "Share of total",
    "较上年增减额": "Change on last year",
    "较上年增减率": "Change rate on last year",
    "占本单位支出总计": "Share of the unit's total expenditure",
    "显示前": "Show top",
    "从低到高": "Smallest first",
    "没有可排名的单位（所选口径需要该指标，增减需要同一单位上一年度的文档）。": (
        "No unit to rank (the measure needs this figure; a change needs the same unit's document of the year before)."
    ),
    "{count} 个可比单位；增减按同一单位、同一阶段的上一年度计算。": (
        "{count} comparable units; a change is on the same unit's previous year, same stage."
    ),
    "名次": "Rank",
    "本年": "This year",
    "上年": "Last year",
    "分布": "Distribution",
    "《{name}》没有这一数字（或缺上年数据），无法比较。": (
        "“{name}” does not have this figure (or last year's), so it cannot be compared."
    ),
    "语料库中没有可比较的单位。": "No comparable unit in the corpus.",
    (
        "《{name}》为 {value}：在语料库 {total} 个可比单位中排第 {place} 位"
        "（高于 {below} 个，低于 {above} 个）；语料库中位数 {median}。"
    ): (
        "“{name}”: {value}, rank {place} among {total} comparable corpus units "
        "(above {below}, below {above}); corpus median {median}."
    ),
    "本文档：{name}": "This document: {name}",
    "排名条形图：{measure}": "Ranking bar chart: {measure}",
    "{count} 个单位": "{count} units",
    "单位数": "Units",
    "分布直方图": "Distribution histogram",
    "在编制说明等文字部分中检索": "Search the narratives and other text parts",
    "例如：公务接待": "words as printed, in Chinese",
    "输入至少两个字。检索忽略空格，按年度从新到旧列出包含该词的句子。": (
        "Type at least two characters. Spaces are ignored; the sentences containing the words are listed, "
        "newest year first."
    ),
    "没有找到包含该词的句子。": "No sentence contains these words.",
    "，显示前 {count} 句": ", the first {count} shown",
    "共 {total} 句{more}，来自 {documents} 份文档。": "{total} sentences{more}, from {documents} documents.",
    "前文": "Before",
    "命中": "Match",
    "后文": "After",
    "章节": "Section",
    "单位名称包含": "Unit name contains",
    "全部单位（年度最多的在前）": "all units (those with the most years first)",
    "没有名称包含该词的单位。": "No unit's name contains these words.",
    "{unit}（{region}，{count} 个年度）": "{unit} ({region}, {count} years)",
    "地区不详": "region unknown",
    "阶段": "Stage",
    "这个单位在语料库中没有功能分类或“三公”经费数字。": (
        "The corpus has no functional classification or 'three public' figures for this unit."
    ),
    "{year} 年度": "the year {year}",
    "一个年度": "one year",
    "语料库中这个单位只有 {only}的文档；有更多年度时这里画出变化。": (
        "The corpus holds this unit's documents for {only} only; with more years the change is drawn here."
    ),
    "语料库中还没有同一单位、同一年度的预算和决算都在的情况。导入决算文档后，这里逐项对比预算与决算。": (
        "The corpus has no unit with both the budget and the final accounts of one year yet. Once final accounts "
        "are ingested, they are compared with the budget here, figure by figure."
    ),
    "{unit} {year} 年": "{unit} {year}",
    "单位与年度": "Unit and year",
    "打开其中一份：": "Open one of them:",
    "决算−预算": "Final − budget",
    "决算/预算": "Final / budget",
    "在左侧上传的草稿与语料库按同一口径比较。草稿只在本次会话的内存中，从不写入语料库。": (
        "The drafts uploaded in the sidebar are compared with the corpus on the same basis. Drafts stay only in "
        "this session's memory and are never written into the corpus."
    ),
    "在左侧边栏上传一份或多份预算公开草稿，这里显示每个数字在语料库中的位置。": (
        "Upload one or more draft disclosures in the sidebar and see where each figure stands in the corpus."
    ),
    "本文档": "This document",
    "可比单位数": "Comparable units",
    "名次（从高到低）": "Rank (largest first)",
    "语料库中位数": "Corpus median",
    "公务用车购置费": "Vehicle purchase",
    "公务用车运行维护费": "Vehicle running and maintenance",
    (
        "还没有示例语料库。运行 `make run`（首次启动时会从 samples/ 中的公开文档生成），"
        "或 `python -m budget ingest samples --db build/demo_corpus.duckdb`。"
    ): (
        "There is no demo corpus yet. Run `make run` (its first start builds one from the public documents in "
        "samples/), or `python -m budget ingest samples --db build/demo_corpus.duckdb`."
    ),
    "找不到语料库文件：{path}。请检查环境变量 {variable} 或 `.streamlit/secrets.toml` 的 `[corpus] path`。": (
        "Corpus file not found: {path}. Check the environment variable {variable} or `[corpus] path` in "
        "`.streamlit/secrets.toml`."
    ),
    "语料库中没有这份文档的文件位置。": "The corpus does not say where this document's file is.",
    "语料库文件夹中找不到文档《{name}》。": "The document “{name}” is not in the corpus folder.",
    "文档《{name}》在导入语料库后已被修改，请重新导入。": (
        "The document “{name}” has changed since it was ingested: ingest it again."
    ),
    # tables and kinds
    "收支总表": "Income and expenditure summary",
    "收入总表": "Income table",
    "支出总表": "Expenditure table",
    "财政拨款收支总表": "Fiscal appropriation summary",
    "一般公共预算支出表": "General public budget expenditure table",
    "一般公共预算基本支出表": "General public budget basic expenditure table",
    "政府性基金预算支出表": "Government fund expenditure table",
    "国有资本经营预算支出表": "State capital operations expenditure table",
    "“三公”经费支出表": "'Three public' expenses table",
    "政府采购预算表": "Government procurement table",
    "固定资产占用情况表": "Fixed assets table",
    "项目绩效目标表": "Project performance table",
    "绩效目标表": "Performance table",
    "机构设置表": "Organisation table",
    "财政拨款支出表": "Fiscal appropriation expenditure table",
    "财政拨款基本支出表": "Fiscal appropriation basic expenditure table",
    "一般公共预算支出表（按经济分类）": "General public budget expenditure table (economic)",
    "一般公共预算基本支出表（按功能分类）": "General public budget basic expenditure table (functional)",
    "项目支出表": "Project expenditure table",
    "机关运行经费支出表": "Administrative running costs table",
    "政府购买服务表": "Government-purchased services table",
    "上年结转资金支出表": "Carried-over funds expenditure table",
    "会议费明细表": "Meeting expenses table",
    "培训费明细表": "Training expenses table",
    "报表目录": "List of tables",
    "支出经济分类表": "Expenditure by economic class",
    # column keys
    "本年收入小计": "Income this year",
    "经营支出": "Operating expenditure",
    "上缴上级支出": "Paid to the superior",
    "对附属单位补助支出": "Grants to subsidiaries",
    "财政拨款收入": "Fiscal appropriations",
    "财政专户收入": "Special fiscal account",
    "事业收入": "Service income",
    "经营收入": "Operating income",
    "上级补助收入": "Grants from the superior",
    "附属单位上缴收入": "Paid in by subsidiaries",
    "其他收入": "Other income",
    "上年结转": "Carried over",
    "一般公共预算": "General public budget",
    "政府性基金预算": "Government funds",
    "国有资本经营预算": "State capital operations",
    "预算数": "Budget",
}

# Our words with a number in them: (pattern, English with \g<name> for the parts).
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<year>\d{4})年$"), r"\g<year>"),  # a year column ("2024年（万元）")
    (re.compile(r"^满意度目标低于 (?P<n>[\d.]+)%$"), r"satisfaction target below \g<n>%"),
)

# ---------------------------------------------------------------- the check's rules

RULES: dict[str, tuple[str, str]] = {
    "TEXT-LEVEL": (
        "The budget level named in the text (city, district …) is the document's",
        "Budget levels in the glossary and explanations should be this document's (a district budget says "
        "'district appropriation'); another level usually comes from a higher level's template.",
    ),
    "FORM-LEFTOVER": (
        "No alternatives or editing notes left from the template",
        "Remove the template's alternative wordings and editing notes (such as 'increase (decrease)' or "
        "'(add content)') and write only the one that applies.",
    ),
    "FORM-DOT": (
        "No full stop or dot between two Chinese words",
        "A '.' or '．' between Chinese characters is usually a mistyped enumeration comma or full stop; "
        "correct it as the sense requires.",
    ),
    "FORM-UNPUNCTUATED": (
        "Sentences end with punctuation",
        "End every sentence with a full stop or other final punctuation; a paragraph without one usually "
        "lost its punctuation or was not finished.",
    ),
    "FORM-CODE-PRINTED": (
        "Classification codes printed in full (class 3 digits, section 2, item 2)",
        "Codes should be printed as complete 3, 5 and 7 digits (or 3, 2, 2 in split columns); a code the reader "
        "could complete is still wrong on the page.",
    ),
    "PERF-PERIOD": (
        "The project's period includes the budget year",
        "A project's implementation period should cover this budget year (multi-year projects give their start "
        "and end years); a period outside it usually comes from last year's form.",
    ),
    "PERF-FUNDS": (
        "Appropriation in a performance form does not exceed the total funds",
        "'Of which: appropriation' is part of the year's total funds and cannot be larger; check whether the two "
        "cells were swapped or copied wrongly.",
    ),
    "READ-TABLE": (
        "Tables read reliably (identities failing wholesale usually mean a misreading)",
        "Compare this table with the original: if its figures are right, the reading went wrong (usually "
        "multi-level merged headers or shifted columns) — please report it; if the original is wrong, correct "
        "it row by row.",
    ),
    "READ-UNIT": (
        "Tables printed in thousand or 100m yuan are converted to yuan or 10k yuan",
        "Amounts are checked and shown in yuan or 10k yuan: a table in thousand yuan is converted × 1,000 to yuan, "
        "one in 100m yuan × 10,000 to 10k yuan, without rounding; convert back when comparing with the original.",
    ),
    "ARITH-ROW": (
        "Each row's total equals the sum of its parts",
        "Check every row's total against its parts (basic + project, personnel + public, each income source) "
        "and correct copying or summing errors.",
    ),
    "ARITH-HIER": (
        "Class = Σ sections = Σ items; total = Σ classes",
        "Check the levels: every class and section equals the sum of the items below it, and the total row "
        "the sum of the classes; look for sub-items left out or listed twice.",
    ),
    "ARITH-TOTALS": (
        "Total income = total expenditure; total = this year + carried over; this year = sum of its items",
        "Check the summary and fiscal summary tables: total income equals total expenditure, this year's "
        "total equals the items listed, and the grand total equals this year's total plus carry-over.",
    ),
    "ARITH-3PUB": (
        "'Three public' total = trips abroad + vehicles + receptions; vehicles = purchase + running",
        "Check the 'three public' table: the total equals trips abroad, vehicles and receptions, and "
        "vehicles equal purchase plus running and maintenance.",
    ),
    "ARITH-PROC": (
        "Procurement: quantity × unit price = amount; total = sum of the lines",
        "Check each line's quantity, unit price and amount in the procurement table, and the total row "
        "against the lines.",
    ),
    "ARITH-ASSETS": (
        "Fixed assets: total = sum of the asset classes",
        "Check the fixed assets table: the total equals the values of buildings, vehicles, equipment and "
        "other assets ('of which' lines are not added again).",
    ),
    "XREF-SUMMARY": (
        "The summary table's classes and totals agree with the expenditure and income tables",
        "Each class of spending in the summary table must equal that class's total in the expenditure table, "
        "and the income and expenditure totals must equal those of the income and expenditure tables.",
    ),
    "XREF-INCOME": (
        "Income table total = expenditure table total",
        "The income table's total must equal the expenditure table's (a balanced budget); if not, look for "
        "an income source or spending item left out.",
    ),
    "XREF-FISCAL": (
        "Fiscal summary columns = the matching expenditure tables; general budget basic = basic table total",
        "In the fiscal appropriation summary, the general public budget, government fund and state capital "
        "columns must equal the totals of their three expenditure tables, and the basic expenditure of the "
        "general public budget table the basic expenditure table's total.",
    ),
    "XREF-PART": (
        "Per item: general public budget ≤ expenditure table (appropriations are part of all funds)",
        "No item in the general public budget table may exceed the same item in the expenditure table; if it "
        "does, the two tables were copied inconsistently or the expenditure table misses the item.",
    ),
    "XREF-RUNNING": (
        "Administrative running costs ≤ public costs of the basic table",
        "Administrative running costs come out of the everyday public costs of basic expenditure and cannot "
        "exceed the basic table's total public costs. Where the basic table prints no public costs, they are "
        "derived from the economic classification: classes 301 wages and 303 transfers to households are "
        "personnel costs, every other class public costs; some provinces (Guangdong) count running costs by "
        "economic item, project spending included, so the derived limit adds project spending of classes 302 "
        "goods and services and 310 capital. A derived limit is not a printed figure: exceeding it is a warning "
        "to look into.",
    ),
    "XREF-3PUB-ECON": (
        "'Three public' items in basic expenditure ≤ the 'three public' table",
        "In the basic expenditure table, 30212 trips abroad, 30217 receptions, 30231 vehicle running and "
        "31013 vehicle purchase cannot exceed the matching figures of the 'three public' table.",
    ),
    "XREF-INSURANCE": (
        "Pensions, health insurance, housing fund: economic and functional items match",
        "Pension insurance, occupational annuities, health insurance and the housing fund usually have the "
        "same amounts in the basic expenditure table (economic) and the general public budget table "
        "(functional); explain it when they differ.",
    ),
    "XREF-NAMES": (
        "One code, one name in every table (the current classification name)",
        "A code must carry the same name in every table, and this year's classification name (for example "
        "210 is now 卫生健康支出).",
    ),
    "XREF-UNIT": (
        "The unit's name, code and budget year in every table agree with the document",
        "Each table's header (unit, unit code, budget year) must match this document; a mismatch usually means "
        "a table copied from another unit or an earlier year.",
    ),
    "TEXT-TOTALS": (
        "Totals and income sources in the explanation agree with the tables",
        "The income and expenditure totals, appropriations and each source of funds in the explanation must "
        "match the summary, income and fiscal summary tables.",
    ),
    "TEXT-RUNNING": (
        "Administrative running costs and their items agree with the basic table",
        "Each item of the running costs narrative must equal the public costs of the economic item of the same "
        "name in the basic table, and the total cannot exceed total public costs; where no table prints running "
        "costs or public costs, the total cannot exceed the limit derived from the economic classification (see "
        "XREF-RUNNING), and exceeding it is a warning.",
    ),
    "TEXT-3PUB": (
        "The 'three public' narrative agrees with the 'three public' table",
        "The total and each item (trips abroad, vehicles, receptions) in the narrative must match the "
        "'three public' table.",
    ),
    "TEXT-PROC": (
        "The procurement narrative agrees with the procurement table",
        "The total and the goods, works and services amounts in the procurement narrative must match the "
        "procurement table.",
    ),
    "TEXT-ASSETS": (
        "The state assets narrative agrees with the fixed assets table",
        "The fixed assets amount in the narrative must equal the fixed assets table's total (mind the same "
        "reporting date).",
    ),
    "TEXT-CHANGE": (
        "The change equals this year's amount minus last year's",
        "Change = this year − last year; when all three figures are written they must agree: check for a "
        "figure copied wrongly.",
    ),
    "TEXT-REASON-COPY": (
        "A reason for a change is not copied from another item",
        "Each item's reason explains that item's own change; a reason naming another item was usually copied "
        "from the line above and not edited.",
    ),
    "TEXT-UNIT": (
        "Money units (yuan / 10k yuan) in the text are right",
        "A figure's unit must fit its value: when the tables are in yuan, a figure written in 10k yuan must be "
        "divided by 10,000.",
    ),
    "TEXT-KIND": (
        "The text calls itself unit or department as the budget kind says",
        "A unit budget says 'this unit', a department budget 'this department'.",
    ),
    "TEXT-COUNTS": (
        "Vehicles and equipment listed after 'of which' are no more than the whole",
        "In 'N units, of which M …' the parts cannot exceed the whole; check the count or the category.",
    ),
    "TEXT-YEAR": (
        "Comparisons are with the previous year",
        "An annual budget is compared with the year before; check for text carried over from earlier years.",
    ),
    "TEXT-ITEMS": (
        "Items listed in the explanation agree with the tables",
        "The amount given for each 'class / section / item' in the explanation must equal that item's total "
        "in the general public budget table (or the expenditure table).",
    ),
    "TEXT-NAMES": (
        "Classification names in the explanation agree with the tables",
        "Class, section and item names in the explanation must be exactly those of the tables, in this year's "
        "classification.",
    ),
    "TEXT-PERCENT": (
        "Percent changes follow from the two years' amounts",
        "Change = (this year − last year) ÷ last year; when last year is zero, give the amount of the "
        "increase instead of a percentage.",
    ),
    "TEXT-SHARE": (
        "A share equals the item's amount over the sum of the items listed",
        "Share = the item's amount ÷ the sum of the items (÷ the total when they are listed under it), each rounded "
        "on its own; do not move one share to make the list add up to 100%.",
    ),
    "TEXT-DIRECTION": (
        "Increase / decrease / unchanged agrees with the two years' amounts",
        "Write 'increase' when this year is larger, 'decrease' when smaller, 'unchanged' when equal.",
    ),
    "TEXT-REASON": (
        "The reason given does not contradict the direction of the change",
        "A reason must point the same way as the change (a decrease is not explained by 'more funding', a change by "
        "'no change').",
    ),
    "COMPLETE-TABLES": (
        "All standard tables are there",
        "Publish every standard table the disclosure rules require; a table without data is still listed, "
        "empty, with a note.",
    ),
    "COMPLETE-EMPTY": (
        "Empty tables are listed and explained; tables marked empty have no data",
        "A table without data is listed empty with a note (such as 'this unit has no government fund "
        "appropriation, so this table is empty'); a table with data must not say it is empty.",
    ),
    "COMPLETE-SECTIONS": (
        "All required sections of the explanation are there",
        "The explanation covers responsibilities, organisation, the overview, running costs, 'three public' "
        "expenses, procurement, state assets, performance targets and a glossary.",
    ),
    "COMPLETE-OVERVIEW": (
        "The overview states the income and expenditure totals",
        "The overview (explanation) states this year's total income and expenditure, the change from last "
        "year and why.",
    ),
    "COMPLETE-3PUB-REASON": (
        "The 'three public' narrative says how they changed and why",
        "The 'three public' narrative says whether they went up, down or stayed the same from last year, and why.",
    ),
    "FORM-NUMBERING": (
        "Headings are numbered in sequence (一、二、三……)",
        "Number the headings of each level in sequence, in one style per level (一、二、三……).",
    ),
    "FORM-DUPLICATE": (
        "No word or punctuation doubled",
        "Delete doubled words or punctuation (such as '不发生不发生' or '。。').",
    ),
    "FORM-BRACKETS": (
        "Brackets and quotes come in pairs",
        "Check that brackets and quotation marks are paired and of the same width (full or half).",
    ),
    "FORM-TRUNCATED": (
        "No sentence left half-written",
        "Finish the sentence (after '主要原因是' comes the reason).",
    ),
    "FORM-PLACEHOLDER": (
        "No template placeholder left",
        "Replace the template's placeholders (XX, 目标内容1, ……) with the real content before publishing.",
    ),
    "FORM-CODE": (
        "Codes are complete (class 3, section 5, item 7 digits) and under their parent",
        "Check the codes: functional classes have 3 digits, sections 5, items 7; economic classes 3 and "
        "sections 5; a code starts with its parent's code.",
    ),
    "FORM-CODE-NAME": (
        "Codes and names match the government classification",
        "Code and name must be those of this year's government revenue and expenditure classification; a "
        "shifted pair usually means a row left out or a home-made code.",
    ),
    "FORM-GARBLED": (
        "No garbled text",
        "Garbled characters usually come from an encoding conversion or a missing font: export again from the "
        "original document and check before publishing.",
    ),
    "PERF-EMPTY": (
        "Every indicator has a target value",
        "Give every level 3 indicator a measurable target value.",
    ),
    "PERF-QUANT": (
        "Target values are quantified (operator, number, unit)",
        "Write targets as checkable figures, such as '≥90%', '≤200,000 yuan' or '4 times'; qualitative wording "
        "such as 'clearly effective' cannot be assessed.",
    ),
    "PERF-COST": (
        "Cost indicators give a cap (operator and money unit)",
        "Write a cost indicator as an amount cap, such as '≤200,000 yuan'.",
    ),
    "PERF-COST-CAP": (
        "A cost cap does not exceed the project's funds",
        "A cost indicator's cap cannot exceed the project's own budget (see the procurement table's project "
        "budget and the expenditure table's project spending).",
    ),
    "PERF-LEVELS": (
        "Level 1 and level 2 of each indicator are given",
        "Indicators cover output (quantity, quality, timeliness), cost, impact and satisfaction, and each "
        "states its level 1 and level 2 category.",
    ),
    "PERF-SATISFACTION": (
        "Satisfaction targets are not below the usual standard",
        "Satisfaction targets are usually at least 85%–90%; a target set too low does not bind.",
    ),
    "PERF-NAME-DESC": (
        "Indicator name and description are not the same",
        "The description explains what the indicator means, its scope and how it is computed, instead of "
        "repeating the name.",
    ),
    "PERF-COPY": (
        "Targets and descriptions are not copied between projects",
        "Write each project's targets and indicator descriptions for that project, not copied from another "
        "project or indicator.",
    ),
    "PERF-GOALS": (
        "Every project states its performance goals",
        "Every project states its goals for the year (what it does and what effect it should have).",
    ),
}
