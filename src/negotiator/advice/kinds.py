"""Which form of words fits a debt's target: the choice every part of the plan makes the same way."""

from __future__ import annotations

from negotiator.answers.case import ProposalKind
from negotiator.planning.engine import DebtPlan
from negotiator.planning.ladder import Ladder

SETTLE = "settle"  # a one-off settlement from the lump sum
NO_MONEY = "no_money"  # nothing to offer each month: ask for a pause, promise no amount
CAPPED = "capped"  # a card that 60 instalments at the walk-away cannot repay: a pause, and the cap named
FITS = "fits"  # the target fits the share within the assumed term
LONGER = "longer"  # the target is paid at the walk-away over more months than the assumed term
EXPIRED = "expired"  # the limitation may have run out: check first, admit nothing, offer nothing


def variant(d: DebtPlan) -> str:
    if d.ladder is None:
        return EXPIRED
    target = d.ladder.target
    if target.kind is ProposalKind.settlement:
        return SETTLE
    if target.over_card_cap:
        return CAPPED
    if d.ladder.walk_away <= 0 or target.pause_only:
        return NO_MONEY
    return LONGER if target.beyond_usual_term else FITS


def offered(d: DebtPlan) -> Ladder:
    """The ladder of a debt that is asked for something; an expired limitation never reaches here."""
    assert d.ladder is not None, "a debt whose limitation has expired is offered nothing"
    return d.ladder


def one_ask(d: DebtPlan) -> bool:
    """The target is already as gentle as can be asked, so the opening ask is the target itself:
    the words ask for it once instead of falling back to the same thing."""
    return d.ladder is not None and d.ladder.opening is None
