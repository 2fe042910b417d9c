"""Typed values: an amount, a rate, a whole number, a date, a case name or a choice, read the same
way wherever a person gives it (the answers file, the wizard, `calc`, `log add`, `agree`), so that
what one accepts the others accept too.

Each reader returns the value or raises `errors.Refused` with the key of a sentence in
content/<lang>/values.toml saying what is wrong with the value; whoever asked for it names the
field (the option, the question, the place in the file).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from negotiator.core.errors import BadInput, Refused
from negotiator.core.money import AmountError, check_amount, parse_amount

if TYPE_CHECKING:
    from negotiator.core.when import Day

# The years a date may fall in: wide enough for any debt, narrow enough that the last due date of
# a 600-month schedule is still a real date.
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2100, 12, 31)
RATE_STEP = Decimal("0.000001")  # the finest rate, in percent, that the engine works with
# What may follow a rate: the percent sign, half-width or full-width (a Chinese keyboard's).
PERCENT_SIGNS = "%％"
# A case is a folder: letters (any script), digits, '-', '_', '.'; at most 64. Compiled when first
# used (it takes a millisecond and a half, which `calc` and `plan` need not pay).
CASE_NAME = r"[\w\u4e00-\u9fff][\w\u4e00-\u9fff.-]{0,63}"


T = TypeVar("T")


def option(name: str, read: Callable[..., T], text: Any, *args: Any) -> T:
    """An option's value read by `read`; a refusal becomes BadInput naming the option
    ("--months: Please give a whole number from 1 to 600.")."""
    try:
        return read(text, *args)
    except Refused as exc:
        raise BadInput("errors.usage.bad_value", option=name, problem=exc.message) from exc


# ---- money and rates ----------------------------------------------------------------------------


# Why money refused an amount, as the sentence that says so.
_AMOUNT_REFUSED = {
    "empty": "values.amount.empty",
    "not_a_number": "values.amount.not_a_number",
    "grouping": "values.amount.grouping",
    "negative": "values.amount.negative",
    "too_large": "values.amount.too_large",
}


def amount(value: str | int | Decimal) -> Decimal:
    """An amount as typed ('12,000', '1.2万', '¥800', '3k') or as a number in a file, to the fen."""
    try:
        return parse_amount(value) if isinstance(value, str) else check_amount(Decimal(value))
    except AmountError as exc:
        sentence = _AMOUNT_REFUSED[exc.code]
        raise Refused(sentence) from exc


def percent(value: str | int | Decimal, high: int | Decimal) -> Decimal:
    """A rate in percent from 0 to `high`: '18', ' 18 ', '18%', '18％', '0.05'."""
    text = value if isinstance(value, str) else str(value)
    try:
        number = Decimal(text.strip().rstrip(PERCENT_SIGNS))
    except ArithmeticError as exc:  # InvalidOperation, or a context's trap
        raise Refused("values.percent.not_a_number") from exc
    if not number.is_finite():
        raise Refused("values.percent.not_a_number")
    if number < 0:
        raise Refused("values.percent.negative")
    if number > high:
        raise Refused("values.percent.too_large", high=high)
    # No contract states a rate finer than this; a rate such as 1e-999999 would otherwise vanish
    # inside the schedule arithmetic and divide by zero. Coarser rates stay as written.
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        number = number.quantize(RATE_STEP)
    return number + 0  # "-0" is 0, shown as 0.00%, not -0.00%


# ---- whole numbers ------------------------------------------------------------------------------


# Thousands set apart by commas, half-width or full-width: 36,500.
_GROUPED = r"\d{1,3}(?:[,，]\d{3})+"


def whole(text: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`, in any script's digits, thousands set apart or not."""
    cleaned = text.strip()
    if _pattern(_GROUPED).fullmatch(cleaned):
        cleaned = cleaned.replace(",", "").replace("，", "")
    if not cleaned.isdecimal() or len(cleaned) > 9:  # '²' is a digit to str.isdigit(), not a count
        raise Refused("values.number.whole")
    value = int(cleaned)
    if not low <= value <= high:
        raise Refused("values.number.range", low=low, high=high)
    return value


def months(text: str, low: int, high: int) -> int:
    """A span as written ('6', '半年', '3 months', 'a year and a half'), in whole months."""
    from negotiator.core.when import Unclear, parse_months  # noqa: PLC0415

    try:
        value = parse_months(text)
    except Unclear as exc:
        raise Refused("values.months.unclear") from exc
    if not low <= value <= high:
        raise Refused("values.number.range", low=low, high=high)
    return value


