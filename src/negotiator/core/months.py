"""Whole months from a date, as repayment schedules count them.

Apart from `when` (dates as people write them), so that `calc` loads only this.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=4096)  # a plan's schedules mostly start on the same day: one date, many times
def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
