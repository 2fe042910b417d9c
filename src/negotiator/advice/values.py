"""The case's own figures, ready to be put into sentences: one set for the case, one per debt.

Every placeholder any word file may use is filled here, so a sentence never shows a bare {name}.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from negotiator.advice.asks import ask, first_due, pause_end
from negotiator.advice.kinds import SETTLE, offered, variant
from negotiator.advice.phrasing import (
    amount,
    at,
    date,
    days,
    given,
    joined,
    months,
    payments,
    percent,
    said_given,
    term,
)
from negotiator.answers.case import DebtKind, ProposalKind, Stage
from negotiator.core.money import ZERO, daily
from negotiator.planning.engine import DebtPlan, Numbers
from negotiator.records.plan import Plan
from negotiator.words import t


def case_values(plan: Plan) -> dict[str, object]:
    lang, case, n = plan.lang, plan.case, plan.numbers
    b = n.budget
    hardship = case.hardship
    settle = n.debts[0].proposal(ProposalKind.settlement)
    return {
        "income": amount(b.income),
        "essentials": amount(b.essentials),
        "priority": amount(b.priority),
        "surplus": amount(b.surplus),
        "shortfall": amount(max(-b.surplus, ZERO)),
        "buffer": amount(b.buffer),
        "available": amount(b.available),
        "total_balance": amount(n.total_balance),
        "lump_sum": amount(case.lump_sum),
        "settlement_percent": percent(settle.settlement_percent or ZERO) if settle else percent(ZERO),
        "lenders": joined(lang, [d.lender for d in n.debts]),
        "walk_aways": joined(lang, [_walk_away(lang, d) for d in n.debts if d.ladder is not None]),
        "since": given(lang, hardship.since_given),
        "since_at": at(lang, hardship.since_given),
        "since_at_start": at(lang, hardship.since_given, start=True),
        "since_said": said_given(lang, hardship.since_given, n.plan_date),
        "cause": t(lang, f"advice.causes.{hardship.cause.value}.name"),
        "story": t(lang, f"advice.causes.{hardship.cause.value}.story"),
        "details": hardship.details,
        "income_before": amount(hardship.income_before or ZERO),
        "expected_span": months(lang, hardship.expected_months or 0),
        **split_values(plan),
        # What the answers say aloud, counted over the lenders that are offered something.
        **said_values(lang, [d for d in n.debts if not d.stance.old], _shared_whole(n)),
    }


def _shared_whole(n: Numbers) -> Decimal | None:
    """The budget's figure, when every lender with a share is one the answers are for."""
    return n.budget.available if all(not d.stance.old for d in n.debts if d.share > 0) else None


def split_values(plan: Plan) -> dict[str, object]:
    """The allocation rule as it was applied (facts.md §8): the same proportion of each balance,
    a lender that needs less taking only what it needs. With one lender sharing the money there is
    no one else to speak of, and nothing is said."""
    lang, n = plan.lang, plan.numbers
    s = n.split
    if len(s.taking) < 2:
        return {"split": "", "split_said": ""}
    form = "all_met" if s.all_met else "capped" if s.capped else "same"
    capped = joined(lang, [n.debts[i].lender for i in s.capped])
    return {"split": t(lang, f"advice.split.{form}", capped=capped), "split_said": t(lang, f"advice.split.said_{form}", capped=capped)}


def _walk_away(lang: str, d: DebtPlan) -> str:
    """A settlement's limit is the one payment; any other proposal's is the share, each month."""
    assert d.ladder is not None
    a = d.agreed
    if a is not None:  # the limit is what was agreed, not the plan's figure from before it
        if a.kind is ProposalKind.settlement:
            return t(lang, "advice.list.agreed_once", lender=d.lender, agreed_total=amount(a.monthly * a.months))
        return t(lang, "advice.list.agreed", lender=d.lender, monthly=amount(a.monthly))
    if variant(d) == SETTLE:
        return t(lang, "advice.list.walk_away_once", lender=d.lender, walk_away=amount(d.ladder.target.amount))
    return t(lang, "advice.list.walk_away", lender=d.lender, walk_away=amount(d.ladder.walk_away))


def _usual(lang: str, d: DebtPlan) -> dict[str, object]:
    """What the gentlest form would take within the lender's usual term, for a target that does not
    fit it: the figures the words quote when they say why a longer term is asked for."""
    usual = offered(d).usual
    if usual is None:
        return {"usual": "", "usual_term": "", "usual_monthly": ""}
    values = {"usual_term": term(lang, usual.months - usual.pause_months), "usual_monthly": amount(usual.monthly_payment)}
    # The relief named as a condition ("even with penalties waived ..."), not as the ask itself.
    waived, frozen = usual.waived > 0, usual.interest_frozen
    form = "both" if waived and frozen else "waived" if waived else "frozen" if frozen else ""
    if not form:
        return {**values, "usual": t(lang, "advice.usual.plain", **values)}
    words = t(lang, f"advice.usual.given_{form}", waived=amount(usual.waived))
    return {**values, "usual": t(lang, "advice.usual.relief", relief=words, **values)}


