"""The narrative as structured claims, read once.

A claim is what one passage says about one subject: this year's amount, last year's,
the change (amount, percent, direction word), its share, the stated reason, each figure
with its place in the paragraph. Claims are read from the figures outwards: every
number with a money unit or a percent sign is a figure; the words right before it say
its role (``比上年增加`` → a change, ``上年执行数为`` → last year's, ``占`` → a share,
``单价…以上`` → a limit) and, for this year's amount, its subject (the words back to the
previous clause break). Change, percent, reason and direction words attach to the claim
open at their place; a figure inside parentheses opens a claim that closes with them.

Every money figure printed in the narrative ends up in exactly one claim (with a
subject, or without one when the words name nothing), which is what the coverage
measurement counts. Reading is linear in the text: tokens are found with simple
patterns, and the words looked at around a figure are bounded.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from budget.model import Disclosure, Money, MoneyUnit
from budget.narrative.subjects import Kind, Subject, subject_of
from budget.narrative.text import last_match, section_contexts, section_paragraphs, squash


class Role(StrEnum):
    AMOUNT = "amount"  # this year's figure
    REPEAT = "repeat"  # this year's figure stated again ("2024年预算安排25.77万元")
    LAST = "last"  # last year's figure ("2023年预算执行数为60.13万元")
    CHANGE = "change"  # the change as an amount ("比上年增加1.39万元")
    PERCENT = "percent"  # the change in percent ("增长2.32%")
    SHARE = "share"  # "占19.93%"
    BUDGETED = "budgeted"  # final accounts: the year's budget ("年初预算181.29万元")
    COMPLETION = "completion"  # final accounts: "完成年初预算的83.31%"
    LIMIT = "limit"  # a threshold or unit cost, not an amount of this budget
    DETAIL = "detail"  # an amount inside the stated reason ("主要原因是…增加了133万元")


MONEY_ROLES = (Role.AMOUNT, Role.REPEAT, Role.LAST, Role.CHANGE, Role.BUDGETED, Role.LIMIT, Role.DETAIL)
INCREASE, DECREASE, FLAT = "增加", "减少", "持平"

WAN = Decimal(10000)


@dataclass(frozen=True, slots=True)
class Figure:
    role: Role
    value: Decimal  # as printed, unsigned
    unit: str  # 元, 万元, 亿元 or %
    printed: str
    start: int  # in the claim's paragraph
    end: int

    @property
    def money(self) -> Money | None:
        """The amount as Money (元 and 万元; 亿元 is converted exactly to 万元)."""
        if self.unit == "元":
            return Money(self.value, MoneyUnit.YUAN)
        if self.unit == "万元":
            return Money(self.value, MoneyUnit.WAN_YUAN)
        if self.unit == "亿元":
            return Money(self.value * WAN, MoneyUnit.WAN_YUAN)
        return None

    @property
    def is_money(self) -> bool:
        return self.unit != "%"


@dataclass(frozen=True, slots=True)
class Claim:
    """What one passage says about one subject."""

    subject: Subject | None
    figures: tuple[Figure, ...]
    paragraph: str
    section_index: int
    heading: str
    context: str  # the headings above the section
    topic: str | None  # three_public / running / procurement / assets: the passage it is in
    direction: str | None = None  # 增加 / 减少 / 持平 as written
    direction_span: tuple[int, int] | None = None
    reason: str | None = None
    reason_span: tuple[int, int] | None = None
    basis: str | None = None  # what it is compared with, as written ("2025年预算执行数")
    basis_year: int | None = None
    basis_span: tuple[int, int] | None = None
    within: Subject | None = None  # the claim this one is listed under ("…，其中：…")
    # the organisation the passage is about when it is not the whole disclosure's unit (a
    # 部门 explaining each of its units under "二、深圳市劳动人事争议仲裁院")
    organisation: str | None = None

    def figure(self, role: Role) -> Figure | None:
        return next((f for f in self.figures if f.role == role), None)

    @property
    def amount(self) -> Figure | None:
        return self.figure(Role.AMOUNT)

    @property
    def repeat(self) -> Figure | None:
        return self.figure(Role.REPEAT)

    @property
    def last(self) -> Figure | None:
        return self.figure(Role.LAST)

    @property
    def change(self) -> Figure | None:
        return self.figure(Role.CHANGE)

    @property
    def percent(self) -> Figure | None:
        return self.figure(Role.PERCENT)

    @property
    def start(self) -> int:
        return min(f.start for f in self.figures)


# ---------------------------------------------------------------- tokens

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
TOKEN = re.compile(rf"(?<![\d.,])(?P<num>{NUMBER})\s*(?:(?P<unit>亿元|万元|元)|(?P<pct>[%％]))")
FLAT_WORDS = re.compile(
    r"(?:比|较|与|同)\s*(?:上年|去年|上一年度?|\d{4}\s*年?度?)[^，,。；;]{0,16}?"
    r"(?:持平|无增减|无变化|未发生变化|没有变化|保持不变|不变|相同|一致)"
    r"|无增减变(?:化|动)|基本持平|持平"
)
REASON_CUE = re.compile(
    r"(?:主要原因(?:是|为|系|在于)?|原因(?:是|为|系|在于)|主要是由于|主要由于|主要因为|主要系|主要是)\s*[:：]?"
)
WEAK_REASON = ("主要是",)  # "主要是…" also introduces what an amount consists of

BREAK = re.compile(r"[，,；;。：:、！？]|其中|包括|以及|分别")
SENTENCE_END = "。！？"

CHANGE_CUE = re.compile(
    r"(?<!新)(增加|减少|增长|下降|上升|降低|压减|压缩|核减|减支|增支|调增|调减|增|减)(?:了|约|额为|额|金额|为|达|共)?$"
)
PERCENT_CUE = re.compile(
    r"(增加|减少|增长|下降|上升|降低|增幅|减幅|降幅|增长率|下降率|增减幅度|变动幅度|幅度|增减|压减|减)(?:了|为|约|达|是)?[:：]?$"
)
SHARE_CUE = re.compile(r"占[^，,。；;]{0,24}$")
COMPLETION_CUE = re.compile(r"完成[^，,。；;]{0,12}$")
LIMIT_BEFORE = re.compile(
    r"(单价|超过|不超过|低于|高于|大于|小于|不低于|不高于|控制在|限额|标准为?|人均|每人|每|不足|[≥≤><＞＜])\s*$"
)
LIMIT_NEAR = re.compile(r"不超过|控制在|不高于|不低于|以内|限额|标准")
LIMIT_AFTER = re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内|及以上|及以下|/|／|每|左右)")
BASIS = re.compile(
    r"(?:比|较|与|同)\s*(?P<what>(?:上年|去年|上一年度?|(?P<year>\d{4})\s*年?度?)[^，,。；;、]{0,14}?)"
    r"(?=相比|相较|比较|对比|同期|增|减|下降|上升|降低|持平|无|相同|基本|压|核|$)"
)
NUMBERING = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十百\d]{1,3}[)）]|[一二三四五六七八九十百\d]{1,3}[、.．]|[（(]|[①-⑳]|\d{1,2}(?=[\u4e00-\u9fff]))+"
)
LEAD_WORDS = re.compile(
    r"^(?:其中|包括|主要包括|分别是|分别为|含|即|具体为|具体包括|合计|共计|总计|全部为|主要是|主要为|主要有)[:：]?"
)
SELF = re.compile(
    r"^(?:本部门|本单位|我部门|我单位|本级|我局|本局|我厅|本厅|我委|本委|我办|本办|我院|本院|我校|本校|我中心|本中心)"
)
YEAR_WORDS = re.compile(r"\d{4}\s*年度?|本年度|本年|当年|今年|全年|年初")
FILLER_END = re.compile(
    r"(?:共计|合计为|合计|总计为|共|为|是|达到|达|约|安排了|安排|预算数为|预算数|预算为|预算安排|的|各)+$"
)
TRAIL_QUOTES = re.compile(r"[“”\"]+$|^[“”\"]+")
FIRST_BASIS = re.compile(r"(?:比|较|与|同)(?:上年|去年|上一年|\d{4}|比)")
COUNTED = re.compile(r"\d+\s*(?:辆|台[（(]套[)）]|台|套|个|项|人|次|处|件)$")
BASIS_FIGURE = re.compile(
    r"(?:比|较|与)(?:上年|去年|上一年度?|\d{4}\s*年度?)的?(?:年初|全年|同期)?(?:预算|执行|决算)?(?:数)?(?:为|的)?$"
)
LISTING = re.compile(r"包括|其中|主要有|分别|具体为|具体如下")
PROJECT_PARTS = ("carried_in", "general_public", "gov_fund", "state_capital", "superior_grant")
LABEL_WINDOW = 96  # characters of words looked at before a figure (a 类/款/项 name runs to 60)
LOOKBACK = 24  # claims of the paragraph a figure may attach to, latest first
TOPIC_WINDOW = 400  # characters before a claim searched for the passage's topic
REASON_LENGTH = 400  # a stated reason is at most this long


def _this_year_cue(year: int | None) -> re.Pattern[str]:
    years = rf"{year}\s*年度?|" if year else ""
    return re.compile(
        rf"(?:{years}本年度?|当年|今年|全年)(?:年初)?(?:部门)?(?:预算|财政拨款)?(?:安排|预算数|预算|执行数|数)?(?:为|是|约)?$"
    )


def _last_year_cue(year: int | None) -> re.Pattern[str]:
    years = rf"|{year - 1}\s*年度?" if year else ""
    return re.compile(
        rf"(?<![比较与同])(?:上年|去年|上一年度?{years})(?:当年|全年|年初|同期)?(?:部门)?(?:预算|财政拨款)?"
        r"(?:预计执行数|执行数|执行|预算数|决算数|决算|预算|数)(?:为|是|约)?$"
        # the bare word after a bracket or a comma: "机关运行经费预算35.60万元（上年38.20万元）"
        r"|(?:^|(?<=[（(，,；;]))(?:上年|去年|上一年度?)(?:为|是)?$"
    )


FINAL_THIS = re.compile(r"(?:支出|收入)?(?:决算|执行)(?:数)?(?:为|是)?$")
FINAL_BUDGET = re.compile(r"(?:全年|年初|年度)?预算(?:数)?(?:为|是)?$")


# ---------------------------------------------------------------- reading


@dataclass
class _Draft:
    subject: Subject | None
    depth: int
    figures: list[Figure] = field(default_factory=list)
    direction: str | None = None
    direction_span: tuple[int, int] | None = None
    reason: str | None = None
    reason_span: tuple[int, int] | None = None
    basis: str | None = None
    basis_year: int | None = None
    basis_span: tuple[int, int] | None = None
    within: Subject | None = None
    sentence: int = 0  # where the sentence of its first figure starts
    parent: _Draft | None = None  # the claim it is listed under
    enumerated: bool = False  # listed after a 、 ("一般公共预算拨款…、上年结转…、其他收入…")

    def has(self, role: Role) -> bool:
        return any(f.role == role for f in self.figures)

    @property
    def compared(self) -> bool:
        return self.direction is not None or any(f.role in (Role.CHANGE, Role.PERCENT, Role.LAST) for f in self.figures)


@dataclass(frozen=True, slots=True)
class _Place:
    paragraph: str
    section_index: int
    heading: str
    context: str


DIRECTION_OF = {
    "增加": INCREASE,
    "增长": INCREASE,
    "上升": INCREASE,
    "增支": INCREASE,
    "调增": INCREASE,
    "增": INCREASE,
    "增幅": INCREASE,
    "减少": DECREASE,
    "下降": DECREASE,
    "降低": DECREASE,
    "压减": DECREASE,
    "压缩": DECREASE,
    "核减": DECREASE,
    "减支": DECREASE,
    "调减": DECREASE,
    "减": DECREASE,
    "减幅": DECREASE,
    "降幅": DECREASE,
    "下降率": DECREASE,
    "增长率": INCREASE,
}

TOPICS = (
    ("three_public", re.compile(r"三公")),
    ("running", re.compile(r"机关运行|行政经费|运行经费")),
    ("procurement", re.compile(r"政府采购")),
    ("assets", re.compile(r"固定资产|国有资产|资产占用")),
)


def _topic(texts: tuple[str, ...]) -> str | None:
    """The passage a figure is in: the nearest mention before it (sentence, paragraph, headings)."""
    for text in texts:
        found = [(m.start(), name) for name, pattern in TOPICS for m in _last(pattern, text)]
        if found:
            return max(found)[1]
    return None


def _last(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    found = last_match(pattern, text)
    return [found] if found is not None else []


def _depths(paragraph: str, positions: list[int]) -> list[int]:
    """Bracket depth at each of the (sorted) positions, in one pass."""
    depths = []
    depth = 0
    index = 0
    for position in positions:
        while index < position and index < len(paragraph):
            char = paragraph[index]
            if char in "（(":
                depth += 1
            elif char in "）)" and depth > 0:
                depth -= 1
            index += 1
        depths.append(depth)
    return depths


class _Reader:
    def __init__(self, doc: Disclosure) -> None:
        self.year = doc.unit.year
        self.unit_name = squash(doc.unit.name)
        self.final_accounts = _is_final_accounts(doc)
        self.this_cue = _this_year_cue(self.year)
        self.last_cue = _last_year_cue(self.year)
        self.doc = doc

    # -- labels

    def clean(self, words: str) -> str:
        """The words before a figure without numbering, self-reference, years and filler."""
        label = squash(words)
        previous = None
        while previous != label:
            previous = label
            label = NUMBERING.sub("", label)
            label = LEAD_WORDS.sub("", label)
            if self.unit_name and label.startswith(self.unit_name):
                label = label[len(self.unit_name) :]
            label = SELF.sub("", label)
            label = YEAR_WORDS.sub("", label) if YEAR_WORDS.match(label) else label
        label = YEAR_WORDS.sub("", label)
        if self.unit_name:
            label = label.replace(self.unit_name, "")
        label = _without_organisation(label, self.unit_name)
        previous = None
        while previous != label:
            previous = label
            label = FILLER_END.sub("", label)
            label = TRAIL_QUOTES.sub("", label)
            label = _balanced(label)
        return label

    def label_words(self, head: str) -> str:
        """The clause before a figure: back to the last break, at most LABEL_WINDOW characters."""
        window = head[-LABEL_WINDOW:]
        cut = 0
        for match in BREAK.finditer(window):
            cut = match.end()
        return window[cut:]

    # -- one paragraph

    def read(self, place: _Place, carried: Subject | None) -> tuple[list[Claim], Subject | None]:
        text = place.paragraph
        tokens = list(TOKEN.finditer(text))
        flats = list(FLAT_WORDS.finditer(text))
        reasons = list(REASON_CUE.finditer(text))
        events: list[tuple[int, str, re.Match[str]]] = sorted(
            [(m.start(), "figure", m) for m in tokens]
            + [(m.start(), "flat", m) for m in flats]
            + [(m.start(), "reason", m) for m in reasons],
            key=lambda e: e[0],
        )
        depths = _depths(text, [e[0] for e in events])
        starts = [m.start() for m in tokens]
        drafts: list[_Draft] = []
        known: set[int] = set()
        clause_floor = -1  # where the current clause of a sentence began, when split at a "；"
        previous_end = 0
        previous_role: Role | None = None
        previous_draft: _Draft | None = None
        pending = carried
        sentence_start = 0
        scanned = 0
        for (position, kind, match), depth in zip(events, depths, strict=True):
            # the sentence the event is in (one pass over the paragraph overall)
            while scanned < position:
                if text[scanned] in SENTENCE_END:
                    sentence_start = scanned + 1
                scanned += 1
            if kind == "flat":
                draft = self._open(drafts, depth)
                if draft is not None and draft.direction is None:
                    draft.direction, draft.direction_span = FLAT, match.span()
                    floor = max(sentence_start, position - 24)
                    self._basis(draft, text[floor : match.end()], floor)
                continue
            if kind == "reason":
                draft = self._open(drafts, depth)
                if draft is not None and draft.reason is None and (draft.compared or match.group(0) not in WEAK_REASON):
                    end = _reason_end(text, match.end(), starts)
                    reason = text[match.end() : end].strip().rstrip("；;，,：:、 ")
                    if reason:
                        draft.reason, draft.reason_span = reason, (match.end(), end)
                continue
            start = max(previous_end, sentence_start)
            head = text[start:position]
            if sentence_start > previous_end:
                # a new sentence since the last figure: a phrase there names what follows
                pending = self._phrase_before(text, sentence_start, previous_end) or pending
            opens = sentence_start >= previous_end and sentence_start > 0
            role, draft = self._figure(
                drafts, match, head, depth, previous_role, previous_draft, previous_end, pending, text, place, opens
            )
            if draft is not None and id(draft) not in known:
                known.add(id(draft))
                if sentence_start > clause_floor:
                    clause_floor = -1
                semicolon = text.rfind("；", max(sentence_start, clause_floor), match.start())
                if semicolon >= 0 and _other_side(drafts, draft, max(sentence_start, clause_floor)):
                    clause_floor = semicolon  # "收入…，其中：…；支出…，其中：…": a list of its own
                draft.sentence = max(sentence_start, clause_floor)
                draft.parent = self._parent(drafts, draft, text)
                draft.within = draft.parent.subject if draft.parent is not None else None
                label_start = match.start() - len(self.label_words(head))
                draft.enumerated = text[label_start - 1 : label_start] == "、"
                drafts.append(draft)
            previous_end, previous_role = match.end(), role
            previous_draft = draft if draft is not None else previous_draft
        claims = [self._claim(d, place) for d in drafts if d.figures]
        last_phrase = self._phrase_before(text, len(text), previous_end) if previous_end < len(text) else None
        return claims, (last_phrase if not tokens and last_phrase is not None else None)

    def _phrase_before(
        self, text: str, end: int, floor: int, commas: bool = False, title: bool = False
    ) -> Subject | None:
        """A short phrase with no figure that a following figure is about ("1.因公出国（境）费用。");
        a title before a colon may be a long project name."""
        segment = text[max(floor, end - LABEL_WINDOW) : end].rstrip("。：:；; ")
        cut = max(segment.rfind(mark) for mark in ("。：:；;，," if commas else "。：:；;"))
        phrase = segment[cut + 1 :]
        if not phrase or len(squash(phrase)) > 80:
            return None
        found = subject_of(self.clean(phrase))
        if found is None or (found.kind == Kind.NAMED and len(found.name) > (60 if title else 30)):
            return None
        return found

    def _counted(self, text: str, clause: int, floor: int) -> Subject | None:
        """ "计划购置车辆1辆、12万元": the amount of the thing counted just before it."""
        if clause <= floor or text[clause - 1 : clause] not in ("、", "，", ","):
            return None
        segment = text[max(floor, clause - LABEL_WINDOW) : clause - 1]
        found = COUNTED.search(segment)
        if found is None:
            return None
        words = segment[: found.start()]
        cut = max(words.rfind(mark) for mark in "。：:；;，,、")
        return self._subject(words[cut + 1 :])

    def _explaining(self, drafts: list[_Draft], depth: int, position: int) -> _Draft | None:
        """The claim whose stated reason this position is in (its figures explain the change)."""
        draft = self._open(drafts, depth)
        if draft is not None and draft.reason_span is not None:
            start, end = draft.reason_span
            if start <= position < end:
                return draft
        return None

    def _colon_phrase(self, text: str, clause: int, floor: int) -> Subject | None:
        """The title a figure's clause follows: "…医疗费项目绩效自评综述：全年预算数1991万元"."""
        if clause <= floor or text[clause - 1 : clause] not in ("：", ":", "，", ","):
            return None
        comma = text[clause - 1] in "，,"
        return self._phrase_before(text, clause - 1, floor, commas=comma, title=not comma)

    def _open(self, drafts: list[_Draft], depth: int) -> _Draft | None:
        """The claim a change, percent or word at this bracket depth belongs to."""
        for draft in reversed(drafts[-LOOKBACK:]):
            if draft.depth <= depth:
                return draft
        return None

    def _basis(self, draft: _Draft, words: str, offset: int) -> None:
        if draft.basis is not None:
            return
        match = last_match(BASIS, words)
        if match is not None:
            draft.basis = squash(match.group("what"))
            draft.basis_year = int(match.group("year")) if match.group("year") else None
            draft.basis_span = (max(offset, 0) + match.start("what"), max(offset, 0) + match.end("what"))

    def _figure(
        self,
        drafts: list[_Draft],
        match: re.Match[str],
        head: str,
        depth: int,
        previous_role: Role | None,
        previous_draft: _Draft | None,
        previous_end: int,
        pending: Subject | None,
        text: str,
        place: _Place,
        opens: bool,
    ) -> tuple[Role, _Draft | None]:
        number = match.group("num")
        value = Decimal(number.replace(",", ""))
        unit = match.group("unit") or "%"
        tail = squash(head)[-40:]
        words = self.label_words(head)
        head_start = match.start() - len(head)

        def figure(role: Role) -> Figure:
            return Figure(role, value, unit, match.group(0), match.start(), match.end())

        if unit == "%":
            role = self._percent_role(tail, head, previous_role)
            draft = self._open(drafts, depth)
            if role is None:
                return Role.SHARE, None  # a percent that is no part of a claim (a target, a rate)
            if role == Role.PERCENT and previous_role == Role.CHANGE and previous_draft is not None:
                draft = previous_draft  # "增加40万元，增幅100.0%": the change's claim
            elif opens and role == Role.PERCENT:
                draft = self._first_without(drafts, depth, role) or draft
            elif (
                role == Role.SHARE
                and (owner := self._share_owner(words)) is not None
                and (draft is None or not owner.same(draft.subject))
            ):
                draft = _Draft(owner, depth)  # "…。授予中小企业合同金额占…的100%": the share of 中小企业
            if draft is None or draft.has(role):
                label = words
                cue = PERCENT_CUE.search(squash(words)) if role == Role.PERCENT else None
                if cue is not None:  # "收入总预算比上年减少3.85%": the subject is 收入总预算
                    label = _before_basis(words, cue.group(1))
                draft = _Draft(self._subject(label), depth)
            draft.figures.append(figure(role))
            if role == Role.PERCENT:
                cue = PERCENT_CUE.search(tail)
                if cue and draft.direction is None:
                    word = cue.group(1)
                    direction = DIRECTION_OF.get(word)
                    if direction:
                        draft.direction = direction
                        draft.direction_span = self._span_of(text, word, match.start())
                self._basis(draft, head, head_start)
            return role, draft

        explained = self._explaining(drafts, depth, match.start())
        if explained is not None:
            explained.figures.append(figure(Role.DETAIL))
            return Role.DETAIL, explained
        after = text[match.end() : match.end() + 8]
        if LIMIT_AFTER.match(after) or LIMIT_BEFORE.search(tail) or LIMIT_NEAR.search(squash(words)):
            draft = _Draft(self._subject(words) or pending, depth)
            draft.figures.append(figure(Role.LIMIT))
            return Role.LIMIT, draft

        cue = CHANGE_CUE.search(tail)
        if cue:
            subject = self._subject(_before_basis(words, cue.group(1)))
            if subject is not None and subject.kind == Kind.NAMED:
                subject = None  # "与上年相比收、支预算总计各增加": the open claim's change
            draft = self._list_total(drafts, depth, text, match.start()) if subject is None else None
            draft = draft or self._target(drafts, depth, Role.CHANGE, subject, opens)
            draft.figures.append(figure(Role.CHANGE))
            if draft.direction is None:
                draft.direction = DIRECTION_OF.get(cue.group(1))
                draft.direction_span = self._span_of(text, cue.group(1), match.start())
            self._basis(draft, head, head_start)
            return Role.CHANGE, draft

        if BASIS_FIGURE.search(tail):  # "比2025年年初预算数4,956.01万元增加…": the basis's figure
            draft = self._target(drafts, depth, Role.LAST, None)
            draft.figures.append(figure(Role.LAST))
            return Role.LAST, draft

        if self.last_cue.search(tail):
            subject = self._subject(self.last_cue.sub("", squash(words)))
            draft = self._target(drafts, depth, Role.LAST, subject)
            draft.figures.append(figure(Role.LAST))
            return Role.LAST, draft

        if self.final_accounts and FINAL_BUDGET.search(tail) and not FINAL_THIS.search(tail):
            subject = self._subject(FINAL_BUDGET.sub("", squash(words)))
            draft = self._target(drafts, depth, Role.BUDGETED, subject) if subject else None
            if draft is None:
                draft = _Draft(self._colon_phrase(text, match.start() - len(words), previous_end) or pending, depth)
            draft.figures.append(figure(Role.BUDGETED))
            return Role.BUDGETED, draft

        label = squash(words)
        if not self.clean(label) and not self._subject(words):
            counted = self._counted(text, match.start() - len(words), previous_end)
            if counted is not None:
                draft = _Draft(counted, depth)
                draft.figures.append(figure(Role.AMOUNT))
                return Role.AMOUNT, draft
        this_cue = self.this_cue.search(label) or (FINAL_THIS.search(label) if self.final_accounts else None)
        bare = this_cue is not None and not self.clean(label[: this_cue.start()])
        subject = self._subject(words) if not bare else None
        if subject is None:
            open_draft = self._open(drafts, depth)
            if bare and open_draft is not None and open_draft.has(Role.AMOUNT) and not open_draft.has(Role.REPEAT):
                open_draft.figures.append(figure(Role.REPEAT))
                return Role.REPEAT, open_draft
            if open_draft is not None and not open_draft.has(Role.AMOUNT) and open_draft.subject is not None:
                open_draft.figures.append(figure(Role.AMOUNT))  # the budgeted figure came first
                return Role.AMOUNT, open_draft
            subject = (
                self._colon_phrase(text, match.start() - len(words), previous_end)
                or pending
                or self._heading_subject(place)
            )
        if subject is not None and subject.name in ("支出", "收入"):
            heading = self._heading_subject(place)  # "（一）教育支出（类）" … "支出6,658.29万元"
            if heading is not None and heading.kind == Kind.CLASSIFIED:
                subject = heading
        draft = _Draft(subject, depth)
        draft.figures.append(figure(Role.AMOUNT))
        return Role.AMOUNT, draft

    def _percent_role(self, tail: str, head: str, previous_role: Role | None) -> Role | None:
        if COMPLETION_CUE.search(tail):
            return Role.COMPLETION
        if SHARE_CUE.search(tail):
            return Role.SHARE
        if PERCENT_CUE.search(tail):
            return Role.PERCENT
        if previous_role == Role.CHANGE and squash(head) in ("（", "("):
            return Role.PERCENT  # "增加74.97万元（92.82%）"
        return None

    def _parent(self, drafts: list[_Draft], draft: _Draft, text: str) -> _Draft | None:
        """The claim a new claim is listed under: the sentence's first claim, when a
        "包括 / 其中 / 主要有" comes between them; or the project just named, for its own
        carry-over or fund ("…服务费7,083.34万元，上年结转564.09万元")."""
        if draft.subject is None:
            return None
        if drafts and draft.subject.key in PROJECT_PARTS:
            previous = drafts[-1]
            between = text[previous.figures[-1].end : draft.figures[0].start]
            label = squash(between).lstrip("，,")
            if (
                previous.subject is not None
                and previous.subject.kind == Kind.NAMED
                and previous.sentence == draft.sentence
                and squash(between)[:1] in ("，", ",")
                and len(label) <= 16
            ):
                return previous
        for earlier in drafts[-LOOKBACK:]:
            if earlier.sentence == draft.sentence and earlier.depth <= draft.depth and earlier.subject is not None:
                between = text[max(earlier.figures[0].end, earlier.sentence) : draft.figures[0].start]
                if LISTING.search(between):
                    return earlier
                break
        if draft.subject.kind == Kind.CONCEPT and DETAIL_OPENING.match(text[draft.sentence : draft.figures[0].start]):
            # "（1）进修及培训（20508）102.32万元，…。具体为：人员经费…；公用经费…": the 科目's parts
            earlier_sentences = [d for d in drafts[-LOOKBACK:] if d.sentence < draft.sentence]
            if earlier_sentences:
                last_sentence = earlier_sentences[-1].sentence
                first = next(d for d in earlier_sentences if d.sentence == last_sentence)
                if first.subject is not None and first.subject.kind != Kind.CONCEPT:
                    return first
        return None

    def _list_total(self, drafts: list[_Draft], depth: int, text: str, position: int) -> _Draft | None:
        """A change after an enumeration ("其中：a、b、c，较上年减少…") is the listed total's."""
        last = self._open(drafts, depth)
        if last is None or not last.enumerated or last.parent is None or last.parent.has(Role.CHANGE):
            return None
        between = text[last.figures[-1].end : position]
        return last.parent if "，" in between or "," in between else None

    def _first_without(self, drafts: list[_Draft], depth: int, role: Role) -> _Draft | None:
        """A change opening its own sentence ("。较上年增加…") is about the paragraph's
        first claim still without one (the item, not the last of its parts)."""
        for draft in drafts[:LOOKBACK]:
            if draft.depth <= depth and not draft.has(role) and draft.subject is not None:
                return draft
        return None

    def _target(
        self, drafts: list[_Draft], depth: int, role: Role, subject: Subject | None, opens: bool = False
    ) -> _Draft:
        """The claim a last-year figure or a change belongs to: the open one, or the latest
        one of the same subject, or a new claim."""
        if subject is None and opens:
            first = self._first_without(drafts, depth, role)
            if first is not None:
                return first
        if subject is not None:
            for draft in reversed(drafts[-LOOKBACK:]):
                if subject.same(draft.subject) and not draft.has(role):
                    return draft
            open_draft = self._open(drafts, depth)
            if open_draft is not None and open_draft.subject is None and not open_draft.has(role):
                open_draft.subject = subject
                return open_draft
            return _Draft(subject, depth)
        open_draft = self._open(drafts, depth)
        if open_draft is not None and not open_draft.has(role):
            return open_draft
        return _Draft(None, depth)

    def _subject(self, words: str) -> Subject | None:
        return subject_of(self.clean(words))

    def _share_owner(self, words: str) -> Subject | None:
        """What a share names before its 占 when it has no amount of its own there (a
        concept: named words before 占 are as often the share's context as its owner)."""
        at = squash(words).rfind("占")
        owner = self._subject(squash(words)[:at]) if at > 0 else None
        return owner if owner is not None and owner.kind == Kind.CONCEPT else None

    def _heading_subject(self, place: _Place) -> Subject | None:
        """A figure with no words of its own under a heading that names a concept or a 科目."""
        found = subject_of(self.clean(place.heading)) if len(squash(place.heading)) <= 40 else None
        return found if found is not None and found.kind != Kind.NAMED else None

    def _span_of(self, text: str, word: str, before: int) -> tuple[int, int]:
        start = text.rfind(word, max(0, before - 40), before)
        return (start, start + len(word)) if start >= 0 else (before, before)

    def _claim(self, draft: _Draft, place: _Place) -> Claim:
        first = min(f.start for f in draft.figures)
        topic = _topic((place.paragraph[max(0, first - TOPIC_WINDOW) : first], place.heading, place.context))
        return Claim(
            subject=draft.subject,
            figures=tuple(sorted(draft.figures, key=lambda f: f.start)),
            paragraph=place.paragraph,
            section_index=place.section_index,
            heading=place.heading,
            context=place.context,
            topic=topic,
            direction=draft.direction,
            direction_span=draft.direction_span,
            reason=draft.reason,
            reason_span=draft.reason_span,
            basis=draft.basis,
            basis_year=draft.basis_year,
            basis_span=draft.basis_span,
            within=draft.within,
        )


