"""The wizard driven in process, as questionary tests itself: keys go into a prompt_toolkit pipe,
the screen goes to DummyOutput, and we check the case, the draft and the files that result."""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

import negotiator.wizard as wizard
from negotiator import store
from negotiator.answers.case import ProposalKind
from negotiator.core.errors import BadInput, Interrupted
from negotiator.core.money import show
from negotiator.plan import build_plan

ENTER, DOWN, UP, BACKSPACE, CTRL_C = "\r", "\x1b[B", "\x1b[A", "\x7f", "\x03"
TODAY = f"{dt.date.today():%Y%m%d}"


def line(text: str) -> str:
    return text + ENTER


def down(n: int) -> str:
    return DOWN * n + ENTER


# private_home (conftest): a private data folder, this test's folder to save plans in, and the
# pipe standing in for the terminal.
pytestmark = pytest.mark.usefixtures("private_home")


def drive(keys: list[str], action, *args):
    """Run `action` with these keys typed; when the keys run out the input ends (EOFError inside
    the wizard), so a test that types too little fails instead of waiting."""
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            return action(*args)


# ---- the keys for a typical English case, step by step ----------------------------------------

SITUATION = [ENTER, line("2026-03"), down(1), line("9000"), line("Lost my job in March")]  # job_loss, long-term
INCOME = [ENTER, line("Salary"), line("6000"), ENTER]  # add, source, amount, done
EXPENSES = [line("2000"), line("1500")] + [ENTER] * 9  # housing, food, the rest skipped
PRIORITY = [ENTER]  # "I have no priority payments", the default
DEBT_HUABEI = [line("Huabei"), ENTER, line("8000"), line("210"), line("260"), line("40"), ENTER, line("0.05"), line("1200"), ENTER]
DEBT_CARD = [line("Card"), down(2), line("42000"), line("1500"), line("900"), line("95"), down(1), line("18.25"), line("4200"), down(2)]
DEBTS = DEBT_HUABEI + [down(1)] + DEBT_CARD + [ENTER]  # first debt, "add another", second, done
TO_REVIEW = [ENTER] + SITUATION + INCOME + EXPENSES + PRIORITY + DEBTS + [ENTER, ENTER, ENTER]  # budget, two proposals
FINISH = [ENTER, ENTER, ENTER, ENTER, ENTER]  # review: continue; save as text; path; finish; case name


# The answers each step writes into the draft.
ANSWERED_BY = {"language": ("language",), "situation": ("hardship",), "income": ("income",), "expenses": ("expenses",),
               "priority": ("priority",), "debts": ("debts",), "budget": ("buffer_percent", "lump_sum"), "proposals": ()}
# What the English interview (TO_REVIEW) keeps in its draft once the proposals are done: the full
# run below types it and checks it kept exactly this, so the other tests start from a draft at their
# own step instead of typing some fifty answers again.
TYPED_TO_REVIEW = {
    "language": "en",
    "hardship": {"cause": "job_loss", "since": "2026-03", "_lasting": "unknown", "income_before": "9000.00", "details": "Lost my job in March"},
    "income": [{"source": "Salary", "monthly": "6000.00"}],
    "expenses": [{"category": "housing", "monthly": "2000.00"}, {"category": "food", "monthly": "1500.00"}],
    "priority": [],
    "debts": [
        {"lender": "Huabei", "kind": "huabei", "principal": "8000.00", "interest": "210.00", "penalties": "260.00", "days_overdue": 40,
         "_rate": "daily", "daily_rate_percent": "0.05", "contract_monthly": "1200.00", "stage": "reminders"},
        {"lender": "Card", "kind": "credit_card", "principal": "42000.00", "interest": "1500.00", "penalties": "900.00", "days_overdue": 95,
         "_rate": "annual", "annual_rate_percent": "18.25", "contract_monthly": "4200.00", "stage": "agency"},
    ],
    "buffer_percent": "10",
    "lump_sum": "0.00",
}


def seed(done: str, lang: str = "en", name: str | None = None, **answers):
    """A saved draft as the English interview leaves it once `done` is finished (the steps' answers
    from TYPED_TO_REVIEW, language `lang`, then `answers` over them), as `negotiator resume` finds it."""
    from negotiator.wizard.draft import Draft
    from negotiator.wizard.flow import STEPS

    upto = STEPS[: STEPS.index(done) + 1]
    kept = {k: v for k, v in json.loads(json.dumps(TYPED_TO_REVIEW)).items() if any(k in ANSWERED_BY[s] for s in upto)}
    draft = Draft(lang, {**kept, "language": lang, **answers}, done, name=name)
    draft.save()
    return draft


