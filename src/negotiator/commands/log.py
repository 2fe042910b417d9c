"""`negotiator log add` and `negotiator log list`: the contact log of a saved case.

`log add` runs without prompts when --channel is given; in a terminal without it, it asks for each
field not given as an option. Either way every value goes through the same parsers below.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from negotiator.errors import BadInput, Interrupted
from negotiator.words import t

CHANNELS = ("phone", "sms", "app", "letter", "visit")
FORMATS = ("text", "json")
FIELDS = ("when", "channel", "who", "lender", "said", "agreed", "amount_promised", "next_action", "next_date", "incidents")


class Refused(ValueError):
    """A typed value we cannot use; the message is the problem, without the option's name."""


def option(field: str) -> str:
    return "--" + field.replace("_", "-")


# ---- reading what was typed (options and answers alike) --------------------------------------


# A time at the end of what was typed: "14:30", "14：30", "15点", "15点30分".
_TIME = re.compile(r"(.*?)[ T]*(\d{1,2}) ?[:：点时] ?(\d{1,2})? ?分?")


def _day(text: str, lang: str, lean: str, today: dt.date) -> dt.date:
    """A day as people write it (2026-12-05, 12月5日, 明天, next Monday); a month alone is refused,
    since a contact or a follow-up happens on a day."""
    from negotiator.when import Unclear, parse_date

    try:
        day = parse_date(text, today, lean)
    except Unclear as exc:
        raise Refused(t(lang, "asking.err.date")) from exc
    if day.to_month:
        raise Refused(t(lang, "asking.err.day_needed"))
    if not dt.date(1990, 1, 1) <= day.first <= dt.date(2100, 12, 31):
        raise Refused(t(lang, "asking.err.date_range"))
    return day.first


def parse_when(text: str, lang: str, today: dt.date | None = None) -> dt.datetime:
    """When a contact happened: ISO (2026-11-28T14:30), or a day and a time as people write them
    ("昨天 15:00", "11月28日 14:30", "yesterday 9:30"); a day alone is at midnight."""
    from negotiator.when import PAST

    s = text.strip()
    try:
        value = dt.datetime.fromisoformat(s)
    except ValueError:
        match = _TIME.fullmatch(s)
        part, hour, minute = (match[1].strip(), int(match[2]), int(match[3] or 0)) if match else (s, 0, 0)
        try:
            day = _day(part, lang, PAST, today or dt.date.today()) if part else (today or dt.date.today())
            value = dt.datetime.combine(day, dt.time(hour, minute))
        except (Refused, ValueError) as exc:
            raise Refused(t(lang, "asking.err.when")) from exc
    if not dt.date(1990, 1, 1) <= value.date() <= dt.date(2100, 12, 31):
        raise Refused(t(lang, "asking.err.date_range"))
    return value


def parse_date(text: str, lang: str, today: dt.date | None = None) -> dt.date | None:
    """A day ahead (a follow-up, a first payment): ISO or as people write it."""
    from negotiator.when import FUTURE

    if not text.strip():
        return None
    return _day(text, lang, FUTURE, today or dt.date.today())


def parse_money(text: str, lang: str) -> Decimal | None:
    from negotiator.money import AmountError, parse_amount

    if not text.strip():
        return None
    try:
        return parse_amount(text)
    except AmountError as exc:
        raise Refused(t(lang, f"asking.err.amount_{exc.code}")) from exc


def parse_channel(text: str, lang: str) -> str:
    value = text.strip().lower()
    if value not in CHANNELS:
        raise Refused(t(lang, "asking.err.channel", choices=", ".join(CHANNELS)))
    return value


def match_lender(text: str | None, lenders: list[str], lang: str) -> str:
    """One of the case's lenders, matched without regard to case. Not given: the only lender, if
    the case has just one."""
    if text is None:
        return lenders[0] if len(lenders) == 1 else ""
    wanted = text.strip()
    if not wanted:
        return ""
    for lender in lenders:
        if lender.casefold() == wanted.casefold():
            return lender
    raise Refused(t(lang, "asking.err.lender", choices=", ".join(lenders)))


