"""The call script: one per lender, in the answers file's order, filled with its figures.

A debt whose limitation may have run out gets the "check first, admit nothing" script instead:
it asks who is calling and for the papers, and says nothing that acknowledges the debt. A lender
that has agreed a plan gets a short script that holds to it: nothing is negotiated again.
"""

from __future__ import annotations

from negotiator.advice.kinds import (
    CAPPED,
    EXPIRED,
    FITS,
    LONGER,
    NO_MONEY,
    SETTLE,
    one_ask,
    variant,
)
from negotiator.answers.case import Stage
from negotiator.planning.engine import DebtPlan
from negotiator.planning.limitation import NEAR
from negotiator.planning.stance import Posture
from negotiator.records.plan import Plan, Script, Step
from negotiator.words import t

# For each step, the form of words each variant uses (a step missing here has one form only).
_FORMS = {
    "willingness": {SETTLE: "settle", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money", CAPPED: "pay"},
    "opening_ask": {SETTLE: "settle", FITS: "ask", LONGER: "ask", NO_MONEY: "pause", CAPPED: "pause"},
    "fallback": {SETTLE: "settle", FITS: "fits", LONGER: "longer", NO_MONEY: "no_money", CAPPED: "capped"},
    "confirm": {SETTLE: "settle", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money", CAPPED: "no_money"},
    "closing": {SETTLE: "settle", FITS: "pay", LONGER: "pay", NO_MONEY: "no_money", CAPPED: "no_money"},
}
STEPS = ("opening", "identity", "situation", "willingness", "opening_ask", "fallback", "refusal", "confirm", "closing")
# Once a plan is agreed: who is calling, what was agreed, that it is in writing, when the first
# payment is made. No ask, no fallback: reopening an agreement invites a higher demand.
AGREED = ("opening", "agreed", "confirm", "closing")
# Check first, admit nothing (facts.md section 6): no step names an amount or agrees to anything.
CHECK_FIRST = ("warning", "opening", "breakdown", "proof", "no_admission", "closing")
COURT_STAGES = (Stage.legal_threat, Stage.lawsuit)


def script(plan: Plan, d: DebtPlan, values: dict[str, object]) -> Script:
    lang, kind = plan.lang, variant(d)
    if kind == EXPIRED:
        return Script(lender=d.lender, steps=tuple(Step(step=name, text=t(lang, f"safety.check_first.{name}", **values)) for name in CHECK_FIRST))
    if d.agreed is not None:  # the agreed terms and nothing else; the closing line quotes the figure agreed
        once = d.stance.posture is Posture.settling
        keys = {"opening": "script.opening", "agreed": "script.agreed_settle" if once else "script.agreed",
                "confirm": "script.confirm.settle" if once else "script.confirm.pay",
                "closing": "script.closing.agreed_settle" if once else "script.closing.agreed"}
        return Script(lender=d.lender, steps=tuple(Step(step=name, text=t(lang, keys[name], **values)) for name in AGREED))
    steps = []
    if d.limitation is not None and d.limitation.status == NEAR:
        steps.append(Step(step="warning", text=t(lang, "safety.limitation.near_script", **values)))
    for name in STEPS:
        if name == "situation":  # told with the income before the hardship when it is known
            key = "script.situation." + ("before" if plan.case.hardship.income_before is not None else "now")
            key += "_nothing" if kind == NO_MONEY else ""  # the sums done show nothing to pay with yet
        elif name == "fallback" and kind in (FITS, LONGER) and one_ask(d):
            key = f"script.fallback.{kind}_same"  # the ask was already the target: not asked twice
        elif name in _FORMS:
            key = f"script.{name}.{_FORMS[name][kind]}"
        else:
            key = f"script.{name}"
        steps.append(Step(step=name, text=t(lang, key, **values)))
        if name == "identity" and d.debt.stage in COURT_STAGES:
            # Once the suit has started the step is about the suit, not about a threat of one.
            step = "lawsuit" if d.debt.stage is Stage.lawsuit else "court"
            steps.append(Step(step=step, text=t(lang, f"safety.court.script_{d.debt.stage.value}", **values)))
    return Script(lender=d.lender, steps=tuple(steps))
