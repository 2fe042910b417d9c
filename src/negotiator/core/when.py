"""Dates and spans of months as people write them, in Chinese or English.

"9月", "12月5日", "2026年9月", "今年3月", "去年底", "半年前", "明天", "下周一", "June 2026", "5 Dec",
"next Monday", "last March", "end of last year", "3 months ago", ISO dates;
"3个月", "三个月", "半年", "一年半", "3 months", "half a year". One parser for the wizard and the
commands. A date given to the month stays a month (`Day.day is None`): it is quoted as "2026年9月",
never completed with a day nobody gave.

Pure: no I/O, no clock. Today is passed in, and so is which way a date without a year leans (a
hardship began in the past; a follow-up is ahead).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

PAST, FUTURE, NEAR = "past", "future", "near"


class Unclear(ValueError):
    """Not a date (or span) we can read; `code` says why: "form" (not understood) or "impossible"
    (a day that does not exist, such as 2026-02-30)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, order=True)
class Day:
    """A date as it was given: to the day, or to the month only (`day` is None)."""

    year: int
    month: int
    day: int | None = None

    @property
    def first(self) -> dt.date:
        """The date to count from: the day itself, or the month's first day."""
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def to_month(self) -> bool:
        return self.day is None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + ("" if self.day is None else f"-{self.day:02d}")

    @classmethod
    def of(cls, date: dt.date) -> Day:
        return cls(date.year, date.month, date.day)


# ---- numbers as written ----------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
}
_CN_NUMBER = "[0-9〇零一二两三四五六七八九十百]+"


def cn_number(text: str) -> int:
    """12, 十二, 二十四, 一百二十, 二〇二六 (a year read digit by digit) as an int."""
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):
        if len(text) == 1 or len(text) == 4:  # 三, or a year such as 二〇二六
            return int("".join(str(_CN_DIGITS[ch]) for ch in text))
        raise Unclear("form")
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise Unclear("form")
    return total + current


def cn_spell(n: int) -> str:
    """A whole number from 1 to 999 in Chinese characters, as a person writes it: 三, 十二, 二十四."""
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += ("一" if hundreds else "") + "十" if tens == 1 else f"{digits[tens]}十"
    elif hundreds and units:
        out += "零"
    if units:
        out += digits[units]
    return out


def _clean(text: str) -> str:
    # Full-width digits and letters (２０２６年９月) become ordinary ones; case and spacing go.
    text = unicodedata.normalize("NFKC", text).strip().lower().rstrip(".。")
    return re.sub(r"\s+", " ", text)


# ---- dates -----------------------------------------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_WORDS = {name: n for n, name in enumerate(MONTHS, 1)} | {name[:3]: n for n, name in enumerate(MONTHS, 1)}
_MONTH_WORDS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORDS = {name: n for n, name in enumerate(WEEKDAYS)} | {name[:3]: n for n, name in enumerate(WEEKDAYS)}
_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_CN_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3, "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3}
_EN_RELATIVE = {"today": 0, "tomorrow": 1, "the day after tomorrow": 2, "yesterday": -1, "the day before yesterday": -2}