ORGANISATION_END = re.compile(
    r"(?:办事处|委员会|办公室|办公厅|管理局|分局|局|厅|署|处|中心|研究院|院|所|站|馆|队|学校|学院|大学|医院|委|办|政府|街道)"
    r"(?:本级|机关|本部|[（(][^（）()]{1,12}[)）])*"
)
BUDGET_WORDS = re.compile(
    r"^(?:部门|单位)?(?:收入|支出|预算|决算|财政|一般公共|政府性基金|国有资本|三公|“三公”|机关运行|政府采购|基本支出|项目支出"
    r"|各单位|所属|共有|实有|固定资产)"
)
# a sentence giving the parts of what the sentence before it named
DETAIL_OPENING = re.compile(r"^\s*(?:具体为|具体是|具体包括|具体有|具体来看|具体情况为)[：:，,]?")
LEVEL_MARK = re.compile(r"[（(]\d{0,7}[类款项][)）]")
UNIT_BUDGET = re.compile(r"(?:部门|单位)(?:预算|决算)(?=.)")


def _side(subject: Subject | None) -> str | None:
    key = subject.key if subject is not None else None
    if key is None:
        return None
    if "income" in key:
        return "income"
    if "expenditure" in key:
        return "expenditure"
    return None


def _other_side(drafts: list[_Draft], draft: _Draft, sentence: int) -> bool:
    """The new claim is a total of the other side from the clause's first claim (the
    expenditure after the income): what follows is not listed under the income."""
    side = _side(draft.subject)
    if side is None:
        return False
    first = next((d for d in drafts[-LOOKBACK:] if d.sentence == sentence and d.subject is not None), None)
    other = _side(first.subject) if first is not None else None
    return other is not None and other != side


