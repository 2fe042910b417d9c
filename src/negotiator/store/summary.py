"""The list of saved cases: when each last changed and when to follow up next."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass
from pathlib import Path

from negotiator.core.errors import BadInput, Message
from negotiator.core.typed import is_case_name
from negotiator.planning.standing import Kept
from negotiator.planning.standing import kept as standings
from negotiator.store.cases import SavedCase, open_case
from negotiator.store.folders import (
    AGREEMENT_FILE,
    CASE_FILE,
    HISTORY_FILE,
    LOG_FILE,
    PAYMENTS_FILE,
    cases_dir,
)


@dataclass(frozen=True)
class CaseSummary:
    name: str
    last_change: dt.datetime
    saved: SavedCase | None  # None when a file of the case is broken
    problem: Message | None  # what is wrong with it, as `show` would say it


def next_follow_up(saved: SavedCase, today: dt.date) -> dt.date | None:
    """The case's next follow-up, by the one rule the plan uses too (planning.follow_up)."""
    from negotiator.planning.follow_up import next_follow_up as rule  # noqa: PLC0415

    return rule(saved.case.planned_on(today), saved.entries, saved.agreements(), saved.lenders(), today, kept(saved, today))


def kept(saved: SavedCase, today: dt.date) -> Kept | None:
    """Where each of the case's agreements stands today (planning.standing), as the plan says it;
    None when the case has neither agreements nor payments."""
    agreements = saved.agreements()
    if not agreements and not saved.payments:
        return None
    return standings(agreements, saved.payments, today)


def last_change(folder: Path) -> dt.datetime:
    stamps = []
    for name in (CASE_FILE, LOG_FILE, AGREEMENT_FILE, HISTORY_FILE, PAYMENTS_FILE):
        try:
            stamps.append((folder / name).lstat().st_mtime)
        except OSError:
            pass
    if not stamps:
        try:
            stamps.append(folder.lstat().st_mtime)
        except OSError:
            stamps.append(0.0)
    return dt.datetime.fromtimestamp(max(stamps)).replace(microsecond=0)


def list_saved() -> list[CaseSummary]:
    """Every saved case, by name. A broken case (a file that is not a file, a folder that is a
    link or may not be read) is listed with its problem rather than hiding the rest."""
    out = []
    for folder in sorted(cases_dir().iterdir()):
        if not is_case_name(folder.name):
            continue
        try:
            kind = folder.lstat().st_mode
            if stat.S_ISDIR(kind):
                (folder / CASE_FILE).lstat()
            elif not stat.S_ISLNK(kind):
                continue  # a stray file, not a case
        except FileNotFoundError:
            continue  # a folder left behind with no case in it
        except OSError:
            pass  # a folder that may not be looked into: listed as broken below
        try:
            saved, problem = open_case(folder.name), None
        except BadInput as exc:
            saved, problem = None, exc.message
        out.append(CaseSummary(folder.name, last_change(folder), saved, problem))
    return out
