"""Repayment schedules, each instalment to the fen, principal parts summing exactly to the amount.

The last instalment absorbs rounding. `monthly_payment` is the first instalment; `apr` is 12 x the
monthly internal rate of return of the cash flows, the annualized rate lenders must disclose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from negotiator.core.money import ZERO, fen, fen_down
from negotiator.core.months import add_months

if TYPE_CHECKING:  # read for its terms only: `calc` must not load the records' models
    from negotiator.records.contacts import Agreement


class Method(StrEnum):
    annuity = "annuity"  # 等额本息
    equal_principal = "equal_principal"  # 等额本金
    flat_fee = "flat_fee"  # a fixed fee each instalment, as Huabei and card instalments charge
    interest_free = "interest_free"  # 停息分期


class Instalment(NamedTuple):
    n: int
    due: dt.date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class Schedule:
    amount: Decimal
    rows: tuple[Instalment, ...]

    @property
    def months(self) -> int:
        return len(self.rows)

    @property
    def monthly_payment(self) -> Decimal:
        return self.rows[0].payment if self.rows else ZERO

    # Derived once and kept: the renderers ask for these many times, and the APR is an iteration.
    @cached_property
    def largest_payment(self) -> Decimal:
        return max((r.payment for r in self.rows), default=ZERO)

    @cached_property
    def total_payable(self) -> Decimal:
        return sum((r.payment for r in self.rows), ZERO)

    @property
    def total_cost(self) -> Decimal:
        return self.total_payable - self.amount

    @cached_property
    def apr(self) -> Decimal:
        return apr(self.amount, [r.payment for r in self.rows])


def monthly_rate(annual_percent: Decimal) -> Decimal:
    return annual_percent / Decimal(1200)


def annuity_payment(amount: Decimal, months: int, annual_percent: Decimal) -> Decimal:
    """The level payment of 等额本息, to the fen."""
    rate = monthly_rate(annual_percent)
    if rate == 0:
        return fen_down(amount / months)
    with localcontext() as ctx:
        ctx.prec = 40
        return fen(amount * rate / (1 - (1 + rate) ** -months))


def _rows(start: dt.date, amount: Decimal, parts: list[tuple[Decimal, Decimal]], first_n: int = 1) -> tuple[Instalment, ...]:
    """Instalments from (principal, interest) pairs, the last principal absorbing any remainder."""
    rows = []
    remaining = amount
    for i, (principal, interest) in enumerate(parts):
        if i == len(parts) - 1:
            principal = remaining
        principal = min(principal, remaining)
        remaining -= principal
        rows.append(Instalment(first_n + i, add_months(start, first_n + i), principal + interest, principal, interest, remaining))
    return tuple(rows)


def even_parts(amount: Decimal, months: int) -> list[Decimal]:
    base = fen_down(amount / months)
    return [base] * (months - 1) + [amount - base * (months - 1)]


def annuity(amount: Decimal, months: int, annual_percent: Decimal, start: dt.date, first_n: int = 1) -> Schedule:
    rate = monthly_rate(annual_percent)
    payment = annuity_payment(amount, months, annual_percent)
    parts = []
    remaining = amount
    for _ in range(months):
        interest = fen(remaining * rate)
        principal = min(max(payment - interest, ZERO), remaining)
        parts.append((principal, interest))
        remaining -= principal
    # The last instalment's interest is on what is really left after earlier rounding.
    if months:
        before_last = amount - sum((p for p, _ in parts[:-1]), ZERO)
        parts[-1] = (before_last, fen(before_last * rate))
    return Schedule(amount, _rows(start, amount, parts, first_n))


def equal_principal(amount: Decimal, months: int, annual_percent: Decimal, start: dt.date, first_n: int = 1) -> Schedule:
    rate = monthly_rate(annual_percent)
    parts = []
    remaining = amount
    for principal in even_parts(amount, months):
        parts.append((principal, fen(remaining * rate)))
        remaining -= principal
    return Schedule(amount, _rows(start, amount, parts, first_n))


def flat_fee(amount: Decimal, months: int, fee_percent: Decimal, start: dt.date, first_n: int = 1) -> Schedule:
    fee = fen(amount * fee_percent / 100) + ZERO  # adding zero turns a typed "-0" into 0.00, not -0.00
    return Schedule(amount, _rows(start, amount, [(p, fee) for p in even_parts(amount, months)], first_n))


def interest_free(amount: Decimal, months: int, start: dt.date, first_n: int = 1) -> Schedule:
    return Schedule(amount, _rows(start, amount, [(p, ZERO) for p in even_parts(amount, months)], first_n))


def build(method: Method, amount: Decimal, months: int, start: dt.date, annual_percent: Decimal = ZERO, fee_percent: Decimal = ZERO) -> Schedule:
    if method is Method.annuity:
        return annuity(amount, months, annual_percent, start)
    if method is Method.equal_principal:
        return equal_principal(amount, months, annual_percent, start)
    if method is Method.flat_fee:
        return flat_fee(amount, months, fee_percent, start)
    return interest_free(amount, months, start)


def agreed(agreement: Agreement) -> Schedule:
    """What an agreement says to pay: equal payments of its monthly amount from its first due
    date, one a month."""
    total = agreement.monthly * agreement.months
    rows = []
    remaining = total
    for n in range(1, agreement.months + 1):
        remaining -= agreement.monthly
        rows.append(Instalment(n, add_months(agreement.first_due, n - 1), agreement.monthly, agreement.monthly, ZERO, remaining))
    return Schedule(total, tuple(rows))


def apr(amount: Decimal, payments: list[Decimal]) -> Decimal:
    """12 x the monthly IRR of receiving `amount` now and paying `payments` monthly, as a percent.

    A 0.6% monthly fee over 12 months is about 13.03%, not 7.2%: the fee is charged on money
    already repaid, which is why lenders must disclose the annualized rate.
    """
    total = sum(payments, ZERO)
    if amount <= 0 or not payments or total == amount:
        return ZERO.quantize(Decimal("0.01"))
    with localcontext() as ctx:
        ctx.prec = 34

        def npv(rate: Decimal) -> tuple[Decimal, Decimal]:
            value, slope, discount = -amount, Decimal(0), Decimal(1)
            factor = 1 / (1 + rate)
            for t, payment in enumerate(payments, start=1):
                discount *= factor
                value += payment * discount
                slope -= t * payment * discount * factor
            return value, slope

        # Newton from a simple-interest guess; the NPV is convex and decreasing in the rate, so it
        # converges from either side. Bisection takes over if a step leaves (-1, 10).
        rate = (total - amount) / amount / len(payments)
        for _ in range(60):
            value, slope = npv(rate)
            if slope == 0:
                break
            step = value / slope
            rate -= step
            if not Decimal("-0.99") < rate < 10:
                rate = _bisect(npv)
                break
            if abs(step) < Decimal("1e-15"):
                break
        return fen(rate * 1200)


def _bisect(npv: Callable[[Decimal], tuple[Decimal, Decimal]]) -> Decimal:
    low, high = Decimal("-0.99"), Decimal(10)
    for _ in range(200):
        mid = (low + high) / 2
        if npv(mid)[0] > 0:
            low = mid
        else:
            high = mid
    return (low + high) / 2