def _without_organisation(label: str, unit: str = "") -> str:
    """The label without the organisation it opens with ("深圳市人民政府口岸办公室部门预算收入"
    → "收入"); a label that is only an organisation's budget keeps the organisation, and
    so does one of another organisation than the document's unit (a 分局 of the 局)."""
    if LEVEL_MARK.search(label):
        return label  # "广播电视教育（款）广播电视学校（项）支出": a 科目, not a 学校
    for match in ORGANISATION_END.finditer(label[:40]):
        rest = label[match.end() :]
        if match.end() >= 3 and BUDGET_WORDS.match(rest):
            if _another_organisation(label[: match.end()], rest, unit):
                return label
            label = rest if rest not in ("预算", "决算") else label[: match.end()]
            break
    cut = last_match(UNIT_BUDGET, label)
    return label[cut.end() :] if cut is not None else label


def _another_organisation(organisation: str, rest: str, unit: str) -> bool:
    """The organisation a label opens with is one the document's unit is not: a 分局, 院 …
    of the 局 whose disclosure this is, its figures not the unit's."""
    if not unit or not ORGANISATION_END.search(unit[-4:]) or not rest.startswith(("部门", "单位")):
        return False
    return organisation not in unit and unit not in organisation


def _balanced(label: str) -> str:
    """The label without a bracket left open or closed at either end ("（公务用车购置费")."""
    if label[:1] in "（(" and label.count("（") + label.count("(") > label.count("）") + label.count(")"):
        label = label[1:]
    if label[-1:] in "）)" and label.count("）") + label.count(")") > label.count("（") + label.count("("):
        label = label[:-1]
    return label


