"""`negotiator agree NAME ...`: record the repayment agreement reached with one lender."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from negotiator.counts import whole_number
from negotiator.errors import BadInput
from negotiator.words import t

if TYPE_CHECKING:
    from negotiator.records import Agreement

KINDS = ("extension", "instalments", "waiver_instalments", "settlement")
MAX_MONTHS = 120


def _bad(option: str, problem: str, lang: str) -> BadInput:
    return BadInput(t(lang, "errors.usage.bad_value", option=option, problem=problem))


def parse_months(text: str, lang: str) -> int:
    value = whole_number(text)
    if value is None or not 1 <= value <= MAX_MONTHS:
        raise _bad("--months", t(lang, "asking.err.months", limit=MAX_MONTHS), lang)
    return value


def build_agreement(kind: str, months: str, monthly: str, first_due: str, lender: str | None, lenders: list[str], lang: str, now: dt.datetime | None = None) -> Agreement:
    """Check every option and return the Agreement; BadInput names the first option refused."""
    from negotiator.commands.log import Refused, match_lender, parse_date, parse_money
    from negotiator.case import ProposalKind
    from negotiator.records import Agreement

    if kind.strip().lower() not in KINDS:
        raise _bad("--kind", t(lang, "asking.err.kind", choices=", ".join(KINDS)), lang)
    count = parse_months(months, lang)

    def checked(option: str, read, *args, missing: str):
        """The option's value as read, or BadInput naming the option."""
        try:
            value = read(*args)
        except Refused as exc:
            raise _bad(option, str(exc), lang) from exc
        if value is None or value == "":  # an amount of 0 is an answer
            raise _bad(option, missing, lang)
        return value

    amount = checked("--monthly", parse_money, monthly, lang, missing=t(lang, "asking.err.amount_empty"))
    if amount <= 0:  # an agreement to pay nothing a month would leave no schedule to remind of
        raise _bad("--monthly", t(lang, "safety.monthly_positive"), lang)
    due = checked("--first-due", parse_date, first_due, lang, missing=t(lang, "asking.err.missing"))
    # The agreement is with one lender of the case; by default the first, as in the plan.
    who = checked("--lender", lambda: match_lender(lender, lenders, lang) if lender is not None else lenders[0],
                  missing=t(lang, "asking.err.lender", choices=", ".join(lenders)))
    recorded = now or dt.datetime.now().replace(microsecond=0)
    return Agreement(lender=who, kind=ProposalKind(kind.strip().lower()), months=count, monthly=amount, first_due=due, recorded=recorded)


def warning(saved, agreement, lang: str) -> str | None:
    """A note, in the case's language, when the agreed amount is above what the budget leaves for
    that lender (its share with the other current agreements taken out first) or above all that is
    available. The agreement is recorded all the same: it is a fact."""
    from negotiator.money import show
    from negotiator.planning import plan_numbers
    from negotiator.store.agreements import same_lender

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


def run(name: str, lang: str | None, *, kind: str, months: str, monthly: str, first_due: str, lender: str | None = None) -> None:
    from negotiator import store
    from negotiator.errors import BadInput as Refused
    from negotiator.money import show

    from negotiator.options import language, speak

    saved = store.open_case(name)
    lang = speak(language(lang, saved.case.language))  # the case's language unless --lang says otherwise
    agreement = build_agreement(kind, months, monthly, first_due, lender, saved.lenders(), lang)
    store.record_agreement(name, agreement)
    last = agreement.schedule().rows[-1].due
    print(t(lang, "store.agree.recorded", name=name, lender=agreement.lender, months=agreement.months,
            monthly=show(agreement.monthly), first_due=agreement.first_due.isoformat(), last_due=last.isoformat()))
    try:
        note = warning(saved, agreement, saved.case.language)
    except Refused:  # a case whose plan cannot be built still records its agreement
        note = None
    if note:
        print(note)