# The patterns are compiled when first used (re keeps them): a plan that reads only ISO dates
# need not compile the Chinese and English ones at start-up (about 1.5 ms).
_ISO = r"(\d{4}) ?[-/.] ?(\d{1,2})(?: ?[-/.] ?(\d{1,2}))?"
_CN_DATE = rf"(?:({_CN_NUMBER}) ?年 ?)?({_CN_NUMBER}) ?月份?(?: ?({_CN_NUMBER}) ?[日号])?"
_CN_WEEK = r"(下下|下|上|这|本)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天七])"
_CN_MONTH_AWAY = {"上个月": -1, "上月": -1, "这个月": 0, "本月": 0, "下个月": 1, "下月": 1}
_EN_MONTH_AWAY = {"last month": -1, "this month": 0, "next month": 1}
# Years counted from this one: 今年3月, 去年底; March last year, the end of last year.
_CN_YEARS = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0, "明年": 1, "后年": 2}
_CN_YEAR_WORD = "(大前年|前年|去年|今年|明年|后年)"
_EN_YEARS = {"last year": -1, "this year": 0, "the year": 0, "next year": 1}
# The part of a year or a month named: the month it falls in (a day nobody gave is not made up).
_CN_PART_OF_YEAR = {"初": 1, "中": 6, "底": 12, "末": 12}
_CN_PART_OF_MONTH = r"(?:初|中|底|末|上旬|中旬|下旬)"
_EN_PART_OF_YEAR = {"start": 1, "beginning": 1, "early": 1, "middle": 6, "mid": 6, "end": 12, "late": 12, "close": 12}
_EN_PART = r"(?:(?:the )?(start|beginning|middle|end|close) of|(early|mid|late)-?) (.+)"
# "3个月前", "半年前", "3 months ago": counted back from this month.
_CN_AGO = r"(.+?)(?:以)?前"
_CN_DAYS_AGO = rf"({_CN_NUMBER})(天|日|周|个星期|个礼拜|星期|礼拜)(?:以)?前"
_EN_DAYS_AGO = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_MONTH = r"([a-z]{3,9})"
_EN_FORMS = (
    # (pattern, order of the groups: d=day, m=month word, y=year)
    (rf"{_ORDINAL} (?:of )?{_EN_MONTH},? ?(\d{{4}})?", "dmy"),
    (rf"{_EN_MONTH} {_ORDINAL}(?:,? (\d{{4}}))?", "mdy"),
    (rf"{_EN_MONTH},? (\d{{4}})", "my"),
    (_EN_MONTH, "m"),
)


def _real(year: int, month: int, day: int | None) -> Day:
    if not 1 <= month <= 12:
        raise Unclear("impossible")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise Unclear("impossible") from exc
    return Day(year, month, day)


def _with_year(month: int, day: int | None, today: dt.date, lean: str) -> Day:
    """A month (and day) written without a year: this year's, or the nearest one on the side the
    date leans to (a hardship that began in "11月", told in March, began last November)."""
    if not 1 <= month <= 12:
        raise Unclear("impossible")
    options = []
    for year in range(today.year - 8, today.year + 9):  # 29 February needs a leap year
        try:
            options.append(_real(year, month, day))
        except Unclear:
            continue
    if not options:
        raise Unclear("impossible")
    now = Day(today.year, today.month, None if day is None else today.day)

    def key(d: Day) -> tuple[int, int, int]:
        return (d.year, d.month, d.day or 0)

    if lean == PAST:
        return max((d for d in options if key(d) <= key(now)), key=key)
    if lean == FUTURE:
        return min((d for d in options if key(d) >= key(now)), key=key)
    return min(options, key=lambda d: abs(d.first - today))


def _weekday(target: int, today: dt.date, lean: str) -> dt.date:
    ahead = (target - today.weekday()) % 7
    if lean == PAST:
        return today - dt.timedelta(days=(today.weekday() - target) % 7 or 7)
    return today + dt.timedelta(days=ahead or 7)


