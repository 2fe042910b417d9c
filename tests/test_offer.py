"""`negotiator offer`: offers read as people say them, judged against the case's plan."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES, save_expired_case

from negotiator.planning.offer import (
    EXTENSION,
    FEE_MONTHLY,
    INSTALMENTS,
    RATE_DAILY,
    RATE_MONTHLY,
    RATE_YEARLY,
    SETTLEMENT,
)
from negotiator.planning.offer_reading import Unreadable, cn_number, read_offer

D = Decimal

# (said, kind, months, monthly, lump_sum, pause_months, (rate basis, percent) or None)
SPELLINGS = [
    ("12期 每期1200", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("每月800，24期", INSTALMENTS, 24, D("800"), None, 0, None),
    ("每月 1,200 元 共 12 期", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("分十二期，每期一千二", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("一个月800，分24期", INSTALMENTS, 24, D("800"), None, 0, None),
    ("12 x 1200", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("1200 x 12", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("12×1200", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("1200 a month for 12 months", INSTALMENTS, 12, D("1200"), None, 0, None),
    ("¥800/月", INSTALMENTS, None, D("800"), None, 0, None),
    ("一次性 8000", SETTLEMENT, None, None, D("8000"), 0, None),
    ("一次性八千", SETTLEMENT, None, None, D("8000"), 0, None),
    ("1.2万 一次性结清", SETTLEMENT, None, None, D("12000"), 0, None),
    ("settle for 8000", SETTLEMENT, None, None, D("8000"), 0, None),
    ("Settle for ¥8,000", SETTLEMENT, None, None, D("8000"), 0, None),
    ("先停 3 个月再分 24 期", EXTENSION, 24, None, None, 3, None),
    ("先停三个月再分二十四期", EXTENSION, 24, None, None, 3, None),
    ("三个月后再分24期", EXTENSION, 24, None, None, 3, None),
    ("pause for 3 months then 24 instalments", EXTENSION, 24, None, None, 3, None),
    ("12期 月费率0.6%", INSTALMENTS, 12, None, None, 0, (FEE_MONTHLY, D("0.6"))),
    ("12 months, monthly fee 0.6%", INSTALMENTS, 12, None, None, 0, (FEE_MONTHLY, D("0.6"))),
    ("12 instalments, 0.6% a month", INSTALMENTS, 12, None, None, 0, (FEE_MONTHLY, D("0.6"))),
    ("24期 年化18%", INSTALMENTS, 24, None, None, 0, (RATE_YEARLY, D("18"))),
    ("24 months at 18% a year", INSTALMENTS, 24, None, None, 0, (RATE_YEARLY, D("18"))),
    ("24期 月利率1%", INSTALMENTS, 24, None, None, 0, (RATE_MONTHLY, D("1"))),
    ("12 months 0.05% a day", INSTALMENTS, 12, None, None, 0, (RATE_DAILY, D("0.05"))),
    ("停息分期 36期", INSTALMENTS, 36, None, None, 0, (RATE_YEARLY, D("0"))),
    ("36 months interest-free", INSTALMENTS, 36, None, None, 0, (RATE_YEARLY, D("0"))),
    ("首付2000，剩下分12期每期500", INSTALMENTS, 12, D("500"), D("2000"), 0, None),
    ("2000 down then 12 x 500", INSTALMENTS, 12, D("500"), D("2000"), 0, None),
    ("每月还款800元，分24期", INSTALMENTS, 24, D("800"), None, 0, None),
    ("月还800，24期", INSTALMENTS, 24, D("800"), None, 0, None),
    ("分两年还，每月800", INSTALMENTS, 24, D("800"), None, 0, None),
    ("two years at 800 a month", INSTALMENTS, 24, D("800"), None, 0, None),
    ("24 monthly payments of 800", INSTALMENTS, 24, D("800"), None, 0, None),
    ("3个月不用还，然后分24期", EXTENSION, 24, None, None, 3, None),
    ("twelve months, 0.6% a month", INSTALMENTS, 12, None, None, 0, (FEE_MONTHLY, D("0.6"))),
]


@pytest.mark.parametrize("said, kind, months, monthly, lump, pause, rate", SPELLINGS)
def test_every_spelling_is_read(said, kind, months, monthly, lump, pause, rate):
    offer = read_offer(said)
    assert (offer.kind, offer.months, offer.monthly, offer.lump_sum, offer.pause_months) == (kind, months, monthly, lump, pause)
    assert (None if offer.rate is None else (offer.rate.basis, offer.rate.percent)) == rate


@pytest.mark.parametrize("said, covers", [
    ("12期 每期1200", "balance"),
    ("减免罚息，分12期", "principal_and_interest"),
    ("罚息全免，剩下分24期", "principal_and_interest"),
    ("12 months, penalties waived", "principal_and_interest"),
    ("本金分12期", "principal"),
    ("只还本金，一次性 8000", "principal"),
    ("principal only, 24 months", "principal"),
])
def test_what_an_offer_waives(said, covers):
    assert read_offer(said).covers == covers


@pytest.mark.parametrize("said", ["", "hello", "no", "12 1200", "1200", "我再想想", "pay me 5", "x" * 400, "12期 每期abc", "9999 months"])
def test_nonsense_is_refused(said):
    with pytest.raises(Unreadable):
        read_offer(said)


@pytest.mark.parametrize("said, value", [("十二", 12), ("二十四", 24), ("一千二", 1200), ("一万五", 15000), ("三百", 300), ("一百零五", 105), ("两千五百", 2500)])
def test_chinese_numbers(said, value):
    assert cn_number(said) == value


def _json(run, *args):
    done = run("offer", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _plan(run, lang):
    done = run("show", lang, "--format", "json")
    return {d["lender"]: d for d in json.loads(done.stdout)["debts"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_walk_away_fits_and_one_fen_above_does_not(example_cases, lang):
    for lender, debt in _plan(example_cases, lang).items():
        walk_away = D(debt["share"])
        at = _json(example_cases, lang, f"36 x {walk_away}", "--lender", lender)
        above = _json(example_cases, lang, f"36 x {walk_away + D('0.01')}", "--lender", lender)
        assert at["fits"] is True and at["vs_walk_away"] == "0.00"
        assert above["fits"] is False and above["vs_walk_away"] == "0.01"
        assert above["verdict"] in ("counter", "refuse")
        if above["counter"] is not None:  # a counter is always within the walk-away
            assert D(above["counter"]["monthly"] or "0") <= walk_away


@pytest.mark.parametrize("fee, months", [("0.6", 12), ("0.75", 24), ("0.5", 6)])
def test_a_flat_fee_offers_apr_is_calcs(example_cases, fee, months):
    debt = _plan(example_cases, "en")["Huabei"]
    got = _json(example_cases, "en", f"{months} months, monthly fee {fee}%", "--lender", "huabei")
    calc = example_cases("calc", "--amount", debt["balance"], "--months", str(months), "--method", "flat_fee", "--fee-percent", fee, "--format", "json")
    expected = json.loads(calc.stdout)
    assert got["apr"] == expected["apr"] and got["total_payable"] == expected["total_payable"]
    zh = _json(example_cases, "zh", f"{months}期 月费率{fee}%", "--lender", "花呗")
    calc_zh = json.loads(example_cases("calc", "--amount", _plan(example_cases, "zh")["花呗"]["balance"], "--months", str(months), "--method", "flat_fee",
                               "--fee-percent", fee, "--format", "json").stdout)
    assert zh["apr"] == calc_zh["apr"]


def test_the_json_contract(example_cases):
    doc = _json(example_cases, "en", "先停 3 个月再分 36 期")
    for key in ("lender", "offer", "total_payable", "total_cost", "apr", "fits", "vs_walk_away", "vs_target", "verdict", "counter"):
        assert key in doc
    assert set(doc["offer"]) == {"kind", "months", "monthly", "lump_sum", "pause_months", "rate", "covers"}
    assert doc["offer"]["pause_months"] == 3 and doc["verdict"] == "accept" and doc["counter"] is None
    assert doc["schedule"][0]["payment"] == "0.00"  # the pause costs nothing
    assert sum(D(r["payment"]) for r in doc["schedule"]) == D(doc["total_payable"])


def test_a_settlement_without_a_lump_sum_is_countered_with_the_target(example_cases):
    doc = _json(example_cases, "en", "settle for 8000")
    assert doc["fits"] is False and doc["verdict"] == "counter"
    assert doc["counter"]["kind"] in ("instalments", "extension")


@pytest.mark.parametrize("lang, said, words", [
    ("en", "36 x 200", "Accept"),
    ("en", "12 x 1200", "Counter with"),
    ("zh", "分36期 每期200", "可以接受"),
    ("zh", "12期 每期1200", "还价"),
])
def test_the_text_screen_gives_a_verdict(example_cases, lang, said, words):
    done = example_cases("offer", lang, said)
    assert done.returncode == 0, done.stderr
    assert words in done.stdout.strip().split("\n\n")[-1]


@pytest.mark.parametrize("lang, said, example", [("en", "hello", "settle for 8000"), ("zh", "随便", "一次性 8000")])
def test_nonsense_exits_2_with_examples(example_cases, lang, said, example):
    done = example_cases("offer", lang, said)
    assert done.returncode == 2
    assert example in done.stderr and "Traceback" not in done.stderr


def test_an_unknown_lender_exits_2(example_cases):
    done = example_cases("offer", "en", "12 x 100", "--lender", "nobody")
    assert done.returncode == 2 and "--lender" in done.stderr


def _numbers(lump_sum="0"):
    import datetime as dt

    from negotiator.answers.file import load_answers
    from negotiator.plan import build_plan

    case = load_answers(EXAMPLES / "case-en.json")
    case = case.model_copy(update={"lump_sum": D(lump_sum)})
    plan = build_plan(case, today=dt.date(2026, 11, 28))
    return plan.numbers


def test_an_offer_with_penalties_waived_is_worked_out_without_them():
    from negotiator.planning.offer import judge

    numbers = _numbers()
    d = numbers.debts[0]  # Huabei: 8,000 principal, 210 interest, 260 penalties
    v = judge(read_offer("减免罚息，分10期"), d, numbers.plan_date)
    assert v.total_payable == D("8210.00") and v.total_cost == D("-260.00") and v.apr == 0
    p = judge(read_offer("principal only, 10 months, monthly fee 0.5%"), d, numbers.plan_date)
    assert p.schedule.amount == D("8000.00") and p.total_payable == D("8400.00")


def test_a_settlement_fits_within_the_lenders_part_of_the_lump_sum():
    from negotiator.planning.offer import judge, once_limit

    numbers = _numbers("20000")
    d = numbers.debts[0]
    part = once_limit(d)
    assert part > d.ladder.walk_away  # the plan's settlement figure for this lender
    at = judge(read_offer(f"settle for {part}"), d, numbers.plan_date)
    above = judge(read_offer(f"settle for {part + D('0.01')}"), d, numbers.plan_date)
    assert at.fits and at.vs_walk_away == 0
    assert not above.fits and above.vs_walk_away == D("0.01")


def test_an_expired_debt_is_always_refused():
    from negotiator.planning.offer import judge, limitation_expired
    from negotiator.planning.stance import Posture

    numbers = _numbers()
    d = numbers.debts[0]
    old = d._replace(held=d.stance._replace(posture=Posture.old))
    assert limitation_expired(old) and not limitation_expired(d)
    v = judge(read_offer("36 x 1"), old, numbers.plan_date)
    assert v.fits and v.verdict == "refuse" and v.counter is None and v.expired


def test_a_ladder_without_an_opening_ask_is_read():
    from negotiator.planning.offer import judge

    numbers = _numbers()
    d = numbers.debts[1]
    plain = d._replace(ladder=d.ladder._replace(opening=None), held=d.stance._replace(opening=None))
    v = judge(read_offer("12 x 100"), plain, numbers.plan_date)
    assert v.vs_opening is None and v.vs_target is not None and v.verdict == "accept"


def test_an_offer_above_the_target_but_within_the_walk_away_is_countered_with_the_target():
    from negotiator.planning.offer import judge

    numbers = _numbers()
    d = next(x for x in numbers.debts if x.ladder.target.fits and not x.ladder.target.pause_months)
    target = d.ladder.target
    # the target's own payment, a year longer: within the walk-away, dearer than the target
    v = judge(read_offer(f"{target.months + 12} x {target.monthly_payment}"), d, numbers.plan_date)
    assert v.fits and v.verdict == "counter" and v.counter_is_target
    assert v.counter.monthly == d.ladder.target.monthly_payment


def test_an_expired_debt_without_a_ladder_is_refused():
    from negotiator.planning.limitation import EXPIRED
    from negotiator.planning.offer import judge, once_limit, pressure
    from negotiator.planning.stance import stance

    numbers = _numbers()
    d = numbers.debts[0]
    gone = d.limitation._replace(status=EXPIRED)
    old = d._replace(ladder=None, share=Decimal(0), proposals=(), limitation=gone,
                     held=stance(d.lender, d.debt.stage, Decimal(0), None, None, gone, Decimal(0)))
    v = judge(read_offer("12 x 100"), old, numbers.plan_date)
    assert v.verdict == "refuse" and v.vs_target is None and v.counter is None
    assert once_limit(old) == 0 and pressure(old)[1].monthly > 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_old_debt_through_the_cli(run_cli, tmp_path, lang):
    """A debt 1,500 days overdue, whose limitation has run out."""
    debt = save_expired_case(run_cli, tmp_path, lang)
    doc = json.loads(run_cli("offer", "old", "12 x 1", "--format", "json").stdout)
    assert doc["limitation_expired"] is True and doc["verdict"] == "refuse" and doc["counter"] is None
    text = run_cli("offer", "old", "12 x 1").stdout
    from negotiator.words import t

    assert text.startswith(t(lang, "offer.screen.expired", lender=debt["lender"])[:10])
    done = run_cli("practice", "old", "--seed", "1", "--format", "json", input="I owe it, I'll pay 100\n")
    assert "admits_expired_debt" in json.loads(done.stdout)["transcript"][0]["rules_broken"]


def test_what_was_typed_is_shown_escaped_never_obeyed(example_cases):
    done = example_cases("offer", "en", "12 x 100 \x1b[2J")
    assert "\x1b" not in done.stdout + done.stderr
    rehearsal = example_cases("practice", "en", "--seed", "1", "--rounds", "1", input="hello \x1b]0;pwned\x07\n")
    assert rehearsal.returncode == 0 and "\x1b" not in rehearsal.stdout and "\\x1b" in rehearsal.stdout
