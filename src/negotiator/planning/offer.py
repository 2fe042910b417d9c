"""A collector's offer and what it means against one lender's plan.

`judge` builds the offer's schedule with the same arithmetic as the plan and `calc` (so the same
APR), and compares it with the lender's walk-away, target and opening ask. Reading an offer as
people say it is `planning.offer_reading`. Pure numbers: no words, no printing.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_UP, Decimal
from typing import TYPE_CHECKING, NamedTuple

from negotiator.core.enums import ProposalKind
from negotiator.core.money import ZERO, fen
from negotiator.core.months import add_months
from negotiator.planning import schedules
from negotiator.planning.schedules import Instalment, Schedule

if TYPE_CHECKING:  # read for their fields only
    from negotiator.answers.case import Debt
    from negotiator.planning.engine import DebtPlan
    from negotiator.planning.proposals import Proposal

MAX_MONTHS = 120
# Rate bases: a flat fee on the amount each month (Huabei, card instalments), or an interest rate.
FEE_MONTHLY, RATE_MONTHLY, RATE_YEARLY, RATE_DAILY = "monthly_fee", "monthly", "yearly", "daily"
# What an offer is, in the plan's own names.
INSTALMENTS, SETTLEMENT, EXTENSION = "instalments", "settlement", "extension"
# What the offer is worked out on: the whole balance, or with penalties (and interest) waived.
BALANCE, NO_PENALTIES, PRINCIPAL = "balance", "principal_and_interest", "principal"


class Rate(NamedTuple):
    basis: str  # monthly_fee, monthly, yearly, daily
    percent: Decimal

    @property
    def annual(self) -> Decimal:
        """As an annual interest rate for an annuity; a daily rate counts 365 days, as contracts do."""
        if self.basis == RATE_MONTHLY:
            return self.percent * 12
        if self.basis == RATE_DAILY:
            return self.percent * 365
        return self.percent


class Offer(NamedTuple):
    kind: str  # instalments, settlement, extension
    months: int | None = None  # instalments after any pause
    monthly: Decimal | None = None
    lump_sum: Decimal | None = None  # a settlement, or a down payment before instalments
    pause_months: int = 0
    rate: Rate | None = None
    covers: str = BALANCE  # balance, principal_and_interest (penalties waived) or principal


# ---- what it costs -----------------------------------------------------------------------------


def schedule_for(offer: Offer, amount: Decimal, start: dt.date) -> Schedule:
    """The offer's payments on `amount` (the lender's balance): a pause at nothing, a down payment
    in the first month, then the instalments as said, or built from the rate as `calc` builds them."""
    rows: list[Instalment] = []
    remaining = amount
    n = 0
    for _ in range(offer.pause_months):
        n += 1
        rows.append(Instalment(n, add_months(start, n), ZERO, ZERO, ZERO, remaining))
    if offer.kind == SETTLEMENT:
        paid = offer.lump_sum or ZERO
        n += 1
        rows.append(Instalment(n, add_months(start, n), paid, min(paid, amount), ZERO, ZERO))
        return Schedule(amount, tuple(rows))
    if offer.lump_sum:
        paid = min(offer.lump_sum, remaining)
        remaining -= paid
        n += 1
        rows.append(Instalment(n, add_months(start, n), offer.lump_sum, paid, ZERO, remaining))
    if remaining <= 0:
        return Schedule(amount, tuple(rows))
    months, monthly = offer.months, offer.monthly
    if monthly is not None:
        if months is None:  # "800 a month": as long as it takes, the last payment smaller
            months = int((remaining / monthly).to_integral_value(rounding=ROUND_UP))
            months = min(max(months, 1), MAX_MONTHS * 5)
            last = remaining - monthly * (months - 1)
            payments = [monthly] * (months - 1) + [last]
        else:
            payments = [monthly] * months
        left = remaining
        for payment in payments:
            n += 1
            part = min(payment, left)
            left -= part
            rows.append(Instalment(n, add_months(start, n), payment, part, payment - part, left))
        return Schedule(amount, tuple(rows))
    assert months is not None
    rate = offer.rate
    if rate is None or rate.percent == 0:
        built = schedules.interest_free(remaining, months, start, first_n=n + 1)
    elif rate.basis == FEE_MONTHLY:
        built = schedules.flat_fee(remaining, months, rate.percent, start, first_n=n + 1)
    else:
        built = schedules.annuity(remaining, months, rate.annual, start, first_n=n + 1)
    return Schedule(amount, tuple(rows) + built.rows)


class Verdict(NamedTuple):
    offer: Offer
    lender: str
    schedule: Schedule
    walk_away: Decimal  # the most a month (or, for a settlement, at once) within the plan
    fits: bool
    vs_walk_away: Decimal  # largest payment less the walk-away: above zero is too much
    vs_target: Decimal | None  # total payable less the target's
    vs_opening: Decimal | None
    interest_stops: bool  # nothing is paid beyond the balance
    penalties_waived: bool  # nothing is paid beyond principal and interest
    verdict: str  # accept, counter, refuse
    counter: Offer | None
    counter_is_target: bool  # the counter is the plan's target, said as the plan says it
    expired: bool  # the plan marks the debt's limitation as run out: admit nothing
    monthly: Decimal  # the regular instalment (after pause and down payment)
    balance: Decimal  # the lender's balance now
    largest: Decimal  # the largest regular payment (a last one may absorb rounding)
    rate_named: bool = True  # False: instalments with no rate said, so whether interest goes on is not known
    at_contract_rate: Schedule | None = None  # the same instalments at the contract rate, when no rate or amount was said
    # With no rate named: whether the offer is still within the walk-away at the contract rate, and
    # its regular payment there (the first; the last may differ by rounding); None when the rate was
    # named (or there is no contract rate).
    fits_at_contract_rate: bool | None = None
    contract_monthly: Decimal | None = None

    @property
    def total_payable(self) -> Decimal:
        return self.schedule.total_payable

    @property
    def total_cost(self) -> Decimal:
        """What the offer costs beyond the balance owed now (below zero: what it saves)."""
        return self.schedule.total_payable - self.balance

    @property
    def apr(self) -> Decimal:
        """As `calc` works it out on the amount the offer covers; none when nothing is paid beyond it."""
        return self.schedule.apr if self.schedule.total_cost > 0 else ZERO


def covered(offer: Offer, debt: Debt) -> Decimal:
    """What the offer is worked out on: the balance, less what it waives."""
    if offer.covers == PRINCIPAL:
        return debt.principal
    if offer.covers == NO_PENALTIES:
        return debt.principal + debt.interest
    return debt.balance


def walk_away_of(debt_plan: DebtPlan) -> Decimal:
    """The most a month for this lender, as its stance says."""
    walk_away: Decimal = debt_plan.stance.walk_away
    return walk_away


def limitation_expired(debt_plan: DebtPlan) -> bool:
    """Whether this lender's posture is `old`: its limitation may have run out."""
    return bool(debt_plan.stance.old)


