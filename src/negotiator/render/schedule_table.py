"""`negotiator calc`'s schedule, as text for a person on a call or as JSON for a program. Every
figure is the schedule's own (planning.schedules); whether it fits the budget is decided by the
command and only said here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from negotiator.advice.phrasing import term
from negotiator.core.money import plain, show
from negotiator.planning.schedules import Schedule
from negotiator.render.layout import fit_or_stack, screen_width, wrap
from negotiator.render.safe import json_text
from negotiator.render.table import table
from negotiator.words import t


def title(method: str, schedule: Schedule, annual: Decimal, fee: Decimal, principal: Decimal, lang: str) -> str:
    """The schedule's title with the rate or fee it was worked out at, so a fee reads as a fee."""
    name = t(lang, f"labels.methods.{method}")
    shared = {"method": name, "amount": show(principal), "months": term(lang, schedule.months)}
    if method == "flat_fee":
        # The fee of one instalment is the schedule's own figure (its first row's charge).
        return t(lang, "calc.title.fee", fee=f"{fee:.2f}", per_month=show(schedule.rows[0].interest), **shared)
    if method == "interest_free":
        return t(lang, "calc.title.free", **shared)
    return t(lang, "calc.title.rate", rate=f"{annual:.2f}", **shared)


def as_json(method: str, principal: Decimal, schedule: Schedule, budget: Decimal | None, fits: bool | None) -> str:
    from negotiator.render.json import schedule_rows  # noqa: PLC0415

    doc: dict[str, Any] = {
        "method": method,
        "amount": plain(principal),
        "months": schedule.months,
        "monthly_payment": plain(schedule.monthly_payment),
        "total_payable": plain(schedule.total_payable),
        "total_cost": plain(schedule.total_cost),
        "apr": plain(schedule.apr),
    }
    if budget is not None:
        doc["budget"] = plain(budget)
        doc["fits"] = fits
    doc["schedule"] = schedule_rows(schedule)
    return json_text(doc)


def as_text(method: str, principal: Decimal, schedule: Schedule, annual: Decimal, fee: Decimal, budget: Decimal | None,
            fits: bool | None, lang: str) -> str:
    """The title, the summary, whether it fits the budget, and the rows: as wide as the window
    allows, stacked rather than cut when it is narrow."""
    width = screen_width()
    lines = [*wrap(title(method, schedule, annual, fee, principal, lang), width), ""]
    summary = [
        (t(lang, "labels.calc.monthly_payment"), show(schedule.monthly_payment)),
        (t(lang, "labels.calc.total_payable"), show(schedule.total_payable)),
        (t(lang, "labels.calc.total_cost"), show(schedule.total_cost)),
        (t(lang, "labels.calc.apr"), f"{plain(schedule.apr)}%"),
    ]
    lines += table(["", ""], summary, align="lr", header=False)
    if budget is not None:
        key = "labels.calc.fits" if fits else "labels.calc.does_not_fit"
        lines += ["", *wrap(t(lang, key, budget=show(budget)), width)]
    lines.append("")
    cols = [t(lang, f"labels.columns.{c}") for c in ("n", "due", "payment", "principal", "interest", "remaining")]
    rows = [(str(r.n), r.due.isoformat(), show(r.payment), show(r.principal), show(r.interest), show(r.remaining)) for r in schedule.rows]
    lines += fit_or_stack(cols, rows, "rlrrrr", width, t(lang, "wizard.review.separator"))
    return "\n".join(lines)
