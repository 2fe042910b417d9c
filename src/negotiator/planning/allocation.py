"""How the money available each month is shared between lenders, so that all of it is used and no
more.

Each lender starts from its part pro rata by balance. A lender that needs less than that (settled
from the lump sum, or whose target fits the usual term with less) keeps only what it needs and the
rest goes back, shared pro rata among the lenders that still need more, until nothing moves. When
every lender has what it needs, what is left is shared among them all pro rata, so that they are
paid sooner. Shares are rounded down to the fen: they never add up to more than there is.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from negotiator.answers.case import Debt, ProposalKind
from negotiator.core.money import ZERO, fen_down
from negotiator.planning import schedules
from negotiator.planning.proposals import pause_rows


def need(kind: ProposalKind, debt: Debt, start: dt.date, pause_months: int) -> Decimal:
    """The least a month that lets the target, as first asked for (no relief), fit the lender's
    usual maximum term. For an extension it is worked out with nothing paid during the pause, so it
    is never less than the real figure."""
    if kind is ProposalKind.settlement:
        return ZERO
    if kind is ProposalKind.extension:
        paused = pause_rows(debt.balance, debt.annual_rate, pause_months, ZERO, start)
        rest = paused[-1].remaining if paused else debt.balance
        months = max(debt.term_limit - pause_months, 1)
        return schedules.annuity(rest, months, debt.annual_rate, start, pause_months + 1).largest_payment
    amount = debt.balance if kind is ProposalKind.instalments else debt.principal + debt.interest
    return schedules.annuity(amount, debt.term_limit, debt.annual_rate, start).largest_payment


def allocate(balances: list[Decimal], needs: list[Decimal | None], available: Decimal) -> list[Decimal]:
    """Each lender's share of `available`. A need of None takes no share at all (a settled or an
    agreed lender, whose money is counted elsewhere)."""
    shares = [ZERO for _ in balances]
    taking = [i for i, n in enumerate(needs) if n is not None and balances[i] > 0]
    if available <= 0 or not taking:
        return shares
    left = available
    open_ = list(taking)
    while open_:
        total = sum((balances[i] for i in open_), ZERO)
        satisfied = [i for i in open_ if needs[i] * total <= left * balances[i]]  # type: ignore[operator]
        if not satisfied:
            for i in open_:
                shares[i] = fen_down(left * balances[i] / total)
            return shares
        for i in satisfied:
            shares[i] = needs[i]  # type: ignore[assignment]
            left -= needs[i]  # type: ignore[operator]
            open_.remove(i)
    # Every lender has what it needs; the rest makes their terms shorter.
    total = sum((balances[i] for i in taking), ZERO)
    if left > 0:
        for i in taking:
            shares[i] += fen_down(left * balances[i] / total)
    return shares


class Split(NamedTuple):
    """How the monthly money was shared, for the sentence that says so: the lenders that share it,
    those of them that take less than their proportional part because they need less, and whether
    every one of them has all it needs (the rest then shortens their terms)."""

    taking: tuple[int, ...]
    capped: tuple[int, ...]
    all_met: bool


def split(balances: list[Decimal], needs: list[Decimal | None], shares: list[Decimal], available: Decimal) -> Split:
    """Read back from the shares, not from the steps of `allocate`: a lender is capped when its
    share is below its part of `available` pro rata by balance."""
    taking = tuple(i for i, n in enumerate(needs) if n is not None and balances[i] > 0 and available > 0)
    if not taking:
        return Split((), (), False)
    total = sum((balances[i] for i in taking), ZERO)
    capped = tuple(i for i in taking if shares[i] < fen_down(available * balances[i] / total))
    met = all(shares[i] >= needs[i] for i in taking)  # type: ignore[operator]
    return Split(taking, capped, bool(capped) and met)
