"""The plan's records: the numbers from the engine, the words for the call, and what the case
store adds. The advice layer fills `Content`; `plan` assembles a `Plan`; every renderer reads one.

They are NamedTuples: as unchangeable as frozen dataclasses, and about seven times quicker to
define, which every `plan` and `calc` pays at start.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only; only a saved case has a log or an agreement
    from negotiator.answers.case import Case
    from negotiator.planning.engine import Numbers
    from negotiator.planning.incidents import SoFar
    from negotiator.planning.standing import Kept
    from negotiator.records.contacts import Agreement, ContactEntry
    from negotiator.records.payments import Payment


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
    lenders: tuple[str, ...] = ()  # the lenders it is the answer for (in the plan: always named)
    key: str = ""  # the library's key ("pay_all", ...); "" for the one answer to an old debt


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


class KeepingAdvice(NamedTuple):
    """What to do about one agreement: before a payment is missed ("at_risk": steps in the order a
    debt adviser gives them, a script for the call, a letter), or once it is paid ("way_out": the
    结清证明, the credit report, an objection, each with its source and grade, and two letters)."""

    lender: str
    situation: str  # "at_risk" or "way_out"
    steps: tuple[Right, ...]
    script: tuple[str, ...]  # lines to say on the call; none for the way out
    letters: tuple[Letter, ...]


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
    keeping: tuple[KeepingAdvice, ...] = ()  # for a saved case's agreements at risk or paid in full


class Plan(NamedTuple):
    case: Case
    lang: str
    numbers: Numbers
    content: Content | None = None
    log: tuple[ContactEntry, ...] = ()  # contact log of a saved case
    agreements: tuple[Agreement, ...] = ()  # the current agreement with each lender, for a saved case
    follow_up: dt.date | None = None  # the next follow-up, by the one rule in planning.follow_up
    incidents: SoFar | None = None  # collector misconduct in a saved case's log, with the case's name
    payments: tuple[Payment, ...] = ()  # every payment recorded in a saved case
    kept: Kept | None = None  # where each agreement stands today (planning.standing); None without agreements or payments

    @property
    def agreement(self) -> Agreement | None:
        """The agreement recorded last (older callers knew one agreement per case)."""
        return self.agreements[-1] if self.agreements else None
