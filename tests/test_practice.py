"""`negotiator practice`: the collector's lines, rule-based feedback and the score card, with
replies piped in one per line."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES

from negotiator.advice.replies import Checks, broken

ASKED = Checks(amount_asked=True, hardship=True)
WALK = Decimal("303.50")


def _practice(run, name, replies, *extra):
    seed = [] if "--seed" in extra else ["--seed", "1"]
    done = run("practice", name, *seed, "--format", "json", *extra, input="\n".join(replies) + "\n")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _walk_away(run, name):
    plan = json.loads(run("show", name, "--format", "json").stdout)
    return Decimal(plan["debts"][0]["share"])


@pytest.mark.parametrize("name, hardship", [("en", "I lost my job and my income halved, I can pay {x} a month."),
                                            ("zh", "我失业了，收入少了一半，每月只能还 {x} 元。")])
def test_the_acceptance_replies(example_cases, name, hardship):
    walk_away = _walk_away(example_cases, name)
    account = {"en": "I'll transfer to your personal account", "zh": "我会把钱转到你的个人账户"}[name]
    replies = ["", hardship.format(x=walk_away + 500), account, "", "", ""]
    doc = _practice(example_cases, name, replies)
    rounds = doc["transcript"]
    assert [r["moment"] for r in rounds] == ["identity", "pay_all", "lump_sum", "threat", "counter", "close"]
    assert "above_walk_away" in rounds[1]["rules_broken"]
    assert "personal_account" in rounds[2]["rules_broken"]
    good = _practice(example_cases, name, ["", hardship.format(x=walk_away)])
    assert good["transcript"][1]["rules_broken"] == []
    for r in rounds:
        assert r["they_say"] and r["suggested"] and set(r) == {"moment", "they_say", "you_said", "rules_broken", "suggested"}
    assert doc["score_card"]["rounds"] == 6 and doc["score_card"]["weakest"] is not None


def test_the_same_seed_and_replies_give_the_same_json(example_cases):
    replies = ["hello", "I can pay 100 a month, I was ill", "no", "ok", "I agree", "send it to me in writing"]
    assert _practice(example_cases, "en", replies) == _practice(example_cases, "en", replies)
    assert _practice(example_cases, "zh", replies, "--rounds", "9") == _practice(example_cases, "zh", replies, "--rounds", "9")


def test_seeds_change_the_lines_but_not_the_order(example_cases):
    lines = set()
    for seed in range(1, 8):
        done = example_cases("practice", "en", "--seed", str(seed), "--format", "json", input="")
        doc = json.loads(done.stdout)
        assert [r["moment"] for r in doc["transcript"]][0] == "identity"
        lines.add(tuple(r["they_say"] for r in doc["transcript"]))
    assert len(lines) > 1


def test_the_collector_uses_the_cases_numbers(example_cases):
    doc = _practice(example_cases, "en", [])
    assert "8,470.00" in doc["transcript"][1]["they_say"]  # Huabei's balance in the example


def test_a_clean_rehearsal_scores_every_round(example_cases):
    walk_away = _walk_away(example_cases, "en")
    replies = [
        "My name is Li. Which company are you with?",
        f"I lost my job; my budget allows {walk_away} a month.",
        f"I have no savings since my illness; I can pay {walk_away} a month, only through the app.",
        "Please deal with me only.",
        f"No, I can pay {walk_away} a month over a longer term.",
        "Please send what we agreed to me in writing in the app.",
    ]
    doc = _practice(example_cases, "en", replies)
    assert [r["rules_broken"] for r in doc["transcript"]] == [[]] * 6
    assert doc["score_card"]["clean_rounds"] == 6 and doc["score_card"]["broken"] == {} and doc["score_card"]["weakest"] is None


def test_the_text_form_has_feedback_and_a_score_card(example_cases):
    done = example_cases("practice", "zh", "--seed", "3", input="123456\n")
    assert done.returncode == 0, done.stderr
    assert "评分卡" in done.stdout and "参考说法" in done.stdout and "验证码" in done.stdout


@pytest.mark.parametrize("args", [["--rounds", "0"], ["--rounds", "x"], ["--seed", "abc"], ["--format", "xml"], ["--lender", "nobody"]])
def test_bad_options_exit_2(example_cases, args):
    done = example_cases("practice", "en", *args, input="")
    assert done.returncode == 2 and "Traceback" not in done.stderr


# The rules, one reply at a time.
@pytest.mark.parametrize("reply, checks, codes", [
    ("I'll transfer to your personal account", Checks(), ["personal_account"]),
    ("我会把钱转到你的个人账户", Checks(), ["personal_account"]),
    ("I won't pay into a personal account, only the app", Checks(), []),
    ("我不会转个人账户，只在APP里还", Checks(), []),
    ("123456", Checks(code_asked=True), ["shares_code"]),
    ("验证码是 482913", Checks(), ["shares_code"]),
    ("I won't give you the code", Checks(), []),
    ("I can pay 303.51 a month", Checks(), ["above_walk_away"]),
    ("I can pay 303.50 a month for 36 months", Checks(), []),
    ("ok", Checks(amount_asked=True, on_table=Decimal("710")), ["above_walk_away"]),
    ("no", Checks(amount_asked=True, on_table=Decimal("710")), ["no_amount_when_asked"]),
    ("I can't", ASKED, ["no_amount_when_asked", "no_hardship"]),
    ("我生病住院了，每月只能还300元", ASKED, []),
    ("bye", Checks(written=True), ["no_written_confirmation"]),
    ("请发书面确认给我", Checks(written=True), []),
])
def test_rules(reply, checks, codes):
    assert broken(reply, checks, WALK, WALK, expired=False) == codes


def test_an_old_debt_admitted_is_flagged():
    assert broken("Yes, I owe it, I'll pay 100", Checks(amount_asked=True), WALK, WALK, expired=True) == ["admits_expired_debt"]
    assert broken("I am not confirming anything on the phone", Checks(amount_asked=True), WALK, WALK, expired=True) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_old_debt_is_rehearsed_with_admit_nothing(lang):
    import datetime as dt

    from negotiator.advice import rehearsal
    from negotiator.advice.objections import old_answer
    from negotiator.answers.file import load_answers
    from negotiator.plan import build_plan
    from negotiator.planning.stance import Posture

    plan = build_plan(load_answers(EXAMPLES / f"case-{lang}.json"), today=dt.date(2026, 11, 28))
    d = plan.numbers.debts[0]
    d = d._replace(held=d.stance._replace(posture=Posture.old))
    turns = rehearsal.turns(plan, d, 1, 6)
    assert {turn.suggested for turn in turns} == {old_answer(lang, sued=False)}
    said = [rehearsal.judge_reply(turn, "I owe it, I'll pay 100", d.ladder.walk_away, d.ladder.walk_away, True) for turn in turns]
    assert all("admits_expired_debt" in s.rules_broken for s in said)
    card = rehearsal.score(said, expired=True)
    assert card.broken["admits_expired_debt"] == 6 and "no_hardship" not in card.kept


@pytest.mark.parametrize("kind, stage, threats", [("credit_card", "agency", {"jail_card", "visit", "family"}),
                                                  ("online_loan", "legal_threat", {"jail_loan", "sue"})])
def test_threats_suit_the_debt(kind, stage, threats):
    import datetime as dt

    from negotiator.advice import rehearsal
    from negotiator.answers.file import load_answers
    from negotiator.plan import build_plan
    from negotiator.words import t

    plan = build_plan(load_answers(EXAMPLES / "case-en.json"), today=dt.date(2026, 11, 28))
    d = next(x for x in plan.numbers.debts if x.debt.kind.value == kind and x.debt.stage.value == stage)
    seen = {turn.they_say for seed in range(30) for turn in rehearsal.turns(plan, d, seed, 6) if turn.moment == "threat"}
    assert seen == {t("en", f"practice.they.threat.{name}") for name in threats}


def test_agreeing_to_the_lump_sum_into_a_colleagues_account_breaks_both_rules(example_cases):
    # seed 5 draws the lump-sum line that asks for payment into a colleague's account (zh and en alike)
    for name, yes in (("zh", "好的"), ("en", "OK")):
        doc = _practice(example_cases, name, ["", "", yes], "--seed", "5")
        lump = doc["transcript"][2]
        assert lump["moment"] == "lump_sum"
        assert {"above_walk_away", "personal_account"} <= set(lump["rules_broken"]), lump


def test_a_rehearsal_typed_in_a_terminal(example_cases, home):
    import sys

    import pexpect
    from conftest import cli_env

    child = pexpect.spawn(sys.executable, ["-m", "negotiator", "practice", "zh", "--seed", "2", "--rounds", "2"],
                          env=cli_env(home, TERM="xterm"), dimensions=(40, 100), encoding="utf-8", timeout=30)
    child.expect_exact("第 1 轮，共 2 轮")
    child.expect_exact("您：")
    child.sendline("验证码是 482913")
    child.expect_exact("验证码、密码")
    child.expect_exact("您：")
    child.sendline("我失业了，每月只能还 300 元")
    child.expect_exact("很好")
    child.expect_exact("评分卡")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("heard, key", [
    ("坐牢", "jail_loan"), ("起诉", "legal"), ("上门", "visit"), ("家人", "contacts"), ("jail", "jail_loan"), ("sue", "legal"),
    ("visit", "visit"), ("family", "contacts"), ("today only", "right_now"), ("他说恶意透支要坐牢", "jail_loan"), ("转到个人账户", "personal_account"),
    ("the weather is nice", None),
])
def test_a_word_heard_finds_its_answer(heard, key):
    from negotiator.advice.library import answer_key

    assert answer_key(heard, "huabei") == key
    if key == "jail_loan":
        assert answer_key(heard, "credit_card") == "jail_card"
