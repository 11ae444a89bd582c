"""How much of the narrative the check reads: every money figure printed in the
narrative sections, and what became of it.

A figure is *claimed* when it is part of a claim with a subject; a claimed figure is
*placed* when it is compared with a table figure, checked against the other figures of
its claim (a last year's figure against the change and the percent), or stated not
comparable with the reason. What is left is a figure the check reads but cannot place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from budget.checks.core import Context, Settings
from budget.checks.amounts import compare
from budget.checks.figures import WHY_NOT, Bound, Resolved, resolutions
from budget.model import Disclosure
from budget.narrative import Claim, Role
from budget.narrative.claims import TOKEN
from budget.narrative.text import section_paragraphs

MATCHED = "matched"  # compared with a table figure
CHECKED = "checked"  # checked against the other figures of its claim
STATED = "not comparable"  # not comparable, for the reason given
UNPLACED = "unplaced"  # read with a subject, but neither compared nor explained
NO_SUBJECT = "no subject"


@dataclass
class Coverage:
    printed: int = 0  # money figures printed in the narrative sections
    claimed: int = 0  # of those, in a claim with a subject
    outcomes: Counter[str] = field(default_factory=Counter)  # claimed figures by outcome
    reasons: Counter[str] = field(default_factory=Counter)  # why not comparable
    unplaced: list[tuple[Claim, str]] = field(default_factory=list)  # (claim, figure) for reading

    @property
    def placed(self) -> int:
        return self.outcomes[MATCHED] + self.outcomes[CHECKED] + self.outcomes[STATED]

    def add(self, other: Coverage) -> None:
        self.printed += other.printed
        self.claimed += other.claimed
        self.outcomes.update(other.outcomes)
        self.reasons.update(other.reasons)
        self.unplaced.extend(other.unplaced)


def _printed(doc: Disclosure) -> int:
    count = 0
    for index in range(len(doc.sections)):
        for paragraph, _ in section_paragraphs(doc, index):
            count += sum(1 for m in TOKEN.finditer(paragraph) if m.group("unit"))
    return count


def _outcome(claim: Claim, role: Role, resolved: Resolved) -> tuple[str, str | None]:
    has = {f.role for f in claim.figures}
    if role in (Role.AMOUNT, Role.REPEAT):
        if resolved.figures and all(f.bound != Bound.ANY for f in resolved.figures):
            return MATCHED, None  # (a blank cell agrees with a zero written out)
        if resolved.figures and _agrees(claim, role, resolved):
            return MATCHED, None
        if resolved.reason:
            return STATED, resolved.reason
        return UNPLACED, resolved.unread
    if role == Role.LAST:
        if Role.AMOUNT in has and (Role.CHANGE in has or Role.PERCENT in has):
            return CHECKED, None
        return STATED, WHY_NOT[Role.LAST]
    if role == Role.CHANGE:
        if Role.AMOUNT in has and (Role.LAST in has or Role.PERCENT in has):
            return CHECKED, None
        return STATED, "增减额：没有上年数和增减率可以核对"
    if role == Role.BUDGETED:
        return (CHECKED, None) if Role.COMPLETION in has else (STATED, WHY_NOT[Role.BUDGETED])
    return STATED, WHY_NOT.get(role, WHY_NOT[Role.LIMIT])


def _agrees(claim: Claim, role: Role, resolved: Resolved) -> bool:
    """A figure of a row named like the subject agrees with the claim's figure."""
    figure = claim.figure(role)
    money = figure.money if figure is not None else None
    return money is not None and any(
        f.value is not None and not compare(money, f.value).mismatch for f in resolved.figures
    )


def coverage(doc: Disclosure) -> Coverage:
    ctx = Context(doc, Settings())
    result = Coverage(printed=_printed(doc))
    for claim, resolved in resolutions(ctx):
        for figure in claim.figures:
            if not figure.is_money:
                continue
            if claim.subject is None:
                result.outcomes[NO_SUBJECT] += 1
                result.unplaced.append((claim, figure.printed))
                continue
            result.claimed += 1
            outcome, reason = _outcome(claim, figure.role, resolved)
            result.outcomes[outcome] += 1
            if reason:
                result.reasons[f"{outcome}: {reason}"] += 1
            if outcome == UNPLACED:
                result.unplaced.append((claim, figure.printed))
    return result
