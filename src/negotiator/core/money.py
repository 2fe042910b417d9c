"""Money as Decimal: parsing what people type, rounding to the fen, formatting.

Floats never touch money: JSON is read with parse_float=Decimal and typed amounts are parsed here.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("100000000")

# What people append or prepend to an amount; all mean "yuan".
_CURRENCY = ("rmb", "cny", "¥", "元", "块钱", "块")
_MULTIPLIERS = {"万": Decimal(10000), "w": Decimal(10000), "千": Decimal(1000), "k": Decimal(1000)}
_NUMBER = re.compile(r"\d+(\.\d+)?|\.\d+")
# What may stand between the digits of a figure: thousands separators, read only where they
# group thousands ("12,000", "1 200 000"). Anywhere else they hide a mistyped figure: "1,2,3" is
# not 123, nor "12,00" 1200.
SEPARATORS = (",", "，", " ", "_")
_SEP = "[,， _]"
_BAD_GROUPING = re.compile(
    rf"\d{_SEP}(?:\d(?!\d)|\d\d(?!\d)|\d{{4}})"  # a group after a separator of other than three digits
    rf"|\d{_SEP}{{2,}}\d"  # two separators in a row
    rf"|\d{{4}}{_SEP}\d"  # more than three digits before a separator
    rf"|\.\d+{_SEP}+\d"  # a separator among the decimals
)


class AmountError(ValueError):
    """Why a typed amount was refused; `code` selects the sentence shown to the user."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def fen(value: Decimal) -> Decimal:
    """Round half-up to the fen (0.01 yuan)."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def fen_down(value: Decimal) -> Decimal:
    """Round towards zero to the fen: for shares, which must never add up to more than there is."""
    return value.quantize(FEN, rounding=ROUND_DOWN)


def check_amount(value: Decimal) -> Decimal:
    """Refuse what no borrower's figure can be; return it rounded to the fen."""
    if not value.is_finite():
        raise AmountError("not_a_number")
    if value < 0:
        raise AmountError("negative")
    if value > MAX_AMOUNT:
        raise AmountError("too_large")
    # Adding zero turns a "-0" from a file into 0.00, which would otherwise print as -0.00.
    return fen(value) + ZERO


def parse_amount(text: str) -> Decimal:
    """Read an amount as people type it: '12000', '12,000', '1.2万', '¥12000', '12000元', '3k', ' 800 '."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    if not cleaned:
        raise AmountError("empty")
    if _BAD_GROUPING.search(cleaned):
        raise AmountError("grouping")
    for mark in SEPARATORS:
        cleaned = cleaned.replace(mark, "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-+")
    for mark in _CURRENCY:
        if cleaned.startswith(mark):
            cleaned = cleaned[len(mark) :]
        if cleaned.endswith(mark):
            cleaned = cleaned[: -len(mark)]
    multiplier = Decimal(1)
    for suffix, factor in _MULTIPLIERS.items():
        if cleaned.endswith(suffix):
            cleaned, multiplier = cleaned[: -len(suffix)], factor
            break
    if not _NUMBER.fullmatch(cleaned):
        raise AmountError("not_a_number")
    try:
        value = Decimal(cleaned) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - the pattern above admits only digits
        raise AmountError("not_a_number") from exc
    if negative and value != 0:
        raise AmountError("negative")
    return check_amount(value)


def plain(value: Decimal) -> str:
    """Two decimals, no grouping: the form used in JSON and files read by programs."""
    return f"{fen(value):.2f}"


def daily(value: Decimal) -> str:
    """A daily rate as entered, not rounded to two decimals: 0.05, 0.045."""
    return f"{value.normalize():f}"


def show(value: Decimal) -> str:
    """Grouped thousands, two decimals: the form people read, e.g. 12,000.00."""
    return f"{fen(value):,.2f}"
