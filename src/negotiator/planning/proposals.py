"""What the borrower can propose to one lender, each with its real cost.

- extension: a pause at a token payment, then instalments at the contract rate;
- instalments: the shortest term whose payments fit the share, at the contract rate;
- waiver_instalments: penalties waived, the rest in instalments (interest frozen in the opening ask);
- settlement: the same percentage of every balance, paid at once from a lump sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from negotiator.answers.case import Debt, ProposalKind
from negotiator.core.money import ZERO, fen, fen_down
from negotiator.core.months import add_months
from negotiator.planning import schedules
from negotiator.planning.schedules import Instalment, Schedule

# Lenders are unlikely to pause a debt for longer than a year; beyond that an instalment plan is
# the honest ask, so a longer expected hardship still asks for at most this.
MAX_PAUSE_MONTHS = 12
DEFAULT_PAUSE_MONTHS = 3
# During a pause the borrower offers a tenth of the share: a sign of good faith that leaves room.
TOKEN_SHARE = Decimal("0.1")


class Proposal(NamedTuple):
    kind: ProposalKind
    schedule: Schedule
    share: Decimal
    balance: Decimal
    amount: Decimal  # what is repaid under this proposal: the balance less anything waived
    interest_frozen: bool = False
    pause_months: int = 0
    pause_payment: Decimal = ZERO
    accrual_if_not_frozen: Decimal = ZERO  # extension: what the contract rate would add over the pause
    settlement_percent: Decimal | None = None
    rate: Decimal = ZERO  # the annual percent the instalments are worked out at (0 when frozen)
    within_usual_terms: bool = True  # False: paid at the walk-away over more months than the usual term
    over_card_cap: bool = False  # a card that 60 instalments at the walk-away cannot repay: a pause instead

    @property
    def label(self) -> str:
        """The name it is shown under: one name per meaning, so waived penalties with interest
        frozen are not called by the same name as waived penalties at the contract rate."""
        if self.kind is ProposalKind.waiver_instalments and self.interest_frozen:
            return "waiver_frozen"
        return self.kind.value

    @property
    def beyond_usual_term(self) -> bool:
        """Instalments paid at the walk-away over more months than the usual term (the tool's
        assumption for most lenders, the reported 60-instalment cap for cards). Said once here so
        that every table, sentence and letter marks the same proposals."""
        return not self.within_usual_terms and not self.pause_only

    @property
    def interest_during_pause(self) -> str | None:
        """Whether the figures let interest run during a pause: "frozen", "accrues", or None without a pause."""
        if not self.pause_months:
            return None
        return "frozen" if self.interest_frozen else "accrues"

    @property
    def pause_only(self) -> bool:
        """A pause with nothing to pay and nothing after it: the ask when there is no money to offer."""
        return self.kind is ProposalKind.extension and not self.instalments and self.total_payable == 0

    @property
    def waived(self) -> Decimal:
        return self.balance - self.amount

    @property
    def months(self) -> int:
        return self.schedule.months

    @property
    def instalments(self) -> tuple[Instalment, ...]:
        """The instalments after any pause: what `monthly_payment` and `fits` speak of."""
        return self.schedule.rows[self.pause_months :]

    @property
    def monthly_payment(self) -> Decimal:
        rows = self.instalments
        return rows[0].payment if rows else ZERO

    @property
    def total_payable(self) -> Decimal:
        return self.schedule.total_payable

    @property
    def total_cost(self) -> Decimal:
        return self.schedule.total_cost

    @property
    def apr(self) -> Decimal:
        return self.schedule.apr

    @property
    def fits(self) -> bool:
        """No payment of the proposal is more than the share (a settlement is paid from the lump sum)."""
        if self.kind is ProposalKind.settlement:
            return True
        return self.schedule.largest_payment <= self.share


def shortest_annuity(amount: Decimal, rate: Decimal, limit: int, share: Decimal, start: dt.date, first_n: int = 1) -> Schedule:
    """The shortest annuity term up to `limit` whose every payment fits the share, else the longest.

    The level payment never rises with the term, so a binary search on the payment formula finds
    the first candidate without building schedules; a step or two more covers a last instalment
    that absorbed rounding.
    """
    low, high = 1, limit
    while low < high:
        mid = (low + high) // 2
        if schedules.annuity_payment(amount, mid, rate) <= share:
            high = mid
        else:
            low = mid + 1
    schedule = None
    for months in range(low, limit + 1):
        schedule = schedules.annuity(amount, months, rate, start, first_n)
        if schedule.largest_payment <= share:
            return schedule
        if schedule.rows[0].payment > share:
            break  # the level payment itself is too much: no term up to the limit fits
    if schedule is not None and months == limit:
        return schedule  # the longest, already built
    return schedules.annuity(amount, limit, rate, start, first_n)


def instalments(debt: Debt, share: Decimal, start: dt.date) -> Proposal:
    balance = debt.balance
    schedule = shortest_annuity(balance, debt.annual_rate, debt.term_limit, share, start)
    return Proposal(ProposalKind.instalments, schedule, share, balance, balance, rate=debt.annual_rate)


def waiver_instalments(debt: Debt, share: Decimal, start: dt.date, interest_frozen: bool) -> Proposal:
    amount = debt.principal + debt.interest
    # Freezing interest that does not run is no ask at all: a debt at 0% is never asked to stop it.
    interest_frozen = interest_frozen and debt.annual_rate > 0
    rate = ZERO if interest_frozen else debt.annual_rate
    schedule = shortest_annuity(amount, rate, debt.term_limit, share, start)
    return Proposal(ProposalKind.waiver_instalments, schedule, share, debt.balance, amount, interest_frozen=interest_frozen, rate=rate)


def pause_length(expected_months: int | None) -> int:
    return min(expected_months or DEFAULT_PAUSE_MONTHS, MAX_PAUSE_MONTHS)


def pause_rows(amount: Decimal, rate: Decimal, pause_months: int, pause_payment: Decimal, start: dt.date) -> tuple[Instalment, ...]:
    """The months of a pause. Unless interest is frozen it runs at the contract rate; a token
    payment below the month's interest leaves the rest owed (a negative principal part), so the
    figures after the pause carry what the pause really cost."""
    monthly = schedules.monthly_rate(rate)
    rows = []
    remaining = amount
    for n in range(1, pause_months + 1):
        interest = fen(remaining * monthly)
        payment = min(pause_payment, remaining + interest)
        principal = payment - interest
        remaining -= principal
        rows.append(Instalment(n, add_months(start, n), payment, principal, interest, remaining))
    return tuple(rows)


def extension(debt: Debt, share: Decimal, start: dt.date, pause_months: int, *, waive: bool = False, freeze: bool = False, token: bool = True) -> Proposal:
    """A pause, then instalments. `waive` asks for the penalties to be dropped, `freeze` for no
    interest during the pause or after it, `token` offers a small payment during the pause as good
    faith. Without `freeze` the contract rate runs during the pause too, and the figures show it."""
    pause_payment = fen_down(share * TOKEN_SHARE) if token else ZERO
    freeze = freeze and debt.annual_rate > 0
    amount = debt.principal + debt.interest if waive else debt.balance
    rate = ZERO if freeze else debt.annual_rate
    paused = pause_rows(amount, rate, pause_months, pause_payment, start)
    rest = paused[-1].remaining if paused else amount
    limit = max(debt.term_limit - pause_months, 1)
    if rest > 0:
        after = shortest_annuity(rest, rate, limit, share, start, first_n=pause_months + 1)
        rows = paused + after.rows
    else:
        rows = paused
    days = (add_months(start, pause_months) - start).days
    accrual = fen(debt.principal * debt.annual_rate / 365 / 100 * days)
    return Proposal(
        ProposalKind.extension,
        Schedule(amount, rows),
        share,
        debt.balance,
        amount,
        interest_frozen=freeze,
        pause_months=pause_months,
        pause_payment=pause_payment,
        accrual_if_not_frozen=accrual,
        rate=rate,
    )


def pause_only(debt: Debt, share: Decimal, start: dt.date, pause_months: int, over_card_cap: bool = False) -> Proposal:
    """A pause with no amount: what is asked for when there is nothing to offer each month, or when
    a card cannot be repaid within its 60 instalments. The schedule holds the months of the pause,
    each with nothing to pay; interest runs at the contract rate unless the lender agrees to freeze
    it (the ask says so), so the balance grows by what the pause costs."""
    amount = debt.balance
    rows = pause_rows(amount, debt.annual_rate, max(pause_months, 1), ZERO, start)
    return Proposal(ProposalKind.extension, Schedule(ZERO, rows), share, debt.balance, amount, pause_months=len(rows),
                    accrual_if_not_frozen=rows[-1].remaining - amount,
                    rate=debt.annual_rate, within_usual_terms=False, over_card_cap=over_card_cap)


def softer(target: Proposal, debt: Debt, start: dt.date) -> Iterator[Proposal]:
    """Gentler forms of the same kind of proposal, in the order to ask for them: penalties
    waived, then interest frozen too. Used when the target does not fit the share; each is built
    only when the one before it did not fit."""
    if target.kind is ProposalKind.extension:
        yield extension(debt, target.share, start, target.pause_months, waive=True)
        yield extension(debt, target.share, start, target.pause_months, waive=True, freeze=True)
    elif target.kind is ProposalKind.waiver_instalments and not target.interest_frozen:
        yield waiver_instalments(debt, target.share, start, interest_frozen=True)


def settlement_percent(lump_sum: Decimal, total_balance: Decimal) -> Decimal:
    """The one percentage of its balance that every lender is offered, at most 100."""
    if lump_sum <= 0 or total_balance <= 0:
        return ZERO
    return min(lump_sum * 100 / total_balance, Decimal(100)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def settlement(debt: Debt, share: Decimal, start: dt.date, percent: Decimal) -> Proposal:
    amount = fen_down(debt.balance * percent / 100)
    row = Instalment(1, add_months(start, 1), amount, amount, ZERO, ZERO)
    return Proposal(ProposalKind.settlement, Schedule(amount, (row,)), share, debt.balance, amount, settlement_percent=percent)


def at_walk_away(p: Proposal, start: dt.date, cap: int, usual: int) -> Proposal | None:
    """The same proposal, its instalments paid at the walk-away (the last one smaller) for as many
    months as that takes, marked when that is longer than the `usual` term. (Level payments can
    fit where the usual even split's last, larger instalment does not.) None when the walk-away
    does not even cover the month's interest, or the term would pass `cap` months."""
    share = p.share
    paused = p.schedule.rows[: p.pause_months]
    if share <= 0 or any(r.payment > share for r in paused):
        return None
    rest = paused[-1].remaining if paused else p.amount
    monthly = schedules.monthly_rate(p.rate)
    # Without building a row: more months than `cap` even with no interest, or not even the
    # first month's interest covered.
    if rest > share * cap or (rest > 0 and fen(rest * monthly) >= share):
        return None
    rows = list(paused)
    remaining = rest
    n = p.pause_months
    while remaining > 0:
        if len(rows) >= cap:
            return None
        n += 1
        interest = fen(remaining * monthly)
        if remaining + interest <= share:
            payment, principal = remaining + interest, remaining
        else:
            payment, principal = share, share - interest
            if principal <= 0:
                return None
        remaining -= principal
        rows.append(Instalment(n, add_months(start, n), payment, principal, interest, remaining))
    return p._replace(schedule=Schedule(p.amount, tuple(rows)), within_usual_terms=len(rows) <= usual)
