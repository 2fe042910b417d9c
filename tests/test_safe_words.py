"""Words that never cost a borrower a defence, answer the real threats, and say who is calling.

Each test reads the plan a person would read, in both languages."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_advice import cases

from negotiator import words
from negotiator.answers.case import Case
from negotiator.core.money import show
from negotiator.plan import build_plan
from negotiator.render.text import render as render_text
from negotiator.words import t

LANGS = ("zh", "en")
TWO_DECIMALS = re.compile(r"\d\.\d\d(?!\d)")
ADMISSIONS = {
    "zh": ("我愿意还", "我想还清", "我不是不还", "我会还"),
    "en": ("i want to repay", "i am willing to pay", "i will pay", "i owe"),
}
COURT = {"zh": ("12368", "诉前调解"), "en": ("12368", "pre-suit mediation")}
OLD = {"last_payment_date": "2022-03-01", "last_demand_date": "2022-09-10"}


def example(name: str = "case-en.json") -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def plan_with(data: dict, lang: str):
    return build_plan(Case.model_validate(data), lang)


def old_first(name: str = "case-en.json") -> dict:
    data = example(name)
    data["debts"][0].update(OLD)
    return data


@pytest.mark.parametrize("name", ["case-en.json", "case-zh.json"])
@pytest.mark.parametrize("lang", LANGS)
def test_expired_debt_script_and_letter_admit_nothing_and_name_no_amount(name, lang):
    plan = plan_with(old_first(name), lang)
    d = plan.numbers.debts[0]
    assert d.limitation.status == "expired" and d.ladder is None
    script, letter = plan.content.script[0], plan.content.letter[0]
    for text in [s.text for s in script.steps] + [letter.text]:
        assert not TWO_DECIMALS.search(text), text
        for phrase in ADMISSIONS[lang]:
            assert phrase not in text.lower(), (phrase, text)
    steps = [s.step for s in script.steps]
    assert steps == ["warning", "opening", "breakdown", "proof", "no_admission", "closing"]
    whole = "\n".join(s.text for s in script.steps)
    assert "12348" in whole
    assert ("哪家公司" if lang == "zh" else "Which company") in script.steps[1].text
    assert letter.text.startswith(t(lang, "safety.check_letter.title"))
    assert show(d.balance) not in letter.text
    # The talking points name no figure for it either.
    point = next(p for p in plan.content.talking_points if p.startswith(d.lender))
    assert not TWO_DECIMALS.search(point)


@pytest.mark.parametrize("lang", LANGS)
def test_the_other_debts_keep_their_full_plan(lang):
    plan = plan_with(old_first(), lang)
    for d, script, letter in zip(plan.numbers.debts[1:], plan.content.script[1:], plan.content.letter[1:], strict=True):
        assert d.ladder is not None
        assert "opening_ask" in [s.step for s in script.steps]
        assert show(d.balance) in letter.text
        assert show(d.ladder.walk_away) in "\n".join(s.text for s in script.steps)


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_text_plan_offers_nothing_for_the_expired_debt(lang):
    plan = plan_with(old_first(), lang)
    text = render_text(plan)
    assert t(lang, "render.summary.expired") in text
    lender = plan.numbers.debts[0].lender
    # The expired debt is first in the checklist, with its date.
    assert plan.content.checklist.before[0].startswith(t(lang, "safety.limitation.expired_top", lenders_expired="")[:8])
    assert lender in plan.content.checklist.before[0]


@pytest.mark.parametrize("lang", LANGS)
def test_near_debt_warned_at_the_top_of_the_plan_and_its_script_with_the_date(lang):
    data = example()
    data["debts"][1].update(last_payment_date="2023-12-01", last_demand_date="2024-01-20")
    plan = plan_with(data, lang)
    d = plan.numbers.debts[1]
    assert d.limitation.status == "near" and d.ladder is not None
    date = "2027年1月20日" if lang == "zh" else "20 January 2027"
    first = plan.content.checklist.before[0]
    assert d.lender in first and date in first
    script = plan.content.script[1]
    assert script.steps[0].step == "warning" and date in script.steps[0].text
    assert plan.content.checklist.before[1] == t(lang, "checklist.before.limitation")


@pytest.mark.parametrize("lang", LANGS)
def test_recent_debts_get_the_warning_worded_for_old_debts_and_not_first(lang):
    plan = plan_with(example(), lang)
    before = plan.content.checklist.before
    assert before[-1] == t(lang, "checklist.before.limitation_recent")
    assert before[0] != t(lang, "checklist.before.limitation")
    assert ("影响不大" if lang == "zh" else "hardly affects you") in before[-1]


@pytest.mark.parametrize("stage", ["lawsuit", "legal_threat"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_court_stage_says_how_to_check_it_and_about_mediation(stage, lang):
    data = example("case-zh.json")
    for debt in data["debts"]:
        debt["stage"] = "calls"
    data["debts"][0]["stage"] = stage
    plan = plan_with(data, lang)
    text = render_text(plan)
    for word in COURT[lang]:
        assert word in text
    assert "失信被执行人名单" in text
    script = plan.content.script[0]
    # Once the suit has started, the step is named for the suit, not for a threat of one.
    step = "lawsuit" if stage == "lawsuit" else "court"
    assert [s.step for s in script.steps].count(step) == 1 and "court" not in [s.step for s in script.steps if s.step != step]
    assert "12368" in next(s.text for s in script.steps if s.step == step)


@pytest.mark.parametrize("lang", LANGS)
def test_no_court_stage_no_court_checklist(lang):
    data = example("case-zh.json")
    for debt in data["debts"]:
        debt["stage"] = "calls"
    before = "\n".join(plan_with(data, lang).content.checklist.before)
    assert "12368" not in before


@pytest.mark.parametrize("lang", LANGS)
def test_malicious_overdraft_answered_with_its_elements_for_cards(lang):
    plan = plan_with(example("case-zh.json"), lang)  # has a credit card and Huabei
    jail = [o for o in plan.content.objections if ("196" in o.source)]
    assert len(jail) == 2
    card = jail[0]
    assert ("刑法第196条" if lang == "zh" else "Criminal Law Art. 196") in card.you_say
    assert "50,000" in card.you_say
    assert ("两次有效催收" if lang == "zh" else "two valid demands") in card.you_say
    assert ("30 天" if lang == "zh" else "30 days") in card.you_say
    assert card.grade == "R"
    loan = jail[1]
    assert ("民事纠纷" if lang == "zh" else "civil matter") in loan.you_say


@pytest.mark.parametrize("lang", LANGS)
def test_no_card_no_card_rules(lang):
    data = example("case-zh.json")
    data["debts"] = [d for d in data["debts"] if d["kind"] != "credit_card"]
    plan = plan_with(data, lang)
    every = json.dumps(plan.content._asdict(), ensure_ascii=False, default=str)
    assert "第70条" not in every and "Art. 70" not in every
    assert not any("196" in o.source and "50,000" in o.you_say for o in plan.content.objections)
    assert any(("民事纠纷" if lang == "zh" else "civil matter") in o.you_say for o in plan.content.objections)


@pytest.mark.parametrize("lang", LANGS)
def test_threats_the_library_answers(lang):
    plan = plan_with(example("case-zh.json"), lang)
    said = " ".join(o.they_say for o in plan.content.objections)
    for words_ in (("上门", "家里人", "最后机会", "法院", "个人账户", "停息挂账", "屏幕共享")
                   if lang == "zh" else ("home", "family", "last chance", "court", "personal account", "interest frozen", "share your screen")):
        assert words_ in said, words_


@pytest.mark.parametrize("lang", LANGS)
def test_every_objection_is_graded_by_its_weakest_source(lang):
    for o in plan_with(example("case-zh.json"), lang).content.objections:
        reported = "据报道" in o.source if lang == "zh" else "reported" in o.source.lower()
        if reported:
            assert o.grade == "R", o.source


@pytest.mark.parametrize("lang", LANGS)
def test_recording_recommended_with_its_source_and_the_opening_asks_who_calls(lang):
    plan = plan_with(example(), lang)
    before = "\n".join(plan.content.checklist.before)
    assert ("每通电话都录音" if lang == "zh" else "Record every call") in before
    assert ("民诉法解释第106条" if lang == "zh" else "Interpretation Art. 106") in before
    assert "如果当地允许" not in before and "allowed where you are" not in before
    for script in plan.content.script:
        opening = script.steps[0].text
        assert ("哪家公司" if lang == "zh" else "Which company") in opening
        assert script.lender in opening


@pytest.mark.parametrize("lang", LANGS)
def test_refusal_auto_deduction_and_honest_credit_record(lang):
    c = plan_with(example(), lang).content
    assert t(lang, "checklist.after.refusal") in c.checklist.after
    assert any(x.startswith(t(lang, "safety.auto_deduct.card")[:10]) for x in c.checklist.before)
    assert t(lang, "checklist.before.expectations") in c.checklist.before
    assert all("refusal" in [s.step for s in script.steps] for script in c.script)


def settlement_case() -> dict:
    data = example()
    data["lump_sum"] = "40000"
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_settlement_letter_asks_for_waiver_in_writing_and_account_closed_proof(lang):
    plan = plan_with(settlement_case(), lang)
    for letter in plan.content.letter:
        if lang == "zh":
            assert "结清证明" in letter.text and "不再向我追讨" in letter.text and "征信" in letter.text
        else:
            assert "settlement confirmation and account-closed proof" in letter.text
            assert "will not be pursued" in letter.text and "credit report" in letter.text
        assert "每期还款金额" not in letter.text and "each payment's amount" not in letter.text


@pytest.mark.parametrize("lang", LANGS)
def test_letters_use_a_legal_name_blank_and_say_how_to_send(lang):
    for letter in plan_with(example(), lang).content.letter:
        to = letter.text.split("\n\n")[1]
        assert to.startswith("致：________" if lang == "zh" else "To: ________")
        assert "EMS" in letter.text
        assert ("仅供协商还款使用" if lang == "zh" else "for negotiating repayment only") in letter.text
        if lang == "zh":
            assert "特此申请。" in letter.text


def test_spoken_chinese_examples():
    plan = plan_with(example("case-zh.json"), "zh")
    script = plan.content.script[0]
    assert script.steps[0].text.startswith("您好，我想跟您协商一下花呗逾期还款的事。")
    situation = next(s.text for s in script.steps if s.step == "situation")
    assert situation.startswith("我今年6月15号丢了工作。")
    every = json.dumps(plan.content._asdict(), ensure_ascii=False, default=str)
    for stiff in ("一视同仁", "与其", "据二手资料报道", "我打电话是为了", "如果当地允许录音"):
        assert stiff not in every, stiff
    # The confirmation still asks whether collection stops, in the words a person says.
    confirm = next(s.text for s in script.steps if s.step == "confirm")
    assert "还催不催收" in confirm and "以及" not in confirm and "是否" not in confirm


def test_safety_words_exist_in_both_languages():
    assert "safety" in words.areas()
    assert set(words.table("zh", "safety")) == set(words.table("en", "safety"))


@pytest.mark.parametrize("lang", LANGS)
def test_when_every_debt_has_expired_nothing_is_asked_anywhere(lang):
    data = example()
    for debt in data["debts"]:
        debt.update(OLD)
    plan = plan_with(data, lang)
    assert all(d.ladder is None for d in plan.numbers.debts)
    c = plan.content
    assert t(lang, "checklist.during.ladder") not in c.checklist.during
    assert t(lang, "checklist.after.agreement") not in c.checklist.after
    assert not any(t(lang, "checklist.before.walk_away", walk_aways="")[:6] in x for x in c.checklist.before)
    for script, letter in zip(c.script, c.letter, strict=True):
        for text in [s.text for s in script.steps] + [letter.text]:
            assert not TWO_DECIMALS.search(text)
    assert render_text(plan)  # every form still draws


@pytest.mark.parametrize("lang", LANGS)
def test_a_near_debt_letter_says_sending_it_restarts_the_period(lang):
    data = example()
    data["debts"][1].update(last_payment_date="2023-12-01", last_demand_date="2024-01-20")
    letter = plan_with(data, lang).content.letter[1]
    assert letter.text.startswith("【寄出前先看" if lang == "zh" else "[Before you send this")
    assert ("2027年1月20日" if lang == "zh" else "20 January 2027") in letter.text


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_opens_with_the_limitation_notes(lang):
    data = old_first()
    data["debts"][1].update(last_payment_date="2023-12-01", last_demand_date="2024-01-20")
    text = render_text(plan_with(data, lang))
    summary = text.split("\n\n\n")[1]
    assert "2025-09-10" in summary and "2027-01-20" in summary
    assert summary.index("2025-09-10") < summary.index("2027-01-20")


def _expire_some(data: dict, flags: list[bool]) -> dict:
    for debt, old in zip(data["debts"], flags):
        if old:
            debt.update(OLD)
    return data


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.lists(st.booleans(), min_size=3, max_size=3))
def test_no_expired_script_or_letter_ever_names_an_amount_or_admits(data, flags):
    data = _expire_some(data, flags)
    for lang in LANGS:
        plan = build_plan(Case.model_validate(data), lang)
        for d, script, letter in zip(plan.numbers.debts, plan.content.script, plan.content.letter, strict=True):
            if d.ladder is not None:
                continue
            for text in [s.text for s in script.steps] + [letter.text]:
                assert not TWO_DECIMALS.search(text), text
                assert not any(phrase in text.lower() for phrase in ADMISSIONS[lang]), text
        assert sum(d.share for d in plan.numbers.debts) <= plan.numbers.budget.available
        assert all(d.share == 0 for d in plan.numbers.debts if d.ladder is None)


@pytest.mark.parametrize("lang", LANGS)
def test_through_the_command_the_expired_debt_has_a_null_ladder_and_safe_words(run_cli, tmp_path, lang):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(old_first("case-zh.json"), ensure_ascii=False), encoding="utf-8")
    result = run_cli("plan", "--answers", str(path), "--format", "json", "--lang", lang)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["debts"][0]["ladder"] is None and doc["debts"][0]["limitation"]["status"] == "expired"
    assert doc["debts"][0]["proposals"] == []
    assert all(d["ladder"] is not None for d in doc["debts"][1:])
    words_ = [s["text"] for s in doc["script"][0]["steps"]] + [doc["letter"][0]["text"]]
    for text in words_:
        assert not TWO_DECIMALS.search(text)
        assert not any(phrase in text.lower() for phrase in ADMISSIONS[lang])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_agreed_lender_gets_a_script_that_holds_to_the_agreement(lang):
    """Once a plan is agreed, calling that lender is about keeping it: the script reads back the
    agreed figures and asks for them in writing; it opens no new negotiation."""
    import datetime as dt
    from decimal import Decimal

    from negotiator.records.contacts import Agreement

    case = Case.model_validate(json.loads((EXAMPLES / f"case-{lang}.json").read_text("utf-8")))
    first, second = case.debts[0].lender, case.debts[1].lender
    agreed = Agreement(lender=first, kind="instalments", months=24, monthly=Decimal("321.09"), first_due=dt.date(2027, 1, 5))
    plan = build_plan(case, agreements=(agreed,))
    scripts = {s.lender: s for s in plan.content.script}
    assert [s.step for s in scripts[first].steps] == ["opening", "agreed", "confirm", "closing"]
    said = " ".join(s.text for s in scripts[first].steps)
    assert "321.09" in said and t(lang, "advice.span.instalments", n=24) in said
    assert "opening_ask" in [s.step for s in scripts[second].steps]  # the others still negotiate
