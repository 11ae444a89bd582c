"""Form: what a careful reader marks in red before publication.

Heading numbering out of sequence, duplicated words or punctuation, unbalanced
brackets and quotes, truncated sentences, placeholder text, malformed codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from budget.checks.core import Category, Context, Finding, Location, Need, Severity, folded, noted, rule
from budget.checks.places import NARRATIVE, coded, coded_tables, squash
from budget.model import Line, Section, Table, TableKind

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """一 … 九十九 as an int."""
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def to_cn(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


CN_HEADING = re.compile(r"^([一二三四五六七八九十]+)[、．.]")
OTHER_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\s*[、．.]")


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A piece of document text with its place, for the text-wide form rules."""

    text: str
    location: Location
    joins: tuple[int, ...] = ()  # where wrapped lines were joined

    def straddles(self, match: re.Match[str]) -> bool:
        return any(match.start() < j < match.end() for j in self.joins)

    def at(self, match: re.Match[str]) -> Location:
        """The piece's place with the matched words marked."""
        return replace(self.location, mark=(match.start(), match.end()))


def pieces(ctx: Context) -> tuple[TextPiece, ...]:
    """Every paragraph of the narrative, every goal and indicator text (computed once)."""

    def compute(c: Context) -> tuple[TextPiece, ...]:
        found = []
        for index, section in enumerate(c.doc.sections):
            for paragraph, joins in c.section_paragraphs(index):
                where = Location(section=section.heading, quote=paragraph, section_index=index)
                found.append(TextPiece(paragraph, where, joins))
        for project in c.doc.performance:
            table = {"table": TableKind.PERFORMANCE.value, "project": project.name, "table_index": project.table}
            for goal in project.goals:
                found.append(TextPiece(goal, Location(row="绩效目标", quote=goal, **table)))  # type: ignore[arg-type]
            for ind in project.indicators:
                for column, value in (("三级指标", ind.level3), ("指标描述", ind.description), ("指标值", ind.target)):
                    if value:
                        found.append(
                            TextPiece(
                                value,
                                Location(
                                    row=ind.level3 or "",
                                    column=column,
                                    quote=value,
                                    row_index=ind.row,
                                    **table,  # type: ignore[arg-type]
                                ),
                            )
                        )
        return tuple(found)

    return ctx.memo("pieces", compute)  # type: ignore[return-value]


@rule(
    "FORM-NUMBERING",
    "标题编号连续（一、二、三……）",
    Category.FORM,
    Severity.WARNING,
    "标题“{heading}”的编号不连续：此处应为“{expected}”",
    "各级标题应按顺序连续编号，同一级使用同一种编号形式（一、二、三……）。",
    templates={
        "goal_twice": "“{project}”绩效目标编号重复：“{text}”",
        "goal_gap": "“{project}”绩效目标编号不连续：写“{number}”，应为“{expected}”",
    },
    needs=(Need(lambda ctx: ctx.doc.sections, "文件中没有识别出标题"),),
)
def heading_numbering(ctx: Context) -> Iterator[Finding]:
    sections = ctx.doc.sections
    previous: int | None = None
    previous_index = 0
    pending: list[int] = []  # headings numbered in another style where the next 一、二 … belongs
    repeated = False  # the heading before repeated its number: it stands where the next one belongs
    for index, section in enumerate(sections):
        heading = squash(section.heading)
        match = CN_HEADING.match(heading)
        if match is None:
            if previous is not None and OTHER_HEADING.match(heading):
                pending.append(index)
            continue
        number = cn_number(match.group(1))
        if number is None:
            continue
        if previous is not None and repeated and number > previous + 1:
            # 深圳 '十六、十六、十八、': the second 十六 stands for 十七 — one heading misnumbered, not
            # two defects (a repeat and a gap)
            previous += 1
        if previous is not None and number > previous + 1:
            missing = list(range(previous + 1, number))
            if _printed_in_text(sections[previous_index:index], missing):
                # 无锡 名词解释 "十八、…(项)：反映…" printed at a line's start, read as the paragraph
                # of the heading before: numbered in sequence, only not read as headings
                previous, previous_index, pending, repeated = number, index, [], False
                continue
            for gap, at in zip(missing, pending, strict=False):
                yield _numbering(ctx, at, gap)
            if len(pending) < len(missing):
                yield _numbering(ctx, index, previous + 1 + len(pending))
        repeated = previous is not None and number == previous and number != 1  # 一、 again starts a new part
        if repeated:
            yield _numbering(ctx, index, number + 1)
        previous = number
        previous_index = index
        pending = []
    yield from goal_numbering(ctx)


