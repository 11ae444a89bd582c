"""The words every part of the program shares: codes and their levels, text
normalisation for comparing names, the 三公 items, money and share labels.

One definition each, so a loader, a rule and a page never disagree on what a 款 is,
when two names are the same, or how 1,065.08 万元 is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, Overflow, localcontext

from budget.model import Money

# ---------------------------------------------------------------- codes

# 功能分类: 类 3 digits, 款 5, 项 7; 经济分类: 类 3, 款 5.
LEVEL_BY_LENGTH: dict[int, int] = {3: 1, 5: 2, 7: 3}
LEVEL_NAMES: dict[int, str] = {1: "类", 2: "款", 3: "项"}


def level_of_code(code: str | None) -> int | None:
    """1 for a 类 code, 2 for 款, 3 for 项; None for anything else."""
    return LEVEL_BY_LENGTH.get(len(code)) if code else None


def clean_code(code: str | None) -> str | None:
    """A code as compared: without the spaces a layout put in it; None when blank."""
    return squash(code) or None


def parent_code(code: str) -> str | None:
    """项 (7 digits) -> 款 (5) -> 类 (3); a 类 has no parent."""
    if len(code) > 5:
        return code[:5]
    if len(code) > 3:
        return code[:3]
    return None


# ---------------------------------------------------------------- text

_SPACES = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """Text without any whitespace: names as printed, compared without layout spaces."""
    return _SPACES.sub("", text or "")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """For recognising words: no whitespace, and full-width forms folded (NFKC), so
    "（" and "(" or "１" and "1" are the same."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# ---------------------------------------------------------------- 三公经费

# ThreePublic field -> how a reader calls it, in the order tables print them.
THREE_PUBLIC_LABELS: dict[str, str] = {
    "total": "“三公”经费合计",
    "overseas": "因公出国（境）费",
    "vehicles": "公务用车购置及运行（维护）费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行（维护）费",
    "reception": "公务接待费",
}
THREE_PUBLIC_PARTS = ("vehicle_purchase", "vehicle_operation")  # parts of "vehicles"

# ---------------------------------------------------------------- money

NOT_REPORTED = "—"  # a blank cell: not reported, never shown as 0


def money_label(money: Money | None, with_unit: bool = True) -> str:
    """ "1,065.08 万元"; an unreported amount is "—"."""
    return NOT_REPORTED if money is None else money.format(with_unit=with_unit)


def share(part: Money | None, whole: Money | None) -> Decimal | None:
    """part / whole in percent, exact then rounded to 0.1; None when undefined."""
    if part is None or whole is None or not whole.amount.is_finite() or whole.amount == 0:
        return None
    with localcontext() as context:
        # Absurd figures (a huge part of a tiny whole) give no share rather than an
        # overflow; quantize needs the percent to fit the context's 28 digits.
        context.traps[Overflow] = context.traps[InvalidOperation] = False
        percent = part.to(whole.unit).amount / whole.amount * 100
        if not percent.is_finite() or percent.adjusted() >= context.prec - 2:
            return None
        return percent.quantize(Decimal("0.1"), ROUND_HALF_UP)


def share_label(part: Money | None, whole: Money | None) -> str:
    """ "26.7%"; a part that is not nil but rounds to 0.0 is "<0.1%" (80.77 of 227,123.37
    is not nothing)."""
    value = share(part, whole)
    if value is None:
        return ""
    if value == 0 and part is not None and part.amount != 0:
        return "<0.1%" if (part.amount > 0) == (whole is not None and whole.amount > 0) else ">-0.1%"
    return f"{value}%"
