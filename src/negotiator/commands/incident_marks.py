"""Marking collector misconduct on a contact: `log add --incident CODE` (the question asked in a
terminal is one of log add's). The codes are those of negotiator.planning.incidents."""

from __future__ import annotations

from typing import Any

from negotiator.core.errors import BadInput, Message
from negotiator.planning.incidents import CODES


def incident_codes(given: Any) -> tuple[str, ...]:
    """The codes typed (repeated options, or a list from the question), each once, in order.
    Commas are allowed too: --incident threat,abuse."""
    if not given:
        return ()
    typed = [given] if isinstance(given, str) else list(given)
    codes = [part.strip().lower() for value in typed for part in str(value).split(",") if part.strip()]
    for code in codes:
        if code not in CODES:
            raise BadInput("errors.usage.bad_value", option="--incident", problem=Message("complaint.bad_code", codes=", ".join(CODES)))
    return tuple(dict.fromkeys(codes))