def _printed_in_text(between: Sequence[Section], missing: list[int]) -> bool:
    """Every missing number starts a line of the text between the two headings."""
    text = "\n".join(s.text for s in between)
    return all(re.search(rf"(?:^|\n)\s*{to_cn(n)}、", text) for n in missing)


def _numbering(ctx: Context, index: int, expected: int) -> Finding:
    section = ctx.doc.sections[index]
    return Finding(
        location=Location(section=section.heading, quote=section.heading, section_index=index),
        params={"heading": section.heading.strip(), "expected": f"{to_cn(expected)}、"},
    )


GOAL_NUMBER = re.compile(r"^(\d+)\s*[.、．]\s*(\d+\s*[.、．])?")
# a numbered item inside a goal's text: "1.做好…。2.优化…", "每年工作：1、重大课题" (not 3.5万元)
INLINE_NUMBER = re.compile(r"(?:(?<=[。；;：:！？\s])|^)(\d{1,2})\s*[.、．](?!\d)")


def goal_numbering(ctx: Context) -> Iterator[Finding]:
    """Numbered goals 1. 2. 3. of each project: in sequence, each numbered once."""
    for project in ctx.doc.performance:
        expected = 1
        for goal in project.goals:
            text = goal.strip()
            if CN_HEADING.match(text):
                expected = 1  # 一、 二、 head parts of their own: the 1. 2. under them start again (西安)
                continue
            match = GOAL_NUMBER.match(text)
            if match is None:
                expected = _numbered_within(text, expected)
                continue
            number = int(match.group(1))
            where = Location(
                table=TableKind.PERFORMANCE.value,
                project=project.name,
                row="绩效目标",
                quote=goal,
                table_index=project.table,
            )
            if match.group(2):
                yield Finding(
                    location=where,
                    params={"project": project.label, "text": match.group(0).strip()},
                    template="goal_twice",
                )
            elif number != expected:
                yield Finding(
                    location=where,
                    params={"project": project.label, "number": number, "expected": expected},
                    template="goal_gap",
                )
            expected = _numbered_within(text[match.end() :], number + 1)


def _numbered_within(text: str, expected: int) -> int:
    """The number the next goal should have after the items numbered inside ``text``: a goal
    cell may hold several items ('1.做好…。…5.优化…'), the next cell going on with '6.' (长沙)."""
    for match in INLINE_NUMBER.finditer(text):
        if int(match.group(1)) == expected:
            expected += 1
    return expected


# Doubled words: a word of two to six characters written twice in a row (不发生不发生).
DOUBLE_WORD = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
# two marks where one belongs: "。。", "，。", "人数800人，；" (长沙)
DOUBLE_PUNCT = re.compile(r"([。，、；：！？])\1|[，、；：][。！？]|[。][，、；]|[，、][；：，、]|；[，、]")
# Reduplications that are correct Chinese.
DOUBLE_OK = {"研究研究", "看一看看一看"}


