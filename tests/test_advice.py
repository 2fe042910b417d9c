"""The plan's words: filled with the case's own numbers, sourced, never promising past the walk-away."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from conftest import EXAMPLES, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.advice import build_content
from negotiator.advice.asks import ask
from negotiator.advice.kinds import FITS, LONGER, NO_MONEY, SETTLE, variant
from negotiator.advice.phrasing import months, term
from negotiator.answers.case import Case, Cause
from negotiator.core.money import show
from negotiator.plan import Content, build_plan
from negotiator.words import raw, t

LANGS = ("zh", "en")
PARTS = ("checklist", "talking_points", "script", "objections", "mistakes", "letter", "rights", "disclaimer")
# How each language says a fact was reported rather than checked against the text (facts.md grade R).
REPORTED = {"en": ("reported", "according to"), "zh": ("据报道", "据")}


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"), parse_float=str)


def no_money_case() -> dict:
    case = example("case-zh.json")
    case["income"] = [{"source": "兼职", "monthly": "3000"}]
    return case


def settlement_case() -> dict:
    case = example("case-en.json")
    case["lump_sum"] = "40000"
    return case


CASES = {
    "zh": example("case-zh.json"),
    "en": example("case-en.json"),
    "no_money": no_money_case(),
    "settlement": settlement_case(),
}


def plan_of(name: str, lang: str):
    return build_plan(Case.model_validate(CASES[name]), lang)


def texts(content: Content) -> list[str]:
    """Every string of the content, however deep."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (list, tuple)):  # a sequence, or a record (a NamedTuple)
            for item in value:
                walk(item)

    walk(content)
    return found


ALL = [(name, lang) for name in CASES for lang in LANGS]


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_every_placeholder_filled(name, lang):
    content = plan_of(name, lang).content
    for text in texts(content):
        assert "{" not in text and "}" not in text, text


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_every_part_present(name, lang):
    c = plan_of(name, lang).content
    assert c.checklist.before and c.checklist.during and c.checklist.after
    assert c.talking_points and c.mistakes and c.disclaimer
    assert len(c.objections) >= 10
    assert all(o.they_say and o.you_say for o in c.objections)
    assert all(r.text and r.source for r in c.rights)
    # Only an objection answered by plain good sense has an empty source (and grade).
    assert all(text.strip() for text in texts(c._replace(objections=())))


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_script_names_lender_target_and_walk_away(name, lang):
    plan = plan_of(name, lang)
    scripts = plan.content.script
    assert [s.lender for s in scripts] == [d.lender for d in plan.numbers.debts]
    for script, d in zip(scripts, plan.numbers.debts, strict=True):
        steps = [s.step for s in script.steps]
        court = ["court"] if d.debt.stage.value in ("legal_threat", "lawsuit") else []
        assert steps == ["opening", "identity", *court, "situation", "willingness", "opening_ask", "fallback", "refusal", "confirm", "closing"]
        whole = "\n".join(s.text for s in script.steps)
        assert d.lender in script.steps[0].text
        assert show(d.ladder.walk_away) in whole
        if variant(d) != NO_MONEY:
            assert show(d.ladder.target.monthly_payment) in whole


@pytest.mark.parametrize("lang", LANGS)
def test_target_that_does_not_fit_is_never_promised(lang):
    plan = plan_of("zh", lang)
    longer = [d for d in plan.numbers.debts if variant(d) == LONGER]
    assert longer, "the Chinese example has targets that do not fit the share"
    for d in longer:
        script = next(s for s in plan.content.script if s.lender == d.lender)
        fallback = next(s.text for s in script.steps if s.step == "fallback")
        target_ask = ask(lang, d, d.ladder.target)
        # The ask itself offers the walk-away over the exact longer term it takes.
        assert d.ladder.target.monthly_payment == d.ladder.walk_away
        rest = d.ladder.target.months - d.ladder.target.pause_months
        # After a pause the term is said as months to go ("还 N 个月"), never "N instalments in all".
        span = months(lang, rest) if d.ladder.target.pause_months else term(lang, rest)
        assert show(d.ladder.walk_away) in target_ask and span in target_ask
        # The script names the usual-term instalment only as what cannot be paid.
        usual = d.ladder.usual
        assert show(usual.monthly_payment) in fallback and show(usual.monthly_payment) not in target_ask
        # Asked once when the opening ask is the target; else the fallback is the target.
        assert (target_ask in fallback) is (d.ladder.opening is not None)


def test_fitting_target_offers_its_own_payment():
    plan = plan_of("en", "en")
    cmb = plan.numbers.debts[1]
    assert variant(cmb) == FITS
    fallback = next(s.text for s in plan.content.script[1].steps if s.step == "fallback")
    assert fallback == t("en", "script.fallback.fits", target_ask="1,369.71 yuan a month for 45 months", lender=cmb.lender, walk_away="1,390.12")


