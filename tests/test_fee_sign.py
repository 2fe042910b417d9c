"""A fee typed as "-0" is no fee: the schedule never shows -0.00."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from negotiator.planning.schedules import flat_fee


def test_a_negative_zero_fee_is_zero():
    rows = flat_fee(D("1.00"), 1, D("-0"), dt.date(2026, 11, 28)).rows
    assert [str(r.interest) for r in rows] == ["0.00"]
