"""The call script: eight steps per lender, in the answers file's order, filled with its figures."""

from __future__ import annotations

from negotiator.advice.kinds import FITS, LONGER, NO_MONEY, SETTLE, one_ask, variant
from negotiator.plan_records import Plan, Script, Step
from negotiator.planning import DebtPlan
from negotiator.words import t

# For each step, the form of words each variant uses (a step missing here has one form only).
_FORMS = {
    "willingness": {SETTLE: "pay", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money"},
    "opening_ask": {SETTLE: "settle", FITS: "ask", LONGER: "ask", NO_MONEY: "ask"},
    "fallback": {SETTLE: "settle", FITS: "fits", LONGER: "longer", NO_MONEY: "no_money"},
    "confirm": {SETTLE: "settle", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money"},
    "closing": {SETTLE: "settle", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money"},
}
STEPS = ("opening", "identity", "situation", "willingness", "opening_ask", "fallback", "confirm", "closing")


def script(plan: Plan, d: DebtPlan, values: dict[str, object]) -> Script:
    lang, kind = plan.lang, variant(d)
    steps = []
    for name in STEPS:
        if name == "situation":  # told with the income before the hardship when it is known
            key = "script.situation." + ("before" if plan.case.hardship.income_before is not None else "now")
        elif name == "fallback" and kind in (FITS, LONGER) and one_ask(d):
            key = f"script.fallback.{kind}_same"  # the ask was already the target: not asked twice
        elif name in _FORMS:
            key = f"script.{name}.{_FORMS[name][kind]}"
        else:
            key = f"script.{name}"
        steps.append(Step(step=name, text=t(lang, key, **values)))
    return Script(lender=d.lender, steps=tuple(steps))
