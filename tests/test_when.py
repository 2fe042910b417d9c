"""Dates and spans of months as people write them, in both languages: every spelling the wizard
and the commands accept, worked out against a fixed today, and a round trip for all of them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiator.core.when import (
    FUTURE,
    MONTHS,
    NEAR,
    PAST,
    Day,
    Unclear,
    cn_spell,
    parse_date,
    parse_months,
)

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def spell_date(day: Day, lang: str) -> str:
    """A date as people write it in full: "2026年9月5日" / "2026年9月"; "5 September 2026" /
    "September 2026"."""
    if lang == "zh":
        return f"{day.year}年{day.month}月" + ("" if day.day is None else f"{day.day}日")
    month = MONTHS[day.month - 1].capitalize()
    return f"{month} {day.year}" if day.day is None else f"{day.day} {month} {day.year}"


def spell_months(n: int, lang: str) -> str:
    """A span in months as people write it: "3个月" / "3 months"."""
    if lang == "zh":
        return f"{n}个月"
    return "1 month" if n == 1 else f"{n} months"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("3", 3), ("3个月", 3), ("3 个月", 3), ("三个月", 3), ("十二个月", 12), ("二十四个月", 24), ("３个月", 3),
        ("半年", 6), ("一年", 12), ("1年", 12), ("两年", 24), ("一年半", 18), ("1年半", 18), ("1年3个月", 15),
        ("一年零三个月", 15), ("六个月左右", 6),
        ("3 months", 3), ("1 month", 1), ("a month", 1), ("three months", 3), ("18 months", 18),
        ("half a year", 6), ("a year", 12), ("1 year", 12), ("two years", 24), ("1.5 years", 18),
        ("a year and a half", 18), ("1 year and 3 months", 15), ("3 Months", 3),
    ],
)
def test_spans_of_months(text: str, months: int) -> None:
    assert parse_months(text) == months


@pytest.mark.parametrize("text", ["", "abc", "3月", "半个月", "month", "3 monkeys", "0.5 months", "3 months and a half", "and a half", "1.2 years", "十x个月"])
def test_what_is_not_a_span_is_refused(text: str) -> None:
    with pytest.raises(Unclear):
        parse_months(text)


@pytest.mark.parametrize(
    ("text", "lean", "expected"),
    [
        # ISO, and the separators people use
        ("2026-09-05", NEAR, Day(2026, 9, 5)), ("2026-09", NEAR, Day(2026, 9)), ("2026/9/5", NEAR, Day(2026, 9, 5)),
        ("2026.9", NEAR, Day(2026, 9)),
        # Chinese dates
        ("2026年9月", NEAR, Day(2026, 9)), ("2026年9月5日", NEAR, Day(2026, 9, 5)), ("２０２６年９月", NEAR, Day(2026, 9)),
        ("二〇二六年九月", NEAR, Day(2026, 9)),
        ("9月", PAST, Day(2026, 9)), ("9月份", PAST, Day(2026, 9)), ("九月", PAST, Day(2026, 9)),
        ("12月", PAST, Day(2025, 12)), ("12月", FUTURE, Day(2026, 12)),
        ("12月5日", FUTURE, Day(2026, 12, 5)), ("12月5号", PAST, Day(2025, 12, 5)), ("十二月五日", FUTURE, Day(2026, 12, 5)),
        ("今天", NEAR, Day(2026, 11, 25)), ("明天", NEAR, Day(2026, 11, 26)), ("后天", NEAR, Day(2026, 11, 27)),
        ("昨天", NEAR, Day(2026, 11, 24)),
        ("下周一", NEAR, Day(2026, 11, 30)), ("下星期五", NEAR, Day(2026, 12, 4)), ("上周一", NEAR, Day(2026, 11, 16)),
        ("这周五", NEAR, Day(2026, 11, 27)), ("下礼拜天", NEAR, Day(2026, 12, 6)),
        ("上个月", NEAR, Day(2026, 10)), ("下个月", NEAR, Day(2026, 12)),
        # English dates
        ("June 2026", NEAR, Day(2026, 6)), ("Jun 2026", NEAR, Day(2026, 6)), ("june, 2026", NEAR, Day(2026, 6)),
        ("5 Dec", FUTURE, Day(2026, 12, 5)), ("5 Dec", PAST, Day(2025, 12, 5)), ("Dec 5", FUTURE, Day(2026, 12, 5)),
        ("5th December 2026", NEAR, Day(2026, 12, 5)), ("December 5, 2026", NEAR, Day(2026, 12, 5)),
        ("September", PAST, Day(2026, 9)), ("september", FUTURE, Day(2027, 9)),
        ("today", NEAR, Day(2026, 11, 25)), ("tomorrow", NEAR, Day(2026, 11, 26)), ("yesterday", NEAR, Day(2026, 11, 24)),
        ("next Monday", NEAR, Day(2026, 11, 30)), ("next Wednesday", NEAR, Day(2026, 12, 2)),
        ("last Friday", NEAR, Day(2026, 11, 20)), ("Friday", FUTURE, Day(2026, 11, 27)), ("Friday", PAST, Day(2026, 11, 20)),
        ("last month", NEAR, Day(2026, 10)), ("next month", NEAR, Day(2026, 12)),
    ],
)
def test_dates(text: str, lean: str, expected: Day) -> None:
    assert parse_date(text, TODAY, lean) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counted from this year: today is 25 November 2026.
        ("今年3月", Day(2026, 3)), ("今年三月份", Day(2026, 3)), ("今年 3 月", Day(2026, 3)), ("去年12月5日", Day(2025, 12, 5)),
        ("去年3月5号", Day(2025, 3, 5)), ("前年6月", Day(2024, 6)), ("去年底", Day(2025, 12)), ("去年年底", Day(2025, 12)),
        ("去年年初", Day(2025, 1)), ("今年初", Day(2026, 1)), ("年初", Day(2026, 1)), ("年中", Day(2026, 6)), ("年底", Day(2026, 12)),
        ("March last year", Day(2025, 3)), ("march of last year", Day(2025, 3)), ("March this year", Day(2026, 3)),
        ("end of last year", Day(2025, 12)), ("the end of last year", Day(2025, 12)), ("late last year", Day(2025, 12)),
        ("start of this year", Day(2026, 1)), ("the beginning of last year", Day(2025, 1)), ("early this year", Day(2026, 1)),
        ("mid last year", Day(2025, 6)), ("the middle of this year", Day(2026, 6)),
        # "last March" is the March before this month; in November, this year's.
        ("last March", Day(2026, 3)), ("last november", Day(2025, 11)), ("last December", Day(2025, 12)), ("this March", Day(2026, 3)),
        # A part of a month is that month: no day is made up.
        ("3月底", Day(2026, 3)), ("3月初", Day(2026, 3)), ("去年3月底", Day(2025, 3)), ("上个月底", Day(2026, 10)), ("月初", Day(2026, 11)),
        ("late March", Day(2026, 3)), ("the end of last month", Day(2026, 10)), ("early last March", Day(2026, 3)),
        # Counted back from today.
        ("半年前", Day(2026, 5)), ("3个月前", Day(2026, 8)), ("三个月以前", Day(2026, 8)), ("一年前", Day(2025, 11)),
        ("一年半前", Day(2025, 5)), ("3天前", Day(2026, 11, 22)), ("两周前", Day(2026, 11, 11)),
        ("3 months ago", Day(2026, 8)), ("six months ago", Day(2026, 5)), ("half a year ago", Day(2026, 5)), ("a year ago", Day(2025, 11)),
        ("3 days ago", Day(2026, 11, 22)), ("a week ago", Day(2026, 11, 18)), ("2 weeks ago", Day(2026, 11, 11)),
    ],
)
def test_dates_counted_from_this_year_or_today(text: str, expected: Day) -> None:
    assert parse_date(text, TODAY, PAST) == expected


def test_next_march_and_a_later_year_lean_ahead() -> None:
    assert parse_date("next March", TODAY) == Day(2027, 3)
    assert parse_date("明年3月", TODAY) == Day(2027, 3)
    assert parse_date("last March", dt.date(2026, 3, 10)) == Day(2025, 3)  # in March, a year ago


@pytest.mark.parametrize("text", ["去年", "前年", "今年的", "去年13月", "the end of 5 March", "3月5日底", "1.5 days ago", "a while ago",
                                  "end of nothing", "last smarch", "半个月前"])
def test_a_counted_date_that_says_too_little_is_refused(text: str) -> None:
    with pytest.raises(Unclear):
        parse_date(text, TODAY, PAST)


@pytest.mark.parametrize("text", ["", "soon", "2026-02-30", "2026-13", "13月", "2月30日", "30 Feb 2026", "Smarch 2026", "下周八"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(Unclear):
        parse_date(text, TODAY)


def test_a_month_is_kept_to_the_month() -> None:
    day = parse_date("2026年9月", TODAY)
    assert day.to_month and day.iso() == "2026-09" and day.first == dt.date(2026, 9, 1)
    assert spell_date(day, "zh") == "2026年9月"
    assert spell_date(day, "en") == "September 2026"


days = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
months_only = st.builds(lambda d: Day(d.year, d.month), days)
any_day = st.one_of(days.map(Day.of), months_only)


@given(any_day, st.sampled_from(["zh", "en"]), st.sampled_from([PAST, FUTURE, NEAR]))
def test_what_is_spelled_reads_back(day: Day, lang: str, lean: str) -> None:
    assert parse_date(spell_date(day, lang), TODAY, lean) == day
    assert parse_date(day.iso(), TODAY, lean) == day


@given(days, st.sampled_from([PAST, FUTURE, NEAR]))
def test_a_date_without_a_year_leans_the_way_asked(date: dt.date, lean: str) -> None:
    if (date.month, date.day) == (2, 29):
        return
    day = parse_date(f"{date.month}月{date.day}日", TODAY, lean)
    assert (day.month, day.day) == (date.month, date.day)
    if lean == PAST:
        assert day.first <= TODAY and (day.first.replace(year=day.year + 1) > TODAY)
    if lean == FUTURE:
        assert day.first >= TODAY and day.first.replace(year=day.year - 1) < TODAY


@given(st.integers(1, 600), st.sampled_from(["zh", "en"]))
def test_spans_read_back(n: int, lang: str) -> None:
    assert parse_months(spell_months(n, lang)) == n
    assert parse_months(str(n)) == n


@given(st.integers(1, 999))
def test_spans_in_chinese_numerals_read_back(n: int) -> None:
    assert parse_months(f"{cn_spell(n)}个月") == n


@given(st.text(max_size=20))
def test_anything_typed_is_read_or_refused(text: str) -> None:
    for read in (lambda: parse_date(text, TODAY), lambda: parse_months(text)):
        try:
            read()
        except Unclear:
            pass


# What a person might type, built from the spellings above; whatever is read reads back the same
# from its ISO form and from its spelling in either language.
cn_days = st.integers(1, 28)
typed = st.one_of(
    st.builds(lambda m: f"{m}月", st.integers(1, 12)),
    st.builds(lambda m, d: f"{m}月{d}日", st.integers(1, 12), cn_days),
    st.builds(lambda m: f"{cn_spell(m)}月", st.integers(1, 12)),
    st.builds(lambda y, m: f"{y}年{m}月", st.integers(1990, 2100), st.integers(1, 12)),
    st.builds(lambda d, m: f"{d} {m}", cn_days, st.sampled_from(["Jan", "March", "sept", "Dec"])),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(["June", "oct", "February"]), st.integers(1990, 2100)),
    st.builds(lambda y, m: f"{y}{m}月", st.sampled_from(["今年", "去年", "前年"]), st.integers(1, 12)),
    st.builds(lambda w, m: f"{w} {m}", st.sampled_from(["last", "this", "next"]), st.sampled_from(["March", "oct", "December"])),
    st.builds(lambda n: f"{n}个月前", st.integers(1, 120)),
    st.sampled_from(["今天", "明天", "后天", "昨天", "下周一", "上周五", "这周日", "上个月", "下个月", "去年底", "年初", "半年前",
                     "today", "tomorrow", "yesterday", "next Monday", "last Friday", "this month", "next month",
                     "end of last year", "3 months ago", "late March"]),
)


@given(typed, st.sampled_from([PAST, FUTURE, NEAR]), st.sampled_from(["zh", "en"]))
def test_what_is_accepted_round_trips(text: str, lean: str, lang: str) -> None:
    day = parse_date(text, TODAY, lean)
    assert parse_date(day.iso(), TODAY, lean) == day
    assert parse_date(spell_date(day, lang), TODAY, lean) == day


@given(st.one_of(st.builds(lambda n: f"{n}个月", st.integers(1, 120)), st.builds(lambda n: f"{n} months", st.integers(2, 120)),
                 st.builds(lambda n: f"{cn_spell(n)}年半", st.integers(1, 9)), st.sampled_from(["半年", "half a year", "a year and a half"])),
       st.sampled_from(["zh", "en"]))
def test_spans_accepted_round_trip(text: str, lang: str) -> None:
    n = parse_months(text)
    assert parse_months(spell_months(n, lang)) == n