def offer_of(proposal: Proposal | None) -> Offer | None:
    """A plan's proposal said as an offer, for the counter-offer."""
    if proposal is None:
        return None
    if proposal.kind is ProposalKind.settlement:
        return Offer(SETTLEMENT, lump_sum=proposal.total_payable)
    pause = proposal.pause_months
    months = proposal.months - pause
    covers = NO_PENALTIES if proposal.waived > 0 else BALANCE
    return Offer(EXTENSION if pause else INSTALMENTS, months, proposal.monthly_payment, None, pause, None, covers)


def longer_term(amount: Decimal, walk_away: Decimal, longest: int = MAX_MONTHS) -> Offer | None:
    """`amount` at the walk-away each month, over as many months as that takes (None when there
    is nothing a month to offer, or it would take more than `longest` months: ten years, or for a
    card its 60 instalments)."""
    if walk_away <= 0 or amount <= 0:
        return None
    months = int((amount / walk_away).to_integral_value(rounding=ROUND_UP))
    # The last of the `months` payments is smaller; the counter names the monthly and the term.
    return Offer(INSTALMENTS, months, walk_away) if months <= longest else None


def once_limit(debt_plan: DebtPlan) -> Decimal:
    """The most this lender may get at once, as its stance says: its part of the lump sum (the
    plan's settlement figure), never less than one month's walk-away."""
    once: Decimal = debt_plan.stance.most_at_once
    return once


