"""What the answers to collectors say aloud about money matches what the plan offers: nothing yet
when nothing is left each month, the settlement sum in a settlement case, and a total that never
counts a debt whose limitation may have run."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from conftest import EXAMPLES

from negotiator.advice.library import answer_for
from negotiator.advice.values import case_values, debt_values
from negotiator.answers.case import Case
from negotiator.plan import build_plan
from negotiator.words import t

LANGS = ("zh", "en")
MONEY = ("pay_all", "borrow", "down_payment", "no_negotiation")


def example(lang: str = "zh") -> dict:
    return json.loads((EXAMPLES / f"case-{lang}.json").read_text("utf-8"))


def plan_of(data: dict, lang: str):
    return build_plan(Case.model_validate(data), lang)


def money_answers(plan) -> dict[str, str]:
    return {o.key: o.you_say for o in plan.content.objections if o.key in MONEY}


def no_money(lang: str) -> dict:
    data = example(lang)
    data["income"] = [{"source": "x", "monthly": "1000"}]
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_with_nothing_left_the_answers_ask_for_time_and_name_no_amount(lang):
    plan = plan_of(no_money(lang), lang)
    assert plan.numbers.budget.available == 0
    said = money_answers(plan)
    for key in MONEY:
        # The same form of words in both languages: the one for "nothing yet".
        assert said[key].startswith(t(lang, f"objections.{key}.you_say_nothing").split("【")[0].split("[")[0]), key
        assert "0.00" not in said[key].split("【")[0].split("[")[0], key
    spoken = " ".join([*said.values(), *(s.text for x in plan.content.script for s in x.steps), *plan.content.checklist.during])
    if lang == "en":
        for wrong in ("All I have", "I'm offering what I can pay", "Make your opening ask first", "so I know what I can pay", "debt advice"):
            assert wrong not in spoken, wrong
    else:
        assert "能还多少心里有数" not in spoken
    assert t(lang, "checklist.during.ladder_nothing") in plan.content.checklist.during
    assert t(lang, "checklist.during.ladder") not in plan.content.checklist.during
    # Every walk-away is 0.00: the checklist says "promise no amount" instead of listing them.
    assert t(lang, "checklist.before.walk_away", walk_aways=case_values(plan)["walk_aways"]) not in plan.content.checklist.before


@pytest.mark.parametrize("lang", LANGS)
def test_one_ask_is_not_called_an_opening_ask_first(lang):
    plan = plan_of(example(lang), lang)
    asked = [d for d in plan.numbers.debts if d.ladder is not None]
    one = all(d.ladder.opening is None for d in asked)
    during = plan.content.checklist.during
    assert (t(lang, "checklist.during.ladder_one") in during) == one
    assert (t(lang, "checklist.during.ladder") in during) == (not one)


@pytest.mark.parametrize("lang", LANGS)
def test_a_settlement_case_answers_with_the_settlement_sum_not_a_monthly_amount(lang):
    data = example(lang)
    data["lump_sum"] = "40000"
    plan = plan_of(data, lang)
    assert all(d.ladder.target.kind.value == "settlement" for d in plan.numbers.debts)
    available = f"{plan.numbers.budget.available:,.2f}"
    said = money_answers(plan)
    for key in ("pay_all", "down_payment"):
        assert available not in said[key], key
        for d in plan.numbers.debts:
            assert f"{d.ladder.target.amount:,.2f}" in said[key], (key, d.lender)
    for key in ("borrow", "no_negotiation"):  # no "plan I can keep" beside a settlement
        assert said[key].split("【")[0].split("[")[0] == t(lang, f"objections.{key}_card.you_say_once" if key == "no_negotiation" else
                                                          f"objections.{key}.you_say_once").split("【")[0].split("[")[0], key
    # In a call, the one lender's own settlement sum.
    d = plan.numbers.debts[0]
    values = {**case_values(plan), **debt_values(plan, d)}
    heard = answer_for(lang, "pay_all", d, values).you_say
    assert f"{d.ladder.target.amount:,.2f}" in heard and available not in heard
    assert all(f"{x.ladder.target.amount:,.2f}" not in heard for x in plan.numbers.debts[1:])


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_debt_is_never_counted_in_a_total_said_aloud(lang):
    data = example(lang)
    data["debts"][0]["days_overdue"] = 1500  # more than 3 years: the limitation may have run
    plan = plan_of(data, lang)
    old = plan.numbers.debts[0]
    assert old.stance.old
    rest = [d for d in plan.numbers.debts if not d.stance.old]
    assert old.share == 0  # the money goes to the others: the budget's figure is theirs alone
    total = plan.numbers.budget.available
    assert total - sum((d.share for d in rest), D(0)) < D("0.05")
    said = money_answers(plan)["pay_all"]
    assert t(lang, "objections.said.monthly_several", amount=f"{total:,.2f}") in said
    assert old.lender not in said
    # No figure said aloud is a total that takes the old debt in.
    with_old = (plan.numbers.total_balance, sum((d.balance for d in rest), D(0)) + old.balance, total + old.share)
    assert all(f"{x:,.2f}" not in said for x in with_old if x != total)
    for d in rest:  # in a call with one lender: its own share, and nothing about the others
        values = {**case_values(plan), **debt_values(plan, d)}
        heard = answer_for(lang, "pay_all", d, values).you_say
        assert t(lang, "objections.said.monthly_one", amount=f"{d.share:,.2f}") in heard and old.lender not in heard


@pytest.mark.parametrize("lang", LANGS)
def test_with_nothing_left_the_talking_points_name_no_walk_away_of_nothing(lang):
    plan = plan_of(no_money(lang), lang)
    points = " ".join(plan.content.talking_points)
    for d in plan.numbers.debts:
        values = {**case_values(plan), **debt_values(plan, d)}
        assert t(lang, "advice.talking.debt_nothing", **values) in points
        assert t(lang, "advice.talking.debt_same", **values) not in points