def from_step(step: str, keys: list[str], name: str | None = None) -> None:
    """Type `keys` from `step` on, as `negotiator resume` goes on from a draft of the steps before."""
    from negotiator.wizard.flow import STEPS

    seed(STEPS[STEPS.index(step) - 1], name=name)
    drive(keys, wizard.resume, None)


def from_review(keys: list[str], name: str | None = None) -> None:
    from_step("review", keys, name)


def saved(name: str = f"case-{TODAY}"):
    return store.open_case(name).case


def test_full_run_fills_the_case_and_saves_plan_and_case(tmp_path: Path, private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from negotiator.wizard.draft import Draft

    kept: dict[str, dict] = {}
    save = Draft.save

    def save_and_note(draft: Draft) -> None:
        kept[draft.done or ""] = json.loads(json.dumps(draft.answers))
        save(draft)

    monkeypatch.setattr(Draft, "save", save_and_note)
    drive(TO_REVIEW + FINISH, wizard.start, None)
    assert kept["proposals"] == TYPED_TO_REVIEW  # what the other tests start from
    case = saved()
    assert case.language == "en"
    assert case.hardship.cause.value == "job_loss"
    assert case.hardship.since == dt.date(2026, 3, 1)
    assert case.hardship.expected_months is None
    assert case.hardship.income_before == Decimal("9000.00")
    assert [(x.source, x.monthly) for x in case.income] == [("Salary", Decimal("6000.00"))]
    assert [(x.category.value, x.monthly) for x in case.expenses] == [("housing", Decimal("2000.00")), ("food", Decimal("1500.00"))]
    assert case.priority == []
    huabei, card = case.debts
    assert (huabei.lender, huabei.kind.value, huabei.principal, huabei.days_overdue) == ("Huabei", "huabei", Decimal("8000.00"), 40)
    assert huabei.daily_rate_percent == Decimal("0.05") and huabei.annual_rate_percent is None
    assert (card.kind.value, card.annual_rate_percent, card.stage.value) == ("credit_card", Decimal("18.25"), "agency")
    assert huabei.chosen is None and card.chosen is None
    # The saved text is the plan of this case: its lenders and the engine's target amounts.
    text = (tmp_path / f"negotiation-plan-{TODAY}.txt").read_text("utf-8")
    plan = build_plan(case)
    for debt in plan.numbers.debts:
        assert debt.lender in text
        assert show(debt.ladder.target.monthly_payment) in text
    assert (tmp_path / f"negotiation-plan-{TODAY}.txt").stat().st_mode & 0o777 == 0o600
    assert not list((private_home / "drafts").glob("*.json"))  # a finished interview leaves no draft


def test_a_wrong_amount_is_explained_and_asked_again_keeping_earlier_answers() -> None:
    wrong_income = [ENTER, line("Salary"), line("abc"), BACKSPACE * 3 + line("-5"), BACKSPACE * 2 + line("3k"), ENTER]
    from_step("income", wrong_income + EXPENSES + PRIORITY + DEBT_HUABEI + [ENTER, ENTER, ENTER] + FINISH)
    case = saved()
    assert [(x.source, x.monthly) for x in case.income] == [("Salary", Decimal("3000.00"))]
    assert case.hardship.income_before == Decimal("9000.00")


def test_amounts_are_read_as_people_type_them_in_chinese() -> None:
    situation = [down(2), line("2026-05-01"), ENTER, line("6"), ENTER, ENTER]  # illness, 6 months
    income = [ENTER, line("工资"), line("1.2万"), down(1), line("兼职"), line(" 800 "), ENTER]
    expenses = [line("¥3000"), line("1,200元"), line("3k")] + [ENTER] * 8
    priority = [down(1), line("房租欠款"), line("500"), ENTER]
    debt = [line("花呗"), ENTER, line("8000"), ENTER, ENTER, ENTER, ENTER, line("0.05"), ENTER, ENTER, ENTER]
    keys = situation + income + expenses + priority + debt + [ENTER, ENTER] + FINISH
    drive(keys, wizard.start, "zh")
    case = saved()
    assert case.language == "zh"
    assert case.hardship.expected_months == 6 and case.hardship.cause.value == "illness"
    assert [x.monthly for x in case.income] == [Decimal("12000.00"), Decimal("800.00")]
    assert [x.monthly for x in case.expenses] == [Decimal("3000.00"), Decimal("1200.00"), Decimal("3000.00")]
    assert [(x.name, x.monthly) for x in case.priority] == [("房租欠款", Decimal("500.00"))]
    assert case.debts[0].interest == Decimal("0.00") and case.debts[0].days_overdue == 0


def test_going_back_from_review_changes_an_amount_and_the_plan_follows() -> None:
    # Review menu: continue, situation, income, ...; income menu: done, add another, Salary; change it.
    change_income = [down(2), down(2), ENTER, ENTER, BACKSPACE * 4 + line("7500"), ENTER]
    from_review(change_income + [ENTER, ENTER, ENTER] + FINISH)  # then the budget and both proposals again
    case = saved()
    assert [x.monthly for x in case.income] == [Decimal("7500.00")]
    assert build_plan(case).numbers.budget.available == Decimal("3600.00")  # (7500 - 3500) less 10%


def test_an_entry_can_be_removed_and_the_rest_kept() -> None:
    # Review: income; its menu (done, add another, Salary): add Gig, then Salary, remove; done.
    income = [down(2), down(1), line("Gig"), line("500"), down(2), down(1), ENTER]
    from_review(income + [ENTER, ENTER, ENTER] + FINISH)  # then the budget and both proposals again
    assert [(x.source, x.monthly) for x in saved().income] == [("Gig", Decimal("500.00"))]


def test_budget_buffer_and_lump_sum_and_another_proposal_are_kept() -> None:
    budget = [down(1), BACKSPACE * 2 + line("20"), down(2), BACKSPACE + line("3万"), ENTER]
    # Settlement is recommended with a lump sum of at least 40%; pick instalments for the card.
    proposals = [ENTER, UP * 2 + ENTER]
    from_step("budget", budget + proposals + FINISH)
    case = saved()
    assert case.buffer_percent == Decimal("20") and case.lump_sum == Decimal("30000.00")
    plan = build_plan(case)
    assert [d.recommended.kind.value for d in plan.numbers.debts] == ["settlement", "settlement"]
    assert case.debts[0].chosen is None
    assert case.debts[1].chosen.value == "instalments"
    assert plan.numbers.debts[1].ladder.target.kind.value == "instalments"


def test_ctrl_c_keeps_a_draft_and_resume_goes_on(private_home: Path) -> None:
    before = [ENTER] + SITUATION + INCOME + EXPENSES + PRIORITY + [line("Hua") + CTRL_C]
    with pytest.raises(Interrupted) as stopped:
        drive(before, wizard.start, None)
    assert "negotiator resume" in str(stopped.value)
    assert stopped.value.exit_code == 130
    (draft,) = (private_home / "drafts").glob("*.json")
    assert draft.stat().st_mode & 0o777 == 0o600
    kept = json.loads(draft.read_text("utf-8"))
    assert kept["done"] == "priority"
    assert kept["answers"]["income"] == [{"source": "Salary", "monthly": "6000.00"}]
    assert kept["answers"]["debts"] == [{"lender": "Hua"}]  # even the half-typed debt is kept
    # Resuming finishes the half-done debt first: its lender is already filled in.
    rest = [BACKSPACE * 3 + line("Huabei")] + DEBT_HUABEI[1:] + [ENTER, ENTER, ENTER] + FINISH
    drive(rest, wizard.resume, None)
    case = saved()
    assert [d.lender for d in case.debts] == ["Huabei"]
    assert [x.monthly for x in case.income] == [Decimal("6000.00")]
    assert not list((private_home / "drafts").glob("*.json"))


def _two_drafts(private_home: Path) -> tuple[Path, Path]:
    """Two interviews stopped in their first debt (as test_ctrl_c_keeps_a_draft_and_resume_goes_on
    leaves one), 'Old' a day before 'New'."""
    files = [seed("priority", debts=[{"lender": lender}]).path for lender in ("Old", "New")]
    day_before = files[1].stat().st_mtime - 86400
    os.utime(files[0], (day_before, day_before))
    return files[0], files[1]


def test_resume_asks_which_draft_when_there_are_several_and_keeps_the_other(private_home: Path) -> None:
    old, new = _two_drafts(private_home)
    # The list starts with the draft written last; one down is the older one.
    rest = [down(1), BACKSPACE * 3 + line("Huabei")] + DEBT_HUABEI[1:] + [ENTER, ENTER, ENTER] + FINISH
    drive(rest, wizard.resume, None)
    assert [d.lender for d in saved().debts] == ["Huabei"]
    assert not old.exists()  # finished, so its draft is gone
    assert json.loads(new.read_text("utf-8"))["answers"]["debts"] == [{"lender": "New"}]


def test_ctrl_c_while_choosing_a_draft_keeps_them_all(private_home: Path) -> None:
    old, new = _two_drafts(private_home)
    with pytest.raises(Interrupted) as stopped:
        drive([CTRL_C], wizard.resume, "en")
    assert "kept" in str(stopped.value)
    assert old.exists() and new.exists()


def test_each_draft_is_told_apart_by_when_whose_debts_and_what_comes_next() -> None:
    from negotiator.wizard.draft import Draft
    from negotiator.wizard.flow import describe_draft

    when = dt.datetime(2026, 11, 20, 21, 5)
    debts = Draft("en", {"debts": [{"lender": "Huabei"}, {"lender": "Card"}, {"kind": "other"}]}, done="debts", changed=when)
    assert describe_draft(debts, "en") == "2026-11-20 21:05 · Huabei, Card · next: Your budget"
    assert describe_draft(debts, "zh") == "2026-11-20 21:05 · Huabei，Card · 下一步：您的预算"
    named = Draft("en", {}, done="proposals", name="card-2026", editing=True, changed=when)
    assert describe_draft(named, "en") == "2026-11-20 21:05 · card-2026 · next: Check your answers"
    empty = Draft("en", {"language": "en"}, done="language", changed=when)
    assert describe_draft(empty, "en") == "2026-11-20 21:05 · no debts entered yet · next: Your situation"


def test_ctrl_c_at_the_first_question_keeps_nothing(private_home: Path) -> None:
    with pytest.raises(Interrupted) as stopped:
        drive([CTRL_C], wizard.start, None)
    assert "nothing" in str(stopped.value).lower()
    assert not (private_home / "drafts").exists()


def test_end_of_input_names_the_answers_file_path_and_keeps_the_draft(private_home: Path) -> None:
    with pytest.raises(BadInput) as refused:
        drive([ENTER] + SITUATION + ["Sal"], wizard.start, None)
    assert "negotiator plan --answers FILE" in str(refused.value)
    (draft,) = (private_home / "drafts").glob("*.json")
    assert json.loads(draft.read_text("utf-8"))["done"] == "situation"


def test_resume_without_a_draft_is_a_clear_refusal() -> None:
    with pytest.raises(BadInput) as refused:
        drive([], wizard.resume, "en")
    assert "negotiator" in str(refused.value) and refused.value.exit_code == 2


def test_not_a_terminal_is_refused_naming_the_answers_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: False)
    with pytest.raises(BadInput) as refused:
        wizard.start("en")
    assert "negotiator example -o answers.json" in str(refused.value)


