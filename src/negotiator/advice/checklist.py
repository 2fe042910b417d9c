"""The checklist: what to have ready before the call, how to hold it, what to do after.

The statute-of-limitations warning comes first only where it matters: for a debt whose three
years have run out or are near their end (facts.md section 6). For debts that fell behind
recently it is one item among the others, worded as mattering mostly for old debts.
"""

from __future__ import annotations

import datetime as dt

from negotiator.advice.asks import first_due, pause_end
from negotiator.advice.kinds import (
    FITS,
    LONGER,
    NO_MONEY,
    SETTLE,
    offered,
    one_ask,
    variant,
)
from negotiator.advice.phrasing import date, joined
from negotiator.answers.case import DebtKind, ProposalKind, Stage
from negotiator.planning.engine import DebtPlan
from negotiator.planning.limitation import EXPIRED, NEAR
from negotiator.records.plan import Checklist, Plan
from negotiator.words import t


def _status(d: DebtPlan) -> str:
    return d.limitation.status if d.limitation is not None else ""


def _expiry(lang: str, d: DebtPlan) -> str:
    assert d.limitation is not None
    return t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, d.limitation.expires))


def _first_payment(d: DebtPlan, start: dt.date) -> dt.date:
    """The agreed first payment once there is an agreement, else the target's."""
    if d.agreed is not None:
        agreed_first: dt.date = d.agreed.first_due
        return agreed_first
    return first_due(offered(d).target) or start


def checklist(plan: Plan, values: dict[str, object]) -> Checklist:
    lang, debts = plan.lang, plan.numbers.debts
    cause = plan.case.hardship.cause.value
    expired = [d for d in debts if _status(d) == EXPIRED]
    near = [d for d in debts if _status(d) == NEAR]
    sued = [d.lender for d in debts if d.debt.stage is Stage.lawsuit]
    threatened = [d.lender for d in debts if d.debt.stage is Stage.legal_threat]
    no_money = plan.numbers.budget.available <= 0
    offering = any(d.ladder is not None for d in debts)  # with every debt expired, nothing is asked
    agreed = [d.lender for d in debts if d.agreed is not None]
    start = plan.numbers.plan_date

    before = []
    if expired:
        before.append(t(lang, "safety.limitation.expired_top", lenders_expired=joined(lang, [_expiry(lang, d) for d in expired])))
    if near:
        before.append(t(lang, "safety.limitation.near_top", lenders_near=joined(lang, [_expiry(lang, d) for d in near])))
    if expired or near:
        before.append(t(lang, "checklist.before.limitation"))
    if sued:
        before.append(t(lang, "checklist.before.lawsuit", lenders_sued=joined(lang, sued)))
    if threatened:
        before.append(t(lang, "safety.court.threat", lenders_threat=joined(lang, threatened)))
    if sued or threatened:
        before.append(t(lang, "safety.court.defaulters"))
    before += [
        t(lang, "checklist.before.identity"),
        t(lang, "checklist.before.statements", **values),
        t(lang, "checklist.before.income"),
        t(lang, f"checklist.proof.{cause}"),
        t(lang, "checklist.before.budget", **values),
        t(lang, "safety.auto_deduct.card" if any(d.debt.kind is DebtKind.credit_card for d in debts) else "safety.auto_deduct.other"),
        t(lang, "checklist.before.credit_report"),
        t(lang, "checklist.before.expectations"),
        t(lang, "checklist.before.place"),
    ]
    if offering and not no_money:  # with nothing left, every walk-away is 0.00: the next line says so
        before.append(t(lang, "checklist.before.walk_away", **values))
    if no_money:
        before.append(t(lang, "checklist.before.no_money"))
    if not (expired or near):
        before.append(t(lang, "checklist.before.limitation_recent"))

    # The lenders still to negotiate with: an agreement is kept, not negotiated again.
    asked = [d for d in debts if d.ladder is not None and d.agreed is None]
    # One ask is not "an opening ask first"; with nothing left there is only the pause to ask for.
    ladder = "ladder_nothing" if no_money else "ladder_one" if asked and all(one_ask(d) for d in asked) else "ladder"
    asking = (ladder, "freeze") if asked else ()
    during = [t(lang, f"checklist.during.{key}") for key in ("calm", "who", "name", *asking, "write", "secrets", "account", "threats")]
    if agreed:
        during.insert(3, t(lang, "checklist.during.agreed", lenders_agreed=joined(lang, agreed)))

    after = [t(lang, "checklist.after.agreement")] if offering else []
    # An agreement's own kind decides: a settlement agreed is paid as a settlement, a monthly plan
    # agreed as instalments, whatever the plan's target was before it.
    paying = [d for d in debts if (d.agreed is None and variant(d) in (FITS, LONGER))
              or (d.agreed is not None and d.agreed.kind is not ProposalKind.settlement)]
    settling = [d for d in debts if (d.agreed is None and variant(d) == SETTLE)
                or (d.agreed is not None and d.agreed.kind is ProposalKind.settlement)]
    waiting = [d for d in debts if variant(d) == NO_MONEY and d.agreed is None]
    if paying:
        dues = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, _first_payment(d, start))) for d in paying]
        after.append(t(lang, "checklist.after.first_payment", first_dues=joined(lang, dues)))
    if settling:
        dues = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, _first_payment(d, start))) for d in settling]
        after.append(t(lang, "checklist.after.settle", settle_dues=joined(lang, dues)))
    if waiting:
        ends = [t(lang, "advice.list.first_due", lender=d.lender, first_due=date(lang, pause_end(d, start))) for d in waiting]
        after.append(t(lang, "checklist.after.no_money", pause_ends=joined(lang, ends)))
    after += [t(lang, f"checklist.after.{key}") for key in (("refusal",) if offering else ()) + ("records", "credit_report", "complain")]
    if any(d.debt.kind in (DebtKind.online_loan, DebtKind.other) for d in debts):
        after.append(t(lang, "checklist.after.complain_local"))
    return Checklist(before=tuple(before), during=tuple(during), after=tuple(after))