@rule(
    "FORM-DUPLICATE",
    "没有重复的词语或标点",
    Category.FORM,
    Severity.WARNING,
    "“{place}”中“{text}”重复了“{word}”",
    "删去重复的词语或标点（如“不发生不发生”“。。”）。",
    templates={"punctuation": "“{place}”中标点“{text}”重复"},
)
def duplicates(ctx: Context) -> Iterator[Finding]:
    for piece in pieces(ctx):
        if not (DOUBLE_WORD.search(piece.text) or DOUBLE_PUNCT.search(piece.text)) or _fake_bold(piece.text):
            continue  # bold drawn by overprinting, read as 年年年部部部: the reading, not the document
        for match in DOUBLE_WORD.finditer(piece.text):
            if (
                match.group(0) not in DOUBLE_OK
                and not piece.straddles(match)
                and not _parallel(piece.text, match)
                and _a_word(ctx, match.group(1))
            ):
                yield Finding(
                    location=piece.at(match),
                    params={"place": _place(piece), "text": match.group(0), "word": match.group(1)},
                )
        for match in DOUBLE_PUNCT.finditer(piece.text):
            yield Finding(
                location=piece.at(match),
                params={"place": _place(piece), "text": match.group(0)},
                template="punctuation",
            )


# Bold drawn by printing each character over itself: every character of a title read three
# to nine times in a row, one character after another ("表表表222年年年部部部门门门").
OVERPRINTED = re.compile(r"(.)\1{2,8}(?!\1)")
FAKE_BOLD = 0.3  # share of a text's characters in such runs
FAKE_BOLD_RUNS = 3  # of different characters in a row: one character repeated is no title


def _fake_bold(text: str) -> bool:
    squashed = squash(text)
    runs = [m.group(0) for m in OVERPRINTED.finditer(squashed)]
    return len(runs) >= FAKE_BOLD_RUNS and sum(map(len, runs)) >= FAKE_BOLD * len(squashed)


def _parallel(text: str, match: re.Match[str]) -> bool:
    """The repeat is where a word meets a parallel construction: in '构建共建共治共享' the '建共建共' is
    构建 followed by 共建·共治·共享 (共 before each of three different characters, ABACAD), as in
    '协商共商共建共享'. The pair's second character leads three or more items, the items differ: no
    word written twice ('共建共建共享' repeats 共建)."""
    if len(match.group(1)) != 2:
        return False
    lead, items = text[match.start() + 1 :: 2], text[match.start() + 2 :: 2]
    chain = len(lead) - len(lead.lstrip(lead[0]))
    return chain >= 3 and len(set(items[:chain])) == chain


def _a_word(ctx: Context, word: str) -> bool:
    """A two-character repeat is a doubled word when the document writes those two characters
    as a word elsewhere: '控制控制数', '工程工程款'. Three words overlapping are not one doubled:
    '低空航空航天' (低空·航空·航天), '监测预测预警', '纪委监委监督' — their '空航', '测预', '委监'
    occur nowhere else, or no more often than their reverse."""
    if len(word) > 2:
        return True
    text = ctx.memo("duplicates_text", lambda c: "".join(squash(p.text) for p in pieces(c)))
    assert isinstance(text, str)
    rest = text.replace(word + word, "")
    return rest.count(word) > rest.count(word[::-1])


def _place(piece: TextPiece) -> str:
    loc = piece.location
    if loc.project:
        return f"{loc.project} {loc.row or ''}".strip()
    return (loc.section or "正文").strip()


def _each_match(ctx: Context, pattern: re.Pattern[str]) -> Iterator[Finding]:
    """A finding for every match of ``pattern`` in the document's text, the words marked."""
    for piece in pieces(ctx):
        for match in pattern.finditer(piece.text):
            yield Finding(location=piece.at(match), params={"place": _place(piece), "text": match.group(0)})


PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》", "【": "】", "‘": "’"}
CLOSERS = {v: k for k, v in PAIRS.items()}
SAME_FAMILY = {"（": "(", "(": "（"}


LIST_MARK = re.compile(r"^\s*(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})[)）]")  # 1）… a) … as numbering


