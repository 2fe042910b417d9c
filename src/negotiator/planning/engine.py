"""The planning engine proper: a Case in, the numbers of its plan out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from negotiator.case import Case, Debt, ProposalKind
from negotiator.errors import BadInput
from negotiator.money import ZERO
from negotiator.planning import proposals as p
from negotiator.planning.budget import Budget, budget, shares
from negotiator.planning.ladder import Ladder, Recommendation, opening_for, recommend
from negotiator.planning.limitation import EXPIRED, Limitation, limitation
from negotiator.planning.proposals import Proposal


class DebtPlan(NamedTuple):
    index: int  # position in the answers file (as a field it hides tuple.index, which no one calls)
    debt: Debt
    share: Decimal
    proposals: tuple[Proposal, ...]
    recommended: Recommendation
    ladder: Ladder | None  # None when the limitation has run out: nothing is offered or asked
    limitation: Limitation | None = None

    @property
    def lender(self) -> str:
        return self.debt.lender

    @property
    def balance(self) -> Decimal:
        return self.debt.balance

    def proposal(self, kind: ProposalKind) -> Proposal | None:
        return next((x for x in self.proposals if x.kind is kind), None)


class Numbers(NamedTuple):
    plan_date: dt.date
    budget: Budget
    total_balance: Decimal
    debts: tuple[DebtPlan, ...]


class ChoiceUnavailable(BadInput):
    """A debt's `chosen` kind is not among its proposals (settlement without a lump sum)."""

    def __init__(self, index: int, kind: ProposalKind) -> None:
        super().__init__(f"debts[{index}].chosen")
        self.index, self.kind = index, kind


def fitting_target(target: Proposal, debt: Debt, start: dt.date) -> Proposal:
    """The target, or the first gentler form of it that fits the share: the plan never asks the
    borrower to pay a lender more in a month than the walk-away. When nothing fits, the gentlest
    form stays, marked as not fitting, so the words can say so."""
    if target.fits:
        return target
    gentlest = target
    for option in p.softer(target, debt, start):
        if option.fits:
            return option
        gentlest = option
    return gentlest


def plan_numbers(case: Case, today: dt.date | None = None) -> Numbers:
    start = case.planned_on(today)
    money = budget(
        [x.monthly for x in case.income],
        [x.monthly for x in case.expenses],
        [x.monthly for x in case.priority],
        case.buffer_percent,
    )
    balances = [d.balance for d in case.debts]
    total = sum(balances, ZERO)
    limits = [limitation(d.days_overdue, d.last_payment_date, d.last_demand_date, start) for d in case.debts]
    # A debt whose limitation has run out is offered nothing: its part goes to the others.
    parts = shares([ZERO if x.status == EXPIRED else b for b, x in zip(balances, limits, strict=True)], money.available)
    percent = p.settlement_percent(case.lump_sum, total)
    pause = p.pause_length(case.hardship.expected_months)
    debts = []
    for index, (debt, share) in enumerate(zip(case.debts, parts, strict=True)):
        offers = [
            p.extension(debt, share, start, pause),
            p.instalments(debt, share, start),
            p.waiver_instalments(debt, share, start, interest_frozen=False),
        ]
        if percent > 0:
            offers.append(p.settlement(debt, share, start, percent))
        by_kind = {x.kind: x for x in offers}
        rec = recommend(case.lump_sum, total, money.available, case.hardship.expected_months, by_kind)
        target_kind = debt.chosen or rec.kind
        if target_kind not in by_kind:
            raise ChoiceUnavailable(index, target_kind)
        target = fitting_target(by_kind[target_kind], debt, start)
        ladder = Ladder(opening=opening_for(target, debt, start), target=target, walk_away=share)
        limit = limits[index]
        debts.append(DebtPlan(index, debt, share, tuple(offers), rec, None if limit.status == EXPIRED else ladder, limit))
    return Numbers(start, money, total, tuple(debts))
