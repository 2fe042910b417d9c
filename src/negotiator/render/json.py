"""The plan as JSON: the documented, stable contract of `negotiator plan --format json`.

Money is a string with two decimals; dates are ISO; debts keep the order of the answers file.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from negotiator.core.money import daily, plain
from negotiator.plan import Plan
from negotiator.planning.engine import DebtPlan
from negotiator.planning.limitation import Limitation
from negotiator.planning.proposals import Proposal
from negotiator.planning.schedules import Schedule
from negotiator.planning.stance import Stance
from negotiator.render.incidents import so_far_data
from negotiator.render.safe import json_text
from negotiator.words import t


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a plan record (a NamedTuple)
        return {name: _value(getattr(value, name)) for name in value._fields}
    if hasattr(value, "model_dump"):
        return _value(value.model_dump())
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    return value


def _money_once() -> Callable[[Decimal], str]:
    """A formatter that formats each amount once: most rows repeat the same payment, principal
    and interest."""
    shown: dict[Decimal, str] = {}

    def money(amount: Decimal) -> str:
        text = shown.get(amount)
        if text is None:
            text = shown[amount] = plain(amount)
        return text

    return money


def schedule_rows(schedule: Schedule) -> list[dict[str, Any]]:
    money = _money_once()
    return [
        {"n": r.n, "due": r.due.isoformat(), "payment": money(r.payment), "principal": money(r.principal), "interest": money(r.interest), "remaining": money(r.remaining)}
        for r in schedule.rows
    ]


def proposal(p: Proposal, rows: Callable[[Schedule], Any] = schedule_rows) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": p.kind.value,
        "months": p.months,
        # A pause with nothing to pay has no monthly amount at all.
        "monthly_payment": None if p.pause_only else plain(p.monthly_payment),
        "total_payable": plain(p.total_payable),
        "total_cost": plain(p.total_cost),
        "apr": plain(p.apr),
        "fits": p.fits,
        "amount": plain(p.amount),
        "waived": plain(p.waived),
        "interest_frozen": p.interest_frozen,
        "within_usual_terms": p.within_usual_terms,
        "interest_during_pause": p.interest_during_pause,
    }
    if p.pause_months:
        out.update(pause_months=p.pause_months, pause_payment=plain(p.pause_payment), accrual_if_not_frozen=plain(p.accrual_if_not_frozen))
    if p.settlement_percent is not None:
        out["settlement_percent"] = plain(p.settlement_percent)
    out["schedule"] = rows(p.schedule)
    return out


def debt(d: DebtPlan, lang: str, rows: Callable[[Schedule], Any] = schedule_rows) -> dict[str, Any]:
    return {
        "lender": d.lender,
        "kind": d.debt.kind.value,
        "balance": plain(d.balance),
        "principal": plain(d.debt.principal),
        "interest": plain(d.debt.interest),
        "penalties": plain(d.debt.penalties),
        "annual_rate_percent": plain(d.debt.annual_rate),
        "daily_rate_percent": daily(d.debt.daily_rate_percent) if d.debt.daily_rate_percent is not None else None,
        "contract_monthly": plain(d.debt.contract_monthly),
        "share": plain(d.share),
        "chosen": d.debt.chosen.value if d.debt.chosen else None,
        "recommended": {
            "kind": d.recommended.kind.value,
            "reason": t(lang, f"labels.reasons.{d.recommended.reason}"),
        },
        "ladder": None if d.ladder is None else {  # no ladder: nothing to offer this lender
            "opening": None if d.ladder.opening is None else proposal(d.ladder.opening, rows),
            "target": proposal(d.ladder.target, rows),
            "walk_away": plain(d.ladder.walk_away),
            "walk_away_once": d.ladder.once,
            "usual_terms": None if d.ladder.usual is None else proposal(d.ladder.usual, rows),
        },
        "agreed": d.agreed is not None,
        "stance": stance(d.stance),
        "limitation": limitation(d.limitation),
        # An expired limitation is offered nothing, so no proposal is put where a program might show it.
        "proposals": [] if d.ladder is None else [proposal(p, rows) for p in d.proposals],
    }


def _terms(p: Proposal | None) -> dict[str, Any] | None:
    """A proposal's headline figures, as the stance quotes them."""
    if p is None:
        return None
    return {"kind": p.kind.value, "months": p.months, "pause_months": p.pause_months,
            "monthly_payment": None if p.pause_only else plain(p.monthly_payment), "total_payable": plain(p.total_payable)}


def stance(s: Stance) -> dict[str, Any]:
    """Where the borrower stands with one lender: the same object in `show`, `offer` and
    `practice`, so a program reads every lender's limits one way."""
    a = s.agreed
    return {
        "lender": s.lender,
        "posture": s.posture.value,
        "share": plain(s.share),
        "walk_away": plain(s.walk_away),
        "most_at_once": plain(s.most_at_once),
        "target": _terms(s.target),
        "opening": _terms(s.opening),
        "agreed": None if a is None else _agreement(a, None),  # its terms; where it stands is under "agreements"
        "promise": None if s.promise is None else plain(s.promise),
    }


