"""What the wizard offers at the proposals step, and the rate a person does not know: each choice
named apart from the others, with its total and when it is paid off; a rate left out planned at the
rate assumed, and said to be."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from test_wizard_flow import (
    DEBT_HUABEI,
    DOWN,
    ENTER,
    FINISH,
    TYPED_TO_REVIEW,
    drive,
    from_step,
    line,
    saved,
)

from negotiator.wizard import steps
from negotiator.wizard.draft import Draft
from negotiator.wizard.questions import ASSUMED_ANNUAL_RATE
from negotiator.words import t

pytestmark = pytest.mark.usefixtures("private_home")


def offered(monkeypatch: pytest.MonkeyPatch, lang: str, income: str) -> list[list[str]]:
    """The proposals step's choices for each lender, for the English interview at this income."""
    menus: list[list[str]] = []

    def pick(q, lang, current=None, options=None, **values: Any):
        menus.append([title for title, _ in options])
        return current

    monkeypatch.setattr(steps, "ask", pick)
    answers = json.loads(json.dumps(TYPED_TO_REVIEW))
    answers["income"][0]["monthly"] = income
    steps.proposals(Draft(lang, answers))
    return menus


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("income", ["6000", "4200", "3700"])
def test_every_choice_has_a_name_of_its_own(monkeypatch: pytest.MonkeyPatch, lang: str, income: str) -> None:
    for titles in offered(monkeypatch, lang, income):
        names = [title.split(t(lang, "render.colon").strip() or ":")[0] for title in titles]
        assert len(set(names)) == len(names), titles


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_pause_alone_is_named_apart_from_a_pause_then_instalments(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # At 3,700 a month, instalments alone cannot repay Huabei at its share: that choice is a pause only.
    (huabei, _) = offered(monkeypatch, lang, "3700")
    assert any(title.startswith(t(lang, "numbers.choice.name.extension", pause=3)) for title in huabei)
    assert any(title.startswith(t(lang, "numbers.choice.name.pause_only", pause=3)) for title in huabei)


def _rate_not_known(keys_at_rate: list[str]) -> None:
    at = DEBT_HUABEI.index(line("0.05"))
    debt = DEBT_HUABEI[: at - 1] + keys_at_rate + DEBT_HUABEI[at + 1 :]
    from_step("debts", debt + [ENTER, ENTER, ENTER] + FINISH)  # done; budget; proposal


@pytest.mark.parametrize("keys", [[DOWN * 2 + ENTER], [ENTER, line("不知道")], [ENTER, ENTER]], ids=["chosen", "typed", "enter"])
def test_a_rate_not_known_is_planned_at_the_rate_assumed_and_said(keys: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _rate_not_known(keys)
    (debt,) = saved().debts
    assert debt.annual_rate_percent == Decimal(ASSUMED_ANNUAL_RATE) and debt.daily_rate_percent is None
    screen = capsys.readouterr().out
    assert t("en", "wizard.msg.rate_assumed", lender="Huabei", rate=ASSUMED_ANNUAL_RATE) in screen
    assert t("en", "wizard.review.assumed_rate", rate=ASSUMED_ANNUAL_RATE) in screen


def test_a_known_rate_is_kept_as_typed() -> None:
    from_step("debts", DEBT_HUABEI + [ENTER, ENTER, ENTER] + FINISH)
    (debt,) = saved().debts
    assert debt.daily_rate_percent == Decimal("0.05") and debt.annual_rate_percent is None


def test_the_wizard_reads_the_end_of_last_year() -> None:
    import datetime as dt

    situation = [ENTER, line("去年底"), DOWN + ENTER, line("9000"), line("Lost my job")]
    drive(situation, steps.situation, draft := Draft("en", {}))
    assert draft.answers["hardship"]["since"] == f"{dt.date.today().year - 1}-12"
