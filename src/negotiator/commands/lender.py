"""A saved case's plan and one lender of it: what `show`, `offer`, `call`, `practice`, `agree`,
`log add` and `complain` read, built one way (every current agreement, the log), so each command
quotes the same stance for a lender.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from negotiator import store
from negotiator.advice.values import limitation_values
from negotiator.cli.options import language
from negotiator.core.errors import BadInput, Message
from negotiator.plan import build_plan
from negotiator.planning.limitation import NEAR
from negotiator.planning.stance import find_lender
from negotiator.words import t, typed_words

if TYPE_CHECKING:
    from negotiator.plan import Plan
    from negotiator.planning.engine import DebtPlan
    from negotiator.store.cases import SavedCase


class Lender(NamedTuple):
    """One lender of a saved case's plan, with what the words about it need."""

    name: str  # the case's name
    plan: Plan
    debt: DebtPlan
    saved: SavedCase


def saved_plan(saved: SavedCase, lang: str | None = None) -> Plan:
    """The plan of a saved case, in `lang` or the case's language: every current agreement, the
    payments made and the contact log taken in, as `show` builds it."""
    return build_plan(saved.case, lang or saved.case.language, log=tuple(saved.log()), agreements=saved.agreements(), payments=saved.payments)


def standing_lines(who: Lender) -> list[str]:
    """Where the agreement with this lender stands (planning.standing), a sentence a line; none
    without an agreement. What `offer` and `call` say first, so an offer is weighed, and a call
    made, knowing what is paid and what is due."""
    from negotiator.render.blocks import Phrasebook  # noqa: PLC0415
    from negotiator.render.keeping import standing_lines as lines  # noqa: PLC0415

    kept = who.plan.kept
    found = kept.of(who.debt.lender) if kept is not None else None
    if found is None:
        return []
    w = Phrasebook(who.plan.lang)
    return [w("keeping.heading", lender=found.lender, status=w(f"keeping.status.{found.status.value}")), *lines(found, w)]


def pick(plan: Plan, lender: str | None, option: str = "--lender") -> DebtPlan:
    """The lender asked for (by default the first), matched as every command matches a lender."""
    debts = plan.numbers.debts
    if lender is None:
        return debts[0]
    found = find_lender(lender, debts)
    if found is None:
        problem = Message("offer.bad.lender", choices=", ".join(d.lender for d in debts))
        raise BadInput("errors.usage.bad_value", option=option, problem=problem)
    return found


def open_lender(name: str, lender: str | None, lang: str | None) -> Lender:
    """The saved case's plan, in `lang` or the case's language, and the lender asked for."""
    saved = store.open_case(name)
    plan = saved_plan(saved, language(lang, saved.case.language))
    return Lender(name, plan, pick(plan, lender), saved)


def confirm_old_debt(saved: SavedCase, lender: str, confirmed: bool) -> None:
    """Before an agreement or a promise is recorded with a lender whose posture is old: agreeing or
    paying may start the limitation period again and give up the defence (facts.md section 6). The
    warning is said in the case's language; it is recorded only once confirmed (at a prompt in a
    terminal, or with --confirm-old-debt). Otherwise BadInput: nothing is recorded, exit 2."""
    import sys  # noqa: PLC0415

    try:
        plan = saved_plan(saved)
    except BadInput:  # a case whose plan cannot be built has no posture to warn of
        return
    found = find_lender(lender, plan.numbers.debts)
    if found is not None and not found.stance.old and found.agreed is None and found.limitation is not None and found.limitation.status == NEAR:
        # Close to the end of the three years: the debt is still owed and may be agreed, but doing so
        # starts the period again (Civil Code Art. 195). Said before it is recorded; nothing is refused.
        values = limitation_values(saved.case.language, found)
        sys.stderr.write(t(saved.case.language, "safety.limitation.near_record", lender=found.lender, **values) + "\n")
        return
    if found is None or not found.stance.old:
        return
    lang = saved.case.language
    warning = t(lang, "safety.old.record_warning", lender=found.lender)
    if confirmed:
        sys.stderr.write(warning + "\n")
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            answer = input(warning + "\n" + t(lang, "safety.old.record_ask") + " ")
        except EOFError:
            answer = ""
        if answer.strip().casefold() in typed_words("call.form.yes"):
            return
        raise BadInput("safety.old.not_recorded")
    raise BadInput("safety.old.needs_confirmation", warning=warning)
