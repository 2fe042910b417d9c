"""`negotiator new --answers FILE --name NAME` and `negotiator cases`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiator import store
from negotiator.cli.options import choice, language
from negotiator.core.errors import BadInput, Message
from negotiator.core.money import plain
from negotiator.planning.engine import plan_numbers
from negotiator.render import case_list
from negotiator.render.layout import show
from negotiator.words import say, t

if TYPE_CHECKING:  # types only: `cases --help` need not load the store
    from negotiator.store import CaseSummary, SavedCase

FORMATS = ("text", "json")


def new_from_answers(answers: Path, name: str | None, lang: str | None) -> None:
    """Save a case from an answers file, no questions asked. Refuses a name already taken. Once
    the file is read, the command speaks the case's language, as every case command does, unless
    --lang says otherwise."""
    from negotiator.answers.file import load_answers  # noqa: PLC0415
    from negotiator.plan import build_plan  # noqa: PLC0415

    language(lang)  # a --lang that names no language is refused before anything is read
    if name is None:
        raise BadInput("errors.usage.bad_value", option="--name", problem=Message("store.new.name_required"))
    store.check_name(name)
    case = load_answers(answers)
    lang = language(lang, case.language)
    build_plan(case, lang)  # a case the plan cannot be built from (e.g. an unavailable choice) is not saved
    folder = store.save_case(name, case)

    show(t(lang, "store.new.saved", name=name, folder=folder))


def postures(saved: SavedCase, today: dt.date) -> dict[str, str] | None:
    """Each lender's posture, as the plan works it out (planning.stance) and `show` gives it; None
    when the case's plan cannot be worked out (`show` says why)."""
    try:
        numbers = plan_numbers(saved.case, today, saved.agreements())
    except BadInput:
        return None
    return {d.lender: d.stance.posture.value for d in numbers.debts}


def _row(summary: CaseSummary, today: dt.date, lang: str) -> dict[str, Any]:
    saved = summary.saved
    follow_up = store.next_follow_up(saved, today) if saved else None
    kept = store.kept(saved, today) if saved else None
    due = kept.next_due if kept else None
    return {
        "name": summary.name,
        "last_change": summary.last_change.isoformat(),
        "next_follow_up": follow_up.isoformat() if follow_up else None,
        # A follow-up already past is kept as the next one (a call still owed): said to be owed.
        "follow_up_overdue": follow_up is not None and follow_up < today,
        "lenders": saved.lenders() if saved else [],
        # Each lender of the case's answers and where the borrower stands with it (the `stance`
        # posture of `show --format json`): ordinary, agreed, settling, lawsuit or old.
        "postures": (postures(saved, today) if saved else None) or {},
        "contacts": len(saved.entries) if saved else 0,
        "agreement": saved is not None and saved.current is not None,
        "agreements": len(saved.agreements()) if saved else 0,
        # The worst standing of the case's agreements (planning.standing), null with none.
        "status": kept.worst.value if kept and kept.worst else None,
        "next_payment": None if due is None else {"date": due.date.isoformat(), "amount": plain(due.amount)},
        "payments": len(saved.payments) if saved else 0,
        "problem": say(lang, summary.problem) if summary.problem else None,
    }


# The cases that need something done first: behind, then due soon, on track, paid in full, then
# those with no agreement yet, then any that need fixing; by name within each.
_ORDER = ("behind", "due_soon", "on_track", "completed", None)


def _urgency(row: dict[str, Any]) -> tuple[int, int, str]:
    return (row["problem"] is not None, _ORDER.index(row["status"]), row["name"])


def list_cases(fmt: str, lang: str | None, today: dt.date | None = None) -> None:
    first = language(lang)
    choice("--format", fmt, FORMATS)
    summaries = store.list_saved()
    # Cases all in one language are listed in it, unless --lang says otherwise.
    spoken = {s.saved.case.language for s in summaries if s.saved is not None}
    lang = language(lang, spoken.pop() if len(spoken) == 1 else None)
    rows = sorted((_row(s, today or dt.date.today(), first) for s in summaries), key=_urgency)

    sys.stdout.write(case_list.as_json(rows) if fmt == "json" else case_list.as_text(rows, lang))
