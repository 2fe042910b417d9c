"""The steps of the interview, in the order a debt adviser works through a case.

Each step asks its questions (from questions.py, through ask.py) and writes the answers into the
draft as they come. Every number shown is the engine's: the wizard builds the same Case an answers
file gives and calls negotiator.plan.build_plan; it computes nothing itself.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from negotiator.asking.question import Question, ask, ask_all
from negotiator.core.errors import BadInput, Message
from negotiator.wizard import questions as Q
from negotiator.wizard import screens
from negotiator.wizard.draft import Draft
from negotiator.words import say, t

if TYPE_CHECKING:  # types only: the first question comes before pydantic and the engine are loaded
    from negotiator.answers.case import Case
    from negotiator.core.enums import ProposalKind
    from negotiator.plan import Plan
    from negotiator.planning.engine import DebtPlan
    from negotiator.records.contacts import Agreement, ContactEntry
    from negotiator.records.payments import Payment

# ---- the case the answers make ----------------------------------------------------------------


def case_data(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as an answers file: the wizard's own "_" keys left out, and the plan dated
    today so the saved case gives the same plan when it is opened again."""
    data = copy.deepcopy(answers)
    data.setdefault("plan_date", dt.date.today().isoformat())
    for section in [data.get("hardship", {}), *data.get("debts", [])]:
        for key in [k for k in section if k.startswith("_")]:
            del section[key]
    return data


def from_case(data: dict[str, Any]) -> dict[str, Any]:
    """A saved case as answers, with the wizard's own keys put back so its questions have defaults."""
    answers = copy.deepcopy(data)
    answers.pop("plan_date", None)  # edited now, so planned from today
    hardship = answers.get("hardship", {})
    hardship["_lasting"] = "months" if hardship.get("expected_months") else "unknown"
    for debt in answers.get("debts", []):
        debt["_rate"] = "daily" if debt.get("daily_rate_percent") is not None else "annual"
    return answers


def records(d: Draft) -> tuple[tuple[ContactEntry, ...], tuple[Agreement, ...], tuple[Payment, ...]]:
    """A saved case being edited keeps its contact log, agreements and payments: the plan the
    wizard shows is worked out with them, as `show` works it out. A new interview has none."""
    if not d.editing or d.name is None:
        return (), (), ()
    if d.records is None:
        from negotiator import store  # noqa: PLC0415

        try:
            saved = store.open_case(d.name)
        except BadInput:  # removed since (a draft resumed later): planned from the answers alone, as a new case
            d.records = ((), (), ())
        else:
            d.records = (tuple(saved.log()), saved.agreements(), saved.payments)
    log, agreements, payments = d.records
    return log, agreements, payments


def engine(d: Draft) -> tuple[Case, Plan]:
    """Validate the answers into a Case and build its plan, with the saved case's agreements when
    one is being edited. A chosen proposal the new numbers no longer offer (a settlement once the
    lump sum is gone) falls back to the recommendation."""
    from negotiator.answers.file import case_from_data  # noqa: PLC0415
    from negotiator.plan import build_plan  # noqa: PLC0415
    from negotiator.planning.engine import ChoiceUnavailable  # noqa: PLC0415

    log, agreements, payments = records(d)
    while True:
        case = case_from_data(case_data(d.answers))
        try:
            return case, build_plan(case, d.lang, log=log, agreements=agreements, payments=payments)
        except ChoiceUnavailable as exc:
            d.answers["debts"][exc.index].pop("chosen", None)


# ---- 0. language, 1. situation -------------------------------------------------------------------


def language(d: Draft) -> None:
    d.lang = ask(Q.LANGUAGE, d.lang, d.answers.get("language", d.lang))
    d.answers["language"] = d.lang


def situation(d: Draft) -> None:
    ask_all(Q.SITUATION, d.answers.setdefault("hardship", {}), d.lang)


# ---- lists of entries: income, priority payments, debts -------------------------------------------


def _complete(questions: tuple[Question, ...], entry: dict[str, Any]) -> bool:
    return all(q.key in entry for q in questions if q.required and (q.when is None or q.when(entry)))


