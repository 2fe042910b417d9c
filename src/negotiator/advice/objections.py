"""What collectors often say, with a calm answer and the rule behind it where there is one.

Some answers depend on the case: the malicious-overdraft threat is answered one way for credit
cards (Criminal Law Art. 196 and its elements) and another for Huabei, Jiebei and loans, and the
card-only instalment rule is mentioned only when there is a card.
"""

from __future__ import annotations

from negotiator.answers.case import DebtKind
from negotiator.records.plan import Objection
from negotiator.words import t, table

# The order people meet them in: money first, then pressure, then threats, then conduct.
PUSHBACKS = (
    "pay_all",
    "borrow",
    "no_negotiation",
    "right_now",
    "down_payment",
    "personal_account",
    "contacts",
    "legal",
    "jail_card",
    "jail_loan",
    "blacklist",
    "fake_court",
    "insults",
    "late_calls",
    "visit",
    "screen_share",
    "intermediary",
)


def _applies(key: str, kinds: set[DebtKind]) -> bool:
    card = DebtKind.credit_card in kinds
    if key == "jail_card":
        return card
    if key == "jail_loan":
        return bool(kinds - {DebtKind.credit_card})
    return True


def objections(lang: str, values: dict[str, object], kinds: set[DebtKind] | None = None) -> tuple[Objection, ...]:
    kinds = kinds if kinds is not None else set(DebtKind)
    words = table(lang, "objections")
    out = []
    for key in PUSHBACKS:
        if not _applies(key, kinds):
            continue
        # The card-only instalment rule (Art. 70) is only mentioned to someone with a card.
        name = "no_negotiation_card" if key == "no_negotiation" and DebtKind.credit_card in kinds else key
        out.append(
            Objection(
                they_say=t(lang, f"objections.{name}.they_say", **values),
                you_say=t(lang, f"objections.{name}.you_say", **values),
                # Plain good sense has no rule behind it: no source, no grade.
                source=str(words.get(f"{name}.source", "")),
                grade=str(words.get(f"{name}.grade", "")),
            )
        )
    return tuple(out)