def test_edit_opens_a_saved_case_on_review_and_replaces_it_after_confirming(tmp_path: Path) -> None:
    from_review(FINISH)
    name = f"case-{TODAY}"
    # Review: change expenses; housing 2000 -> 2500, the rest as they were.
    change = [down(3), BACKSPACE * 4 + line("2500")] + [ENTER] * 10 + [ENTER, ENTER, ENTER]  # the budget, the proposals
    # Review: continue; save as text, under a new name (the first is taken); finish; replace the case: yes.
    finish = [ENTER, ENTER, ENTER, ENTER, ENTER]
    drive(change + finish, wizard.edit, name, None)
    assert (tmp_path / f"negotiation-plan-{TODAY}-2.txt").exists()
    case = saved(name)
    assert [x.monthly for x in case.expenses] == [Decimal("2500.00"), Decimal("1500.00")]
    assert case.debts[1].annual_rate_percent == Decimal("18.25")  # untouched answers kept


def test_an_existing_plan_file_is_never_replaced_without_consent(tmp_path: Path) -> None:
    target = tmp_path / f"negotiation-plan-{TODAY}.txt"
    target.write_text("mine", "utf-8")
    # The suggested name is a free one; typing the taken name asks first, and "No" (the default)
    # asks for a name again.
    free = f"negotiation-plan-{TODAY}-2.txt"
    taken = BACKSPACE * len(f"./{free}") + line(target.name)
    finish = [ENTER, ENTER, taken, ENTER, BACKSPACE * len(target.name) + line(free), ENTER, ENTER]
    from_review(finish)
    assert target.read_text("utf-8") == "mine"
    assert "Huabei" in (tmp_path / free).read_text("utf-8")