@pytest.mark.parametrize("lang", LANGS)
def test_no_money_asks_for_a_pause_and_free_advice(lang):
    plan = plan_of("no_money", lang)
    assert plan.numbers.budget.available == 0
    content = plan.content
    assert all(variant(d) == NO_MONEY for d in plan.numbers.debts)
    assert t(lang, "checklist.before.no_money") in content.checklist.before
    for script, d in zip(content.script, plan.numbers.debts, strict=True):
        opening_ask = script.steps[4].text
        # Interest runs during the pause unless the lender stops it: the freeze is part of the ask.
        assert t(lang, "advice.ask.no_money_freeze", pause_span=months(lang, d.ladder.target.pause_months)) in opening_ask
        assert script.steps[3].text == t(lang, "script.willingness.no_money")


@pytest.mark.parametrize("lang", LANGS)
def test_settlement_states_the_one_payment(lang):
    plan = plan_of("settlement", lang)
    for script, d, letter in zip(plan.content.script, plan.numbers.debts, plan.content.letter, strict=True):
        assert variant(d) == SETTLE
        whole = "\n".join(s.text for s in script.steps)
        assert show(d.ladder.target.amount) in whole
        assert show(d.ladder.opening.amount) in whole
        assert show(d.ladder.target.amount) in letter.text


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_no_myth_about_hours_in_2018(name, lang):
    for text in texts(plan_of(name, lang).content):
        if "2018" in text:
            assert "8:00" not in text and "8点" not in text and "22:00" not in text and "22点" not in text, text


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_reported_facts_are_worded_as_reported(name, lang):
    content = plan_of(name, lang).content
    for right in content.rights:
        assert right.grade in ("V", "R")
        if right.grade == "R":
            assert any(mark in right.text.lower() for mark in REPORTED[lang]), right.text
    for objection in content.objections:
        assert objection.grade in ("", "V", "R")
        assert bool(objection.source) == bool(objection.grade)
        if objection.grade == "R":
            assert any(mark in objection.you_say.lower() for mark in REPORTED[lang]), objection.you_say


@pytest.mark.parametrize("lang", LANGS)
def test_limitation_warning_is_last_when_every_debt_is_recent(lang):
    # Debts a few months behind lose nothing by negotiating: the warning says so, after the rest.
    content = plan_of("zh", lang).content
    last = content.checklist.before[-1]
    assert last == t(lang, "checklist.before.limitation_recent")
    assert ("民法典" if lang == "zh" else "Civil Code") in last
    assert ("影响不大" if lang == "zh" else "hardly affects you") in last
    assert content.rights[0].text == t(lang, "rights.limitation.text")
    assert "195" in content.rights[0].source


@pytest.mark.parametrize("lang", LANGS)
def test_huabei_rate_is_typical_only(lang):
    right = next(r for r in plan_of("zh", lang).content.rights if "0.05%" in r.text)
    assert right.grade == "R"
    if lang == "en":
        assert "typical" in right.text and "check your own contract" in right.text
    else:
        assert "常见" in right.text and "以您自己的合同" in right.text


@pytest.mark.parametrize("cause", list(Cause))
@pytest.mark.parametrize("lang", LANGS)
def test_proof_of_hardship_matches_the_cause(cause, lang):
    data = example("case-zh.json")
    data["hardship"]["cause"] = cause.value
    content = build_plan(Case.model_validate(data), lang).content
    assert t(lang, f"checklist.proof.{cause.value}") in content.checklist.before
    assert t(lang, f"letter.proof.{cause.value}") in content.letter[0].text


@pytest.mark.parametrize("lang", LANGS)
def test_letter_per_lender_with_blanks(lang):
    plan = plan_of("zh", lang)
    assert [x.lender for x in plan.content.letter] == [d.lender for d in plan.numbers.debts]
    for letter, d in zip(plan.content.letter, plan.numbers.debts, strict=True):
        assert letter.text.startswith(t(lang, "letter.title"))
        assert d.lender in letter.text and show(d.balance) in letter.text
        assert "________" in letter.text
    assert plan.content.letter[0].text.startswith("协商还款申请书" if lang == "zh" else "Written repayment request")


def test_old_debt_and_lawsuit_warnings_before_the_call():
    data = example("case-en.json")
    data["debts"][2]["days_overdue"] = 1200
    data["debts"][2]["stage"] = "lawsuit"
    before = build_plan(Case.model_validate(data), "en").content.checklist.before
    assert before[0].startswith(t("en", "safety.limitation.expired_top", lenders_expired="Online lender: ")[:60])
    assert "Online lender: " in before[0]
    assert before[1] == t("en", "checklist.before.limitation")
    assert before[2] == t("en", "checklist.before.lawsuit", lenders_sued="Online lender")


