"""The planning engine: budget, shares, proposals, ladder and the recommendation rules."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal as D

from conftest import EXAMPLES, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.answers.case import Case, ProposalKind
from negotiator.planning.budget import budget
from negotiator.planning.engine import plan_numbers

BASE = {
    "schema_version": 1,
    "language": "en",
    "hardship": {"cause": "job_loss", "since": "2026-06-01", "expected_months": None},
    "income": [{"source": "salary", "monthly": "6000"}],
    "expenses": [{"category": "housing", "monthly": "2000"}, {"category": "food", "monthly": "1500"}],
    "priority": [],
    "plan_date": "2026-11-28",
    "debts": [
        {"lender": "Huabei", "kind": "huabei", "principal": "12000", "interest": "300", "penalties": "180", "daily_rate_percent": "0.05"},
        {"lender": "Bank card", "kind": "credit_card", "principal": "30000", "interest": "900", "penalties": "600", "annual_rate_percent": "18"},
    ],
}


def case(**changes) -> Case:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key.startswith("hardship_"):
            data["hardship"][key.removeprefix("hardship_")] = value
        else:
            data[key] = value
    return Case.model_validate(data)


def test_budget_vector():
    b = budget([D("6000")], [D("2000"), D("1500")], [D("500")], D("10"))
    assert (b.income, b.essentials, b.priority, b.surplus, b.buffer, b.available) == (
        D("6000"), D("3500"), D("500"), D("2000"), D("200.00"), D("1800.00"))


def test_negative_surplus_has_no_buffer_and_nothing_available():
    b = budget([D("3000")], [D("3500")], [], D("10"))
    assert b.surplus == D("-500") and b.buffer == 0 and b.available == 0


def test_long_term_recommends_instalments_that_fit():
    n = plan_numbers(case())
    huabei = n.debts[0]
    # Both lenders need less than their pro-rata part to fit the usual term (452.75 and 800.27);
    # the 546.98 left over is shared pro rata again, so all of the 1,800.00 is used.
    assert huabei.need == D("452.75") and n.debts[1].need == D("800.27")
    assert huabei.share == D("735.65") and n.debts[1].share == D("1514.34")
    assert huabei.recommended.kind is ProposalKind.instalments
    target = huabei.ladder.target
    assert target.kind is ProposalKind.instalments and target.fits and target.within_usual_terms
    assert target.months == 20 and target.monthly_payment == D("728.40")
    assert huabei.ladder.walk_away == huabei.share
    # The opening ask is more favourable: penalties waived and interest frozen.
    opening = huabei.ladder.opening
    assert opening.kind is ProposalKind.waiver_instalments and opening.interest_frozen
    assert opening.total_payable == D("12300.00") < target.total_payable
    assert opening.waived == D("180.00")


def test_temporary_hardship_recommends_extension_with_a_pause():
    n = plan_numbers(case(hardship_expected_months=4))
    d = n.debts[0]
    assert d.recommended.kind is ProposalKind.extension and d.recommended.reason == "temporary"
    ext = d.ladder.target
    assert ext.pause_months == 4
    assert ext.pause_payment == D("76.39")  # a tenth of the share (763.91), rounded down
    assert [r.payment for r in ext.schedule.rows[:4]] == [D("76.39")] * 4
    assert ext.interest_during_pause == "accrues" and ext.schedule.rows[0].interest > 0
    assert ext.monthly_payment == ext.schedule.rows[4].payment
    assert ext.accrual_if_not_frozen > 0
    assert sum(r.principal for r in ext.schedule.rows) == d.balance


def test_no_money_recommends_extension_with_default_pause():
    n = plan_numbers(case(income=[{"source": "none", "monthly": "3000"}]))
    for d in n.debts:
        assert d.share == 0
        assert d.recommended.kind is ProposalKind.extension and d.recommended.reason == "no_money"
        assert d.ladder.target.pause_months == 3 and d.ladder.target.pause_payment == 0
        assert d.ladder.target.pause_only and d.ladder.opening is None


def test_lump_sum_recommends_the_same_settlement_percentage_for_every_lender():
    n = plan_numbers(case(lump_sum="20000"))
    # 20000 / 43980 = 45.47% (rounded down), >= 40%
    kinds = {d.recommended.kind for d in n.debts}
    assert kinds == {ProposalKind.settlement}
    percents = {d.ladder.target.settlement_percent for d in n.debts}
    assert percents == {D("45.47")}
    assert sum(d.ladder.target.total_payable for d in n.debts) <= D("20000")
    assert n.debts[0].ladder.target.total_payable == D("5674.65")  # 12480 x 45.47%
    assert n.debts[0].ladder.opening.settlement_percent == D("36.37")


def test_small_lump_sum_is_offered_but_not_recommended():
    n = plan_numbers(case(lump_sum="5000"))
    assert all(d.proposal(ProposalKind.settlement) is not None for d in n.debts)
    assert all(d.recommended.kind is ProposalKind.instalments for d in n.debts)


def test_no_term_fits_recommends_waiver():
    n = plan_numbers(case(income=[{"source": "salary", "monthly": "4000"}]))
    d = n.debts[0]
    assert not d.proposal(ProposalKind.instalments).fits
    assert d.recommended.kind is ProposalKind.waiver_instalments


def test_chosen_kind_becomes_the_target():
    data = copy.deepcopy(BASE)
    data["debts"][0]["chosen"] = "waiver_instalments"
    n = plan_numbers(Case.model_validate(data))
    assert n.debts[0].recommended.kind is ProposalKind.instalments
    assert n.debts[0].ladder.target.kind is ProposalKind.waiver_instalments


def test_schedules_start_the_month_after_the_plan_date():
    n = plan_numbers(case())
    for d in n.debts:
        for p in d.proposals:
            assert p.schedule.rows[0].due == dt.date(2026, 12, 28)


def test_same_case_same_plan():
    assert plan_numbers(case()) == plan_numbers(case())


money = st.decimals(min_value=D("0"), max_value=D("50000"), places=2)


@st.composite
def cases(draw):
    debts = []
    for i in range(draw(st.integers(1, 5))):
        debt = {
            "lender": f"L{i}",
            "kind": draw(st.sampled_from(["huabei", "jiebei", "credit_card", "online_loan", "other"])),
            "principal": str(draw(st.decimals(min_value=D("1"), max_value=D("300000"), places=2))),
            "interest": str(draw(money)),
            "penalties": str(draw(money)),
        }
        if draw(st.booleans()):
            debt["daily_rate_percent"] = str(draw(st.decimals(min_value=D("0"), max_value=D("0.1"), places=3)))
        else:
            debt["annual_rate_percent"] = str(draw(st.decimals(min_value=D("0"), max_value=D("36"), places=2)))
        debts.append(debt)
    data = copy.deepcopy(BASE)
    data.update(
        income=[{"source": "a", "monthly": str(draw(money))}],
        expenses=[{"category": "food", "monthly": str(draw(money))}],
        lump_sum=str(draw(st.one_of(st.just(D("0")), money))),
        buffer_percent=draw(st.integers(0, 50)),
        debts=debts,
    )
    data["hardship"]["expected_months"] = draw(st.one_of(st.none(), st.integers(1, 24)))
    return Case.model_validate(data)


@settings(max_examples=examples(60), deadline=None)
@given(cases())
def test_plan_properties(c):
    n = plan_numbers(c)
    assert sum(d.share for d in n.debts) <= n.budget.available
    for d in n.debts:
        assert d.ladder.walk_away == d.share or d.ladder.once
        for p in list(d.proposals) + [x for x in (d.ladder.opening,) if x is not None]:
            assert sum(r.principal for r in p.schedule.rows) == p.amount
            assert p.total_payable == sum(r.payment for r in p.schedule.rows)
            if p.fits and p.kind is not ProposalKind.settlement:
                assert all(r.payment <= d.share for r in p.schedule.rows)
                assert p.monthly_payment <= d.share
            assert p.months <= d.debt.term_limit or p.kind is ProposalKind.extension


def test_examples_are_valid_and_plan():
    for path in sorted(EXAMPLES.glob("*.json")):
        c = Case.model_validate(json.loads(path.read_text("utf-8")))
        assert plan_numbers(c).debts


def test_target_softens_to_fit_the_walk_away():
    # 4 months' pause, then 32 months left in the 36 allowed: at the contract rate the Huabei
    # instalments would be more than its share; with penalties waived and interest frozen they fit.
    data = copy.deepcopy(BASE)
    data["hardship"]["expected_months"] = 4
    data["income"] = [{"source": "salary", "monthly": "5000"}]
    n = plan_numbers(Case.model_validate(data))
    huabei = n.debts[0]
    contract = huabei.proposal(ProposalKind.extension)
    assert not contract.fits
    target = huabei.ladder.target
    assert target.kind is ProposalKind.extension and target.fits
    assert target.waived == D("180.00") and target.interest_frozen
    assert max(r.payment for r in target.schedule.rows) <= huabei.share
    assert target.within_usual_terms and target.months == 31
    assert huabei.ladder.opening is None  # already as gentle as can be asked


@settings(max_examples=examples(60), deadline=None)
@given(cases())
def test_target_fits_whenever_a_gentler_form_does(c):
    from negotiator.planning.proposals import softer

    for d in plan_numbers(c).debts:
        target = d.ladder.target
        if d.ladder.opening is not None:
            assert d.ladder.opening.total_payable < target.total_payable
        if not target.within_usual_terms and d.ladder.usual is not None:
            assert not any(x.fits for x in softer(d.ladder.usual, d.debt, c.plan_date))
