"""The plan: the numbers from the engine, the words for the call, and what the case store adds.

Every renderer reads this one object; nothing here prints or decides.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from negotiator.planning.engine import plan_numbers
from negotiator.planning.follow_up import next_follow_up
from negotiator.records.plan import (
    Checklist,
    Content,
    Letter,
    Objection,
    Plan,
    Right,
    Script,
    Step,
)

if TYPE_CHECKING:  # only a saved case has a log or an agreement; an answers file need not load them
    from negotiator.answers.case import Case
    from negotiator.records.contacts import Agreement, ContactEntry
    from negotiator.records.payments import Payment

# The records live in plan_records, below the advice that fills them; they are named here too.
__all__ = ["Checklist", "Content", "Letter", "Objection", "Plan", "Right", "Script", "Step", "build_plan"]


def build_plan(case: Case, lang: str | None = None, today: dt.date | None = None, log: tuple[ContactEntry, ...] = (),
               agreements: tuple[Agreement, ...] = (), payments: tuple[Payment, ...] = ()) -> Plan:
    """Numbers and words for one case, in `lang` or the case's own language. Agreed monthly
    payments come out of what is available first; the rest is shared among the other lenders.
    Where each agreement stands is worked out against today's date, whatever date the plan is for."""

    language = lang or case.language
    numbers = plan_numbers(case, today, agreements)  # planning.ChoiceUnavailable names the debt
    lenders = [d.lender for d in case.debts]
    now = today or dt.date.today()
    kept = None
    if agreements or payments:
        from negotiator.planning.standing import kept as standings  # noqa: PLC0415

        kept = standings(agreements, payments, now, numbers.budget.available, case.lump_sum)
    follow_up = next_follow_up(numbers.plan_date, log, agreements, lenders, now, kept)
    plan = Plan(case=case, lang=language, numbers=numbers, log=log, agreements=tuple(agreements), follow_up=follow_up,
                payments=tuple(payments), kept=kept)
    return _with_content(plan)


def _with_content(plan: Plan) -> Plan:
    from negotiator.advice import build_content  # noqa: PLC0415

    return plan._replace(content=build_content(plan))