def _contract(lang: str, d: DebtPlan) -> str:
    """The contract's own terms, named as the contract's. Huabei's daily figure is an overdue
    charge (facts.md §2), not a contract rate: it is named as what was entered, a charge a day."""
    debt = d.debt
    if debt.kind is DebtKind.huabei and debt.daily_rate_percent is not None:
        rate, form = daily(debt.daily_rate_percent), "overdue_charge"
    else:
        rate, form = percent(debt.annual_rate), "rate"
    if debt.annual_rate == 0:
        form = "no_rate"
    if debt.contract_monthly > 0:
        return t(lang, f"advice.contract.monthly_{form}", contract_monthly=amount(debt.contract_monthly), rate=rate)
    return t(lang, f"advice.contract.{form}", rate=rate)


def _alternatives(lang: str, plan: Plan, d: DebtPlan) -> str:
    """What is left for a card that 60 instalments cannot repay (facts.md §10): a settlement from a
    lump sum, the pause, and court mediation once the lender has sued."""
    stage = "lawsuit" if d.debt.stage is Stage.lawsuit else "other"
    return t(lang, f"advice.capped.alternatives_{stage}")


def _lawsuit(lang: str, d: DebtPlan) -> dict[str, object]:
    """Which rule lets the borrower ask the court to cut excessive charges (facts.md §10)."""
    source = "card" if d.debt.kind is DebtKind.credit_card else "loan"
    return {"cut_source": t(lang, f"advice.lawsuit.cut_{source}")}


def said_values(lang: str, debts: Sequence[DebtPlan], available: Decimal | None = None) -> dict[str, object]:
    """What an answer said aloud offers the lenders it is for, and in which form: a monthly amount,
    a settlement paid once, or nothing yet (a pause). Only these lenders' own figures are added up,
    so a debt whose limitation may have run (it is never among them) is never counted in a total.
    `available` is the budget's own figure, said instead of the shares' sum (which the split rounds
    down by a fen or two) when these lenders are all those the money is shared among."""
    settling = [d for d in debts if variant(d) == SETTLE]
    monthly = sum((d.share for d in debts if variant(d) != SETTLE), ZERO)
    monthly = available if available is not None and monthly > 0 else monthly
    several = "several" if len(debts) > 1 else "one"
    form = "" if monthly > 0 else "once" if settling else "nothing"
    if settling and len(settling) > 1:
        once = joined(lang, [t(lang, "objections.said.once_lender", lender=d.lender, amount=amount(offered(d).target.amount)) for d in settling])
    else:
        once = t(lang, "objections.said.once", amount=amount(offered(settling[0]).target.amount)) if settling else ""
    return {"said_form": form, "said_monthly": t(lang, f"objections.said.monthly_{several}", amount=amount(monthly)), "said_once": once}


def debt_values(plan: Plan, d: DebtPlan) -> dict[str, object]:
    return {**_numbers(plan, d), **agreed_values(plan.lang, d), **said_values(plan.lang, [d])}


def agreed_values(lang: str, d: DebtPlan) -> dict[str, object]:
    """Once a lender has agreed, the words use the agreed amount and dates."""
    a = d.agreed
    if a is None:
        return {}
    return {"monthly": amount(a.monthly), "term": term(lang, a.months), "first_due": date(lang, a.first_due),
            "agreed_total": amount(a.monthly * a.months), "agreed_count": payments(lang, a.months)}


def _numbers(plan: Plan, d: DebtPlan) -> dict[str, object]:
    lang = plan.lang
    debt = d.debt
    values: dict[str, object] = {
        "lender": d.lender,
        "overdue": days(lang, debt.days_overdue),
        **limitation_values(lang, d),
        **_lawsuit(lang, d),
    }
    if d.ladder is None:
        # The limitation may have run out: no figure of the debt is put into words, so nothing
        # read aloud or signed can state the balance as owed.
        return values
    target, opening = d.ladder.target, d.ladder.opening
    return {
        **values,
        **_usual(lang, d),
        "alternatives": _alternatives(lang, plan, d),
        "contract": _contract(lang, d),
        "balance": amount(d.balance),
        "principal": amount(debt.principal),
        "interest": amount(debt.interest),
        "penalties": amount(debt.penalties),
        "walk_away": amount(d.ladder.walk_away),
        "opening_ask": ask(lang, d, opening),  # the target's words when there is one ask only
        "target_ask": ask(lang, d, target),
        "monthly": amount(target.monthly_payment),
        "term": term(lang, target.months - target.pause_months),
        "accrual": amount(target.accrual_if_not_frozen),
        "first_due": date(lang, first_due(target) or plan.numbers.plan_date),
        "pause_end": date(lang, pause_end(d, plan.numbers.plan_date)),
        # What the closing line commits to: the figure agreed, else the target's (see Stance.promise).
        "promise": amount(d.stance.promise if d.stance.promise is not None else target.monthly_payment),
    }


def limitation_values(lang: str, d: DebtPlan) -> dict[str, object]:
    x = d.limitation
    if x is None:
        return {"expires": "", "limitation_from": "", "estimate": ""}
    return {
        "expires": date(lang, x.expires),
        "limitation_from": date(lang, x.start),
        "estimate": t(lang, "safety.limitation.estimated" if x.estimated else "safety.limitation.known"),
    }


def over_reported_ceiling(d: DebtPlan) -> bool:
    """A contract rate above the 24% comprehensive-cost ceiling reported as guidance (facts.md §5, R)."""
    return d.debt.annual_rate > Decimal(24)
