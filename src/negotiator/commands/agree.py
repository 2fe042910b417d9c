"""`negotiator agree NAME ...`: record the repayment agreement reached with one lender."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from negotiator import store
from negotiator.cli.options import language
from negotiator.commands.lender import confirm_old_debt as confirmed
from negotiator.commands.log import match_lender
from negotiator.core import typed
from negotiator.core.enums import ProposalKind
from negotiator.core.errors import BadInput, Message
from negotiator.core.money import show
from negotiator.planning.schedules import agreed
from negotiator.records.contacts import Agreement
from negotiator.render import layout
from negotiator.store.agreements import same_lender
from negotiator.words import t

if TYPE_CHECKING:
    from negotiator.records.contacts import Agreement
    from negotiator.store import SavedCase

KINDS = typed.choices_of(ProposalKind)
MAX_MONTHS = 120


def build_agreement(kind: str, months: str, monthly: str, first_due: str, lender: str | None, lenders: list[str], now: dt.datetime | None = None) -> Agreement:
    """Check every option and return the Agreement; BadInput names the first option refused."""
    chosen = typed.option("--kind", typed.choice, kind, KINDS, "values.choice.kind")
    count = typed.option("--months", typed.whole, months, 1, MAX_MONTHS)
    if not monthly.strip():
        raise BadInput("errors.usage.bad_value", option="--monthly", problem=Message("values.amount.empty"))
    amount = typed.option("--monthly", typed.amount, monthly)
    if amount <= 0:  # an agreement to pay nothing a month would leave no schedule to remind of
        raise BadInput("errors.usage.bad_value", option="--monthly", problem=Message("safety.monthly_positive"))
    if not first_due.strip():
        raise BadInput("errors.usage.bad_value", option="--first-due", problem=Message("asking.err.missing"))
    # Before today too: an agreement made before the case was saved. A date without a year is the nearest.
    due = typed.option("--first-due", typed.day, first_due, dt.date.today(), "near")
    # The agreement is with one lender of the case; by default the first, as in the plan.
    who = typed.option("--lender", match_lender, lender, lenders) if lender is not None else lenders[0]
    if not who:
        raise BadInput("errors.usage.bad_value", option="--lender", problem=Message("asking.err.lender", choices=", ".join(lenders)))
    recorded = now or dt.datetime.now().replace(microsecond=0)
    return Agreement(lender=who, kind=ProposalKind(chosen), months=count, monthly=amount, first_due=due, recorded=recorded)


def warning(saved: SavedCase, agreement: Agreement, lang: str) -> str | None:
    """A note, in the case's language, when the agreed amount is above what the budget leaves for
    that lender (its share with the other current agreements taken out first) or above all that is
    available. The agreement is recorded all the same: it is a fact."""
    from negotiator.planning.engine import plan_numbers  # noqa: PLC0415

    if agreement.kind.value == "settlement":  # paid once, from the lump sum, not from each month
        return None
    others = tuple(a for a in saved.agreements() if not same_lender(a.lender, agreement.lender))
    numbers = plan_numbers(saved.case, None, others)
    available = numbers.budget.available
    if agreement.monthly > available:
        return t(lang, "numbers.agree.above_available", monthly=show(agreement.monthly), available=show(available), lender=agreement.lender)
    share = next((d.share for d in numbers.debts if same_lender(d.lender, agreement.lender)), None)
    if share is not None and agreement.monthly > share:
        return t(lang, "numbers.agree.above_share", monthly=show(agreement.monthly), share=show(share), lender=agreement.lender)
    return None


def run(name: str, lang: str | None, *, kind: str, months: str, monthly: str, first_due: str, lender: str | None = None,
        confirm_old_debt: bool = False) -> None:
    saved = store.open_case(name)
    lang = language(lang, saved.case.language)  # the case's language unless --lang says otherwise
    agreement = build_agreement(kind, months, monthly, first_due, lender, saved.lenders())

    confirmed(saved, agreement.lender, confirm_old_debt)  # an old debt: warned, and recorded only once confirmed
    store.record_agreement(name, agreement)
    last = agreed(agreement).rows[-1].due
    layout.show(t(lang, "store.agree.recorded", name=name, lender=agreement.lender, months=agreement.months,
            monthly=show(agreement.monthly), first_due=agreement.first_due.isoformat(), last_due=last.isoformat()))
    try:
        note = warning(saved, agreement, lang)
    except BadInput:  # a case whose plan cannot be built still records its agreement
        note = None
    if note:
        layout.show(note)
