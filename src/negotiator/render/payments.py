"""What each lender is to be paid and when, and when to call again: shared by the plan's schedule
section and the calendar reminders, so both always agree."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from negotiator.plan import Plan
from negotiator.planning import DebtPlan
from negotiator.planning.schedules import Schedule

if TYPE_CHECKING:  # the models are needed only when a saved case brings a log or an agreement
    from negotiator.records import Agreement, ContactEntry

FOLLOW_UP_DAYS = 7


class Payments(NamedTuple):
    """The payments one lender is to receive: the agreed schedule where there is one, else the target's."""

    lender: str
    index: int  # position among the debts, or len(debts) for an agreement with an unknown lender
    schedule: Schedule
    kind: str  # the proposal kind, e.g. "extension"
    agreed: bool


def _same_lender(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def agreement_for(plan: Plan, debt: DebtPlan) -> Agreement | None:
    a = plan.agreement
    return a if a is not None and _same_lender(a.lender, debt.lender) else None


def payments(plan: Plan) -> list[Payments]:
    """What to pay each lender and when, in the answers file's order; an agreement replaces the
    recommended schedule for its lender (and is kept even if its lender is not among the debts)."""
    out = []
    matched = False
    for d in plan.numbers.debts:
        agreed = agreement_for(plan, d)
        if agreed is not None:
            matched = True
            out.append(Payments(d.lender, d.index, agreed.schedule(), agreed.kind.value, True))
        elif d.ladder is not None:  # an expired limitation has no schedule to keep
            target = d.ladder.target
            out.append(Payments(d.lender, d.index, target.schedule, target.kind.value, False))
    if plan.agreement is not None and not matched:
        a = plan.agreement
        out.append(Payments(a.lender, len(plan.numbers.debts), a.schedule(), a.kind.value, True))
    return out


def _moment(entry: ContactEntry) -> dt.datetime:
    when = entry.when
    return when.astimezone(dt.timezone.utc).replace(tzinfo=None) if when.tzinfo else when


def latest_contact(plan: Plan) -> ContactEntry | None:
    return max(plan.log, key=_moment) if plan.log else None


def follow_up(plan: Plan) -> dt.date:
    """When to call again: what the last contact set, else a week after the plan's date."""
    last = latest_contact(plan)
    if last is not None and last.next_date is not None:
        return last.next_date
    return plan.numbers.plan_date + dt.timedelta(days=FOLLOW_UP_DAYS)
