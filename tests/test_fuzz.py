"""Fuzzing the two doors that outside input comes through: the amount parser and the answers
model. Whatever arrives, the result is a value or our own clean error, never another exception;
and any case that validates can be planned."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import examples, leaf_paths
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from negotiator.answers import file as answers_file
from negotiator.answers import json_reading
from negotiator.answers.case import Case
from negotiator.core import money
from negotiator.core.errors import BadInput
from negotiator.plan import build_plan

EXAMPLE = json.loads((Path(__file__).resolve().parents[1] / "examples" / "case-en.json").read_text(encoding="utf-8"))


def slow(ci: int = 100) -> settings:
    """No deadline: a case with many debts takes a while to plan, and timing is not the point.
    `ci` examples under the `ci` profile; a local run (`dev`) tries a share (conftest.examples)."""
    return settings(max_examples=examples(ci), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---- the amount parser -------------------------------------------------------------------------

amount_like = st.from_regex(r"\A[ ¥￥+\-]{0,2}[0-9０-９,，.]{0,12}(万|w|k|千|元|块|rmb)?[ ]{0,2}\Z")


def assert_amount(value: Decimal) -> None:
    assert isinstance(value, Decimal)
    assert value.as_tuple().exponent == -2
    assert Decimal(0) <= value <= money.MAX_AMOUNT


@given(st.one_of(st.text(), amount_like))
@example("NaN")
@example("-0")
@example("1e5")
@example("9" * 5000)
@example("٣٠٠")  # Arabic-Indic digits
@example(".5")
@example("0.005")
def test_parse_amount_returns_an_amount_or_refuses(text):
    try:
        value = money.parse_amount(text)
    except money.AmountError as exc:
        assert exc.code in ("empty", "not_a_number", "grouping", "negative", "too_large")
        return
    assert_amount(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12000", "12000.00"),
        ("12,000", "12000.00"),
        ("1.2万", "12000.00"),
        ("¥12000", "12000.00"),
        ("12000元", "12000.00"),
        ("3k", "3000.00"),
        (" 800 ", "800.00"),
        ("１２０００", "12000.00"),  # full-width digits, as a Chinese keyboard types them
        ("￥１，２００", "1200.00"),
        ("0.005", "0.01"),  # half-up to the fen
        ("100000000", "100000000.00"),
        ("1 200 000", "1200000.00"),  # spaces grouping thousands, as some people write them
        ("¥ 12,000 元", "12000.00"),
    ],
)
def test_known_forms(text, expected):
    assert money.parse_amount(text) == Decimal(expected)
    assert str(money.parse_amount(text)) == expected


@pytest.mark.parametrize(("text", "code"), [("", "empty"), ("  ", "empty"), ("abc", "not_a_number"), ("-5", "negative"), ("100000000.01", "too_large"), ("1e5", "not_a_number"),
                                           # Separators read only where they group thousands: each of these hides a mistyped figure.
                                           ("1,2,3", "grouping"), ("12,00", "grouping"), ("1234,567", "grouping"), ("1.234,5", "grouping"), ("1,,000", "grouping"), ("１，２，３", "grouping")])
def test_known_refusals(text, code):
    with pytest.raises(money.AmountError) as caught:
        money.parse_amount(text)
    assert caught.value.code == code


# ---- the answers model -------------------------------------------------------------------------

KEYS = sorted(
    {"schema_version", "language", "hardship", "income", "expenses", "priority", "lump_sum", "plan_date", "buffer_percent", "debts"}
    | {"cause", "details", "since", "expected_months", "income_before", "source", "monthly", "category", "name"}
    | set(EXAMPLE["debts"][1]) | {"daily_rate_percent", "max_months", "chosen"}
)

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["zh", "en", "huabei", "illness", "2026-02-30", "2026-11-28", "1.2万", "-1", "NaN", "1e999", "settlement"]),
    st.builds(json_reading.NotANumber, st.sampled_from(["NaN", "Infinity", "-Infinity"])),
)
json_like = st.recursive(
    leaves,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6),
    max_leaves=40,
)


def validate(data):
    """Case, or None after a clean refusal."""
    try:
        case = answers_file.case_from_data(data)
    except BadInput as exc:
        assert str(exc)
        return None
    assert isinstance(case, Case)
    return case


def plan_or_refuse(case: Case) -> None:
    """A valid case always plans; the only refusal is a `chosen` kind the debt cannot have."""
    try:
        plan = build_plan(case, today=dt.date(2026, 11, 28))
    except BadInput as exc:
        assert ".chosen" in str(exc)
        return
    assert len(plan.numbers.debts) == len(case.debts)


@slow()
@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_like, max_size=10) | json_like)
def test_arbitrary_structures_validate_or_refuse(data):
    case = validate(data)
    if case is not None:
        plan_or_refuse(case)


EXAMPLE_LEAVES = list(leaf_paths(EXAMPLE))
SPECIAL = [None, True, 0, -1, "", " ", "NaN", "-0", "1e999", 10**40, [], {}, "2026-02-30", "0.000001", json_reading.NotANumber("NaN")]


def with_leaves(data, changes):
    """A copy of `data` with each (path, value) leaf replaced."""
    data = copy.deepcopy(data)
    for path, value in changes:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return data


@pytest.mark.parametrize("path", EXAMPLE_LEAVES, ids=lambda p: ".".join(map(str, p)))
def test_every_leaf_of_the_example_with_awkward_values(path):
    """Each leaf of the example, set in turn to each awkward value: exhaustive where the random
    search below only samples."""
    for value in SPECIAL:
        case = validate(with_leaves(EXAMPLE, [(path, value)]))
        if case is not None:
            plan_or_refuse(case)


@slow(300)
@given(st.lists(st.tuples(st.sampled_from(EXAMPLE_LEAVES), json_like), min_size=1, max_size=3))
def test_mutated_example_validates_or_refuses(changes):
    case = validate(with_leaves(EXAMPLE, changes))
    if case is not None:
        plan_or_refuse(case)


# ---- any valid case plans ----------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10_000_000_000).map(lambda c: str(Decimal(c) / 100))
small_cents = st.integers(min_value=0, max_value=5_000_000).map(lambda c: str(Decimal(c) / 100))
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat)


@st.composite
def debts(draw):
    debt = {
        "lender": draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(str.strip)),
        "kind": draw(st.sampled_from(["huabei", "jiebei", "credit_card", "online_loan", "other"])),
        "principal": draw(cents.filter(lambda v: Decimal(v) > 0)),
        "interest": draw(small_cents),
        "penalties": draw(small_cents),
        "days_overdue": draw(st.integers(0, 36500)),
        "contract_monthly": draw(small_cents),
        "stage": draw(st.sampled_from(["reminders", "calls", "agency", "legal_threat", "lawsuit"])),
    }
    if draw(st.booleans()):
        debt["daily_rate_percent"] = str(draw(st.decimals(0, 1, places=4)))
    else:
        debt["annual_rate_percent"] = str(draw(st.decimals(0, 400, places=2)))
    if draw(st.booleans()):
        debt["max_months"] = draw(st.integers(1, 120))
    if draw(st.booleans()):
        debt["chosen"] = draw(st.sampled_from(["extension", "instalments", "waiver_instalments", "settlement"]))
    return debt


@st.composite
def cases(draw):
    return {
        "schema_version": 1,
        "language": draw(st.sampled_from(["zh", "en"])),
        "hardship": {
            "cause": draw(st.sampled_from(["job_loss", "income_cut", "illness", "family_emergency", "business_failure", "other"])),
            "since": draw(dates),
            "expected_months": draw(st.none() | st.integers(1, 120)),
        },
        "income": [{"source": "pay", "monthly": m} for m in draw(st.lists(cents, max_size=3))],
        "expenses": [{"category": "food", "monthly": m} for m in draw(st.lists(small_cents, max_size=3))],
        "priority": [{"name": "rent arrears", "monthly": m} for m in draw(st.lists(small_cents, max_size=2))],
        "lump_sum": draw(st.sampled_from(["0"]) | cents),
        "plan_date": draw(dates),
        "buffer_percent": draw(st.integers(0, 50)),
        "debts": draw(st.lists(debts(), min_size=1, max_size=4)),
    }


@slow(150)
@given(cases())
def test_every_valid_case_plans(data):
    case = validate(data)
    assume(case is not None)
    plan_or_refuse(case)


@slow(60)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_file_content_reads_or_refuses(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("answers") / "answers.json"
    path.write_bytes(content)
    try:
        data = answers_file.read_answers(path)
    except BadInput as exc:
        assert str(exc)
        return
    assert isinstance(data, dict)
    validate(data)


# ---- calc's options, as typed during a call ------------------------------------------------------

option_text = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"\A-?[0-9]{0,4}(\.[0-9]{0,8})?([eE][+-]?[0-9]{1,7})?%?\Z"),
    st.sampled_from(["NaN", "sNaN", "Infinity", "-0", "1e-999999", "1e999999", "0", "600", "601", "1.2万", "٣"]),
)


@slow(300)
@given(
    amount=st.one_of(amount_like, option_text),
    months=st.integers(1, 600).map(str) | option_text,
    method=st.sampled_from(["annuity", "equal_principal", "flat_fee", "interest_free", "balloon"]),
    rate=st.decimals(0, 400, places=3).map(str) | option_text,
    fee=st.decimals(0, 100, places=3).map(str) | option_text,
    budget=st.none() | option_text,
    start=st.none() | st.sampled_from(["2026-11-28", "1990-01-01", "2100-12-31", "2100-13-01", "9999-12-31", "tomorrow"]),
    lang=st.sampled_from(["zh", "en"]),
)
def test_calc_answers_or_refuses(amount, months, method, rate, fee, budget, start, lang):
    from negotiator.commands.calc import run

    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            run(amount=amount, months=months, method=method, rate=rate, fee=fee, budget=budget, fmt="text", start=start, lang=lang)
    except BadInput as exc:
        from negotiator.words import say

        assert say(lang, exc).startswith("--")  # names the option
        return
    assert "-0.00" not in out.getvalue()
