"""The planning engine proper: a Case in, the numbers of its plan out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from negotiator.answers.case import Case, Debt, ProposalKind
from negotiator.core.errors import BadInput, Message
from negotiator.core.money import ZERO
from negotiator.planning import proposals as p
from negotiator.planning.allocation import Split, allocate, need, split
from negotiator.planning.budget import Budget, budget
from negotiator.planning.ladder import Ladder, cheaper_than, opening_for
from negotiator.planning.limitation import EXPIRED, Limitation, limitation
from negotiator.planning.proposals import Proposal
from negotiator.planning.recommend import Recommendation, first_kind, recommend
from negotiator.planning.stance import Stance, find_lender, lender_key, stance

if TYPE_CHECKING:  # read for their terms only: a plan from an answers file has no agreement to load
    from negotiator.records.contacts import Agreement


class DebtPlan(NamedTuple):
    index: int  # type: ignore[assignment]  # position in the answers file (as a field it hides tuple.index, which no one calls)
    debt: Debt
    share: Decimal
    proposals: tuple[Proposal, ...]
    recommended: Recommendation
    ladder: Ladder | None  # None when the limitation has run out: nothing is offered or asked
    need: Decimal = ZERO  # the least a month that fits the usual term (the agreed amount once agreed)
    agreed: Agreement | None = None  # the agreement recorded with this lender, if any
    limitation: Limitation | None = None
    held: Stance | None = None  # the stance, set once the share is final (read it as `stance`)

    @property
    def stance(self) -> Stance:
        """Where the borrower stands with this lender: the figures and posture every command quotes."""
        assert self.held is not None, "a lender's stance is set when its plan is finished"
        return self.held

    @property
    def lender(self) -> str:
        return self.debt.lender

    @property
    def balance(self) -> Decimal:
        return self.debt.balance

    def proposal(self, kind: ProposalKind) -> Proposal | None:
        return next((x for x in self.proposals if x.kind is kind), None)


class Cover(NamedTuple):
    """Whether the money covers every lender, in one place for the summary, the words and the JSON."""

    covers_all: bool  # every lender's target fits its usual term within what is available
    shortfall: Decimal  # how much more a month that would take; 0.00 when it covers all
    lump_sum_used: Decimal  # what the settlements take from the lump sum
    lump_sum_left: Decimal
    asks: tuple[str, ...]  # what the plan asks for instead: "longer", "waive", "freeze", "pause"


class Numbers(NamedTuple):
    plan_date: dt.date
    budget: Budget
    total_balance: Decimal
    debts: tuple[DebtPlan, ...]
    cover: Cover | None = None
    split: Split = Split((), (), False)  # how the monthly money was shared, for the words that say so


class Lender(NamedTuple):
    """What is known of one debt before the budget is shared out."""

    debt: Debt
    kind: ProposalKind  # the kind aimed for (see `recommend.first_kind`)
    agreed: Agreement | None  # the agreement recorded with this lender, if any
    limitation: Limitation

    @property
    def expired(self) -> bool:
        """Its limitation has run out and nothing was agreed with it all the same: it is offered
        nothing, takes no share and settles nothing (an agreement, once recorded, is what holds)."""
        return self.limitation.status == EXPIRED and self.agreed is None

    def usual_need(self, start: dt.date, pause: int) -> Decimal | None:
        """The least a month that fits the usual term; None for a lender agreed, settling or expired,
        which takes no share of what is left."""
        if self.agreed is not None or self.kind is ProposalKind.settlement or self.expired:
            return None
        return need(self.kind, self.debt, start, pause)


class ChoiceUnavailable(BadInput):
    """A debt's `chosen` kind is not among its proposals (settlement without a lump sum): named
    as the answers file names the field."""

    def __init__(self, index: int, kind: ProposalKind) -> None:
        problem = Message("errors.field.chosen_unavailable", kind=kind.value)
        super().__init__("problems.field", field=f"debts[{index}].chosen", problem=problem)
        self.index, self.kind = index, kind


# Beyond fifty years a monthly amount is no plan at all: the honest ask is a pause.
MAX_TERM_MONTHS = 600


def fitting_target(target: Proposal, debt: Debt, start: dt.date, pause: int) -> Proposal:
    return fitted(target, debt, start, pause)[0]


def fitted(target: Proposal, debt: Debt, start: dt.date, pause: int) -> tuple[Proposal, Proposal | None]:
    """The target, or the first gentler form of it that fits the share within the usual term: the
    plan never asks the borrower to pay a lender more in a month than the walk-away. When no form
    fits the usual term, the gentlest form paid at the walk-away, over as many months as that
    takes; when even that does not repay the debt, a pause with no amount.
    The second value is that gentlest form within the usual term, which did not fit (None when the
    target fits)."""
    if target.kind is ProposalKind.settlement or target.fits:
        return target, None
    gentlest = target
    for option in p.softer(target, debt, start):
        if option.fits:
            return option, None
        gentlest = option
    # A card is never stretched past its 60 instalments: beyond them the ask is a pause, and the
    # words name the cap and what is left (a settlement, court mediation).
    longest = debt.term_limit if debt.card_capped else MAX_TERM_MONTHS
    stretched = p.at_walk_away(gentlest, start, longest, debt.term_limit)
    if stretched is None:
        return p.pause_only(debt, target.share, start, target.pause_months or pause, over_card_cap=debt.card_capped and target.share > 0), gentlest
    return stretched, None if stretched.within_usual_terms else gentlest




def plan_numbers(case: Case, today: dt.date | None = None, agreements: Sequence[Agreement] = ()) -> Numbers:
    start = case.planned_on(today)
    money = budget(
        [x.monthly for x in case.income],
        [x.monthly for x in case.expenses],
        [x.monthly for x in case.priority],
        case.buffer_percent,
    )
    balances = [d.balance for d in case.debts]
    total = sum(balances, ZERO)
    percent = p.settlement_percent(case.lump_sum, total)
    pause = p.pause_length(case.hardship.expected_months)

    # Agreed monthly payments come out of what is available first; the rest is shared out.
    others = {lender_key(a.lender) for a in agreements} - {lender_key(d.lender) for d in case.debts}
    elsewhere = sum((monthly(a) for a in (find_lender(x, agreements) for x in sorted(others)) if a is not None), ZERO)
    lenders = [
        Lender(d, first_kind(d.chosen, case.lump_sum if percent > 0 else ZERO, total, money.available, case.hardship.expected_months),
               find_lender(d.lender, agreements),
               limitation(d.days_overdue, d.last_payment_date, d.last_demand_date, start))
        for d in case.debts
    ]
    committed = sum((monthly(x.agreed) for x in lenders if x.agreed is not None), ZERO) + elsewhere
    free = max(money.available - committed, ZERO)
    # The lump sum goes to the lenders that settle, each offered the same percentage of its
    # balance: when only some settle, that percentage is worked out over their balances alone.
    settling = sum((x.debt.balance for x in lenders if x.kind is ProposalKind.settlement and x.agreed is None and not x.expired), ZERO)
    offered = p.settlement_percent(case.lump_sum, settling) if percent > 0 and settling > 0 else percent
    usual_needs = [x.usual_need(start, pause) for x in lenders]

    def build(index: int, share: Decimal) -> DebtPlan:
        """The lender's proposals and target at this share; the opening ask comes once the share
        is final (see `finished`), as working it out costs about as much again."""
        debt, a = case.debts[index], lenders[index].agreed
        if a is not None:
            share = monthly(a)
        by_kind = offers[index] = Offers(debt, share, start, pause, offered if percent > 0 else None)
        rec = recommend(case.lump_sum, total, money.available, case.hardship.expected_months, by_kind)
        target_kind = debt.chosen or rec.kind
        if target_kind not in by_kind.kinds:
            raise ChoiceUnavailable(index, target_kind)
        target, usual = fitted(by_kind[target_kind], debt, start, pause)
        walk_away = target.amount if target.kind is ProposalKind.settlement else share
        needed = monthly(a) if a is not None else (usual_needs[index] or ZERO)
        ladder = None if lenders[index].expired else Ladder(None, target, walk_away, usual)
        return DebtPlan(index, debt, share, (), rec, ladder, needed, a, lenders[index].limitation)

    def finished(d: DebtPlan) -> DebtPlan:
        """The share is final: every proposal to compare, and the opening ask."""
        if not d.proposals:
            d = d._replace(proposals=offers[d.index].all())
        if d.ladder is None:
            return d
        ladder = d.ladder._replace(cheaper=cheaper_than(d.ladder.target, d.proposals) if d.recommended.kind is d.ladder.target.kind else None)
        if ladder.opening is None:
            ladder = ladder._replace(opening=opening(ladder.target, d.debt, start, pause))
        return d._replace(ladder=ladder)

    offers: dict[int, Offers] = {}

    parts = allocate(balances, usual_needs, free)
    debts = [build(i, part) for i, part in enumerate(parts)]
    # A target that fits the usual term with less than its share gives the rest back to the
    # lenders still short of it. Its target stays as it is; its walk-away becomes what it uses.
    short = any(usual_needs[d.index] is not None and d.ladder is not None and not d.ladder.target.within_usual_terms for d in debts)
    used = {d.index: d.ladder.target.schedule.largest_payment for d in debts
            if usual_needs[d.index] is not None and d.ladder is not None and d.ladder.target.within_usual_terms}
    if short and any(used[i] < debts[i].share for i in used):
        needs = [used.get(i, n) for i, n in enumerate(usual_needs)]
        parts = allocate(balances, needs, free)
        again = []
        for i, part in enumerate(parts):
            if i in used and part == used[i]:
                again.append(pinned(debts[i], part, start, pause, Offers(debts[i].debt, part, start, pause, offers[i].percent)))
            else:
                again.append(debts[i] if part == debts[i].share else build(i, part))
        debts = again
    debts = [finished(d) for d in debts]
    covered = cover(case, money.available, committed, debts)
    # Last, where the borrower stands with each lender, once the lump sum's use is known.
    debts = [d._replace(held=stance(d.lender, d.debt.stage, d.share, d.ladder, d.agreed, d.limitation, covered.lump_sum_left))
             for d in debts]
    shared = split(balances, [None if n is None else d.need for n, d in zip(usual_needs, debts, strict=True)], [d.share for d in debts], free)
    return Numbers(start, money, total, tuple(debts), covered, shared)


class Offers(dict[ProposalKind, Proposal]):
    """A lender's proposals at one share, each built the first time it is asked for: while the
    shares are still moving, only the ones the recommendation and the target need are built."""

    def __init__(self, debt: Debt, share: Decimal, start: dt.date, pause: int, percent: Decimal | None) -> None:
        super().__init__()
        self.debt, self.share, self.start, self.pause, self.percent = debt, share, start, pause, percent
        self.kinds: tuple[ProposalKind, ...] = (ProposalKind.extension, ProposalKind.instalments, ProposalKind.waiver_instalments)
        if percent is not None:
            self.kinds += (ProposalKind.settlement,)

    def __missing__(self, kind: ProposalKind) -> Proposal:
        debt, share, start = self.debt, self.share, self.start
        if kind is ProposalKind.extension:
            made = p.extension(debt, share, start, self.pause)
        elif kind is ProposalKind.instalments:
            made = p.instalments(debt, share, start)
        elif kind is ProposalKind.waiver_instalments:
            made = p.waiver_instalments(debt, share, start, interest_frozen=False)
        else:
            assert self.percent is not None
            made = p.settlement(debt, share, start, self.percent)
        self[kind] = made
        return made

    def all(self) -> tuple[Proposal, ...]:
        return tuple(self[k] for k in self.kinds)


def opening(target: Proposal, debt: Debt, start: dt.date, pause: int) -> Proposal | None:
    """The opening ask for this target, fitted to the walk-away like the target."""
    return opening_for(target, debt, start, lambda option: fitting_target(option, debt, start, pause))


def what_if(case: Case, index: int, kind: ProposalKind, today: dt.date | None = None, agreements: Sequence[Agreement] = ()) -> DebtPlan | None:
    """One lender's part of the plan as it would be if `kind` were chosen for it: its share and
    target after the whole budget is shared out again. None when that kind is not on offer."""
    debts = [d.model_copy(update={"chosen": kind}) if i == index else d for i, d in enumerate(case.debts)]
    try:
        return plan_numbers(case.model_copy(update={"debts": debts}), today, agreements).debts[index]
    except ChoiceUnavailable:
        return None


def pinned(d: DebtPlan, share: Decimal, start: dt.date, pause: int, offers: Offers) -> DebtPlan:
    """A lender whose target fits with less than its share, given that much: the same target, the
    walk-away lowered to what the target uses, the comparison and the opening worked out again."""
    target = _ladder(d).target._replace(share=share)
    ladder = Ladder(opening(target, d.debt, start, pause), target, share, None)
    return d._replace(share=share, proposals=offers.all(), ladder=ladder)


def monthly(agreement: Agreement) -> Decimal:
    """What an agreement takes from each month's budget: nothing for a settlement, which is paid
    from the lump sum."""
    return ZERO if agreement.kind is ProposalKind.settlement else agreement.monthly


def _ladder(d: DebtPlan) -> Ladder:
    """The ladder of a debt known to have one (the caller has left out those with none)."""
    assert d.ladder is not None
    return d.ladder


def cover(case: Case, available: Decimal, committed: Decimal, debts: list[DebtPlan]) -> Cover:
    debts = [d for d in debts if d.ladder is not None]  # a debt with no ladder asks for nothing
    settled = [d for d in debts if _ladder(d).target.kind is ProposalKind.settlement and d.agreed is None]
    used = sum((_ladder(d).target.amount for d in settled), ZERO)
    used += sum((d.agreed.monthly * d.agreed.months for d in debts if d.agreed is not None and monthly(d.agreed) == 0), ZERO)
    needed = committed + sum((d.need for d in debts if d.agreed is None and d not in settled), ZERO)
    shortfall = max(needed - available, ZERO)
    asks = []
    targets = [_ladder(d).target for d in debts if d.agreed is None]
    if any(t.beyond_usual_term for t in targets):
        asks.append("longer")
    if any(t.waived > 0 and t.kind is not ProposalKind.settlement for t in targets):
        asks.append("waive")
    if any(t.interest_frozen for t in targets):
        asks.append("freeze")
    if any(t.pause_only for t in targets):
        asks.append("pause")
    covers = shortfall == 0 and all(t.within_usual_terms for t in targets)
    return Cover(covers, shortfall, used, case.lump_sum - used, tuple(asks))
