"""Amounts quoted in the narrative: where they are and what words precede them.

A quote is a number followed by 元 or 万元 in a sentence of a section. Its *label* is the
clause before the number ("其中：财政拨款收入" → "财政拨款收入"), which the text rules map
to the table figure it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from budget.model import Disclosure, Money, MoneyUnit

from budget.narrative.text import section_contexts, section_paragraphs, sentences

AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)")
BREAK = re.compile(r"[，,；;、。：:（(）)\n]|其中|包括|分别")  # quote marks belong to names (“三公”)
FILLER = re.compile(r"^(?:主要)?(?:为|是|共计|合计|共|计)+|(?:共计|合计|安排|预算数为|预算为|为|是|共|计|达|约)+$")
THRESHOLD_AFTER = re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内|及以上|及以下)")
THRESHOLD_BEFORE = re.compile(r"(?:单价|超过|不超过|低于|高于|大于|小于|达到)$")


@dataclass(frozen=True, slots=True)
class Quote:
    amount: Money
    printed: str  # "31.82万元" as printed
    label: str  # the clause before the number, without filler words
    sentence: str
    start: int  # position of the number in the sentence
    end: int
    section_index: int
    heading: str
    paragraph: str
    context: str  # the headings above the section: decides 三公 vs 机关运行经费 …
    threshold: bool  # "单价100万元（含）以上": a limit, not an amount of this budget

    def marked(self) -> str:
        """The sentence with the figure marked 【…】 (plain text, safe to show anywhere)."""
        return f"{self.sentence[: self.start]}【{self.sentence[self.start : self.end]}】{self.sentence[self.end :]}"


def parse_amount(number: str, unit: str) -> Money:
    return Money(Decimal(number.replace(",", "")), MoneyUnit(unit))


SHORT_ASIDE = re.compile(r"[（(][^（）()\d]{1,3}[）)]")  # 因公出国（境）费: part of the name


def label_before(sentence: str, start: int) -> str:
    head = SHORT_ASIDE.sub("", sentence[:start])
    cut = 0
    for match in BREAK.finditer(head):
        cut = match.end()
    label = re.sub(r"\s+", "", head[cut:])
    previous = None
    while previous != label:
        previous = label
        label = FILLER.sub("", label)
    return label


def find_quotes(
    doc: Disclosure, paragraphs: Callable[[int], list[tuple[str, tuple[int, ...]]]] | None = None
) -> tuple[Quote, ...]:
    """Every amount quoted in the narrative; ``paragraphs`` gives a section's paragraphs
    (a check run's Context reads them once for all its rules)."""
    paragraphs = paragraphs or (lambda index: section_paragraphs(doc, index))
    quotes = []
    contexts = section_contexts(doc)
    for index, section in enumerate(doc.sections):
        for paragraph, _ in paragraphs(index):
            for sentence in sentences(paragraph):
                for match in AMOUNT.finditer(sentence):
                    after = sentence[match.end() :]
                    label = label_before(sentence, match.start())
                    quotes.append(
                        Quote(
                            amount=parse_amount(match.group(1), match.group(2)),
                            printed=match.group(0),
                            label=label,
                            sentence=sentence,
                            start=match.start(),
                            end=match.end(),
                            section_index=index,
                            heading=section.heading,
                            paragraph=paragraph,
                            context=contexts[index],
                            threshold=bool(THRESHOLD_AFTER.match(after) or THRESHOLD_BEFORE.search(label)),
                        )
                    )
    return tuple(quotes)