def build_entry(given: dict[str, str | None], lenders: list[str], lang: str, now: dt.datetime | None = None):
    """A ContactEntry from typed values; BadInput names the option of the first value refused."""
    from pydantic import ValidationError

    from negotiator.commands.incident_marks import incident_codes
    from negotiator.loading import problem as field_problem
    from negotiator.records import ContactEntry
    from negotiator.words import say

    def read(field: str, parser: Callable[[str, str], Any]) -> Any:
        value = given.get(field)
        if value is None:
            return None
        try:
            return parser(value, lang)
        except Refused as exc:
            raise BadInput(t(lang, "errors.usage.bad_value", option=option(field), problem=str(exc))) from exc

    when = read("when", parse_when) or now or dt.datetime.now().replace(microsecond=0)
    channel = read("channel", parse_channel)
    try:
        lender = match_lender(given.get("lender"), lenders, lang)
    except Refused as exc:
        raise BadInput(t(lang, "errors.usage.bad_value", option="--lender", problem=str(exc))) from exc
    values = {
        "when": when,
        "channel": channel,
        "lender": lender,
        "amount_promised": read("amount_promised", parse_money),
        "next_date": read("next_date", parse_date),
        "incidents": incident_codes(given.get("incidents")),
        **{f: given.get(f) or "" for f in ("who", "said", "agreed", "next_action")},
    }
    try:
        return ContactEntry.model_validate(values)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = str(error["loc"][0]) if error["loc"] else "when"
        problem = say(lang, field_problem(error))
        raise BadInput(t(lang, "errors.usage.bad_value", option=option(field), problem=problem)) from exc


# ---- asking in a terminal ---------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    field: str
    kind: str  # datetime, channel, lender, text, amount, date


QUESTIONS = (
    Question("when", "datetime"),
    Question("channel", "channel"),
    Question("lender", "lender"),
    Question("who", "text"),
    Question("said", "text"),
    Question("agreed", "text"),
    Question("amount_promised", "amount"),
    Question("next_action", "text"),
    Question("next_date", "date"),
    Question("incidents", "incidents"),
)

_CHECKS: dict[str, Callable[[str, str], Any]] = {"datetime": parse_when, "amount": parse_money, "date": parse_date}


def is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _check(parser: Callable[[str, str], Any], lang: str) -> Callable[[str], bool | str]:
    """A questionary validator: True, or the one-line problem shown under the question."""

    def validate(text: str) -> bool | str:
        from negotiator.asking import block

        try:
            parser(text, lang)
        except Refused as exc:
            return block(str(exc))
        return True

    return validate


HINTS = {"who": "skip", "said": "skip", "agreed": "skip", "next_action": "skip", "amount_promised": "amount_promised",
         "next_date": "next_date", "when": "when"}


def _prompt(questionary: Any, question: Question, lenders: list[str], lang: str, now: dt.datetime) -> Any:
    """One question asked as the wizard asks: the same mark, a hint under it, choices moved with
    the arrows, and the offered answer (now) greyed in the field, taken by Enter."""
    if question.kind == "incidents":
        from negotiator.commands.incident_marks import incidents_question

        return incidents_question(questionary, lang)
    from negotiator import asking as fit
    from negotiator.asking import enter_takes, offered_style

    message = t(lang, f"asking.log.q.{question.field}")
    if question.kind in ("channel", "lender"):
        if question.kind == "channel":
            choices = [questionary.Choice(title=t(lang, f"store.log.channels.{c}"), value=c) for c in CHANNELS]
        else:
            choices = [questionary.Choice(title=fit.choice(name), value=name) for name in lenders]
            choices.append(questionary.Choice(title=t(lang, "store.log.no_lender"), value=""))
        message = fit.question(message, None)
        return questionary.select(message, choices=choices, qmark="›", instruction=fit.instruction(message, t(lang, "wizard.hint.arrows")))
    check = _CHECKS.get(question.kind)
    message = fit.question(message, t(lang, f"asking.log.hint.{HINTS[question.field]}"))
    if question.kind == "datetime":
        from prompt_toolkit.formatted_text import FormattedText

        offered = now.strftime("%Y-%m-%d %H:%M")
        placeholder = FormattedText([("class:placeholder", t(lang, "asking.log.hint.now", now=offered))])
        return questionary.text(message, validate=_check(parse_when, lang), qmark="›", placeholder=placeholder,
                                style=offered_style(), key_bindings=enter_takes(offered))
    return questionary.text(message, validate=_check(check, lang) if check else None, qmark="›")


