"""The offer ladder: opening ask, target, walk-away. Which kind of target to aim for is decided in
`recommend`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from negotiator.answers.case import Debt, ProposalKind
from negotiator.planning import proposals as p
from negotiator.planning.proposals import Proposal

# The opening settlement asks for four fifths of the target percentage, leaving room to move up.
OPENING_SETTLEMENT = Decimal("0.8")


class Ladder(NamedTuple):
    opening: Proposal | None  # None when there is one ask only: nothing more favourable is credible
    target: Proposal
    walk_away: Decimal  # the share, never exceeded in a month; for a settlement, the one payment
    usual: Proposal | None = None  # the gentlest form within the usual term, when the target is longer
    # A recommended pause that costs more in all than a form that already fits: the cheapest such form.
    cheaper: Proposal | None = None

    @property
    def once(self) -> bool:
        """A settlement's walk-away is the one payment from the lump sum, not a monthly figure."""
        return self.target.kind is ProposalKind.settlement


def opening_for(target: Proposal, debt: Debt, start: dt.date, fit: Callable[[Proposal], Proposal | None]) -> Proposal | None:
    """The most favourable ask that is still credible, of the same shape as the target and, like it,
    never above the walk-away; None when the target is already as gentle as can be asked."""
    if target.pause_only:
        return None
    if target.kind is not ProposalKind.settlement and (target.interest_frozen or debt.annual_rate == 0) and target.waived >= debt.penalties:
        return None  # penalties waived and interest frozen (or none running): nothing more favourable to ask
    if target.kind is ProposalKind.settlement:
        percent = (target.settlement_percent or Decimal(0)) * OPENING_SETTLEMENT
        opening = p.settlement(debt, target.share, start, percent.quantize(Decimal("0.01"), rounding=ROUND_DOWN))
    elif target.kind is ProposalKind.extension:
        opening = p.extension(debt, target.share, start, target.pause_months, waive=True, freeze=True, token=False)
    else:
        opening = p.waiver_instalments(debt, target.share, start, interest_frozen=True)
    fitted = fit(opening)
    if fitted is None or fitted.pause_only:
        return None
    return fitted if fitted.total_payable < target.total_payable else None


def cheaper_than(target: Proposal, proposals: tuple[Proposal, ...]) -> Proposal | None:
    """For a pause, the form that fits the share and costs least in all, when it costs less than
    the pause: the plan then shows both totals in one line, so the choice is the borrower's."""
    if target.kind is not ProposalKind.extension:
        return None
    fitting = [x for x in proposals if x.kind is not ProposalKind.extension and x.kind is not ProposalKind.settlement and x.fits and not x.beyond_usual_term]
    best = min(fitting, key=lambda x: x.total_payable, default=None)
    return best if best is not None and best.total_payable < target.total_payable else None
