"""The statute of limitations (诉讼时效) of one debt: when it started, when it runs out, and how
close that is.

Three years (民法典 Arts. 188–189), counted from the later of the last payment and the last demand
received (each restarts it: Art. 195). Unless both dates are known, the day the debt went overdue
counts too (an instalment fell due then, so the period cannot have started earlier), and the result
is marked as an estimate (facts.md section 6).
Pure: dates in, dates out.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

YEARS = 3
NEAR_DAYS = 180  # this close to the end, the warning goes to the top of the plan and the script

RUNNING = "running"
NEAR = "near"
EXPIRED = "expired"


class Limitation(NamedTuple):
    start: dt.date  # "from" in the plan JSON
    expires: dt.date
    status: str  # running, near or expired
    estimated: bool  # True unless both the last payment and the last demand are known


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def limitation(days_overdue: int, last_payment: dt.date | None, last_demand: dt.date | None, on: dt.date) -> Limitation:
    """The limitation of a debt `days_overdue` days behind on the plan date `on`."""
    known = [x for x in (last_payment, last_demand) if x is not None]
    estimated = len(known) < 2
    if estimated:
        known.append(on - dt.timedelta(days=days_overdue))
    start = max(known)
    expires = years_later(start, YEARS)
    left = (expires - on).days
    status = EXPIRED if left <= 0 else NEAR if left <= NEAR_DAYS else RUNNING
    return Limitation(start, expires, status, estimated)
