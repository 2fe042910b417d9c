"""`negotiator calc`: one schedule, to check a collector's counter-offer during a call."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiator.cli.options import choice
from negotiator.core import typed
from negotiator.core.errors import BadInput, Message
from negotiator.planning.schedules import Method, build
from negotiator.render import schedule_table

METHODS = ("annuity", "equal_principal", "flat_fee", "interest_free")


def run(*, amount: str, months: str, method: str, rate: str | None, fee: str | None, budget: str | None, fmt: str, start: str | None,
        lang: str) -> None:
    """The options as typed (`rate` is --annual-rate-percent, `fee` --fee-percent); each is read
    and refused here, naming the option."""
    principal = typed.option("--amount", typed.amount, amount)
    count = typed.option("--months", typed.whole, months, 1, 600)
    choice("--method", method, METHODS)
    choice("--format", fmt, ("text", "json"))
    # A rate given empty is refused like any other rate that is not a number; left out, it is 0
    # (and a method that needs it says so below).
    annual = typed.option("--annual-rate-percent", typed.percent, rate, 400) if rate is not None else Decimal(0)
    fee_percent = typed.option("--fee-percent", typed.percent, fee, 100) if fee is not None else Decimal(0)
    budget_limit = typed.option("--budget", typed.amount, budget) if budget is not None else None
    # As people write a day: 2026-12-05, 12月5日, 下周一, next Monday; within the years an answers
    # file allows, so that the last due date of even a 600-month schedule is a real date.
    begin = typed.option("--start", typed.day, start, dt.date.today()) if start else dt.date.today()
    if principal <= 0:
        raise BadInput("errors.usage.bad_value", option="--amount", problem=Message("values.amount.zero"))
    # A rate left out is not a rate of 0: an offer checked at 0% looks free when it is not.
    if rate is None and method in ("annuity", "equal_principal"):
        raise BadInput("calc.missing.rate", method=Message(f"labels.methods.{method}"))
    if fee is None and method == "flat_fee":
        raise BadInput("calc.missing.fee")
    schedule = build(Method(method), principal, count, begin, annual, fee_percent)
    fits = None if budget_limit is None else schedule.largest_payment <= budget_limit

    if fmt == "json":
        print(schedule_table.as_json(method, principal, schedule, budget_limit, fits))
    else:
        print(schedule_table.as_text(method, principal, schedule, annual, fee_percent, budget_limit, fits, lang))