@pytest.mark.parametrize("lang", LANGS)
def test_waiver_that_clears_the_account_asks_for_nothing_more(lang):
    data = example("case-en.json")
    data["debts"][0].update(principal="0", interest="0", penalties="300")
    plan = build_plan(Case.model_validate(data), lang)
    d = plan.numbers.debts[0]
    relief = t(lang, "advice.ask.relief_both", waived=show(d.ladder.opening.waived))
    assert ask(lang, d, d.ladder.opening) == t(lang, "advice.ask.relief_only", relief=relief)


def test_one_month_term_is_one_payment():
    data = example("case-en.json")
    data["debts"] = [dict(data["debts"][0], principal="100", interest="0", penalties="0")]
    d = build_plan(Case.model_validate(data), "en").numbers.debts[0]
    assert d.ladder.target.months == 1
    assert ask("en", d, d.ladder.target) == f"{show(d.ladder.target.monthly_payment)} yuan in one payment"


@pytest.mark.parametrize(("lang", "one", "many"), [("en", "1 month", "2 months"), ("zh", "1 个月", "2 个月")])
def test_a_one_month_pause_is_said_right(lang, one, many):
    assert (months(lang, 1), months(lang, 2)) == (one, many)
    data = example("case-zh.json")
    data["hardship"]["expected_months"] = 1
    plan = build_plan(Case.model_validate(data), lang)
    assert one in plan.content.script[0].steps[4].text
    assert t(lang, "advice.talking.expected", expected_span=one) in plan.content.talking_points


def test_rate_above_reported_ceiling_is_named():
    data = example("case-en.json")
    data["debts"][2]["annual_rate_percent"] = "35.9"
    rights = build_plan(Case.model_validate(data), "en").content.rights
    assert rights[-1].text == t("en", "rights.rate_ceiling.text", lenders_high="Online lender")
    assert rights[-1].grade == "R"


def test_worked_example_talking_points_en():
    points = plan_of("en", "en").content.talking_points
    assert points[0] == "What happened: on 10 April 2026, I became ill. The hardship is illness."
    assert "Income: 15,000.00 yuan a month before, 9,200.00 yuan a month now." in points
    assert (
        "Online lender, balance 16,200.00 yuan. Open with the penalty interest and late fees of 400.00 yuan waived, no further "
        "interest, and 718.18 yuan a month for 22 months. If that is refused, fall back to your target, 722.50 yuan a month for 30 months. "
        "Your walk-away is 728.43 yuan a month." in points
    )


def test_a_target_that_is_the_opening_ask_is_held_to_not_offered_again():
    plan = plan_of("zh", "en")
    d = plan.numbers.debts[2]
    assert d.ladder.opening is None and d.ladder.target.fits and d.ladder.target.within_usual_terms
    fallback = next(s.text for s in plan.content.script[2].steps if s.step == "fallback")
    assert fallback == t("en", "script.fallback.fits_same", lender=d.lender, walk_away=show(d.ladder.walk_away))
    assert "what I can do is" not in fallback
    # A debt whose opening ask is gentler than its target still falls back to the target.
    plan = plan_of("en", "en")
    other = plan.numbers.debts[0]
    assert other.ladder.opening is not None
    assert next(s.text for s in plan.content.script[0].steps if s.step == "fallback").startswith(str(raw("en", "script.fallback.fits")).split("{")[0])


def test_worked_example_script_zh():
    script = plan_of("zh", "zh").content.script[0]
    assert script.lender == "花呗"
    # The assumed term does not fit even with every relief: the exact longer term is asked for,
    # once, in short spoken clauses, with nothing in brackets read aloud.
    assert script.steps[4].text == (
        "我想这样还：罚息和违约金那 420.80 元给我免了，利息也别再算了；先缓 6 个月，这期间每月还 37.04 元；"
        "之后每月还 370.47 元，还 33 个月。谈好之前，罚息能不能先停一下？"
    )
    assert script.steps[5].text == (
        "说实话，就算免了罚息和违约金、也不算利息，分 30 期每月也要还 404.27 元，这个我还不起。"
        "我每月最多能还 370.47 元，刚才说的已经是我能做到的了。我不想随口答应一个还不上的数，到时候又逾期。"
        "【这也是您的目标方案。您对花呗的底线是每月 370.47 元。不要答应 404.27 元。】"
    )


@pytest.mark.parametrize(("name", "lang"), ALL)
def test_same_case_same_words(name, lang):
    assert plan_of(name, lang).content == plan_of(name, lang).content
    plan = plan_of(name, lang)
    assert build_content(plan) == build_content(plan)


