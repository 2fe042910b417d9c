"""The plan: the numbers from the engine, the words for the call, and what the case store adds.

Every renderer reads this one object; nothing here prints or decides.

The plan's records, here and in planning/ and render/, are NamedTuples: as unchangeable as frozen
dataclasses, and about seven times quicker to define, which every `plan` and `calc` pays at start.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from negotiator.case import Case
from negotiator.errors import BadInput
from negotiator.planning import ChoiceUnavailable, Numbers, plan_numbers
from negotiator.words import t

if TYPE_CHECKING:  # only a saved case has a log or an agreement; an answers file need not load them
    from negotiator.records import Agreement, ContactEntry


class Step(NamedTuple):
    step: str  # opening, identity, situation, willingness, opening_ask, fallback, confirm, closing
    text: str


class Script(NamedTuple):
    lender: str
    steps: tuple[Step, ...]


class Objection(NamedTuple):
    they_say: str
    you_say: str
    source: str  # the rule behind the answer, from facts.md; "" where there is none
    grade: str = ""  # the source's grade in facts.md: "V" checked, "R" reported (worded so), "" none


class Right(NamedTuple):
    text: str
    source: str
    grade: str = ""  # "V" checked against the text, "R" reported (and worded "reported")


class Letter(NamedTuple):
    lender: str
    text: str


class Checklist(NamedTuple):
    before: tuple[str, ...]
    during: tuple[str, ...]
    after: tuple[str, ...]


class Content(NamedTuple):
    """The words of the plan, filled with the case's own numbers, in one language."""

    checklist: Checklist
    talking_points: tuple[str, ...]
    script: tuple[Script, ...]  # one per debt, in the answers file's order
    objections: tuple[Objection, ...]
    mistakes: tuple[str, ...]
    letter: tuple[Letter, ...]  # one per debt
    rights: tuple[Right, ...]
    disclaimer: str


class Plan(NamedTuple):
    case: Case
    lang: str
    numbers: Numbers
    content: Content | None = None
    log: tuple[ContactEntry, ...] = ()  # contact log of a saved case
    agreements: tuple[Agreement, ...] = ()  # the current agreement with each lender, for a saved case
    follow_up: dt.date | None = None  # the next follow-up, by the one rule in planning.follow_up

    @property
    def agreement(self) -> Agreement | None:
        """The agreement recorded last (older callers knew one agreement per case)."""
        return self.agreements[-1] if self.agreements else None


def build_plan(case: Case, lang: str | None = None, today: dt.date | None = None, log: tuple[ContactEntry, ...] = (),
               agreement: Agreement | None = None, agreements: tuple[Agreement, ...] = ()) -> Plan:
    """Numbers and words for one case, in `lang` or the case's own language. Agreed monthly
    payments come out of what is available first; the rest is shared among the other lenders."""
    from negotiator.planning.follow_up import next_follow_up

    language = lang or case.language
    if agreement is not None and not agreements:
        agreements = (agreement,)
    try:
        numbers = plan_numbers(case, today, agreements)
    except ChoiceUnavailable as exc:
        problem = t(language, "errors.field.chosen_unavailable", kind=exc.kind.value)
        raise BadInput(f"debts[{exc.index}].chosen: {problem}") from exc
    lenders = [d.lender for d in case.debts]
    follow_up = next_follow_up(numbers.plan_date, log, agreements, lenders, today or dt.date.today())
    plan = Plan(case=case, lang=language, numbers=numbers, log=log, agreements=tuple(agreements), follow_up=follow_up)
    return _with_content(plan)


def _with_content(plan: Plan) -> Plan:
    from negotiator.advice import build_content

    return plan._replace(content=build_content(plan))
