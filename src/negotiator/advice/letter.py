"""The written repayment request (协商还款申请书), one per lender, with blanks for contact details."""

from __future__ import annotations

from negotiator.advice.kinds import LONGER, NO_MONEY, SETTLE, variant
from negotiator.plan_records import Letter, Plan
from negotiator.planning import DebtPlan
from negotiator.words import t

_REQUEST = {SETTLE: "request_settle", NO_MONEY: "request_none", LONGER: "request_longer"}


def letter(plan: Plan, d: DebtPlan, values: dict[str, object]) -> Letter:
    lang = plan.lang
    cause = plan.case.hardship.cause.value
    has_before = plan.case.hardship.income_before is not None
    keys = [
        "title",
        "to",
        "from",
        "situation" if has_before else "situation_now",
        "budget" if plan.numbers.budget.available > 0 else "budget_none",
        "debt",
        _REQUEST.get(variant(d), "request"),
        "freeze",
        "reply",
        "enclosed",
        "sign",
    ]
    proof = t(lang, f"letter.proof.{cause}")
    paragraphs = [t(lang, f"letter.{key}", proof=proof, **values) for key in keys]
    return Letter(lender=d.lender, text="\n\n".join(paragraphs))
