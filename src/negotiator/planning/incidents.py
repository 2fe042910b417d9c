"""Collector conduct in the contact log: what the person marked, and what the log itself shows.

Pure: entries in, incidents out; no words, no printing. Two kinds are found without being marked,
from the rules in the fact sheet (GB/T 45251-2025, a recommended national standard, as reported):
a phone contact between 22:00 and 08:00, and more than 3 phone contacts from one lender on one day,
counting only the contacts the lender's side made (or may have made: an entry that does not say);
the person's own calls are never held against the lender. Every incident names the log entries it comes from, numbered from 1 in the order they were added
(the order `negotiator log list` gives them in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple, Protocol, get_args

from negotiator.core.enums import IncidentCode

CODES: tuple[str, ...] = get_args(IncidentCode)
NIGHT_STARTS = dt.time(22, 0)
DAY_STARTS = dt.time(8, 0)
CALLS_A_DAY = 3  # more than this many phone contacts from one lender in one day is too many


class Contact(Protocol):
    """What detection reads of a contact-log entry (negotiator.records.contacts.ContactEntry)."""

    @property
    def when(self) -> dt.datetime: ...
    @property
    def channel(self) -> str: ...
    @property
    def lender(self) -> str: ...
    @property
    def incidents(self) -> tuple[str, ...]: ...
    @property
    def started_by(self) -> str | None: ...


class Incident(NamedTuple):
    code: str  # one of CODES
    entries: tuple[int, ...]  # the log entries it comes from, numbered from 1
    found: bool  # True: seen in the log; False: marked by the person
    lender: str  # "" when the entries do not name one
    when: dt.datetime  # the first of its entries


class SoFar(NamedTuple):
    """The incidents of a saved case, for the short part of its plan."""

    case_name: str
    incidents: tuple[Incident, ...]


def theirs(entry: Contact) -> bool:
    """A phone contact the lender or its collector made, or may have made (the log does not say):
    a call the person made is never counted against the lender."""
    return entry.channel == "phone" and entry.started_by != "me"


def at_night(entry: Contact) -> bool:
    """A phone contact of theirs between 22:00 and 08:00, by the clock time written in the log."""
    moment = entry.when.time()
    return theirs(entry) and (moment >= NIGHT_STARTS or moment < DAY_STARTS)


def _found(entries: Sequence[Contact]) -> list[Incident]:
    out = [Incident("night_call", (n,), True, e.lender, e.when) for n, e in enumerate(entries, 1) if at_night(e)]
    days: dict[tuple[str, dt.date], list[int]] = {}
    for n, e in enumerate(entries, 1):
        # A call that names no lender could be anyone's: it is not counted against one.
        if theirs(e) and e.lender:
            days.setdefault((e.lender, e.when.date()), []).append(n)
    for (lender, _), numbers in days.items():
        if len(numbers) > CALLS_A_DAY:
            ordered = tuple(sorted(numbers, key=lambda n: (entries[n - 1].when.replace(tzinfo=None), n)))
            out.append(Incident("too_many_calls", ordered, True, lender, entries[ordered[0] - 1].when))
    return out


def incidents(entries: Sequence[Contact]) -> tuple[Incident, ...]:
    """Every incident in the log, oldest first. A mark the log also shows is told once, as found."""
    found = _found(entries)
    seen = {(i.code, n) for i in found for n in i.entries}
    marked = [
        Incident(code, (n,), False, e.lender, e.when)
        for n, e in enumerate(entries, 1)
        for code in dict.fromkeys(e.incidents)
        if (code, n) not in seen
    ]
    every = found + marked
    return tuple(sorted(every, key=lambda i: (i.when.replace(tzinfo=None), i.entries[0], CODES.index(i.code))))


def lenders_with(found: Sequence[Incident]) -> list[str]:
    """The lenders the incidents name, in the order first seen."""
    return list(dict.fromkeys(i.lender for i in found if i.lender))


def about(found: Sequence[Incident], lender: str) -> tuple[Incident, ...]:
    """The incidents a complaint to `lender` is about: its own, and those naming no lender."""
    return tuple(i for i in found if i.lender in (lender, ""))


def so_far(entries: Sequence[Contact], case_name: str) -> SoFar | None:
    """The incidents of a saved case for its plan's short part; None when there are none."""
    found = incidents(entries)
    return SoFar(case_name, found) if found else None
