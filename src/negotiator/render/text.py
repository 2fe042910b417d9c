"""The plan as plain text (a first form: budget, proposals and offer ladder)."""

from __future__ import annotations

from negotiator.money import plain, show
from negotiator.plan import Plan
from negotiator.render.table import table
from negotiator.words import t


def render(plan: Plan) -> str:
    lang = plan.lang
    b = plan.numbers.budget
    lines = [t(lang, "labels.budget.title"), ""]
    rows = [
        (t(lang, "labels.budget.income"), show(b.income)),
        (t(lang, "labels.budget.essentials"), show(b.essentials)),
        (t(lang, "labels.budget.priority"), show(b.priority)),
        (t(lang, "labels.budget.surplus"), show(b.surplus)),
        (t(lang, "labels.budget.buffer", percent=b.buffer_percent), show(b.buffer)),
        (t(lang, "labels.budget.available"), show(b.available)),
    ]
    lines += table(["", ""], rows, align="lr", header=False)
    cols = [t(lang, f"labels.columns.{c}") for c in ("kind", "months", "monthly", "total", "apr", "fits")]
    for d in plan.numbers.debts:
        lines += ["", f"{d.lender}: {t(lang, 'labels.columns.balance')} {show(d.balance)}, {t(lang, 'labels.columns.share')} {show(d.share)}", ""]
        rows = [
            (t(lang, f"labels.kinds.{p.kind.value}"), str(p.months), show(p.monthly_payment), show(p.total_payable), f"{plain(p.apr)}%", t(lang, "labels.columns." + ("yes" if p.fits else "no")))
            for p in d.proposals
        ]
        lines += table(cols, rows, align="lrrrrl")
        lines += ["", t(lang, f"labels.reasons.{d.recommended.reason}")]
    return "\n".join(lines) + "\n"
