"""Where each agreement stands: worked vectors with dates counted from today, so the same test holds
whenever it runs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from negotiator.core.enums import Keeping, ProposalKind
from negotiator.core.months import add_months
from negotiator.planning.standing import DUE_SOON_DAYS, kept, standing, way_out
from negotiator.records.contacts import Agreement
from negotiator.records.payments import Payment

TODAY = dt.date.today()
D = Decimal


def agreement(first_due: dt.date, months: int = 6, monthly: str = "500", lender: str = "Huabei", kind=ProposalKind.instalments) -> Agreement:
    # Recorded on the first due date: payments from then count.
    return Agreement(lender=lender, kind=kind, months=months, monthly=D(monthly), first_due=first_due,
                     recorded=dt.datetime.combine(first_due, dt.time(9)))


def paid(day: dt.date, amount: str = "500", lender: str = "Huabei") -> Payment:
    return Payment(lender=lender, date=day, amount=D(amount))


def test_payments_on_time_are_on_track():
    first = add_months(TODAY, -2) - dt.timedelta(days=1)  # three due dates passed, the next a month on
    a = agreement(first)
    s = standing(a, [paid(add_months(first, n)) for n in range(3)], TODAY)
    assert s.status is Keeping.on_track
    assert (s.paid, s.remaining, s.missed, s.overdue) == (D("1500.00"), D("1500.00"), (), D("0.00"))
    assert s.next_due == (add_months(first, 3), D("500.00"), 4)
    assert s.ends == add_months(first, 5)


def test_no_payment_is_behind_with_every_missed_date():
    first = add_months(TODAY, -2) - dt.timedelta(days=1)
    s = standing(agreement(first), [], TODAY)
    assert s.status is Keeping.behind
    assert s.missed == (first, add_months(first, 1), add_months(first, 2))
    assert s.overdue == D("1500.00") and s.remaining == D("3000.00")


def test_the_whole_schedule_paid_is_completed_on_the_day_of_the_last_payment():
    first = add_months(TODAY, -6)
    payments = [paid(add_months(first, n)) for n in range(6)]
    s = standing(agreement(first), payments, TODAY)
    assert s.status is Keeping.completed
    assert (s.remaining, s.next_due, s.missed) == (D("0.00"), None, ())
    assert s.ends == add_months(first, 5)
    out = way_out(s)
    assert out is not None and out.proof == s.ends + dt.timedelta(days=7)
    assert (out.report_from, out.report_until) == (add_months(s.ends, 1), add_months(s.ends, 2))


def test_paid_early_in_one_sum_is_completed_early():
    first = TODAY - dt.timedelta(days=3)
    s = standing(agreement(first, months=3), [paid(first, "1500")], TODAY)
    assert s.status is Keeping.completed and s.ends == first


def test_an_overpayment_covers_the_next_instalment():
    first = add_months(TODAY, -1) - dt.timedelta(days=1)  # two due dates passed
    s = standing(agreement(first), [paid(first, "1000")], TODAY)  # both paid at once, on the first
    assert s.status is Keeping.on_track and s.missed == ()
    assert s.next_due == (add_months(first, 2), D("500.00"), 3)
    # Part of the next one paid ahead: only the rest is due.
    s = standing(agreement(first), [paid(first, "1200")], TODAY)
    assert s.next_due == (add_months(first, 2), D("300.00"), 3)
    assert [(d.n, d.amount) for d in s.unpaid] == [(3, D("300.00")), (4, D("500.00")), (5, D("500.00")), (6, D("500.00"))]


def test_a_late_payment_makes_up_a_missed_one_and_a_short_one_leaves_the_rest_missed():
    first = add_months(TODAY, -1) - dt.timedelta(days=1)
    assert standing(agreement(first), [paid(first), paid(TODAY - dt.timedelta(days=1))], TODAY).status is not Keeping.behind
    s = standing(agreement(first), [paid(first), paid(add_months(first, 1), "200")], TODAY)
    assert s.status is Keeping.behind and s.missed == (add_months(first, 1),) and s.overdue == D("300.00")


@pytest.mark.parametrize(("days", "status"), [(0, Keeping.due_soon), (DUE_SOON_DAYS, Keeping.due_soon), (DUE_SOON_DAYS + 1, Keeping.on_track)])
def test_due_soon_is_the_next_payment_within_a_week(days, status):
    assert standing(agreement(TODAY + dt.timedelta(days=days)), [], TODAY).status is status


def test_a_payment_to_a_lender_with_no_agreement_is_kept_and_flagged():
    first = TODAY - dt.timedelta(days=40)
    a = agreement(first)
    payments = [paid(first), paid(TODAY, "100", lender="Jiebei"), paid(first - dt.timedelta(days=30), "50")]
    found = kept([a], payments, TODAY)
    assert found.standings[0].paid == D("500.00")
    assert [(x.payment.lender, x.reason) for x in found.stray] == [("Jiebei", "no_agreement"), ("Huabei", "before_agreement")]


def test_the_worst_status_comes_first():
    behind = agreement(TODAY - dt.timedelta(days=40), lender="A")
    soon = agreement(TODAY + dt.timedelta(days=2), lender="B")
    assert kept([soon, behind], [], TODAY).worst is Keeping.behind
    assert kept([soon], [], TODAY).worst is Keeping.due_soon
    assert kept([], [], TODAY).worst is None


def test_the_money_no_longer_covering_a_payment_due_soon_puts_it_at_risk():
    a = agreement(TODAY + dt.timedelta(days=3))
    assert kept([a], [], TODAY, available=D("400")).standings[0].at_risk
    assert not kept([a], [], TODAY, available=D("500")).standings[0].at_risk
    assert kept([agreement(TODAY - dt.timedelta(days=3))], [], TODAY, available=D("5000")).standings[0].at_risk  # behind


def test_payments_sum_exactly_to_the_fen():
    first = TODAY - dt.timedelta(days=1)
    s = standing(agreement(first, months=3, monthly="333.33"), [paid(first, "0.01")] * 3 + [paid(first, "999.96")], TODAY)
    assert s.paid == D("999.99") and s.remaining == D("0.00") and s.status is Keeping.completed
