"""Small helpers the plan's words share: amounts, dates and lists in the plan's language.

Amounts are shown the way people read them (money.show); every sentence comes from the word files.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiator.core.money import plain, show
from negotiator.core.when import Day
from negotiator.words import raw, t


def amount(value: Decimal) -> str:
    return show(value)


def percent(value: Decimal) -> str:
    """A rate or share as a percent with two decimals, e.g. 18.25."""
    return plain(value)


def date(lang: str, day: dt.date) -> str:
    months = raw(lang, "advice.date.months")
    assert isinstance(months, list)
    return t(lang, "advice.date.pattern", year=day.year, month=months[day.month - 1], day=day.day)


def said(lang: str, day: dt.date, today: dt.date) -> str:
    """A date the way it is said on the phone: '今年6月15号' / 'On 15 June' this year."""
    months = raw(lang, "advice.date.months")
    assert isinstance(months, list)
    key = "this_year" if day.year == today.year else "last_year" if day.year == today.year - 1 else "other_year"
    return t(lang, f"advice.date.said_{key}", year=day.year, month=months[day.month - 1], day=day.day)


def given(lang: str, day: Day) -> str:
    """A `when.Day` as given: "2026年9月5日" / "5 September 2026", or "2026年9月" /
    "September 2026" when only the month is known (never a day nobody gave)."""
    if day.day is not None:
        return date(lang, day.first)
    names = raw(lang, "advice.date.months")
    assert isinstance(names, list)
    return t(lang, "when.month", year=day.year, month=names[day.month - 1])


def at(lang: str, day: Day, start: bool = False) -> str:
    """The same with its preposition: "on 5 September 2026" / "in September 2026"."""
    key = ("on_day" if day.day is not None else "in_month") + ("_start" if start else "")
    return t(lang, f"when.{key}", date=given(lang, day))


def said_given(lang: str, day: Day, today: dt.date) -> str:
    """`said`, for a date given to the day; for one given to the month, the month as it is said:
    '今年6月' / 'In June' this year, never a day nobody gave."""
    if day.day is not None:
        return said(lang, day.first, today)
    names = raw(lang, "advice.date.months")
    assert isinstance(names, list)
    key = "this_year" if day.year == today.year else "last_year" if day.year == today.year - 1 else "other_year"
    return t(lang, f"when.said_{key}", year=day.year, month=names[day.month - 1])


def months(lang: str, n: int) -> str:
    """A span of time, e.g. '6 months' / '6 个月'."""
    return t(lang, "advice.span.month" if n == 1 else "advice.span.months", n=n)


def term(lang: str, n: int) -> str:
    """A number of monthly instalments, e.g. '30 months' / '30 期'."""
    return t(lang, "advice.span.instalment" if n == 1 else "advice.span.instalments", n=n)


def lenders(lang: str, n: int) -> str:
    return t(lang, "advice.span.lender" if n == 1 else "advice.span.lenders", n=n)


def payments(lang: str, n: int) -> str:
    return t(lang, "advice.span.payment" if n == 1 else "advice.span.payments", n=n)


def days(lang: str, n: int) -> str:
    return t(lang, "advice.span.day" if n == 1 else "advice.span.days", n=n)


def joined(lang: str, items: list[str]) -> str:
    return t(lang, "advice.list.separator").join(items)


def lines(lang: str, key: str, **values: object) -> list[str]:
    """Every sentence of a list entry, each filled with the same values."""
    entries = raw(lang, key)
    assert isinstance(entries, list)
    return [entry.format(**values) for entry in entries]
