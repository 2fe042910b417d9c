"""`negotiator call CASE`: a line-mode companion for a live call, with the phone in the other hand.

One key moves through the script; anything else typed is tried in turn as an offer (its verdict
is shown at once), as a word the collector said (the library's answer, with its source), and else
kept as a note with the time. `q` ends the call: a short form, prefilled from the notes and the
offer accepted, becomes one contact-log entry, and the accepted offer may become the agreement.
Ctrl-C keeps the notes as a draft contact and exits with 130.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from negotiator import store
from negotiator.advice.library import answer_for, answer_key
from negotiator.advice.offers import says
from negotiator.advice.values import case_values, debt_values
from negotiator.commands.agree import build_agreement
from negotiator.commands.lender import open_lender, standing_lines
from negotiator.commands.log import (
    STARTED_BY,
    Refused,
    build_entry,
    parse_date,
    parse_money,
)
from negotiator.commands.offer import asks, columns, text_lines
from negotiator.core.controls import visible
from negotiator.core.errors import BadInput, Interrupted
from negotiator.core.money import plain, show
from negotiator.core.months import add_months
from negotiator.planning.incidents import CODES
from negotiator.planning.offer import judge, limitation_expired, walk_away_of
from negotiator.planning.offer_reading import Unreadable, read_offer
from negotiator.render.layout import wrap
from negotiator.words import say, t, table, typed_words

if TYPE_CHECKING:
    from negotiator.planning.offer import Verdict

# One key each, with the words a person may type for it (call.typed in the word files).
NEXT, BACK, QUIT, ACCEPT, HELP = "call.typed.next", "call.typed.back", "call.typed.quit", "call.typed.accept", "call.typed.help"
EXPIRED_STEPS = ("check_first", "admit_nothing", "in_writing", "close")
CLEAR = "-"  # typed in the end form: leave the field empty instead of keeping what is shown


class Call:
    """What the call has gathered so far: notes with their time, and the offers heard."""

    def __init__(self, who: Any, started: dt.datetime) -> None:
        self.who = who
        self.started = started
        self.notes: list[str] = []
        self.last: Verdict | None = None  # the last offer's verdict
        self.accepted: Verdict | None = None
        self.logged = False  # the contact is in the log: Ctrl-C after it keeps no second draft
        self.heard: list[str] = []  # the library's keys for what the collector said

    def note(self, text: str, when: dt.datetime | None = None) -> str:
        stamp = (when or dt.datetime.now()).strftime("%H:%M")
        self.notes.append(f"{stamp} {text}")
        return stamp


def _steps(who: Any, expired: bool) -> list[tuple[str, str]]:
    """The lender's script from the plan. For a debt past the limitation period, the plan's own
    "check first, admit nothing" script when it has one, else ours."""
    lang = who.plan.lang
    script = next((s for s in who.plan.content.script if s.lender == who.debt.lender), who.plan.content.script[0])
    steps = [(step.step, step.text) for step in script.steps]
    if expired and not any(name in ("no_admission", "breakdown") for name, _ in steps):
        return [(name, t(lang, f"call.expired.{name}")) for name in EXPIRED_STEPS]
    return steps


def _step_name(lang: str, name: str) -> str:
    """A step's name in words; a step this version has no name for shows as it is called."""
    return str(table(lang, "call").get(f"steps.{name}", name))


def _say(text: str = "") -> None:
    """One paragraph, wrapped to the terminal (a Chinese character takes two columns)."""
    _write(_fitted(text))


def _fitted(text: str) -> list[str]:
    """`text` as the lines the screen shows. What was typed or read from the case is shown
    escaped, never obeyed (see render.safe)."""
    return wrap(visible(text), columns()) if text else [""]


def _input(question: str) -> str:
    """What is typed after `question`, which is fitted to the screen as any text is: the answer
    is typed after its last line."""
    lines = _fitted(question)
    if lines[:-1]:
        _write(lines[:-1])
    return input(lines[-1] + " ")