def _entries(d: Draft, key: str, questions: tuple[Question, ...], menu: Question, at_least_one: bool,
             check: Callable[[dict[str, Any]], Message | None] | None = None,
             none_first: bool = False) -> None:
    """Add, change or remove entries until the person is done. An entry is in the draft from its
    first answer on, and one left half-done (Ctrl-C) is finished first when the step comes back."""
    lang = d.lang
    items: list[dict[str, Any]] = d.answers.setdefault(key, [])

    def fill(entry: dict[str, Any]) -> None:
        while True:
            ask_all(questions, entry, lang)
            problem = check(entry) if check else None
            if problem is None:
                return
            screens.say(say(lang, problem))

    for entry in items:
        if not _complete(questions, entry):
            fill(entry)
    while True:
        if not items and at_least_one:
            action, index = "add", None
        else:
            options: list[tuple[str, Any]] = []
            if items:
                options.append((t(lang, "wizard.menu.done"), ("done", None)))
                options.append((t(lang, f"wizard.menu.{key}_another"), ("add", None)))
            else:
                options.append((t(lang, f"wizard.menu.{key}_add"), ("add", None)))
                none = (t(lang, f"wizard.menu.{key}_none"), ("done", None))
                # Where most people have none, "none" is what Enter picks.
                options.insert(0, none) if none_first else options.append(none)
            options += [(screens.entry(key, entry, lang), ("entry", i)) for i, entry in enumerate(items)]
            action, index = ask(menu, lang, options=options)
        if action == "done":
            return
        if action == "add":
            items.append({})
            fill(items[-1])
            continue
        assert index is not None  # an entry was picked
        what = ask(Q.ENTRY_ACTION, lang, entry=screens.entry(key, items[index], lang))
        if what == "change":
            fill(items[index])
        elif what == "remove":
            del items[index]


def income(d: Draft) -> None:
    _entries(d, "income", Q.INCOME, Q.INCOME_MENU, at_least_one=False)


def priority(d: Draft) -> None:
    # What counts is said before the question: the word alone does not tell.
    screens.say(t(d.lang, "wizard.msg.priority_explain"))
    _entries(d, "priority", Q.PRIORITY, Q.PRIORITY_MENU, at_least_one=False, none_first=True)


def debts(d: Draft) -> None:
    def check(entry: dict[str, Any]) -> Message | None:
        if entry.get("daily_rate_percent") is None and entry.get("annual_rate_percent") is None:
            # The rate is not known: the plan is worked out at the rate assumed, and says so.
            entry["_rate"] = "unknown"
            entry["annual_rate_percent"] = Q.ASSUMED_ANNUAL_RATE
            screens.say(t(d.lang, "wizard.msg.rate_assumed", lender=entry.get("lender", ""), rate=Q.ASSUMED_ANNUAL_RATE))
        # The model is the judge of a whole debt (e.g. a balance of nothing), as for a file.
        from pydantic import ValidationError  # noqa: PLC0415

        from negotiator.answers.case import Debt  # noqa: PLC0415
        from negotiator.answers.field_problems import problems  # noqa: PLC0415

        try:
            Debt.model_validate({k: v for k, v in entry.items() if not k.startswith("_")})
        except ValidationError as exc:
            return Message("wizard.err.debt", problem=problems(exc))
        return None

    _entries(d, "debts", Q.DEBT, Q.DEBTS_MENU, at_least_one=True, check=check)


# ---- 3. expenses, one category at a time -----------------------------------------------------------


def expenses(d: Draft) -> None:
    from negotiator.core.money import show as money  # noqa: PLC0415
    from negotiator.planning.budget import budget as engine_budget  # noqa: PLC0415

    lang = d.lang
    given = {e["category"]: e["monthly"] for e in d.answers.get("expenses", [])}
    for category in Q.CATEGORIES:
        # The total of the answers so far, this category's included when it has one; the question
        # says which (none at all before the first answer).
        so_far = [Decimal(v) for v in given.values()]
        total = engine_budget([], so_far, [], Decimal(0)).essentials  # the engine adds them up
        label = t(lang, f"wizard.choices.category.{category}")
        question = Q.EXPENSE_WITH if category in given else Q.EXPENSE_OTHERS if given else Q.EXPENSE
        answer = ask(question, lang, given.get(category), category=label, total=money(total))
        if answer is None:
            given.pop(category, None)
        else:
            given[category] = answer
        d.answers["expenses"] = [{"category": c, "monthly": given[c]} for c in Q.CATEGORIES if c in given]


# ---- 6. budget, 7. proposals ------------------------------------------------------------------------


def budget(d: Draft) -> None:
    from negotiator.core.money import show as money  # noqa: PLC0415

    lang = d.lang
    d.answers.setdefault("buffer_percent", "10")
    d.answers.setdefault("lump_sum", "0.00")
    while True:
        case, plan = engine(d)
        screens.budget(plan)
        options = [
            (t(lang, "wizard.menu.budget_continue"), "continue"),
            (t(lang, "wizard.menu.budget_buffer", percent=case.buffer_percent), "buffer"),
            (t(lang, "wizard.menu.budget_lump_sum", amount=money(case.lump_sum)), "lump_sum"),
        ]
        pick = ask(Q.BUDGET_MENU, lang, options=options)
        if pick == "continue":
            return
        if pick == "buffer":
            d.answers["buffer_percent"] = ask(Q.BUFFER, lang, d.answers["buffer_percent"])
        else:
            d.answers["lump_sum"] = ask(Q.LUMP_SUM, lang, d.answers["lump_sum"])


