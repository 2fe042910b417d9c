"""Where each agreement stands, from the agreement, the payments made and today's date: paid so
far, what is left, the next payment, the due dates missed, when it ends, and one status. Worked out
here once; `show`, `cases`, the plan in every form, the calendar and the advice quote it.

A payment counts toward the current agreement with its lender when it was made on or after the
earlier of the agreement's first due date and the day it was recorded (an agreement made before the
case was saved has a first due date in the past). Payments count in total, so an early or larger
payment covers the next instalments, and a late one makes up a missed one. Any other payment (to a
lender with no agreement, or made before the agreement) is kept and said to count toward none.

May import: core, planning, and the records it reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from negotiator.core.enums import Keeping, ProposalKind
from negotiator.core.money import ZERO
from negotiator.core.months import add_months
from negotiator.planning.schedules import agreed
from negotiator.planning.stance import same_lender

if TYPE_CHECKING:
    from negotiator.records.contacts import Agreement
    from negotiator.records.payments import Payment



# "Due soon": the next payment falls within this many days (today counts as 0).
DUE_SOON_DAYS = 7


class Due(NamedTuple):
    date: dt.date
    amount: Decimal  # what is still to pay of that instalment
    n: int = 0  # which instalment of the schedule, from 1


class Standing(NamedTuple):
    agreement: Agreement
    total: Decimal  # everything the agreement asks for
    paid: Decimal  # counted toward it, up to today
    remaining: Decimal
    next_due: Due | None  # the next instalment on or after today not yet covered; None when none is
    missed: tuple[dt.date, ...]  # due dates passed with less paid than due by then
    overdue: Decimal  # what those missed instalments still lack
    ends: dt.date  # the last payment: as scheduled, or the day the last of it was paid
    status: Keeping
    strained: bool  # the budget (or the lump sum, for a settlement) no longer covers what is left
    payments: tuple[Payment, ...]  # the payments counted, oldest first
    today: dt.date  # the day it was worked out for
    unpaid: tuple[Due, ...] = ()  # every instalment not yet covered, with what it still lacks, in order
    affordable: Decimal | None = None  # what the budget leaves for this agreement a month now (at most the agreed amount); None when unknown

    @property
    def lender(self) -> str:
        return self.agreement.lender

    @property
    def at_risk(self) -> bool:
        """A payment is missed, or one is due this week and the money no longer covers it: the time
        to contact the lender, before the due date, rather than let it pass."""
        return self.status is Keeping.behind or (self.status is Keeping.due_soon and self.strained)


class Stray(NamedTuple):
    payment: Payment
    reason: str  # "no_agreement" (none with that lender) or "before_agreement" (made before it)


class Kept(NamedTuple):
    """Every current agreement's standing, in the agreements' order, and the payments that count toward none."""

    standings: tuple[Standing, ...] = ()
    stray: tuple[Stray, ...] = ()

    @property
    def worst(self) -> Keeping | None:
        """The case's worst status (behind first); None when there is no agreement."""
        order = list(Keeping)
        return min((s.status for s in self.standings), key=order.index, default=None)

    @property
    def next_due(self) -> Due | None:
        """The earliest next payment of any agreement."""
        return min((s.next_due for s in self.standings if s.next_due is not None), default=None)

    def of(self, lender: str) -> Standing | None:
        return next((s for s in self.standings if same_lender(s.lender, lender)), None)


def counts_from(agreement: Agreement) -> dt.date:
    """The first day a payment counts toward this agreement."""
    if agreement.recorded is None:
        return agreement.first_due
    return min(agreement.first_due, agreement.recorded.date())