def ask(given: dict[str, str | None], lenders: list[str], lang: str, now: dt.datetime | None = None) -> dict[str, str | None]:
    """Ask for every field not given as an option; Enter skips the optional ones."""
    import questionary

    from negotiator.asking import roomy_errors

    answers = dict(given)
    moment = now or dt.datetime.now()
    try:
        for question in QUESTIONS:
            if answers.get(question.field) is not None or (question.kind == "lender" and len(lenders) <= 1):
                continue
            prompt = _prompt(questionary, question, lenders, lang, moment)
            roomy_errors(prompt)  # a refusal's note gets its lines, as in the wizard
            answers[question.field] = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError) as exc:
        raise Interrupted(t(lang, "store.log.interrupted")) from exc
    return answers


# ---- the commands -----------------------------------------------------------------------------


def add(name: str, lang: str | None, *, when: str | None = None, channel: str | None = None, who: str | None = None, lender: str | None = None,
        said: str | None = None, agreed: str | None = None, amount_promised: str | None = None, next_action: str | None = None,
        next_date: str | None = None, incidents: list[str] | None = None) -> None:
    from negotiator import store

    from negotiator.store.journal import lenders_of

    # Every file of the case is checked before anything is asked, so no one types for nothing.
    from negotiator.options import language, speak

    lenders, case_language = lenders_of(name)
    lang = speak(language(lang, case_language))  # the case's language unless --lang says otherwise
    given: dict[str, Any] = {"when": when, "channel": channel, "who": who, "lender": lender, "said": said, "agreed": agreed,
                             "amount_promised": amount_promised, "next_action": next_action, "next_date": next_date, "incidents": incidents}
    if channel is None:
        if not is_terminal():
            raise BadInput(t(lang, "errors.usage.bad_value", option="--channel", problem=t(lang, "asking.err.channel_required")))
        given = ask(given, lenders, lang)
    entry = build_entry(given, lenders, lang)
    count = store.add_entry(name, entry)
    print(t(lang, "store.log.added", name=name, count=count))


def entry_fields(entry) -> dict[str, Any]:
    """One contact as the JSON of `log list`: money as a string with two decimals, dates ISO."""
    from negotiator.money import plain

    return {
        "when": entry.when.isoformat(),
        "channel": entry.channel,
        "who": entry.who,
        "lender": entry.lender,
        "said": entry.said,
        "agreed": entry.agreed,
        "amount_promised": plain(entry.amount_promised) if entry.amount_promised is not None else None,
        "next_action": entry.next_action,
        "next_date": entry.next_date.isoformat() if entry.next_date else None,
        **({"incidents": list(entry.incidents)} if entry.incidents else {}),
    }


def text(entries: list, name: str, lang: str) -> str:
    from negotiator.money import show
    from negotiator.render.safe import one_line, visible
    from negotiator.render.layout import terminal_width, wrap
    from negotiator.render.table import width

    if not entries:
        return t(lang, "store.log.empty", name=name) + "\n"
    blocks = []
    for entry in entries:
        head = f"{entry.when.isoformat(sep=' ', timespec='minutes')}  {t(lang, f'store.log.channels.{entry.channel}')}"
        head += "".join(f"  {one_line(part)}" for part in (entry.lender, entry.who) if part)
        lines = [head]
        for field, value in (("said", entry.said), ("agreed", entry.agreed), ("next_action", entry.next_action)):
            if value:
                # A note's own line breaks stay inside its entry, indented under its label.
                note = visible(value).replace("\n", "\n    ")
                lines.append(f"  {t(lang, f'store.log.labels.{field}')}: {note}")
        if entry.amount_promised is not None:
            lines.append(f"  {t(lang, 'store.log.labels.amount_promised')}: {show(entry.amount_promised)}")
        if entry.next_date:
            lines.append(f"  {t(lang, 'store.log.labels.next_date')}: {entry.next_date.isoformat()}")
        # Wrapped to the window, at words (English) or by the Chinese line-breaking rules.
        limit = terminal_width()
        fitted = [line if width(line) <= limit else "\n".join(wrap(line.strip(), limit, line[: len(line) - len(line.lstrip())], "    "))
                  for line in lines]
        blocks.append("\n".join(fitted))
    return "\n\n".join(blocks) + "\n"


def list_entries(name: str, fmt: str, lang: str | None) -> None:
    from negotiator import store
    from negotiator.options import choice, language

    choice("--format", fmt, FORMATS, language(lang))
    saved = store.open_case(name)
    lang = language(lang, saved.case.language)
    entries = saved.log()
    if fmt == "json":
        sys.stdout.write(json.dumps([entry_fields(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(text(entries, name, lang))
