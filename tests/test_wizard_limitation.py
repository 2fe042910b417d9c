"""The wizard asks an old debt for the two dates that restart its limitation, and a debt whose
three years have run out is offered nothing: no proposal to pick, a check-first script."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_wizard_flow import (
    DEBT_CARD,
    ENTER,
    FINISH,
    TODAY,
    down,
    from_step,
    line,
    saved,
)

from negotiator.asking.question import Refused, read
from negotiator.plan import build_plan
from negotiator.wizard.questions import DEBT
from negotiator.words import t

pytestmark = pytest.mark.usefixtures("private_home")

# Huabei, 1,200 days behind: the two dates are asked after the stage.
OLD_HUABEI = [line("Huabei"), ENTER, line("8000"), line("210"), line("260"), line("1200"), ENTER, line("0.05"), line("1200"), ENTER,
              line("2022-03"), line("2022-09-10")]


def test_an_old_debt_is_asked_both_dates_and_gets_a_check_first_plan(tmp_path: Path) -> None:
    debts = OLD_HUABEI + [down(1)] + DEBT_CARD + [ENTER]
    # Budget, then a proposal for the card only: the expired debt has none to pick.
    from_step("debts", debts + [ENTER, ENTER] + FINISH)
    huabei, card = saved().debts
    assert huabei.last_payment_date == dt.date(2022, 3, 1)
    assert huabei.last_demand_date == dt.date(2022, 9, 10)
    assert card.last_payment_date is None and card.last_demand_date is None  # 95 days: not asked
    plan = build_plan(saved())
    assert plan.numbers.debts[0].ladder is None and plan.numbers.debts[1].ladder is not None
    text = (tmp_path / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    assert t("en", "render.summary.expired") in text
    assert t("en", "safety.check_letter.title") in text


def test_a_recent_debt_is_not_asked_the_dates_and_enter_skips_them() -> None:
    asked = [q.key for q in DEBT if q.when is None or q.when({"days_overdue": 40})]
    assert "last_payment_date" not in asked and "last_demand_date" not in asked
    old = [q for q in DEBT if q.key in ("last_payment_date", "last_demand_date")]
    assert all(q.when({"days_overdue": 800}) and not q.required for q in old)
    # A date already in the case is asked again (and so kept), however recent the debt.
    assert all(q.when({"days_overdue": 40, "last_demand_date": "2022-09-10"}) for q in old)
    assert read(old[0], "") is None
    try:
        read(old[0], "next week")
    except Refused as exc:
        assert exc.key == "values.date.past_unclear"
    else:
        raise AssertionError("a date that is not a date is refused")
