"""One truthful plan: shares that use all of the money and no more, targets that always fit the
walk-away, an opening that is really an opening, interest during a pause made explicit,
settlements that free the budget, agreements per lender, one follow-up rule, a calendar of real
events only, and words that quote the plan's own figures."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal as D

import pytest
from conftest import EXAMPLES, examples, sentence
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.answers.case import Case, ProposalKind
from negotiator.plan import build_plan
from negotiator.planning.allocation import allocate
from negotiator.planning.engine import plan_numbers
from negotiator.planning.proposals import softer
from negotiator.records.contacts import Agreement
from negotiator.render import json as json_form

FEN = D("0.01")
ZH = EXAMPLES / "case-zh.json"
EN = EXAMPLES / "case-en.json"


def example(path) -> Case:
    return Case.model_validate_json(path.read_text("utf-8"))


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


# ---- random cases ---------------------------------------------------------------------------------

MONEY = st.decimals(min_value=D("0"), max_value=D("40000"), places=2)


@st.composite
def cases(draw):
    debts = []
    for i in range(draw(st.integers(1, 4))):
        debt = {
            "lender": f"L{i}",
            "kind": draw(st.sampled_from(["huabei", "jiebei", "credit_card", "online_loan", "other"])),
            "principal": str(draw(st.decimals(min_value=D("1"), max_value=D("200000"), places=2))),
            "interest": str(draw(MONEY)),
            "penalties": str(draw(MONEY)),
            "contract_monthly": str(draw(MONEY)),
        }
        if draw(st.booleans()):
            debt["daily_rate_percent"] = str(draw(st.decimals(min_value=D("0"), max_value=D("0.1"), places=3)))
        else:
            debt["annual_rate_percent"] = str(draw(st.decimals(min_value=D("0"), max_value=D("36"), places=2)))
        if draw(st.integers(0, 4)) == 0:
            debt["max_months"] = draw(st.integers(1, 120))
        debts.append(debt)
    lump = draw(st.one_of(st.just(D("0")), MONEY))
    total = sum(D(d["principal"]) + D(d["interest"]) + D(d["penalties"]) for d in debts)
    if lump * 100 >= total and draw(st.booleans()):  # a settlement is offered from 1% of the balances
        debts[0]["chosen"] = "settlement"
    return Case.model_validate({
        "language": draw(st.sampled_from(["zh", "en"])),
        "hardship": {"cause": "job_loss", "since": "2026-05-01", "expected_months": draw(st.one_of(st.none(), st.integers(1, 24))),
                     "income_before": draw(st.one_of(st.none(), MONEY.map(str)))},
        "income": [{"source": "pay", "monthly": str(draw(MONEY))}],
        "expenses": [{"category": "food", "monthly": str(draw(MONEY))}],
        "lump_sum": str(lump),
        "buffer_percent": draw(st.integers(0, 50)),
        "plan_date": "2026-11-28",
        "debts": debts,
    })


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_targets_never_ask_above_the_walk_away_and_all_fit_the_budget(c):
    n = plan_numbers(c)
    available = n.budget.available
    assert sum(d.share for d in n.debts) <= available
    monthly = [d for d in n.debts if d.ladder.target.kind is not ProposalKind.settlement]
    for d in monthly:
        target = d.ladder.target
        assert all(r.payment <= d.share for r in target.schedule.rows), d.lender
        assert d.ladder.walk_away == d.share
        if not target.pause_only:
            assert sum(r.principal for r in target.schedule.rows) == target.amount
            assert all(r.payment == r.principal + r.interest for r in target.schedule.rows)
    assert sum(d.ladder.target.schedule.largest_payment for d in monthly) <= available
    for d in n.debts:
        if d.ladder.target.kind is ProposalKind.settlement:
            assert d.share == 0 and d.ladder.once and d.ladder.walk_away == d.ladder.target.amount


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_all_of_the_money_is_shared_out_to_the_fen(c):
    n = plan_numbers(c)
    taking = [d for d in n.debts if d.ladder.target.kind is not ProposalKind.settlement]
    if taking and n.budget.available > 0:
        # Rounding down loses at most a fen per lender, twice when slack is given back.
        assert sum(d.share for d in taking) >= n.budget.available - 2 * FEN * len(taking)
    else:
        assert all(d.share == 0 for d in n.debts)


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_longer_term_is_named_exactly_and_only_when_nothing_fits_the_usual_one(c):
    for d in plan_numbers(c).debts:
        target, usual = d.ladder.target, d.ladder.usual
        if target.within_usual_terms or target.kind is ProposalKind.settlement:
            assert usual is None
            # (A pause longer than a short usual term still leaves one month to pay in.)
            assert target.months <= max(d.debt.term_limit, target.pause_months + 1)
            continue
        assert usual is not None and not usual.fits
        assert not any(x.fits for x in softer(usual, d.debt, c.plan_date))
        if not target.pause_only:
            # Paid at the walk-away, the last payment smaller, for the exact months it takes.
            assert target.monthly_payment == d.share
            assert target.months > d.debt.term_limit or target.months >= usual.months
            assert all(r.payment == d.share for r in target.instalments[:-1])


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_opening_is_more_favourable_or_there_is_one_ask_only(c):
    for d in plan_numbers(c).debts:
        opening, target = d.ladder.opening, d.ladder.target
        if opening is None:
            continue
        assert opening.total_payable < target.total_payable
        if opening.kind is not ProposalKind.settlement:
            assert opening.schedule.largest_payment <= d.share


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_interest_during_a_pause_is_stated_and_in_the_figures(c):
    for d in plan_numbers(c).debts:
        for p in (d.ladder.target, *d.proposals):
            if not p.pause_months:
                assert p.interest_during_pause is None
                continue
            assert p.interest_during_pause == ("frozen" if p.interest_frozen else "accrues")
            pause = p.schedule.rows[: p.pause_months]
            if p.interest_frozen:
                assert all(r.interest == 0 for r in pause)
            elif p.kind is ProposalKind.extension and not p.pause_only and d.debt.annual_rate >= 1 and p.amount >= 100:
                assert pause[0].interest > 0


@given(st.lists(st.decimals(min_value=D("1"), max_value=D("100000"), places=2), min_size=1, max_size=6),
       st.lists(st.one_of(st.none(), st.decimals(min_value=D("0"), max_value=D("5000"), places=2)), min_size=6, max_size=6),
       st.decimals(min_value=D("0"), max_value=D("20000"), places=2))
def test_allocation_gives_each_at_most_its_need_while_others_are_short(balances, needs, available):
    needs = needs[: len(balances)]
    shares = allocate(balances, needs, available)
    assert sum(shares) <= available
    assert all(s >= 0 and s.as_tuple().exponent == -2 for s in shares)
    assert all(s == 0 for s, n in zip(shares, needs) if n is None)
    taking = [i for i, n in enumerate(needs) if n is not None]
    if taking and available > 0:
        assert sum(shares) >= available - FEN * len(taking)
        short = [i for i in taking if shares[i] < needs[i]]
        if short:  # nobody gets more than it needs while another is short
            assert all(shares[i] <= needs[i] for i in taking)


# ---- worked vectors -------------------------------------------------------------------------------


def test_chinese_example_worked_vector():
    n = plan_numbers(example(ZH))
    # Needs at the usual term: 583.92, 899.06, 1,104.11; together 562.09 more than the 2,025.00.
    assert [d.need for d in n.debts] == [D("583.92"), D("899.06"), D("1104.11")]
    assert n.cover.covers_all is False and n.cover.shortfall == D("562.09")
    # The card fits with penalties waived and interest frozen at 1,047.95 at most; the rest of its
    # pro-rata 1,059.49 goes to Huabei and Jiebei, which are paid at the walk-away for longer.
    assert [d.share for d in n.debts] == [D("370.47"), D("606.57"), D("1047.95")]
    huabei, jiebei, card = n.debts
    assert (huabei.ladder.target.months, huabei.ladder.target.monthly_payment) == (39, D("370.47"))
    assert huabei.ladder.target.within_usual_terms is False and huabei.ladder.target.interest_during_pause == "frozen"
    assert (huabei.ladder.usual.months, huabei.ladder.usual.monthly_payment) == (36, D("404.27"))
    assert card.ladder.target.within_usual_terms and card.ladder.target.schedule.largest_payment == card.share
    assert all(d.ladder.opening is None for d in n.debts)  # each target is already the gentlest ask
    assert n.cover.asks == ("longer", "waive", "freeze")


def test_nothing_available_is_a_pause_with_no_amount():
    data = json.loads(ZH.read_text("utf-8"))
    data["income"] = [{"source": "兼职工资", "monthly": "1000"}]
    plan = build_plan(Case.model_validate(data))
    doc = json_form.document(plan)
    for d, debt in zip(plan.numbers.debts, doc["debts"], strict=True):
        assert d.ladder.target.pause_only and debt["ladder"]["target"]["monthly_payment"] is None
        assert debt["ladder"]["opening"] is None
    assert doc["budget"]["covers_all"] is False
    from negotiator.render.text import render

    assert "没有余钱还款" in render(plan).split("\n\n")[2]


def lump_case(chosen_first: bool = True) -> dict:
    data = json.loads(ZH.read_text("utf-8"))
    data["lump_sum"] = "8000"
    if chosen_first:
        data["debts"][0]["chosen"] = "settlement"
    return data


def test_a_settled_lender_frees_its_share_for_the_others():
    n = plan_numbers(Case.model_validate(lump_case()))
    huabei, *others = n.debts
    assert huabei.ladder.target.kind is ProposalKind.settlement and huabei.share == 0
    assert sum(d.share for d in others) >= n.budget.available - FEN * len(others)
    # Only Huabei settles, so the lump sum is offered to it alone: 8,000 / 12,771.30 = 62.64%.
    assert huabei.ladder.target.settlement_percent == D("62.64")
    assert huabei.ladder.target.amount == D("7999.94")
    assert n.cover.lump_sum_used == D("7999.94") and n.cover.lump_sum_left == D("0.06")
    assert huabei.ladder.walk_away == D("7999.94") and huabei.ladder.once


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_written_off_amount_is_named_for_what_it_is(lang):
    data = json.loads(ZH.read_text("utf-8"))
    data["lump_sum"] = "40000"  # over 40% of all balances: every lender is offered a settlement
    plan = build_plan(Case.model_validate(data), lang)
    d = plan.numbers.debts[2]
    waived = f"{d.ladder.target.waived:,.2f}"
    words = {"zh": f"剩下的 {waived} 元给我免了，这里面也有本金", "en": f"the remaining {waived} yuan, including principal, written off"}[lang]
    script = " ".join(s.text for s in plan.content.script[2].steps)
    assert words in script
    from negotiator.render.text import render

    text = render(plan).replace("\n", "")
    assert {"zh": "含本金", "en": "including principal"}[lang] in text
    assert {"zh": "减免罚息 " + waived, "en": f"penalties of {waived}"}[lang] not in text


# ---- words quote the plan -------------------------------------------------------------------------

AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)")


def money_strings(node) -> set[str]:
    out: set[str] = set()
    if isinstance(node, dict):
        for value in node.values():
            out |= money_strings(value)
    elif isinstance(node, list):
        for value in node:
            out |= money_strings(value)
    elif isinstance(node, str) and re.fullmatch(r"-?\d+\.\d{2}", node):
        out.add(node.lstrip("-"))
    return out


def amounts(text: str) -> set[str]:
    return {x.replace(",", "") for x in AMOUNT.findall(text)}


def check_words(doc: dict) -> None:
    common = money_strings(doc["budget"]) | {doc["lump_sum"]}  # the lump sum sits beside the budget
    every = set(common)
    for i, debt in enumerate(doc["debts"]):
        allowed = common | money_strings(debt)
        every |= allowed
        script = " ".join(s["text"] for s in doc["script"][i]["steps"])
        letter = doc["letter"][i]["text"]
        for text in (script, letter):
            stray = amounts(text) - allowed
            assert not stray, (debt["lender"], stray, text)
    for point in doc["talking_points"]:
        assert not amounts(point) - every, (point, amounts(point) - every)


@pytest.mark.parametrize("path", [ZH, EN])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_amount_in_the_words_is_one_of_the_plans_figures(path, lang):
    doc = json_form.document(build_plan(example(path), lang))
    check_words(doc)
    # The walk found amounts to check.
    assert any(amounts(s["text"]) for s in doc["script"][0]["steps"])


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_amount_in_the_words_of_any_case_is_one_of_its_figures(c):
    check_words(json_form.document(build_plan(c)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_letter_names_contract_terms_as_the_contracts_and_proposals_as_proposals(lang):
    plan = build_plan(example(ZH), lang)
    letter = plan.content.letter[0].text
    if lang == "zh":
        # Huabei's 0.05% a day is an overdue charge (facts.md §2), never a contract rate.
        assert "按合同，每月应还 1,800.00 元；逾期费用按每天 0.05% 计" in letter and "年利率" not in letter
        assert "就算免了罚息和违约金、也不算利息，分 30 期每月也要还 404.27 元" in letter
        assert "还 33 个月" in letter and "通常" not in letter and "（" not in letter.split("申请：")[1].split("。")[0]
    else:
        assert "The contract asks for 1,800.00 yuan a month; the overdue charge is 0.05% a day" in letter and "contract rate" not in letter
        assert "30 months would still take 404.27 yuan a month" in letter
        assert "370.47 yuan a month for 33 months" in letter and "usual" not in letter


def test_the_summary_says_in_one_line_whether_the_budget_covers_everyone():
    from negotiator.render.sections import sections

    zh = sections(build_plan(example(ZH), "zh"))[0].blocks[0].text
    assert zh.startswith("结论：") and "562.09 元" in zh and "给比假设期限更长的期限、减免罚息、停止计息" in zh
    en = sections(build_plan(example(EN), "en"))[0].blocks[0].text
    assert en.startswith("In short:") and "covers every lender" in en


# ---- agreements, follow-up and the calendar, end to end --------------------------------------------


def test_two_agreements_both_listed_both_used_and_only_they_in_the_calendar(run_cli):
    ok(run_cli("new", "--answers", str(EN), "--name", "x"))
    ok(run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "300", "--first-due", "2099-01-15", "--lender", "Huabei"))
    ok(run_cli("agree", "x", "--kind", "instalments", "--months", "10", "--monthly", "700", "--first-due", "2099-02-20", "--lender", "Online lender"))
    doc = json.loads(ok(run_cli("show", "x", "--format", "json")))
    assert [(a["lender"], a["monthly"], a["first_due"]) for a in doc["agreements"]] == [
        ("Huabei", "300.00", "2099-01-15"), ("Online lender", "700.00", "2099-02-20")]
    assert "agreement" not in doc
    # Agreed amounts come out first; the card gets the rest.
    shares = {d["lender"]: d["share"] for d in doc["debts"]}
    assert shares["Huabei"] == "300.00" and shares["Online lender"] == "700.00"
    assert D(shares["China Merchants Bank credit card"]) == D(doc["budget"]["available"]) - 1000
    after = " ".join(doc["checklist"]["after"])
    assert "15 January 2099" in after and "20 February 2099" in after
    ics = ok(run_cli("show", "x", "--format", "ics"))
    summaries = [line for line in ics.splitlines() if line.startswith("SUMMARY:")]
    payments = [s for s in summaries if "Pay " in s or "¥" in s or "yuan" in s]
    assert len(payments) == 22
    assert all("Huabei" in s or "Online lender" in s for s in payments)
    assert len(summaries) == 23  # and one follow-up call, for the card


def test_show_and_cases_give_the_same_next_follow_up(run_cli):
    ok(run_cli("new", "--answers", str(ZH), "--name", "x"))
    for step in (
        (),
        ("log", "add", "x", "--channel", "phone", "--next-date", "2099-03-04"),
        ("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "300", "--first-due", "2099-02-01"),
    ):
        if step:
            ok(run_cli(*step))
        shown = json.loads(ok(run_cli("show", "x", "--format", "json")))["next_follow_up"]
        listed = json.loads(ok(run_cli("cases", "--format", "json")))[0]["next_follow_up"]
        assert shown == listed
    assert shown == "2099-02-01"


def test_agree_warns_in_the_runs_language_and_still_records(run_cli):
    ok(run_cli("new", "--answers", str(ZH), "--name", "x"))
    result = run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "500", "--first-due", "2099-01-15", "--lang", "en")
    assert result.returncode == 0
    assert sentence("en", "numbers.agree.above_share", lender="花呗").search(result.stdout)  # --lang en: one language for the run
    result = run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "3000", "--first-due", "2099-01-15",
                     "--lender", "借呗", "--lang", "en")
    assert result.returncode == 0 and sentence("en", "numbers.agree.above_available", available="2,025.00", lender="借呗").search(result.stdout)
    assert len(json.loads(ok(run_cli("show", "x", "--format", "json")))["agreements"]) == 2
    quiet = run_cli("agree", "x", "--kind", "instalments", "--months", "12", "--monthly", "100", "--first-due", "2099-01-15",
                    "--lender", "借呗", "--lang", "en")
    assert quiet.returncode == 0 and "Note:" not in quiet.stdout


def test_a_case_with_only_the_old_agreement_file_still_opens_and_keeps_it(run_cli, home):
    ok(run_cli("new", "--answers", str(EN), "--name", "x"))
    old = {"lender": "Huabei", "kind": "instalments", "months": 6, "monthly": "300.00", "first_due": "2099-01-15"}
    (home / "cases" / "x" / "agreement.json").write_text(json.dumps(old), "utf-8")
    doc = json.loads(ok(run_cli("show", "x", "--format", "json")))
    assert [a["lender"] for a in doc["agreements"]] == ["Huabei"]
    ok(run_cli("agree", "x", "--kind", "instalments", "--months", "6", "--monthly", "600", "--first-due", "2099-02-01", "--lender", "Online lender"))
    doc = json.loads(ok(run_cli("show", "x", "--format", "json")))
    assert [a["lender"] for a in doc["agreements"]] == ["Huabei", "Online lender"]
    history = (home / "cases" / "x" / "agreements.jsonl").read_text("utf-8").splitlines()
    assert len(history) == 2
    assert json.loads((home / "cases" / "x" / "agreement.json").read_text("utf-8")) == old  # left as it was


def test_a_new_agreement_with_the_same_lender_replaces_only_that_one():
    from negotiator.store.agreements import current

    a = Agreement(lender="Huabei", kind="instalments", months=6, monthly=D("300"), first_due=dt.date(2099, 1, 1))
    b = Agreement(lender="Online lender", kind="instalments", months=6, monthly=D("600"), first_due=dt.date(2099, 1, 1))
    c = a.model_copy(update={"monthly": D("350"), "lender": " huabei"})
    assert current([a, b, c], ["Huabei", "Online lender"]) == (c, b)


def test_a_plan_from_an_answers_file_has_no_payment_events():
    from negotiator.render import ics

    for path in (ZH, EN):
        produced = ics.render(build_plan(example(path)))
        assert produced.count("BEGIN:VEVENT") == 1


# ---- the wizard shows the plan's numbers ----------------------------------------------------------


@pytest.mark.parametrize("path", [ZH, EN])
def test_the_wizard_picker_review_and_result_show_the_plans_own_target(path, capsys):
    from negotiator.advice.phrasing import given
    from negotiator.core.money import show
    from negotiator.core.when import Day
    from negotiator.planning.engine import what_if
    from negotiator.wizard import screens as screen
    from negotiator.wizard.steps import choice

    c = example(path)
    plan = build_plan(c)
    for d in plan.numbers.debts:
        target = d.ladder.target
        # Picking what the plan already aims for gives exactly the plan's lender.
        same = what_if(c, d.index, target.kind)
        assert (same.share, same.ladder) == (d.share, d.ladder)
        line = screen.proposal_choice(choice(c, d, target.kind), c.language)
        assert show(target.monthly_payment) in line and show(d.ladder.walk_away) in line
        assert str(len(target.instalments)) in line
        assert show(target.total_payable) in line  # what it adds up to, and when it is paid off
        last = target.schedule.rows[-1].due
        assert given(c.language, Day(last.year, last.month)) in line
    screen.review(c, plan, c.language)
    screen.result(plan, c.language)
    out = capsys.readouterr().out
    for d in plan.numbers.debts:
        assert out.count(screen.target(d, c.language)) == 2  # the same line on both screens
        assert show(d.ladder.target.monthly_payment) in screen.target(d, c.language)


def test_an_agreed_settlement_is_paid_from_the_lump_sum_not_from_the_month():
    data = json.loads(ZH.read_text("utf-8"))
    data["lump_sum"] = "6000"
    settled = Agreement(lender="花呗", kind="settlement", months=1, monthly=D("5000"), first_due=dt.date(2099, 1, 10))
    n = build_plan(Case.model_validate(data), agreements=(settled,)).numbers
    assert n.debts[0].share == 0
    assert sum(d.share for d in n.debts[1:]) >= n.budget.available - 2 * FEN * 2
    assert n.cover.lump_sum_used == D("5000.00") and n.cover.lump_sum_left == D("1000.00")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_fits_its_walk_aways_and_its_budget(path):
    n = plan_numbers(example(path))
    monthly = [d for d in n.debts if not d.ladder.once]
    for d in monthly:
        assert all(r.payment <= d.share for r in d.ladder.target.schedule.rows)
    assert sum(d.ladder.target.schedule.largest_payment for d in monthly) <= n.budget.available


def test_a_shortfall_caused_by_agreements_alone_asks_nothing_more():
    from negotiator.render.sections import sections

    data = json.loads(EN.read_text("utf-8"))
    big = Agreement(lender="Huabei", kind="instalments", months=12, monthly=D("2400"), first_due=dt.date(2099, 1, 1))
    plan = build_plan(Case.model_validate(data), "en", agreements=(big,))
    cover = plan.numbers.cover
    assert cover.covers_all is False and cover.shortfall > 0
    line = sections(plan)[0].blocks[0].text
    assert line.startswith("In short:") and f"{cover.shortfall:,.2f}" in line
    if not cover.asks:
        assert "agreed" in line
