"""`negotiator incidents` and `negotiator complain`: collector misconduct found in a saved case's
contact log, and the complaint written from it, in the case's language."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from negotiator import store
from negotiator.advice.complaint import build, tell
from negotiator.cli.options import choice, language
from negotiator.commands.lender import saved_plan
from negotiator.core.errors import BadInput, Joined, Message
from negotiator.planning.incidents import about, incidents, lenders_with
from negotiator.planning.stance import find_lender
from negotiator.render import incidents as form
from negotiator.render.incidents import WIDTH
from negotiator.render.layout import screen_width

LIST_FORMATS = ("text", "json")
FORMATS = ("text", "markdown", "json")
RECIPIENTS = ("lender", "regulator")

if TYPE_CHECKING:  # types only: `complain --help` need not load the store
    from negotiator.planning.incidents import Incident
    from negotiator.records.contacts import ContactEntry
    from negotiator.store import SavedCase


def _open(name: str, lang: str | None) -> tuple[SavedCase, list[ContactEntry], tuple[Incident, ...], str]:
    """The saved case, its log, the incidents in it, and the language to answer in."""
    saved = store.open_case(name)
    entries = saved.log()
    return saved, entries, incidents(entries), language(lang, saved.case.language)


def list_incidents(name: str, fmt: str, lang: str | None) -> None:
    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, LIST_FORMATS)
    saved, entries, found, chosen = _open(name, lang)
    kinds = {d.lender: d.kind.value for d in saved.case.debts}
    told = [tell(i, entries, kinds.get(i.lender, "other"), chosen) for i in found]

    sys.stdout.write(form.json_text(told, entries) if fmt == "json" else form.text(told, name, chosen, screen_width()))


def pick_lender(wanted: str | None, saved: SavedCase, found: Sequence[Incident], lang: str) -> str:
    """The lender the complaint is about: the one asked for, else the only one the incidents (or
    the case) name. BadInput naming --lender when that is not clear."""
    from negotiator.commands.log import Refused, match_lender  # noqa: PLC0415

    lenders = saved.lenders()
    if wanted is not None and wanted.strip():
        try:
            return match_lender(wanted, lenders)
        except Refused as exc:
            raise BadInput("errors.usage.bad_value", option="--lender", problem=exc.message) from exc
    named = lenders_with(found)
    if len(named) == 1:
        return named[0]
    if len(lenders) == 1:
        return lenders[0]
    if not named:  # incidents that name no lender, in a case with several
        named = lenders
    problem = Message("complaint.nothing.several", lenders=Joined("complaint.list.separator", named))
    raise BadInput("errors.usage.bad_value", option="--lender", problem=problem)


def run(name: str, lender: str | None, to: str, fmt: str, lang: str | None, output: Path | None, force: bool,
        today: dt.date | None = None) -> None:
    from negotiator.commands.plan import emit  # noqa: PLC0415
    from negotiator.render.complaint import render  # noqa: PLC0415

    language(lang)  # a --lang that names no language is refused before anything is read
    choice("--format", fmt, FORMATS)
    choice("--to", to, RECIPIENTS)
    saved, entries, found, chosen = _open(name, lang)
    if not found:
        raise BadInput("complaint.nothing.message", name=name, about="")
    who = pick_lender(lender, saved, found, chosen)
    mine = about(found, who)
    if not mine:
        raise BadInput("complaint.nothing.message", name=name, about=Message("complaint.nothing.about", lender=who))
    kind = next(d.kind.value for d in saved.case.debts if d.lender == who)
    complaint = build(name, who, kind, mine, entries, to, chosen, today or dt.date.today(), old=_old(saved, who))

    # A letter saved as a file keeps 80 columns; on screen it fits the window.
    emit(render(complaint, fmt, entries, WIDTH if output is not None else screen_width()), output, force)


def _old(saved: SavedCase, lender: str) -> bool:
    """Whether the lender's posture is old, as the plan works it out: the complaint then admits nothing."""
    try:
        found = find_lender(lender, saved_plan(saved).numbers.debts)
    except BadInput:  # a case whose plan cannot be built: the complaint is still written, and admits nothing more than before
        return False
    return found is not None and found.stance.old
