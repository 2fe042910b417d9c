"""Typed values are read one way everywhere: worked spellings for each reader, the sentences of its
refusals in both languages, and properties that the wizard, the answers file and `calc` accept and
refuse the same amounts and rates."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES, example_answers, examples, write_answers
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from negotiator import words
from negotiator.answers.case import Case, Cause, ProposalKind
from negotiator.asking.question import Question, read
from negotiator.core import typed
from negotiator.core.enums import Channel
from negotiator.core.errors import BadInput, Refused

TODAY = dt.date(2026, 11, 30)


def refusal(call, *args) -> str:
    with pytest.raises(Refused) as refused:
        call(*args)
    for lang in words.LANGUAGES:  # every refusal is a sentence in both languages, placeholders filled
        assert refused.value.key in {f"values.{k}" for k in words.table(lang, "values")}
        sentence = words.say(lang, refused.value)
        assert sentence and "{" not in sentence
    return refused.value.key


# ---- worked spellings -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("12000", "12000.00"), ("12,000", "12000.00"), ("1.2万", "12000.00"), ("¥800", "800.00"),
                                             ("800元", "800.00"), ("3k", "3000.00"), (" 800 ", "800.00"), ("１２，０００", "12000.00")])
def test_amounts(text, value):
    assert typed.amount(text) == Decimal(value)


@pytest.mark.parametrize(("text", "key"), [("", "empty"), ("abc", "not_a_number"), ("-5", "negative"), ("100000001", "too_large")])
def test_amounts_refused(text, key):
    assert refusal(typed.amount, text) == f"values.amount.{key}"


@pytest.mark.parametrize("text", ["18", " 18 ", "18%", "18％", "18 ％", "18.0", "1.8e1"])
def test_a_rate_with_or_without_its_percent_sign(text):
    assert typed.percent(text, 400) == Decimal("18")


def test_a_vanishing_rate_is_zero_not_a_division_by_zero():
    assert typed.percent("1e-999999", 1) == 0


@pytest.mark.parametrize(("text", "key"), [("abc", "not_a_number"), ("%", "not_a_number"), ("NaN", "not_a_number"),
                                           ("-1", "negative"), ("400.01", "too_large")])
def test_rates_refused(text, key):
    assert refusal(typed.percent, text, 400) == f"values.percent.{key}"


def test_a_rate_of_minus_zero_is_zero():
    assert str(typed.percent("-0", 400)) == "0" and str(typed.percent("-0.00%", 400)) == "0.00"


@pytest.mark.parametrize(("text", "value"), [("12", 12), (" 12 ", 12), ("１２", 12), ("36,500", 36500), ("36，500", 36500)])
def test_whole_numbers(text, value):
    assert typed.whole(text, 0, 36500) == value


@pytest.mark.parametrize(("text", "key"), [("1.5", "whole"), ("1,2", "whole"), ("²", "whole"), ("1²", "whole"), ("-1", "whole"),
                                           ("1234567890", "whole"), ("", "whole"), ("twelve", "whole"), ("1e3", "whole"),
                                           ("0", "range"), ("601", "range")])
def test_whole_numbers_refused(text, key):
    assert refusal(typed.whole, text, 1, 600) == f"values.number.{key}"


@given(st.text(max_size=12))
def test_any_text_is_a_whole_number_in_range_or_refused(text):
    try:
        value = typed.whole(text, 0, 10**9)
    except Refused as exc:
        assert exc.key in ("values.number.whole", "values.number.range")
    else:
        assert isinstance(value, int) and 0 <= value <= 10**9


def test_calc_refuses_superscript_months(run_cli):
    result = run_cli("calc", "--amount", "1000", "--months", "²", "--lang", "en")
    assert result.returncode == 2 and result.stderr.startswith("--months:")


def test_a_span_of_months():
    assert typed.months("半年", 1, 120) == 6
    assert refusal(typed.months, "soon", 1, 120) == "values.months.unclear"
    assert refusal(typed.months, "20 years", 1, 120) == "values.number.range"


def test_the_years_a_date_may_fall_in():
    assert typed.in_range(dt.date(1990, 1, 1)) and typed.in_range(dt.date(2100, 12, 31))
    assert refusal(typed.in_range, dt.date(1989, 12, 31)) == "values.date.range"
    assert refusal(typed.in_range, dt.date(2101, 1, 1)) == "values.date.range"


def test_a_day_is_a_day_not_a_month():
    assert typed.day("2026-12-05", TODAY) == dt.date(2026, 12, 5)
    assert typed.day("12月5日", TODAY, "future") == dt.date(2026, 12, 5)
    assert refusal(typed.day, "12月", TODAY) == "values.date.day_needed"
    assert refusal(typed.day, "soon", TODAY) == "values.date.unclear"
    assert refusal(typed.day, "2101-01-01", TODAY) == "values.date.range"


def test_a_past_date_may_be_a_month():
    assert typed.past("2026年9月", TODAY).iso() == "2026-09"
    assert typed.past("2026-09-10", TODAY).iso() == "2026-09-10"
    assert refusal(typed.past, "2026-12-01", TODAY) == "values.date.future"
    assert refusal(typed.past, "1989-01-01", TODAY) == "values.date.range"


def test_a_moment():
    assert typed.moment("2026-11-28T14:30", TODAY) == dt.datetime(2026, 11, 28, 14, 30)
    assert typed.moment("昨天 15:00", TODAY) == dt.datetime(2026, 11, 29, 15, 0)
    assert refusal(typed.moment, "不久前", TODAY) == "values.date.moment"
    assert refusal(typed.moment, "1800-01-01T10:00", TODAY) == "values.date.range"


def test_a_month_in_a_file_counts_from_the_first():
    assert typed.to_month("2026-09") and not typed.to_month("2026-09-01") and not typed.to_month(None)
    assert typed.month_or_day(" 2026-09 ") == "2026-09-01" and typed.month_or_day("2026-09-10") == "2026-09-10"


@pytest.mark.parametrize("name", ["huabei-2026", "花呗", "a.b_c", "x" * 64])
def test_case_names(name):
    assert typed.case_name(f" {name} ") == name


@pytest.mark.parametrize("name", ["", "my case", "-x", ".hidden", "a/b", "x" * 65])
def test_case_names_refused(name):
    assert refusal(typed.case_name, name) == "values.other.case_name"


def test_choices_come_from_the_models():
    assert typed.choices_of(Cause) == tuple(c.value for c in Cause)
    assert typed.choices_of(ProposalKind)[0] == "extension"
    assert typed.choices_of(Channel) == ("phone", "sms", "app", "letter", "visit")
    assert typed.choice(" SMS ", typed.choices_of(Channel), "values.choice.channel") == "sms"
    assert refusal(typed.choice, "fax", typed.choices_of(Channel), "values.choice.channel") == "values.choice.channel"


def test_an_option_refused_is_named():
    with pytest.raises(BadInput) as refused:
        typed.option("--months", typed.whole, "0", 1, 600)
    assert words.say("en", refused.value) == "--months: " + words.t("en", "values.number.range", low=1, high=600)
    assert words.say("zh", refused.value) == "--months：请写 1 到 600 之间的整数。"


# ---- the same spellings everywhere -------------------------------------------------------------

ALPHABET = list("0123456789.,_ -+%％eE元块万kw¥￥１０，．\u3000") + ["x", "亿", "٣"]
WORDS = ["12000", "1,200.50", "1.2万", "¥800", "800元", "3k", "18", "18%", "18％", " 18 ", "0.05", "50", "0"]
texts = st.one_of(st.sampled_from(WORDS), st.text(st.sampled_from(ALPHABET), min_size=1, max_size=8),
                  st.tuples(st.sampled_from(WORDS), st.text(st.sampled_from(ALPHABET), max_size=2)).map("".join))


def in_the_file(rate: str | None = None, **changes: str) -> bool:
    data = json.loads((EXAMPLES / "case-en.json").read_text("utf-8"), parse_float=Decimal)
    data.update(changes)
    if rate is not None:
        data["debts"][1]["annual_rate_percent"] = rate
    try:
        Case.model_validate(data)
    except ValidationError:
        return False
    return True


def in_the_wizard(question: Question, text: str) -> bool:
    try:
        read(question, text)
    except Refused:
        return False
    return True


def in_calc(**options: str) -> bool:
    from negotiator.commands.calc import run

    given = {"amount": "1000", "months": "1", "method": "annuity", "rate": "18", "fee": None, "budget": None, "fmt": "json", "start": None, "lang": "en"}
    given.update(options)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            run(**given)  # type: ignore[arg-type]
    except BadInput:
        return False
    return True


@settings(max_examples=examples(150), deadline=None)
@given(texts)
def test_a_rate_is_accepted_or_refused_alike_by_the_wizard_the_file_and_calc(text):
    wizard = in_the_wizard(Question("annual_rate_percent", "percent", high="400"), text)
    assert wizard == in_the_file(rate=text), text
    assert wizard == in_calc(rate=text), text


@settings(max_examples=examples(150), deadline=None)
@given(texts)
def test_an_amount_is_accepted_or_refused_alike_by_the_wizard_the_file_and_calc(text):
    wizard = in_the_wizard(Question("lump_sum", "amount"), text)
    assert wizard == in_the_file(lump_sum=text), text
    # calc refuses an amount of nothing: a schedule of nothing checks no offer.
    assert (wizard and typed.amount(text) > 0) == in_calc(amount=text), text


# ---- through the command line: the spellings one path refused before ------------------------------


def test_calc_and_the_answers_file_take_a_full_width_percent_sign(run_cli, tmp_path):
    half = run_cli("calc", "--amount", "12000", "--months", "12", "--annual-rate-percent", "18%", "--format", "json")
    full = run_cli("calc", "--amount", "12000", "--months", "12", "--annual-rate-percent", "18％", "--format", "json")
    assert full.returncode == 0, full.stderr
    assert full.stdout == half.stdout
    data = example_answers("zh")
    data["buffer_percent"] = "10％"
    answers = write_answers(tmp_path / "answers.json", data)
    planned = run_cli("plan", "--answers", str(answers), "--format", "json")
    assert planned.returncode == 0, planned.stderr
    assert json.loads(planned.stdout)["budget"] == json.loads(run_cli("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "json").stdout)["budget"]


def test_an_empty_rate_is_refused_not_taken_for_zero(run_cli):
    done = run_cli("calc", "--amount", "12000", "--months", "12", "--annual-rate-percent", " ")
    assert done.returncode == 2 and done.stderr.startswith("--annual-rate-percent: " + words.t("en", "values.percent.not_a_number"))
