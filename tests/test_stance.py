"""One stance per lender: every command quotes the same figures and the same posture for it."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, example_answers, write_answers

FIGURES = ("posture", "share", "walk_away", "most_at_once", "target", "opening", "agreed", "promise")


def five_postures(lang: str) -> dict:
    """The example with five lenders, one in each posture once `Agreed co` has its agreement."""
    data = example_answers(lang)
    huabei, card, loan = data["debts"]
    data["debts"] = [
        huabei,  # ordinary
        {**card, "lender": "Court bank", "stage": "lawsuit", "principal": "20000"},
        {**loan, "lender": "Old loan", "days_overdue": 1500},
        {**loan, "lender": "Settle co", "chosen": "settlement", "principal": "6000"},
        {**huabei, "lender": "Agreed co", "kind": "jiebei", "principal": "5000"},
    ]
    data["lump_sum"] = "3000"
    return data


def save_five(run_cli, folder: Path, lang: str = "en", name: str = "five") -> None:
    path = write_answers(folder / f"{name}.json", five_postures(lang))
    assert run_cli("new", "--answers", str(path), "--name", name).returncode == 0
    done = run_cli("agree", name, "--lender", "Agreed co", "--kind", "instalments", "--months", "24", "--monthly", "190", "--first-due", "2099-01-10")
    assert done.returncode == 0, done.stderr


def stances(run_cli, name: str) -> dict[str, dict]:
    doc = json.loads(run_cli("show", name, "--format", "json").stdout)
    return {d["lender"]: d["stance"] for d in doc["debts"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_posture_is_worked_out_once(run_cli, tmp_path, lang):
    save_five(run_cli, tmp_path, lang)
    found = [s["posture"] for s in stances(run_cli, "five").values()]
    assert found == ["ordinary", "lawsuit", "old", "settling", "agreed"]


def money(figure: str) -> str:
    """A JSON figure as the screens write it: 1234.50 -> 1,234.50."""
    from decimal import Decimal

    return f"{Decimal(figure):,.2f}"


def edit_review(name: str, monkeypatch) -> tuple[dict[str, dict], str]:
    """`edit NAME` up to its review screen, in this process: every lender's stance as the review
    worked it out (in the JSON's form) and what the screen said. The input then ends."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    import negotiator.wizard as wizard
    from negotiator.core.errors import BadInput
    from negotiator.render.json import stance
    from negotiator.wizard import screens

    seen: dict[str, dict] = {}
    shown = screens.review

    def review(case, plan, lang, assumed=frozenset()):
        seen.update({d.lender: stance(d.stance) for d in plan.numbers.debts})
        shown(case, plan, lang, assumed)

    monkeypatch.setattr(screens, "review", review)
    out = io.StringIO()
    with create_pipe_input() as pipe, contextlib.redirect_stdout(out):
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()), pytest.raises(BadInput):
            wizard.edit(name, None)
    return seen, out.getvalue()


@pytest.mark.usefixtures("private_home")
def test_show_offer_practice_and_edit_give_every_lender_the_same_figures(run_cli, tmp_path, monkeypatch):
    save_five(run_cli, tmp_path)
    shown = stances(run_cli, "five")
    assert shown["Agreed co"]["walk_away"] == "190.00"
    for lender, expected in shown.items():
        offered = json.loads(run_cli("offer", "five", "12 x 100", "--lender", lender, "--format", "json").stdout)
        practised = json.loads(run_cli("practice", "five", "--lender", lender, "--seed", "1", "--format", "json", input="").stdout)
        for figure in FIGURES:
            assert offered["stance"][figure] == expected[figure], (lender, figure)
            assert practised["stance"][figure] == expected[figure], (lender, figure)
    reviewed, screen = edit_review("five", monkeypatch)
    for lender, expected in shown.items():
        for figure in FIGURES:
            assert reviewed[lender][figure] == expected[figure], (lender, figure)
    # The review quotes the agreement, not a target from before it, and each other lender's
    # walk-away as `show` gives it.
    assert "Agreed co: agreed, 190.00 yuan a month, 24 payments" in screen
    for lender, expected in shown.items():
        if expected["posture"] in ("ordinary", "lawsuit"):
            line = next(x for x in screen.splitlines() if x.strip().startswith(f"{lender}:"))
            assert f"walk-away: never more than {money(expected['walk_away'])} yuan" in line, line


