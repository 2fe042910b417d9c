"""How one proposal is asked for, in words, without ever promising more than the walk-away.

A proposal whose instalments do not fit the share is never put as a promise: the words state the
share as the most that can be paid and ask for a longer term instead.
"""

from __future__ import annotations

import datetime as dt

from negotiator.advice.kinds import offered
from negotiator.advice.phrasing import amount, months, percent, term
from negotiator.answers.case import ProposalKind
from negotiator.core.money import ZERO
from negotiator.core.months import add_months
from negotiator.planning.engine import DebtPlan
from negotiator.planning.proposals import Proposal
from negotiator.words import t


def first_due(p: Proposal) -> dt.date | None:
    """The date of the first payment that is more than nothing."""
    return next((row.due for row in p.schedule.rows if row.payment > 0), None)


def pause_end(d: DebtPlan, start: dt.date) -> dt.date:
    """When the pause asked for would end: the time to come back with an offer."""
    extension = d.proposal(ProposalKind.extension)
    months = extension.pause_months if extension else offered(d).target.pause_months
    return add_months(start, max(months, 1))


def _pause_months(d: DebtPlan, p: Proposal) -> int:
    if p.pause_months:
        return p.pause_months
    extension = d.proposal(ProposalKind.extension)
    return extension.pause_months if extension else 1


def ask(lang: str, d: DebtPlan, p: Proposal | None) -> str:
    """The proposal as the borrower asks for it, e.g. 'a payment extension of 6 months ..., then 411.68 yuan a month for 30 months'."""
    if p is None:  # one ask only: the opening is the target
        p = offered(d).target
    if p.kind is ProposalKind.settlement:
        if p.waived <= 0:  # the whole balance in one go: nothing is written off, so nothing is said to be
            return t(lang, "advice.ask.settlement_full", amount=amount(p.amount))
        return t(lang, "advice.ask.settlement", amount=amount(p.amount), percent=percent(p.settlement_percent or ZERO),
                 balance=amount(p.balance), waived=amount(p.waived))
    if offered(d).walk_away <= 0 or p.pause_only:
        # Interest runs during the pause unless the lender agrees to stop it: the freeze is asked for.
        key = "advice.ask.no_money_freeze" if d.debt.annual_rate > 0 else "advice.ask.no_money"
        return t(lang, key, pause_span=months(lang, _pause_months(d, p)))
    relief = _relief(lang, p)
    if p.amount <= 0:  # the waiver alone clears the account: nothing to pay
        return t(lang, "advice.ask.relief_only", relief=relief)
    rest = p.months - p.pause_months
    # Every form asked for fits the walk-away and names its exact term. Whether that is longer than
    # the assumed term is the plan's note to the borrower, never said to the lender as a fact.
    # After a pause, "for N months" (还 N 个月): "N instalments in all" would be ambiguous.
    if rest == 1:
        key = "advice.ask.terms_once"
    else:
        key = "advice.ask.terms_after_pause" if p.pause_months else "advice.ask.terms"
    terms = t(lang, key, monthly=amount(p.monthly_payment), walk_away=amount(offered(d).walk_away), term=term(lang, rest), rest_span=months(lang, rest))
    text = terms
    if p.pause_months:
        key = "advice.ask.pause_paid" if p.pause_payment > 0 else "advice.ask.pause_free"
        if not p.interest_frozen and p.rate > 0:  # the figures let interest run: the freeze is still asked for
            key += "_freeze"
        pause = t(lang, key, pause_span=months(lang, p.pause_months), pause_payment=amount(p.pause_payment))
        text = t(lang, "advice.ask.then", pause=pause, terms=terms) if rest > 0 else pause
    return t(lang, "advice.ask.with_relief", relief=relief, ask=text) if relief else text


def relief(lang: str, p: Proposal) -> str:
    """What a proposal asks the lender to give up, in words ("" when nothing)."""
    return _relief(lang, p)


def _relief(lang: str, p: Proposal) -> str:
    waived = p.waived > 0
    if p.pause_months and p.interest_frozen:  # the figures assume no interest during the pause: say so
        key = "advice.ask.relief_both_pause" if waived else "advice.ask.relief_frozen_pause"
        return t(lang, key, waived=amount(p.waived))
    if waived and p.interest_frozen:
        return t(lang, "advice.ask.relief_both", waived=amount(p.waived))
    if waived:
        return t(lang, "advice.ask.relief_waived", waived=amount(p.waived))
    if p.interest_frozen:
        return t(lang, "advice.ask.relief_frozen")
    return ""
