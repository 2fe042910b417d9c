"""What collectors often say, with a calm answer and the rule behind it where there is one."""

from __future__ import annotations

from negotiator.plan_records import Objection
from negotiator.words import t, table

# The order people meet them in: money first, then pressure, then conduct.
PUSHBACKS = (
    "pay_all",
    "borrow",
    "no_negotiation",
    "right_now",
    "down_payment",
    "personal_account",
    "contacts",
    "legal",
    "insults",
    "late_calls",
    "visit",
    "intermediary",
)


def objections(lang: str, values: dict[str, object]) -> tuple[Objection, ...]:
    words = table(lang, "objections")
    return tuple(
        Objection(
            they_say=t(lang, f"objections.{key}.they_say", **values),
            you_say=t(lang, f"objections.{key}.you_say", **values),
            # Plain good sense has no rule behind it: no source, no grade.
            source=str(words.get(f"{key}.source", "")),
            grade=str(words.get(f"{key}.grade", "")),
        )
        for key in PUSHBACKS
    )
