"""What the wizard prints between questions: step titles, the engine's budget and proposals as
tables, the review screen and the result. Rich is loaded only for the tables; every number comes
from the plan the engine built."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from negotiator.asking.prompt_layout import block, width
from negotiator.core.controls import visible
from negotiator.core.money import show as money
from negotiator.render.layout import fit_or_stack
from negotiator.words import t

if TYPE_CHECKING:  # types only: the first question comes before pydantic and the engine are loaded
    from negotiator.answers.case import Case
    from negotiator.plan import Plan
    from negotiator.planning.engine import DebtPlan

# --plain: the figures alone, never a picture (for screen readers and copying); set once a run.
PLAIN = False


def screen_width() -> int:
    """The window's width in a terminal (at most 100 columns, as every command's screens); elsewhere
    (a pipe, a test) the printed plan's 80 columns."""
    return width() if sys.stdout.isatty() else 80


def say(text: str = "") -> None:
    """Text wrapped to the window, at words (English) or by the Chinese line-breaking rules; as it
    is when no one is looking at a window. What the person typed (or a draft holds) comes back on
    screen here: never a raw control."""


    text = visible(text)
    print(block(text) if sys.stdout.isatty() else text, flush=True)


def header(lang: str, step: str, number: int, total: int) -> None:
    say()
    say(t(lang, "wizard.msg.step", n=number, total=total, title=t(lang, f"wizard.steps.{step}")))


def _table(headings: list[str], rows: list[list[str]], right: set[int], lang: str) -> None:
    """A table when it fits the window, else each row stacked: words are never cut."""
    align = "".join("r" if i in right else "l" for i in range(len(headings)))
    print("\n".join(fit_or_stack(headings, rows, align, screen_width(), t(lang, "wizard.review.separator"))), flush=True)


# ---- entries in menus and on the review screen ---------------------------------------------------


def entry(key: str, item: dict[str, Any], lang: str) -> str:
    """One income source, priority payment or debt in a line, as the person typed it."""
    def amount(field: str) -> str:
        return money(Decimal(item[field])) if field in item else "?"

    if key == "income":
        return t(lang, "wizard.review.pair", label=item.get("source", "?"), value=amount("monthly"))
    if key == "priority":
        return t(lang, "wizard.review.pair", label=item.get("name", "?"), value=amount("monthly"))
    return t(lang, "wizard.review.pair", label=item.get("lender", "?"), value=amount("principal"))


# ---- budget and proposals -----------------------------------------------------------------------


def budget_rows(plan: Plan) -> list[list[str]]:
    lang, b = plan.lang, plan.numbers.budget
    return [
        [t(lang, "labels.budget.income"), money(b.income)],
        [t(lang, "labels.budget.essentials"), money(b.essentials)],
        [t(lang, "labels.budget.priority"), money(b.priority)],
        [t(lang, "labels.budget.surplus"), money(b.surplus)],
        [t(lang, "labels.budget.buffer", percent=b.buffer_percent), money(b.buffer)],
        [t(lang, "labels.budget.available"), money(b.available)],
    ]


def budget(plan: Plan) -> None:
    lang = plan.lang
    _table([t(lang, "labels.budget.title"), t(lang, "wizard.msg.per_month")], budget_rows(plan), {1}, lang)
    if plan.numbers.budget.available <= 0:
        say(t(lang, "wizard.msg.nothing_available"))


def proposals(debt: DebtPlan, lang: str) -> None:
    """One lender's proposals and offer ladder, drawn by the same builders as the saved plan."""
    from negotiator.render.blocks import Phrasebook  # noqa: PLC0415
    from negotiator.render.sections import debt_blocks  # noqa: PLC0415
    from negotiator.render.text import block_lines  # noqa: PLC0415

    say()
    print("\n".join(block_lines(debt_blocks(debt, Phrasebook(lang)), lang, screen_width())), flush=True)


def proposal_choice(debt: DebtPlan, lang: str) -> str:
    """A menu line: the target that picking this proposal gives, in the plan's own words."""
    from negotiator.render.blocks import Phrasebook  # noqa: PLC0415
    from negotiator.render.sections import choice_line  # noqa: PLC0415

    return choice_line(debt, Phrasebook(lang))


def target(debt: DebtPlan, lang: str) -> str:
    """The plan's basis for one lender, in a line: what was agreed once there is an agreement,
    else what to aim for and what never to exceed."""
    a = debt.agreed
    if a is not None:  # the agreement holds: its own terms, never the target from before it
        from negotiator.advice.phrasing import date, payments  # noqa: PLC0415

        values = {"lender": debt.lender, "count": payments(lang, a.months), "first_due": date(lang, a.first_due)}
        if a.kind.value == "settlement":
            key = "wizard.msg.target_settled" if a.months == 1 else "wizard.msg.target_settled_parts"
            return t(lang, key, amount=money(debt.stance.agreed_total or a.monthly), **values)
        return t(lang, "wizard.msg.target_agreed", monthly=money(a.monthly), **values)
    if debt.ladder is None:  # the limitation has run out: nothing is offered
        return t(lang, "wizard.msg.target_expired", lender=debt.lender)
    from negotiator.render.blocks import Phrasebook  # noqa: PLC0415
    from negotiator.render.sections import target_line  # noqa: PLC0415

    return target_line(debt, Phrasebook(lang))


