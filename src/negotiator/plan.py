"""The plan: the numbers from the engine, the words for the call, and what the case store adds.

Every renderer reads this one object; nothing here prints or decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from negotiator.case import Case
from negotiator.errors import BadInput
from negotiator.planning import ChoiceUnavailable, Numbers, plan_numbers
from negotiator.words import t

if TYPE_CHECKING:  # only a saved case has a log or an agreement; an answers file need not load them
    from negotiator.records import Agreement, ContactEntry


@dataclass(frozen=True)
class Step:
    step: str  # opening, identity, situation, willingness, opening_ask, fallback, confirm, closing
    text: str


@dataclass(frozen=True)
class Script:
    lender: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Objection:
    they_say: str
    you_say: str
    source: str  # the rule behind the answer, from facts.md; "" where there is none
    grade: str = ""  # the source's grade in facts.md: "V" checked, "R" reported (worded so), "" none


@dataclass(frozen=True)
class Right:
    text: str
    source: str
    grade: str = ""  # "V" checked against the text, "R" reported (and worded "reported")


@dataclass(frozen=True)
class Letter:
    lender: str
    text: str


@dataclass(frozen=True)
class Checklist:
    before: tuple[str, ...]
    during: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class Content:
    """The words of the plan, filled with the case's own numbers, in one language."""

    checklist: Checklist
    talking_points: tuple[str, ...]
    script: tuple[Script, ...]  # one per debt, in the answers file's order
    objections: tuple[Objection, ...]
    mistakes: tuple[str, ...]
    letter: tuple[Letter, ...]  # one per debt
    rights: tuple[Right, ...]
    disclaimer: str


@dataclass(frozen=True)
class Plan:
    case: Case
    lang: str
    numbers: Numbers
    content: Content | None = None
    log: tuple[ContactEntry, ...] = field(default=())  # contact log of a saved case
    agreement: Agreement | None = None  # the repayment agreement recorded for a saved case


def build_plan(case: Case, lang: str | None = None, today: dt.date | None = None, log: tuple[ContactEntry, ...] = (), agreement: Agreement | None = None) -> Plan:
    """Numbers and words for one case, in `lang` or the case's own language."""
    language = lang or case.language
    try:
        numbers = plan_numbers(case, today)
    except ChoiceUnavailable as exc:
        problem = t(language, "errors.field.chosen_unavailable", kind=exc.kind.value)
        raise BadInput(f"debts[{exc.index}].chosen: {problem}") from exc
    plan = Plan(case=case, lang=language, numbers=numbers, log=log, agreement=agreement)
    return _with_content(plan)


def _with_content(plan: Plan) -> Plan:
    from dataclasses import replace

    from negotiator.advice import build_content

    return replace(plan, content=build_content(plan))
