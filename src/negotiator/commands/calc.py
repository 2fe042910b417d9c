"""`negotiator calc`: one schedule, to check a collector's counter-offer during a call."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation

from negotiator.counts import whole_number
from negotiator.errors import BadInput
from negotiator.money import AmountError, parse_amount, plain, show
from negotiator.words import t

METHODS = ("annuity", "equal_principal", "flat_fee", "interest_free")


def _bad(lang: str, option: str, problem: str) -> BadInput:
    return BadInput(t(lang, "errors.usage.bad_value", option=option, problem=problem))


def _amount(lang: str, option: str, text: str) -> Decimal:
    try:
        return parse_amount(text)
    except AmountError as exc:
        raise _bad(lang, option, t(lang, f"errors.field.money_{exc.code}")) from exc


def _rate(lang: str, option: str, text: str, limit: int) -> Decimal:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation as exc:
        raise _bad(lang, option, t(lang, "cli.bad.rate", limit=limit)) from exc
    if not value.is_finite() or not 0 <= value <= limit:
        raise _bad(lang, option, t(lang, "cli.bad.rate", limit=limit))
    # As in the answers file (case.RATE_STEP): a vanishing rate like 1e-999999 is zero, not a
    # division by zero.
    return value.quantize(Decimal("0.000001")) if value.as_tuple().exponent < -6 else value  # type: ignore[operator]  # finite


def title(method: str, schedule, annual: Decimal, fee: Decimal, principal: Decimal, count: int, lang: str) -> str:
    """The schedule's title with the rate or fee it was worked out at, so a fee reads as a fee."""
    from negotiator.advice.phrasing import term

    name = t(lang, f"labels.methods.{method}")
    shared = {"method": name, "amount": show(principal), "months": term(lang, count)}
    if method == "flat_fee":
        # The fee of one instalment is the schedule's own figure (its first row's charge).
        return t(lang, "calc.title.fee", fee=f"{fee:.2f}", per_month=show(schedule.rows[0].interest), **shared)
    if method == "interest_free":
        return t(lang, "calc.title.free", **shared)
    return t(lang, "calc.title.rate", rate=f"{annual:.2f}", **shared)


def run(amount: str, months: str, method: str, rate: str | None, fee: str | None, budget: str | None, fmt: str, start: str | None, lang: str) -> None:
    from negotiator.options import choice
    from negotiator.planning.schedules import Method, build

    principal = _amount(lang, "--amount", amount)
    count = whole_number(months)
    if count is None or not 1 <= count <= 600:
        raise _bad(lang, "--months", t(lang, "cli.bad.months"))
    choice("--method", method, METHODS, lang)
    choice("--format", fmt, ("text", "json"), lang)
    annual = _rate(lang, "--annual-rate-percent", rate or "0", 400)
    fee_percent = _rate(lang, "--fee-percent", fee or "0", 100)
    budget_limit = _amount(lang, "--budget", budget) if budget is not None else None
    begin = dt.date.today()
    if start:
        # As people write a day: 2026-12-05, 12月5日, 下周一, next Monday.
        from negotiator.when import Unclear, parse_date

        try:
            day = parse_date(start, begin)
        except Unclear as exc:
            raise _bad(lang, "--start", t(lang, "asking.err.date")) from exc
        if day.to_month:
            raise _bad(lang, "--start", t(lang, "asking.err.day_needed"))
        begin = day.first
    # The same years an answers file allows (case.EARLIEST, case.LATEST), so that the last due
    # date of even a 600-month schedule is a real date.
    if not 1990 <= begin.year <= 2100:
        raise _bad(lang, "--start", t(lang, "errors.field.date_out_of_range"))
    if principal <= 0:
        raise _bad(lang, "--amount", t(lang, "errors.field.money_empty"))
    # A rate left out is not a rate of 0: an offer checked at 0% looks free when it is not.
    if rate is None and method in ("annuity", "equal_principal"):
        raise BadInput(t(lang, "calc.missing.rate", method=t(lang, f"labels.methods.{method}")))
    if fee is None and method == "flat_fee":
        raise BadInput(t(lang, "calc.missing.fee"))
    schedule = build(Method(method), principal, count, begin, annual, fee_percent)
    fits = None if budget_limit is None else schedule.largest_payment <= budget_limit
    if fmt == "json":
        from negotiator.render.json import schedule_rows

        doc = {
            "method": method,
            "amount": plain(principal),
            "months": schedule.months,
            "monthly_payment": plain(schedule.monthly_payment),
            "total_payable": plain(schedule.total_payable),
            "total_cost": plain(schedule.total_cost),
            "apr": plain(schedule.apr),
        }
        if budget_limit is not None:
            doc["budget"] = plain(budget_limit)
            doc["fits"] = fits
        doc["schedule"] = schedule_rows(schedule)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    from negotiator.render.layout import fit_or_stack, terminal_width, wrap
    from negotiator.render.table import table

    width = terminal_width()
    lines = [*wrap(title(method, schedule, annual, fee_percent, principal, count, lang), width), ""]
    summary = [
        (t(lang, "labels.calc.monthly_payment"), show(schedule.monthly_payment)),
        (t(lang, "labels.calc.total_payable"), show(schedule.total_payable)),
        (t(lang, "labels.calc.total_cost"), show(schedule.total_cost)),
        (t(lang, "labels.calc.apr"), f"{plain(schedule.apr)}%"),
    ]
    lines += table(["", ""], summary, align="lr", header=False)
    if budget_limit is not None:
        key = "labels.calc.fits" if fits else "labels.calc.does_not_fit"
        lines += ["", *wrap(t(lang, key, budget=show(budget_limit)), width)]
    lines.append("")
    cols = [t(lang, f"labels.columns.{c}") for c in ("n", "due", "payment", "principal", "interest", "remaining")]
    rows = [(str(r.n), r.due.isoformat(), show(r.payment), show(r.principal), show(r.interest), show(r.remaining)) for r in schedule.rows]
    lines += fit_or_stack(cols, rows, "rlrrrr", width, t(lang, "wizard.review.separator"))
    print("\n".join(lines))
