"""The checklist: what to have ready before the call, how to hold it, what to do after.

The statute-of-limitations warning comes first, before anything that would restart it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from negotiator.advice.kinds import FITS, LONGER, NO_MONEY, SETTLE, variant
from negotiator.advice.asks import first_due, pause_end
from negotiator.advice.phrasing import date, joined
from negotiator.case import Stage
from negotiator.plan_records import Checklist, Plan
from negotiator.words import t

if TYPE_CHECKING:
    from negotiator.planning import DebtPlan

# The limitation period is 3 years (facts.md §6); days overdue past it deserve a warning of their own.
LIMITATION_DAYS = 3 * 365


def _first_payment(d: DebtPlan, start: dt.date) -> dt.date:
    """The agreed first payment once there is an agreement, else the target's."""
    if d.agreed is not None:
        agreed_first: dt.date = d.agreed.first_due
        return agreed_first
    return first_due(d.ladder.target) or start


def checklist(plan: Plan, values: dict[str, object]) -> Checklist:
    lang, debts = plan.lang, plan.numbers.debts
    cause = plan.case.hardship.cause.value
    old = [d.lender for d in debts if d.debt.days_overdue > LIMITATION_DAYS]
    sued = [d.lender for d in debts if d.debt.stage is Stage.lawsuit]
    no_money = plan.numbers.budget.available <= 0
    start = plan.numbers.plan_date

    before = [t(lang, "checklist.before.limitation")]
    if old:
        before.append(t(lang, "checklist.before.old_debt", lenders_old=joined(lang, old)))
    if sued:
        before.append(t(lang, "checklist.before.lawsuit", lenders_sued=joined(lang, sued)))
    before += [
        t(lang, "checklist.before.identity"),
        t(lang, "checklist.before.statements", **values),
        t(lang, "checklist.before.income"),
        t(lang, f"checklist.proof.{cause}"),
        t(lang, "checklist.before.budget", **values),
        t(lang, "checklist.before.credit_report"),
        t(lang, "checklist.before.place"),
        t(lang, "checklist.before.walk_away", **values),
    ]
    if no_money:
        before.append(t(lang, "checklist.before.no_money"))

    during = tuple(t(lang, f"checklist.during.{key}") for key in ("calm", "name", "ladder", "freeze", "write", "secrets", "account", "threats"))

    after = [t(lang, "checklist.after.agreement")]
    paying = [d for d in debts if variant(d) in (FITS, LONGER) or d.agreed is not None]
    settling = [d for d in debts if variant(d) == SETTLE and d.agreed is None]
    waiting = [d for d in debts if variant(d) == NO_MONEY and d.agreed is None]
    if paying:
        dues = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, _first_payment(d, start))) for d in paying]
        after.append(t(lang, "checklist.after.first_payment", first_dues=joined(lang, dues)))
    if settling:
        dues = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, first_due(d.ladder.target) or start)) for d in settling]
        after.append(t(lang, "checklist.after.settle", settle_dues=joined(lang, dues)))
    if waiting:
        ends = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, pause_end(d, start))) for d in waiting]
        after.append(t(lang, "checklist.after.no_money", pause_ends=joined(lang, ends)))
    after += [t(lang, f"checklist.after.{key}") for key in ("records", "credit_report", "complain")]
    return Checklist(before=tuple(before), during=during, after=tuple(after))
