"""`negotiator offer CASE OFFER`: is the offer a collector just made within the plan?

Also home of what `call` and `practice` share with it: a saved case's plan and one lender of it,
and an offer judged and put into words.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from negotiator.cli.options import choice, language
from negotiator.commands.lender import Lender, open_lender, standing_lines
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Message
from negotiator.core.money import plain
from negotiator.planning.offer import judge
from negotiator.planning.offer_reading import Unreadable, read_offer
from negotiator.render.layout import fit_table, screen_width, wrap_paragraph
from negotiator.render.safe import json_text
from negotiator.words import t

if TYPE_CHECKING:  # types only: `offer --help` need not load the plan
    from negotiator.planning.offer import Offer, Verdict

FORMATS = ("text", "json")


def asks(who: Lender) -> tuple[str | None, str | None]:
    """The target and the opening ask in the plan's words (the ladder read without assuming an
    opening: a plan may leave it out when it is the target)."""
    from negotiator.advice.asks import ask  # noqa: PLC0415

    held = who.debt.stance
    target, opening = held.target, held.opening
    lang = who.plan.lang
    return (ask(lang, who.debt, target) if target is not None else None,
            ask(lang, who.debt, opening) if opening is not None else None)


def judged(who: Lender, text: str) -> Verdict:
    """The offer read and judged; BadInput with examples when it cannot be read."""
    try:
        offer = read_offer(text)
    except Unreadable as exc:
        raise BadInput("offer.bad.unreadable", offer=text.strip(), examples=Message("offer.bad.examples")) from exc
    return judge(offer, who.debt, who.plan.numbers.plan_date)


def counter_words(who: Lender, v: Verdict) -> str | None:
    """The counter-offer said as the plan says the target (it is the target), else in offer words."""
    from negotiator.advice.offers import says  # noqa: PLC0415

    if v.counter is None:
        return None
    target_ask, _ = asks(who)
    if v.counter_is_target and target_ask:
        return target_ask
    return says(who.plan.lang, v.counter)


def columns() -> int:
    """The screen's width, as every command fits its text to it (render.layout)."""
    return screen_width()


def text_lines(who: Lender, v: Verdict) -> list[str]:
    from negotiator.advice.offers import says, screen, verdict_line  # noqa: PLC0415

    lang = who.plan.lang
    limit = columns()
    target_ask, opening_ask = asks(who)
    lines = []
    if v.expired:  # before anything else, as the plan puts the limitation warning first
        lines += wrap_paragraph(t(lang, "offer.screen.expired", lender=who.debt.lender), limit) + [""]
    lines += wrap_paragraph(t(lang, "offer.screen.title", lender=who.debt.lender, offer=says(lang, v.offer, v)), limit) + [""]

    kept = standing_lines(who)  # an agreed lender: what is paid and what is due, before the offer is weighed
    if kept:
        lines += [part for line in kept for part in wrap_paragraph(line, limit)] + [""]
    lines += fit_table(["", ""], screen(lang, v, target_ask, opening_ask, who.debt.debt.balance), align="ll", limit=limit, header=False)
    lines += [""] + wrap_paragraph(t(lang, "offer.screen.verdict", verdict=verdict_line(lang, v, counter_words(who, v))), limit)

    # A lender's name or the offer as typed is shown escaped, never obeyed (see render.safe).
    return [visible(line, newlines=False) for line in lines]


def offer_fields(offer: Offer | None) -> dict[str, Any] | None:
    if offer is None:
        return None
    return {
        "kind": offer.kind,
        "months": offer.months,
        "monthly": plain(offer.monthly) if offer.monthly is not None else None,
        "lump_sum": plain(offer.lump_sum) if offer.lump_sum is not None else None,
        "pause_months": offer.pause_months,
        "rate": None if offer.rate is None else {"basis": offer.rate.basis, "percent": str(offer.rate.percent)},
        "covers": offer.covers,
    }


def document(who: Lender, v: Verdict) -> dict[str, Any]:
    """The JSON contract of `offer --format json`."""
    from negotiator.render.json import schedule_rows  # noqa: PLC0415

    def money(value: Decimal | None) -> str | None:
        return plain(value) if value is not None else None

    from negotiator.render.json import stance  # noqa: PLC0415

    return {
        "lender": who.debt.lender,
        "stance": stance(who.debt.stance),
        "offer": offer_fields(v.offer),
        "monthly_payment": plain(v.monthly),
        "total_payable": plain(v.total_payable),
        "total_cost": plain(v.total_cost),
        "apr": plain(v.apr),
        "walk_away": plain(v.walk_away),  # a month's limit; for an offer paid at once, what can be paid at once
        "limit_kind": "once" if v.offer.kind == "settlement" else "monthly",
        "fits": v.fits,
        "vs_walk_away": plain(v.vs_walk_away),
        "vs_target": money(v.vs_target),
        "vs_opening": money(v.vs_opening),
        # Not said by the collector: null, with both readings when the amount was not said either.
        "interest_stops": v.interest_stops if v.rate_named else None,
        "rate_named": v.rate_named,
        # With no rate named: whether it is within the walk-away at the contract rate too (null when named).
        "fits_at_contract_rate": v.fits_at_contract_rate,
        "at_contract_rate": None if v.at_contract_rate is None else {
            "total_payable": plain(v.at_contract_rate.total_payable), "schedule": schedule_rows(v.at_contract_rate)},
        "penalties_waived": v.penalties_waived,
        "limitation_expired": v.expired,
        "verdict": v.verdict,
        "counter": offer_fields(v.counter),
        "schedule": schedule_rows(v.schedule),
    }


def run(name: str, offer: str, lender: str | None, fmt: str, lang: str | None) -> None:
    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, FORMATS)
    who = open_lender(name, lender, lang)
    v = judged(who, offer)
    if fmt == "json":
        sys.stdout.write(json_text(document(who, v)) + "\n")
    else:
        sys.stdout.write("\n".join(text_lines(who, v)) + "\n")
