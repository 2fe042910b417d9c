"""`negotiator paid NAME --lender L --amount A [--date D] [--note TEXT]`: record a payment made.

Runs without prompts when --amount is given; in a terminal without it, it asks for each value not
given, as `log add` does (negotiator.asking.question). Either way every value is read by the same
parsers (negotiator.core.typed), and a value that cannot be used is refused naming its option.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from negotiator import store
from negotiator.asking.question import Question
from negotiator.asking.question import ask as ask_one
from negotiator.cli.options import language
from negotiator.commands.log import match_lender
from negotiator.core import typed
from negotiator.core.controls import UNSAFE, escaped
from negotiator.core.errors import BadInput, Interrupted, Message
from negotiator.core.money import show
from negotiator.planning.standing import kept
from negotiator.records.payments import Payment
from negotiator.render.keeping import standing_line, stray_line
from negotiator.render.layout import show as say_fitted
from negotiator.words import t

if TYPE_CHECKING:  # types only: `paid --help` need not load the records
    from negotiator.records.payments import Payment
    from negotiator.store import SavedCase

QUESTIONS = (
    Question("lender", "select", area="asking.paid"),
    Question("amount", "amount", hint=True, area="asking.paid"),
    Question("date", "paid_day", hint=True, area="asking.paid", offer="asking.paid.hint.today"),
    Question("note", "text", required=False, high=2000, hint="skip", area="asking.paid"),
)


def build_payment(given: dict[str, Any], payees: list[str], now: dt.datetime | None = None) -> Payment:
    """A Payment from typed values; BadInput names the option of the first value refused."""
    moment = now or dt.datetime.now().replace(microsecond=0)
    lender = typed.option("--lender", match_lender, given.get("lender"), payees)
    if not lender:
        raise BadInput("errors.usage.bad_value", option="--lender", problem=Message("asking.err.lender", choices=", ".join(payees)))
    text = given.get("amount") or ""
    if not text.strip():
        raise BadInput("errors.usage.bad_value", option="--amount", problem=Message("values.amount.empty"))
    amount = typed.option("--amount", typed.amount, text)
    if amount <= 0:  # a payment of nothing is not a payment
        raise BadInput("errors.usage.bad_value", option="--amount", problem=Message("asking.err.paid_positive"))
    day = given.get("date")
    paid_on = moment.date() if day is None or not str(day).strip() else typed.option("--date", typed.paid_day, day, moment.date())
    note = (given.get("note") or "").strip()
    if len(note) > 2000:
        raise BadInput("errors.usage.bad_value", option="--note", problem=Message("errors.field.text_too_long", limit=2000))

    found = UNSAFE.search(note.replace("\n", " "))
    if found is not None:
        raise BadInput("errors.usage.bad_value", option="--note", problem=Message("safety.control_character", shown=escaped(found.group(0))))
    return Payment(lender=lender, date=paid_on, amount=amount, note=note, recorded=moment)


def ask(given: dict[str, Any], payees: list[str], lang: str, today: dt.date | None = None) -> dict[str, Any]:
    """Ask for every value not given as an option; Enter takes today for the date and skips the note."""
    answers = dict(given)
    day = (today or dt.date.today()).isoformat()
    try:
        for q in QUESTIONS:
            if answers.get(q.key) is not None or (q.key == "lender" and len(payees) <= 1):
                continue
            options = [(name, name) for name in payees] if q.key == "lender" else None
            answers[q.key] = ask_one(q, lang, day if q.key == "date" else None, options)
    except (KeyboardInterrupt, EOFError) as exc:
        raise Interrupted("store.paid.interrupted") from exc
    return answers


def run(name: str, lang: str | None, *, lender: str | None = None, amount: str | None = None, date: str | None = None, note: str | None = None) -> None:
    from negotiator.commands.log import is_terminal  # noqa: PLC0415

    language(lang)  # a --lang that names no language is refused before anything is read
    saved = store.open_case(name)  # every file of the case checked before anything is asked
    lang = language(lang, saved.case.language)
    payees = saved.payees()
    given: dict[str, Any] = {"lender": lender, "amount": amount, "date": date, "note": note}
    if amount is None:
        if not is_terminal():
            raise BadInput("errors.usage.bad_value", option="--amount", problem=Message("asking.err.amount_required"))
        given = ask(given, payees, lang)
    elif lender is None and len(payees) > 1:
        raise BadInput("errors.usage.bad_value", option="--lender", problem=Message("asking.err.lender", choices=", ".join(payees)))
    payment = build_payment(given, payees)
    after = store.add_payment(name, payment)
    say_fitted(t(lang, "store.paid.recorded", name=name, lender=payment.lender, amount=t(lang, "render.money", amount=_money(payment.amount)), date=payment.date.isoformat()))
    say_fitted(said_after(after, payment, lang))


def _money(value: Decimal) -> str:
    return show(value)


def said_after(saved: SavedCase, payment: Payment, lang: str) -> str:
    """Where the agreement with the lender paid now stands, as `show` says it; or that the payment
    counts toward no agreement."""
    today = dt.date.today()
    found = kept(saved.agreements(), saved.payments, today)
    for s in found.standings:
        if payment in s.payments:
            return standing_line(s, lang)
    stray = next((x for x in found.stray if x.payment is payment), None)
    return stray_line(stray, lang) if stray is not None else ""
