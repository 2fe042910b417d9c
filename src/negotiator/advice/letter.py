"""The written repayment request (协商还款申请书), one per lender, with blanks for contact details.

A debt whose limitation may have run out gets a request for information only: no amount, no
offer, nothing that acknowledges the debt.
"""

from __future__ import annotations

from negotiator.advice.kinds import CAPPED, EXPIRED, LONGER, NO_MONEY, SETTLE, variant
from negotiator.answers.case import DebtKind, ProposalKind, Stage
from negotiator.planning.engine import DebtPlan
from negotiator.planning.limitation import NEAR
from negotiator.records.plan import Letter, Plan
from negotiator.words import t

_REQUEST = {SETTLE: "request_settle", NO_MONEY: "request_none", LONGER: "request_longer", CAPPED: "request_capped"}
CHECK_FIRST = ("title", "to", "from", "ask", "items", "not_admitted", "reply", "close", "sign", "send")


def letter(plan: Plan, d: DebtPlan, values: dict[str, object]) -> Letter:
    lang = plan.lang
    kind = variant(d)
    if kind == EXPIRED:
        paragraphs = [t(lang, f"safety.check_letter.{key}", **values) for key in CHECK_FIRST]
        return Letter(lender=d.lender, text="\n\n".join(paragraphs))
    if d.agreed is not None:
        return Letter(lender=d.lender, text="\n\n".join(agreed_letter(plan, d, values)))
    cause = plan.case.hardship.cause.value
    has_before = plan.case.hardship.income_before is not None
    sued = d.debt.stage is Stage.lawsuit
    if kind == SETTLE:
        # The lump sum is offered as all there is: no monthly figure is put beside it.
        budget = "budget_settle"
    else:
        budget = "budget" if plan.numbers.budget.available > 0 else "budget_none"
    keys = [
        "title",
        "to",
        "from",
        *(("case",) if sued else ()),  # a suit has a number and a court: the letter has a line for both
        "situation" if has_before else "situation_now",
        budget,
        "debt",
        _REQUEST.get(kind, "request"),
        *(("lawsuit_deal",) if sued else ()),  # a deal must end the suit: mediation document or withdrawal
        *(() if kind == SETTLE else ("freeze",)),  # a settlement waives the rest: nothing to freeze
        "reply_settle" if kind == SETTLE else "reply",
        "enclosed",
        "close",
        "sign",
        "send_card" if d.debt.kind is DebtKind.credit_card else "send",
    ]
    proof = t(lang, f"letter.proof.{cause}")
    paragraphs = [t(lang, f"letter.{key}", proof=proof, **values) for key in keys]
    if d.limitation is not None and d.limitation.status == NEAR:
        # Sending it agrees to pay, which starts the three years again: said before it is sent.
        paragraphs.insert(0, t(lang, "safety.limitation.near_letter", **values))
    return Letter(lender=d.lender, text="\n\n".join(paragraphs))


def agreed_letter(plan: Plan, d: DebtPlan, values: dict[str, object]) -> list[str]:
    """Once terms are agreed, the letter asks for nothing new: it states the agreement (its monthly
    amount, count and first date, or the settlement's sum) and asks for it in writing."""
    lang = plan.lang
    a = d.agreed
    assert a is not None
    sued = d.debt.stage is Stage.lawsuit
    if a.kind is ProposalKind.settlement:
        terms, reply = ("letter.agreed.terms_settle" if a.months == 1 else "letter.agreed.terms_settle_parts"), "letter.reply_settle"
    else:
        terms, reply = "letter.agreed.terms", "letter.agreed.reply"
    keys = ["letter.agreed.title", "letter.to", "letter.from", *(("letter.case",) if sued else ()), "letter.debt", terms,
            *(("letter.lawsuit_deal",) if sued else ()), reply, "letter.agreed.close", "letter.sign",
            "letter.send_card" if d.debt.kind is DebtKind.credit_card else "letter.send"]
    return [t(lang, key, **values) for key in keys]