def test_an_old_debt_has_no_figures_to_offer(run_cli, tmp_path):
    save_five(run_cli, tmp_path)
    old = stances(run_cli, "five")["Old loan"]
    assert old["walk_away"] == old["most_at_once"] == "0.00"
    assert old["target"] is None and old["opening"] is None and old["promise"] is None


def test_a_lender_is_matched_by_one_rule():
    from negotiator.planning.stance import find_lender, same_lender

    assert same_lender(" Huabei ", "huabei") and not same_lender("Huabei", "Jiebei")
    assert find_lender("HUABEI", ["Jiebei", "huabei"]) == "huabei"
    assert find_lender("nobody", ["Jiebei"]) is None


# ---- an old debt is safe everywhere ---------------------------------------------------------------

# What a proposal or a promise says (a refusal such as "not discussing amounts or plans" says none of it).
PROPOSING = ("分期", "每月", "一次性", "咱们定", "商量一个方案", "我能还", "我可以还", "我会还", "instalments of", "a month",
             "settle for", "I can pay", "I will pay", "I'll pay", "agree a plan")


def _safe(text: str) -> bool:
    """Names no amount (a 12348 hotline or an article number is not one) and proposes nothing."""
    import re

    amounts = re.findall(r"\d[\d,]*\.\d\d|¥\s*\d|\d+\s*元", text)
    return not amounts and not any(word.casefold() in text.casefold() for word in PROPOSING)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_answer_for_an_old_debt_admits_nothing(run_cli, tmp_path, lang):
    from negotiator.advice.library import HEARD, answer_for
    from negotiator.advice.values import case_values, debt_values
    from negotiator.commands.lender import saved_plan
    from negotiator.store import open_case

    save_five(run_cli, tmp_path, lang)
    doc = json.loads(run_cli("show", "five", "--format", "json").stdout)
    for_old = [o for o in doc["objections"] if "Old loan" in o["lenders"]]
    assert for_old and all(o["lenders"] == ["Old loan"] for o in for_old)
    assert all(_safe(o["you_say"]) for o in for_old)
    assert all(o["lenders"] for o in doc["objections"])  # every answer says whom it is for
    script = next(s for s in doc["script"] if s["lender"] == "Old loan")
    assert all(_safe(step["text"]) for step in script["steps"])
    # What call answers for each word heard, for this lender
    import os

    os.environ["NEGOTIATOR_HOME"] = str(tmp_path / "home")
    try:
        plan = saved_plan(open_case("five"))
    finally:
        del os.environ["NEGOTIATOR_HOME"]
    old = next(d for d in plan.numbers.debts if d.lender == "Old loan")
    values = {**case_values(plan), **debt_values(plan, old)}
    for key, _ in HEARD:
        assert _safe(answer_for(plan.lang, key, old, values).you_say), key
    practised = json.loads(run_cli("practice", "five", "--lender", "Old loan", "--seed", "3", "--rounds", "12", "--format", "json", input="").stdout)
    assert all(_safe(turn["suggested"]) for turn in practised["transcript"])


@pytest.mark.parametrize("reply", ["好的，我先想想办法还一点", "我尽量还吧", "我这几年一直想还，就是没钱", "I'll try to pay something"])
def test_any_intention_to_pay_an_old_debt_breaks_a_rule(run_cli, tmp_path, reply):
    save_five(run_cli, tmp_path)
    doc = json.loads(run_cli("practice", "five", "--lender", "Old loan", "--seed", "2", "--format", "json", input=(reply + "\n") * 6).stdout)
    turns = [turn for turn in doc["transcript"] if turn["moment"] in ("pay_all", "lump_sum", "counter")]
    assert turns and all("admits_expired_debt" in turn["rules_broken"] for turn in turns)
    assert "admits_expired_debt" in doc["score_card"]["broken"]


@pytest.mark.parametrize("command", [
    ("agree", "five", "--lender", "old loan", "--kind", "instalments", "--months", "24", "--monthly", "500", "--first-due", "2099-01-10"),
    ("log", "add", "five", "--channel", "phone", "--lender", "Old loan", "--amount-promised", "500"),
])
def test_recording_a_promise_to_an_old_debt_needs_confirmation(run_cli, tmp_path, command):
    save_five(run_cli, tmp_path)
    before = run_cli("show", "five", "--format", "json").stdout
    refused = run_cli(*command)
    assert refused.returncode == 2 and "--confirm-old-debt" in refused.stderr and "limitation" in refused.stderr
    assert run_cli("show", "five", "--format", "json").stdout == before  # nothing recorded
    done = run_cli(*command, "--confirm-old-debt")
    assert done.returncode == 0 and "limitation" in done.stderr
    assert run_cli("show", "five", "--format", "json").stdout != before