# ---- dates --------------------------------------------------------------------------------------


def in_range(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise Refused("values.date.range")
    return value


def day(text: str, today: dt.date, lean: str = "near") -> dt.date:
    """A day as people write it (2026-12-05, 12月5日, 明天, next Monday); a month alone is refused:
    a payment, a contact or a follow-up happens on a day. `lean` says which way a date without a
    year leans (when.PAST, when.NEAR, when.FUTURE; near by default)."""
    from negotiator.core.when import Unclear, parse_date  # noqa: PLC0415

    try:
        found = parse_date(text, today, lean)
    except Unclear as exc:
        raise Refused("values.date.unclear") from exc
    if found.to_month:
        raise Refused("values.date.day_needed")
    return in_range(found.first)


def paid_day(text: str, today: dt.date) -> dt.date:
    """The day a payment was made: a day, as people write it, today or earlier (a date without a
    year is the last one that has passed)."""
    from negotiator.core.when import PAST  # noqa: PLC0415

    found = day(text, today, PAST)
    if found > today:
        raise Refused("values.date.future")
    return found


def past(text: str, today: dt.date) -> Day:
    """When something happened, to the day or to the month ('2026-04-10', '9月', 'June 2026',
    '上周一'); not after today."""
    from negotiator.core.when import PAST, Unclear, parse_date  # noqa: PLC0415

    try:
        found = parse_date(text, today, PAST)
    except Unclear as exc:
        raise Refused("values.date.past_unclear") from exc
    if found.first < EARLIEST:
        raise Refused("values.date.range")
    if found.first > today:
        raise Refused("values.date.future")
    return found


# A time at the end of what was typed: "14:30", "14：30", "15点", "15点30分".
_TIME = r"(.*?)[ T]*(\d{1,2}) ?[:：点时] ?(\d{1,2})? ?分?"


def moment(text: str, today: dt.date) -> dt.datetime:
    """When a contact happened: ISO (2026-11-28T14:30), or a day and a time as people write them
    ('昨天 15:00', '11月28日 14:30', 'yesterday 9:30'); a day alone is at midnight."""
    from negotiator.core.when import PAST  # noqa: PLC0415

    s = text.strip()
    try:
        value = dt.datetime.fromisoformat(s)
    except ValueError:
        match = _pattern(_TIME).fullmatch(s)
        part, hour, minute = (match[1].strip(), int(match[2]), int(match[3] or 0)) if match else (s, 0, 0)
        try:
            value = dt.datetime.combine(day(part, today, PAST) if part else today, dt.time(hour, minute))
        except (Refused, ValueError) as exc:
            raise Refused("values.date.moment") from exc
    in_range(value.date())
    return value


def to_month(value: object) -> bool:
    """Whether a date was given as a month ('2026-09'), as people remember when things went wrong."""
    return isinstance(value, str) and len(value.strip()) == 7 and value.strip()[4:5] == "-"


def month_or_day(value: object) -> object:
    """A month given as '2026-09' counts from the 1st; anything else is left to the date reader."""
    return value.strip() + "-01" if isinstance(value, str) and to_month(value) else value


# ---- names and choices --------------------------------------------------------------------------


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def is_case_name(name: str) -> bool:
    return _pattern(CASE_NAME).fullmatch(name) is not None


def case_name(text: str) -> str:
    """The name a case is saved under (a folder's name)."""
    name = text.strip()
    if not is_case_name(name):
        raise Refused("values.other.case_name")
    return name


def choices_of(kind: Any) -> tuple[str, ...]:
    """The values an answers-file enum or a Literal type allows, in the order they are declared:
    the one list the wizard's menus, the options and the checks all take them from."""
    if isinstance(kind, type) and issubclass(kind, Enum):
        return tuple(str(member.value) for member in kind)
    return tuple(str(value) for value in get_args(kind))


def choice(text: str, choices: tuple[str, ...], refusal: str = "values.choice.any") -> str:
    """One of `choices`, written in any case, with spaces around it; `refusal` is the sentence
    that lists them (a way of contact, a kind of agreement)."""
    value = text.strip().lower()
    if value not in choices:
        raise Refused(refusal, choices=", ".join(choices))
    return value