def bracket_problems(text: str) -> list[str]:
    """What is wrong with the brackets and quotes of one paragraph, in words."""
    text = LIST_MARK.sub("", text)
    problems = []
    stack: list[tuple[str, int]] = []
    for at, char in enumerate(text):
        if char in PAIRS:
            stack.append((char, at))
        elif char in CLOSERS:
            opener = CLOSERS[char]
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif stack and SAME_FAMILY.get(stack[-1][0]) == opener:
                problems.append(f"“{stack.pop()[0]}”与“{char}”全角半角不配对")
            elif char in OPERATOR_LIKE and _number_at(text, at + 1):
                problems.append(f"把“{char}”当作{OPERATOR_LIKE[char]}号（应写“{OPERATOR_SIGN[char]}”）")
            else:
                problems.append(f"多了“{char}”")
    for opener, at in stack:
        if opener in OPERATOR_LIKE and _number_at(text, at + 1):
            problems.append(f"把“{opener}”当作{OPERATOR_LIKE[opener]}号（应写“{OPERATOR_SIGN[opener]}”）")
        else:
            problems.append(f"“{opener}”没有对应的“{PAIRS[opener]}”")
    return problems


# "》95%" (西安's performance targets): a title mark typed for a comparison sign before a number
OPERATOR_LIKE = {"》": "大于", "〉": "大于", "《": "小于", "〈": "小于"}
OPERATOR_SIGN = {"》": ">或≥", "〉": ">或≥", "《": "<或≤", "〈": "<或≤"}


def _number_at(text: str, at: int) -> bool:
    rest = text[at:].lstrip("=＝ ")
    return bool(rest) and rest[0].isdigit()


@rule(
    "FORM-BRACKETS",
    "括号、引号成对",
    Category.FORM,
    Severity.WARNING,
    "“{place}”中{problem}",
    "检查括号和引号是否成对、全角半角是否一致。",
    templates={"repeated": "{problem}共 {count} 处：{places}"},
)
def brackets(ctx: Context) -> Iterator[Finding]:
    return folded(_bracket_problems(ctx), _bracket_pattern, _brackets_folded)


def _bracket_pattern(finding: Finding) -> tuple[str, ...]:
    # a pair of mixed widths ("(2050803）" in each of 38 sentences) is one habit, fixed by one
    # replacement: one finding; any other problem folds only with the same problem in the same words
    problem = str(finding.params["problem"])
    return (problem,) if "全角半角" in problem else (problem, finding.location.quote or "")


def _brackets_folded(group: list[Finding]) -> Finding:
    places = "、".join(list(dict.fromkeys(f"“{f.params['place']}”" for f in group))[:5])  # the first five places
    params = {**group[0].params, "count": len(group), "places": places}
    return replace(group[0], template="repeated", params=params, consequences=tuple(group))


def _bracket_problems(ctx: Context) -> Iterator[Finding]:
    found = pieces(ctx)
    mended: set[int] = set()
    for index, piece in enumerate(found):
        if index in mended:
            continue
        problems = bracket_problems(piece.text)
        later = found[index + 1] if index + 1 < len(found) else None
        if (
            problems
            and later is not None
            and bracket_problems(later.text)
            and not bracket_problems(piece.text + later.text)
        ):
            # a title broken over two lines and read as two ("2026年深圳市公安局交通管理局（本" | "级）部门
            # 预算"): the pair closes as one
            mended.add(index + 1)
            continue
        for problem in problems:
            yield Finding(location=piece.location, params={"place": _place(piece), "problem": problem})


TRUNCATED = re.compile(r"(主要原因是|原因是|原因为|主要用于|用于|包括|其中|具体如下|如下)\s*[:：]?\s*[。；;]")
TRUNCATED_TEMPLATE = "“{place}”中句子没写完：“{text}”"


@rule(
    "FORM-TRUNCATED",
    "没有写了一半的句子",
    Category.FORM,
    Severity.WARNING,
    TRUNCATED_TEMPLATE,
    "补全句子（如“主要原因是。”后面应写明原因）。",
)
def truncated(ctx: Context) -> Iterator[Finding]:
    return _each_match(ctx, TRUNCATED)


