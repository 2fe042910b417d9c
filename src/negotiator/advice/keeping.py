"""What to do about an agreement: before a payment is missed, and once it is paid in full.

Before: the steps in the order a debt adviser gives them (contact the lender before the due date,
ask in writing for a short pause or a lower payment for a named number of months, never just skip),
a script for that call and a short letter, all filled with the agreement's own figures. After: the
结清证明, the credit report one to two months later, an objection (异议) and then the local PBoC
branch, keeping every paper; each step with its source and grade from facts.md (sections 4 and 9),
and two letters. The figures are planning.standing's; here they are only put into words.
"""

from __future__ import annotations

from typing import Any

from negotiator.core.enums import Keeping
from negotiator.core.money import show
from negotiator.planning.standing import ASK_MONTHS, Standing, way_out
from negotiator.records.plan import KeepingAdvice, Letter, Plan, Right
from negotiator.words import t

AT_RISK_STEPS = ("before", "ask", "never_skip", "in_writing")
WAY_OUT_STEPS = ("proof", "report", "objection", "pboc", "records_kept", "keep")


def keeping(plan: Plan) -> tuple[KeepingAdvice, ...]:
    """Advice for each agreement at risk or paid in full, in the agreements' order."""
    if plan.kept is None:
        return ()
    out = []
    for s in plan.kept.standings:
        if s.status is Keeping.completed:
            out.append(_way_out(plan.lang, s))
        elif s.at_risk:
            out.append(_at_risk(plan.lang, s))
    return tuple(out)


def _right(lang: str, area: str, key: str, values: dict[str, Any]) -> Right:
    return Right(text=t(lang, f"keeping.{area}.{key}.text", **values), source=t(lang, f"keeping.{area}.{key}.source"),
                 grade=t(lang, f"keeping.{area}.{key}.grade"))


def _common(lang: str, s: Standing) -> dict[str, Any]:
    a = s.agreement
    return {
        "lender": s.lender,
        "kind": t(lang, f"labels.kinds.{a.kind.value}"),
        "months": a.months,
        "monthly": show(a.monthly),
        "first_due": a.first_due.isoformat(),
        "total": show(s.total),
        "paid": show(s.paid),
        "remaining": show(s.remaining),
        "ends": s.ends.isoformat(),
    }


def _at_risk(lang: str, s: Standing) -> KeepingAdvice:
    values = _common(lang, s)
    due = s.next_due
    lower = s.affordable if s.affordable is not None else s.agreement.monthly
    values.update(
        due_date=due.date.isoformat() if due else t(lang, "keeping.at_risk.next_agreed"),
        due_amount=show(due.amount) if due else "",
        missed=t(lang, "keeping.date_separator").join(d.isoformat() for d in s.missed),
        overdue=show(s.overdue),
        ask_months=ASK_MONTHS,
        lower=show(lower),
    )
    # Nothing left a month for it: the honest ask is a pause, not a smaller amount. A budget that
    # still covers the agreed amount asks to spread what was missed instead.
    ask = "ask_pause" if lower <= 0 else "ask_lower" if lower < s.agreement.monthly else "ask_catch_up"
    values["ask"] = t(lang, f"keeping.at_risk.{ask}", **values)
    situation = "behind" if s.status is Keeping.behind else "due_soon"
    values["why"] = t(lang, f"keeping.at_risk.why_{situation}", **values)
    steps = tuple(_right(lang, "at_risk", key, values) for key in AT_RISK_STEPS)
    script = tuple(t(lang, f"keeping.at_risk.script.{key}", **values) for key in ("open", situation, "ask", "writing", "close"))
    letter = "\n\n".join(t(lang, f"keeping.at_risk.letter.{key}", **values) for key in ("title", "to", "from", "agreement", "why", "ask", "reply", "sign", "send"))
    return KeepingAdvice(s.lender, "at_risk", steps, script, (Letter(s.lender, letter),))


def _way_out(lang: str, s: Standing) -> KeepingAdvice:
    values = _common(lang, s)
    out = way_out(s)
    assert out is not None  # a completed agreement has its way out
    values.update(proof_by=out.proof.isoformat(), report_from=out.report_from.isoformat(), report_until=out.report_until.isoformat())
    steps = tuple(_right(lang, "way_out", key, values) for key in WAY_OUT_STEPS)
    letters = tuple(
        Letter(s.lender, "\n\n".join(t(lang, f"keeping.way_out.{which}.{key}", **values) for key in keys))
        for which, keys in (("proof_letter", ("title", "to", "from", "body", "ask", "enclosed", "sign", "send")),
                            ("objection_letter", ("title", "to", "from", "body", "ask", "enclosed", "sign", "send")))
    )
    return KeepingAdvice(s.lender, "way_out", steps, (), letters)