def test_replacing_a_plan_file_needs_a_yes(tmp_path: Path) -> None:
    target = tmp_path / f"negotiation-plan-{TODAY}.txt"
    target.write_text("mine", "utf-8")
    taken = BACKSPACE * len(f"./negotiation-plan-{TODAY}-2.txt") + line(target.name)
    from_review([ENTER, ENTER, taken, UP + ENTER, ENTER, ENTER])
    assert "Huabei" in target.read_text("utf-8")
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_result_is_one_screen_with_the_first_call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from negotiator import advice
    from negotiator.plan import Checklist, Content, Script, Step

    def content(plan):
        scripts = tuple(Script(d.lender, (Step("opening", f"Hello {d.lender}"), Step("opening_ask", f"I can pay {show(d.ladder.target.monthly_payment)}"))) for d in plan.numbers.debts)
        return Content(Checklist(("Have your ID ready",), ("Stay calm",), ("Get it in writing",)), (), scripts, (), (), (), (), "Not legal advice")

    monkeypatch.setattr(advice, "build_content", content)
    from_review(FINISH)
    out = capsys.readouterr().out
    plan = build_plan(saved())
    summary = out[out.index("Your plan at a glance"):]
    assert f"I can pay {show(plan.numbers.debts[0].ladder.target.monthly_payment)}" in summary  # the first call
    assert "Have your ID ready" not in summary  # the checklist is in the file and the pager
    assert len(summary.splitlines()) < 24


