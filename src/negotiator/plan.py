"""The plan: the numbers from the engine, the words for the call, and what the case store adds.

Every renderer reads this one object; nothing here prints or decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from negotiator.case import Case
from negotiator.errors import BadInput
from negotiator.planning import ChoiceUnavailable, Numbers, plan_numbers
from negotiator.words import t


@dataclass(frozen=True)
class Plan:
    case: Case
    lang: str
    numbers: Numbers
    content: Any = None  # negotiator.content.Content: checklist, script, rights, ...
    log: tuple[Any, ...] = field(default=())  # contact log entries of a saved case
    agreement: Any = None  # the repayment agreement recorded for a saved case


def build_plan(case: Case, lang: str | None = None, today: dt.date | None = None, log: tuple[Any, ...] = (), agreement: Any = None) -> Plan:
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
    try:
        from negotiator.content import build_content
    except ImportError:  # the words are assembled by negotiator.content once it exists
        return plan
    from dataclasses import replace

    return replace(plan, content=build_content(plan))
