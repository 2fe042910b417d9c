"""`calc` asks for the rate or fee its method needs instead of assuming 0%, and its title says
what the fee is: a percentage and the amount of one instalment's fee."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(
    ("method", "option"),
    [("annuity", "--annual-rate-percent"), ("equal_principal", "--annual-rate-percent"), ("flat_fee", "--fee-percent")],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_method_without_its_rate_exits_2_naming_the_option(run_cli, method: str, option: str, lang: str) -> None:
    done = run_cli("calc", "--amount", "10000", "--months", "12", "--method", method, "--lang", lang)
    assert done.returncode == 2
    assert option in done.stderr
    assert done.stderr.strip().endswith(("。", ".")), "a whole sentence"
    assert "Traceback" not in done.stderr and not done.stdout


def test_a_rate_of_zero_given_as_zero_is_accepted(run_cli) -> None:
    done = run_cli("calc", "--amount", "10000", "--months", "12", "--method", "flat_fee", "--fee-percent", "0", "--lang", "en", "--format", "json")
    assert done.returncode == 0, done.stderr
    schedule = json.loads(done.stdout)
    assert (schedule["monthly_payment"], schedule["total_payable"], schedule["total_cost"]) == ("833.33", "10000.00", "0.00")


def test_interest_free_needs_neither(run_cli) -> None:
    done = run_cli("calc", "--amount", "10000", "--months", "12", "--method", "interest_free", "--lang", "en", "--format", "json")
    assert done.returncode == 0, done.stderr
    schedule = json.loads(done.stdout)
    assert (schedule["method"], schedule["total_payable"], schedule["apr"]) == ("interest_free", "10000.00", "0.00")
    assert len(schedule["schedule"]) == 12 and schedule["schedule"][-1]["remaining"] == "0.00"


def test_the_flat_fee_title_gives_the_rate_and_the_fee_of_one_instalment(run_cli) -> None:
    done = run_cli("calc", "--amount", "10000", "--months", "12", "--method", "flat_fee", "--fee-percent", "0.6", "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("每期手续费 0.60%（每期 60.00 元）")


def test_the_annuity_title_gives_the_yearly_rate(run_cli) -> None:
    done = run_cli("calc", "--amount", "12000", "--months", "24", "--method", "annuity", "--annual-rate-percent", "18", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "18.00% a year" in done.stdout.splitlines()[0]
