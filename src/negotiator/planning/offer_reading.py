"""An offer as people say it, in Chinese or English: "12期 每期1200", "1200 a month for 12 months",
"一次性 8000", "先停 3 个月再分 24 期", with an optional rate ("月费率0.6%", "18% a year") or waiver
("减免罚息"). Each pattern takes its words out of the text once read; a figure left over that no
pattern placed makes the whole offer unreadable, since guessing would be worse than asking.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from negotiator.core.money import AmountError, parse_amount
from negotiator.planning.offer import (
    BALANCE,
    EXTENSION,
    FEE_MONTHLY,
    INSTALMENTS,
    MAX_MONTHS,
    NO_PENALTIES,
    PRINCIPAL,
    RATE_DAILY,
    RATE_MONTHLY,
    RATE_YEARLY,
    SETTLEMENT,
    Offer,
    Rate,
)


class Unreadable(ValueError):
    """Nothing we can read as an offer; the caller shows examples of what we can."""



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
    s = _EN_COUNT.sub(lambda m: str(_EN_COUNTS[m.group(1)]), s)
    return re.sub(r"\s+", " ", s).strip()


def _is_number(s: str, found: re.Match[str]) -> bool:
    return bool(re.search("[百千万十]", found.group())) or len(found.group()) > 1 or _month_word_follows(s, found.end()) \
        or bool(re.match(r"\s*(元|块)", s[found.end():]))


def _month_word_follows(s: str, end: int) -> bool:
    return bool(re.match(r"\s*(个月|个|期|月|年(?!化))", s[end:]))


# Counts said in English words before a span ("two years", "twelve months").
_EN_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty": 30, "thirty-six": 36, "forty-eight": 48, "sixty": 60}
_EN_COUNT = re.compile(r"\b(" + "|".join(sorted(_EN_COUNTS, key=len, reverse=True)) + r")\b(?=\s*(?:months?|years?|instal?ments?|payments?))")
# Years said as a term: 两年 / 2 years is 24 months.
_YEARS = re.compile(r"(?<![\d.])(\d{1,2})\s*(?:years?|年)(?!化)")


_NUM = r"(\d+(?:\.\d+)?)"
_AMT = r"(?:¥|rmb|cny)?\s*(\d+(?:\.\d+)?\s*(?:万|w|千|k)?)\s*(?:元|块钱|块|yuan|rmb)?"
_INT = r"(?<![\d.])(\d{1,3})(?![\d.])"
_MONTH = r"(?:个月|月|期|months?|mos?|instal?ments?|payments?)"

# Each pattern takes its words out of the text once read, so a number is never read twice.
_PAUSE = [
    rf"{_INT}\s*个?月\s*(?:以|之)?后",
    rf"{_INT}\s*个?月\s*(?:内)?\s*(?:不用还|不还|免还|暂停还款|停还|先不还)",
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
    rf"(?:每期|每月|月供|月还|月付|每个月|1个月|1月)\s*(?:还款|付款|还|付|交|供)?\s*{_AMT}",
    rf"{_AMT}\s*(?:/|每|一)\s*(?:月|期|个月|month|mo)",
    rf"{_AMT}\s*(?:a|per|each|every)\s*(?:month|instal?ment|payment)",
    rf"{_AMT}\s*monthly",
    rf"monthly\s*(?:payments?)?\s*(?:of)?\s*{_AMT}",
]
_MONTHS = [
    rf"(?:分|还|over|for|in)?\s*{_INT}\s*{_MONTH}",
]
_TIMES = [rf"{_INT}\s*x\s*{_AMT}", rf"{_INT}\s*monthly\s*(?:payments?|instal?ments?)\s*(?:of)?\s*{_AMT}", rf"{_AMT}\s*x\s*{_INT}"]


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
    is left over that we could not place. Each part is taken out of the text as it is found, in
    this order, so that a figure is read once: a pause, a rate, what the offer covers, a down
    payment, a lump sum, then the term."""
    s = normal_text(text)
    if not s or len(s) > 300:
        raise Unreadable(text)
    found, s = _take(s, _PAUSE)
    pause = _count(found.group(1)) if found else None
    rate, s = _rate(s)
    covers, s = _covers(s)
    if rate is None:
        found, s = _take(s, _FREE)
        rate = Rate(RATE_YEARLY, Decimal(0)) if found else None
    found, s = _take(s, _DOWN)
    down = _money(found.group(1)) if found else None
    found, s = _take(s, _LUMP)
    lump = _money(found.group(1)) if found else None
    months, monthly, s = _term(s)
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


def _rate(s: str) -> tuple[Rate | None, str]:
    """The first rate said (a month's, a day's, a year's, or a monthly fee), and the text left."""
    for basis, patterns in ((RATE_MONTHLY, _MONTHLY_RATE), (RATE_DAILY, _DAILY_RATE), (RATE_YEARLY, _YEARLY_RATE), (FEE_MONTHLY, _FEE)):
        found, s = _take(s, patterns)
        if found:
            return Rate(basis, _percent(found.group(1))), s
    return None, s


def _covers(s: str) -> tuple[str, str]:
    """What the payments cover: the principal only, the balance without penalties, or all of it."""
    found, s = _take(s, _PRINCIPAL)
    if found:
        return PRINCIPAL, s
    found, s = _take(s, _NO_PENALTIES)
    return (NO_PENALTIES if found else BALANCE), s


def _term(s: str) -> tuple[int | None, Decimal | None, str]:
    """How many payments and how much each ("12 x 500", "500 a month", "2 years", "12 months")."""
    months: int | None = None
    monthly: Decimal | None = None
    found, s = _take(s, _TIMES)
    if found:
        first, second = found.group(1), found.group(2)
        if found.re.pattern.startswith(_INT):  # the count first
            months, monthly = _count(first), _money(second)
        else:
            monthly, months = _money(first), _count(second)
    if monthly is None:
        found, s = _take(s, _MONTHLY)
        monthly = _money(found.group(1)) if found else None
    if months is None:
        years = _YEARS.search(s)
        if years:
            months = _count(str(int(years.group(1)) * 12))
            s = s[: years.start()] + " ; " + s[years.end() :]
    if months is None:
        found, s = _take(s, _MONTHS)
        months = _count(found.group(1)) if found else None
    return months, monthly, s
