"""Talking points: the case in a few lines the borrower can glance at during the call."""

from __future__ import annotations

from negotiator.advice.kinds import CAPPED, LONGER, NO_MONEY, SETTLE, one_ask, variant
from negotiator.answers.case import ProposalKind, Stage
from negotiator.records.plan import Plan
from negotiator.words import t


def talking_points(plan: Plan, values: dict[str, object], per_debt: list[dict[str, object]]) -> tuple[str, ...]:
    lang, case, n = plan.lang, plan.case, plan.numbers
    hardship = case.hardship
    points = [t(lang, "advice.talking.situation", **values)]
    if hardship.details:
        points.append(t(lang, "advice.talking.details", **values))
    points.append(t(lang, "advice.talking.expected" if hardship.expected_months else "advice.talking.long_term", **values))
    points.append(t(lang, "advice.talking.income_before" if hardship.income_before is not None else "advice.talking.income_now", **values))
    points.append(t(lang, "advice.talking.budget" if n.budget.available > 0 else "advice.talking.budget_none", **values))
    if case.lump_sum > 0:
        # The same-percentage sentence only when some lender's target is a settlement: a lump sum
        # the plan leaves aside is said to be left aside.
        settling = any(variant(d) == SETTLE for d in n.debts if d.ladder is not None)
        points.append(t(lang, "advice.talking.lump_sum" if settling else "advice.talking.lump_sum_kept", **values))
    for d, debt_values in zip(n.debts, per_debt, strict=True):
        if d.ladder is None:  # the limitation may have run out: no figure, no offer
            points.append(t(lang, "safety.talking.expired", **debt_values))
            continue
        if d.agreed is not None:  # what was agreed, and nothing to negotiate again
            once = d.agreed.kind is ProposalKind.settlement
            key = ("advice.talking.agreed_settle" if d.agreed.months == 1 else "advice.talking.agreed_settle_parts") if once else "advice.talking.agreed"
            points.append(t(lang, key, **debt_values))
            if d.debt.stage is Stage.lawsuit:
                points.append(t(lang, "advice.talking.lawsuit", **debt_values))
            continue
        if variant(d) == SETTLE:
            key = "advice.talking.debt_settle"
        elif variant(d) == NO_MONEY:
            key = "advice.talking.debt_nothing"
        else:
            key = "advice.talking.debt_same" if one_ask(d) else "advice.talking.debt"
        points.append(t(lang, key, **debt_values))
        target = d.ladder.target
        if variant(d) == LONGER:
            points.append(t(lang, "advice.talking.longer", **debt_values))
        if variant(d) == CAPPED:
            points.append(t(lang, "advice.talking.capped", **debt_values))
        if d.debt.stage is Stage.lawsuit:
            points.append(t(lang, "advice.talking.lawsuit", **debt_values))
        if target.interest_during_pause == "accrues" and target.accrual_if_not_frozen > 0:
            points.append(t(lang, "advice.talking.accrual", **debt_values))
        if target.kind is d.recommended.kind:
            reason = t(lang, f"labels.reasons.{d.recommended.reason}")
            points.append(t(lang, "advice.talking.reason", lender=d.lender, reason=reason))
    return tuple(points)
