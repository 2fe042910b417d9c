"""The list of saved cases: when each last changed and when to follow up next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from negotiator.errors import BadInput
from negotiator.store.cases import SavedCase, open_case
from negotiator.store.folders import _NAME, AGREEMENT_FILE, CASE_FILE, HISTORY_FILE, LOG_FILE, cases_dir


@dataclass(frozen=True)
class CaseSummary:
    name: str
    last_change: dt.datetime
    saved: SavedCase | None  # None when a file of the case is broken
    problem: str | None  # what is wrong with it, as `show` would say


def next_follow_up(saved: SavedCase, today: dt.date) -> dt.date | None:
    """The case's next follow-up, by the one rule the plan uses too (planning.follow_up)."""
    from negotiator.planning.follow_up import next_follow_up as rule

    return rule(saved.case.planned_on(today), saved.entries, saved.agreements(), saved.lenders(), today)


def last_change(folder: Path) -> dt.datetime:
    stamps = [(folder / f).stat().st_mtime for f in (CASE_FILE, LOG_FILE, AGREEMENT_FILE, HISTORY_FILE) if (folder / f).exists()]
    return dt.datetime.fromtimestamp(max(stamps)).replace(microsecond=0)


def list_saved(lang: str) -> list[CaseSummary]:
    """Every saved case, by name. A broken case is listed with its problem rather than hiding the rest."""
    out = []
    for folder in sorted(cases_dir().iterdir()):
        if not (_NAME.fullmatch(folder.name) and (folder / CASE_FILE).is_file()):
            continue
        try:
            saved, problem = open_case(folder.name, lang), None
        except BadInput as exc:
            saved, problem = None, str(exc)
        out.append(CaseSummary(folder.name, last_change(folder), saved, problem))
    return out
