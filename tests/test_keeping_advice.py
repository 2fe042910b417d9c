"""What the plan says about an agreement: before a payment is missed, and once it is paid in full.
Dates are counted from today."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES

from negotiator.answers.file import load_answers
from negotiator.core.enums import ProposalKind
from negotiator.core.months import add_months
from negotiator.plan import build_plan
from negotiator.records.contacts import Agreement
from negotiator.records.payments import Payment
from negotiator.render import json as plan_json
from negotiator.render import markdown, text

TODAY = dt.date.today()


def plan_with(lang: str, first_due: dt.date, paid: int, monthly: str = "500", months: int = 6, income: str | None = None):
    """The example of `lang` with `months` x `monthly` agreed with its first lender, `paid` of them paid on their due dates."""
    case = load_answers(EXAMPLES / f"case-{lang}.json")
    if income is not None:  # a smaller income: the budget no longer covers the agreement
        case = case.model_copy(update={"income": [case.income[0].model_copy(update={"monthly": Decimal(income)})]})
    lender = case.debts[0].lender
    agreement = Agreement(lender=lender, kind=ProposalKind.instalments, months=months, monthly=Decimal(monthly), first_due=first_due,
                          recorded=dt.datetime.combine(min(first_due, TODAY), dt.time(9)))
    payments = tuple(Payment(lender=lender, date=add_months(first_due, n), amount=Decimal(monthly)) for n in range(paid))
    return build_plan(case, lang, agreements=(agreement,), payments=payments)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_paid_in_full_turns_to_the_way_out_with_sources_grades_and_both_letters(lang):
    first = add_months(TODAY, -6)
    plan = plan_with(lang, first, paid=6)
    assert plan.content is not None
    (advice,) = plan.content.keeping
    assert advice.situation == "way_out" and advice.script == ()
    steps = [s.text for s in advice.steps]
    assert "结清证明" in steps[0]
    ends = add_months(first, 5)
    assert (ends + dt.timedelta(days=7)).isoformat() in steps[0]
    assert add_months(ends, 1).isoformat() in steps[1] and add_months(ends, 2).isoformat() in steps[1]
    # Every statement of law carries its source and its grade in facts.md.
    by_source = {s.source: s.grade for s in advice.steps}
    assert by_source[next(k for k in by_source if "17" in k)] == "V"  # free twice a year
    assert by_source[next(k for k in by_source if "25" in k)] == "V"  # 异议, 20 days
    assert by_source[next(k for k in by_source if "26" in k)] == "V"  # the local PBoC branch
    assert all(s.grade in ("V", "R", "—") for s in advice.steps)
    assert "20" in steps[2]
    proof, objection = advice.letters
    assert "结清证明" in proof.text and "3,000.00" in proof.text and ends.isoformat() in proof.text
    assert "25" in objection.text and "20" in objection.text and ends.isoformat() in objection.text
    shown = text.render(plan)
    for word in ("结清证明", proof.text.split("\n")[0], objection.text.split("\n")[0], advice.steps[1].source):
        assert word in shown
    doc = plan_json.document(plan)
    assert doc["keeping"][0]["situation"] == "way_out" and doc["keeping"][0]["steps"][1]["grade"] == "V"
    assert doc["agreements"][0]["status"] == "completed"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_behind_says_what_to_do_in_order_with_a_script_and_a_letter_holding_the_figures(lang):
    first = add_months(TODAY, -1) - dt.timedelta(days=1)  # two due dates passed, one paid
    plan = plan_with(lang, first, paid=1)
    assert plan.content is not None
    (advice,) = plan.content.keeping
    assert advice.situation == "at_risk"
    before, ask, never_skip, in_writing = advice.steps
    missed = add_months(first, 1).isoformat()
    nxt = add_months(first, 2).isoformat()
    assert nxt in before.text  # contact the lender before the next due date
    assert "3" in ask.text  # a named number of months
    # The budget still covers the agreed amount: the ask is to spread what was missed, not to pay less.
    assert plan.kept.standings[0].affordable == Decimal("500.00") and plan.kept.standings[0].overdue == Decimal("500.00")
    assert ask.text.count("500.00") == 2
    assert any(missed in line for line in advice.script) and any("500.00" in line for line in advice.script)
    (letter,) = advice.letters
    for figure in ("3,000.00", "500.00", "2,500.00", missed, nxt):
        assert figure in letter.text
    assert advice.script[0] in markdown.render(plan)  # one line a paragraph, unwrapped


def test_due_soon_gets_advice_only_when_the_budget_no_longer_covers_it():
    soon = TODAY + dt.timedelta(days=3)
    assert plan_with("en", soon, paid=0).content.keeping == ()
    plan = plan_with("en", soon, paid=0, monthly="5000", income="3000")
    (advice,) = plan.content.keeping
    assert advice.situation == "at_risk"
    assert plan.kept.standings[0].affordable is not None
    ask = advice.steps[1].text
    assert ("pause" in ask) or (f"{plan.kept.standings[0].affordable:,.2f} yuan" in ask)


def test_on_track_needs_no_advice():
    plan = plan_with("zh", add_months(TODAY, -1) - dt.timedelta(days=1), paid=2)
    assert plan.content.keeping == ()
    assert json.loads(json.dumps(plan_json.document(plan)))["keeping"] == []
