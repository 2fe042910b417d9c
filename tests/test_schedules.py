"""Schedules: worked vectors checked against independent formulas, and properties of the arithmetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.core.months import add_months
from negotiator.planning.schedules import (
    Method,
    annuity,
    apr,
    build,
    equal_principal,
    flat_fee,
    interest_free,
)

START = dt.date(2026, 11, 28)


def test_mortgage_vector():
    # 100,000 at 4.9% over 360 months: the textbook 530.73 a month.
    s = annuity(D("100000"), 360, D("4.9"), START)
    assert s.monthly_payment == D("530.73")
    assert sum(r.principal for r in s.rows) == D("100000.00")
    assert s.rows[-1].remaining == D("0.00")
    assert s.apr == D("4.90")


def test_annuity_against_closed_form_float_free():
    # 12,000 at 18% over 12 months: r = 1.5%; payment = P r / (1 - (1+r)^-12) = 1100.16
    s = annuity(D("12000"), 12, D("18"), START)
    assert s.monthly_payment == D("1100.16")
    assert s.rows[0].interest == D("180.00")
    assert s.rows[0].principal == D("920.16")
    assert s.total_payable == sum(r.payment for r in s.rows)


def test_flat_fee_apr_is_not_the_nominal_rate():
    # 0.6% a month on the original amount over 12 months: APR about 13.03%, not 7.2%.
    s = flat_fee(D("12000"), 12, D("0.6"), START)
    assert s.monthly_payment == D("1072.00")
    assert s.total_cost == D("864.00")
    assert s.apr == D("13.03")


def test_huabei_typical_12_instalments():
    # A total fee of 8.8% over 12 instalments is 0.7333...% a month: 880 on 10,000.
    s = flat_fee(D("10000"), 12, D("8.8") / 12, START)
    assert s.total_cost == D("879.96")  # the fee is rounded to the fen each instalment: 73.33 x 12


def test_equal_principal_vector():
    s = equal_principal(D("12000"), 12, D("12"), START)
    assert [r.principal for r in s.rows[:2]] == [D("1000.00"), D("1000.00")]
    assert s.rows[0].interest == D("120.00")
    assert s.rows[1].interest == D("110.00")
    assert s.monthly_payment == D("1120.00")
    assert s.total_cost == D("780.00")  # 10 x (12+11+...+1)


def test_interest_free_last_absorbs_rounding():
    s = interest_free(D("100.00"), 3, START)
    assert [r.payment for r in s.rows] == [D("33.33"), D("33.33"), D("33.34")]
    assert s.apr == D("0.00")


def test_due_dates_keep_the_day_or_the_month_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 1, 31), 2) == dt.date(2026, 3, 31)
    assert add_months(dt.date(2026, 11, 28), 2) == dt.date(2027, 1, 28)
    s = interest_free(D("10"), 2, dt.date(2026, 11, 28))
    assert [r.due for r in s.rows] == [dt.date(2026, 12, 28), dt.date(2027, 1, 28)]


def test_apr_of_known_flows():
    # Borrow 100, repay 110 in a month: 10% a month, 120% a year.
    assert apr(D("100"), [D("110")]) == D("120.00")
    assert apr(D("100"), [D("100")]) == D("0.00")


amounts = st.decimals(min_value=D("0.01"), max_value=D("5000000"), places=2)
months = st.integers(min_value=1, max_value=120)
rates = st.decimals(min_value=D("0"), max_value=D("36"), places=2)
methods = st.sampled_from(list(Method))


@settings(max_examples=examples(150), deadline=None)
@given(amounts, months, rates, methods)
def test_schedules_reconcile_to_the_fen(amount, n, rate, method):
    s = build(method, amount, n, START, annual_percent=rate, fee_percent=rate / 10)
    assert s.months == n
    assert sum(r.principal for r in s.rows) == amount
    assert s.rows[-1].remaining == 0
    for r in s.rows:
        assert r.payment == r.principal + r.interest
        assert r.payment.as_tuple().exponent == -2
        assert r.principal >= 0 and r.interest >= 0
    assert s.total_payable == amount + s.total_cost


@settings(max_examples=examples(150), deadline=None)
@given(amounts, st.integers(min_value=1, max_value=119), rates, methods)
def test_longer_term_never_raises_the_monthly_payment(amount, n, rate, method):
    shorter = build(method, amount, n, START, annual_percent=rate, fee_percent=rate / 10)
    longer = build(method, amount, n + 1, START, annual_percent=rate, fee_percent=rate / 10)
    assert longer.monthly_payment <= shorter.monthly_payment


@settings(max_examples=examples(100), deadline=None)
@given(amounts, months)
def test_interest_free_has_apr_zero(amount, n):
    assert interest_free(amount, n, START).apr == 0


@settings(max_examples=examples(60), deadline=None)
@given(st.decimals(min_value=D("100"), max_value=D("1000000"), places=2), st.integers(min_value=2, max_value=60), st.decimals(min_value=D("1"), max_value=D("36"), places=2))
def test_annuity_apr_equals_its_rate(amount, n, rate):
    # The IRR of a level-payment loan is its own rate, up to the fen rounding of the payments.
    assert abs(annuity(amount, n, rate, START).apr - rate) <= D("0.10")