def standing(agreement: Agreement, payments: Sequence[Payment], today: dt.date, strained: bool = False) -> Standing:
    """One agreement's standing on `today`, from the payments counted toward it."""
    schedule = agreed(agreement)
    rows, total = schedule.rows, schedule.amount
    counted = tuple(sorted((p for p in payments if p.date <= today), key=lambda p: p.date))
    paid = sum((p.amount for p in counted), ZERO)
    missed: list[dt.date] = []
    overdue = ZERO
    next_due: Due | None = None
    unpaid: list[Due] = []
    due_so_far = ZERO
    for row in rows:
        due_so_far += row.payment
        short = min(row.payment, due_so_far - paid)
        if short <= 0:
            continue  # covered by what was paid, early or late
        unpaid.append(Due(row.due, short, row.n))
        if row.due < today:
            missed.append(row.due)
            overdue += short
        elif next_due is None:
            next_due = unpaid[-1]
    if paid >= total:
        status = Keeping.completed
        running = ZERO
        ends = rows[-1].due
        for p in counted:  # the day the total was reached
            running += p.amount
            if running >= total:
                ends = p.date
                break
    elif missed:
        status, ends = Keeping.behind, rows[-1].due
    elif next_due is not None and (next_due.date - today).days <= DUE_SOON_DAYS:
        status, ends = Keeping.due_soon, rows[-1].due
    else:
        status, ends = Keeping.on_track, rows[-1].due
    remaining = max(total - paid, ZERO)
    return Standing(agreement, total, paid, remaining, next_due, tuple(missed), overdue, ends, status,
                    strained and status is not Keeping.completed, counted, today, tuple(unpaid))


def kept(agreements: Sequence[Agreement], payments: Sequence[Payment], today: dt.date,
         available: Decimal | None = None, lump_sum: Decimal | None = None) -> Kept:
    """Every agreement's standing and the payments that count toward none. `available` (what the
    budget leaves each month) and `lump_sum` say whether the money still covers what was agreed."""
    monthly = sum((a.monthly for a in agreements if a.kind is not ProposalKind.settlement), ZERO)
    out: list[Standing] = []
    used: set[int] = set()
    for a in agreements:
        start = counts_from(a)
        mine = [p for p in payments if same_lender(p.lender, a.lender) and p.date >= start]
        used.update(id(p) for p in mine)
        affordable: Decimal | None = None
        if a.kind is ProposalKind.settlement:
            strained = lump_sum is not None and lump_sum < a.monthly * a.months - sum((p.amount for p in mine), ZERO)
        else:
            strained = available is not None and monthly > available
            if available is not None:  # this agreement's part of what is left once the others are paid
                affordable = min(a.monthly, max(available - (monthly - a.monthly), ZERO))
        out.append(standing(a, mine, today, strained)._replace(affordable=affordable))
    stray = tuple(
        Stray(p, "before_agreement" if any(same_lender(p.lender, a.lender) for a in agreements) else "no_agreement")
        for p in payments if id(p) not in used
    )
    return Kept(tuple(out), stray)


# How long a change is asked for, before a payment is missed: a short, named period, then back to
# the agreed amount (debt-advice practice: ask for a short pause or a lower payment, never just skip).
ASK_MONTHS = 3


# After the last payment: ask for the 结清证明 within a week, then look at the credit report one to
# two months later, when the lender has reported the account as settled (facts.md section 4).
PROOF_AFTER_DAYS = 7
REPORT_AFTER_MONTHS = (1, 2)


class WayOut(NamedTuple):
    proof: dt.date  # ask the lender for the 结清证明 by this day
    report_from: dt.date  # look at the credit report from this day
    report_until: dt.date  # ... until this one


def way_out(s: Standing) -> WayOut | None:
    """The steps after the last payment, dated from it; None until the agreement is paid in full."""
    if s.status is not Keeping.completed:
        return None
    first, last = REPORT_AFTER_MONTHS
    return WayOut(s.ends + dt.timedelta(days=PROOF_AFTER_DAYS), add_months(s.ends, first), add_months(s.ends, last))


def keeping_dates(s: Standing, today: dt.date) -> list[dt.date]:
    """What this agreement asks to be done next, and when: today when a payment is missed (call the
    lender), the next payment not yet covered, or after the last one the 结清证明 and the credit
    report, each while it is still ahead."""
    if s.status is Keeping.behind:
        return [today]
    if s.next_due is not None:
        return [s.next_due.date]
    out = way_out(s)
    if out is None:
        return []
    return [d for d in (out.proof, out.report_from) if d >= today]