def _before_basis(words: str, cue: str) -> str:
    """The words of a change without the comparison ("收入比2025年增加" → "收入")."""
    text = squash(words)
    if text.endswith(cue):
        text = text[: -len(cue)]
    match = FIRST_BASIS.search(text)
    if match is not None:
        return text[: match.start()]
    return "" if re.fullmatch(r"(相比|同比|上年|去年)?", text) else text


_SEMICOLON = re.compile(r"[；;]")  # either width: text extracted from a PDF keeps the ASCII one


def _reason_end(text: str, start: int, starts: list[int]) -> int:
    """A reason runs to the end of its sentence, or to a ；that opens the next item."""
    end = min(len(text), start + REASON_LENGTH)
    for mark in "。！？":
        found = text.find(mark, start)
        if 0 <= found < end:
            end = found
    semicolons = [m.start() for m in _SEMICOLON.finditer(text, start, end)]
    for i, semicolon in enumerate(semicolons):
        at = bisect.bisect_right(starts, semicolon)
        following = starts[at] if at < len(starts) else end
        next_break = semicolons[i + 1] if i + 1 < len(semicolons) else end
        if following < next_break:
            return semicolon
    return end


STAGE_WORD = re.compile(r"\d{4}\s*年度?[^，。]{0,24}?(预算|决算)")


LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff\d.,] ){8}")
LETTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d.,，。%]) (?=[\u4e00-\u9fff\d.,，。%])")


def unspaced(paragraph: str) -> str:
    """A letter-spaced paragraph ("政 府 性 基 金 预 算 5 7 9. 8 9 万 元") without its spaces."""
    return LETTER_SPACE.sub("", paragraph) if LETTER_SPACED.search(paragraph) else paragraph


def _is_final_accounts(doc: Disclosure) -> bool:
    """A 决算 (final accounts) document: as the model says, else as its title says."""
    stage = getattr(doc.unit, "stage", None)
    if stage is not None:
        return "决算" in str(stage)
    for section in doc.sections[:5]:
        found = STAGE_WORD.search(section.heading)
        if found is not None:
            return found.group(1) == "决算"
    return False


def read_claims(doc: Disclosure) -> tuple[Claim, ...]:
    """Every claim of the narrative, in reading order."""
    reader = _Reader(doc)
    contexts = section_contexts(doc)
    organisations = section_organisations(doc)
    claims: list[Claim] = []
    for index, section in enumerate(doc.sections):
        carried: Subject | None = None
        for paragraph, _ in section_paragraphs(doc, index):
            place = _Place(unspaced(paragraph), index, section.heading, contexts[index])
            found, carried = reader.read(place, carried)
            if organisations[index]:
                found = [replace(claim, organisation=organisations[index]) for claim in found]
            claims.extend(found)
    return tuple(claims)


NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*(?P<name>[^\d，,。：:；;]{4,48})$"
)


def heading_organisation(heading: str, unit: str, kind: str) -> str | None:
    """The organisation a numbered heading names ("二、深圳市劳动人事争议仲裁院"), when it is
    not the disclosure's own unit as a whole (a 部门's "（本级）" is one of its parts)."""
    match = NUMBERED_HEADING.match(squash(heading))
    if match is None:
        return None
    name = match.group("name")
    end = last_match(ORGANISATION_END, name)
    if end is None or end.end() != len(name) or end.start() < 2:
        return None
    whole = squash(unit)
    if name == whole or (kind != "部门" and whole and name.startswith(whole)):
        return None
    return name


def section_organisations(doc: Disclosure) -> list[str | None]:
    """For each section, the organisation it is about (see ``heading_organisation``): a
    heading's organisation holds for the sections below it, to the next heading of its level."""
    found: list[str | None] = []
    scope: tuple[int, str] | None = None  # (level, organisation)
    for section in doc.sections:
        if scope is not None and section.level <= scope[0]:
            scope = None
        name = heading_organisation(section.heading, doc.unit.name, doc.unit.kind)
        if name is not None:
            scope = (section.level, name)
        found.append(scope[1] if scope is not None else None)
    return found