def test_a_promise_to_another_lender_needs_no_confirmation(run_cli, tmp_path):
    save_five(run_cli, tmp_path)
    done = run_cli("log", "add", "five", "--channel", "phone", "--lender", "Court bank", "--amount-promised", "500")
    assert done.returncode == 0 and done.stderr == ""


# ---- practice keeps the line ------------------------------------------------------------------------


@pytest.mark.parametrize("reply", ["行，我今天想办法全还了", "ok, I'll pay it all today"])
def test_paying_it_all_is_never_within_the_walk_away(run_cli, tmp_path, reply):
    save_five(run_cli, tmp_path)
    for seed in ("1", "2", "5"):
        doc = json.loads(run_cli("practice", "five", "--seed", seed, "--rounds", "9", "--format", "json", input=(reply + "\n") * 9).stdout)
        assert "above_walk_away" not in doc["score_card"]["kept"]
        assert doc["score_card"]["broken"]["above_walk_away"] == 9


def test_refusing_a_code_is_kept(run_cli, tmp_path):
    save_five(run_cli, tmp_path)
    for seed in ("1", "2", "5"):
        doc = json.loads(run_cli("practice", "five", "--seed", seed, "--format", "json", input="验证码不能给你。\n" * 6).stdout)
        assert "shares_code" not in doc["score_card"]["broken"] and doc["score_card"]["kept"]["shares_code"] == 6


@pytest.mark.parametrize("reply", ["好的没问题", "可以", "ok"])
def test_a_yes_to_a_down_payment_above_the_limit_is_a_mistake(reply):
    from decimal import Decimal

    from negotiator.advice.replies import Checks, broken

    demand = Checks(amount_asked=True, on_table=Decimal("4500"), on_table_once=True)
    assert "above_walk_away" in broken(reply, demand, Decimal("500"), Decimal("1000"), expired=False)


# ---- an agreement reaches the words -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_settlement_agreed_below_the_target_is_what_the_closing_line_quotes(run_cli, tmp_path, lang):
    from decimal import Decimal

    from negotiator.advice.phrasing import amount

    save_five(run_cli, tmp_path, lang)
    target = Decimal(stances(run_cli, "five")["Settle co"]["target"]["total_payable"])
    agreed = target - Decimal("400.00")
    done = run_cli("agree", "five", "--lender", "Settle co", "--kind", "settlement", "--months", "1", "--monthly", str(agreed), "--first-due", "2099-02-01")
    assert done.returncode == 0, done.stderr
    doc = json.loads(run_cli("show", "five", "--format", "json").stdout)
    closing = next(s for s in doc["script"] if s["lender"] == "Settle co")["steps"][-1]["text"]
    assert amount(agreed) in closing and amount(target) not in closing
    assert stances(run_cli, "five")["Settle co"]["promise"] == f"{agreed:.2f}"


