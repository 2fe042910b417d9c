"""Which kind of proposal to aim for with a lender: the rules in one place.

The first rule that applies wins:
1. a lump sum of at least 40% of all balances -> settlement;
2. no money available -> extension (ask for a pause; legal aid and 12348 for free advice);
3. temporary hardship (an expected end) -> extension;
4. long-term -> instalments, or waiver_instalments when no instalment term fits.

`first_kind` applies the rules that do not depend on a lender's share, before shares are known;
`recommend` applies them all once the share's proposals are built.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from negotiator.answers.case import ProposalKind
from negotiator.planning.proposals import Proposal

SETTLEMENT_THRESHOLD = Decimal("0.40")


class Recommendation(NamedTuple):
    kind: ProposalKind
    reason: str  # a key under plan.reasons in the word files


def settles(lump_sum: Decimal, total_balance: Decimal) -> bool:
    """Rule 1: the lump sum is large enough to offer every lender the same part of its balance."""
    return total_balance > 0 and lump_sum >= total_balance * SETTLEMENT_THRESHOLD


def recommend(lump_sum: Decimal, total_balance: Decimal, available: Decimal, expected_months: int | None, by_kind: dict[ProposalKind, Proposal]) -> Recommendation:
    if settles(lump_sum, total_balance):
        return Recommendation(ProposalKind.settlement, "settlement")
    if available <= 0:
        return Recommendation(ProposalKind.extension, "no_money")
    if expected_months is not None:
        return Recommendation(ProposalKind.extension, "temporary")
    if by_kind[ProposalKind.instalments].fits:
        return Recommendation(ProposalKind.instalments, "long_term")
    return Recommendation(ProposalKind.waiver_instalments, "long_term_waiver")


def first_kind(chosen: ProposalKind | None, lump_sum: Decimal, total_balance: Decimal, available: Decimal, expected_months: int | None) -> ProposalKind:
    """The kind aimed for before shares are known: the one chosen, or the rules above that do not
    depend on the share; a long-term hardship starts from instalments."""
    if chosen is not None:
        return chosen
    if settles(lump_sum, total_balance):
        return ProposalKind.settlement
    if available <= 0 or expected_months is not None:
        return ProposalKind.extension
    return ProposalKind.instalments
