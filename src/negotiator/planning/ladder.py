"""Which proposal to recommend, and the offer ladder: opening ask, target, walk-away.

The first rule that applies wins:
1. a lump sum of at least 40% of all balances -> settlement;
2. no money available -> extension (ask for a pause and seek free advice);
3. temporary hardship (an expected end) -> extension;
4. long-term -> instalments, or waiver_instalments when no instalment term fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from negotiator.answers.case import Debt, ProposalKind
from negotiator.planning import proposals as p
from negotiator.planning.proposals import Proposal

SETTLEMENT_THRESHOLD = Decimal("0.40")
# The opening settlement asks for four fifths of the target percentage, leaving room to move up.
OPENING_SETTLEMENT = Decimal("0.8")


class Ladder(NamedTuple):
    opening: Proposal | None  # None when there is one ask only: nothing more favourable is credible
    target: Proposal
    walk_away: Decimal  # the share, never exceeded in a month; for a settlement, the one payment
    usual: Proposal | None = None  # the gentlest form within the usual term, when the target is longer

    @property
    def once(self) -> bool:
        """A settlement's walk-away is the one payment from the lump sum, not a monthly figure."""
        return self.target.kind is ProposalKind.settlement


class Recommendation(NamedTuple):
    kind: ProposalKind
    reason: str  # a key under plan.reasons in the word files


def recommend(lump_sum: Decimal, total_balance: Decimal, available: Decimal, expected_months: int | None, by_kind: dict[ProposalKind, Proposal]) -> Recommendation:
    if total_balance > 0 and lump_sum >= total_balance * SETTLEMENT_THRESHOLD:
        return Recommendation(ProposalKind.settlement, "settlement")
    if available <= 0:
        return Recommendation(ProposalKind.extension, "no_money")
    if expected_months is not None:
        return Recommendation(ProposalKind.extension, "temporary")
    if by_kind[ProposalKind.instalments].fits:
        return Recommendation(ProposalKind.instalments, "long_term")
    return Recommendation(ProposalKind.waiver_instalments, "long_term_waiver")


def opening_for(target: Proposal, debt: Debt, start: dt.date, fit: Callable[[Proposal], Proposal | None]) -> Proposal | None:
    """The most favourable ask that is still credible, of the same shape as the target and, like it,
    never above the walk-away; None when the target is already as gentle as can be asked."""
    if target.pause_only:
        return None
    if target.kind is not ProposalKind.settlement and target.interest_frozen and target.waived >= debt.penalties:
        return None  # penalties waived and interest frozen already: nothing more favourable to ask
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