@pytest.mark.parametrize("extra", [(), ("--lang", "en")])
def test_cli_json_carries_every_part(run_cli, extra):
    result = run_cli("plan", "--answers", str(EXAMPLES / "case-zh.json"), "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    for part in PARTS:
        assert doc[part], part
    for part in ("before", "during", "after"):
        assert doc["checklist"][part]
    assert doc["script"][0]["lender"] == "花呗"
    assert doc["script"][0]["steps"][0]["step"] == "opening"
    assert all(r["source"] for r in doc["rights"])
    expected_title = "Written repayment request" if extra else "协商还款申请书"
    assert doc["letter"][0]["text"].startswith(expected_title)
    assert not [text for text in json_strings(doc) if "{" in text or "}" in text]


def json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return []


# --- Property: whatever the case, no monthly amount asked for is above the walk-away. ------------

MONEY = st.decimals(min_value=0, max_value=20000, places=2)
# A monthly amount, or the single instalment of a one-month term, as the asks word them.
A_MONTH = {
    "en": re.compile(r"([\d,]+\.\d\d) yuan (?:a month|in one payment)"),
    "zh": re.compile(r"(?:每月(?:最多还|还|不超过)?|一次还清) ?([\d,]+\.\d\d) 元"),
}


@st.composite
def cases(draw):
    debts = [
        {
            "lender": f"Lender {i}",
            "kind": draw(st.sampled_from(["huabei", "jiebei", "credit_card", "online_loan", "other"])),
            "principal": str(draw(st.decimals(min_value=100, max_value=200000, places=2))),
            "interest": str(draw(MONEY)),
            "penalties": str(draw(MONEY)),
            "days_overdue": draw(st.integers(0, 2000)),
            "annual_rate_percent": str(draw(st.decimals(min_value=0, max_value=36, places=2))),
            "stage": draw(st.sampled_from(["reminders", "calls", "agency", "legal_threat", "lawsuit"])),
        }
        for i in range(draw(st.integers(1, 3)))
    ]
    return {
        "language": "en",
        "hardship": {
            "cause": draw(st.sampled_from([c.value for c in Cause])),
            "since": "2026-05-01",
            "expected_months": draw(st.one_of(st.none(), st.integers(1, 24))),
            "income_before": draw(st.one_of(st.none(), MONEY.map(str))),
        },
        "income": [{"source": "pay", "monthly": str(draw(MONEY))}],
        "expenses": [{"category": "food", "monthly": str(draw(MONEY))}],
        "lump_sum": str(draw(st.one_of(st.just(Decimal(0)), MONEY))),
        "plan_date": "2026-11-28",
        "debts": debts,
    }


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_no_monthly_ask_above_the_walk_away(data):
    for lang in LANGS:
        plan = build_plan(Case.model_validate(data), lang)
        for text in texts(plan.content):
            assert "{" not in text and "}" not in text
        for d in plan.numbers.debts:
            if d.ladder is None:  # the limitation may have run out: nothing is asked at all
                continue
            for proposal in (x for x in (d.ladder.opening, d.ladder.target) if x is not None):
                phrase = ask(lang, d, proposal)
                if variant(d) in (FITS, LONGER) and proposal.amount > 0:
                    assert A_MONTH[lang].findall(phrase), phrase  # the pattern does see the amounts
                for amount in A_MONTH[lang].findall(phrase):
                    assert Decimal(amount.replace(",", "")) <= d.ladder.walk_away, (amount, d.ladder.walk_away)


def test_every_step_of_every_script_has_a_label_in_both_languages():
    """A step shown by its bare name ("agreed") in a plan or on a call would be a word missing."""
    from negotiator.advice.script import AGREED, CHECK_FIRST, STEPS
    from negotiator.words import LANGUAGES, raw

    for lang in LANGUAGES:
        for step in {*STEPS, *AGREED, *CHECK_FIRST, "warning", "court"}:
            assert raw(lang, f"render.steps.{step}") and raw(lang, f"call.steps.{step}"), (lang, step)


@pytest.mark.parametrize("lang", LANGS)
def test_a_lump_sum_is_spoken_of_as_a_settlement_only_when_a_target_is_one(lang: str) -> None:
    from negotiator.advice.values import case_values
    from negotiator.answers.case import ProposalKind

    smaller = settlement_case() | {"lump_sum": "5000"}  # under 40%: settlement offered, no target is one
    plan = build_plan(Case.model_validate(smaller), lang)
    assert all(d.ladder.target.kind is not ProposalKind.settlement for d in plan.numbers.debts)
    values = case_values(plan)
    points = plan.content.talking_points
    assert t(lang, "advice.talking.lump_sum", **values) not in points
    assert t(lang, "advice.talking.lump_sum_kept", **values) in points
    smaller["debts"][0]["chosen"] = "settlement"
    plan = build_plan(Case.model_validate(smaller), lang)
    assert t(lang, "advice.talking.lump_sum", **case_values(plan)) in plan.content.talking_points
