"""A collector's offer as people say it, and what it means against one lender's plan.

`read_offer` turns "12期 每期1200", "1200 a month for 12 months", "一次性 8000", "先停 3 个月再分
24 期", with an optional rate ("月费率0.6%", "18% a year"), into an `Offer`. `judge` builds the
offer's schedule with the same arithmetic as the plan and `calc` (so the same APR), and compares it
with the lender's walk-away, target and opening ask. Pure numbers: no words, no printing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_UP, Decimal, InvalidOperation
from typing import Any, NamedTuple

from negotiator.money import ZERO, AmountError, fen, parse_amount
from negotiator.planning import schedules
from negotiator.planning.schedules import Instalment, Schedule

MAX_MONTHS = 120
# Rate bases: a flat fee on the amount each month (Huabei, card instalments), or an interest rate.
FEE_MONTHLY, RATE_MONTHLY, RATE_YEARLY, RATE_DAILY = "monthly_fee", "monthly", "yearly", "daily"
# What an offer is, in the plan's own names.
INSTALMENTS, SETTLEMENT, EXTENSION = "instalments", "settlement", "extension"
# What the offer is worked out on: the whole balance, or with penalties (and interest) waived.
BALANCE, NO_PENALTIES, PRINCIPAL = "balance", "principal_and_interest", "principal"


class Unreadable(ValueError):
    """Nothing we can read as an offer; the caller shows examples of what we can."""


class Rate(NamedTuple):
    basis: str  # monthly_fee, monthly, yearly, daily
    percent: Decimal

    @property
    def annual(self) -> Decimal:
        """As an annual interest rate for an annuity; a daily rate counts 365 days, as contracts do."""
        if self.basis == RATE_MONTHLY:
            return self.percent * 12
        if self.basis == RATE_DAILY:
            return self.percent * 365
        return self.percent


class Offer(NamedTuple):
    kind: str  # instalments, settlement, extension
    months: int | None = None  # instalments after any pause
    monthly: Decimal | None = None
    lump_sum: Decimal | None = None  # a settlement, or a down payment before instalments
    pause_months: int = 0
    rate: Rate | None = None
    covers: str = BALANCE  # balance, principal_and_interest (penalties waived) or principal


# ---- reading ---------------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(r"[零一二两三四五六七八九十][零一二两三四五六七八九十百千万]*")


def cn_number(text: str) -> int:
    """A number said in Chinese, the colloquial way too: 十二 12, 二十四 24, 一千二 1200, 一万五 15000."""
    total = section = digit = 0
    last_unit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            last_unit = _CN_UNITS[char]
            section += (digit or 1) * last_unit
            digit = 0
        else:  # 万
            total += (section + digit) * 10000
            section = digit = 0
            last_unit = 10000
    if digit and len(text) >= 2 and text[-2] in "百千万":
        digit *= last_unit // 10  # 一千二 is 1200, 一万五 is 15000: a digit after the unit is its tenth
    return total + section + digit


def normal_text(text: str) -> str:
    """Full-width forms folded, lower case, thousands separators and spaces inside numbers dropped,
    numbers said in Chinese (before a month word, or with 百/千/万) turned into digits."""
    s = unicodedata.normalize("NFKC", text).lower()
    s = re.sub(r"(?<=\d)[,，](?=\d{3})", "", s)
    s = s.replace("×", " x ").replace("*", " x ").replace("％", "%")
    s = _CN_NUMBER.sub(lambda m: str(cn_number(m.group())) if _is_number(s, m) else m.group(), s)
    return re.sub(r"\s+", " ", s).strip()


def _is_number(s: str, found: re.Match[str]) -> bool:
    return bool(re.search("[百千万十]", found.group())) or len(found.group()) > 1 or _month_word_follows(s, found.end()) \
        or bool(re.match(r"\s*(元|块)", s[found.end():]))


def _month_word_follows(s: str, end: int) -> bool:
    return bool(re.match(r"\s*(个月|个|期|月)", s[end:]))


_NUM = r"(\d+(?:\.\d+)?)"
_AMT = r"(?:¥|rmb|cny)?\s*(\d+(?:\.\d+)?\s*(?:万|w|千|k)?)\s*(?:元|块钱|块|yuan|rmb)?"
_INT = r"(?<![\d.])(\d{1,3})(?![\d.])"
_MONTH = r"(?:个月|月|期|months?|mos?|instal?ments?|payments?)"

# Each pattern takes its words out of the text once read, so a number is never read twice.
_PAUSE = [
    rf"{_INT}\s*个?月\s*(?:以|之)?后",
    rf"(?:先|头|前)?(?:停|暂停|缓|停催|停还|停息|延期|延后)\s*{_INT}\s*(?:个月|月)",
    rf"(?:pause|holiday|break|defer(?:ral|red)?|freeze|nothing|no payments?)\s*(?:of|for)?\s*{_INT}\s*months?",
    rf"{_INT}\s*months?\s*(?:pause|holiday|off|break|deferral|free|with nothing to pay)",
]
_MONTHLY_RATE = [
    rf"(?:月利率|月息|每月利息)\s*{_NUM}\s*%?",
    rf"{_NUM}\s*%\s*(?:a|per|each)\s*month(?:ly)?\s*interest",
    rf"monthly (?:interest|rate)\s*(?:of)?\s*{_NUM}\s*%",
]
_DAILY_RATE = [
    rf"(?:日利率|日息|日费率)\s*{_NUM}\s*%?",
    rf"{_NUM}\s*%\s*(?:a|per|each)\s*day",
]
_YEARLY_RATE = [
    rf"(?:年化利率|年化|年利率|年息|年费率|apr)\s*{_NUM}\s*%?",
    rf"{_NUM}\s*%\s*(?:a|per|each)?\s*(?:year|annum|annual(?:ly)?|apr|p\.?a\.?|年化)",
    rf"(?:利率|利息|interest rate|interest)\s*(?:of|is)?\s*{_NUM}\s*%",
    rf"{_NUM}\s*%\s*interest",
]
# A percentage a month said without "interest" is how instalment fees are quoted (花呗, card 分期).
_FEE = [
    rf"(?:月费率|每月手续费|月手续费|每期手续费|每期费率|分期费率|手续费率|费率|手续费)\s*{_NUM}\s*%?",
    rf"{_NUM}\s*%\s*(?:monthly fee|fee a month|fee per month|fee each month|fee)",
    rf"{_NUM}\s*%\s*(?:a|per|each)\s*(?:month|instal?ment)",
    rf"(?:monthly fee|fee)\s*(?:of)?\s*{_NUM}\s*%",
]
_PRINCIPAL = [r"只还本金|仅还本金|本金分|利息和罚息(?:全|都)?(?:减)?免|减免利息和罚息|免息免罚息|"
              r"principal only|only the principal|just the principal|interest and penalt\w* waived|waive (?:the )?interest and penalt\w*"]
_NO_PENALTIES = [r"减免罚息|免罚息|免除罚息|罚息全免|罚息减免|减免违约金|免违约金|"
                 r"waive (?:the )?penalt\w*|penalt\w* waived|no penalt\w*|drop(?:ping)? the penalt\w*|without penalt\w*"]
_FREE = [r"免息|停息|不收利息|无息|零利息|interest[- ]free|no interest|without interest|0 interest"]
_LUMP = [
    rf"(?:一次性(?:还清|结清|付清|还|付)?|结清|一笔还清|打折结清)\s*(?:还|付)?\s*{_AMT}",
    rf"{_AMT}\s*(?:一次性(?:还清|结清|付清)?|结清)",
    rf"(?:settle(?:ment)?|full and final(?: settlement)?|lump sum|one[- ]off(?: payment)?|pay off)\s*(?:of|for|at|with)?\s*{_AMT}",
    rf"{_AMT}\s*(?:to settle|in one go|at once|lump sum|one[- ]off|in full|once)",
]
_DOWN = [
    rf"(?:首付|先付|先还|首期)\s*{_AMT}",
    rf"{_AMT}\s*(?:down|up ?front|first)",
    rf"(?:down payment|deposit|up ?front)\s*(?:of)?\s*{_AMT}",
]
_MONTHLY = [
    rf"(?:每期|每月|月供|每个月|1个月|1月|每期还|每月还)\s*(?:还|付|交)?\s*{_AMT}",
    rf"{_AMT}\s*(?:/|每|一)\s*(?:月|期|个月|month|mo)",
    rf"{_AMT}\s*(?:a|per|each|every)\s*(?:month|instal?ment|payment)",
    rf"{_AMT}\s*monthly",
    rf"monthly\s*(?:payments?)?\s*(?:of)?\s*{_AMT}",
]
_MONTHS = [
    rf"(?:分|还|over|for|in)?\s*{_INT}\s*{_MONTH}",
]
_TIMES = [rf"{_INT}\s*x\s*{_AMT}", rf"{_AMT}\s*x\s*{_INT}"]


def _take(text: str, patterns: list[str]) -> tuple[re.Match[str] | None, str]:
    for pattern in patterns:
        found = re.search(pattern, text)
        if found:
            return found, text[: found.start()] + " ; " + text[found.end() :]
    return None, text


def _money(found: str) -> Decimal:
    try:
        return parse_amount(found)
    except AmountError as exc:
        raise Unreadable(found) from exc


def _percent(found: str) -> Decimal:
    try:
        value = Decimal(found)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise Unreadable(found) from exc
    if not 0 <= value <= 400:
        raise Unreadable(found)
    return value


def _count(found: str) -> int:
    value = int(found)
    if not 1 <= value <= MAX_MONTHS:
        raise Unreadable(found)
    return value


def read_offer(text: str) -> Offer:
    """An offer as people say it, in Chinese or English; Unreadable when nothing fits or a number
    is left over that we could not place."""
    s = normal_text(text)
    if not s or len(s) > 300:
        raise Unreadable(text)
    pause = months = None
    monthly = lump = down = None
    rate: Rate | None = None
    found, s = _take(s, _PAUSE)
    if found:
        pause = _count(found.group(1))
    for basis, patterns in ((RATE_MONTHLY, _MONTHLY_RATE), (RATE_DAILY, _DAILY_RATE), (RATE_YEARLY, _YEARLY_RATE), (FEE_MONTHLY, _FEE)):
        found, s = _take(s, patterns)
        if found:
            rate = Rate(basis, _percent(found.group(1)))
            break
    covers = BALANCE
    found, s = _take(s, _PRINCIPAL)
    if found:
        covers = PRINCIPAL
    else:
        found, s = _take(s, _NO_PENALTIES)
        if found:
            covers = NO_PENALTIES
    if rate is None:
        found, s = _take(s, _FREE)
        if found:
            rate = Rate(RATE_YEARLY, Decimal(0))
    found, s = _take(s, _DOWN)
    if found:
        down = _money(found.group(1))
    found, s = _take(s, _LUMP)
    if found:
        lump = _money(found.group(1))
    found, s = _take(s, _TIMES)
    if found:
        first, second = found.group(1), found.group(2)
        if found.re.pattern.startswith(_INT):
            months, monthly = _count(first), _money(second)
        else:
            monthly, months = _money(first), _count(second)
    if monthly is None:
        found, s = _take(s, _MONTHLY)
        if found:
            monthly = _money(found.group(1))
    if months is None:
        found, s = _take(s, _MONTHS)
        if found:
            months = _count(found.group(1))
    if re.search(r"\d|每期|每月|月供", s):
        raise Unreadable(text)  # a figure we could not place: better to ask than to guess
    if lump is not None and (months or monthly):
        down, lump = down or lump, None  # "2000 at once, then 12 x 500" is a down payment
    if lump is not None:
        return Offer(SETTLEMENT, lump_sum=lump, rate=rate, covers=covers)
    if months is None and monthly is None:
        if pause is not None:
            return Offer(EXTENSION, pause_months=pause, lump_sum=down, rate=rate, covers=covers)
        raise Unreadable(text)
    if monthly is not None and monthly <= 0:
        raise Unreadable(text)
    return Offer(EXTENSION if pause else INSTALMENTS, months, monthly, down, pause or 0, rate, covers)


# ---- what it costs -----------------------------------------------------------------------------


def schedule_for(offer: Offer, amount: Decimal, start: dt.date) -> Schedule:
    """The offer's payments on `amount` (the lender's balance): a pause at nothing, a down payment
    in the first month, then the instalments as said, or built from the rate as `calc` builds them."""
    rows: list[Instalment] = []
    remaining = amount
    n = 0
    for _ in range(offer.pause_months):
        n += 1
        rows.append(Instalment(n, schedules.add_months(start, n), ZERO, ZERO, ZERO, remaining))
    if offer.kind == SETTLEMENT:
        paid = offer.lump_sum or ZERO
        n += 1
        rows.append(Instalment(n, schedules.add_months(start, n), paid, min(paid, amount), ZERO, ZERO))
        return Schedule(amount, tuple(rows))
    if offer.lump_sum:
        paid = min(offer.lump_sum, remaining)
        remaining -= paid
        n += 1
        rows.append(Instalment(n, schedules.add_months(start, n), offer.lump_sum, paid, ZERO, remaining))
    if remaining <= 0:
        return Schedule(amount, tuple(rows))
    months, monthly = offer.months, offer.monthly
    if monthly is not None:
        if months is None:  # "800 a month": as long as it takes, the last payment smaller
            months = int((remaining / monthly).to_integral_value(rounding=ROUND_UP))
            months = min(max(months, 1), MAX_MONTHS * 5)
            last = remaining - monthly * (months - 1)
            payments = [monthly] * (months - 1) + [last]
        else:
            payments = [monthly] * months
        left = remaining
        for payment in payments:
            n += 1
            part = min(payment, left)
            left -= part
            rows.append(Instalment(n, schedules.add_months(start, n), payment, part, payment - part, left))
        return Schedule(amount, tuple(rows))
    assert months is not None
    rate = offer.rate
    if rate is None or rate.percent == 0:
        built = schedules.interest_free(remaining, months, start, first_n=n + 1)
    elif rate.basis == FEE_MONTHLY:
        built = schedules.flat_fee(remaining, months, rate.percent, start, first_n=n + 1)
    else:
        built = schedules.annuity(remaining, months, rate.annual, start, first_n=n + 1)
    return Schedule(amount, tuple(rows) + built.rows)


class Verdict(NamedTuple):
    offer: Offer
    lender: str
    schedule: Schedule
    walk_away: Decimal  # the most a month (or, for a settlement, at once) within the plan
    fits: bool
    vs_walk_away: Decimal  # largest payment less the walk-away: above zero is too much
    vs_target: Decimal | None  # total payable less the target's
    vs_opening: Decimal | None
    interest_stops: bool  # nothing is paid beyond the balance
    penalties_waived: bool  # nothing is paid beyond principal and interest
    verdict: str  # accept, counter, refuse
    counter: Offer | None
    counter_is_target: bool  # the counter is the plan's target, said as the plan says it
    expired: bool  # the plan marks the debt's limitation as run out: admit nothing
    monthly: Decimal  # the regular instalment (after pause and down payment)
    balance: Decimal  # the lender's balance now
    largest: Decimal  # the largest regular payment (a last one may absorb rounding)

    @property
    def total_payable(self) -> Decimal:
        return self.schedule.total_payable

    @property
    def total_cost(self) -> Decimal:
        """What the offer costs beyond the balance owed now (below zero: what it saves)."""
        return self.schedule.total_payable - self.balance

    @property
    def apr(self) -> Decimal:
        """As `calc` works it out on the amount the offer covers; none when nothing is paid beyond it."""
        return self.schedule.apr if self.schedule.total_cost > 0 else ZERO


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return getattr(obj, name, default) if obj is not None else default


def covered(offer: Offer, debt: Any) -> Decimal:
    """What the offer is worked out on: the balance, less what it waives."""
    if offer.covers == PRINCIPAL:
        return Decimal(debt.principal)
    if offer.covers == NO_PENALTIES:
        return Decimal(debt.principal + debt.interest)
    return Decimal(debt.balance)


def walk_away_of(debt_plan: Any) -> Decimal:
    """The most a month for this lender: the ladder's walk-away, or its share when the plan offers
    the debt nothing (no ladder, as for a debt whose limitation has run out)."""
    ladder = _get(debt_plan, "ladder")
    share: Decimal | None = _get(debt_plan, "share")
    if ladder is None:
        return share or ZERO
    target = _get(ladder, "target")
    if target is not None and str(getattr(target.kind, "value", target.kind)) == "settlement" and share is not None:
        # A settlement's walk-away may be its one payment; a month's limit is still the share.
        return share
    walk_away: Decimal = ladder.walk_away
    return walk_away


def limitation_expired(debt_plan: Any) -> bool:
    """Whether the plan marks this debt's limitation period as run out (read without assuming the
    field exists: older plans have none)."""
    limitation = _get(debt_plan, "limitation") or _get(_get(debt_plan, "debt"), "limitation")
    status = _get(limitation, "status")
    return str(getattr(status, "value", status)) == "expired"


def offer_of(proposal: Any) -> Offer | None:
    """A plan's proposal said as an offer, for the counter-offer."""
    if proposal is None:
        return None
    kind = str(getattr(proposal.kind, "value", proposal.kind))
    if kind == "settlement":
        return Offer(SETTLEMENT, lump_sum=proposal.total_payable)
    pause = _get(proposal, "pause_months", 0) or 0
    months = proposal.months - pause
    monthly = _get(proposal, "monthly_payment")
    covers = NO_PENALTIES if (_get(proposal, "waived", ZERO) or ZERO) > 0 else BALANCE
    return Offer(EXTENSION if pause else INSTALMENTS, months, monthly, None, pause, None, covers)


