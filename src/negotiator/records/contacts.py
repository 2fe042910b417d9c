"""What a saved case adds to the plan: the contact log and the repayment agreement.

Both are validated on load like the answers file; the log is append-only.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    field_validator,
    model_serializer,
)

from negotiator.answers.case import (
    Money,
    ProposalKind,
    WholeNumber,
    _in_range,
    _Strict,
    no_controls,
)
from negotiator.core.enums import Channel, IncidentCode, StartedBy

# What a person wrote in their own words: kept as written, only trimmed and capped.
FreeText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(no_controls)]
# Collector conduct a person marks on a contact; negotiator.planning.incidents finds some by itself.

class ContactEntry(_Strict):
    """One contact with a lender or collector, as the guide says to record every conversation."""

    when: dt.datetime
    channel: Channel
    who: OneLine = ""  # the collector's name or employee number
    lender: OneLine = ""
    said: FreeText = ""
    agreed: FreeText = ""
    amount_promised: Money | None = None
    next_action: FreeText = ""
    next_date: dt.date | None = None
    # Optional with a default, so log lines written before it existed still read as version 1.
    incidents: Annotated[tuple[IncidentCode, ...], Field(max_length=10)] = ()
    # Who made the contact, when said (older lines do not say: such a contact may be theirs).
    started_by: StartedBy | None = None

    # A hand-edited year like 20266 must be refused on load, not crash the calendar later.
    @field_validator("when")
    @classmethod
    def _when_in_range(cls, value: dt.datetime) -> dt.datetime:
        _in_range(value.date())
        return value

    @field_validator("next_date")
    @classmethod
    def _next_in_range(cls, value: dt.date | None) -> dt.date | None:
        return value if value is None else _in_range(value)

    # A contact with nothing marked, and one that does not say who made it, is written as before,
    # so the line reads the same everywhere.
    @model_serializer(mode="wrap")
    def _without_empty_fields(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        fields: dict[str, Any] = handler(self)
        if not fields.get("incidents", True):
            del fields["incidents"]
        if fields.get("started_by", "") is None:
            del fields["started_by"]
        return fields


class Agreement(_Strict):
    """What was agreed with one lender: its terms. The planning layer builds the schedule they make
    (`planning.schedules.agreed`); the plan shows it and the reminders follow it."""

    lender: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), AfterValidator(no_controls)]
    kind: ProposalKind
    months: Annotated[int, Field(ge=1, le=120), WholeNumber]
    monthly: Money
    first_due: dt.date
    recorded: dt.datetime | None = None

    _first_due_range = field_validator("first_due")(_in_range)
