"""What each lender is to be paid and when, and when to call again: shared by the plan's schedule
section and the calendar reminders, so both always agree."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from negotiator.plan import Plan
from negotiator.planning import follow_up
from negotiator.planning.engine import DebtPlan
from negotiator.planning.schedules import Schedule
from negotiator.planning.schedules import agreed as agreed_schedule
from negotiator.planning.stance import same_lender

if TYPE_CHECKING:  # the models are needed only when a saved case brings a log or an agreement
    from negotiator.records.contacts import Agreement, ContactEntry

class Payments(NamedTuple):
    """The payments one lender is to receive: the agreed schedule where there is one, else the target's."""

    lender: str
    index: int  # type: ignore[assignment]  # position among the debts, or len(debts) for an agreement with an unknown lender
    schedule: Schedule
    kind: str  # the proposal kind, e.g. "extension"
    agreed: bool


def agreement_for(plan: Plan, debt: DebtPlan) -> Agreement | None:
    return next((a for a in plan.agreements if same_lender(a.lender, debt.lender)), None)


def payments(plan: Plan) -> list[Payments]:
    """What to pay each lender and when, in the answers file's order; an agreement replaces the
    target's schedule for its lender (and is kept even if its lender is not among the debts)."""
    out = []
    matched = set()
    for d in plan.numbers.debts:
        agreed = agreement_for(plan, d)
        if agreed is not None:
            matched.add(id(agreed))
            out.append(Payments(d.lender, d.index, agreed_schedule(agreed), agreed.kind.value, True))
        elif d.ladder is not None:  # a debt with no ladder has nothing to pay
            target = d.ladder.target
            out.append(Payments(d.lender, d.index, target.schedule, target.label, False))
    for n, a in enumerate(x for x in plan.agreements if id(x) not in matched):
        out.append(Payments(a.lender, len(plan.numbers.debts) + n, agreed_schedule(a), a.kind.value, True))
    return out


def latest_contact(plan: Plan) -> ContactEntry | None:
    return follow_up.latest_contact(plan.log)


def call_date(plan: Plan) -> dt.date | None:
    """When to call again, by the plan's one follow-up rule (None when nothing is left to call about)."""
    return follow_up.call_date(plan.numbers.plan_date, plan.log, unagreed(plan))


def unagreed(plan: Plan) -> bool:
    """Some lender has no agreement yet: there is a call to make."""
    return any(agreement_for(plan, d) is None for d in plan.numbers.debts)