def _months_away(today: dt.date, n: int) -> Day:
    index = today.year * 12 + today.month - 1 + n
    return Day(index // 12, index % 12 + 1)


def parse_date(text: str, today: dt.date, lean: str = NEAR) -> Day:
    """A date as written, to the day or to the month. Unclear when it cannot be read."""
    s = _clean(text)
    if not s:
        raise Unclear("form")
    if (match := re.fullmatch(_ISO, s)) is not None:
        return _real(int(match[1]), int(match[2]), int(match[3]) if match[3] else None)
    compact = s.replace(" ", "")
    if compact in _CN_RELATIVE:
        return Day.of(today + dt.timedelta(days=_CN_RELATIVE[compact]))
    if s in _EN_RELATIVE:
        return Day.of(today + dt.timedelta(days=_EN_RELATIVE[s]))
    if compact in _CN_MONTH_AWAY:
        return _months_away(today, _CN_MONTH_AWAY[compact])
    if s in _EN_MONTH_AWAY:
        return _months_away(today, _EN_MONTH_AWAY[s])
    found = _chinese(compact, today, lean) or _english(s, today, lean) or _counted(s, compact, today, lean)
    if found is None:
        raise Unclear("form")
    return found


def _counted(s: str, compact: str, today: dt.date, lean: str) -> Day | None:
    """Dates counted from today's year or month: 今年3月, 去年底, 3月底, 半年前, 3天前; last March,
    March last year, the end of last year, late March, 3 months ago. None when it is none of these."""
    if (match := re.fullmatch(rf"{_CN_YEAR_WORD}(?:的)?(.+)", compact)) is not None:
        year = today.year + _CN_YEARS[match[1]]
        rest = match[2]
        if (part := re.fullmatch(r"年?(初|中|底|末)", rest)) is not None:
            return Day(year, _CN_PART_OF_YEAR[part[1]])
        rest = re.sub(rf"(月份?){_CN_PART_OF_MONTH}$", r"\1", rest)
        if (date := re.fullmatch(_CN_DATE, rest)) is not None and not date[1]:
            return _real(year, cn_number(date[2]), cn_number(date[3]) if date[3] else None)
        return None
    if (part := re.fullmatch(r"年(初|中|底|末)", compact)) is not None:
        return Day(today.year, _CN_PART_OF_YEAR[part[1]])
    if re.fullmatch(rf"月{_CN_PART_OF_MONTH}", compact):  # 月底: this month's end
        return Day(today.year, today.month)
    if (match := re.fullmatch(rf"(.+月)份?{_CN_PART_OF_MONTH}", compact)) is not None:
        found = _month_named(match[1], today, lean)
        return found if found is not None and found.to_month else None
    if (match := re.fullmatch(_CN_DAYS_AGO, compact)) is not None:
        days = cn_number(match[1]) * (1 if match[2] in ("天", "日") else 7)
        return Day.of(today - dt.timedelta(days=days))
    if (match := re.fullmatch(_CN_AGO, compact)) is not None:
        return _months_back(match[1], today)
    return _english_counted(s, today, lean)


def _english_counted(s: str, today: dt.date, lean: str) -> Day | None:
    words = s.split(" ")
    if len(words) == 2 and words[0] in ("last", "this", "next") and _MONTH_WORDS.get(words[1]) is not None:
        month = _MONTH_WORDS[words[1]]
        if words[0] == "this":
            return Day(today.year, month)
        if words[0] == "last":  # the one before this month: in March, "last March" is a year ago
            return Day(today.year if month < today.month else today.year - 1, month)
        return Day(today.year if month > today.month else today.year + 1, month)
    match = re.fullmatch(rf"{_EN_MONTH},? (?:of )?(last|this|next) year", s)
    if match is not None and match[1] in _MONTH_WORDS:
        return Day(today.year + _EN_YEARS[f"{match[2]} year"], _MONTH_WORDS[match[1]])
    if s in ("last year end", "year end", "the year end"):
        return Day(today.year - (1 if s.startswith("last") else 0), 12)
    if (match := re.fullmatch(_EN_PART, s)) is not None:
        part, rest = match[1] or match[2], match[3]
        if rest in _EN_YEARS:
            return Day(today.year + _EN_YEARS[rest], _EN_PART_OF_YEAR[part])
        found = _month_named(rest, today, lean)
        return found if found is not None and found.to_month else None
    if (match := re.fullmatch(r"(.+) ago", s)) is not None:
        count, _, unit = match[1].rpartition(" ")
        if unit in _EN_DAYS_AGO and count:
            try:
                n = _en_count(count)
            except Unclear:
                return None
            if n != int(n):
                return None
            return Day.of(today - dt.timedelta(days=int(n) * _EN_DAYS_AGO[unit]))
        return _months_back(match[1], today)
    return None


def _month_named(text: str, today: dt.date, lean: str) -> Day | None:
    """A month as written before "底" or after "the end of": 3月, 去年3月, 上个月, March, last March."""
    compact = text.replace(" ", "")
    if compact in _CN_MONTH_AWAY:
        return _months_away(today, _CN_MONTH_AWAY[compact])
    if text in _EN_MONTH_AWAY:
        return _months_away(today, _EN_MONTH_AWAY[text])
    try:
        return _chinese(compact, today, lean) or _english(text, today, lean) or _counted(text, compact, today, lean)
    except Unclear:
        return None


def _months_back(span: str, today: dt.date) -> Day | None:
    """The month a span of months ago: "半年" before now, "3 months" ago."""
    try:
        months = parse_months(span)
    except Unclear:
        return None
    return _months_away(today, -months)


def _chinese(compact: str, today: dt.date, lean: str) -> Day | None:
    """十二月五日, 2026年3月, 下周一, 周五; None when it is none of these."""
    if (match := re.fullmatch(_CN_DATE, compact)) is not None:
        month = cn_number(match[2])
        day = cn_number(match[3]) if match[3] else None
        if match[1]:
            return _real(cn_number(match[1]), month, day)
        return _with_year(month, day, today, lean)
    if (match := re.fullmatch(_CN_WEEK, compact)) is not None:
        target = _CN_WEEKDAYS[match[2]]
        monday = today - dt.timedelta(days=today.weekday())
        weeks = {"下下": 2, "下": 1, "上": -1, "这": 0, "本": 0}.get(match[1] or "")
        if weeks is None:  # 周一 on its own: the nearest one on the side the date leans to
            return Day.of(_weekday(target, today, lean) if lean != NEAR else monday + dt.timedelta(days=target))
        return Day.of(monday + dt.timedelta(weeks=weeks, days=target))
    return None


def _english(s: str, today: dt.date, lean: str) -> Day | None:
    """next Monday, friday, 5 December 2026, Dec 5, June 2026; None when it is none of these."""
    words = s.split(" ")
    if len(words) == 2 and words[0] in ("next", "last", "this") and words[1] in _WEEKDAY_WORDS:
        target = _WEEKDAY_WORDS[words[1]]
        if words[0] == "this":
            monday = today - dt.timedelta(days=today.weekday())
            return Day.of(monday + dt.timedelta(days=target))
        return Day.of(_weekday(target, today, PAST if words[0] == "last" else FUTURE))
    if s in _WEEKDAY_WORDS:
        return Day.of(_weekday(_WEEKDAY_WORDS[s], today, PAST if lean == PAST else FUTURE))
    for pattern, order in _EN_FORMS:
        if (match := re.fullmatch(pattern, s)) is not None:
            parts = dict(zip(order, match.groups()))
            named = _MONTH_WORDS.get(parts["m"])
            if named is None:
                raise Unclear("form")
            on = int(parts["d"]) if parts.get("d") else None
            if parts.get("y"):
                return _real(int(parts["y"]), named, on)
            return _with_year(named, on, today, lean)
    return None


# ---- spans of months ---------------------------------------------------------------------------

_CN_SPAN = rf"(?:({_CN_NUMBER}|半)年(半)?)?(?:零|又)?(?:({_CN_NUMBER}|半)(?:个|個)月)?(?:左右)?"


def _en_count(word: str) -> float:
    if re.fullmatch(r"\d+(?:\.5)?", word):
        return float(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    raise Unclear("form")


def parse_months(text: str) -> int:
    """A span written as people say it, in whole months: "3", "3个月", "三个月", "半年", "一年半",
    "1年3个月", "3 months", "half a year", "1.5 years", "a year and 3 months"."""
    s = _clean(text)
    if not s:
        raise Unclear("form")
    if s.isdigit():
        return int(s)
    compact = s.replace(" ", "")
    if (match := re.fullmatch(_CN_SPAN, compact)) is not None and (match[1] or match[3]):
        years = 0.5 if match[1] == "半" else cn_number(match[1]) if match[1] else 0
        if match[2]:
            years += 0.5
        if match[3] == "半":
            raise Unclear("form")  # half a month is not a whole month
        months = cn_number(match[3]) if match[3] else 0
        return _whole(years * 12 + months)
    total = 0.0
    # English: "1 year and 3 months", "a year and a half", "half a year", "18 months".
    rest = s.replace(",", " ").replace(" and a half", " and_a_half")
    parts = [part for part in re.split(r" and (?!_)| ", rest.replace(" years", "_years").replace(" year", "_year")
                                       .replace(" months", "_months").replace(" month", "_month")
                                       .replace("half a_year", "half_a_year")) if part and part != "and"]
    if not parts:
        raise Unclear("form")
    for n, part in enumerate(parts):
        if part == "and_a_half":
            # "a year and a half": half of the year just said; "3 months and a half" is not whole.
            if n == 0 or "_year" not in parts[n - 1]:
                raise Unclear("form")
            total += 6
        else:
            total += _en_part(part)
    return _whole(total)


def _en_part(part: str) -> float:
    if part == "half_a_year":
        return 6
    number, _, unit = part.partition("_")
    if unit in ("year", "years"):
        return _en_count(number) * 12
    if unit in ("month", "months"):
        return _en_count(number)
    raise Unclear("form")


def _whole(months: float) -> int:
    if months != int(months) or months < 0:
        raise Unclear("form")
    return int(months)
