"""The rights and rules a borrower should know, each with its source, limitation first.

Facts only from facts.md: V-graded stated plainly, R-graded as reported, U-graded never.
"""

from __future__ import annotations

from negotiator.advice.phrasing import joined
from negotiator.advice.values import over_reported_ceiling
from negotiator.answers.case import DebtKind
from negotiator.records.plan import Plan, Right
from negotiator.words import t

ALWAYS = (
    "limitation",
    "limitation_expired",
    "notice",
    "records_kept",
    "free_report",
    "dispute",
    "special_transaction",
    "recording",
    "defaulters",
    "collectors_law",
    "collectors_rules",
    "complaints",
)
CARD_ONLY = ("individual_plan", "court_reduces")  # rules of bank cards, shown only with a card


def rights(plan: Plan) -> tuple[Right, ...]:
    lang, debts = plan.lang, plan.numbers.debts
    kinds = {d.debt.kind for d in debts}
    keys = list(ALWAYS)
    if DebtKind.credit_card in kinds:
        keys[keys.index("collectors_law"):keys.index("collectors_law")] = CARD_ONLY
    if DebtKind.huabei in kinds:
        keys.append("huabei_rates")
    if kinds & {DebtKind.huabei, DebtKind.jiebei}:
        keys.append("huabei_reporting")
    high = [d.lender for d in debts if over_reported_ceiling(d)]
    if high:
        keys.append("rate_ceiling")
    values = {"lenders_high": joined(lang, high)}
    return tuple(
        Right(text=t(lang, f"rights.{key}.text", **values), source=t(lang, f"rights.{key}.source"), grade=t(lang, f"rights.{key}.grade"))
        for key in keys
    )
