"""What the borrower can afford each month, and how it is split between lenders.

surplus = income - essential expenses - priority payments; a buffer is kept back from a positive
surplus; what is left is available, split pro rata by balance so every lender is treated alike.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from negotiator.core.money import ZERO, fen


class Budget(NamedTuple):
    income: Decimal
    essentials: Decimal
    priority: Decimal
    surplus: Decimal
    buffer_percent: Decimal
    buffer: Decimal
    available: Decimal


def budget(income: list[Decimal], essentials: list[Decimal], priority: list[Decimal], buffer_percent: Decimal) -> Budget:
    total_income = sum(income, ZERO)
    total_essentials = sum(essentials, ZERO)
    total_priority = sum(priority, ZERO)
    surplus = total_income - total_essentials - total_priority
    buffer = fen(surplus * buffer_percent / 100) if surplus > 0 else ZERO
    return Budget(
        income=total_income,
        essentials=total_essentials,
        priority=total_priority,
        surplus=surplus,
        buffer_percent=buffer_percent,
        buffer=buffer,
        available=max(surplus - buffer, ZERO),
    )