def _write(lines: list[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _show_step(lang: str, steps: list[tuple[str, str]], index: int, call: Call | None = None) -> None:
    name, text = steps[index]
    if name == "closing" and call is not None and call.accepted is not None:
        # The closing line quotes what was accepted on this call, not the plan's target.
        from negotiator.advice.offers import says  # noqa: PLC0415

        text = t(lang, "call.screen.closing_accepted", offer=says(lang, call.accepted.offer, call.accepted))
    _say()
    _say(t(lang, "call.screen.step", n=index + 1, count=len(steps), name=_step_name(lang, name)))
    _say(text)


def _heard(call: Call, text: str, expired: bool) -> bool:
    """An offer: show its verdict and note it. False when the text is not an offer."""
    who, lang = call.who, call.who.plan.lang
    try:
        offer = read_offer(text)
    except Unreadable:
        return False
    v = judge(offer, who.debt, who.plan.numbers.plan_date)
    _say()
    if expired:
        _say(t(lang, "call.screen.expired_warning", lender=who.debt.lender))
    sys.stdout.write("\n".join(text_lines(who, v)) + "\n")  # made safe there
    sys.stdout.flush()
    call.last = v
    call.note(t(lang, "call.form.offer_note", offer=says(lang, v.offer, v), verdict=t(lang, f"call.form.verdicts.{v.verdict}")))
    return True


def _answer(call: Call, text: str) -> bool:
    who, lang = call.who, call.who.plan.lang
    key = answer_key(text, who.debt.debt.kind.value)
    if key is None:
        return False
    values = {**case_values(who.plan), **debt_values(who.plan, who.debt)}
    found = answer_for(lang, key, who.debt, values)
    call.heard.append(key)
    _say()
    _say(t(lang, "call.screen.they_say", they_say=found.they_say))
    _say(t(lang, "call.screen.you_say", you_say=found.you_say))
    if found.source:
        _say(t(lang, "call.screen.source", source=found.source))
    call.note(text)
    return True


def _ask(question: str, default: str, read: Callable[[str], Any] | None, lang: str) -> str:
    """One question of the end form; Enter keeps the default; a value `read` refuses is asked again."""
    while True:
        shown = t(lang, "call.form.with_default", question=question, default=default) if default else question
        try:
            typed = _input(shown).strip()
        except EOFError:
            typed = ""
        value = "" if typed == CLEAR else typed or default
        if read is None:
            return value
        try:
            read(value)
        except Refused as exc:
            _say(t(lang, "call.form.bad", problem=say(lang, exc)))
            continue
        return value


# A contact's text fields hold at most this many characters (contacts_and_agreements.FreeText): a long call's notes
# are cut rather than refused, so nothing typed during the call is lost to a validation error.
MAX_TEXT = 2000
# What the collector said that may be misconduct to mark on the contact (the person confirms it in
# the end form): the answer's key -> the incident code of negotiator.planning.incidents.
MARKS = {"jail_card": "threat", "jail_loan": "threat", "visit": "threat", "contacts": "threat", "blacklist": "false_legal",
         "fake_court": "false_legal", "insults": "abuse", "personal_account": "personal_account"}


def _clipped(given: dict[str, str | None]) -> dict[str, str | None]:
    return {k: (v[: MAX_TEXT - 1] + "…" if isinstance(v, str) and len(v) > MAX_TEXT else v) for k, v in given.items()}


def _named(codes: tuple[str, ...], names: str, lang: str) -> dict[str, str]:
    return {code: t(lang, f"{names}.{code}") for code in codes}


def _listed(named: dict[str, str], lang: str) -> str:
    """The choices numbered, by their names: "1 夜间来电；2 ..."."""
    return t(lang, "advice.list.separator").join(f"{n} {name}" for n, name in enumerate(named.values(), 1))


def picked(text: str, codes: tuple[str, ...], names: str, lang: str, several: bool = False) -> tuple[str, ...]:
    """The codes of what was typed in a choice of the end form: each choice by its number, its name
    in the run's language or its code; with `several`, more than one, with commas or spaces
    between. Refused names the choices."""
    named = _named(codes, names, lang)
    parts = [p for p in (re.split(r"[,，、;；\s]+", text.strip()) if several else [text.strip()]) if p]
    found = []
    for part in parts:
        code = next((c for n, (c, name) in enumerate(named.items(), 1) if part.lower() in (str(n), c, name.lower())), None)
        if code is None:
            raise Refused("call.form.bad_pick", choices=_listed(named, lang))
        found.append(code)
    return tuple(dict.fromkeys(found))


def _pick(question: str, codes: tuple[str, ...], names: str, default: tuple[str, ...], lang: str, several: bool = False) -> tuple[str, ...]:
    """A choice of the end form, in the run's language: the choices numbered by their names, the
    default shown by name (Enter keeps it)."""
    named = _named(codes, names, lang)
    shown_default = t(lang, "complaint.list.separator").join(named[c] for c in default)
    typed = _ask(t(lang, "call.form.pick", question=question, choices=_listed(named, lang)), shown_default,
                 lambda x: picked(x, codes, names, lang, several), lang)
    return picked(typed, codes, names, lang, several)


def _agreed_terms(call: Call) -> tuple[str, int, Any, int]:
    """The accepted offer as an agreement: kind, months, monthly, months before the first payment."""
    v = call.accepted
    assert v is not None
    offer = v.offer
    if offer.kind == "settlement":
        return "settlement", 1, offer.lump_sum, 1
    rows = v.schedule.rows[offer.pause_months :]
    if offer.lump_sum:
        rows = rows[1:]
    kind = "extension" if offer.pause_months else "instalments"
    return kind, len(rows), v.monthly, offer.pause_months + 1


def _end(call: Call, name: str) -> None:
    who, lang = call.who, call.who.plan.lang
    v = call.accepted
    separator = t(lang, "advice.list.separator")
    _say()
    _say(t(lang, "call.form.intro"))
    today = dt.date.today()
    given = {
        "when": call.started.isoformat(timespec="minutes"),
        "channel": "phone",
        "lender": who.debt.lender,
        "started_by": _pick(t(lang, "call.form.started_by"), STARTED_BY, "store.log.started_by", ("them",), lang)[0],
        "who": _ask(t(lang, "call.form.who"), "", None, lang),
        "said": _ask(t(lang, "call.form.said"), separator.join(call.notes), None, lang),
        "agreed": _ask(t(lang, "call.form.agreed"), says(lang, v.offer, v) if v else t(lang, "call.form.nothing_agreed"), None, lang),
        "amount_promised": _ask(t(lang, "call.form.amount_promised"), plain(v.monthly) if v else "", parse_money, lang),
        "next_action": _ask(t(lang, "call.form.next_action"), t(lang, "call.form.next_action_default" if v else "call.form.next_action_none"), None, lang),
        "next_date": _ask(t(lang, "call.form.next_date"), (today + dt.timedelta(days=7)).isoformat(), parse_date, lang),
        "incidents": ",".join(_pick(t(lang, "call.form.incidents"), CODES, "complaint.codes",
                                    tuple(dict.fromkeys(MARKS[k] for k in call.heard if k in MARKS)), lang, several=True)),
    }
    entry = build_entry(_clipped(given), [d.lender for d in who.plan.numbers.debts], lang)
    count = store.add_entry(name, entry)
    call.logged = True
    _say(t(lang, "call.form.saved", name=name, count=count))
    if v is None:
        return
    answer = _input(t(lang, "call.form.agree_ask", offer=says(lang, v.offer, v), lender=who.debt.lender)).strip().casefold()
    if answer not in typed_words("call.form.yes"):
        _say(t(lang, "call.form.agreement_skipped"))
        return

    kind, months, monthly, wait = _agreed_terms(call)
    default_due = add_months(today, wait).isoformat()
    due = _ask(t(lang, "call.form.first_due", default=default_due), "", lambda x: parse_date(x) if x else None, lang) or default_due
    agreement = build_agreement(kind, str(months), plain(monthly), due, who.debt.lender, [d.lender for d in who.plan.numbers.debts])
    store.record_agreement(name, agreement)

    _say(t(lang, "call.form.agreement_saved", lender=who.debt.lender, months=agreement.months, monthly=show(agreement.monthly),
           first_due=agreement.first_due.isoformat()))


def _draft(call: Call, name: str) -> None:
    """Ctrl-C: the notes so far become a draft contact, so nothing said on the call is lost."""
    who, lang = call.who, call.who.plan.lang
    if not call.notes or call.logged:
        return
    v = call.accepted
    given = {
        "when": call.started.isoformat(timespec="minutes"),
        "channel": "phone",
        "lender": who.debt.lender,
        "said": t(lang, "call.form.draft_said", notes=t(lang, "advice.list.separator").join(call.notes)),
        "agreed": says(lang, v.offer, v) if v else "",
        "incidents": ", ".join(dict.fromkeys(MARKS[k] for k in call.heard if k in MARKS)),
    }
    entry = build_entry(_clipped(given), [d.lender for d in who.plan.numbers.debts], lang)
    store.add_entry(name, entry)
    _say()
    _say(t(lang, "call.form.draft_saved", name=name))


def _accept(call: Call, lang: str) -> None:
    """`a`: the last offer heard becomes the one accepted, once it is within the line or confirmed."""
    if call.last is None:
        _say(t(lang, "call.screen.nothing_to_accept"))
    elif not _accept_anyway(call.last, lang):
        _say(t(lang, "call.screen.not_accepted"))
    else:
        call.accepted = call.last
        offer_words = says(lang, call.last.offer, call.last)
        call.note(t(lang, "call.form.accepted_note", offer=offer_words))
        _say(t(lang, "call.screen.accepted", offer=offer_words))


def _accept_anyway(v: Verdict, lang: str) -> bool:
    """An offer above the walk-away (or, at once, above what the lump sum allows) is accepted only
    when asked again and answered yes: that line is the one the plan says never to cross."""
    if v.fits and v.fits_at_contract_rate is not False:
        return True
    if v.fits:  # within the line only if no more interest is charged, which the offer did not say
        _say(t(lang, "call.screen.above_at_contract_rate", monthly=show(v.contract_monthly or v.monthly), walk_away=show(v.walk_away)))
    else:
        _say(t(lang, "call.screen.above_walk_away", over=show(v.vs_walk_away), walk_away=show(v.walk_away)))
    try:
        answer = input(t(lang, "call.screen.accept_anyway") + " ")
    except EOFError:
        return False
    return answer.strip().casefold() in typed_words("call.form.yes")


def _title(who: Any, lang: str) -> str:
    """What the call is for: with an agreement, keeping it; else the walk-away and the target."""
    agreed = who.debt.agreed
    if agreed is not None:
        from negotiator.advice.phrasing import date, term  # noqa: PLC0415

        return t(lang, "call.screen.agreed_title", lender=who.debt.lender, monthly=show(agreed.monthly),
                 term=term(lang, agreed.months), first_due=date(lang, agreed.first_due))
    if limitation_expired(who.debt):  # no amount at all: not even the walk-away on the screen
        return t(lang, "call.screen.old_title", lender=who.debt.lender)
    target_ask, _ = asks(who)
    if not target_ask:
        return t(lang, "call.screen.title_no_target", lender=who.debt.lender, walk_away=show(walk_away_of(who.debt)))
    return t(lang, "call.screen.title", lender=who.debt.lender, walk_away=show(walk_away_of(who.debt)), target_ask=target_ask or "")


def _standing(who: Any) -> list[str]:
    """Where the agreement with this lender stands: what is paid and what is due, before anything is said."""
    return standing_lines(who)


def run(name: str, lender: str | None, lang: str | None) -> None:
    who = open_lender(name, lender, lang)
    plan_lang = who.plan.lang
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise BadInput("call.errors.no_terminal", name=name)
    expired = limitation_expired(who.debt)
    call = Call(who, dt.datetime.now().replace(second=0, microsecond=0))
    steps = _steps(who, expired)
    _say("\n".join([_title(who, plan_lang), *_standing(who)]))
    if expired:
        _say(t(plan_lang, "call.screen.expired_warning", lender=who.debt.lender))
    _say(t(plan_lang, "call.screen.keys"))
    index = 0
    _show_step(plan_lang, steps, index, call)
    try:
        while True:
            try:
                typed = input(t(plan_lang, "call.screen.prompt"))
            except EOFError:
                break
            command = typed.strip()
            if command.casefold() in typed_words(NEXT):
                if index + 1 < len(steps):
                    index += 1
                    _show_step(plan_lang, steps, index, call)
                else:
                    _say(t(plan_lang, "call.screen.last"))
            elif command.casefold() in typed_words(BACK):
                if index > 0:
                    index -= 1
                    _show_step(plan_lang, steps, index, call)
                else:
                    _say(t(plan_lang, "call.screen.first"))
            elif command.casefold() in typed_words(QUIT):
                break
            elif command.casefold() in typed_words(HELP):
                _say(t(plan_lang, "call.screen.keys"))
            elif command.casefold() in typed_words(ACCEPT):
                _accept(call, plan_lang)
            elif not _heard(call, command, expired) and not _answer(call, command):
                stamp = call.note(command)
                _say(t(plan_lang, "call.screen.note_kept", time=stamp))
        _end(call, name)
    except KeyboardInterrupt as exc:
        raise _stopped(call, name) from exc


def _stopped(call: Call, name: str) -> Interrupted:
    """Ctrl-C: the notes kept as a draft contact (said there); with nothing noted, it says that
    nothing was changed rather than ending without a word."""
    _draft(call, name)
    if not (call.notes or call.logged):
        return Interrupted("call.form.stopped", name=name)
    return Interrupted("")