def agreed_words(doc: dict, lender: str) -> tuple[str, str, list[str]]:
    """What the plan gives one lender to read and send: its letter, its talking point, the checklist."""
    letter = next(x["text"] for x in doc["letter"] if x["lender"] == lender)
    point = next(x for x in doc["talking_points"] if x.startswith(lender))
    checklist = [x for part in ("before", "during", "after") for x in doc["checklist"][part]]
    return letter, point, checklist


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_agreed_lender_s_letter_talking_point_and_checklist_quote_the_agreement(run_cli, tmp_path, lang):
    from negotiator.advice.phrasing import amount, date
    from negotiator.words import t

    save_five(run_cli, tmp_path, lang)
    before = stances(run_cli, "five")["Agreed co"]["target"]
    doc = json.loads(run_cli("show", "five", "--format", "json").stdout)
    letter, point, checklist = agreed_words(doc, "Agreed co")
    first = date(lang, dt.date(2099, 1, 10))
    for words in (letter, point):
        assert "190.00" in words and "24" in words and first in words, words
    # The plan's own figures from before the agreement are not asked for again.
    asked = {amount(Decimal(before["monthly_payment"])), amount(Decimal(before["total_payable"]))} - {"190.00"}
    assert not any(figure in letter or figure in point for figure in asked), asked
    assert any(t(lang, "advice.list.agreed", lender="Agreed co", monthly="190.00") in x for x in checklist)
    assert any(t(lang, "advice.list.first_due", lender="Agreed co", first_due=first) in x for x in checklist)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_settlement_agreed_is_what_its_letter_and_checklist_quote(run_cli, tmp_path, lang):
    from negotiator.advice.phrasing import amount, date

    save_five(run_cli, tmp_path, lang)
    target = Decimal(stances(run_cli, "five")["Settle co"]["target"]["total_payable"])
    agreed = target - Decimal("400.00")
    done = run_cli("agree", "five", "--lender", "Settle co", "--kind", "settlement", "--months", "1", "--monthly", str(agreed), "--first-due", "2099-02-01")
    assert done.returncode == 0, done.stderr
    letter, point, checklist = agreed_words(json.loads(run_cli("show", "five", "--format", "json").stdout), "Settle co")
    first = date(lang, dt.date(2099, 2, 1))
    for words in (letter, point):
        assert amount(agreed) in words and first in words and amount(target) not in words, words
    assert any(amount(agreed) in x for x in checklist) and not any(amount(target) in x for x in checklist)
    assert any("Settle co" in x and first in x for x in checklist)


def test_before_any_agreement_the_closing_line_proposes_the_target(run_cli, tmp_path):
    from decimal import Decimal

    from negotiator.advice.phrasing import amount

    save_five(run_cli, tmp_path)
    doc = json.loads(run_cli("show", "five", "--format", "json").stdout)
    for lender in ("Huabei", "Court bank", "Settle co"):
        promise = stances(run_cli, "five")[lender]["promise"]
        closing = next(s for s in doc["script"] if s["lender"] == lender)["steps"][-1]["text"]
        assert amount(Decimal(promise)) in closing, lender


