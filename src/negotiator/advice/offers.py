"""An offer and its verdict in words: what `offer` prints, and what `call` and `practice` show.

The figures come from planning.offer; this module only chooses sentences and fills them in.
"""

from __future__ import annotations

from decimal import Decimal

from negotiator.advice.phrasing import amount, months, percent
from negotiator.core.money import ZERO
from negotiator.planning.offer import (
    BALANCE,
    EXTENSION,
    FEE_MONTHLY,
    RATE_DAILY,
    RATE_MONTHLY,
    SETTLEMENT,
    Offer,
    Verdict,
)
from negotiator.words import t


def _rate(lang: str, offer: Offer) -> str:
    rate = offer.rate
    if rate is None:
        return ""
    if rate.percent == 0:
        return t(lang, "offer.says.interest_free")
    key = {FEE_MONTHLY: "fee", RATE_MONTHLY: "monthly_rate", RATE_DAILY: "daily_rate"}.get(rate.basis, "yearly_rate")
    return t(lang, f"offer.says.{key}", percent=percent(rate.percent))


def says(lang: str, offer: Offer, verdict: Verdict | None = None) -> str:
    """The offer put back into words ('36 instalments of 303.50 yuan'), with the rate if one was said."""
    if offer.kind == SETTLEMENT:
        return t(lang, "offer.says.settlement", lump_sum=amount(offer.lump_sum or ZERO))
    count = offer.months
    if verdict is not None and count is None:
        count = len(verdict.schedule.rows) - offer.pause_months - (1 if offer.lump_sum else 0)
    if offer.monthly is not None and offer.months is not None:
        rest = t(lang, "offer.says.instalments", months=count, monthly=amount(offer.monthly))
    elif offer.monthly is not None:
        rest = t(lang, "offer.says.instalments_open", months=count or "?", monthly=amount(offer.monthly))
    elif count:
        monthly = verdict.monthly if verdict is not None else ZERO
        rest = t(lang, "offer.says.instalments_built", months=count, monthly=amount(monthly))
    else:
        rest = ""
    rate = _rate(lang, offer)
    if rate and rest:
        rest = t(lang, "offer.says.with_rate", rest=rest, rate=rate)
    if offer.lump_sum:
        rest = t(lang, "offer.says.down", lump_sum=amount(offer.lump_sum), rest=rest) if rest else t(lang, "offer.says.settlement", lump_sum=amount(offer.lump_sum))
    if offer.kind == EXTENSION or offer.pause_months:
        pause = months(lang, offer.pause_months)
        rest = t(lang, "offer.says.pause", pause=pause, rest=rest) if rest else t(lang, "offer.says.pause_only", pause=pause)
    if offer.covers != BALANCE:
        rest = t(lang, f"offer.says.covers_{offer.covers}", rest=rest)
    return rest


def _against(lang: str, difference: Decimal, ask: str) -> str:
    if difference > 0:
        return t(lang, "offer.screen.more", amount=amount(difference), ask=ask)
    if difference < 0:
        return t(lang, "offer.screen.less", amount=amount(-difference), ask=ask)
    return t(lang, "offer.screen.same", ask=ask)


def verdict_line(lang: str, v: Verdict, counter_ask: str | None) -> str:
    """The one-line verdict: accept / counter with X / refuse (and the warning for an old debt)."""
    if v.expired:
        return t(lang, "offer.verdict.expired")
    if v.fits and v.fits_at_contract_rate is False and v.contract_monthly is not None:
        # Within the walk-away only if no further interest is charged: said plainly, never accepted.
        then = t(lang, "offer.verdict.counter", counter=counter_ask) if v.verdict == "counter" and counter_ask else t(lang, "offer.verdict.refuse")
        return t(lang, "offer.verdict.fits_only_interest_free", contract_monthly=amount(v.contract_monthly), walk_away=amount(v.walk_away), verdict=then)
    if v.verdict == "counter" and counter_ask:
        key = "offer.verdict.counter_fits" if v.fits else "offer.verdict.counter"
        return t(lang, key, counter=counter_ask)
    if v.verdict == "accept":
        line = t(lang, "offer.verdict.accept")
    else:
        line = t(lang, "offer.verdict.refuse")
    return line if v.rate_named else t(lang, "offer.verdict.rate_not_named", verdict=line)


def screen(lang: str, v: Verdict, target_ask: str | None, opening_ask: str | None, balance: Decimal) -> list[tuple[str, str]]:
    """(label, value) rows of the one-screen answer, in order."""
    rows: list[tuple[str, str]] = []
    once = v.offer.kind == "settlement"
    # A one-off payment is measured against what can be paid at once, never against a month's limit.
    limit = "once_" if once else ""
    if v.vs_walk_away < 0:
        against = t(lang, f"offer.screen.{limit}walk_away_under", amount=amount(-v.vs_walk_away), walk_away=amount(v.walk_away))
    elif v.vs_walk_away == 0:
        against = t(lang, f"offer.screen.{limit}walk_away_at", walk_away=amount(v.walk_away))
    else:
        against = t(lang, f"offer.screen.{limit}walk_away_over", amount=amount(v.vs_walk_away), walk_away=amount(v.walk_away))
    paid = v.offer.lump_sum if once and v.offer.lump_sum is not None else v.monthly
    if not once and v.largest > paid:
        said = t(lang, "offer.screen.paid_varies", amount=amount(paid), largest=amount(v.largest), against=against)
    else:
        said = t(lang, "offer.screen.paid", amount=amount(paid), against=against)
    rows.append((t(lang, "offer.screen.once" if once else "offer.screen.monthly"), said))
    rows.append((t(lang, "offer.screen.total_payable"), t(lang, "offer.screen.money", amount=amount(v.total_payable))))
    cost = v.total_cost
    if cost > 0:
        cost_text = t(lang, "offer.screen.cost_more", amount=amount(cost), balance=amount(balance))
    elif cost < 0:
        cost_text = t(lang, "offer.screen.cost_less", amount=amount(-cost), balance=amount(balance))
    else:
        cost_text = t(lang, "offer.screen.cost_none", balance=amount(balance))
    rows.append((t(lang, "offer.screen.total_cost"), cost_text))
    rows.append((t(lang, "offer.screen.apr"), f"{percent(v.apr)}%"))
    if v.vs_target is not None and target_ask:
        rows.append((t(lang, "offer.screen.target"), _against(lang, v.vs_target, target_ask)))
    if v.vs_opening is not None and opening_ask and opening_ask != target_ask:
        rows.append((t(lang, "offer.screen.opening"), _against(lang, v.vs_opening, opening_ask)))
    if v.at_contract_rate is not None:
        at = v.at_contract_rate
        regular = at.rows[v.offer.pause_months + (1 if v.offer.lump_sum else 0):]
        rows.append((t(lang, "offer.screen.at_contract_rate"), t(lang, "offer.screen.both_readings", monthly=amount(v.monthly),
                     total=amount(v.total_payable), contract_monthly=amount(regular[0].payment if regular else ZERO),
                     contract_total=amount(at.total_payable))))
    if not v.rate_named:
        interest = t(lang, "offer.screen.rate_not_named")
    elif v.interest_stops:
        interest = t(lang, "offer.screen.interest_stops")
        if v.penalties_waived:
            interest = t(lang, "offer.screen.and", first=interest, second=t(lang, "offer.screen.penalties_waived"))
    else:
        interest = t(lang, "offer.screen.interest_goes_on")
    rows.append((t(lang, "offer.screen.interest"), interest))
    return rows
