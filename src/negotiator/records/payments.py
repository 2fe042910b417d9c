"""A payment the person made to a lender: a fact, kept like a contact and never changed afterwards.

May import: core, and the answers model's value types (as the contact log does).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from negotiator.answers.case import Money, _in_range, _Strict, no_controls

# The least a payment can be: one fen. A payment of nothing is not a payment.
ONE_FEN = Decimal("0.01")


def _at_least_a_fen(value: Decimal) -> Decimal:
    if value < ONE_FEN:
        raise PydanticCustomError("greater_than_equal", "must be at least 0.01", {"ge": "0.01"})
    return value


class Payment(_Strict):
    """Money paid to one lender on one day. The lender need not have an agreement: such a payment
    is kept all the same, and the plan says it counts toward no agreement."""

    lender: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), AfterValidator(no_controls)]
    date: dt.date
    amount: Annotated[Money, AfterValidator(_at_least_a_fen)]
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""
    recorded: dt.datetime | None = None

    _date_range = field_validator("date")(_in_range)