PLACEHOLDER = re.compile(
    r"[XＸ]{2,}|×{2,}|某某|(?:目标|指标)内容\s*\d+|(?<![….．·])……(?![….．·])|(?<![.．…·])\.\.\.(?![.．…·])"
    r"|待填|待补充|此处填写|请填写|TODO",
)
# The first character of every placeholder: a text with none of them has none (one search in C
# where PLACEHOLDER, whose lookbehinds keep re from skipping ahead, tries every branch at every position).
PLACEHOLDER_START = re.compile(r"[XＸ×某目指…\.待此请T]")
# a table of contents: entries with dot leaders and page numbers ("一、部门职责……………2")
LEADER = re.compile(r"[.．…·。]{3,}\s*\d{1,3}(?!\d)")
TOC_HEADING = re.compile(r"^\s*目\s*录\s*$")
PLACEHOLDER_TEMPLATE = "“{place}”中有占位文字“{text}”"


@rule(
    "FORM-PLACEHOLDER",
    "没有未替换的占位文字",
    Category.FORM,
    Severity.ERROR,
    PLACEHOLDER_TEMPLATE,
    "把模板中的占位文字（XX、目标内容1、……）替换为实际内容后再公开。",
)
def placeholders(ctx: Context) -> Iterator[Finding]:
    # one defect, one finding: an unfilled template prints the same placeholder in the same
    # place once per row ("……" in each of a form's nine indicator rows); the first is reported
    # and the count of the others noted
    found: dict[tuple[str, str], tuple[Finding, int]] = {}
    for piece in pieces(ctx):
        if not PLACEHOLDER_START.search(piece.text):
            continue  # (most pieces: none of the characters a placeholder starts with)
        contents = TOC_HEADING.match(piece.location.section or "") is not None or LEADER.search(piece.text)
        for match in PLACEHOLDER.finditer(piece.text):
            if contents and set(match.group(0)) <= set(".．…·"):
                continue  # dot leaders of a table of contents
            key = (_place(piece), match.group(0))
            first, count = found.get(key, (None, 0))
            if first is None:
                params = {"place": key[0], "text": key[1]}
                message = PLACEHOLDER_TEMPLATE.format(**params)  # rendered here: a note appends to it
                first = Finding(message=message, location=piece.at(match), params=params)
            found[key] = (first, count + 1)
    for finding, count in found.values():
        yield noted(finding, "repeats", count=count) if count > 1 else finding


CODE_LENGTHS = {
    TableKind.INCOME: (3, 5, 7),
    TableKind.EXPENDITURE: (3, 5, 7),
    TableKind.GENERAL_PUBLIC: (3, 5, 7),
    TableKind.GOV_FUND: (3, 5, 7),
    TableKind.STATE_CAPITAL: (3, 5, 7),
    TableKind.BASIC_ECONOMIC: (3, 5, 7),  # 重庆: local 7-digit items under a 款 (3010301 under 30103)
}


@rule(
    "FORM-CODE",
    "科目编码完整（类 3 位、款 5 位、项 7 位）且归属正确",
    Category.FORM,
    Severity.WARNING,
    "{table} 科目“{code} {name}”的编码不完整或不属于上一级科目",
    "核对科目编码：功能分类类 3 位、款 5 位、项 7 位，经济分类类 3 位、款 5 位，下级编码应以上级编码开头。",
    needs=(coded(CODE_LENGTHS),),
)
def code_shapes(ctx: Context) -> Iterator[Finding]:
    for table in coded_tables(ctx, CODE_LENGTHS):
        codes = {ln.code for ln in table.coded_lines()}
        above: dict[int, str] = {}  # the 类 and 款 printed last: what a code is printed under
        for line in table.coded_lines():
            code = line.code or ""
            good = code.isdigit() and len(code) in CODE_LENGTHS[table.kind]
            parent = code[:-2] if len(code) > 3 else None
            # under the wrong 类/款: a line of its parent's level printed since the level above,
            # not its own parent (a table printing no 款 at all, or one the reader lost, is no defect)
            under = above.get(len(parent)) if parent is not None else None
            if good and parent is not None and parent not in codes and under is not None and under != parent:
                good = False
            if good:
                above = {n: c for n, c in above.items() if n < len(code)}
                above[len(code)] = code
            if not good:
                yield Finding(
                    location=_code_cell(ctx, table, line, "科目编码"),
                    params={"table": table.label, "code": code, "name": squash(line.name)},
                )