def choice(case: Case, debt: DebtPlan, kind: ProposalKind, agreements: tuple[Agreement, ...] = ()) -> DebtPlan:
    """The lender's part of the plan were `kind` picked: the plan itself when it already is."""
    from negotiator.planning.engine import what_if  # noqa: PLC0415

    if debt.ladder is not None and debt.ladder.target.kind is kind and (debt.debt.chosen or debt.recommended.kind) is kind:
        return debt
    return what_if(case, debt.index, kind, agreements=agreements) or debt


def proposals(d: Draft) -> None:
    lang = d.lang
    case, plan = engine(d)
    for debt in plan.numbers.debts:
        if debt.agreed is not None:  # agreed already: what was agreed holds, there is nothing to pick
            screens.say()
            screens.say(screens.target(debt, lang))
            continue
        if debt.ladder is None:  # the limitation has run out: no proposal to pick, nothing to offer
            screens.say(screens.target(debt, lang))
            d.answers["debts"][debt.index].pop("chosen", None)
            continue
        screens.proposals(debt, lang)
        recommended = debt.recommended.kind.value
        entry = d.answers["debts"][debt.index]
        # Each option shows the target that picking it gives, once the budget is shared out again.
        # Two kinds that come to the same target (both only a pause) are one choice: the
        # recommended kind when it is one of them.
        lines = {p.kind.value: screens.proposal_choice(choice(case, debt, p.kind, plan.agreements), lang) for p in debt.proposals}
        picks: dict[str, str] = {}
        for kind, line in lines.items():
            if line not in picks or kind == recommended:
                picks[line] = kind
        mark = t(lang, "wizard.menu.recommended")
        options = [(line + (mark if kind == recommended else ""), kind) for line, kind in picks.items()]
        current = entry.get("chosen") or recommended
        pick = ask(Q.PROPOSAL, lang, picks.get(lines.get(current, ""), recommended), options=options, lender=debt.lender)
        # Only a departure from the recommendation is kept, so the target follows the engine otherwise.
        if pick == recommended:
            entry.pop("chosen", None)
        else:
            entry["chosen"] = pick


# ---- 8. review, 9. result -----------------------------------------------------------------------------


def on_screen(d: Draft) -> dict[str, object]:
    """What the budget and proposals steps would show now, to tell whether a change made from the
    review changed them: the budget's figures and the lump sum; each lender's proposals and target."""
    case, plan = engine(d)

    def offers(debt: DebtPlan) -> object:
        target = debt.ladder.target if debt.ladder is not None else None
        return (debt.lender, debt.recommended.kind, target and (target.kind, target.amount, target.schedule.rows),
                tuple((p.kind, p.schedule.rows) for p in debt.proposals))

    return {"budget": (plan.numbers.budget, case.lump_sum), "proposals": tuple(offers(debt) for debt in plan.numbers.debts)}



EDITABLE = ("situation", "income", "expenses", "priority", "debts", "budget", "proposals")


def review(d: Draft) -> str:
    """Every answer on one screen; returns "continue" or the step to go back to."""
    lang = d.lang
    case, plan = engine(d)
    assumed = {i for i, debt in enumerate(d.answers.get("debts", [])) if debt.get("_rate") == "unknown"}
    screens.review(case, plan, lang, assumed)
    options = [(t(lang, "wizard.menu.review_continue"), "continue")]
    options += [(t(lang, "wizard.menu.review_change", step=t(lang, f"wizard.steps.{s}")), s) for s in EDITABLE]
    step: str = ask(Q.REVIEW_MENU, lang, options=options)
    return step


def result(d: Draft) -> None:
    """The plan in one screen first; then the person chooses: keep it as text, read all of it in
    the pager, keep it as Markdown or a calendar too, or finish. The case is saved at the end."""
    from negotiator.wizard import saving  # noqa: PLC0415

    lang = d.lang
    case, plan = engine(d)
    screens.result(plan, lang)
    kept: set[str] = set()
    while True:
        options = []
        for choice in ("text", "pager", "markdown", "ics", "finish"):
            title = t(lang, f"wizard.menu.result_{choice}")
            options.append((title + (t(lang, "wizard.menu.result_kept") if choice in kept else ""), choice))
        # Enter keeps the plan as text first, then finishes.
        pick = ask(Q.RESULT_MENU, lang, "finish" if "text" in kept else "text", options=options)
        if pick == "finish":
            break
        if pick == "pager":
            saving.page(plan)
            continue
        saving.save_text(plan, lang, pick)
        kept.add(pick)
    saving.save_case(d, case)