def judge(offer: Offer, debt_plan: DebtPlan, start: dt.date) -> Verdict:
    """The offer against one lender's ladder: fits when no payment is above the walk-away (a
    settlement or down payment: above what the lump sum allows this lender)."""
    debt = debt_plan.debt
    held = debt_plan.stance
    walk_away = held.walk_away
    schedule = schedule_for(offer, covered(offer, debt), start)
    once = once_limit(debt_plan)
    regular = [r.payment for r in schedule.rows[offer.pause_months :]]
    if offer.lump_sum is not None:
        lump, regular = (regular[0] if regular else ZERO), regular[1:]
    else:
        lump = None
    largest = max(regular, default=ZERO)
    over = [largest - walk_away]
    if lump is not None:
        over.append(lump - once)
    vs_walk_away = max(over)
    limit = once if offer.kind == SETTLEMENT else walk_away
    fits = vs_walk_away <= 0
    target, opening = held.target, held.opening
    vs_target = schedule.total_payable - target.total_payable if target is not None else None
    vs_opening = schedule.total_payable - opening.total_payable if opening is not None else None
    expired = held.old
    target_fits = target is not None and target.fits
    # An instalment offer that names no rate is read as said: whether interest goes on is not known.
    # When it names no amount either, the figures are worked out both ways: with no further
    # interest (the schedule above) and at the contract rate. It is accepted only if it is within
    # the walk-away both ways: the better reading is never assumed.
    named = offer.kind == SETTLEMENT or offer.rate is not None
    other = None
    at_rate_fits = contract_monthly = None
    if not named and offer.monthly is None and debt.annual_rate > 0:
        other = schedule_for(offer._replace(rate=Rate(RATE_YEARLY, debt.annual_rate)), covered(offer, debt), start)
        at_regular = [r.payment for r in other.rows[offer.pause_months :]][(1 if offer.lump_sum is not None else 0) :]
        contract_monthly = at_regular[0] if at_regular else ZERO
        at_rate_fits = max(at_regular, default=ZERO) <= walk_away
    if expired:
        verdict, counter = "refuse", None
    elif fits and at_rate_fits is not False and (vs_target is None or vs_target <= 0 or not target_fits):
        verdict, counter = "accept", None
    elif target_fits:
        verdict, counter = "counter", offer_of(target)
    else:
        # The target itself is above the walk-away: counter with what it repays at the walk-away
        # each month over as long as that takes, as the script asks for a longer term.
        longest = debt.term_limit if debt.card_capped else MAX_MONTHS
        counter = longer_term(target.amount if target is not None else debt.balance, walk_away, longest)
        verdict = "counter" if counter is not None else "refuse"
    principal_and_interest = debt.principal + debt.interest
    return Verdict(
        offer=offer,
        lender=debt.lender,
        schedule=schedule,
        walk_away=limit,
        fits=fits,
        vs_walk_away=fen(vs_walk_away),
        vs_target=vs_target,
        vs_opening=vs_opening,
        interest_stops=schedule.total_payable <= debt.balance,
        penalties_waived=schedule.total_payable <= principal_and_interest,
        verdict=verdict,
        counter=counter,
        counter_is_target=counter is not None and target_fits,
        expired=expired,
        monthly=regular[0] if regular else (lump or ZERO),
        balance=debt.balance,
        largest=largest,
        rate_named=named,
        at_contract_rate=other,
        fits_at_contract_rate=at_rate_fits,
        contract_monthly=contract_monthly,
    )


# ---- what a collector pushes for (the rehearsal's figures) -------------------------------------

DEMAND_SHARE = Decimal("0.5")  # a lump-sum demand: half the balance, in round hundreds
PRESSURE_MONTHS = 12  # a collector's counter: a short term, so each payment is above the walk-away


def _round_up(value: Decimal, step: int) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_UP) * step + ZERO


def pressure(debt_plan: DebtPlan) -> tuple[Decimal, Offer]:
    """The figures a collector typically pushes: a lump sum now, and a counter-offer of a short
    term whose payment is above the walk-away (rounded up the way people say figures)."""
    balance = debt_plan.debt.balance
    walk_away = walk_away_of(debt_plan)
    demand = _round_up(balance * DEMAND_SHARE, 100)
    monthly = _round_up(balance / PRESSURE_MONTHS, 10)
    if monthly <= walk_away:
        monthly = _round_up(walk_away * Decimal("1.5"), 10)
    return demand, Offer(INSTALMENTS, PRESSURE_MONTHS, monthly)