def _code_cell(ctx: Context, table: Table, line: Line, column: str) -> Location:
    """The 科目编码 or 科目名称 cell of a coded line."""
    return Location(
        table=table.kind.value,
        row=line.code,
        column=column,
        page=line.page,
        table_index=ctx.table_index(table),
        row_index=line.row,
    )


def _reference() -> dict[tuple[str, str], str]:
    """(scheme, code) -> name, from the confirmed rows shipped with the rules."""
    import csv
    from pathlib import Path

    path = Path(__file__).with_name("codes.csv")
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {(r["scheme"], r["code"]): r["name"] for r in csv.DictReader(rows)}


REFERENCE = _reference()
WIDTH = str.maketrans("()", "（）")
FUNCTIONAL_KINDS = (
    TableKind.INCOME,
    TableKind.EXPENDITURE,
    TableKind.GENERAL_PUBLIC,
    TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL,
)


def _same_name(printed: str, reference: str) -> bool:
    from difflib import SequenceMatcher

    a, b = squash(printed).translate(WIDTH), reference.translate(WIDTH)
    return a == b or a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.6


@rule(
    "FORM-CODE-NAME",
    "科目编码与科目名称相符（政府收支分类科目）",
    Category.FORM,
    Severity.WARNING,
    "{table} 科目编码 {code} 写作“{name}”，分类科目中 {code} 是“{expected}”",
    "科目编码和名称应与当年《政府收支分类科目》一致；编码与名称错位多半是漏行或自行编号。",
    needs=(coded(CODE_LENGTHS),),
)
def code_names(ctx: Context) -> Iterator[Finding]:
    for table in coded_tables(ctx, CODE_LENGTHS):
        scheme = "econ" if table.kind == TableKind.BASIC_ECONOMIC else "func"
        for line in table.coded_lines():
            expected = REFERENCE.get((scheme, line.code or ""))
            if expected is None or _same_name(line.name, expected):
                continue
            yield Finding(
                params={"table": table.label, "code": line.code, "name": squash(line.name), "expected": expected},
                location=_code_cell(ctx, table, line, "科目名称"),
            )


# Replacement characters, private-use code points and the classic mojibake of GBK read
# as UTF-8 (锟斤拷) or UTF-8 read as Latin-1 (Ã, â€).
GARBLED = re.compile(r"[\ufffd\ue000-\uf8ff]+|锟斤拷|烫烫烫|屯屯屯|â€.|Ã.")
GARBLED_TEMPLATE = "“{place}”中有乱码“{text}”"


@rule(
    "FORM-GARBLED",
    "没有乱码",
    Category.FORM,
    Severity.WARNING,
    GARBLED_TEMPLATE,
    "乱码多半来自编码转换或字体缺失：从原始文档重新导出，核对后再公开。",
)
def garbled(ctx: Context) -> Iterator[Finding]:
    return _each_match(ctx, GARBLED)


# Editorial leftovers: the template's alternatives or instructions left in the text.
LEFTOVER = re.compile(
    r"增加[（(]减少[)）]|减少[（(]增加[)）]|增长[（(]下降[)）]|下降[（(]增长[)）]|上升[（(]下降[)）]|增[（(]减[)）]"
    r"|增加/减少|增长/下降|[（(](?:增加|补充|填写|此处)[^（）()]{0,6}(?:内容|说明|文字)[)）]"
    r"|[（(](?:单位|部门|项目)名称[)）]|[（(]请(?:核实|填写|补充|根据|按|在)[^（）()]{0,40}[)）]"
)
LEFTOVER_TEMPLATE = "“{place}”中留有模板文字“{text}”"