def test_a_debt_of_nothing_is_explained_and_gone_through_again(capsys: pytest.CaptureFixture[str]) -> None:
    empty = [line("Huabei"), ENTER, line("0"), ENTER, ENTER, ENTER, ENTER, line("0.05"), ENTER, ENTER]
    again = [ENTER, ENTER, BACKSPACE + line("5000")] + [ENTER] * 7  # lender and kind kept; principal fixed
    from_step("debts", empty + again + [ENTER, ENTER, ENTER] + FINISH)
    assert "doesn't add up" in capsys.readouterr().out
    (debt,) = saved().debts
    assert (debt.lender, debt.principal, debt.daily_rate_percent) == ("Huabei", Decimal("5000.00"), Decimal("0.05"))


def test_a_new_interview_offers_the_unfinished_one_and_keeps_it(private_home: Path) -> None:
    with pytest.raises(Interrupted):
        drive([ENTER] + SITUATION + [CTRL_C], wizard.start, None)
    (old,) = (private_home / "drafts").glob("*.json")
    with pytest.raises(Interrupted):
        drive([down(1), CTRL_C], wizard.start, "en")  # "start a new one", then stop at once
    assert list((private_home / "drafts").glob("*.json")) == [old]


def test_a_chosen_settlement_falls_back_when_the_lump_sum_is_taken_away() -> None:
    budget = [down(2), BACKSPACE + line("1万"), ENTER]  # 10,000 is under 40%: settlement offered, not recommended
    proposals = [DOWN * 2 + ENTER, ENTER]  # Huabei: settlement instead of instalments; the card as recommended
    from_step("budget", budget + proposals + FINISH)
    assert [d.chosen for d in saved().debts] == [ProposalKind.settlement, None]
    # Edit it: review, change the budget, lump sum 0; continue; the proposals again, as recommended;
    # replace the text and the case.
    back = [down(6), down(2), BACKSPACE * 5 + line("0"), ENTER, ENTER, ENTER]
    drive(back + [ENTER, ENTER, ENTER, ENTER, ENTER], wizard.edit, f"case-{TODAY}", None)
    case = saved()
    assert case.lump_sum == Decimal("0.00")
    assert [d.chosen for d in case.debts] == [None, None]


