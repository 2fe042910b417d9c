"""What the plan says about terms, lawsuits, pauses and the allocation is true to facts.md:
a card never past 60 instalments, the assumed term said as an assumption, the lawsuit stage
complete, a pause that shows its interest, and the allocation sentence that matches the shares."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest
from conftest import EXAMPLES, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.answers.case import Case, DebtKind, ProposalKind
from negotiator.core.money import fen_down
from negotiator.plan import build_plan
from negotiator.planning.engine import plan_numbers
from negotiator.planning.offer import INSTALMENTS, Offer, judge
from negotiator.render.text import render
from negotiator.words import t

LANGS = ("zh", "en")


def example(name: str = "case-zh.json") -> dict:
    return json.loads((EXAMPLES / name).read_text("utf-8"))


def whole(text: str, lang: str) -> str:
    """The rendered plan without its line breaks, so that a sentence is found whole: Chinese lines
    break between characters, English ones between words."""
    return re.sub(r"\n\s*", "" if lang == "zh" else " ", text)


def big_card(stage: str = "lawsuit", lump_sum: str = "0") -> dict:
    """A ¥68,000 card that 60 instalments at its walk-away cannot repay."""
    data = example()
    data["hardship"].pop("expected_months")  # long-term: instalments are aimed for
    data["lump_sum"] = lump_sum
    data["debts"] = [{
        "lender": "某银行信用卡", "kind": "credit_card", "principal": "62000", "interest": "4000", "penalties": "2000",
        "days_overdue": 200, "annual_rate_percent": "18.25", "stage": stage,
    }]
    data["income"] = [{"source": "工资", "monthly": "6200"}]
    return data


# ---- cards: 60 instalments at most ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_card_too_large_for_60_months_names_the_cap_and_what_is_left(lang):
    plan = build_plan(Case.model_validate(big_card()), lang)
    d = plan.numbers.debts[0]
    target = d.ladder.target
    assert d.share > 0 and target.over_card_cap and target.pause_only
    assert d.ladder.usual is not None and d.ladder.usual.months <= 60 and d.ladder.usual.monthly_payment > d.share
    text = whole(render(plan), lang)
    cap = {"zh": "信用卡个性化分期最长 60 期", "en": "capped at 60 instalments"}[lang]
    assert cap in text and {"zh": "据报道", "en": "reported"}[lang] in text
    # At the lawsuit stage what is left includes court mediation.
    assert t(lang, "advice.capped.alternatives_lawsuit") in text
    script = " ".join(s.text for s in plan.content.script[0].steps)
    assert "60" in script and t(lang, "advice.capped.alternatives_lawsuit") in script
    assert {"zh": "60 期还不完", "en": "60 are not enough"}[lang] in plan.content.letter[0].text


def test_a_card_before_any_lawsuit_is_told_of_a_settlement_and_a_later_plan():
    plan = build_plan(Case.model_validate(big_card("calls")), "zh")
    assert t("zh", "advice.capped.alternatives_other") in whole(render(plan), "zh")


def test_max_months_never_takes_a_card_past_60():
    data = big_card()
    data["debts"][0]["max_months"] = 120
    assert Case.model_validate(data).debts[0].term_limit == 60


def test_a_counter_to_a_card_offer_is_never_longer_than_60_months():
    n = plan_numbers(Case.model_validate(big_card()))
    d = n.debts[0]
    verdict = judge(Offer(INSTALMENTS, 24, D("3000")), d, n.plan_date)
    assert verdict.counter is None or (verdict.counter.months or 0) <= 60


@st.composite
def card_cases(draw):
    debts = [{
        "lender": f"L{i}", "kind": draw(st.sampled_from(["credit_card", "credit_card", "huabei", "online_loan"])),
        "principal": str(draw(st.decimals(min_value=D("1000"), max_value=D("200000"), places=2))),
        "annual_rate_percent": str(draw(st.decimals(min_value=D("0"), max_value=D("24"), places=2))),
        "max_months": draw(st.one_of(st.none(), st.integers(1, 120))),
    } for i in range(draw(st.integers(1, 3)))]
    for debt in debts:
        if debt["max_months"] is None:
            del debt["max_months"]
    return Case.model_validate({
        "language": "zh",
        "hardship": {"cause": "job_loss", "since": "2026-05-01", "expected_months": draw(st.one_of(st.none(), st.integers(1, 12)))},
        "income": [{"source": "pay", "monthly": str(draw(st.decimals(min_value=D("0"), max_value=D("20000"), places=2)))}],
        "expenses": [{"category": "food", "monthly": "1000"}],
        "plan_date": "2026-11-28",
        "debts": debts,
    })


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_cases())
def test_no_card_proposal_target_or_opening_runs_past_60_months(c):
    for d in plan_numbers(c).debts:
        if d.debt.kind is not DebtKind.credit_card:
            continue
        asked = [*d.proposals, d.ladder.target, *([d.ladder.opening] if d.ladder.opening else [])]
        assert all(p.months <= 60 for p in asked), d.lender


# ---- the assumed term ----------------------------------------------------------------------------

USUAL = {"zh": re.compile(r"通常|期限长|更长的期限|假设期限|期限（"), "en": re.compile(r"usual|assumed term|longer term|longer than")}
MARK = {"zh": "假设", "en": "assum"}


def sentences(text: str, lang: str) -> list[str]:
    parts = re.split(r"[。；\n]" if lang == "zh" else r"(?<=[.;])\s+|\n", text)
    return [p.strip() for p in parts if p.strip()]


def longer_case() -> dict:
    data = example()
    data["debts"][1]["max_months"] = 24  # Jiebei at a shorter assumed term: a longer target
    return data


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("data", [example(), example("case-en.json"), longer_case()], ids=["zh", "en", "longer"])
def test_every_sentence_about_the_usual_term_says_it_is_an_assumption(lang, data):
    plan = build_plan(Case.model_validate(data), lang)
    text = whole(render(plan), lang)
    found = [s for s in sentences(text, lang) if USUAL[lang].search(s)]
    assert found, "the walk found sentences about the term"
    for sentence in found:
        if "年利率" in sentence or "18.25" in sentence:  # a rate named as the contract's, not a term
            continue
        assert MARK[lang] in sentence.lower(), sentence
    # And never the lender's "usual" term stated as a fact about it.
    assert "债权方通常给的期限" not in text and "lenders usually grant" not in text


# ---- the lawsuit stage ----------------------------------------------------------------------------

LAWSUIT = {
    "zh": ("15 天内", "答辩状", "法院通知上的日期", "缺席判决", "调解书", "撤诉", "调减过高的利息、罚息和费用", "12348", "法律援助"),
    "en": ("within 15 days", "answer", "the court's notice", "judgment in your absence", "mediation document", "withdraw",
           "cut interest, penalties and fees", "12348", "legal aid"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["huabei", "credit_card"])
def test_a_lender_that_has_sued_gets_the_whole_lawsuit_stage(lang, kind):
    data = example()
    data["debts"] = [d for d in data["debts"] if d["kind"] == kind]
    data["debts"][0]["stage"] = "lawsuit"
    plan = build_plan(Case.model_validate(data), lang)
    text = whole(render(plan), lang)
    for words in LAWSUIT[lang]:
        assert words in text, words
    # The rule for cutting charges: the card rule (V) for a card, the 24% line (R) for a loan.
    assert t(lang, f"advice.lawsuit.cut_{'card' if kind == 'credit_card' else 'loan'}") in " ".join(plan.content.talking_points)
    letter = plan.content.letter[0].text
    assert t(lang, "letter.case") in letter and t(lang, "letter.lawsuit_deal") in letter
    steps = [s.step for s in plan.content.script[0].steps]
    assert "lawsuit" in steps and "court" not in steps
    assert t(lang, "render.steps.lawsuit") in render(plan)


@pytest.mark.parametrize("lang", LANGS)
def test_a_lender_that_has_not_sued_gets_no_case_number_line(lang):
    plan = build_plan(Case.model_validate(example()), lang)
    assert all(t(lang, "letter.case") not in x.text for x in plan.content.letter)


# ---- a pause shows its cost ------------------------------------------------------------------------

def no_money() -> dict:
    data = example()
    data["income"] = [{"source": "兼职工资", "monthly": "1000"}]
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_a_pause_that_is_not_frozen_carries_its_interest(lang):
    plan = build_plan(Case.model_validate(no_money()), lang)
    for d in plan.numbers.debts:
        target = d.ladder.target
        assert target.pause_only and not target.interest_frozen and d.debt.annual_rate > 0
        rows = target.schedule.rows
        assert sum(r.interest for r in rows) > 0
        assert rows[-1].remaining == d.balance + sum(r.interest for r in rows) > d.balance
        assert all(r.payment == 0 for r in rows)
    # The ask says the freeze is part of the request.
    freeze = {"zh": "利息也请停掉", "en": "interest frozen while it lasts"}[lang]
    assert all(freeze in s.steps[4].text for s in plan.content.script)


def test_a_debt_at_no_interest_is_never_asked_to_stop_interest():
    data = example()
    data["debts"] = [{"lender": "朋友介绍的网贷", "kind": "online_loan", "principal": "9000", "penalties": "300",
                      "annual_rate_percent": "0", "stage": "calls"}]
    for income in ("7300", "1000"):
        data["income"] = [{"source": "工资", "monthly": income}]
        plan = build_plan(Case.model_validate(data), "zh")
        d = plan.numbers.debts[0]
        assert not d.ladder.target.interest_frozen and all(not p.interest_frozen for p in d.proposals)
        said = " ".join([*(s.text for s in plan.content.script[0].steps), plan.content.letter[0].text])
        assert "利息也请停掉" not in said and "利息别再算" not in said and "利息也别再算" not in said
        assert sum(r.interest for r in d.ladder.target.schedule.rows) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_recommended_pause_that_costs_more_is_compared_in_one_line(lang):
    data = example()
    data["debts"] = [data["debts"][2]]  # the card alone: instalments fit its share
    plan = build_plan(Case.model_validate(data), lang)
    d = plan.numbers.debts[0]
    target, cheaper = d.ladder.target, d.ladder.cheaper
    assert d.recommended.kind is ProposalKind.extension
    fitting = [p for p in d.proposals if p.kind is not ProposalKind.extension and p.fits]
    best = min(fitting, key=lambda p: p.total_payable)
    if best.total_payable < target.total_payable:
        assert cheaper == best
        line = t(lang, "numbers.ladder.cheaper", target_kind=t(lang, f"labels.kinds.{target.kind.value}"),
                 target_total=t(lang, "render.money", amount=f"{target.total_payable:,.2f}"),
                 cheaper_kind=t(lang, f"labels.kinds.{best.kind.value}"),
                 cheaper_total=t(lang, "render.money", amount=f"{best.total_payable:,.2f}"),
                 difference=t(lang, "render.money", amount=f"{target.total_payable - best.total_payable:,.2f}"))
        assert line in whole(render(plan), lang)
    else:
        assert cheaper is None


# ---- the allocation rule ---------------------------------------------------------------------------

OTHERS = {"zh": ("其他几家", "各家", "别家", "分给其他"), "en": ("other lenders", "my lenders", "Every lender", "the others")}


@pytest.mark.parametrize("lang", LANGS)
def test_with_one_lender_no_sentence_speaks_of_other_lenders(lang):
    data = example()
    data["debts"] = [data["debts"][0]]
    text = render(build_plan(Case.model_validate(data), lang))
    for words in OTHERS[lang]:
        assert words not in text, words


def capped_by_hand(case: Case) -> list[str]:
    """The lenders whose share is below their pro-rata part of the money available: worked out from
    the shares alone, not from the allocation's own steps."""
    n = plan_numbers(case)
    available = n.budget.available
    total = sum(d.balance for d in n.debts)
    return [d.lender for d in n.debts if d.share < fen_down(available * d.balance / total)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_allocation_sentence_names_the_lenders_that_took_only_what_they_need(lang):
    case = Case.model_validate(example())
    capped = capped_by_hand(case)
    assert capped == ["招商银行信用卡"]  # the card needs less than its part of the money
    plan = build_plan(case, lang)
    said = t(lang, "advice.split.capped", capped="招商银行信用卡")
    assert said in " ".join(plan.content.talking_points)
    assert all(said in x.text for x in plan.content.letter)
    willing = [next(s.text for s in x.steps if s.step == "willingness") for x in plan.content.script]
    assert all(t(lang, "advice.split.said_capped") in w for w in willing)


@pytest.mark.parametrize("lang", LANGS)
def test_shares_in_proportion_are_said_to_be_in_proportion(lang):
    data = example()
    data["hardship"].pop("expected_months")
    data["debts"] = data["debts"][:2]
    for debt in data["debts"]:
        debt["max_months"] = 12  # every lender needs more than its part: no one is capped
    case = Case.model_validate(data)
    assert capped_by_hand(case) == []
    plan = build_plan(case, lang)
    assert t(lang, "advice.split.same") in " ".join(plan.content.talking_points)


# ---- smaller things a lawyer would strike ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_expired_debt_is_left_out_of_all_debts(lang):
    data = example()
    data["debts"][0]["days_overdue"] = 1500  # more than 3 years: the limitation may have run out
    plan = build_plan(Case.model_validate(data), lang)
    first = whole(render(plan), lang)
    verdict = next(line for line in sentences(first, lang) if line.startswith("结论" if lang == "zh" else "In short"))
    assert t(lang, "numbers.verdict.which_all") not in verdict and data["debts"][0]["lender"] in verdict


@pytest.mark.parametrize("lang", LANGS)
def test_a_settlement_of_the_whole_balance_is_called_paying_it_in_one_go(lang):
    data = example()
    data["debts"] = [data["debts"][0]]
    data["lump_sum"] = "20000"  # more than the balance: 100%
    plan = build_plan(Case.model_validate(data), lang)
    target = plan.numbers.debts[0].ladder.target
    assert target.kind is ProposalKind.settlement and target.waived == 0
    said = " ".join([*(s.text for s in plan.content.script[0].steps), plan.content.letter[0].text])
    assert t(lang, "advice.ask.settlement_full", amount=f"{target.amount:,.2f}") in said
    assert "剩下的 0.00 元" not in said and "remaining ¥0.00" not in said


@pytest.mark.parametrize("lang", LANGS)
def test_a_settlement_letter_offers_no_monthly_amount_beside_the_lump_sum(lang):
    data = example()
    data["lump_sum"] = "40000"
    plan = build_plan(Case.model_validate(data), lang)
    available = f"{plan.numbers.budget.available:,.2f}"
    for letter, d in zip(plan.content.letter, plan.numbers.debts, strict=True):
        assert d.ladder.target.kind is ProposalKind.settlement
        assert available not in letter.text