# ---- offer compares like with like ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "said"), [("en", "settle for 20000"), ("zh", "一次性付 8000")])
def test_a_lump_sum_is_never_measured_against_the_monthly_walk_away(run_cli, tmp_path, lang, said):
    from negotiator.words import t

    save_five(run_cli, tmp_path, lang)
    for lender, s in stances(run_cli, "five").items():
        if s["posture"] == "old":
            continue
        doc = json.loads(run_cli("offer", "five", said, "--lender", lender, "--format", "json").stdout)
        assert doc["limit_kind"] == "once" and doc["walk_away"] == s["most_at_once"]
        text = run_cli("offer", "five", said, "--lender", lender).stdout
        # The words that tie a figure to the monthly walk-away, with the figures taken out; compared
        # without white space, as the screen may wrap them.
        monthly_words = ["".join(max(re.split("AMOUNT|WALKAWAY", t(lang, f"offer.screen.walk_away_{x}", amount="AMOUNT", walk_away="WALKAWAY")),
                                     key=lambda f: len(f.strip())).split()) for x in ("under", "at", "over")]
        assert not any(word in "".join(text.split()) for word in monthly_words), (lender, text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_offer_with_no_rate_shows_both_readings(run_cli, tmp_path, lang):
    from negotiator.words import t

    save_five(run_cli, tmp_path, lang)
    doc = json.loads(run_cli("offer", "five", "24 months", "--lender", "Court bank", "--format", "json").stdout)
    assert doc["rate_named"] is False and doc["interest_stops"] is None
    assert doc["at_contract_rate"]["total_payable"] != doc["total_payable"]
    text = run_cli("offer", "five", "24 months", "--lender", "Court bank").stdout
    assert t(lang, "offer.screen.at_contract_rate") in text
    assert t(lang, "offer.screen.interest_stops")[:10] not in text
    named = json.loads(run_cli("offer", "five", "24 months interest-free", "--lender", "Court bank", "--format", "json").stdout)
    assert named["rate_named"] is True and named["at_contract_rate"] is None


@pytest.mark.parametrize("readme", ["README.md", "README.zh.md"])
def test_both_readmes_say_what_each_posture_changes(readme):
    from conftest import ROOT

    from negotiator.planning.stance import Posture

    rows = [line for line in (ROOT / readme).read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    for posture in Posture:
        assert any(row.startswith(f"| `{posture.value}`") for row in rows), posture
    # Every text an agreed lender gets quotes the agreement: no row says some do not yet.
    assert not any("yet" in row or "还没有" in row for row in rows if row.startswith(("| `agreed`", "| `settling`")))


# ---- cases and complain read the posture ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cases_gives_each_lender_the_posture_show_gives(run_cli, tmp_path, lang):
    from negotiator.words import t

    save_five(run_cli, tmp_path, lang)
    shown = {lender: s["posture"] for lender, s in stances(run_cli, "five").items()}
    (row,) = json.loads(run_cli("cases", "--format", "json").stdout)
    assert row["postures"] == shown
    listed = run_cli("cases", "--lang", lang).stdout
    flat = re.sub(r"\s+", "", listed)
    for posture in ("agreed", "settling", "lawsuit", "old"):
        lender = next(name for name, p in shown.items() if p == posture)
        marked = t(lang, "store.cases.posture", lender=lender, posture=t(lang, f"store.cases.postures.{posture}"))
        assert re.sub(r"\s+", "", marked) in flat, (posture, listed)


ADMITTING = {"en": ("borrower", "debt", "way to pay", "owe"), "zh": ("借款人", "欠款", "还款", "欠的")}


def complaint_words(run_cli, lender: str, to: str) -> str:
    """The complaint's own sentences (addressee, account, opening, asks), not the rules it quotes."""
    doc = json.loads(run_cli("complain", "five", "--lender", lender, "--to", to, "--format", "json").stdout)
    return " ".join([*doc["header"], doc["opening"], *doc["asks"]])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("to", ["lender", "regulator"])
def test_a_complaint_about_an_old_debt_admits_nothing(run_cli, tmp_path, lang, to):
    save_five(run_cli, tmp_path, lang)
    for lender in ("Old loan", "Court bank"):
        done = run_cli("log", "add", "five", "--channel", "phone", "--lender", lender, "--incident", "third_party,personal_account",
                       "--when", "2026-11-20 10:00")
        assert done.returncode == 0, done.stderr
    old = complaint_words(run_cli, "Old loan", to)
    assert not any(word in old.casefold() for word in ADMITTING[lang]), old
    # Another lender's complaint is unchanged: the test can tell the two apart.
    other = complaint_words(run_cli, "Court bank", to)
    assert any(word in other.casefold() for word in ADMITTING[lang]), other


# ---- a lender already agreed: the answers point to the agreement -------------------------------------

RENEGOTIATING = ("pay_all", "borrow", "no_negotiation", "right_now", "down_payment", "legal")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_agreed_lender_s_answers_point_to_the_agreement(run_cli, tmp_path, lang, monkeypatch):
    from negotiator.advice.library import HEARD, answer, answer_for
    from negotiator.advice.phrasing import date
    from negotiator.advice.values import case_values, debt_values
    from negotiator.commands.lender import saved_plan
    from negotiator.store import open_case

    save_five(run_cli, tmp_path, lang)
    first = date(lang, dt.date(2099, 1, 10))
    doc = json.loads(run_cli("show", "five", "--format", "json").stdout)
    for_agreed = [o for o in doc["objections"] if "Agreed co" in o["lenders"]]
    assert for_agreed[0]["lenders"] == ["Agreed co"] and "190.00" in for_agreed[0]["you_say"] and first in for_agreed[0]["you_say"]
    assert not any(o["key"] in RENEGOTIATING for o in for_agreed)
    # The other lenders still get the answers that negotiate; the agreed one is in none of them.
    assert any(o["key"] == "pay_all" for o in doc["objections"]) and all("Agreed co" not in o["lenders"] for o in doc["objections"] if o["key"] == "pay_all")
    # What call and practice answer for each word heard, for this lender.
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "home"))
    plan = saved_plan(open_case("five"))
    agreed = next(d for d in plan.numbers.debts if d.lender == "Agreed co")
    values = {**case_values(plan), **debt_values(plan, agreed)}
    negotiating = {answer(lang, key, agreed.debt.kind.value, values).you_say for key in RENEGOTIATING}
    for key, _ in HEARD:
        said = answer_for(lang, key, agreed, values).you_say
        assert said not in negotiating, key
    assert "190.00" in answer_for(lang, "pay_all", agreed, values).you_say
    practised = json.loads(run_cli("practice", "five", "--lender", "Agreed co", "--seed", "3", "--rounds", "12", "--format", "json", input="").stdout)
    assert not any(turn["suggested"] in negotiating for turn in practised["transcript"])
    assert any("190.00" in turn["suggested"] for turn in practised["transcript"])


