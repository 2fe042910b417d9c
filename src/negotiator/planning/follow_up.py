"""When to follow up: one rule, read by `show`, `cases`, the plan JSON and the calendar.

The call: the date set at the latest contact, or else, while any lender has no agreement yet, a
week after that contact (or after the plan's date when there has been none). Each agreed payment
still ahead (today counts) comes in too; once payments are recorded, the next one not yet paid, today
for an agreement behind (a call to the lender is owed), and the 结清证明 and credit-report checks
of an agreement paid in full. The next follow-up is the earliest of these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from negotiator.planning.schedules import agreed

if TYPE_CHECKING:  # read for their fields only: a plan from an answers file has no log to load
    from negotiator.planning.standing import Kept
    from negotiator.records.contacts import Agreement, ContactEntry

from negotiator.planning.stance import find_lender

CALL_AFTER_DAYS = 7


def _moment(when: dt.datetime) -> dt.datetime:
    """A time comparable with any other: one typed with a zone is read in the local zone."""
    return when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when


def latest_contact(entries: Sequence[ContactEntry]) -> ContactEntry | None:
    """The contact that happened last; of two at the same time, the one added last."""
    if not entries:
        return None
    return max(enumerate(entries), key=lambda pair: (_moment(pair[1].when), pair[0]))[1]


def call_date(plan_date: dt.date, entries: Sequence[ContactEntry], unagreed: bool = True) -> dt.date | None:
    """When to call again: the date the last contact set; else, while a lender has no agreement,
    a week after that contact (or after the plan's date when there has been none)."""
    last = latest_contact(entries)
    if last is not None and last.next_date is not None:
        return last.next_date
    if not unagreed:
        return None
    base = _moment(last.when).date() if last is not None else plan_date
    return base + dt.timedelta(days=CALL_AFTER_DAYS)


def next_payment(agreement: Agreement, today: dt.date) -> dt.date | None:
    return next((row.due for row in agreed(agreement).rows if row.due >= today), None)


def unagreed(lenders: Sequence[str], agreements: Sequence[Agreement]) -> bool:
    return any(find_lender(x, agreements) is None for x in lenders)


def next_follow_up(plan_date: dt.date, entries: Sequence[ContactEntry], agreements: Sequence[Agreement], lenders: Sequence[str], today: dt.date,
                   kept: Kept | None = None) -> dt.date | None:
    """The earliest of: the follow-up call and each agreed payment still ahead (today counts). A
    call date already past is kept, as a call still owed. With `kept` (planning.standing), what
    each agreement's payments leave to do. None when there is nothing to follow up."""
    if kept is not None:
        from negotiator.planning.standing import keeping_dates  # noqa: PLC0415

        dates = [d for s in kept.standings for d in keeping_dates(s, today)]
    else:
        dates = [d for d in (next_payment(a, today) for a in agreements) if d is not None]
    call = call_date(plan_date, entries, unagreed(lenders, agreements))
    if call is not None:
        dates.append(call)
    return min(dates, default=None)