@rule(
    "FORM-LEFTOVER",
    "没有留下模板的备选词和编辑说明",
    Category.FORM,
    Severity.ERROR,
    LEFTOVER_TEMPLATE,
    "删去模板中的备选词和编辑说明（如“增加（减少）”“（增加内容）”），按实际情况只写一种说法。",
)
def leftovers(ctx: Context) -> Iterator[Finding]:
    # one defect, one finding (as FORM-PLACEHOLDER): "较上年增加（减少）0 万元（0%），增加（减少）的
    # 主要原因…" repeats the template's words in each of its sentences (西安 11: four times in one
    # section); the first is reported with the count, each of the others kept as its consequence
    found: dict[tuple[str, str], list[Finding]] = {}
    for piece in pieces(ctx):
        for match in LEFTOVER.finditer(piece.text):
            params = {"place": _place(piece), "text": match.group(0)}
            message = LEFTOVER_TEMPLATE.format(**params)  # rendered here: a note appends to it
            found.setdefault((params["place"], params["text"]), []).append(
                Finding(message=message, location=piece.at(match), params=params)
            )
    for first, *others in found.values():
        if others:
            yield replace(noted(first, "repeats", count=1 + len(others)), consequences=tuple(others))
        else:
            yield first


# A full stop or dot between two Chinese words: "新农具．新技术" (for 、), "隐患整改.申请" (for 。).
# A unit joined by dots in brackets ("元/（车道.公里.次）") is how such units are written.
DOT_BETWEEN = re.compile(r"(?<=[\u4e00-\u9fff])[.．](?=[\u4e00-\u9fff])")
UNIT_IN_BRACKETS = re.compile(r"[（(][\u4e00-\u9fff.．·]{1,12}[)）]")
DOT_TEMPLATE = "“{place}”中两个汉字之间用了“{dot}”：“{text}”"


@rule(
    "FORM-DOT",
    "汉字之间没有误用句点",
    Category.FORM,
    Severity.WARNING,
    DOT_TEMPLATE,
    "汉字之间的“.”或“．”多半是顿号、句号打错了（“新农具．新技术”应为“新农具、新技术”）；请按文意改正。",
)
def stray_dots(ctx: Context) -> Iterator[Finding]:
    for piece in pieces(ctx):
        units = [m.span() for m in UNIT_IN_BRACKETS.finditer(piece.text)]
        for match in DOT_BETWEEN.finditer(piece.text):
            if any(start < match.start() < end for start, end in units):
                continue
            text = piece.text[max(0, match.start() - 8) : match.end() + 8]
            yield Finding(
                location=piece.at(match),
                params={"place": _place(piece), "dot": match.group(0), "text": text},
            )


FINAL_PUNCTUATION = "。！？!?；;：:…"
NUMBER_RUN = re.compile(r"(?:\d[\d,.]*\s+){3,}")  # a table row read into the text
UNPUNCTUATED_TEMPLATE = "“{place}”中这句话没有句末标点：“{text}”"
MIN_SENTENCE = 20  # shorter unpunctuated lines are headings, labels or list items


CONTINUES = "、，,（(—-·－"  # a paragraph ending so goes on after a page break
REAL_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|附件|附表)"
)
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# "…政策支持。（发展处）": the office in charge, after the full stop
SIGNED = re.compile(r"[。！？][（(][^（）()]{1,12}[)）]$")


def _unpunctuated(paragraph: str, next_heading: str | None) -> bool:
    """The last paragraph of a section (the reader joins lines up to a final punctuation)
    that ends without one, where the next part opens with a heading of its own: a
    sentence that lacks its full stop, not one cut by a page break or a table."""
    text = squash(paragraph)
    return (
        len(text) >= MIN_SENTENCE
        and text[-1] not in FINAL_PUNCTUATION
        and text[-1] not in CONTINUES
        and not text[-1].isdigit()
        and "，" in text
        and NUMBER_RUN.search(paragraph) is None
        and not LEADER.search(text)
        and not SIGNED.search(text)
        and not bracket_problems(text)
        and len(CJK_CHAR.findall(text)) * 2 > len(text)
        and (next_heading is None or REAL_HEADING.match(next_heading) is not None)
    )


