"""Agreements per lender. The history file (agreements.jsonl) is the single source of truth: the
current agreement with each lender is the last one recorded for that lender.

A case saved by an earlier version may hold only agreement.json (one agreement per case). It still
opens: that agreement is read as a history of one, in memory, and the file is left as it is. The
first agreement recorded afterwards writes the history with the old agreement first, in one atomic
write, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from negotiator.planning.stance import lender_key, same_lender
from negotiator.records.contacts import Agreement

__all__ = ["current", "same_lender", "with_legacy"]


def current(history: Sequence[Agreement], lenders: Sequence[str] = ()) -> tuple[Agreement, ...]:
    """The last agreement recorded with each lender: the case's lenders in their order first, then
    any other lender in the order first recorded."""
    latest: dict[str, Agreement] = {}
    for a in history:
        latest[lender_key(a.lender)] = a
    ordered = []
    for lender in lenders:
        key = lender_key(lender)
        if key in latest:
            ordered.append(latest.pop(key))
    return tuple(ordered) + tuple(latest.values())


def with_legacy(history: tuple[Agreement, ...], legacy: Agreement | None) -> tuple[Agreement, ...]:
    """The history, or the single old agreement.json as a history of one when there is none."""
    if history or legacy is None:
        return history
    return (legacy,)
