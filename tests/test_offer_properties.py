"""Properties of reading and judging offers: every well-formed offer reads back its own figures,
any text at all either reads or is refused calmly, and `fits` means what it says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from conftest import EXAMPLES, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiator.answers.file import load_answers
from negotiator.plan import build_plan
from negotiator.planning.offer import judge
from negotiator.planning.offer_reading import Unreadable, read_offer

MONTHS = st.integers(min_value=1, max_value=120)
MONEY = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
FORMS = ["{m} x {a}", "{a} a month for {m} months", "分{m}期 每期{a}", "每月{a}元，{m}期", "{m}期，每期{a}元"]

PLAN = build_plan(load_answers(EXAMPLES / "case-en.json"), today=dt.date(2026, 11, 28))


@settings(max_examples=examples(200), deadline=None)
@given(months=MONTHS, monthly=MONEY, form=st.sampled_from(FORMS))
def test_an_offer_reads_back_its_figures(months, monthly, form):
    offer = read_offer(form.format(m=months, a=monthly))
    assert (offer.months, offer.monthly) == (months, monthly)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=60))
def test_any_text_reads_or_is_refused(text):
    try:
        offer = read_offer(text)
    except Unreadable:
        return
    assert offer.months or offer.monthly or offer.lump_sum or offer.pause_months


@settings(max_examples=examples(100), deadline=None)
@given(months=st.integers(min_value=1, max_value=60), monthly=MONEY, index=st.integers(min_value=0, max_value=2),
       pause=st.integers(min_value=0, max_value=6))
def test_fits_means_no_payment_above_the_walk_away(months, monthly, index, pause):
    d = PLAN.numbers.debts[index]
    said = f"先停 {pause} 个月再分 {months} 期，每期 {monthly}" if pause else f"{months} x {monthly}"
    v = judge(read_offer(said), d, PLAN.numbers.plan_date)
    payments = [r.payment for r in v.schedule.rows]
    assert v.fits == (max(payments) <= d.ladder.walk_away)
    assert v.total_payable == sum(payments, Decimal(0))
    assert payments[:pause] == [Decimal(0)] * pause
    if v.verdict == "counter":
        assert v.counter.monthly <= d.ladder.walk_away