def longer_term(amount: Decimal, walk_away: Decimal) -> Offer | None:
    """`amount` at the walk-away each month, over as many months as that takes (None when there
    is nothing a month to offer, or it would take more than ten years)."""
    if walk_away <= 0 or amount <= 0:
        return None
    months = int((amount / walk_away).to_integral_value(rounding=ROUND_UP))
    # The last of the `months` payments is smaller; the counter names the monthly and the term.
    return Offer(INSTALMENTS, months, walk_away) if months <= MAX_MONTHS else None


def once_limit(debt_plan: Any) -> Decimal:
    """The most this lender may get at once: its part of the lump sum (the plan's settlement
    figure), never less than one month's walk-away."""
    walk_away = walk_away_of(debt_plan)
    settle = None
    for proposal in _get(debt_plan, "proposals", ()) or ():
        if str(getattr(proposal.kind, "value", proposal.kind)) == "settlement":
            settle = proposal
    return max(walk_away, settle.amount if settle is not None else ZERO)


def judge(offer: Offer, debt_plan: Any, start: dt.date) -> Verdict:
    """The offer against one lender's ladder: fits when no payment is above the walk-away (a
    settlement or down payment: above what the lump sum allows this lender)."""
    debt = debt_plan.debt
    ladder = _get(debt_plan, "ladder")
    walk_away = walk_away_of(debt_plan)
    schedule = schedule_for(offer, covered(offer, debt), start)
    once = once_limit(debt_plan)
    regular = [r.payment for r in schedule.rows[offer.pause_months :]]
    if offer.lump_sum is not None:
        lump, regular = (regular[0] if regular else ZERO), regular[1:]
    else:
        lump = None
    largest = max(regular, default=ZERO)
    over = [largest - walk_away]
    if lump is not None:
        over.append(lump - once)
    vs_walk_away = max(over)
    limit = once if offer.kind == SETTLEMENT else walk_away
    fits = vs_walk_away <= 0
    target = _get(ladder, "target")
    opening = _get(ladder, "opening")
    vs_target = schedule.total_payable - target.total_payable if target is not None else None
    vs_opening = schedule.total_payable - opening.total_payable if opening is not None else None
    expired = limitation_expired(debt_plan)
    target_fits = bool(_get(target, "fits", False))
    if expired:
        verdict, counter = "refuse", None
    elif fits and (vs_target is None or vs_target <= 0 or not target_fits):
        verdict, counter = "accept", None
    elif target_fits:
        verdict, counter = "counter", offer_of(target)
    else:
        # The target itself is above the walk-away: counter with what it repays at the walk-away
        # each month over as long as that takes, as the script asks for a longer term.
        counter = longer_term(_get(target, "amount", debt.balance), walk_away)
        verdict = "counter" if counter is not None else "refuse"
    principal_and_interest = debt.principal + debt.interest
    return Verdict(
        offer=offer,
        lender=debt.lender,
        schedule=schedule,
        walk_away=limit,
        fits=fits,
        vs_walk_away=fen(vs_walk_away),
        vs_target=vs_target,
        vs_opening=vs_opening,
        interest_stops=schedule.total_payable <= debt.balance,
        penalties_waived=schedule.total_payable <= principal_and_interest,
        verdict=verdict,
        counter=counter,
        counter_is_target=counter is not None and target_fits,
        expired=expired,
        monthly=regular[0] if regular else (lump or ZERO),
        balance=debt.balance,
        largest=largest,
    )


# ---- what a collector pushes for (the rehearsal's figures) -------------------------------------

DEMAND_SHARE = Decimal("0.5")  # a lump-sum demand: half the balance, in round hundreds
PRESSURE_MONTHS = 12  # a collector's counter: a short term, so each payment is above the walk-away


def _round_up(value: Decimal, step: int) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_UP) * step + ZERO


def pressure(debt_plan: Any) -> tuple[Decimal, Offer]:
    """The figures a collector typically pushes: a lump sum now, and a counter-offer of a short
    term whose payment is above the walk-away (rounded up the way people say figures)."""
    balance = debt_plan.debt.balance
    walk_away = walk_away_of(debt_plan)
    demand = _round_up(balance * DEMAND_SHARE, 100)
    monthly = _round_up(balance / PRESSURE_MONTHS, 10)
    if monthly <= walk_away:
        monthly = _round_up(walk_away * Decimal("1.5"), 10)
    return demand, Offer(INSTALMENTS, PRESSURE_MONTHS, monthly)