# ---- review ---------------------------------------------------------------------------------------


def review(case: Case, plan: Plan, lang: str, assumed: set[int] | frozenset[int] = frozenset()) -> None:
    """Every answer on one screen; `assumed`: the debts whose rate was not known (planned at the
    rate assumed, and said to be)."""
    def w(key: str, **values: Any) -> str:
        return t(lang, f"wizard.review.{key}", **values)

    def pair(label: str, value: Decimal | str) -> str:
        return "  " + w("pair", label=label, value=money(value) if isinstance(value, Decimal) else value)

    h = case.hardship
    lines = [w("title"), "", f"[{t(lang, 'wizard.steps.situation')}]"]
    lines.append(w("cause", cause=t(lang, f"wizard.choices.cause.{h.cause.value}")))
    from negotiator.advice.phrasing import days, given, months  # noqa: PLC0415

    lines.append(w("since", since=given(lang, h.since_given)))

    lines.append(w("expected", months=months(lang, h.expected_months)) if h.expected_months else w("long_term"))
    if h.income_before is not None:
        lines.append(w("income_before", amount=money(h.income_before)))
    if h.details:
        lines.append(w("details", details=h.details))

    lines += ["", f"[{t(lang, 'wizard.steps.income')}]"]
    lines += [pair(x.source, x.monthly) for x in case.income] or [w("none")]
    lines += ["", f"[{t(lang, 'wizard.steps.expenses')}]"]
    lines += [pair(t(lang, f"wizard.choices.category.{x.category.value}"), x.monthly) for x in case.expenses] or [w("none")]
    lines += ["", f"[{t(lang, 'wizard.steps.priority')}]"]
    lines += [pair(x.name, x.monthly) for x in case.priority] or [w("none")]

    lines += ["", f"[{t(lang, 'wizard.steps.debts')}]"]
    for n, debt in enumerate(case.debts):
        rate = (w("daily_rate", rate=debt.daily_rate_percent) if debt.daily_rate_percent is not None
                else w("assumed_rate" if n in assumed else "annual_rate", rate=debt.annual_rate_percent))
        lines.append("  " + w("debt", lender=debt.lender, kind=t(lang, f"wizard.choices.kind.{debt.kind.value}")))
        lines.append(w("debt_money", principal=money(debt.principal), interest=money(debt.interest), penalties=money(debt.penalties)))
        lines.append(w("debt_terms", days=days(lang, debt.days_overdue), rate=rate, monthly=money(debt.contract_monthly),
                       stage=t(lang, f"wizard.choices.stage.{debt.stage.value}")))
        if debt.last_payment_date is not None or debt.last_demand_date is not None:
            unknown = w("unknown_date")
            paid, asked = debt.given("last_payment_date"), debt.given("last_demand_date")
            lines.append(w("debt_dates", payment=given(lang, paid) if paid else unknown, demand=given(lang, asked) if asked else unknown))

    lines += ["", f"[{t(lang, 'wizard.steps.budget')}]"]
    lines += [pair(label, value) for label, value in budget_rows(plan)]
    lines.append(w("lump_sum", amount=money(case.lump_sum)))
    lines += ["", f"[{t(lang, 'wizard.steps.proposals')}]"]
    lines += ["  " + target(debt, lang) for debt in plan.numbers.debts]
    say("\n".join(lines))
    say()


# ---- result ---------------------------------------------------------------------------------------


def result(plan: Plan, lang: str) -> None:
    """The plan in one screen: can the budget carry it, what to aim for with each lender and never
    go beyond, and how the first call opens. The rest is a choice away (pager or file)."""
    b = plan.numbers.budget
    say(t(lang, "wizard.result.title"))
    say()
    if b.available > 0:
        say(t(lang, "wizard.result.budget", available=money(b.available), income=money(b.income),
              essentials=money(b.essentials), priority=money(b.priority), buffer=money(b.buffer)))
    else:
        say(t(lang, "wizard.msg.nothing_available"))
    say()
    bars(plan)
    say(t(lang, "wizard.result.targets"))
    for debt in plan.numbers.debts:
        say("  " + target(debt, lang))
    content = plan.content
    if content is not None and content.script:
        # The first call still to make: a lender already agreed is called only if a payment slips.
        agreed = {d.lender for d in plan.numbers.debts if d.agreed is not None}
        first = next((s for s in content.script if s.lender not in agreed), content.script[0])
        opening = next((s.text for s in first.steps if s.step == "opening_ask"), first.steps[0].text if first.steps else "")
        say()
        say(t(lang, "wizard.result.first_call", lender=first.lender))
        say("  " + opening)
    say()


def bars(plan: Plan) -> None:
    """The budget as bars beside their figures, in a terminal and not --plain (a screen reader
    gets the figures alone, in the sentence above)."""
    import sys  # noqa: PLC0415

    if PLAIN or not sys.stdout.isatty():
        return
    from negotiator.render.bars import budget_bars  # noqa: PLC0415

    lines = budget_bars(plan, screen_width())
    if lines:
        print("\n".join(lines), flush=True)
        say()