@rule(
    "FORM-UNPUNCTUATED",
    "句子有句末标点",
    Category.FORM,
    Severity.WARNING,
    UNPUNCTUATED_TEMPLATE,
    "每句话末尾加上句号等句末标点；没有句末标点的段落多半是漏了标点或句子没写完。",
    needs=(NARRATIVE,),
)
def unpunctuated(ctx: Context) -> Iterator[Finding]:
    sections = ctx.doc.sections
    for index, section in enumerate(sections):
        paragraphs = ctx.section_paragraphs(index)
        body = paragraphs[1:] if section.heading.strip() else paragraphs
        next_heading = sections[index + 1].heading if index + 1 < len(sections) else None
        for paragraph, _ in body:
            if not _unpunctuated(paragraph, next_heading):
                continue
            tail = paragraph.strip()[-30:]
            yield Finding(
                location=Location(
                    section=section.heading,
                    quote=paragraph,
                    section_index=index,
                    mark=(max(0, len(paragraph.rstrip()) - 1), len(paragraph.rstrip())),
                ),
                params={"place": section.heading.strip() or "正文", "text": tail},
            )


CODE_COLUMN = re.compile(r"编码|代码|^(?:类|款|项)$")
SPLITS = {3: ((3,),), 5: ((5,), (3, 2)), 7: ((7,), (3, 4), (3, 2, 2), (5, 2))}
CODE_PRINTED_TEMPLATE = "{table} 科目编码印作“{printed}”（按“{code} {name}”读取）：编码的位数或分段不对"


def printed_codes_of(table: Table, line: Line) -> list[str]:
    """The code cells of a line as printed (类 / 款 / 项 or 编码 columns)."""
    columns = [i for i, label in enumerate(table.columns) if CODE_COLUMN.search(label.split("/")[-1])]
    rows = table.header + table.rows
    if not columns or not 0 <= line.row < len(rows):
        return []
    cells = rows[line.row]
    return [cells[i].strip() for i in columns if i < len(cells) and cells[i].strip()]


def misprinted(cell: str, code: str) -> bool:
    """A code cell with spaces inside that is this line's code printed in wrong groups
    ("7 11 02", "301 2"); the usual splits (204 06 01, 301 02) and other schemes' codes
    in a second column are not."""
    groups = cell.split()
    if len(groups) < 2 or not all(g.isdigit() for g in groups):
        return False
    digits = "".join(groups)
    if not (code.startswith(digits[:3]) or digits.startswith(code[:3])):
        return False
    lengths = tuple(len(g) for g in groups)
    regular = len(groups[0]) == 3 and all(len(g) == 2 for g in groups[1:])
    return not (regular and digits == code) and lengths not in SPLITS.get(len(digits), ())


@rule(
    "FORM-CODE-PRINTED",
    "科目编码按规范印出（类 3 位、款 2 位、项 2 位）",
    Category.FORM,
    Severity.WARNING,
    CODE_PRINTED_TEMPLATE,
    "科目编码应印作完整的 3、5、7 位（或按类、款、项分栏的 3、2、2 位）；读取时能补全的编码，印在表上仍是错的。",
    needs=(coded(CODE_LENGTHS),),
)
def printed_codes(ctx: Context) -> Iterator[Finding]:
    tables = coded_tables(ctx, CODE_LENGTHS)
    for table in tables:
        for line in table.coded_lines():
            code = line.code or ""
            printed = next((c for c in printed_codes_of(table, line) if misprinted(c, code)), None)
            if printed is None:
                continue
            yield Finding(
                location=_code_cell(ctx, table, line, "科目编码"),
                params={"table": table.label, "printed": printed, "code": code, "name": squash(line.name)},
            )