# ---- offer: an offer that names no rate is judged at the contract rate too ---------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_offer_within_the_walk_away_only_without_interest_is_not_accepted(run_cli, lang):
    """Worked vector: the English example's online lender, 16,200.00 at 23.90% a year. "24 months"
    with no rate: 16,200.00 / 24 = 675.00 a month with no further interest, but 855.70 a month at the
    contract rate (an annuity at 23.90% / 12 over 24 months), above its walk-away of about 728."""
    from negotiator.words import t

    assert run_cli("new", "--answers", str(ROOT / "examples" / "case-en.json"), "--name", "en").returncode == 0
    offer = ["offer", "en", "24 months", "--lender", "Online lender", "--lang", lang]
    v = json.loads(run_cli(*offer, "--format", "json").stdout)
    assert v["monthly_payment"] == "675.00" and v["at_contract_rate"]["schedule"][0]["payment"] == "855.70"
    assert Decimal("675.00") < Decimal(v["walk_away"]) < Decimal("855.70")
    assert v["rate_named"] is False and v["fits"] is True and v["fits_at_contract_rate"] is False
    assert v["verdict"] != "accept"
    said = re.sub(r"\s+", "", run_cli(*offer).stdout)
    assert re.sub(r"\s+", "", t(lang, "offer.verdict.fits_only_interest_free", contract_monthly="855.70", walk_away=money(v["walk_away"]), verdict=""))[:40] in said
    assert re.sub(r"\s+", "", t(lang, "offer.verdict.accept")) not in said


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_call_asks_before_accepting_an_offer_within_the_walk_away_only_without_interest(run_cli, home, monkeypatch, capsys, lang):
    """The same offer in `call`: accepting it is asked again, with the figure at the contract rate."""
    from negotiator.commands import call
    from negotiator.commands.lender import open_lender
    from negotiator.planning.offer import judge
    from negotiator.planning.offer_reading import read_offer
    from negotiator.words import t

    assert run_cli("new", "--answers", str(ROOT / "examples" / "case-en.json"), "--name", "en").returncode == 0
    monkeypatch.setenv("NEGOTIATOR_HOME", str(home))
    who = open_lender("en", "Online lender", lang)
    v = judge(read_offer("24 months"), who.debt, who.plan.numbers.plan_date)
    assert v.fits and v.fits_at_contract_rate is False
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "")
    assert call._accept_anyway(v, lang) is False  # Enter: not accepted
    assert asked == [t(lang, "call.screen.accept_anyway") + " "]
    warned = re.sub(r"\s+", "", capsys.readouterr().out)
    assert re.sub(r"\s+", "", t(lang, "call.screen.above_at_contract_rate", monthly="855.70", walk_away=money(str(v.walk_away)))) in warned
    within = judge(read_offer("24 x 500"), who.debt, who.plan.numbers.plan_date)
    assert within.fits and call._accept_anyway(within, lang) is True and len(asked) == 1  # an amount said: nothing more to ask


# ---- a debt near the end of its limitation period ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recording_a_promise_to_a_debt_near_its_limitation_warns_and_records(run_cli, tmp_path, lang):
    from negotiator.words import t

    data = five_postures(lang)
    data["debts"][2]["days_overdue"] = 3 * 365 - 60  # about two months before the three years run out
    data["debts"][2]["lender"] = "Near loan"
    path = write_answers(tmp_path / "near.json", data)
    assert run_cli("new", "--answers", str(path), "--name", "near").returncode == 0
    warning = re.sub(r"\s+", "", t(lang, "safety.limitation.near_record", lender="Near loan", expires="", estimate=""))[:20]
    agreed = run_cli("agree", "near", "--lender", "Near loan", "--kind", "instalments", "--months", "12", "--monthly", "100", "--first-due", "2099-01-10")
    assert agreed.returncode == 0 and warning in re.sub(r"\s+", "", agreed.stderr), agreed.stderr
    promised = run_cli("log", "add", "near", "--channel", "phone", "--lender", "Court bank", "--amount-promised", "50")
    assert promised.returncode == 0 and warning[:6] not in re.sub(r"\s+", "", promised.stderr)  # only the lender near its end
    assert stances(run_cli, "near")["Near loan"]["agreed"] is not None
