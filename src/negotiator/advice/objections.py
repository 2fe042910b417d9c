"""What collectors often say, with a calm answer and the rule behind it where there is one.

Some answers depend on the case: the malicious-overdraft threat is answered one way for credit
cards (Criminal Law Art. 196 and its elements) and another for Huabei, Jiebei and loans, and the
card-only instalment rule is mentioned only when there is a card.

Each answer says which lenders it is for. A lender whose posture is old gets a set of its own:
one answer to every demand that admits nothing, names no amount and proposes nothing (facts.md
section 6), and only those of the library's answers that ask for nothing and promise nothing. A
lender already agreed gets an answer that points to the agreement instead of any that negotiates.
"""

from __future__ import annotations

from collections.abc import Sequence

from negotiator.advice.values import agreed_values
from negotiator.answers.case import DebtKind, ProposalKind, Stage
from negotiator.planning.engine import DebtPlan
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


# The library's answers an old debt keeps: they ask for nothing, name no amount and promise nothing.
SAFE_WHEN_OLD = ("fake_court", "late_calls", "screen_share")
# The library's answers an agreed lender keeps: none of them opens the money question again. Every
# demand about money (pay it all, a down payment, today or never, borrow, no negotiation, a suit)
# gets the one answer that points to the agreement.
SAFE_WHEN_AGREED = ("personal_account", "contacts", "jail_card", "jail_loan", "blacklist", "fake_court", "insults", "late_calls", "visit",
                    "screen_share", "intermediary")


def agreed_answer(lang: str, d: DebtPlan) -> Objection:
    """The one answer to a demand about money from a lender already agreed: what was agreed (the
    monthly amount, the count and the first date, or the settlement's sum), kept to, and any change
    asked for in writing. Nothing is negotiated again."""
    assert d.agreed is not None
    form = "you_say_settle" if d.agreed.kind is ProposalKind.settlement else "you_say"
    values = {"lender": d.lender, **agreed_values(lang, d)}
    return Objection(t(lang, "objections.agreed.they_say"), t(lang, f"objections.agreed.{form}", **values), "", "", (d.lender,), "agreed")


def agreed_set(lang: str, values: dict[str, object], debts: Sequence[DebtPlan]) -> list[Objection]:
    """For the lenders already agreed: each one's answer quoting its agreement, then the library's
    answers that ask for nothing more, once for all of them."""
    names = tuple(d.lender for d in debts)
    kept = [o._replace(lenders=names) for o in objections(lang, values, {d.debt.kind for d in debts}) if o.key in SAFE_WHEN_AGREED]
    return [*(agreed_answer(lang, d) for d in debts), *kept]


def for_lenders(lang: str, values: dict[str, object], debts: Sequence[DebtPlan]) -> tuple[Objection, ...]:
    """The plan's answers, a set for each posture that needs one, each naming its lenders."""
    old = [d for d in debts if d.stance.old]
    agreed = [d for d in debts if d.agreed is not None and not d.stance.old]
    rest = [d for d in debts if not d.stance.old and d.agreed is None]
    out: list[Objection] = []
    if rest:
        names = tuple(d.lender for d in rest)
        # The values already say what these lenders, every one not old, are offered (case_values).
        out += [o._replace(lenders=names) for o in objections(lang, values, {d.debt.kind for d in rest})]
    for sued in (False, True):
        group = [d for d in old if (d.debt.stage is Stage.lawsuit) is sued]
        if group:
            out += old_set(lang, values, tuple(d.lender for d in group), sued)
    if agreed:
        out += agreed_set(lang, values, agreed)
    return tuple(out)


def old_answer(lang: str, sued: bool) -> str:
    """The one answer to a demand about an old debt; with how to answer a lawsuit when sued."""
    text = t(lang, "safety.old.answer")
    return t(lang, "safety.old.both", answer=text, sued=t(lang, "safety.old.sued")) if sued else text


def old_set(lang: str, values: dict[str, object], lenders: tuple[str, ...], sued: bool) -> list[Objection]:
    answer = Objection(t(lang, "safety.old.they_say"), old_answer(lang, sued), t(lang, "safety.old.source"), "V", lenders)
    kept = [o._replace(lenders=lenders) for o in objections(lang, values, set(DebtKind)) if o.key in SAFE_WHEN_OLD]
    return [answer, *kept]


def spoken(words: dict[str, object], name: str, values: dict[str, object]) -> str:
    """The key of the answer's words in the form these lenders are offered (advice.values.said_values):
    an answer about money says "nothing yet" or "the settlement sum" where the plan offers no monthly amount."""
    form = values.get("said_form")
    return f"objections.{name}.you_say_{form}" if form and f"{name}.you_say_{form}" in words else f"objections.{name}.you_say"


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
                you_say=t(lang, spoken(words, name, values), **values),
                # Plain good sense has no rule behind it: no source, no grade.
                source=str(words.get(f"{name}.source", "")),
                grade=str(words.get(f"{name}.grade", "")),
                key=key,
            )
        )
    return tuple(out)
