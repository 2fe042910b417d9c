"""The plan as JSON: the documented, stable contract of `negotiator plan --format json`.

Money is a string with two decimals; dates are ISO; debts keep the order of the answers file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from decimal import Decimal
from enum import Enum
from typing import Any

from negotiator.money import plain
from negotiator.planning import DebtPlan
from negotiator.planning.proposals import Proposal
from negotiator.planning.schedules import Schedule
from negotiator.plan import Plan
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


def schedule_rows(schedule: Schedule) -> list[dict[str, Any]]:
    # Most rows repeat the same payment, principal and interest: each amount is formatted once.
    shown: dict[Decimal, str] = {}

    def money(amount: Decimal) -> str:
        text = shown.get(amount)
        if text is None:
            text = shown[amount] = plain(amount)
        return text

    return [
        {"n": r.n, "due": r.due.isoformat(), "payment": money(r.payment), "principal": money(r.principal), "interest": money(r.interest), "remaining": money(r.remaining)}
        for r in schedule.rows
    ]


def proposal(p: Proposal) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": p.kind.value,
        "months": p.months,
        "monthly_payment": plain(p.monthly_payment),
        "total_payable": plain(p.total_payable),
        "total_cost": plain(p.total_cost),
        "apr": plain(p.apr),
        "fits": p.fits,
        "amount": plain(p.amount),
        "waived": plain(p.waived),
        "interest_frozen": p.interest_frozen,
    }
    if p.pause_months:
        out.update(pause_months=p.pause_months, pause_payment=plain(p.pause_payment), accrual_if_not_frozen=plain(p.accrual_if_not_frozen))
    if p.settlement_percent is not None:
        out["settlement_percent"] = plain(p.settlement_percent)
    out["schedule"] = schedule_rows(p.schedule)
    return out


def debt(d: DebtPlan, lang: str) -> dict[str, Any]:
    return {
        "lender": d.lender,
        "kind": d.debt.kind.value,
        "balance": plain(d.balance),
        "principal": plain(d.debt.principal),
        "interest": plain(d.debt.interest),
        "penalties": plain(d.debt.penalties),
        "annual_rate_percent": plain(d.debt.annual_rate),
        "share": plain(d.share),
        "chosen": d.debt.chosen.value if d.debt.chosen else None,
        "recommended": {
            "kind": d.recommended.kind.value,
            "reason": t(lang, f"labels.reasons.{d.recommended.reason}"),
        },
        "ladder": {
            "opening": proposal(d.ladder.opening),
            "target": proposal(d.ladder.target),
            "walk_away": plain(d.ladder.walk_away),
        },
        "proposals": [proposal(p) for p in d.proposals],
    }


def document(plan: Plan) -> dict[str, Any]:
    """The plan as plain data: what `--format json` prints and what other programs may rely on."""
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
        },
        "total_balance": plain(n.total_balance),
        "lump_sum": plain(plan.case.lump_sum),
        "debts": [debt(d, plan.lang) for d in n.debts],
    }
    if plan.content is not None:
        doc.update(_value(plan.content))
    if plan.log:
        doc["contact_log"] = _value(list(plan.log))
    if plan.agreement is not None:
        doc["agreement"] = _value(plan.agreement)
    return doc


def _flat(value: Any) -> bool:
    """A list of records whose fields are all plain values: a schedule's rows."""
    return (isinstance(value, list) and len(value) > 1 and all(isinstance(x, dict) for x in value)
            and all(not isinstance(v, (dict, list)) for x in value for v in x.values()))


def render(plan: Plan) -> str:
    """The document indented, except that a schedule's rows are one row a line. Python indents
    JSON slowly, a character at a time: a plan of 200 debts holds about 100,000 rows, which
    written this way take a tenth of the time and memory. The values are the same either way."""
    doc = document(plan)
    nonce = secrets.token_hex(8)  # a placeholder no value of the plan can spell
    held: list[list[str]] = []  # each schedule's rows, already written, so its dicts can go

    def hold(node: Any) -> Any:
        if isinstance(node, dict):
            for key, value in node.items():
                if _flat(value):
                    node[key] = f"{nonce}:{len(held)}"
                    held.append([json.dumps(row, ensure_ascii=False) for row in value])
                else:
                    hold(value)
        elif isinstance(node, list):
            for item in node:
                hold(item)
        return node

    text = json.dumps(hold(doc), ensure_ascii=False, indent=2)

    def rows(match: re.Match[str]) -> str:
        indent = match.group(1)
        lines = (f"{indent}  {row}" for row in held[int(match.group(3))])
        return f"{indent}{match.group(2)}[\n" + ",\n".join(lines) + f"\n{indent}]"

    return re.sub(rf'^( *)(.*?)"{nonce}:(\d+)"', rows, text, flags=re.MULTILINE) + "\n"
