"""Where the borrower stands with one lender: the figures every command quotes, and the posture
that decides which words and which safety rules apply.

Worked out once, by the engine, from the case (its answers, its agreements); the plan, the wizard,
`show`, `offer`, `call`, `practice`, `agree`, `log add`, the letter and the complaint read it and
never work out a lender's limits by themselves. A lender is matched by name in one place:
`same_lender`.

Pure: numbers in, numbers out.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from negotiator.core.enums import ProposalKind, Stage
from negotiator.core.money import ZERO
from negotiator.planning.limitation import EXPIRED, Limitation
from negotiator.planning.proposals import Proposal

if TYPE_CHECKING:
    from negotiator.planning.ladder import Ladder
    from negotiator.records.contacts import Agreement


class Posture(StrEnum):
    """How the borrower deals with one lender; the first that applies, in this order:

    - agreed: a monthly plan was agreed (recorded with `agree`): the words quote it and nothing else;
    - settling: a lump-sum settlement was agreed, or is the target: the one payment is the limit;
    - old: the three years may have run out: admit nothing, name no amount, promise nothing;
    - lawsuit: the lender has sued: the court's papers come first;
    - ordinary: the ladder, opening ask to walk-away.

    An agreement comes first: once one is recorded (for an old debt only after the warning was
    confirmed), what was agreed is what the borrower holds to.
    """

    ordinary = "ordinary"
    agreed = "agreed"
    settling = "settling"
    lawsuit = "lawsuit"
    old = "old"


class Stance(NamedTuple):
    lender: str
    posture: Posture
    share: Decimal  # what the budget gives this lender a month (the agreed amount once agreed)
    walk_away: Decimal  # the most a month, never exceeded; nothing for an old debt
    most_at_once: Decimal  # the most at once: this lender's part of the lump sum, never less than a month's walk-away
    target: Proposal | None  # None for an old debt: nothing is asked
    opening: Proposal | None  # None when the target is the only ask
    agreed: Agreement | None = None  # the current agreement with this lender
    limitation: Limitation | None = None

    @property
    def old(self) -> bool:
        return self.posture is Posture.old

    @property
    def agreed_total(self) -> Decimal | None:
        """What the agreement pays in all (a settlement's one payment), None without one."""
        if self.agreed is None:
            return None
        total: Decimal = self.agreed.monthly * self.agreed.months
        return total

    @property
    def promise(self) -> Decimal | None:
        """The figure the closing line commits to: the agreed amount (a settlement's whole payment,
        else the monthly), or before any agreement the target's (its one payment, else its monthly);
        None when nothing is promised (an old debt, a pause with nothing to pay)."""
        if self.agreed is not None:
            return self.agreed_total if self.agreed.kind is ProposalKind.settlement else self.agreed.monthly
        if self.target is None or self.target.pause_only:
            return None
        return self.target.amount if self.target.kind is ProposalKind.settlement else self.target.monthly_payment


def posture(stage: Stage, limitation: Limitation | None, agreed: Agreement | None, target: Proposal | None) -> Posture:
    if agreed is not None:
        return Posture.settling if agreed.kind is ProposalKind.settlement else Posture.agreed
    if limitation is not None and limitation.status == EXPIRED:
        return Posture.old
    if stage is Stage.lawsuit:
        return Posture.lawsuit
    if target is not None and target.kind is ProposalKind.settlement:
        return Posture.settling
    return Posture.ordinary


def stance(lender: str, stage: Stage, share: Decimal, ladder: Ladder | None, agreed: Agreement | None, limitation: Limitation | None,
           lump_sum_left: Decimal) -> Stance:
    """One lender's stance from the engine's parts: its share, its ladder (None when nothing is
    offered), its current agreement, its limitation, and what the lump sum has left once the
    settlements are paid from it."""
    target = ladder.target if ladder is not None else None
    opening = ladder.opening if ladder is not None else None
    kind = posture(stage, limitation, agreed, target)
    if kind is Posture.old:
        return Stance(lender, kind, share, ZERO, ZERO, None, None, None, limitation)
    # A settlement's ladder names its one payment as the walk-away; a month's limit is the share.
    walk_away = share if ladder is None or ladder.once else ladder.walk_away
    if agreed is not None:
        walk_away = ZERO if agreed.kind is ProposalKind.settlement else agreed.monthly
        once = agreed.monthly * agreed.months if agreed.kind is ProposalKind.settlement else walk_away
        return Stance(lender, kind, share, walk_away, once, target, opening, agreed, limitation)
    # A settling lender may have its settlement at once; any other what the lump sum has left.
    settle = target.amount if target is not None and target.kind is ProposalKind.settlement else lump_sum_left
    return Stance(lender, kind, share, walk_away, max(walk_away, settle), target, opening, None, limitation)


# ---- a lender, by name --------------------------------------------------------------------------


def lender_key(name: str) -> str:
    """A lender's name as it is compared: spaces around it and letter case do not count."""
    return name.strip().casefold()


def same_lender(a: str, b: str) -> bool:
    """Whether two names are the same lender: the one rule every command and file uses."""
    return lender_key(a) == lender_key(b)


class _HasLender(Protocol):
    @property
    def lender(self) -> str: ...


Named = TypeVar("Named", bound="str | _HasLender")


def find_lender(name: str, items: Sequence[Named]) -> Named | None:
    """The last of `items` that is lender `name` (names, or records with a `lender`), else None."""
    found = None
    for item in items:
        if same_lender(item if isinstance(item, str) else item.lender, name):
            found = item
    return found