def limitation(x: Limitation | None) -> dict[str, Any] | None:
    if x is None:
        return None
    return {"from": x.start.isoformat(), "expires": x.expires.isoformat(), "status": x.status, "estimated": x.estimated}


def document(plan: Plan, rows: Callable[[Schedule], Any] = schedule_rows) -> dict[str, Any]:
    """The plan as plain data: what `--format json` prints and what other programs may rely on.
    `rows` gives a schedule's rows (render passes one that writes them at once)."""
    n = plan.numbers
    b = n.budget
    doc: dict[str, Any] = {
        "schema_version": 1,
        "language": plan.lang,
        "plan_date": n.plan_date.isoformat(),
        "budget": {
            "income": plain(b.income),
            "essentials": plain(b.essentials),
            "priority": plain(b.priority),
            "surplus": plain(b.surplus),
            "buffer_percent": str(b.buffer_percent),
            "buffer": plain(b.buffer),
            "available": plain(b.available),
            # The words quote it when the hardship is told; it is the borrower's own figure.
            "income_before": None if plan.case.hardship.income_before is None else plain(plan.case.hardship.income_before),
            **_cover(n),
        },
        "next_follow_up": plan.follow_up.isoformat() if plan.follow_up else None,
        "total_balance": plain(n.total_balance),
        "lump_sum": plain(plan.case.lump_sum),
        "debts": [debt(d, plan.lang, rows) for d in n.debts],
    }
    if plan.content is not None:
        doc.update(_value(plan.content))
    if plan.log:
        doc["contact_log"] = _value(list(plan.log))
    # The current agreement with each lender; an empty list until one is recorded.
    doc["agreements"] = [_agreement(a, plan.kept.of(a.lender) if plan.kept else None) for a in plan.agreements]
    # Every payment recorded, in the order recorded; an empty list until one is.
    doc["payments"] = [_payment(p, plan.kept) for p in plan.payments]
    if plan.incidents is not None:

        doc["incidents"] = so_far_data(plan.incidents)
    return doc


def _agreement(a: Any, s: Any = None) -> dict[str, Any]:
    """An agreement, with where it stands today (planning.standing)."""
    out = {"lender": a.lender, "kind": a.kind.value, "months": a.months, "monthly": plain(a.monthly),
           "first_due": a.first_due.isoformat(), "recorded": a.recorded.isoformat() if a.recorded else None}
    if s is not None:
        out.update(
            paid=plain(s.paid),
            remaining=plain(s.remaining),
            next_due=None if s.next_due is None else {"date": s.next_due.date.isoformat(), "amount": plain(s.next_due.amount)},
            missed=[d.isoformat() for d in s.missed],
            overdue=plain(s.overdue),
            ends=s.ends.isoformat(),
            status=s.status.value,
        )
    return out


def _payment(p: Any, kept: Any) -> dict[str, Any]:
    """A payment recorded; `toward` says which agreement it counts toward (its lender's), or null
    with `flag` saying why it counts toward none."""
    stray = next((x for x in kept.stray if x.payment is p), None) if kept is not None else None
    return {"lender": p.lender, "date": p.date.isoformat(), "amount": plain(p.amount), "note": p.note,
            "counted": stray is None, "flag": None if stray is None else stray.reason}


def _cover(n: Any) -> dict[str, Any]:
    c = n.cover
    return {
        "covers_all": c.covers_all,
        "shortfall": plain(c.shortfall),
        "lump_sum_used": plain(c.lump_sum_used),
        "lump_sum_left": plain(c.lump_sum_left),
        "asks": list(c.asks),
    }


def render(plan: Plan) -> str:
    """The document indented, except that a schedule's rows are one row a line. Python indents
    JSON slowly, a value at a time, and a plan of 200 debts holds about 100,000 rows: written
    straight from the schedule they take a fraction of the time and memory. The values are the
    same as in `document`."""
    nonce = secrets.token_hex(8)  # a placeholder no value of the plan can spell
    held: list[list[str]] = []
    seen: dict[int, str] = {}
    money = _money_once()

    def rows(schedule: Schedule) -> str:
        if id(schedule) not in seen:  # the target is also among the proposals: written once
            held.append([
                f'{{"n": {r.n}, "due": "{r.due.isoformat()}", "payment": "{money(r.payment)}", "principal": "{money(r.principal)}", '
                f'"interest": "{money(r.interest)}", "remaining": "{money(r.remaining)}"}}'
                for r in schedule.rows
            ])
            seen[id(schedule)] = f"{nonce}:{len(held) - 1}"
        return seen[id(schedule)]

    text = json_text(document(plan, rows))

    def place(match: re.Match[str]) -> str:
        indent, lines = match.group(1), held[int(match.group(3))]
        if not lines:
            return f"{indent}{match.group(2)}[]"
        body = ",\n".join(f"{indent}  {row}" for row in lines)
        return f"{indent}{match.group(2)}[\n{body}\n{indent}]"

    # The final newline goes on before the rows do: adding it after would copy the whole text.
    return re.sub(rf'^( *)(.*?)"{nonce}:(\d+)"', place, text + "\n", flags=re.MULTILINE)
