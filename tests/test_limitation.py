"""The statute of limitations of each debt: worked dates, properties, and the plan JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from negotiator.answers.case import Case
from negotiator.plan import build_plan
from negotiator.planning.limitation import (
    EXPIRED,
    NEAR,
    RUNNING,
    limitation,
    years_later,
)

ON = dt.date(2026, 11, 28)


def test_without_dates_it_counts_from_the_day_the_debt_went_overdue_as_an_estimate():
    x = limitation(75, None, None, ON)
    assert x.start == dt.date(2026, 9, 14)
    assert x.expires == dt.date(2029, 9, 14)
    assert x.status == RUNNING and x.estimated


def test_the_later_of_the_last_payment_and_the_last_demand_restarts_it():
    x = limitation(1400, dt.date(2022, 3, 1), dt.date(2022, 9, 10), ON)
    assert x.start == dt.date(2022, 9, 10)
    assert x.expires == dt.date(2025, 9, 10)
    assert x.status == EXPIRED and not x.estimated
    # A demand last month starts three new years, however old the debt.
    assert limitation(1400, dt.date(2022, 3, 1), dt.date(2026, 10, 1), ON).status == RUNNING


@pytest.mark.parametrize(
    ("start", "status"),
    [
        (dt.date(2023, 11, 28), EXPIRED),  # ends on the plan date itself
        (dt.date(2023, 11, 29), NEAR),  # one day to go
        (dt.date(2024, 5, 27), NEAR),  # 180 days to go
        (dt.date(2024, 5, 28), RUNNING),  # 181 days to go
    ],
)
def test_near_is_180_days_or_less(start, status):
    x = limitation(0, start, start, ON)
    assert x.status == status, x


def test_one_date_alone_is_an_estimate_and_the_overdue_day_counts_too():
    x = limitation(30, dt.date(2020, 1, 1), None, ON)
    assert x.start == dt.date(2026, 10, 29) and x.status == RUNNING and x.estimated
    x = limitation(1400, None, dt.date(2022, 1, 1), ON)
    assert x.start == dt.date(2023, 1, 28) and x.status == EXPIRED and x.estimated


def test_29_february_plus_three_years():
    assert years_later(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)


@given(
    st.integers(0, 20000),
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), ON)),
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), ON)),
)
def test_properties(days, payment, demand):
    x = limitation(days, payment, demand, ON)
    assert x.expires == years_later(x.start, 3)
    left = (x.expires - ON).days
    assert x.status == (EXPIRED if left <= 0 else NEAR if left <= 180 else RUNNING)
    assert x.estimated == (payment is None or demand is None)
    for known in (payment, demand):
        if known is not None:
            assert x.start >= known
    if x.estimated:
        assert x.start >= ON - dt.timedelta(days=days)
    else:
        assert x.start == max(payment, demand)
    # A demand received on the plan date starts it again: three whole years to go.
    assert limitation(days, payment, ON, ON).expires == years_later(ON, 3)


def _case(**first) -> dict:
    data = json.loads((EXAMPLES / "case-en.json").read_text(encoding="utf-8"))
    data["debts"][0].update(first)
    return data


def test_expired_debt_has_no_ladder_and_its_share_goes_to_the_others():
    fresh = build_plan(Case.model_validate(_case()), "en").numbers
    old = build_plan(Case.model_validate(_case(last_payment_date="2022-03-01", last_demand_date="2022-09-10")), "en").numbers
    assert old.debts[0].ladder is None and old.debts[0].share == 0
    assert old.debts[0].limitation.status == EXPIRED
    assert all(d.ladder is not None for d in old.debts[1:])
    assert sum(d.share for d in old.debts[1:]) > sum(d.share for d in fresh.debts[1:])
    assert sum(d.share for d in old.debts) <= old.budget.available


def test_dates_out_of_range_are_refused(run_cli, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_case(last_demand_date="1900-01-01")), encoding="utf-8")
    result = run_cli("plan", "--answers", str(path), "--lang", "en")
    assert result.returncode == 2
    assert "debts[0].last_demand_date" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_carries_limitation_and_a_null_ladder(run_cli, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_case(last_payment_date="2022-03-01", last_demand_date="2022-09-10")), encoding="utf-8")
    result = run_cli("plan", "--answers", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    debts = json.loads(result.stdout)["debts"]
    assert debts[0]["ladder"] is None
    assert debts[0]["limitation"] == {"from": "2022-09-10", "expires": "2025-09-10", "status": "expired", "estimated": False}
    assert debts[1]["ladder"] is not None
    assert debts[1]["limitation"]["status"] == "running" and debts[1]["limitation"]["estimated"] is True