def test_a_second_case_on_the_same_day_gets_a_free_name_and_new_name_suggests_one() -> None:
    from_review(FINISH)
    from_review(FINISH)
    assert saved(f"case-{TODAY}-2").debts[0].lender == "Huabei"
    from_review(FINISH, "huabei-talks")
    assert saved("huabei-talks").income[0].monthly == Decimal("6000.00")


def test_a_draft_written_by_hand_or_by_another_version_still_resumes(private_home: Path) -> None:
    """A step this version does not know starts the interview again, every answer kept as the default."""
    from negotiator.wizard.draft import drafts
    from negotiator.wizard.flow import describe_draft

    folder = private_home / "drafts"
    folder.mkdir(parents=True)
    record = {"version": 1, "lang": "en", "done": "a later step", "name": None, "editing": False, "answers": {"debts": [{"lender": 5}]}}
    (folder / "draft-20261101-090000-000000.json").write_text(json.dumps(record), encoding="utf-8")
    (found,) = drafts()
    assert describe_draft(found, "en").endswith("· 5 · next: Language")
    with pytest.raises(BadInput):  # the keys run out at the first question: it was asked
        drive([], wizard.resume, None)
    assert json.loads((folder / "draft-20261101-090000-000000.json").read_text("utf-8"))["answers"]["debts"] == [{"lender": 5}]


def test_a_new_lump_sum_from_the_review_shows_the_proposals_again(capsys: pytest.CaptureFixture[str]) -> None:
    """Review: budget; lump sum 10,000 (settlement offered, not recommended); continue. The proposals
    come back before the review: settlement picked for Huabei there, the card as recommended."""
    back = [down(6), down(2), BACKSPACE + line("1万"), ENTER]
    from_review(back + [DOWN * 2 + ENTER, ENTER] + FINISH)
    assert [d.chosen for d in saved().debts] == [ProposalKind.settlement, None]
    from negotiator.words import t

    screen = capsys.readouterr().out
    assert t("en", "wizard.msg.changed_later", changed=t("en", "wizard.steps.budget"), step=t("en", "wizard.steps.proposals")) in screen
    assert screen.count(t("en", "wizard.msg.step", n=7, total=9, title=t("en", "wizard.steps.proposals"))) == 1


def test_a_change_that_changes_nothing_later_goes_straight_back_to_the_review(capsys: pytest.CaptureFixture[str]) -> None:
    # Review: situation, every answer kept (the details are only words for the call): back to the review.
    from_review([down(1), ENTER, ENTER, ENTER, ENTER, ENTER, ENTER] + FINISH)
    from negotiator.words import t

    screen = capsys.readouterr().out
    assert t("en", "wizard.msg.step", n=1, total=9, title=t("en", "wizard.steps.situation")) in screen
    for n, step in ((6, "budget"), (7, "proposals")):
        assert t("en", "wizard.msg.step", n=n, total=9, title=t("en", f"wizard.steps.{step}")) not in screen


def test_a_new_income_goes_through_the_budget_and_the_proposals_before_the_review(capsys: pytest.CaptureFixture[str]) -> None:
    # Review: income; Salary changed to 7,500; done. The budget (continue), then both proposals.
    change_income = [down(2), down(2), ENTER, ENTER, BACKSPACE * 4 + line("7500"), ENTER]
    from_review(change_income + [ENTER, ENTER, ENTER] + FINISH)
    from negotiator.words import t

    screen = capsys.readouterr().out
    for step in ("budget", "proposals"):
        assert t("en", "wizard.msg.changed_later", changed=t("en", "wizard.steps.income"), step=t("en", f"wizard.steps.{step}")) in screen
    assert [x.monthly for x in saved().income] == [Decimal("7500.00")]


def test_ctrl_c_while_the_proposals_come_back_resumes_at_the_proposals(private_home: Path) -> None:
    back = [down(6), down(2), BACKSPACE + line("1万"), ENTER, CTRL_C]
    with pytest.raises(Interrupted):
        from_review(back)
    (kept,) = (private_home / "drafts").glob("*.json")
    record = json.loads(kept.read_text("utf-8"))
    assert record["done"] == "budget" and record["answers"]["lump_sum"] == "10000.00"
