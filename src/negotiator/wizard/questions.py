"""Every question the wizard asks, as data. Adding a question is adding an entry here (and its
words in content/<lang>/wizard.toml); the flow and `ask` need no change.

Keys are the answers file's field names; keys starting with "_" are the wizard's own (which form
a rate was given in, whether the hardship has an expected end) and never reach the case.
"""

from __future__ import annotations

from typing import Any

from negotiator.asking.question import Question
from negotiator.core import typed
from negotiator.core.enums import Category, Cause, DebtKind, Stage

# Values of the answers file's enums, in the order they are declared (the order a person would
# scan them): the model is the one list.
CAUSES = typed.choices_of(Cause)
CATEGORIES = typed.choices_of(Category)
DEBT_KINDS = typed.choices_of(DebtKind)
STAGES = typed.choices_of(Stage)

# Two years behind: within a year of the three-year limitation, counted from the day it went overdue.
OLD_DEBT_DAYS = 2 * 365


def _old(debt: dict[str, Any]) -> bool:
    # A date already given (from an answers file, or an earlier answer) is asked again, not dropped.
    known = "last_payment_date" in debt or "last_demand_date" in debt
    return known or int(debt.get("days_overdue") or 0) >= OLD_DEBT_DAYS


LANGUAGE = Question("language", "select", choices=("zh", "en"))
DRAFT = Question("draft", "select")  # `negotiator resume` with several unfinished interviews
START = Question("start", "select", choices=("continue", "new"))  # a new run while drafts are kept
START_ONE = Question("start", "select", word="start_one", choices=("continue", "new"))  # ... just one
DISCARD = Question("discard", "select")  # which draft to remove, from `negotiator resume`

SITUATION = (
    Question("cause", "select", choices=CAUSES),
    Question("since", "date", hint=True),
    Question("_lasting", "select", choices=("months", "unknown")),
    Question("expected_months", "months", low=1, high=120, hint=True, when=lambda a: a.get("_lasting") == "months"),
    Question("income_before", "amount", required=False, hint=True),
    Question("details", "text", required=False, high=2000, hint=True),
)

INCOME = (
    Question("source", "text", high=100, hint=True),
    Question("monthly", "amount", word="income_monthly", hint=True),
)

# One question per category, asked in turn; Enter leaves the category out. The total beside it
# says what it counts: nothing yet; every answer so far, this one included; or the others.
EXPENSE = Question("monthly", "amount", word="expense", required=False, hint=True)
EXPENSE_WITH = Question("monthly", "amount", word="expense_with", required=False, hint="expense")
EXPENSE_OTHERS = Question("monthly", "amount", word="expense_others", required=False, hint="expense")

PRIORITY = (
    Question("name", "text", word="priority_name", high=100, hint=True),
    Question("monthly", "amount", word="priority_monthly"),
)

DEBT = (
    Question("lender", "text", high=100, hint=True),
    Question("kind", "select", choices=DEBT_KINDS),
    Question("principal", "amount", hint=True),
    Question("interest", "amount", default="0", hint=True),
    Question("penalties", "amount", default="0", hint=True),
    Question("days_overdue", "int", default=0, high=36500),
    Question("_rate", "select", choices=("daily", "annual", "unknown")),
    # Enter or "不知道" leaves the rate out; the debts step then puts in the rate assumed.
    Question("daily_rate_percent", "percent", high="1", hint=True, required=False, unknown=True, when=lambda d: d.get("_rate") == "daily"),
    Question("annual_rate_percent", "percent", high="400", hint=True, required=False, unknown=True,
             when=lambda d: d.get("_rate") == "annual"),
    Question("contract_monthly", "amount", default="0", hint=True),
    Question("stage", "select", choices=STAGES),
    # Both restart the statute of limitations; Enter skips (the plan then counts from the day the
    # debt went overdue, and says it is an estimate). Asked only of a debt old enough for the
    # three years to matter: someone a few months behind is not burdened with them.
    Question("last_payment_date", "date", required=False, hint=True, when=lambda d: _old(d)),
    Question("last_demand_date", "date", required=False, hint=True, when=lambda d: _old(d)),
)

# A debt whose contract rate is not known is planned at 24% a year: the line above which courts
# have reportedly been told to support cutting interest, penalties and fees on a financial loan
# (facts.md, grade R). The answers model itself takes no debt without a rate.
ASSUMED_ANNUAL_RATE = "24"

BUFFER = Question("buffer_percent", "percent", high="50", hint=True)
LUMP_SUM = Question("lump_sum", "amount", default="0", hint=True)

# Menus whose choices are built from the answers (the entries, the steps, the proposals).
BUDGET_MENU = Question("budget_menu", "select")
PROPOSAL = Question("proposal", "select")
REVIEW_MENU = Question("review_menu", "select")

RESULT_MENU = Question("result_menu", "select")
TEXT_PATH = Question("path", "text", high=1000)
OVERWRITE = Question("overwrite", "confirm", default=False)
CASE_NAME = Question("case_name", "text", check=typed.case_name, hint=True)
REPLACE_CASE = Question("replace_case", "confirm", default=True)

INCOME_MENU = Question("income_menu", "select")
PRIORITY_MENU = Question("priority_menu", "select")
DEBTS_MENU = Question("debts_menu", "select")
ENTRY_ACTION = Question("entry_action", "select", choices=("change", "remove", "keep"))
